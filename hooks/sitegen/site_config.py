"""Where the project's folders are, read from the MkDocs configuration."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def data_dir(config: MkDocsConfig) -> Path:
    return project_root(config) / config.extra.get("sitegen_data", "data")
