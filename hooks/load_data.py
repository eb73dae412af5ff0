"""MkDocs hook — load and validate ``data/`` before any page is generated.

Every problem is reported in one pass as ``file:line:column field: reason`` and the build
stops (no traceback, no half site). The validated data is cached by file content, so the
second language build and unchanged live-reload rebuilds reuse it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from sitegen.base.errors import format_errors
from sitegen.checks.loader import load_data_dir
from sitegen.checks.site_config import check_config, data_dir, project_root

log = get_plugin_logger("sitegen")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    result = load_data_dir(data_dir(config), display_root=project_root(config))
    errors = [*result.errors, *check_config(config)]  # site_url, site_name, site_description
    if errors:
        raise PluginError(format_errors(errors))
    # every pending translation is reported on every build, so none is forgotten
    for pending in result.pending:
        log.info(
            f"{pending.file}:{pending.line}: {pending.path}: {pending.language} translation pending"
        )
    return config
