"""No markup or script from the data runs in a visitor's browser.

Every text of the fixture data — bilingual texts and the plain ones (street, town, names
of people, act numbers) — is filled with a corpus of XSS payloads; fields the fixture
leaves out (sections, eligibility, notes, people, key figures …) are added so that every
template that shows data takes part. The site is built for real, each page of both
languages is checked as HTML and then opened in Chromium, where every element is hovered,
focused and clicked (real mouse and keyboard for the texts from the data, synthetic events
for all others) and the search is run for the payloads. No dialog may open, the
``window.__xss`` canary the payloads try to set must stay unset, and the DOM must hold no
script, event handler or ``javascript:``/``data:`` address that came from the data.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from keyboard_walk import kind_of, lang_of, richest_per_kind
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sitebuild import built_pages
from sitegen.data.yamlread import read_yaml

from conftest import FIXTURE_SITE, ROOT
from testsupport.browser import serve_directory

PROBE = "XSSPROBE"  # marks where data text lands, so each check knows it looked at data
TEMPLATE_CANARY = "XSSCANARY"  # appears only if data were evaluated as a template

# (name, payload): every payload would set window.__xss or open a dialog if it ran
PAYLOADS: list[tuple[str, str]] = [
    ("attribute-break-double", '" onmouseover="window.__xss=1" autofocus onfocus="window.__xss=1" x="'),
    ("attribute-break-single", "' onmouseover='window.__xss=2' onfocus='window.__xss=2' x='"),
    ("title-break", "</title><script>window.__xss=3</script><title>"),
    ("script-tag", "<script>window.__xss=4</script>"),
    ("script-mixed-case", "<ScRiPt>window.__xss=5</sCrIpT>"),
    ("script-split", "<scr<script>ipt>window.__xss=6</scr</script>ipt>"),
    ("script-nested-angle", "<<script>script>window.__xss=7<</script>/script>"),
    ("img-onerror", '<img src=x onerror="window.__xss=8">'),
    ("img-onerror-unquoted", "<IMG SRC=x OnErRoR=alert(9)>"),
    ("svg-onload", '<svg onload="window.__xss=10"><circle r="1"/></svg>'),
    ("svg-script", "<svg><script>window.__xss=11</script></svg>"),
    ("iframe-javascript", '<iframe src="javascript:window.parent.__xss=12"></iframe>'),
    ("iframe-srcdoc", '<iframe srcdoc="<script>parent.__xss=13</script>"></iframe>'),
    ("body-onload", "<body onload=window.__xss=14>"),
    ("details-ontoggle", '<details open ontoggle="window.__xss=15"><summary>x</summary></details>'),
    ("div-onmouseover", '<div onmouseover="window.__xss=16" style="width:100%">hover</div>'),
    ("a-onclick", '<a href="https://example.org/" onclick="window.__xss=17">click</a>'),
    ("input-autofocus", '<input autofocus onfocus="window.__xss=18">'),
    ("md-link-javascript", "[click](javascript:window.__xss=19)"),
    ("md-link-mixed-case", "[click](JaVaScRiPt:window.__xss=20)"),
    ("md-link-entity", "[click](&#106;avascript:window.__xss=21)"),
    ("md-link-hex-entity", "[click](&#x6A;&#x61;vascript:window.__xss=22)"),
    ("md-link-colon-entity", "[click](javascript&colon;window.__xss=23)"),
    ("md-link-data", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgyNCk8L3NjcmlwdD4=)"),
    ("md-link-vbscript", "[click](vbscript:msgbox(25))"),
    ("md-autolink", "<javascript:window.__xss=26>"),
    ("md-image-onerror", '![x](x" onerror="window.__xss=27)'),
    ("md-image-javascript", "![x](javascript:window.__xss=28)"),
    ("md-reference-link", "[click][evil]\n\n[evil]: javascript:window.__xss=29"),
    ("md-link-title-break", '[click](https://example.org/ "a" onmouseover="window.__xss=30")'),
    ("raw-a-javascript", '<a href="javascript:window.__xss=31">link</a>'),
    ("raw-a-spaces", '<a href="  javascript:window.__xss=32">link</a>'),
    ("raw-a-tab-entity", '<a href="java&#x09;script:window.__xss=33">link</a>'),
    ("raw-a-data", '<a href="data:text/html,<script>alert(34)</script>">link</a>'),
    ("form-action", '<form action="javascript:window.__xss=35"><button>go</button></form>'),
    ("object-data", '<object data="javascript:window.__xss=36"></object>'),
    ("embed-src", '<embed src="javascript:window.__xss=37">'),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=38">'),
    ("base-href", '<base href="javascript:window.__xss=39//">'),
    ("style-import", "<style>@import 'javascript:window.__xss=40';</style>"),
    ("link-stylesheet", '<link rel="stylesheet" href="data:text/css,*{}">'),
    ("comment-break", '<!--<img src="--><img src=x onerror=window.__xss=42>">'),
    ("mxss-math", "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=43>"),
    ("noscript-break", '<noscript><p title="</noscript><img src=x onerror=window.__xss=44>">'),
    ("textarea-break", "</textarea><script>window.__xss=45</script>"),
    ("entity-encoded-tag", "&lt;script&gt;window.__xss=46&lt;/script&gt;"),
    ("template-expression", "{{ 'XSS' ~ 'CANARY' }}{% print('XSS' ~ 'CANARY') %}${7*7}"),
]  # fmt: skip

# the bilingual texts the fixture lacks, added so that every template shows data
T: dict[str, str] = {"lv": "", "en": ""}


def _enrich(name: str, data: dict[str, Any]) -> None:
    """Add optional fields to one fixture file (values are filled with payloads later)."""
    if name == "providers/test-provider.yaml":
        prov = data["provider"]
        person = {"name": "", "role": dict(T)}
        prov.update(short_name=dict(T), kind=dict(T), head=dict(person))
        prov["people"] = [{**person, "phones": [{"number": 64607194, "label": dict(T)}]}]
        prov["staff"] = [{"count": 3, "role": dict(T)}]
        prov["sections"] = [{"heading": dict(T), "body": dict(T)}]
        prov["accounts"][0]["holder"] = dict(T)
        prov["contacts"]["phones"][0]["label"] = dict(T)
        prov["contacts"]["emails"][0]["label"] = dict(T)
        prov["hours"][0].update(note=dict(T), person="")
        unit = prov["units"][0]
        unit.update(description=dict(T), duties=[dict(T)], head=dict(person))
        data["locations"][0].update(name=dict(T), parish="", county="")
        for service in data["services"]:
            service.update(
                eligibility=dict(T),
                includes=[dict(T)],
                documents=[dict(T)],
                how_to_apply=dict(T),
                limits=[{"text": dict(T)}],
                notes=[dict(T)],
            )
        data["services"][0]["levels"][0]["includes"] = [dict(T)]
        fee = data["fees"][0]
        fee["conditions"] = [dict(T)]
        fee["items"][0]["conditions"] = [dict(T)]
        share = {"kind": "income_share", "percent": 10, "base": dict(T)}
        data["fees"].append(
            {
                "id": "food-fee",
                "service": "food-packages",
                "name": dict(T),
                "legal_basis": ["decision-1"],
                "items": [{"id": "share", "label": dict(T), "rule": share}],
                "exemptions": [{"id": "exemption", "text": dict(T)}],
            }
        )
        data["benefits"][0].update(description=dict(T), eligibility=dict(T), how_to_apply=dict(T))
    elif name == "reports/test-report.yaml":
        data["key_figures"] = [{"id": "spent", "value": 100, "unit": "eur", "label": dict(T)}]
        data["sections"] = [{"heading": dict(T), "body": dict(T)}]
    elif name == "vocabulary.yaml":
        data["categories"][0]["description"] = dict(T)
    elif name == "legal-acts.yaml":
        data["legal_acts"][0].update(issuer=dict(T), number="")


# plain (not bilingual) free texts: every string under these keys is filled too
PLAIN_TEXT_KEYS = {"street", "town", "parish", "county", "person"}


def _payload_text(index: int, lang: str) -> str:
    """All payloads, rotated so that each one comes first in some field (descriptions are
    cut to 300 characters; what comes first also lands in attributes and titles)."""
    shift = index % len(PAYLOADS)
    ordered = PAYLOADS[shift:] + PAYLOADS[:shift]
    return f"{PROBE} {lang} " + "\n\n".join(payload for _, payload in ordered)


def _fill(node: Any, path: tuple[Any, ...], counter: list[int]) -> Any:
    if isinstance(node, dict):
        is_text = all(isinstance(node[lang], str) for lang in ("lv", "en") if lang in node)
        if set(node) <= {"lv", "en", "pending"} and {"lv", "en"} <= set(node) and is_text:
            counter[0] += 1
            return {lang: _payload_text(counter[0], lang) for lang in ("lv", "en")}
        for key, value in node.items():
            plain = key in PLAIN_TEXT_KEYS or (
                isinstance(value, str)
                and (key == "name" or (key == "number" and "legal_acts" in path))
            )
            if plain and isinstance(value, str):
                counter[0] += 1
                node[key] = _payload_text(counter[0], "plain").replace("\n\n", " ")
            else:
                node[key] = _fill(value, path + (key,), counter)
        return node
    if isinstance(node, list):
        return [_fill(item, path + (index,), counter) for index, item in enumerate(node)]
    return node


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value))
)


def hostile_data(target: Path) -> int:
    """The fixture data with every text replaced by the payloads; returns how many fields."""
    counter = [0]
    shutil.copytree(FIXTURE_SITE / "data", target)
    for path in sorted(target.rglob("*.yaml")):
        name = path.relative_to(target).as_posix()
        read = read_yaml(path.read_bytes(), name)
        assert not read.errors, read.errors
        _enrich(name, read.data)
        data = _fill(read.data, (), counter)
        path.write_text(
            yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    return counter[0]


# front matter of a hand-written page (issue 25): what validation lets through (< and > are
# refused there) must still come out as text in <title>, the menu, the breadcrumb and the
# <meta name="description" content="…">
FRONT_TITLE = f"{PROBE} ' onmouseover='window.__xss=50' &lt;script&gt;window.__xss=51&amp; \""
FRONT_DESCRIPTION = f'{PROBE} " onfocus="window.__xss=52" autofocus x="'


SITE_URL = "https://example.org/xss/"


def hostile_content(target: Path) -> None:
    """The repository's pages, the accessibility statement's front matter hostile."""
    shutil.copytree(ROOT / "content", target)
    for lang in ("lv", "en"):
        page = target / lang / "accessibility.md"
        text = page.read_text(encoding="utf-8")
        head, rest = text.split("\n---\n", 1)
        front = yaml.safe_load(head.removeprefix("---\n"))
        front.update(title=FRONT_TITLE, description=FRONT_DESCRIPTION)
        dumped = yaml.safe_dump(front, allow_unicode=True, width=1000)
        page.write_text(f"---\n{dumped}---\n{rest}", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, sites: ModuleType) -> Path:
    root = tmp_path_factory.mktemp("xss")
    fields = hostile_data(root / "data")
    assert fields >= 70, fields
    hostile_content(root / "content")
    project = sites.make_project(root / "project", data=root / "data", content=root / "content")
    config = project / "mkdocs.yml"  # a published address: canonical links, QR codes
    config.write_text(
        config.read_text(encoding="utf-8").replace('site_url: ""', f'site_url: "{SITE_URL}"', 1),
        encoding="utf-8",
    )
    run = sites.build(project)
    assert run.returncode == 0, run.output
    return run.site


def test_payload_corpus_is_broad() -> None:
    assert len(PAYLOADS) >= 40
    assert len({name for name, _ in PAYLOADS}) == len(PAYLOADS)


# --- the HTML as built ------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcdoc", "xlink:href"}
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "base", "applet"}
SAFE_SCHEMES = re.compile(r"^(?:https?:|mailto:|tel:|[^:]*$|[^:]*[/?#])", re.IGNORECASE)


class _Scan(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.json_ld: list[str] = []  # <script type="application/ld+json">: data, never run
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if self._in_script:
            if dict(attrs).get("type") == "application/ld+json":
                self.json_ld.append("")
                self._in_script = False
                self._in_json_ld = True
                return
            self.scripts.append("")

    _in_json_ld = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        elif self._in_json_ld:
            self.json_ld[-1] += data


def _url_problem(value: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", unescape(value))
    return not SAFE_SCHEMES.match(cleaned)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


# mkdocs.yml sets the favicon to an empty data: address, so no favicon.ico is requested
EMPTY_ICON = "data:,"


def problems_in_html(html: str) -> list[str]:
    scan = _Scan()
    scan.feed(html)
    found = []
    for tag, attrs in scan.tags:
        if tag in FORBIDDEN_TAGS or (
            tag == "meta"
            and any(k == "http-equiv" and (v or "").lower() == "refresh" for k, v in attrs)
        ):
            found.append(f"<{tag}> element")
        for key, value in attrs:
            if key.startswith("on"):
                found.append(f"<{tag} {key}=…> event handler")
            if key in URL_ATTRIBUTES and value and _url_problem(value):
                if tag == "link" and value == EMPTY_ICON and ("rel", "icon") in attrs:
                    continue  # the theme's empty favicon (mkdocs.yml), never from the data
                found.append(f"<{tag} {key}={value!r}>")
            if (
                key == "style"
                and value
                and re.search(r"javascript|expression\(|url\(", value, re.I)
            ):
                found.append(f"<{tag} style={value!r}>")
    for script in scan.scripts:
        if "__xss" in script or PROBE in script or "alert(" in script:
            found.append(f"script from the data: {script[:80]!r}")
    # JSON-LD carries the data's texts as JSON strings: it is never run, but it must be plain
    # JSON with no "<" (which could end the element early)
    for text in scan.json_ld:
        if "<" in text or not _is_json(text):
            found.append(f"JSON-LD that is not plain JSON: {text[:80]!r}")
    if TEMPLATE_CANARY in html:
        found.append("data was evaluated as a template")
    return found


def _pages(site: Path) -> list[str]:
    return sorted(built_pages(site))


def test_every_page_is_free_of_injected_markup(hostile_site: Path) -> None:
    pages = _pages(hostile_site)
    with_probe = [p for p in pages if PROBE in (hostile_site / p).read_text(encoding="utf-8")]
    # the payloads reached every page (the help box is on each, the 404 too), in both languages
    assert set(with_probe) == set(pages)
    assert any(p.startswith("en/") for p in pages) and any(not p.startswith("en/") for p in pages)
    report = {p: problems_in_html((hostile_site / p).read_text(encoding="utf-8")) for p in pages}
    assert {p: found for p, found in report.items() if found} == {}


def test_payloads_are_shown_as_text(hostile_site: Path) -> None:
    """Plain texts (names, headings) are escaped, not dropped: their payloads show as text."""
    html = (hostile_site / "en/services/food-packages/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=4&lt;/script&gt;" in html
    # which payload comes first depends on how many texts the fixture has; all are in the h1
    assert re.search(rf"<h1>{PROBE} en [^<]*{{{{ &#39;XSS&#39; ~ &#39;CANARY&#39; }}}}", html)


def test_front_matter_is_text_everywhere(hostile_site: Path) -> None:
    """The hostile title and description of a hand-written page: in <title>, the menu,
    the breadcrumb and the meta description as escaped text, never as attributes."""
    page = (hostile_site / "en/accessibility/index.html").read_text(encoding="utf-8")
    other = (hostile_site / "en/services/index.html").read_text(encoding="utf-8")  # the menu
    title = FRONT_TITLE.replace("&", "&amp;").replace('"', "&#34;").replace("'", "&#39;")
    assert f"<title>{title} - " in page
    assert title in other
    description = FRONT_DESCRIPTION.replace('"', "&#34;")
    assert f'<meta name="description" content="{description}">' in page
    assert problems_in_html(page) == [] and problems_in_html(other) == []


def test_the_site_address_is_text_in_the_print_footer(hostile_site: Path) -> None:
    page = (hostile_site / "en/services/food-packages/index.html").read_text(encoding="utf-8")
    address = f"{SITE_URL}en/services/food-packages/"
    assert f'<span class="sg-print-sheet__url">{address}</span>' in page
    assert f'<link rel="canonical" href="{address}">' in page


@pytest.mark.parametrize(
    "url",
    [
        '"https://example.org/<script>alert(1)</script>/"',
        '"javascript:alert(1)"',
        '"https://example.org/a&amp;b/"',
    ],
)
def test_a_hostile_site_url_stops_the_build(tmp_path: Path, sites: ModuleType, url: str) -> None:
    """Refused before any page (by MkDocs itself or by the configuration check), with
    mkdocs.yml named and no traceback; nothing is written."""
    project = sites.make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('site_url: ""', f"site_url: {url}", 1),
        encoding="utf-8",
    )
    run = sites.build(project)
    assert run.returncode != 0
    assert "Traceback" not in run.output, run.output[-3000:]
    assert "site_url" in run.output, run.output[-3000:]
    assert not (run.site / "index.html").exists()


def test_the_scanner_catches_what_it_must() -> None:
    """The static check itself (so the test above can fail)."""
    assert problems_in_html('<a href="JaVa&#x09;script:x()">a</a>')
    assert problems_in_html('<img src="x" onerror="y()">')
    assert problems_in_html("<script>window.__xss=1</script>")
    assert problems_in_html('<a href="data:text/html,x">a</a>')
    assert problems_in_html('<iframe src="https://example.org/"></iframe>')
    assert not problems_in_html('<a href="../services/">a</a><a href="tel:+37164607194">t</a>')
    assert not problems_in_html('<p title="&quot; onmouseover=&quot;x">text</p>')
    ld = (
        '<script type="application/ld+json">{"name": "\\u003cscript\\u003ewindow.__xss=1"}</script>'
    )
    assert not problems_in_html(ld)
    assert problems_in_html('<script type="application/ld+json">{"a": "</p>"}</script>')
    assert problems_in_html('<script type="application/ld+json">window.__xss=1</script>')


# --- the pages in Chromium ------------------------------------------------------------

EVENTS = [
    "mouseover", "mouseenter", "mousemove", "mousedown", "mouseup", "click", "dblclick",
    "contextmenu", "focus", "focusin", "blur", "pointerover", "pointerenter", "pointerdown",
    "keydown", "keyup", "input", "change", "toggle", "load", "error", "animationstart",
    "transitionend", "wheel", "copy",
]  # fmt: skip

EXERCISE_JS = """(events) => {
  // no navigation away; handlers on the elements themselves still run
  document.addEventListener('click', (e) => e.preventDefault(), true);
  let count = 0;
  for (const el of document.querySelectorAll('body *')) {
    for (const type of events) {
      el.dispatchEvent(new Event(type, {bubbles: true, cancelable: true}));
    }
    if (typeof el.focus === 'function') el.focus();
    count++;
  }
  return count;
}"""

DOM_PROBLEMS_JS = """() => {
  const found = [];
  const safe = new Set(['http:', 'https:', 'mailto:', 'tel:']);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`<${el.localName} ${name}>`);
      if (['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href'].includes(name)) {
        let protocol = 'invalid:';
        try { protocol = new URL(attr.value, document.baseURI).protocol; } catch (e) {}
        const emptyIcon = el.localName === 'link' && el.rel === 'icon' && attr.value === 'data:,';
        if (!safe.has(protocol) && !emptyIcon) found.push(`<${el.localName} ${name}="${attr.value}">`);
      }
    }
  }
  for (const s of document.scripts) {
    if (s.type === 'application/ld+json') {  // data, never run: it must parse as JSON
      try { JSON.parse(s.text); } catch (e) { found.push('JSON-LD: ' + s.text.slice(0, 60)); }
      continue;
    }
    if (/__xss|XSSPROBE|alert\\(/.test(s.text)) found.push('script: ' + s.text.slice(0, 60));
  }
  for (const tag of ['iframe', 'object', 'embed', 'base', 'frame']) {
    if (document.getElementsByTagName(tag).length) found.push(`<${tag}>`);
  }
  return found;
}"""

AFFECTED_JS = """(probe) => {
  const hits = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (walker.currentNode.data.includes(probe) && el && el.getClientRects().length) hits.add(el);
  }
  let index = 0;
  for (const el of hits) el.setAttribute('data-xss-probe', String(index++));
  return index;
}"""


@pytest.fixture(scope="module")
def served(hostile_site: Path) -> Iterator[str]:
    with serve_directory(hostile_site) as base:
        yield base


def _open(browser: Any, url: str) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url, wait_until="load")
    return context, page, dialogs


def _exercise(page: Any) -> int:
    """Real hover, focus and click on the elements showing data; synthetic events on all."""
    page.evaluate("() => document.addEventListener('click', (e) => e.preventDefault(), true)")
    affected = page.evaluate(AFFECTED_JS, PROBE)
    for index in range(min(affected, 15)):
        element = page.locator(f'[data-xss-probe="{index}"]').first
        if not element.is_visible():  # the synthetic events below reach it (no 300 ms waits)
            continue
        try:
            element.hover(timeout=300, force=True)
            element.focus(timeout=300)
            element.click(timeout=300, force=True, no_wait_after=True)
        except PlaywrightTimeout:  # hidden or covered: the synthetic events below reach it
            pass
    for _ in range(15):
        page.keyboard.press("Tab")
    page.evaluate(EXERCISE_JS, EVENTS)
    page.wait_for_timeout(200)  # let image errors and toggles fire their handlers
    return affected


def _verdict(page: Any, dialogs: list[str]) -> dict[str, Any]:
    return {
        "dialogs": dialogs,
        "canary": page.evaluate("() => window.__xss === undefined ? null : String(window.__xss)"),
        "dom": page.evaluate(DOM_PROBLEMS_JS),
    }


CLEAN = {"dialogs": [], "canary": None, "dom": []}


def browser_sample(site: Path) -> list[str]:
    """Per page kind and language, the page where the most data text lands (the most
    probes; the first by path on a tie). The templates and the widgets' scripts are per page
    kind, so this page shows what any of its kind would run; every page's HTML is read for
    injected markup without a browser (``test_every_page_is_free_of_injected_markup``)."""
    counted = {rel: (site / rel).read_text(encoding="utf-8").count(PROBE) for rel in _pages(site)}
    return sorted(richest_per_kind(counted))


def test_the_browser_sample_has_every_kind_in_both_languages(hostile_site: Path) -> None:
    pages = _pages(hostile_site)
    sample = browser_sample(hostile_site)
    kinds = {(kind_of(rel), lang_of(rel)) for rel in pages}
    assert {(kind_of(rel), lang_of(rel)) for rel in sample} == kinds
    assert len(sample) == len(kinds) < len(pages)


def test_no_payload_runs_in_chromium(hostile_site: Path, served: str, chromium: Any) -> None:
    pages = browser_sample(hostile_site)
    results: dict[str, Any] = {}
    reached = 0
    for rel in pages:
        url = served + rel.removesuffix("index.html")
        context, page, dialogs = _open(chromium, url)
        try:
            reached += _exercise(page) > 0
            results[rel] = _verdict(page, dialogs)
        finally:
            context.close()
    assert reached == len(pages)  # data text was on screen on every page
    assert {p: r for p, r in results.items() if r != CLEAN} == {}


def _search(page: Any, field: Any, word: str) -> None:
    """Type ``word`` until results show (the first query may come before the index)."""
    for _ in range(10):
        field.fill("")
        field.press_sequentially(word, delay=20)  # typed, as a resident would
        try:
            page.wait_for_selector(".sg-search__link", state="attached", timeout=1000)
            return
        except PlaywrightTimeout:
            continue
    pytest.fail(f"the search found nothing for {word!r}")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_search_results_run_no_payload(served: str, chromium: Any, lang: str) -> None:
    """The search index holds the texts too; its results (titles, provider, place,
    excerpts) are rendered in the page by the site search (overrides/widgets/search/)."""
    url = served + ("" if lang == "lv" else "en/")
    context, page, dialogs = _open(chromium, url)
    try:
        page.click("button[data-sg-search]")  # the header's search button
        page.wait_for_selector("dialog[data-sg-search-dialog][open]")
        field = page.locator("#sg-search-input")
        hovered = 0
        for word in (PROBE, "script", "onerror", "javascript", "onmouseover"):
            _search(page, field, word)
            page.wait_for_timeout(300)  # results of a shorter prefix may still be replaced
            for item in page.locator(".sg-search__link").all()[:10]:
                try:  # replaced meanwhile by a later keystroke's results
                    item.hover(force=True, timeout=500)
                    hovered += 1
                except PlaywrightError:
                    continue
        page.evaluate(EXERCISE_JS, EVENTS)
        page.wait_for_timeout(200)
        assert hovered > 0  # results carrying data text were really on screen
        assert _verdict(page, dialogs) == CLEAN
    finally:
        context.close()


def test_the_browser_check_catches_a_payload(chromium: Any, tmp_path: Path) -> None:
    """The same checks on a page that does carry a payload must report it."""
    (tmp_path / "index.html").write_text(
        f'<!doctype html><title>t</title><p>{PROBE}</p><img src="x" onerror="window.__xss=1">'
        '<a href="javascript:void(0)">x</a><div onmouseover="alert(2)">hover</div>',
        encoding="utf-8",
    )
    with serve_directory(tmp_path) as base:
        context, page, dialogs = _open(chromium, base)
        try:
            _exercise(page)
            verdict = _verdict(page, dialogs)
        finally:
            context.close()
    assert verdict["canary"] == "1"
    assert verdict["dialogs"] == ["alert: 2"]
    assert len(verdict["dom"]) == 3
