"""Where the project's folders are, read from the MkDocs configuration; and the checks of
the configuration's own values an editor may change (``site_url``, ``site_name``,
``site_description``), made by ``make validate`` and by the build before any page.

``site_url`` becomes the canonical links, ``sitemap.xml``, the HSDS service addresses and
the printed sheets' QR codes, so it must be a plain web address: ``http://`` or
``https://``, a host in ASCII (a non-ASCII host is written in its IDNA form, ``xn--…``, and
the message gives it; a non-ASCII path, percent-encoded as the message gives it), no spaces, quotation marks or angle brackets, no user name, query or
fragment, at most ``MAX_SITE_URL`` characters (a QR code holds the address and the page's
path). The site's name and description are written into every page's head as they are, so
they may not hold markup (``<``, ``>``, ``"``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from ..base.errors import DataError
from ..base.messages import Message, message

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

MAX_SITE_URL = 200
# & too: the theme writes the address into attributes as it is (the canonical link), where
# "&amp;" would be read as "&"
_NOT_IN_URL = re.compile(r"[\s\"'<>\\^`{|}&\x00-\x1f\x7f]")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?\Z")
_URL_SAFE = "/:@!$&'()*+,;=-._~%"
_MARKUP = re.compile(r"[<>\"]")
TEXT_KEYS = ("site_name", "site_description")


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def data_dir(config: MkDocsConfig) -> Path:
    return project_root(config) / config.extra.get("sitegen_data", "data")


def site_url_problem(url: str) -> Message | None:
    """Why ``url`` cannot be the site's address, or None (an empty one is not set yet)."""
    if not url:
        return None
    if len(url) > MAX_SITE_URL:
        return message("config.url_long", length=len(url), most=MAX_SITE_URL)
    if bad := _NOT_IN_URL.search(url):
        return message("config.url_character", character=_shown(bad[0]))
    if odd := next((char for char in url if not char.isprintable()), None):
        return message("config.url_character", character=_shown(odd))
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return message("config.url_form")
    if parts.scheme.lower() not in ("http", "https") or not url.lower().startswith(
        f"{parts.scheme.lower()}://"
    ):
        return message("config.url_scheme", scheme=parts.scheme or url.split(":")[0])
    if parts.username is not None or parts.password is not None:
        return message("config.url_user")
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return message("config.url_query")
    host = parts.hostname or ""
    if not host:
        return message("config.url_form")
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return message("config.url_host", host=host)
        return message("config.url_idna", host=host, ascii=ascii_host)
    if not _HOST.match(host) or len(host) > 253 or port == 0:
        return message("config.url_host", host=host)
    if not url.isascii():  # the path: published addresses are percent-encoded
        return message("config.url_path", fixed=quote(url, safe=_URL_SAFE))
    return None


def _shown(character: str) -> str | Message:
    if character == " ":
        return message("word.space")
    if not character.isprintable():
        return f"U+{ord(character):04X}"
    return character


def _value_lines(raw: str) -> list[tuple[int, int, str, str]]:
    """``(line, column, key, value)`` of each line ``key: value`` whose key is one the
    checks read, at any indentation (the i18n plugin repeats site_name per language)."""
    import yaml

    found = []
    for number, line in enumerate(raw.splitlines(), 1):
        match = re.match(r"^(\s*)(site_url|site_name|site_description):[ \t]*(.*)$", line)
        if match is None:
            continue
        try:
            value = yaml.safe_load(match[3]) if match[3].strip() else ""
        except yaml.YAMLError:
            value = match[3]
        if value is None:
            value = ""
        found.append((number, len(match[1]) + 1, match[2], str(value)))
    return found


def check_config_file(path: Path, shown: str = "mkdocs.yml") -> list[DataError]:
    """Every problem of the configuration's values at ``path`` (``file:line`` of each)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # MkDocs itself reports an unreadable configuration
    errors = []
    for line, column, key, value in _value_lines(raw):
        if key == "site_url":
            why = site_url_problem(value)
        else:
            why = message("config.markup", key=key) if _MARKUP.search(value) else None
        if why is not None:
            errors.append(DataError.of(shown, line, column, key, why))
    return errors


def check_config(config: MkDocsConfig) -> list[DataError]:
    """The build's check: the file's lines as above, and the value MkDocs read (a site_url
    given by an inherited file or on the command line has no line of its own here)."""
    path = Path(config.config_file_path)
    shown = path.name
    errors = check_config_file(path, shown)
    if not any(e.path == "site_url" for e in errors):
        why = site_url_problem(config.site_url or "")
        if why is not None:
            errors.append(DataError.of(shown, 1, 1, "site_url", why))
    return errors
