"""MkDocs hook — the open-data files (``sitegen/publish/open_data.py``) written into the built site.

on_config remembers the site folder of the first (default-language) build, since
mkdocs-static-i18n builds the other language into a sub-folder; on_post_build, after every
language is built, writes ``open-data/<lang>/…`` and ``open-data/index.json`` (the licence
field, when they were built, each file and its size) at the site's root.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from sitegen.base.languages import LANGUAGES
from sitegen.checks.loader import load_data_dir
from sitegen.checks.site_config import data_dir, project_root
from sitegen.publish import open_data
from sitegen.sitemap.urls import page_url
from sitegen.text.ui_strings import load_ui_strings


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra.setdefault("sitegen_site_dir", str(Path(config.site_dir).resolve()))
    return config


@event_priority(-300)  # after mkdocs-static-i18n (-100) and generate_pages (-200)
def on_post_build(config: MkDocsConfig) -> None:
    root = project_root(config)
    data = load_data_dir(data_dir(config), display_root=root).data
    if data is None:
        return
    ui = load_ui_strings(root / "overrides/sitegen/ui.yaml")
    site_url = config.site_url or ""
    page_urls = None
    if site_url:
        page_urls = {
            lang: {
                sid: site_url.rstrip("/") + "/" + page_url("service", lang, sid)
                for sid in data.services
            }
            for lang in LANGUAGES
        }
    found = open_data.files(data, ui, page_urls)
    site = Path(config.extra["sitegen_site_dir"])
    for item in found:
        target = site / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.payload)
    index = open_data.manifest(data, open_data.built_on(), found)
    (site / open_data.ROOT / "index.json").write_bytes(open_data.to_json(index))
