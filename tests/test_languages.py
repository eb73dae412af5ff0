"""The site's languages are declared once (hooks/sitegen/base/languages.py) and match mkdocs.yml."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitegen.base.languages import (
    BABEL_LOCALE,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    OTHER_LANGUAGE,
    PLURAL_CATEGORIES,
    TIME_SEPARATOR,
    check_lang,
    url_prefix,
)

ROOT = Path(__file__).resolve().parents[1]


def mkdocs_config() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def language_mismatches(config: dict[str, Any]) -> list[str]:
    """How the i18n plugin's languages in ``config`` differ from ``languages.py``."""
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    locales = tuple(entry["locale"] for entry in i18n["languages"])
    defaults = [entry["locale"] for entry in i18n["languages"] if entry.get("default")]
    problems = []
    if locales != LANGUAGES:
        problems.append(f"mkdocs.yml builds {locales}, languages.py declares {LANGUAGES}")
    if defaults != [DEFAULT_LANGUAGE]:
        problems.append(f"mkdocs.yml's default is {defaults}, languages.py's {DEFAULT_LANGUAGE!r}")
    if config["theme"]["language"] != DEFAULT_LANGUAGE:
        problems.append(f"theme.language is {config['theme']['language']!r}")
    return problems


def test_languages_match_mkdocs_yml() -> None:
    assert language_mismatches(mkdocs_config()) == []


@pytest.mark.parametrize("breakage", ["order", "default", "extra", "theme"])
def test_the_check_fails_on_a_config_that_disagrees(breakage: str) -> None:
    config = copy.deepcopy(mkdocs_config())
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    if breakage == "order":
        i18n["languages"].reverse()
    elif breakage == "default":
        for entry in i18n["languages"]:
            entry["default"] = entry["locale"] != DEFAULT_LANGUAGE
    elif breakage == "extra":
        i18n["languages"].append({"locale": "ru", "name": "Русский", "build": True})
    else:
        config["theme"]["language"] = "en"
    assert language_mismatches(config)


def test_every_language_has_its_settings() -> None:
    for table in (OTHER_LANGUAGE, PLURAL_CATEGORIES, BABEL_LOCALE, TIME_SEPARATOR):
        assert set(table) == set(LANGUAGES)
    assert {OTHER_LANGUAGE[lang] for lang in LANGUAGES} == set(LANGUAGES)
    assert url_prefix(DEFAULT_LANGUAGE) == ""
    assert [url_prefix(lang) for lang in LANGUAGES[1:]] == [f"{lang}/" for lang in LANGUAGES[1:]]


def test_an_unknown_language_is_refused() -> None:
    assert check_lang("en") == "en"
    with pytest.raises(ValueError, match="language must be 'lv' or 'en', not 'de'"):
        check_lang("de")
