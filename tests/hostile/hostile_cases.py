"""The corpus of broken and hostile data: one ``Case`` per way a data file can go wrong.

A case starts from the small valid fixture data (tests/fixtures/site/data) and changes one
file: a text replacement (``old`` -> ``new``), a whole file from ``files/`` (``corpus``) or
given inline (``content``), or a byte-level change (``raw``). It names the words the
message must contain and the line it must point at: a number, or a text found on that
line of the changed file. ``accepted`` cases must validate and load the same data as the
unchanged fixture (a BOM, CRLF line ends, ``+371`` …).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

PROVIDER = "providers/test-provider.yaml"
REPORT = "reports/test-report.yaml"
SITE = "site.yaml"
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
)


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
]  # fmt: skip


def counts() -> dict[str, Counter[str]]:
    """Cases per category, split into refused and accepted (for the closing note)."""
    table: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
    for case in CASES:
        table[case.category]["accepted" if case.accepted else "refused"] += 1
    return table
