"""MkDocs hook — generate the pages from the validated data.

on_config: writes the staging docs folder ``build/docs`` = ``content/`` + one stub file
per generated page in each language (only changed files are written) and points MkDocs
at it. on_files: refuses a page that exists in one language only (mkdocs-static-i18n
would otherwise copy it silently). on_page_markdown: renders a generated page from its
Jinja template in ``overrides/sitegen/``. on_post_build: points MkDocs back at
``content/`` so ``mkdocs serve`` watches the sources, not the staging copy.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from sitegen.base.errors import format_errors
from sitegen.checks.content_pages import check_content
from sitegen.checks.loader import load_data_dir
from sitegen.checks.site_config import data_dir, project_root
from sitegen.data.source_files import regular_files
from sitegen.pages.page_context import PageContext
from sitegen.pages.stub_files import (
    content_collisions,
    generated_pages,
    page_specs,
    stage_docs,
    unpaired_pages,
)
from sitegen.publish.removals import note_rebuild
from sitegen.sitemap.page_kinds import PAGE_KINDS
from sitegen.text.richtext import clean_page_html
from sitegen.text.ui_strings import load_ui_strings
from sitegen.theme.compiled_templates import share

log = get_plugin_logger("sitegen")

STAGING = "build/docs"
UI_STRINGS = "overrides/sitegen/ui.yaml"
PARTIALS = "overrides/sitegen/partials"

BLOCK_MARKER = re.compile(r"^<!-- sitegen:([a-z-]+) -->$", re.MULTILINE)

# per-build state, reset by on_config at the start of every build
_build: dict[str, object] = {}
# staging folder -> key of what was last staged into it (see on_config)
_staged: dict[str, str] = {}


def _source_dir(config: MkDocsConfig) -> Path:
    # remembered on the config: the nested per-language builds see docs_dir = staging
    if "sitegen_content_dir" not in config.extra:
        if Path(config.docs_dir).is_symlink():  # nothing from outside the repository
            raise PluginError(
                f"{Path(config.docs_dir).name}/:1:1: the folder of the pages is a symbolic "
                "link; it must be an ordinary folder in the repository"
            )
        config.extra["sitegen_content_dir"] = str(Path(config.docs_dir).resolve())
    return Path(config.extra["sitegen_content_dir"])


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = project_root(config)
    content_dir = _source_dir(config)
    result = load_data_dir(data_dir(config), display_root=root)
    assert result.data is not None  # load_data.on_config has stopped the build otherwise
    ui = load_ui_strings(root / UI_STRINGS)
    _build.clear()
    _build.update(data=result.data, ui=ui)
    try:
        generated = generated_pages(page_specs(result.data, ui))
    except ValueError as err:
        raise PluginError(str(err)) from None
    shown = _shown(content_dir, root)
    problems = check_content(content_dir, shown, root / PARTIALS)
    if not problems:
        files = regular_files(content_dir, shown)[0]
        names = [f"{shown}/{p.relative_to(content_dir).as_posix()}" for p in files]
        problems = content_collisions(names, result.data)
    if problems:
        raise PluginError(format_errors(problems))
    staging = root / STAGING
    # mkdocs-static-i18n runs on_config again for each language: the staging folder made for
    # the first one is reused when the content files and the generated stubs are unchanged
    key = _staging_key(content_dir, staging, generated)
    if _staged.get(str(staging)) != key:
        _staged.pop(str(staging), None)
        try:
            stage_docs(content_dir, staging, generated)
        except ValueError as err:
            raise PluginError(str(err)) from None
        _staged[str(staging)] = key
    config.docs_dir = str(staging)
    return config


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _staging_key(content_dir: Path, staging: Path, generated: dict[str, str]) -> str:
    digest = hashlib.sha256(str(staging.is_dir()).encode())
    for path in sorted(content_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}|{stat.st_mtime_ns}|{stat.st_size}\n".encode())
    for rel, text in sorted(generated.items()):
        digest.update(f"{rel}\0{text}\0".encode())
    return digest.hexdigest()


@event_priority(50)  # before mkdocs-static-i18n (-100) rewrites the files per language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for theme_file in [f for f in files if _unpublished(f.src_uri)]:
        files.remove(theme_file)
    missing = unpaired_pages([f.src_uri for f in files.documentation_pages()])
    if missing:
        raise PluginError(
            "Every page must exist in both languages, with the same path under content/lv and "
            "content/en. Missing counterparts:\n  " + "\n  ".join(missing)
        )
    return files


def _unpublished(src_uri: str) -> bool:
    """Theme files that are not for the site: the templates' own data (sitegen/ui.yaml) and
    the widgets' tests (widgets/<name>/tests/, e.g. the fee calculator's case table)."""
    parts = src_uri.split("/")
    return parts[0] == "sitegen" or (parts[0] == "widgets" and "tests" in parts[2:-1])


def _environment(config: MkDocsConfig) -> Environment:
    # pages are read before MkDocs fires on_env: make the theme's environment once per build
    if "env" not in _build:
        env = config.theme.get_env()
        env.autoescape = True  # data are text: escaped unless a helper returns Markup
        share(env)  # compiled once for the whole run (sitegen/theme/compiled_templates.py)
        _build["env"] = env
    return _build["env"]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Hand-written pages may place generated blocks: a line ``<!-- sitegen:NAME -->``
    becomes the partial ``overrides/sitegen/partials/NAME.html``."""
    if page.meta.get("sitegen_page") or not BLOCK_MARKER.search(markdown):
        return markdown  # generated pages are rendered in on_page_content
    lang = page.file.src_uri.split("/", 1)[0]
    context = PageContext(_build["data"], lang, page.url, _build["ui"])

    blocks: list[str] = []

    def block(match: re.Match[str]) -> str:
        template = _environment(config).get_template(f"sitegen/partials/{match[1]}.html")
        html = template.render(**context.as_template_context())
        blocks.append(f'<div class="sg-block">\n{html.strip()}\n</div>')
        # a placeholder paragraph: the page's own HTML is sanitised, the block is not
        return f"\n\n{_block_token(len(blocks) - 1)}\n\n"

    markdown = BLOCK_MARKER.sub(block, markdown)
    _build.setdefault("blocks", {})[page.file.src_uri] = blocks  # type: ignore[union-attr]
    return markdown


def _block_token(index: int) -> str:
    if "nonce" not in _build:
        _build["nonce"] = secrets.token_hex(8)
    return f"sgblock{_build['nonce']}n{index}"


def _with_blocks(html: str, src_uri: str) -> str:
    blocks: list[str] = _build.get("blocks", {}).get(src_uri, [])  # type: ignore[union-attr]
    for index, block_html in enumerate(blocks):
        html = html.replace(f"<p>{_block_token(index)}</p>", block_html, 1)
    return html


def escape_front_matter(page: Page) -> None:
    """The theme writes a page's front-matter title into <title>, the menu and the
    breadcrumb, and its description into <meta content="…">, as they are: here they become
    escaped text (``Markup``, so a second language build does not escape twice). A title
    from the page's first heading is HTML already (MkDocs keeps its entities). content_pages
    refuses < and > in both before the build; this is the second line."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's HTML comes from its template, after Markdown (which it skips:
    parsing a large raw HTML block through Markdown would only cost time). A hand-written
    page gets the spoken forms and <abbr> that the templates give data texts."""
    kind = page.meta.get("sitegen_page")
    lang = page.file.src_uri.split("/", 1)[0]
    context = PageContext(_build["data"], lang, page.url, _build["ui"])
    if not kind:  # a hand-written page: sanitised as data texts are, then its blocks placed;
        # its abbreviations, prices, phones read as data's do
        escape_front_matter(page)
        html = _with_blocks(clean_page_html(html), page.file.src_uri)
        return context.annotate(html, lang)
    if kind not in PAGE_KINDS:  # only staged stubs carry it (content_pages refuses it)
        raise PluginError(f"{page.file.src_uri}: unknown page kind `{kind}`")
    template = _environment(config).get_template(PAGE_KINDS[kind].template)
    body = template.render(**context.as_template_context(), item_id=page.meta.get("sitegen_id"))
    return f'<div class="sg-page sg-page--{kind}">\n{body.strip()}\n</div>\n'


@event_priority(-200)  # after mkdocs-static-i18n has built the other language
def on_post_build(config: MkDocsConfig) -> None:
    config.docs_dir = str(_source_dir(config))
    # `make serve`: a rebuild with fewer pages than the one before says so (a half-saved data
    # file would otherwise take pages off the preview without a word); info, not a warning,
    # which the strict build would turn into a failure
    fewer = note_rebuild(Path(config.site_dir))
    if fewer is not None:
        log.info(f"{fewer.lv}\n{fewer.en}")
