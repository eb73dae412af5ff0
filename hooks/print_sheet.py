"""MkDocs hook — what the printed service sheet needs from the build.

Templates get the filter ``qr_svg`` (``sitegen/pages/qr.py``: a page's address as an inline SVG QR
code, made here, no third party). A QR code needs the published address: while ``site_url``
in mkdocs.yml is empty, the printed sheet shows the page's path without a code, and the
build says so once (both languages are built in one run).
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from sitegen.pages.qr import AddressTooLong, qr_svg

log = get_plugin_logger("sitegen")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url and not config.extra.get("sitegen_qr_notice"):
        config.extra["sitegen_qr_notice"] = True
        log.info(
            "site_url is empty in mkdocs.yml: printed service sheets show the page's path "
            "without a QR code; set site_url to the published address to print the codes"
        )
    return config


def _qr_svg(url: str, title: str = "") -> Markup:
    """The filter: an address too long for a QR code stops the build with a plain message
    (not the QR library's traceback); make validate refuses such a site_url before."""
    try:
        return qr_svg(url, title)
    except AddressTooLong as err:
        raise PluginError(str(err)) from None


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["qr_svg"] = _qr_svg
    return env
