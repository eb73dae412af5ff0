"""The corpus of broken and hostile data: one ``Case`` per way a data file can go wrong.

A case starts from the small valid fixture data (tests/fixtures/site/data) and changes one
file: a text replacement (``old`` -> ``new``), a whole file from ``files/`` (``corpus``) or
given inline (``content``), or a byte-level change (``raw``). It names the words the
message must contain and the line it must point at: a number, or a text found on that
line of the changed file. ``accepted`` cases must validate and load the same data as the
unchanged fixture (a BOM, CRLF line ends, ``+371`` …).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

PROVIDER = "providers/test-provider.yaml"
REPORT = "reports/test-report.yaml"
SITE = "site.yaml"
CALENDAR = "calendar.yaml"
PLACES = "places.yaml"
VOCABULARY = "vocabulary.yaml"
ACTS = "legal-acts.yaml"

SERVICE_NAME = "name: {lv: Pārtikas pakas, en: Food packages}"
RULE = "rule: {kind: per_unit, amount: 8.80, unit: month}"
BREAK = '{start: "12:00", end: "12:30"}'

MIB = 1024 * 1024

# the categories of broken and hostile data, in the order the summary table lists them
CATEGORIES = (
    "yaml-syntax",
    "wrong-type",
    "duplicate-key",
    "alias-bomb",
    "custom-tag",
    "size-and-depth",
    "encoding",
    "empty-file",
    "language-code",
    "translation",
    "reference",
    "amount",
    "time",
    "lunch-break",
    "phone",
    # round 2 (issue 15)
    "reserved-id",
    "numeric-extreme",
    "explicit-tag",
    "invisible-character",
    "look-alike",
    "wide-encoding",
    "silent-change",
    # round 3 (issue 25)
    "break-order",
    "season-overlap",
    "moved-day-holiday",
    "depth-limit",
    "digits-limit",
    "combining-marks",
    "unicode-normalisation",
    "term-pattern",
)
ROUND_2 = CATEGORIES[CATEGORIES.index("reserved-id") : CATEGORIES.index("break-order")]
ROUND_3 = CATEGORIES[CATEGORIES.index("break-order") :]


@dataclass(frozen=True)
class Case:
    id: str
    category: str
    file: str  # the data file that is changed, relative to data/
    words: tuple[str, ...] = ()  # all must appear in one message about `file`
    line: int | str | None = None  # expected line: a number, or a text on that line
    old: str | None = None
    new: str = ""
    corpus: str | None = None  # whole file from tests/hostile/files/
    content: str | bytes | None = None  # whole file given here
    raw: Callable[[bytes], bytes] | None = None  # byte-level change of the fixture file
    accepted: bool = False


def C(id: str, category: str, file: str, words: str | tuple[str, ...], line, **kw) -> Case:
    return Case(id, category, file, (words,) if isinstance(words, str) else words, line, **kw)


def ok(id: str, category: str, file: str, **kw) -> Case:
    return Case(id, category, file, accepted=True, **kw)


def _crlf(raw: bytes) -> bytes:
    return raw.replace(b"\n", b"\r\n")


def _bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw


def _cp1257(raw: bytes) -> bytes:
    """Saved by an old Windows editor in the Baltic code page instead of UTF-8."""
    return raw.decode("utf-8").encode("cp1257")


def _utf16(raw: bytes) -> bytes:
    return raw.decode("utf-8").encode("utf-16")


def _at_line(number: int, insert: bytes) -> Callable[[bytes], bytes]:
    """Insert bytes at the end of the text of line ``number`` (before its line end)."""

    def change(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        lines[number - 1] += insert
        return b"\n".join(lines)

    return change


def _too_large(raw: bytes) -> bytes:
    """A valid file grown past 1 MiB by one long text (a pasted document)."""
    padding = ("Sociālais dienests palīdz. " * (MIB // 20)).encode()
    return raw.replace(b"en: A small test site.}", b"en: " + padding + b"}")


def _breaks(*spans: str) -> str:
    """The office hours' breaks as a flow list of ``"HH:MM-HH:MM"`` spans."""
    listed = ", ".join(f'{{start: "{s.split("-")[0]}", end: "{s.split("-")[1]}"}}' for s in spans)
    return f"          breaks: [{listed}]\n"


BREAKS_OLD = "          breaks:\n            - " + BREAK + "\n"
SHELTER = "    - label: {lv: Naktspatversme, en: Night shelter}\n      season: {lv: ziemā, en: in winter}\n"


def _seasons(first: tuple[str, str], second: tuple[str, str]) -> str:
    """The office hours split into two dated seasons (summer, then winter)."""
    return (
        "    - label: {lv: Vasarā, en: In summer}\n"
        "      season: {lv: vasarā, en: in summer}\n"
        f'      season_dates: {{start: "{first[0]}", end: "{first[1]}"}}\n'
        "      hours:\n"
        '        - {days: [sat], open: "10:00", close: "14:00"}\n'
        + SHELTER
        + f'      season_dates: {{start: "{second[0]}", end: "{second[1]}"}}\n'
    )


def _move(day_off: str, work_on: str) -> str:
    return (
        f"moved_days:\n  - day_off: {day_off}\n    work_on: {work_on}\n"
        "    source: {lv: Testa rīkojums, en: A test order}\n"
    )


def _place_chain(depth: int) -> str:
    """``depth`` cities, each within the one before (the first within test-city)."""
    return (
        "".join(
            f"  - id: deep-{i:04d}\n    kind: city\n"
            f"    within: {f'deep-{i - 1:04d}' if i else 'test-city'}\n"
            f"    name: {{lv: Vieta {i}, en: Place {i}}}\n"
            for i in range(depth)
        )
        + "transitions:\n"
    )


SUMMARY = "summary: {lv: Testa sociālais dienests., en: A test social service.}"


def _summary(lv: str, en: str = "A test social service.") -> str:
    return f'summary: {{lv: "{lv}", en: "{en}"}}'


def _terms(first: str, second: str) -> str:
    """A termbase with two entries whose Latvian terms are the same words."""
    return (
        f"terms:\n  - id: food-parcel\n    lv: {first}\n    en: food parcel\n"
        f"    lv_forms: [pārtikas pak*]\n"
        f"  - id: food-package\n    lv: {second}\n    en: food package\n"
        f"    lv_forms: [pārtikas pak*]\n"
    )


def _term(field: str, value: str) -> str:
    """A termbase of one term whose ``field`` (lv_forms, en_forms, forbidden, forbidden_lv:
    a one-item list; en: the value) is ``value``."""
    fields = {"en": "food parcel", "lv_forms": ["pārtikas pak*"]}
    fields[field] = value if field == "en" else [value]
    lines = "".join(
        f"    {key}: {val!r}\n" if isinstance(val, str) else f"    {key}: [{val[0]!r}]\n"
        for key, val in fields.items()
    )
    return f"terms:\n  - id: food-parcel\n    lv: pārtikas paka\n{lines}"


def _deep(open_: str, close: str, depth: int) -> str:
    return f"name: {open_ * depth}x{close * depth}\n"


CASES: list[Case] = [
    # --- YAML syntax --------------------------------------------------------------
    C("tab-indent", "yaml-syntax", PROVIDER, "tab character", "\tname: {lv: Testa",
      old="  name: {lv: Testa", new="\tname: {lv: Testa"),
    C("tab-after-dash", "yaml-syntax", PROVIDER, "tab character", "iban:",
      old="    - iban:", new="    -\tiban:"),
    C("indent-too-deep", "yaml-syntax", PROVIDER, "indentation is wrong", "   summary: {lv: Testa",
      old="  summary: {lv: Testa", new="   summary: {lv: Testa"),
    C("indent-too-shallow", "yaml-syntax", PROVIDER, "indentation is wrong", "registration_number",
      old="  registration_number:", new=" registration_number:"),
    C("unclosed-double-quote", "yaml-syntax", PROVIDER, "quotation mark", "street:",
      old="street: Atbrīvošanas aleja 95a", new='street: "Atbrīvošanas aleja 95a'),
    C("unclosed-single-quote", "yaml-syntax", PROVIDER, "quotation mark", "town:",
      old="town: Rēzekne", new="town: 'Rēzekne"),
    C("unclosed-bracket", "yaml-syntax", PROVIDER, "not closed with ]", "locations: [test-office",
      old="locations: [test-office]", new="locations: [test-office"),
    C("unclosed-brace", "yaml-syntax", PROVIDER, "not closed with }", "name: {lv: Testa",
      old="name: {lv: Testa dienests, en: Test service}",
      new="name: {lv: Testa dienests, en: Test service"),
    C("colon-in-text", "yaml-syntax", PROVIDER, "colon (:) is in a wrong place", "town:",
      old="town: Rēzekne", new="town: Rēzekne: centrs"),
    C("list-and-fields-mixed", "yaml-syntax", PROVIDER, "indentation is wrong", "- street:",
      old="    street: Atbrīvošanas", new="    - street: Atbrīvošanas"),
    C("two-commas", "yaml-syntax", PROVIDER, "a value is missing", "days: [mon,,",
      old="days: [mon, tue", new="days: [mon,, tue"),
    C("second-document", "yaml-syntax", SITE, "second document", 4, corpus="two-documents.yaml"),
    # --- wrong types -------------------------------------------------------------
    C("count-with-decimals", "wrong-type", PROVIDER, "must be a whole number such as 12 (got 16.5)",
      "max_hours_per_month: 16.5",
      old="max_hours_per_month: 16", new="max_hours_per_month: 16.5"),
    C("count-boolean", "wrong-type", PROVIDER, "must be a whole number", "max_hours_per_month: true",
      old="max_hours_per_month: 16", new="max_hours_per_month: true"),
    C("count-list", "wrong-type", PROVIDER, "must be a whole number", "max_hours_per_month: [16]",
      old="max_hours_per_month: 16", new="max_hours_per_month: [16]"),
    C("list-as-text", "wrong-type", PROVIDER, "must be a list", "audiences: older-people",
      old="audiences: [older-people]", new="audiences: older-people"),
    C("list-as-mapping", "wrong-type", PROVIDER, "must be a list", "  test-office:",
      old="locations:\n  - id: test-office", new="locations:\n  test-office:\n    id: test-office"),
    C("year-as-text", "wrong-type", REPORT, "must be a whole number", "year: twenty",
      old="year: 2017", new="year: twenty"),
    C("date-dotted", "wrong-type", ACTS, "YYYY-MM-DD", "date: 09.03.2017",
      old="date: 2017-03-09", new="date: 09.03.2017"),
    C("date-impossible", "wrong-type", ACTS, "could not be read", "date: 2017-02-30",
      old="date: 2017-03-09", new="date: 2017-02-30"),
    C("text-as-number", "wrong-type", SITE, "must be a text in both languages", "name: 42",
      old="name: {lv: Testa vietne, en: Test site}", new="name: 42"),
    C("text-as-date", "wrong-type", PROVIDER, "must be text (got 2017-03-09)", "street:",
      old="street: Atbrīvošanas aleja 95a", new="street: 2017-03-09"),
    C("weekday-unknown", "wrong-type", PROVIDER, "must be one of", "days: [monday]",
      old="days: [mon, tue, wed, thu, fri]", new="days: [monday]"),
    C("file-is-a-list", "wrong-type", SITE, "must be a group of fields", 1, corpus="list-root.yaml"),
    C("field-name-not-text", "wrong-type", SITE, "field name must be plain text", 4,
      corpus="complex-key.yaml"),
    # --- duplicate keys at every nesting level -----------------------------------
    C("dup-level-1", "duplicate-key", SITE, "`name` appears twice (first on line 1)",
      "name: {lv: Cita",
      old="help_contact: test-provider",
      new="help_contact: test-provider\nname: {lv: Cita vietne, en: Other site}"),
    C("dup-level-1-list", "duplicate-key", PROVIDER, "`services` appears twice", "services:",
      old="fees:\n", new="services: []\nfees:\n"),
    C("dup-level-2", "duplicate-key", PROVIDER, "`id` appears twice (first on line 2)",
      "id: test-provider",
      old="  registration_number:", new="  id: test-provider\n  registration_number:"),
    C("dup-level-3-text-language", "duplicate-key", PROVIDER, "`lv` appears twice",
      "{lv: Testa dienests, lv:",
      old="name: {lv: Testa dienests, en: Test service}",
      new="name: {lv: Testa dienests, lv: Test service}"),
    C("dup-level-4-list-item", "duplicate-key", PROVIDER, "`number` appears twice",
      "number: 64607195",
      old="      - number: 64607194", new="      - number: 64607194\n        number: 64607195"),
    C("dup-level-5-flow", "duplicate-key", PROVIDER, "`amount` appears twice", "amount: 9.80",
      old=RULE, new="rule: {kind: per_unit, amount: 8.80, amount: 9.80, unit: month}"),
    C("dup-level-6-block", "duplicate-key", PROVIDER, "`start` appears twice", 'start: "12:10"',
      old=f"            - {BREAK}",
      new='            - start: "12:00"\n              end: "12:30"\n              start: "12:10"'),
    C("dup-report-row", "duplicate-key", REPORT, "`families` appears twice", "families: 853",
      old="    families: 852", new="    families: 852\n    families: 853"),
    C("dup-vocabulary", "duplicate-key", VOCABULARY, "`name` appears twice", "name: {lv: Ēdiens",
      old="    name: {lv: Pārtika, en: Food}",
      new="    name: {lv: Pārtika, en: Food}\n    name: {lv: Ēdiens, en: Meals}"),
    # --- aliases and anchors ------------------------------------------------------
    C("billion-laughs", "alias-bomb", SITE, "anchors (&a0) are not allowed", 2,
      corpus="billion-laughs.yaml"),
    C("bomb-after-valid-fields", "alias-bomb", SITE, "anchors (&a) are not allowed", 6,
      corpus="alias-bomb-late.yaml"),
    C("alias-copy", "alias-bomb", SITE, "not allowed in data files; write each value out", 1,
      corpus="alias-copy.yaml"),
    C("merge-key", "alias-bomb", SITE, "field name must be plain text", 3, corpus="merge-key.yaml"),
    # --- custom tags -----------------------------------------------------------------
    C("python-object", "custom-tag", SITE, "tag !!python/object:subprocess.Popen is not allowed", 2,
      corpus="python-object.yaml"),
    C("python-object-apply", "custom-tag", SITE, "!!python/object/apply:os.system is not allowed",
      3, corpus="python-apply.yaml"),
    C("python-name", "custom-tag", SITE, "!!python/name:os.system is not allowed", 1,
      corpus="python-name.yaml"),
    C("python-module", "custom-tag", SITE, "!!python/module:os is not allowed", 3,
      corpus="python-module.yaml"),
    C("binary", "custom-tag", SITE, "!!binary is not allowed", 3, corpus="binary.yaml"),
    C("set", "custom-tag", SITE, "!!set is not allowed", 2, corpus="set.yaml"),
    C("local-tag", "custom-tag", SITE, "!include is not allowed", 3, corpus="local-tag.yaml"),
    C("tag-directive", "custom-tag", SITE, "python/object/apply:os.system is not allowed", 4,
      corpus="tag-directive.yaml"),
    # --- size and depth --------------------------------------------------------------
    C("larger-than-1-mib", "size-and-depth", SITE, ("too large", "at most 1024 KB"), 1,
      raw=_too_large),
    C("nested-lists", "size-and-depth", SITE, "nested more than 40 levels", 1,
      content=_deep("[", "]", 1000)),
    C("nested-mappings", "size-and-depth", SITE, "nested more than 40 levels", 1,
      content=_deep("{a: ", "}", 100)),
    C("nested-block-lists", "size-and-depth", SITE, "nested more than 40 levels", 41,
      content="name:\n" + "".join("  " * i + "-\n" for i in range(1, 80))),
    # --- encoding --------------------------------------------------------------------
    C("windows-baltic-code-page", "encoding", PROVIDER, "not saved as UTF-8", 4, raw=_cp1257),
    C("utf-16", "encoding", SITE, "not saved as UTF-8", 1, raw=_utf16),
    C("stray-byte", "encoding", SITE, "not saved as UTF-8", 2, raw=_at_line(2, b" \xff")),
    C("nul-byte", "encoding", SITE, "NUL byte", 3, raw=_at_line(3, b"\x00")),
    C("control-character", "encoding", PROVIDER, "invisible control character, U+0007 BELL,", 37,
      raw=_at_line(37, b"\x07")),
    C("escape-character", "encoding", SITE, "invisible control character, U+001B ESCAPE,", 2,
      raw=_at_line(2, b"\x1b[0m")),
    ok("utf-8-bom", "encoding", PROVIDER, raw=_bom),
    ok("crlf-line-ends", "encoding", PROVIDER, raw=_crlf),
    ok("bom-and-crlf", "encoding", SITE, raw=lambda raw: _bom(_crlf(raw))),
    # --- empty files -----------------------------------------------------------------
    C("zero-bytes", "empty-file", SITE, "the file is empty", 1, content=b""),
    C("blank-lines", "empty-file", SITE, "the file is empty", 1, content="   \n\n  \n"),
    C("comments-only", "empty-file", SITE, "the file is empty", 1, corpus="comments-only.yaml"),
    C("document-marker-only", "empty-file", SITE, "the file is empty", 3,
      corpus="dashes-only.yaml"),
    C("null-only", "empty-file", SITE, "the file is empty", 1, content="~\n"),
    C("empty-provider", "empty-file", PROVIDER, "the file is empty", 1, content=""),
    C("empty-mapping", "empty-file", SITE, "the required field `help_contact` is missing", 1,
      content="{}\n"),
    # --- language codes --------------------------------------------------------------
    C("language-ru", "language-code", PROVIDER, "unknown field `ru`", "ru: Тестовая",
      old="name: {lv: Testa dienests, en: Test service}",
      new="name: {lv: Testa dienests, en: Test service, ru: Тестовая служба}"),
    C("language-de", "language-code", PROVIDER, "unknown field `de`", "de: Lebensmittel",
      old=SERVICE_NAME, new="name: {lv: Pārtikas pakas, en: Food packages, de: Lebensmittel}"),
    C("language-uppercase", "language-code", PROVIDER, "unknown field `LV`", "LV: Pārtikas",
      old=SERVICE_NAME, new="name: {LV: Pārtikas pakas, en: Food packages}"),
    C("language-region", "language-code", PROVIDER, "unknown field `lv-LV`", "lv-LV:",
      old=SERVICE_NAME, new="name: {lv-LV: Pārtikas pakas, en: Food packages}"),
    C("language-typo", "language-code", PROVIDER, "unknown field `eng`; did you mean `en`?",
      "eng: Food", old=SERVICE_NAME, new="name: {lv: Pārtikas pakas, eng: Food packages}"),
    C("pending-unknown-language", "language-code", PROVIDER, "must be one of: 'lv' or 'en'",
      "pending: ru", old=SERVICE_NAME, new="name: {lv: Pārtikas pakas, pending: ru}"),
    # --- translations ----------------------------------------------------------------
    C("missing-english", "translation", VOCABULARY, "the English (en) text is missing",
      "full: {lv: garantētais",
      old="full: {lv: garantētais minimālais ienākumu līmenis, en: guaranteed minimum income}",
      new="full: {lv: garantētais minimālais ienākumu līmenis}"),
    C("missing-latvian", "translation", PROVIDER, "the Latvian (lv) text is missing",
      "name: {en: Food packages}", old=SERVICE_NAME, new="name: {en: Food packages}"),
    C("english-empty-quotes", "translation", PROVIDER, "the English (en) text is missing",
      'en: ""}', old=SERVICE_NAME, new='name: {lv: Pārtikas pakas, en: ""}'),
    C("english-no-value", "translation", PROVIDER, "the English (en) text is missing", "en: }",
      old=SERVICE_NAME, new="name: {lv: Pārtikas pakas, en: }"),
    C("latvian-spaces-only", "translation", PROVIDER, "the Latvian (lv) text is missing",
      'lv: "  "', old=SERVICE_NAME, new='name: {lv: "  ", en: Food packages}'),
    C("pending-without-other", "translation", PROVIDER, "may wait for one translation only",
      "name: {pending: en}", old=SERVICE_NAME, new="name: {pending: en}"),
    C("both-missing", "translation", PROVIDER, "Latvian (lv) and English (en) text is missing",
      "name: {}", old=SERVICE_NAME, new="name: {}"),
    # --- dangling references ---------------------------------------------------------
    C("unknown-audience", "reference", PROVIDER, "no audience with the id `elderly`",
      "audiences: [elderly]", old="audiences: [older-people]", new="audiences: [elderly]"),
    C("unknown-report-provider", "reference", REPORT,
      "no provider with the id `ghost-provider`; did you mean `test-provider`?",
      "provider: ghost-provider", old="provider: test-provider", new="provider: ghost-provider"),
    C("unknown-service-legal-act", "reference", PROVIDER, "no legal act with the id `decision-9`",
      "legal_basis: [decision-9]",
      old="    legal_basis: [decision-1]\n  - id: food",
      new="    legal_basis: [decision-9]\n  - id: food"),
    C("unknown-unit-location", "reference", PROVIDER, "no location with the id `branch-office`",
      "locations: [branch-office]",
      old="      name: {lv: Aprūpes birojs, en: Home care office}",
      new="      name: {lv: Aprūpes birojs, en: Home care office}\n"
      "      locations: [branch-office]"),
    C("unknown-service-location", "reference", PROVIDER, "did you mean `test-office`?",
      "locations: [test-ofice]",
      old="    audiences: [residents]", new="    audiences: [residents]\n"
      "    locations: [test-ofice]"),
    C("unknown-benefit-legal-act", "reference", PROVIDER, "no legal act with the id `decision-x`",
      "legal_basis: [decision-x]",
      old="    group: social-assistance",
      new="    group: social-assistance\n    legal_basis: [decision-x]"),
    # --- amounts ---------------------------------------------------------------------
    C("amount-negative-cent", "amount", PROVIDER, "must not be negative (got -0.01)",
      "amount: -0.01", old="amount: 8.80", new="amount: -0.01"),
    C("amount-three-decimals", "amount", PROVIDER, "at most two decimals (got 2.505)",
      "amount: 2.505", old="amount: 2.50", new="amount: 2.505"),
    C("amount-nan", "amount", PROVIDER, "must be an ordinary number", "amount: .NaN",
      old="amount: 8.80", new="amount: .NaN"),
    C("amount-inf", "amount", PROVIDER, "must be an ordinary number, not Infinity", "amount: .inf",
      old="amount: 8.80", new="amount: .inf"),
    C("amount-minus-inf", "amount", PROVIDER, "must be an ordinary number", "amount: -.inf",
      old="amount: 8.80", new="amount: -.inf"),
    C("amount-1e309", "amount", PROVIDER, "must be a number such as 8.80, not '1e309'",
      "amount: 1e309", old="amount: 8.80", new="amount: 1e309"),
    C("amount-overflowing-float", "amount", PROVIDER, "is larger than 1000000 euro",
      "amount: 1.0e+309", old="amount: 8.80", new="amount: 1.0e+309"),
    C("amount-text", "amount", PROVIDER, "must be a number such as 8.80, not 'eight euro'",
      "amount: eight euro",
      old=RULE, new="rule:\n          kind: per_unit\n          amount: eight euro\n          unit: month"),
    C("amount-decimal-comma-flow", "amount", PROVIDER, ("decimal comma", "write it with a point"),
      "amount: 8,80", old="amount: 8.80", new="amount: 8,80"),
    C("amount-decimal-comma-block", "amount", PROVIDER,
      "'8,80' uses a decimal comma; write it with a point: 8.80", "amount: 8,80",
      old=RULE, new="rule:\n          kind: per_unit\n          amount: 8,80\n          unit: month"),
    C("amount-euro-sign", "amount", PROVIDER, "must be a number such as 8.80", '"€8.80"',
      old="amount: 8.80", new='amount: "€8.80"'),
    C("amount-hexadecimal", "amount", PROVIDER, "not '0x10'", "amount: 0x10",
      old="amount: 8.80", new="amount: 0x10"),
    C("amount-yes", "amount", PROVIDER, "not yes/no", "amount: true",
      old="amount: 8.80", new="amount: true"),
    C("amount-empty", "amount", PROVIDER, "must be a number such as 8.80, not an empty value",
      "amount:", old="rule: {kind: per_unit, amount: 2.50, unit: hour}",
      new="rule:\n          kind: per_unit\n          amount:\n          unit: hour"),
    # --- times -----------------------------------------------------------------------
    C("time-25-00", "time", PROVIDER, "time '25:00' does not exist", '{start: "25:00"',
      old=BREAK, new='{start: "25:00", end: "25:30"}'),
    C("time-24-30", "time", PROVIDER, "time '24:30' does not exist", 'open: "24:30"',
      old='open: "08:00"', new='open: "24:30"'),
    C("time-24-00", "time", PROVIDER, ("'24:00' does not exist", "overnight: true"), '"24:00"',
      old='close: "16:30"', new='close: "24:00"'),
    C("time-minute-60", "time", PROVIDER, "time '12:60' does not exist", '"12:60"',
      old='close: "16:30"', new='close: "12:60"'),
    C("time-word", "time", PROVIDER, "must be written as HH:MM", "close: noon",
      old='close: "16:30"', new="close: noon"),
    C("time-am-pm", "time", PROVIDER, "must be written as HH:MM", "4:30 PM",
      old='close: "16:30"', new='close: "4:30 PM"'),
    C("time-no-colon", "time", PROVIDER, "must be written as HH:MM", "close: 1630",
      old='close: "16:30"', new="close: 1630"),
    C("time-closes-before-opening", "time", PROVIDER,
      "closing time 07:00 is not after opening time 08:00", "- days: [mon",
      old='close: "16:30"', new='close: "07:00"'),
    ok("time-unquoted", "time", PROVIDER, old='close: "16:30"', new="close: 16:30"),
    ok("time-one-digit-hour", "time", PROVIDER, old='open: "08:00"', new='open: "8:00"'),
    # --- lunch breaks ----------------------------------------------------------------
    C("break-before-opening", "lunch-break", PROVIDER,
      "break 07:30-08:30 is not inside the opening hours 08:00-16:30", '"07:30"',
      old=BREAK, new='{start: "07:30", end: "08:30"}'),
    C("break-after-closing", "lunch-break", PROVIDER,
      "break 16:00-17:00 is not inside the opening hours 08:00-16:30", '"16:00"',
      old=BREAK, new='{start: "16:00", end: "17:00"}'),
    C("break-reversed", "lunch-break", PROVIDER, "break 12:30-12:00 is not inside", '"12:30", end',
      old=BREAK, new='{start: "12:30", end: "12:00"}'),
    C("break-at-opening", "lunch-break", PROVIDER, "break 08:00-08:30 is not inside", '"08:30"',
      old=BREAK, new='{start: "08:00", end: "08:30"}'),
    C("break-outside-overnight", "lunch-break", PROVIDER,
      "break 12:00-13:00 is not inside the opening hours 18:00-08:00", '"13:00"',
      old="overnight: true",
      new='overnight: true\n          breaks: [{start: "12:00", end: "13:00"}]'),
    # --- phones ----------------------------------------------------------------------
    C("phone-seven-digits-371", "phone", PROVIDER, "+371 6460719 is not a valid Latvian number",
      "+371 6460719", old="number: 64607194", new='number: "+371 6460719"'),
    C("phone-nine-digits", "phone", PROVIDER, "646071945 is not a valid Latvian number",
      "646071945", old="number: 64607194", new="number: 646071945"),
    C("phone-letters", "phone", PROVIDER, "may contain only digits", "719x",
      old="number: 64607194", new='number: "6460 719x"'),
    C("phone-estonian", "phone", PROVIDER, "+372 5123 4567 is not a valid Latvian number", "+372",
      old="number: 64607194", new='number: "+372 5123 4567"'),
    C("phone-no-such-prefix", "phone", PROVIDER, "12345678 is not a valid Latvian number",
      "12345678", old="number: 64607194", new="number: 12345678"),
    ok("phone-plus-371", "phone", PROVIDER, old="number: 64607194", new='number: "+371 64607194"'),
    ok("phone-plus-371-no-space", "phone", PROVIDER, old="number: 64607194",
       new='number: "+37164607194"'),
    ok("phone-spaced", "phone", PROVIDER, old="number: 64607194", new='number: "646 07 194"'),
    # --- round 2 (issue 15) ------------------------------------------------------------
    C("break-across-midnight-past-closing", "lunch-break", PROVIDER,
      "break 23:30-08:30 is not inside the opening hours 18:00-08:00", '"08:30"',
      old="overnight: true",
      new='overnight: true\n          breaks: [{start: "23:30", end: "08:30"}]'),
    C("break-reversed-overnight", "lunch-break", PROVIDER, "break 02:00-01:00 is not inside",
      '"02:00"', old="overnight: true",
      new='overnight: true\n          breaks: [{start: "02:00", end: "01:00"}]'),
    # --- ids that would take the path of another page, and very long ids --------------
    C("service-id-index", "reserved-id", PROVIDER, ("`index` is reserved", "services/index.md"),
      "  - id: index", old="  - id: home-care\n", new="  - id: index\n"),
    C("provider-id-index", "reserved-id", PROVIDER, ("`index` is reserved", "providers/index.md"),
      "  id: index", old="  id: test-provider\n", new="  id: index\n"),
    C("report-id-index", "reserved-id", REPORT, ("`index` is reserved", "reports/index.md"),
      "id: index", old="id: test-report", new="id: index"),
    C("service-id-very-long", "reserved-id", PROVIDER, ("is too long", "at most 80"), "  - id: aaa",
      old="  - id: home-care\n", new="  - id: " + "a" * 5000 + "\n"),
    C("location-id-very-long", "reserved-id", PROVIDER, "is too long (81 characters", "  - id: bbb",
      old="  - id: test-office", new="  - id: " + "b" * 81),
    C("report-id-very-long", "reserved-id", REPORT, "is too long", 1,
      old="id: test-report", new="id: " + "-".join(["report"] * 200)),
    # --- numbers far beyond any real value -------------------------------------------
    C("amount-1e30-float", "numeric-extreme", PROVIDER, "is larger than 1000000 euro",
      "amount: 1.0e+30", old="amount: 8.80", new="amount: 1.0e+30"),
    C("amount-1e30-plain", "numeric-extreme", PROVIDER, "must be a number such as 8.80",
      "amount: 1e30", old="amount: 8.80", new="amount: 1e30"),
    C("amount-10-to-40", "numeric-extreme", PROVIDER, "far too large", "amount: 1000",
      old="amount: 8.80", new="amount: 1" + "0" * 40),
    C("amount-5000-digits", "numeric-extreme", PROVIDER, "could not be read", "amount: 9999",
      old="amount: 8.80", new="amount: " + "9" * 5000),
    C("count-10-to-40", "numeric-extreme", PROVIDER, "a number with 41 digits is larger than",
      "max_hours_per_month: 1000", old="max_hours_per_month: 16",
      new="max_hours_per_month: 1" + "0" * 40),
    C("count-above-bound", "numeric-extreme", REPORT, "10000001 is larger than 10 000 000",
      "families: 10000001", old="families: 852", new="families: 10000001"),
    C("persons-negative-huge", "numeric-extreme", REPORT, "must not be negative", "persons: -",
      old="persons: 1590", new="persons: -" + "9" * 50),
    C("year-99999", "numeric-extreme", REPORT, "year 99999 is not between 1900 and 2100",
      "year: 99999", old="year: 2017", new="year: 99999"),
    C("year-10-to-40", "numeric-extreme", REPORT, "is not between 1900 and 2100", "year: 1000",
      old="year: 2017", new="year: 1" + "0" * 40),
    C("year-too-early", "numeric-extreme", REPORT, "year 1017 is not between", "year: 1017",
      old="year: 2017", new="year: 1017"),
    C("date-year-9999", "numeric-extreme", ACTS, "not between the years 1900 and 2100",
      "date: 9999-03-09", old="date: 2017-03-09", new="date: 9999-03-09"),
    C("sum-1e30", "numeric-extreme", REPORT, "below 10^12", "spent_eur: 1.0e+30",
      old="spent_eur: 457425", new="spent_eur: 1.0e+30"),
    C("visits-10-to-20", "numeric-extreme", PROVIDER, "is larger than 10 000 000",
      "{min: 2, max: 1000", old="visits_per_week: {min: 2, max: 2}",
      new="visits_per_week: {min: 2, max: 1" + "0" * 20 + "}"),
    # --- explicit tags: none reaches PyYAML's constructors -----------------------------
    C("tag-timestamp-garbage", "explicit-tag", PROVIDER, "tag !!timestamp is not allowed",
      "!!timestamp", old="amount: 8.80", new="amount: !!timestamp abc"),
    C("tag-int-garbage", "explicit-tag", PROVIDER, "tag !!int is not allowed", "!!int",
      old="max_hours_per_month: 16", new="max_hours_per_month: !!int sixteen"),
    C("tag-float-garbage", "explicit-tag", PROVIDER, "tag !!float is not allowed", "!!float",
      old="amount: 8.80", new="amount: !!float x"),
    C("tag-bool-maybe", "explicit-tag", PROVIDER, "tag !!bool is not allowed", "!!bool",
      old="overnight: true", new="overnight: !!bool maybe"),
    C("tag-null-on-text", "explicit-tag", SITE, "tag !!null is not allowed", "!!null",
      old="help_contact: test-provider", new="help_contact: !!null test-provider"),
    C("tag-str-on-number", "explicit-tag", PROVIDER, "tag !!str is not allowed", "!!str",
      old="amount: 8.80", new="amount: !!str 8.80"),
    C("tag-non-specific", "explicit-tag", PROVIDER, "tag ! is not allowed", "amount: ! 8",
      old="amount: 8.80", new="amount: ! 8.80"),
    C("tag-map-on-scalar", "explicit-tag", SITE, "tag !!map is not allowed", "!!map",
      old="help_contact: test-provider", new="help_contact: !!map test-provider"),
    C("tag-omap", "explicit-tag", SITE, "tag !!omap is not allowed", "!!omap",
      old="name: {lv: Testa vietne, en: Test site}", new="name: !!omap [{lv: a}, {en: b}]"),
    C("tag-on-key", "explicit-tag", SITE, "tag !!str is not allowed", "!!str help",
      old="help_contact: test-provider", new="!!str help_contact: test-provider"),
    C("tag-timestamp-date-ok-but-tagged", "explicit-tag", ACTS, "tag !!timestamp is not allowed",
      "!!timestamp", old="date: 2017-03-09", new="date: !!timestamp 2017-03-09"),
    # --- invisible and control characters, named by code and name ---------------------
    C("zero-width-space", "invisible-character", PROVIDER, "U+200B ZERO WIDTH SPACE", "town:",
      old="town: Rēzekne", new="town: Rēz\u200bekne"),
    C("zero-width-non-joiner", "invisible-character", PROVIDER, "U+200C ZERO WIDTH NON-JOINER",
      "town:", old="town: Rēzekne", new="town: Rēz\u200cekne"),
    C("zero-width-joiner", "invisible-character", PROVIDER, "U+200D ZERO WIDTH JOINER", "town:",
      old="town: Rēzekne", new="town: Rēz\u200dekne"),
    C("word-joiner", "invisible-character", PROVIDER, "U+2060 WORD JOINER", "street:",
      old="street: Atbrīvošanas", new="street: Atbrīvo\u2060šanas"),
    C("right-to-left-override-phone-label", "invisible-character", PROVIDER,
      ("U+202E RIGHT-TO-LEFT OVERRIDE", "display in another order"), '"\u202e64607194"',
      old="number: 64607194", new='number: "\u202e64607194"'),
    C("left-to-right-override", "invisible-character", SITE, "U+202D LEFT-TO-RIGHT OVERRIDE", 1,
      old="Testa vietne", new="Testa \u202dvietne"),
    C("right-to-left-isolate", "invisible-character", SITE, "U+2067 RIGHT-TO-LEFT ISOLATE", 2,
      old="Maza testa", new="Maza \u2067testa\u2069"),
    C("pop-directional-formatting", "invisible-character", SITE,
      "U+202C POP DIRECTIONAL FORMATTING", 1, old="Test site", new="Test\u202c site"),
    C("right-to-left-mark", "invisible-character", SITE, "U+200F RIGHT-TO-LEFT MARK", 1,
      old="Test site", new="Test site\u200f"),
    C("arabic-letter-mark", "invisible-character", SITE, "U+061C ARABIC LETTER MARK", 1,
      old="Test site", new="Test\u061c site"),
    C("byte-order-mark-inside", "invisible-character", PROVIDER,
      "U+FEFF ZERO WIDTH NO-BREAK SPACE", "town:", old="town: Rēzekne", new="town: \ufeffRēzekne"),
    C("two-byte-order-marks", "invisible-character", SITE, "byte-order mark", 1,
      raw=lambda raw: "\ufeff\ufeff".encode() + raw),
    C("soft-hyphen", "invisible-character", PROVIDER, "U+00AD SOFT HYPHEN", "town:",
      old="town: Rēzekne", new="town: Rē\u00adzekne"),
    C("next-line-control", "invisible-character", SITE, "U+0085 NEXT LINE", 2,
      old="Maza testa", new="Maza\u0085testa"),
    C("line-separator", "invisible-character", SITE, "U+2028 LINE SEPARATOR", 2,
      old="Maza testa", new="Maza\u2028testa"),
    C("private-use", "invisible-character", SITE, "U+E000 a private-use character", 2,
      old="Maza testa", new="Maza \ue000testa"),
    C("tag-character", "invisible-character", SITE, "U+E0041 TAG LATIN CAPITAL LETTER A", 2,
      old="Maza testa", new="Maza testa\U000e0041"),
    C("mongolian-vowel-separator", "invisible-character", SITE,
      "U+180E MONGOLIAN VOWEL SEPARATOR", 2, old="Maza testa", new="Maza\u180etesta"),
    C("zero-width-in-key", "invisible-character", PROVIDER, "U+200B ZERO WIDTH SPACE", "to\u200bwn",
      old="town: Rēzekne", new="to\u200bwn: Rēzekne"),
    C("zero-width-in-id", "invisible-character", PROVIDER, "U+200B ZERO WIDTH SPACE", "home\u200b",
      old="  - id: home-care\n", new="  - id: home\u200b-care\n"),
    C("nul-inside-text", "invisible-character", PROVIDER, "NUL byte (U+0000 NULL)", "town:",
      old="town: Rēzekne", new="town: Rēz\u0000ekne"),
    C("delete-control", "invisible-character", SITE, "U+007F DELETE", 1,
      old="Test site", new="Test\u007f site"),
    # --- look-alike letters and digits -----------------------------------------------
    C("cyrillic-e-in-town", "look-alike", PROVIDER,
      ("mixes Latin and Cyrillic", "U+0435 CYRILLIC SMALL LETTER IE"), "town:",
      old="town: Rēzekne", new="town: R\u0435zekne"),
    C("cyrillic-a-in-email-domain", "look-alike", PROVIDER,
      "U+0430 CYRILLIC SMALL LETTER A", "address:",
      old="info@example.lv", new="info@ex\u0430mple.lv"),
    C("cyrillic-email-domain", "look-alike", PROVIDER,
      ("contains", "CYRILLIC", "only Latin letters"), "address:",
      old="info@example.lv", new="info@\u043f\u0440\u0438\u043c\u0435\u0440.lv"),
    C("cyrillic-a-in-key", "look-alike", PROVIDER, "U+0430 CYRILLIC SMALL LETTER A", "n\u0430me",
      old=SERVICE_NAME, new="n\u0430me: {lv: Pārtikas pakas, en: Food packages}"),
    C("cyrillic-o-in-id", "look-alike", PROVIDER, "U+043E CYRILLIC SMALL LETTER O", "h\u043eme",
      old="  - id: home-care\n", new="  - id: h\u043eme-care\n"),
    C("greek-omicron-in-word", "look-alike", SITE,
      ("mixes Latin and Greek", "U+03BF GREEK SMALL LETTER OMICRON"), 1,
      old="Test site", new="Test site \u03bfnline"),
    C("cyrillic-i-in-latvian", "look-alike", PROVIDER, "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I",
      "summary: {lv: Testa", old="summary: {lv: Testa sociālais", new="summary: {lv: Testa soc\u0456ālais"),
    C("fullwidth-digits-phone", "look-alike", PROVIDER, "may contain only digits", "\uff16\uff14",
      old="number: 64607194", new='number: "\uff16\uff14\uff16\uff10\uff17\uff11\uff19\uff14"'),
    C("arabic-indic-digits-time", "look-alike", PROVIDER, "must be written as HH:MM", "\u0661\u0666",
      old='close: "16:30"', new='close: "\u0661\u0666:\u0663\u0660"'),
    C("fullwidth-digits-amount", "look-alike", PROVIDER, "must be a number such as 8.80",
      '"\uff18.', old="amount: 8.80", new='amount: "\uff18.\uff18\uff10"'),
    # --- encodings other than UTF-8 --------------------------------------------------
    C("utf-16-le-bom", "wide-encoding", SITE, ("as UTF-16", "FF FE"), 1,
      raw=lambda raw: raw.decode().encode("utf-16-le").join([b"\xff\xfe", b""])),
    C("utf-16-be-bom", "wide-encoding", SITE, ("as UTF-16", "FE FF"), 1,
      raw=lambda raw: b"\xfe\xff" + raw.decode().encode("utf-16-be")),
    C("utf-16-le-no-bom", "wide-encoding", PROVIDER, "as UTF-16", 1,
      raw=lambda raw: raw.decode().encode("utf-16-le")),
    C("utf-32", "wide-encoding", SITE, "as UTF-32", 1, raw=lambda raw: raw.decode().encode("utf-32")),
    C("latin-7", "wide-encoding", PROVIDER, "not saved as UTF-8", 4,
      raw=lambda raw: raw.decode().encode("iso8859-13")),
    C("surrogate-bytes", "wide-encoding", SITE, "not saved as UTF-8", 2,
      raw=_at_line(2, b"\xed\xa0\x80")),
    # --- values YAML or the page would silently change -------------------------------
    C("amount-underscore", "silent-change", PROVIDER, ("'1_50' contains _", "read as 150"),
      "amount: 1_50", old="amount: 8.80", new="amount: 1_50"),
    C("amount-underscore-decimal", "silent-change", PROVIDER, "contains _", "amount: 8_0.80",
      old="amount: 8.80", new="amount: 8_0.80"),
    C("count-underscore", "silent-change", PROVIDER, "must be a whole number such as 12",
      "max_hours_per_month: 1_6", old="max_hours_per_month: 16", new="max_hours_per_month: 1_6"),
    C("year-underscore", "silent-change", REPORT, "(got '2_017')", "year: 2_017",
      old="year: 2017", new="year: 2_017"),
    C("amount-minus-zero", "silent-change", PROVIDER, "zero with a minus sign", "amount: -0.00",
      old="amount: 8.80", new="amount: -0.00"),
    C("amount-minus-zero-text", "silent-change", PROVIDER, "zero with a minus sign", "-0.0",
      old="amount: 8.80", new='amount: "-0.0"'),
    C("sum-minus-zero", "silent-change", REPORT, "zero with a minus sign", "spent_eur: -0",
      old="spent_eur: 457425", new="spent_eur: -0.00"),
    C("text-longer-than-limit", "silent-change", SITE, ("too long", "at most 20,000"), 2,
      old="Maza testa vietne.", new="Vārds " * 5000),
    C("escaped-zero-width-space", "invisible-character", PROVIDER,
      ("U+200B ZERO WIDTH SPACE", "written as an escape"), "town:",
      old="town: Rēzekne", new='town: "Rēz\\u200bekne"'),
    C("escaped-right-to-left-override", "invisible-character", PROVIDER,
      "U+202E RIGHT-TO-LEFT OVERRIDE", '"\\u202e', old="number: 64607194",
      new='number: "\\u202e64607194"'),
    C("escaped-cyrillic-in-key", "look-alike", PROVIDER, "U+0430 CYRILLIC SMALL LETTER A",
      '"n\\u0430me"', old=SERVICE_NAME, new='"n\\u0430me": {lv: Pārtikas pakas, en: Food packages}'),
    C("entity-right-to-left-override", "invisible-character", SITE,
      ("&#x202e; stands for U+202E RIGHT-TO-LEFT OVERRIDE",), 1,
      old="Test site", new="Test&#x202e; site"),
    C("entity-zero-width-joiner", "invisible-character", SITE,
      "&zwj; stands for U+200D ZERO WIDTH JOINER", 2, old="Maza testa", new="Maza&zwj;testa"),
    # --- round 3 (issue 25): breaks in the order of the day, apart -------------------
    C("breaks-out-of-order", "break-order", PROVIDER, ("break 10:00-10:15 is listed after",
      "order of the day"), "breaks: [", old=BREAKS_OLD, new=_breaks("12:00-12:30", "10:00-10:15")),
    C("breaks-overlap", "break-order", PROVIDER, ("overlaps break 12:00-12:30",), "breaks: [",
      old=BREAKS_OLD, new=_breaks("12:00-12:30", "12:15-12:45")),
    C("breaks-same-twice", "break-order", PROVIDER, "overlaps break 12:00-12:30", "breaks: [",
      old=BREAKS_OLD, new=_breaks("12:00-12:30", "12:00-12:30")),
    C("breaks-inside-another", "break-order", PROVIDER, "overlaps break 12:00-13:00", "breaks: [",
      old=BREAKS_OLD, new=_breaks("12:00-13:00", "12:10-12:20")),
    C("breaks-three-last-early", "break-order", PROVIDER, "break 09:00-09:10 is listed after",
      "breaks: [", old=BREAKS_OLD, new=_breaks("10:00-10:10", "12:00-12:30", "09:00-09:10")),
    C("breaks-overnight-order", "break-order", PROVIDER, "break 23:00-23:15 is listed after",
      "breaks: [", old="          overnight: true\n",
      new="          overnight: true\n" + _breaks("02:00-02:30", "23:00-23:15")),
    # --- seasons whose days overlap ----------------------------------------------------
    C("seasons-overlap-in-march", "season-overlap", PROVIDER, "overlap", '"11-01"',
      old=SHELTER, new=_seasons(("03-01", "10-31"), ("11-01", "03-31"))),
    C("seasons-same-days", "season-overlap", PROVIDER, "overlap", '"06-01"',
      old=SHELTER, new=_seasons(("06-01", "08-31"), ("06-01", "08-31"))),
    C("seasons-one-day-shared", "season-overlap", PROVIDER, "overlap", '"10-31", end',
      old=SHELTER, new=_seasons(("04-01", "10-31"), ("10-31", "03-31"))),
    C("seasons-whole-year-and-winter", "season-overlap", PROVIDER, "overlap", '"12-01"',
      old=SHELTER, new=_seasons(("01-01", "12-31"), ("12-01", "02-28"))),
    # --- moved days that collide with a public holiday ----------------------------------
    C("moved-day-off-is-holiday", "moved-day-holiday", CALENDAR,
      ("2031-11-18 is already a public holiday", "Proclamation Day"), "day_off: 2031-11-18",
      old="moved_days:\n", new=_move("2031-11-18", "2031-11-22")),
    C("moved-work-on-is-holiday", "moved-day-holiday", CALENDAR,
      ("2028-11-18 is a public holiday", "cannot be worked"), "work_on: 2028-11-18",
      old="moved_days:\n", new=_move("2028-11-17", "2028-11-18")),
    C("moved-day-off-christmas", "moved-day-holiday", CALENDAR, "2031-12-25 is already a public",
      "day_off: 2031-12-25", old="moved_days:\n", new=_move("2031-12-25", "2031-12-20")),
    C("moved-work-on-midsummer-eve", "moved-day-holiday", CALENDAR,
      "2029-06-23 is a public holiday", "work_on: 2029-06-23",
      old="moved_days:\n", new=_move("2029-06-22", "2029-06-23")),
    # --- depth: a chain of places ---------------------------------------------------------
    C("places-chain-1200", "depth-limit", PLACES, ("`deep-0005` lies too deep", "more than 6"),
      "within: deep-0004", old="transitions:\n", new=_place_chain(1200)),
    C("places-chain-7", "depth-limit", PLACES, "`deep-0005` lies too deep", "within: deep-0004",
      old="transitions:\n", new=_place_chain(7)),
    C("places-chain-100", "depth-limit", PLACES, "lies too deep", "within: deep-0004",
      old="transitions:\n", new=_place_chain(100)),
    # --- digits: numbers no page can read aloud or format ---------------------------------
    C("amount-30-digits-in-text", "digits-limit", PROVIDER, ("30 digits", "at most 20"), "summary: {lv: \"",
      old=SUMMARY, new=_summary("Maksā 123456789012345678901234567890 €")),
    C("amount-grouped-30-digits", "digits-limit", PROVIDER, ("30 digits", "at most 15"), "summary: {lv: \"",
      old=SUMMARY, new=_summary("Maksā 123 456 789 012 345 678 901 234 567 890 €")),
    C("percent-10-to-40", "digits-limit", PROVIDER, "41 digits", "summary: {lv: \"",
      old=SUMMARY, new=_summary("Atlaide 1" + "0" * 40 + " %")),
    C("percent-10-to-40-english", "digits-limit", PROVIDER, "41 digits", "summary: {lv: \"",
      old=SUMMARY, new=_summary("Atlaide 5 %", "A discount of 1" + "0" * 40 + "%")),
    C("ordinal-4400-digits", "digits-limit", PROVIDER, "4400 digits", "summary: {lv: \"",
      old=SUMMARY, new=_summary("9" * 4400 + ". vietā")),
    C("ordinal-4400-digits-in-site", "digits-limit", SITE, "4400 digits", 2,
      old="Maza testa", new="9" * 4400 + ". Maza testa"),
    C("grouped-with-dots", "digits-limit", PROVIDER, "18 digits", "summary: {lv: \"",
      old=SUMMARY, new=_summary("Maksā 123.456.789.012.345.678,00 €")),
    C("amount-value-30-digits", "digits-limit", PROVIDER, "30 digits", "amount: 1234",
      old="amount: 8.80", new="amount: 123456789012345678901234567890"),
    # --- combining marks stacked on one letter ---------------------------------------------
    C("combining-300-marks", "combining-marks", PROVIDER, ("300 combining marks", "at most 3"),
      "town:", old="town: Rēzekne", new="town: Re" + "\u0301" * 300 + "zekne"),
    C("combining-4-marks", "combining-marks", SITE, "4 combining marks", 2,
      old="Maza testa", new="Maza te\u0300\u0301\u0302\u0303sta"),
    C("combining-marks-in-name", "combining-marks", PROVIDER, "50 combining marks", "name: {lv: P",
      old=SERVICE_NAME, new="name: {lv: Pa" + "\u0335" * 50 + "rtikas pakas, en: Food packages}"),
    C("combining-marks-escaped", "combining-marks", PROVIDER, "20 combining marks", "town:",
      old="town: Rēzekne", new='town: "Re' + "\\u0301" * 20 + 'zekne"'),
    # --- one spelling of each letter: NFD (a + U+0304) is read as NFC (ā) -----------------
    ok("nfd-service-name", "unicode-normalisation", PROVIDER,
       old=SERVICE_NAME, new="name: {lv: Pa\u0304rtikas pakas, en: Food packages}"),
    ok("nfd-town", "unicode-normalisation", PROVIDER, old="town: Rēzekne", new="town: Re\u0304zekne"),
    ok("nfd-summary", "unicode-normalisation", PROVIDER, old="Testa sociālais dienests.",
       new="Testa socia\u0304lais dienests."),
    ok("nfd-escaped", "unicode-normalisation", PROVIDER, old="town: Rēzekne",
       new='town: "Re\\u0304zekne"'),
    ok("nfd-whole-file", "unicode-normalisation", PROVIDER,
       raw=lambda raw: unicodedata.normalize("NFD", raw.decode()).encode()),
    ok("nfd-whole-report", "unicode-normalisation", REPORT,
       raw=lambda raw: unicodedata.normalize("NFD", raw.decode()).encode()),
    C("nfd-term-twice", "unicode-normalisation", "terms.yaml",
      ("is listed twice", "as `food parcel` and as `food package`"),
      "lv: pa\u0304rtikas", content=_terms("pārtikas paka", "pa\u0304rtikas paka")),
    C("nfd-term-twice-capital", "unicode-normalisation", "terms.yaml", "is listed twice",
      "lv: Pa\u0304rtikas", content=_terms("pārtikas paka", "Pa\u0304rtikas paka")),
    C("nfc-term-twice-in-nfd-file", "unicode-normalisation", "terms.yaml", "is listed twice", 7,
      content=unicodedata.normalize("NFD", _terms("pārtikas paka", "pārtikas paka"))),
    # --- term forms: literal words, `*` only at a word's end --------------------------------
    C("term-stars-only", "term-pattern", "terms.yaml", ("the term form", "* only at the end"),
      "forbidden:", content=_term("forbidden", "* * * * * * * x")),
    C("term-star-first", "term-pattern", "terms.yaml", "the term form '*pabalsts'", "lv_forms:",
      content=_term("lv_forms", "*pabalsts")),
    C("term-star-alone", "term-pattern", "terms.yaml", "the term form", "en_forms:",
      content=_term("en_forms", "food *")),
    C("term-double-space", "term-pattern", "terms.yaml", "one space between them", "en:",
      content=_term("en", "food  parcel")),
    C("term-nine-words", "term-pattern", "terms.yaml", "at most 8 words", "forbidden_lv:",
      content=_term("forbidden_lv", " ".join(["vārds"] * 9))),
    C("term-too-long", "term-pattern", "terms.yaml", "80 characters", "forbidden:",
      content=_term("forbidden", "a" * 81)),
    C("term-star-in-middle", "term-pattern", "terms.yaml", "the term form", "lv_forms:",
      content=_term("lv_forms", "pab*alsts")),
]  # fmt: skip


def counts() -> dict[str, Counter[str]]:
    """Cases per category, split into refused and accepted (for the closing note)."""
    table: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
    for case in CASES:
        table[case.category]["accepted" if case.accepted else "refused"] += 1
    return table
