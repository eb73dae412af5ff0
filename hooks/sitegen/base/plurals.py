"""Counts in words: the plural form of a number by Babel's (CLDR) plural rules.

Latvian has three forms (CLDR categories ``zero``: 0, 10, 11–19, 20, 30 … — "10 pakalpojumu";
``one``: 1, 21, 31 … but not 11 — "21 pakalpojums"; ``other``: 2–9, 22 … — "3 pakalpojumi");
English has ``one`` and ``other``. A counted interface string in ``overrides/sitegen/ui.yaml``
gives one text per category of its language::

    service_count:
      lv: {zero: "{count} pakalpojumu", one: "{count} pakalpojums", other: "{count} pakalpojumi"}
      en: {one: "{count} service", other: "{count} services"}

Templates call ``ui_count("service_count", n)``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale

from .languages import BABEL_LOCALE


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALE[lang])


def categories(lang: str) -> set[str]:
    """The plural categories the language uses (always including ``other``)."""
    return set(_locale(lang).plural_form.tags) | {"other"}


def plural_category(count: int | Decimal, lang: str) -> str:
    """CLDR plural category of ``count`` in ``lang``: zero, one, two, few, many or other."""
    return _locale(lang).plural_form(count)


def pick(forms: dict[str, str], count: int | Decimal, lang: str) -> str:
    """The form of ``forms`` (category -> text) for ``count``."""
    category = plural_category(count, lang)
    if category not in forms:
        raise KeyError(f"plural form `{category}` missing for {count} in {lang}: {forms}")
    return forms[category]


def missing_forms(forms: dict[str, str], lang: str) -> list[str]:
    """The categories of ``lang`` that ``forms`` lacks (for the check of ui.yaml)."""
    return sorted(categories(lang) - set(forms))


def count_text(forms: dict[str, str], count: int | Decimal, lang: str, **values: object) -> str:
    """The counted text filled in: ``{count}`` and any other ``{name}`` placeholders."""
    return pick(forms, count, lang).format(count=count, **values)
