"""The site's languages: which there are, which is the default, what each is called.

The default language is served at the site root (``/``), the others under ``/<lang>/``.
``tests/test_languages.py`` checks this list against the i18n plugin's languages in
``mkdocs.yml``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

Lang = Literal["lv", "en"]
LANGUAGES: tuple[str, ...] = get_args(Lang)  # the first is the default
DEFAULT_LANGUAGE = LANGUAGES[0]
# the language a pending translation is shown in instead
OTHER_LANGUAGE = {"lv": "en", "en": "lv"}
# CLDR plural categories of each language (Babel's, checked by tests/test_plurals.py), for
# the counted texts of the data, which are validated without loading Babel
PLURAL_CATEGORIES = {"lv": ("zero", "one", "other"), "en": ("one", "other")}
BABEL_LOCALE = {"lv": "lv_LV", "en": "en_GB"}  # dates, weekday names, grouped numbers
TIME_SEPARATOR = {"lv": ".", "en": ":"}  # the time of day as each writes it: 8.00 / 8:00


def clock(hour: int, minute: int, lang: str) -> str:
    """The time of day as ``lang`` writes it: "8.00" / "8:00" (the one clock formatter)."""
    return f"{hour}{TIME_SEPARATOR[lang]}{minute:02d}"


def clock_time(time: dt.time, lang: str) -> str:
    """A time of the data (``datetime.time``) as ``lang`` writes it: "8.00" / "8:00"."""
    return clock(time.hour, time.minute, lang)


def hhmm(time: dt.time) -> str:
    """A time of the data in machine form, as the data files write it: "08:00" (HTML's
    ``datetime``, JSON-LD, HSDS)."""
    return f"{time.hour:02d}:{time.minute:02d}"


def check_lang(lang: str) -> str:
    """``lang`` itself, or ValueError when the site has no such language."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be {' or '.join(map(repr, LANGUAGES))}, not {lang!r}")
    return lang


def url_prefix(lang: str) -> str:
    """Where a language's pages start below the site root: "" or "en/"."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
