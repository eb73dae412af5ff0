"""YAML style of the data files by yamllint's rules (settings in ``.yamllint``), reported
like every other data problem: ``file:line:column`` and a reason in Latvian and English.

yamllint is used as a library: its cosmetic rules (``yamllint.linter.get_cosmetic_problems``)
run on each data file that the data reader could parse (a file with a syntax error is
reported by the reader; its style waits until it parses). yamllint's scanner is pure Python
(about 0.3 s for the data here), so results are kept by file content (``check_cache``) and
yamllint is imported only when some file has changed.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..base.errors import DataError
from ..base.messages import Message, message
from .check_cache import ResultCache

# the rules whose English description we take apart for the Latvian message
_DETAILS: dict[str, tuple[re.Pattern[str], str]] = {
    "empty-lines": (re.compile(r"\((?P<found>\d+) > (?P<allowed>\d+)\)"), "style.empty-lines"),
    "indentation": (
        re.compile(r"expected (?P<expected>\d+) but found (?P<found>\d+)"),
        "style.indentation",
    ),
    "key-duplicates": (re.compile(r'duplication of key "(?P<key>[^"]*)"'), "style.key-duplicates"),
}
_PLAIN = {
    "trailing-spaces",
    "new-line-at-end-of-file",
    "new-lines",
    "comments",
    "comments-indentation",
    "colons",
    "commas",
    "hyphens",
    "braces",
    "brackets",
    "truthy",
}


def yamllint_version() -> str:
    from importlib.metadata import version

    return version("yamllint")


def reason(rule: str | None, desc: str) -> Message:
    """yamllint's problem in editors' words."""
    if rule in _DETAILS:
        pattern, code = _DETAILS[rule]
        match = pattern.search(desc)
        if match:
            return message(code, **match.groupdict())
        if rule == "indentation":
            return message("style.indentation-other")
    if rule in _PLAIN:
        return message(f"style.{rule}")
    return message("style.other", rule=rule or "syntax", detail=desc)


def style_problems(
    files: list[tuple[str, bytes]], config: Path, cache: ResultCache
) -> list[DataError]:
    """Every style problem of the given files (shown name, bytes), by the rules of ``config``."""
    settings = config.read_bytes()
    linter = None
    errors = []
    for name, raw in files:
        key = cache.key(b"style", settings, raw)
        found = cache.get(key)
        if found is None:
            if linter is None:
                linter = _Linter(config)
            found = linter.run(name, raw)
            cache.put(key, found)
        errors += [
            DataError.of(name, line, col, "", reason(rule, desc)) for line, col, rule, desc in found
        ]
    return errors


class _Linter:
    def __init__(self, config: Path):
        from yamllint.config import YamlLintConfig

        self.config = YamlLintConfig(file=str(config))

    def run(self, name: str, raw: bytes) -> list[tuple[int, int, str | None, str]]:
        from yamllint.linter import get_cosmetic_problems

        text = raw.decode("utf-8")
        return [
            (p.line, p.column, p.rule, p.desc)
            for p in get_cosmetic_problems(text, self.config, name)
        ]
