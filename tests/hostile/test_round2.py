"""Hostile input, round 2 (issue 15): the file system and the hand-written pages.

The data cases of round 2 are in ``hostile_cases.CASES`` (categories ``ROUND_2``) and run
through ``test_corpus.py``. The cases here change a project folder instead of one data
file: links and special files in ``data/`` and ``content/``, and hand-written pages with
scripts, broken front matter, unknown blocks or invisible characters. Each must be refused
with ``file:line`` and a plain reason (invisible characters named by code and name), by
the same checks ``python -m sitegen validate`` and the build run; a sample goes through the
command line, and one build per class shows that ``site/`` stays exactly as it was.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hostile_cases import CASES, ROUND_2
from project_cases import (
    FRONT,
    PAGE,
    Case,
    check_refused,
    error_line,
    errors_of,
    page,
    project,
    reported,
)
from sitegen.__main__ import main as cli_main
from sitegen.checks.content_pages import check_content
from sitegen.checks.loader import load_data_dir
from sitegen.speech.speech_markup import find_all
from sitegen.text.richtext import render_inline, render_markdown

from conftest import FIXTURE_SITE, ROOT

ERROR_LINE = error_line("data", "content")


def link(name: str, target: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / name
        if path.exists() or path.is_symlink():
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)

    return change


def link_to_copy(name: str, extra: str) -> Callable[[Path], None]:
    """A link to a data file outside the repository that has an error of its own: the
    error must not be reported (nor the target named), only the link."""

    def change(root: Path) -> None:
        outside = root.parent / "outside.yaml"
        outside.write_text((root / name).read_text(encoding="utf-8") + extra, encoding="utf-8")
        (root / name).unlink()
        os.symlink(outside, root / name)

    return change


def fifo(name: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / name
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return change


def unix_socket(name: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(root / name))
        server.close()

    return change


LINK = "this is a symbolic link"
ACTIVE = "is not allowed in a page"

C = Case
FS_AND_PAGES: list[Case] = [
    # --- links and special files ---------------------------------------------------
    C("data-file-links-to-passwd", "links-and-special-files", "data/site.yaml", (LINK,), 1,
      link("data/site.yaml", "/etc/passwd")),
    C("data-file-links-outside", "links-and-special-files", "data/site.yaml", (LINK,), 1,
      link_to_copy("data/site.yaml", "unknown_field: 1\n")),
    C("data-provider-links-outside", "links-and-special-files",
      "data/providers/test-provider.yaml", (LINK,), 1,
      link_to_copy("data/providers/test-provider.yaml", "extra: 1\n")),
    C("data-folder-link", "links-and-special-files", "data/providers/etc", (LINK,), 1,
      link("data/providers/etc", "/etc")),
    C("data-dangling-link", "links-and-special-files", "data/providers/gone.yaml", (LINK,), 1,
      link("data/providers/gone.yaml", "/nonexistent/gone.yaml")),
    C("data-link-to-itself", "links-and-special-files", "data/providers/loop.yaml", (LINK,), 1,
      link("data/providers/loop.yaml", "loop.yaml")),
    C("data-fifo", "links-and-special-files", "data/providers/pipe.yaml",
      ("a named pipe (FIFO)",), 1, fifo("data/providers/pipe.yaml")),
    C("data-fifo-instead-of-site", "links-and-special-files", "data/site.yaml",
      ("a named pipe (FIFO)",), 1, fifo("data/site.yaml")),
    C("data-socket", "links-and-special-files", "data/reports/sock.yaml", ("a socket",), 1,
      unix_socket("data/reports/sock.yaml")),
    C("content-page-links-to-passwd", "links-and-special-files", "content/lv/passwd.md",
      (LINK,), 1, link("content/lv/passwd.md", "/etc/passwd")),
    C("content-folder-link", "links-and-special-files", "content/en/system", (LINK,), 1,
      link("content/en/system", "/etc")),
    C("data-folder-is-a-link", "links-and-special-files", "data", ("the data folder is a symbolic link",),
      1, lambda root: (shutil.move(root / "data", root.parent / "elsewhere"),
                       os.symlink(root.parent / "elsewhere", root / "data"))),
    C("content-folder-is-a-link", "links-and-special-files", "content",
      ("the folder of the pages is a symbolic link",), 1,
      lambda root: (shutil.move(root / "content", root.parent / "pages"),
                    os.symlink(root.parent / "pages", root / "content"))),
    C("content-fifo", "links-and-special-files", "content/lv/pipe.md", ("a named pipe (FIFO)",),
      1, fifo("content/lv/pipe.md")),
    C("content-image-link", "links-and-special-files", "content/lv/logo.png", (LINK,), 1,
      link("content/lv/logo.png", "/usr/share/pixmaps")),
    # --- hand-written pages: active content ------------------------------------------
    C("page-script", "hand-written-page", PAGE, ("<script>", ACTIVE), 7,
      page(FRONT + "<script>alert(1)</script>\n")),
    C("page-script-upper-case", "hand-written-page", PAGE, ("<script>", ACTIVE), 7,
      page(FRONT + "<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n")),
    C("page-img-onerror", "hand-written-page", PAGE, ("event handler",), 8,
      page(FRONT + "Teksts\n<img src=x onerror=alert(1)>\n")),
    C("page-onmouseover-quoted", "hand-written-page", PAGE, ("event handler",), 7,
      page(FRONT + '<p title="x" onmouseover="alert(1)">a</p>\n')),
    C("page-svg-onload", "hand-written-page", PAGE, ("<svg>", ACTIVE), 7,
      page(FRONT + "<svg/onload=alert(1)>\n")),
    C("page-iframe", "hand-written-page", PAGE, ("<iframe>",), 7,
      page(FRONT + '<iframe src="https://evil.example/"></iframe>\n')),
    C("page-style", "hand-written-page", PAGE, ("<style>",), 7,
      page(FRONT + "<style>body{display:none}</style>\n")),
    C("page-form", "hand-written-page", PAGE, ("<form>",), 7,
      page(FRONT + '<form action="https://evil.example/"><input name=p></form>\n')),
    C("page-meta-refresh", "hand-written-page", PAGE, ("<meta>",), 7,
      page(FRONT + '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n')),
    C("page-javascript-link", "hand-written-page", PAGE, ("javascript:",), 7,
      page(FRONT + "[Spied](javascript:alert(1))\n")),
    C("page-javascript-spaced", "hand-written-page", PAGE, ("javascript:",), 7,
      page(FRONT + "[Spied](  JaVaScRiPt:alert(1))\n")),
    C("page-data-link", "hand-written-page", PAGE, ("javascript:",), 7,
      page(FRONT + "[x](data:text/html;base64,PHNjcmlwdD4=)\n")),
    C("page-protocol-relative-link", "hand-written-page", PAGE, ("//host",), 7,
      page(FRONT + "[x](//evil.example/x)\n")),
    C("page-backslash-host-link", "hand-written-page", PAGE, ("//host",), 7,
      page(FRONT + "[x](/\\evil.example/x)\n")),
    C("page-reference-link", "hand-written-page", PAGE, ("javascript:",), 9,
      page(FRONT + "[x][r]\n\n[r]: javascript:alert(1)\n")),
    C("page-entity-javascript-href", "hand-written-page", PAGE, ("address in HTML",), 7,
      page(FRONT + '<a href="&#106;avascript:alert(1)">x</a>\n')),
    # --- hand-written pages: front matter, blocks, characters -----------------------
    C("page-sitegen-page-key", "hand-written-page", PAGE, ("for generated pages only",), 2,
      page("---\nsitegen_page: no-such-kind\n---\n\n# X\n")),
    C("page-sitegen-id-key", "hand-written-page", PAGE, ("`sitegen_id` is for generated",), 3,
      page("---\ntitle: X\nsitegen_id: ../../etc\n---\n\n# X\n")),
    C("page-unknown-key", "hand-written-page", PAGE, ("unknown front-matter key `templat`",), 3,
      page("---\ntitle: X\ntemplat: main.html\n---\n\n# X\n")),
    C("page-front-matter-not-closed", "hand-written-page", PAGE, ("never closed",), 1,
      page("---\ntitle: X\n\n# X\n")),
    C("page-front-matter-broken-yaml", "hand-written-page", PAGE, ("quotation mark",), 2,
      page('---\ntitle: "X\n---\n\n# X\n')),
    C("page-front-matter-tab", "hand-written-page", PAGE, ("tab character",), 3,
      page("---\ntitle: X\n\thide: [toc]\n---\n\n# X\n")),
    C("page-front-matter-python-tag", "hand-written-page", PAGE,
      ("!!python/object/apply:os.system is not allowed",), 2,
      page("---\ntitle: !!python/object/apply:os.system [touch /tmp/pwned]\n---\n")),
    C("page-front-matter-alias", "hand-written-page", PAGE, ("anchors (&a)",), 2,
      page("---\ntitle: &a X\ndescription: *a\n---\n")),
    C("page-title-list", "hand-written-page", PAGE, ("`title` must be a text",), 2,
      page("---\ntitle: [a, b]\n---\n\n# X\n")),
    C("page-hide-unknown", "hand-written-page", PAGE, ("`hide` must be a list of",), 3,
      page("---\ntitle: X\nhide: [everything]\n---\n\n# X\n")),
    C("page-unknown-block", "hand-written-page", PAGE, ("there is no block `no-such-block`",), 7,
      page(FRONT + "<!-- sitegen:no-such-block -->\n")),
    C("page-block-path", "hand-written-page", PAGE, ("block marker must be a line",), 7,
      page(FRONT + "<!-- sitegen:../../../etc/passwd -->\n")),
    C("page-block-inline", "hand-written-page", PAGE, ("block marker must be a line",), 7,
      page(FRONT + "Teksts <!-- sitegen:help --> teksts\n")),
    C("page-zero-width-space", "hand-written-page", PAGE, ("U+200B ZERO WIDTH SPACE",), 7,
      page(FRONT + "Tālrunis 6460\u200b7194\n"), invisible=True),
    C("page-right-to-left-override", "hand-written-page", PAGE,
      ("U+202E RIGHT-TO-LEFT OVERRIDE",), 7, page(FRONT + "Zvaniet \u202e49170646\n"),
      invisible=True),
    C("page-byte-order-mark-inside", "hand-written-page", PAGE,
      ("U+FEFF ZERO WIDTH NO-BREAK SPACE",), 7, page(FRONT + "Teksts\ufeff\n"), invisible=True),
    C("page-nul", "hand-written-page", PAGE, ("U+0000 NULL",), 7, page(FRONT + "a\x00b\n"),
      invisible=True),
    C("page-mixed-script", "hand-written-page", PAGE, ("U+0430 CYRILLIC SMALL LETTER A",), 7,
      page(FRONT + "Rēzeknes pilsēt\u0430\n"), invisible=True),
    C("page-entity-bidi", "hand-written-page", PAGE, ("&#8238; stands for U+202E",), 7,
      page(FRONT + "Zvaniet &#8238;49170646\n"), invisible=True),
    C("page-utf-16", "hand-written-page", PAGE, ("UTF-16",), 1,
      page(FRONT.encode("utf-16"))),
    C("page-not-utf-8", "hand-written-page", PAGE, ("not saved as UTF-8",), 2,
      page(FRONT.encode("cp1257"))),
    C("page-too-large", "hand-written-page", PAGE, ("too large",), 1,
      page(FRONT + "Teksts. " * 40_000)),
]  # fmt: skip


@pytest.mark.parametrize("case", FS_AND_PAGES, ids=[c.id for c in FS_AND_PAGES])
def test_refused_with_file_line_and_reason(tmp_path: Path, case: Case) -> None:
    root = project(tmp_path)
    case.change(root)
    started = time.perf_counter()
    errors = errors_of(root)  # must not raise, must not hang on a pipe
    assert time.perf_counter() - started < 30
    check_refused(case, errors, ERROR_LINE)


def _sample() -> list[Case]:
    seen: dict[str, Case] = {}
    for case in FS_AND_PAGES:
        seen.setdefault(case.category, case)
    return [*seen.values(), FS_AND_PAGES[1], FS_AND_PAGES[-6]]


def validate(root: Path, own_process: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m sitegen validate data` in ``root``: in a process of its own, or its
    ``main`` called in this one (the same exit code and output, without the 0.45 s of a
    new interpreter; the first sample case and tests/test_validation.py keep the process)."""
    if own_process:
        return subprocess.run(
            [sys.executable, "-m", "sitegen", "validate", "data"],
            capture_output=True,
            text=True,
            cwd=root,
            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
            timeout=120,
        )
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):  # no annotations here
            patch.delenv(name, raising=False)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            returncode = cli_main(["validate", "data"])
    return subprocess.CompletedProcess(
        ["python", "-m", "sitegen"], returncode, out.getvalue(), err.getvalue()
    )


@pytest.mark.parametrize("case", _sample(), ids=[c.id for c in _sample()])
def test_command_line(tmp_path: Path, case: Case) -> None:
    root = project(tmp_path)
    case.change(root)
    run = validate(root, own_process=case is _sample()[0])
    assert "Traceback" not in run.stdout + run.stderr
    assert run.returncode == 1
    assert "outside.yaml" not in run.stderr and "/etc" not in run.stderr
    # each problem: file:line:column field: the Latvian reason, then the English on the next line
    wanted = reported(run.stderr, f"{case.file}:{case.line}:")
    assert any(all(w in text for w in case.words) for text in wanted), run.stderr


def test_corpus_round_2_size() -> None:
    data_cases = [c for c in CASES if c.category in ROUND_2]
    assert len(data_cases) + len(FS_AND_PAGES) >= 60 + 60  # the issue asks for 60 at least
    assert len({c.id for c in FS_AND_PAGES}) == len(FS_AND_PAGES)


def test_the_real_content_passes() -> None:
    assert check_content(ROOT / "content", "content") == []


# --- fixed, not refused -----------------------------------------------------------------


def test_lunch_break_across_midnight_in_an_overnight_span_is_accepted(tmp_path: Path) -> None:
    root = project(tmp_path)
    provider = root / "data/providers/test-provider.yaml"
    text = provider.read_text(encoding="utf-8")
    for brk in ('{start: "23:30", end: "00:30"}', '{start: "02:00", end: "02:30"}'):
        provider.write_text(
            text.replace("overnight: true", f"overnight: true\n          breaks: [{brk}]"),
            encoding="utf-8",
        )
        result = load_data_dir(root / "data", display_root=root)
        assert [e.english_line for e in result.errors] == []
        assert result.data is not None


@pytest.mark.parametrize(
    "text",
    ["[x](//evil.example/x)", "[x](/\\evil.example/x)", "[x](/local/page)", "<a href='//x'>x</a>"],
)
def test_data_links_without_an_allowed_scheme_are_not_links(text: str) -> None:
    assert "href" not in render_markdown(text)


def test_data_links_with_an_allowed_scheme_stay() -> None:
    html = render_inline("[a](https://example.lv/x?a=1&b=2) [t](tel:+37164607194)")
    assert 'href="https://example.lv/x?a=1&amp;b=2"' in html
    assert 'href="tel:+37164607194"' in html


# texts that made Python-Markdown or a spoken-form pattern quadratic (issue 15)
SUPERLINEAR = {
    "unclosed brackets": "[a ",
    "raw html starts": "<a ",
    "image starts": "![a](",
    "link with a space": "[a](b (",
    "reference starts": "[a][b ",
    "backticks": "`a ",
    "entities": "&a ",
    "groups of digits": "100 200 300 ",
    "times": "12:00 ",
}


@pytest.mark.parametrize("unit", SUPERLINEAR.values(), ids=list(SUPERLINEAR))
def test_rendering_is_linear_in_the_text(unit: str) -> None:
    """4x the text may cost at most ~4x the time (8x allowed for noise on a shared machine);
    20 KB of "[a " took 115 s before the fix, 0.03 s after."""

    def cost(size: int) -> float:
        best = float("inf")
        for attempt in range(3):  # the best of three: other processes share the machine
            text = (unit * (size // len(unit) + 1))[:size] + str(attempt)
            started = time.perf_counter()
            render_markdown(text)
            find_all(text, "lv", {"GMI": "x"})
            best = min(best, time.perf_counter() - started)
        return best

    small, large = cost(5_000), cost(20_000)
    assert large < 3.0, f"{large:.2f} s for 20 KB"
    assert large < 10 * max(small, 0.02), f"{small:.3f} s -> {large:.3f} s"


# --- a failed build leaves site/ as it was ----------------------------------------------

BUILD_SAMPLE = ["data-file-links-to-passwd", "content-page-links-to-passwd", "page-script"]


def test_refused_builds_leave_the_site_untouched(tmp_path: Path, sites: ModuleType) -> None:
    """One build of the fixture project, then one refused build per class (a link in data/,
    a link in content/, a script in a page, a reserved id, an invisible character):
    non-zero exit, file:line, no traceback, site/ byte for byte as before."""
    import hashlib

    root = sites.make_project(tmp_path / "project")
    site = tmp_path / "out" / "site"
    first = sites.build(root, site, atomic=True)
    assert first.returncode == 0, first.output[-2000:]

    def snapshot() -> dict[str, str]:
        return {
            p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*"))
            if p.is_file()
        }

    before = snapshot()
    by_id = {c.id: c for c in FS_AND_PAGES}
    data_cases = {c.id: c for c in CASES}
    for name in [*BUILD_SAMPLE, "service-id-index", "zero-width-space"]:
        shutil.rmtree(root / "data")
        shutil.rmtree(root / "content")
        shutil.copytree(FIXTURE_SITE / "data", root / "data")
        shutil.copytree(ROOT / "content", root / "content")
        if name in by_id:
            case = by_id[name]
            case.change(root)
            where = f"{case.file}:{case.line}:"
        else:
            from test_corpus import apply, expected_line

            data_case = data_cases[name]
            target = apply(data_case, root / "data")
            where = f"data/{data_case.file}:{expected_line(data_case, target)}:"
        run = sites.build(root, site, atomic=True)
        assert run.returncode != 0, name
        assert "Traceback" not in run.output, run.output[-3000:]
        assert where in run.output, (name, run.output[-3000:])
        assert snapshot() == before, name


def test_new_recordings_per_build_are_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five new sentences, a cap of two: two are recorded, three are left for the next
    builds and left out of the manifest (the widget reads them with the browser's voice)."""
    from sitegen.speech import recordings

    def fake_render(clip: recordings.Clip, dest: Path, tools: tuple[str, str]) -> bool:
        dest.write_bytes(clip.text.encode())
        return True

    monkeypatch.setattr(recordings, "render_clip", fake_render)
    monkeypatch.setenv("LISTEN_AUDIO_MAX_NEW", "2")
    plan = recordings.Plan()
    texts = [f"Teikums {i}." for i in range(5)]
    for text in texts:
        plan.clips[recordings.clip_name(text, "lv")] = recordings.Clip(text, "lv")
    index = {text: recordings.clip_name(text, "lv") for text in texts}
    plan.manifests["page.json"] = {"lang": "lv", "clips": index}
    result = recordings.write_audio(plan, tmp_path / "site", tmp_path / "cache", ("e", "l"))
    assert (result.new, result.deferred, result.clips) == (2, 3, 2)
    written = (tmp_path / "site" / recordings.AUDIO_DIR / "page.json").read_text()
    assert sum(name in written for name in index.values()) == 2
    again = recordings.write_audio(plan, tmp_path / "site", tmp_path / "cache", ("e", "l"))
    assert (again.new, again.deferred, again.clips) == (2, 1, 4)  # the next build goes on


# --- one page per path, and the sanitising of hand-written pages ------------------------


def test_two_generated_pages_for_one_path_are_refused() -> None:
    from sitegen.pages.stub_files import PageSpec, generated_pages

    texts = {"lv": "a", "en": "a"}
    one = PageSpec("service", "home-care", texts, texts)
    with pytest.raises(ValueError, match="two pages have the path services/home-care.md"):
        generated_pages([one, PageSpec("service", "home-care", texts, texts)])
    assert set(generated_pages([one])) == {"lv/services/home-care.md", "en/services/home-care.md"}


def test_staging_refuses_a_page_that_takes_a_generated_path(tmp_path: Path) -> None:
    from sitegen.pages.stub_files import stage_docs

    content = tmp_path / "content"
    (content / "lv" / "services").mkdir(parents=True)
    (content / "lv" / "services" / "home-care.md").write_text("# X\n", encoding="utf-8")
    with pytest.raises(ValueError, match="same path as a generated page"):
        stage_docs(content, tmp_path / "staging", {"lv/services/home-care.md": "---\n---\n"})
    (content / "lv" / "services" / "home-care.md").unlink()
    (content / "lv" / "Services.md").write_text("# X\n", encoding="utf-8")
    (content / "lv" / "services.md").write_text("# Y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="differ only in capital letters"):
        stage_docs(content, tmp_path / "staging", {})


def test_a_hand_written_page_on_a_generated_path_is_refused_at_validation(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "content/en/services").mkdir()
    (root / "content/en/services/home-care.md").write_text("# Mine\n", encoding="utf-8")
    run = validate(root)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert (
        "content/en/services/home-care.md:1:1: šai lapai ir ģenerētas lapas ceļš "
        "(pakalpojuma `home-care` lapa)" in run.stderr
    ), run.stderr
    assert "this page has the path of a generated page (the service `home-care`)" in run.stderr, (
        run.stderr
    )


def test_staging_never_follows_a_link(tmp_path: Path) -> None:
    from sitegen.pages.stub_files import stage_docs

    content = tmp_path / "content"
    (content / "lv").mkdir(parents=True)
    os.symlink("/etc/passwd", content / "lv" / "passwd.md")
    with pytest.raises(
        ValueError,
        match="content/lv/passwd.md:1:1: šī ir simboliska saite(?s:.*)this is a symbolic link",
    ):
        stage_docs(content, tmp_path / "staging", {})
    assert not (tmp_path / "staging" / "lv" / "passwd.md").exists()


@pytest.mark.parametrize(
    ("html", "gone", "kept"),
    [
        ("<p>a</p><script>alert(1)</script>", "alert", "<p>a</p>"),
        ('<img src="x.png" onerror="alert(1)" alt="a">', "onerror", 'src="x.png"'),
        ('<a href="//evil.example/x">a</a>', "evil", ">a</a>"),
        ('<a href="javascript:alert(1)">a</a>', "javascript", ">a</a>"),
        ('<img src="https://tracker.example/p.gif" alt="p">', "tracker", 'alt="p"'),
        ('<h2 id="statuss">Statuss</h2>', "<script", '<h2 id="statuss">'),
        ('<a href="../services/">s</a>', "rel=", 'href="../services/"'),
        ('<p style="display:none">x</p>', "style", "<p>x</p>"),
        ('<time datetime="2026-11-22" onclick="x()">22.</time>', "onclick", 'datetime="2026-11'),
    ],
)
def test_hand_written_html_is_sanitised(html: str, gone: str, kept: str) -> None:
    from sitegen.text.richtext import clean_page_html

    cleaned = clean_page_html(html)
    assert gone not in cleaned and kept in cleaned, cleaned


def test_extremes_and_tags_leave_every_other_problem_listed(tmp_path: Path) -> None:
    """An amount of 1e30, a count of 10^40, a tag, a 5,000-character id and an invisible
    character in three files: one pass lists all of them (before, the first ended in a
    traceback and hid the rest)."""
    root = project(tmp_path)
    provider = root / "data/providers/test-provider.yaml"
    text = provider.read_text(encoding="utf-8")
    text = text.replace("amount: 8.80", "amount: 1.0e+30")
    text = text.replace("max_hours_per_month: 16", "max_hours_per_month: 1" + "0" * 40)
    text = text.replace("  - id: home-care\n", "  - id: " + "a" * 5000 + "\n")
    provider.write_text(text, encoding="utf-8")
    report = root / "data/reports/test-report.yaml"
    report.write_text(report.read_text().replace("year: 2017", "year: !!int 2017"))
    site = root / "data/site.yaml"
    site.write_text(site.read_text().replace("Test site", "Test\u200b site"))
    shown = "\n".join(
        e.english_line for e in load_data_dir(root / "data", display_root=root).errors
    )
    for words in (
        "is larger than 1000000 euro",
        "a number with 41 digits",
        "is too long (5000 characters",
        "data/reports/test-report.yaml:3:7: year: the tag !!int is not allowed",
        "data/site.yaml:1:34: the invisible character U+200B ZERO WIDTH SPACE",
    ):
        assert words in shown, (words, shown)
