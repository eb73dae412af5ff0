"""Mark values in residents' texts with their spoken form for the listen widget.

``annotate_html`` takes HTML that is already sanitised and wraps, in its text only, the values a
text-to-speech voice would misread:

* times and time ranges: ``8.00``, ``8.00–16.30``, ``plkst. 12.00``, ``8:00``;
* amounts in euro: ``0,85 eiro``, ``8,80 €``, ``€8.80``, ``9.23 euros``;
* Latvian phone numbers of 8 digits (``64607194``, ``+371 64607194``, ``64 60 71 94``);
* postal codes ``LV-4601`` and percentages ``25%``, ``60,07 %``;
* the abbreviations given (``GMI``), as ``<abbr title="…" data-speak="…">``.

Each becomes ``<span data-speak="…">as written</span>``. The markup is tokenised with the
standard library's ``html.parser``; only text between tags is ever rewritten, and a text that
gets no annotation is copied byte for byte. Text inside ``<a>``, ``<abbr>``, code, scripts and
any element that already has ``data-speak`` is left alone. An element's own ``lang`` attribute
decides the language a value inside it is spoken in.

A bare time such as ``8.30`` is only taken for a time when the text says so: with *plkst.*, as
one end of a range, written with a colon, or after a preposition (*no, līdz, pēc …*; *from, to,
at …*), and not when a lowercase word follows its full stop (``no 2.10. punkta`` is a clause
number). The preposition decides the Latvian case: "no plkst. 8.00" → "pulksten astoņiem".
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser

from ..base.languages import LANGUAGES, check_lang
from ..base.phones import PHONE_IN_TEXT, to_e164
from . import spoken

SKIP_TAGS = frozenset(
    {"a", "abbr", "script", "style", "code", "pre", "kbd", "samp", "textarea", "title", "template"}
)
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
     "wbr"}
)  # fmt: skip

_SP = "[ \u00a0\u202f]"  # space, no-break space, narrow no-break space
# at most four groups of thousands (amounts stop at a million): a long run of numbers
# such as "100 200 300 …" is then scanned a bounded number of times, not once per number
# and at most 15 digits in one run (characters.MAX_DIGITS: validation refuses longer ones;
# here a longer number is simply not read aloud, never a decimal or int() error)
_LV_AMOUNT = rf"\d{{1,3}}(?:{_SP}\d{{3}}){{1,4}}(?:,\d{{2}})?|\d{{1,15}}(?:,\d{{2}})?"
_EN_AMOUNT = r"\d{1,3}(?:,\d{3}){1,4}(?:\.\d{2})?|\d{1,15}(?:[.,]\d{2})?"
_CURRENCY_AFTER = r"(?:€|(?:eiro|euro|euros|EUR|eur)(?!\w))"
_BEFORE_NUMBER = r"(?<![\w.,:])"

MONEY_RE = {
    "lv": re.compile(rf"{_BEFORE_NUMBER}(?P<amount>{_LV_AMOUNT}){_SP}?{_CURRENCY_AFTER}"),
    "en": re.compile(
        rf"(?:(?<!\w)(?:€|EUR){_SP}?(?P<pre>{_EN_AMOUNT})(?![\d.,]\d))"
        rf"|(?:{_BEFORE_NUMBER}(?P<amount>{_EN_AMOUNT}){_SP}?{_CURRENCY_AFTER})"
    ),
}
POSTAL_RE = re.compile(r"(?<![\w-])LV[-\u2011\u2013](?P<digits>\d{4})(?!\d)")
PERCENT_RE = re.compile(rf"{_BEFORE_NUMBER}(?P<number>\d{{1,15}}(?:[.,]\d{{1,6}})?){_SP}?%")
_HOUR = r"(?:[01]?\d|2[0-4])[.:][0-5]\d"
TIME_RANGE_RE = re.compile(
    rf"(?<![\w.,:])(?:(?:plkst\.|pulksten){_SP}*)?(?P<start>{_HOUR}){_SP}*[-\u2013\u2014]{_SP}*"
    rf"(?:(?:plkst\.|pulksten){_SP}*)?(?P<end>{_HOUR})(?!\d|[.:,]\d)"
)
TIME_RE = re.compile(
    rf"(?<![\w.,:])(?:(?P<clock>plkst\.|pulksten){_SP}*)?(?P<time>{_HOUR})(?!\d|[.:,]\d)"
)
_LOWER_AFTER_STOP = re.compile(r"\.\s*[a-zāčēģīķļņšūž]")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
EN_TIME_PREPOSITIONS = frozenset({"from", "to", "at", "until", "till", "after", "before", "by"})


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    speak: str
    title: str | None = None  # set for abbreviations: wrapped in <abbr title=…>


Finder = Callable[[str, str], list[Found]]


def _amount(text: str) -> Decimal:
    """An amount as written in either language: "1 000,50", "1,000.50", "0,85", "9.23"."""
    compact = re.sub(_SP, "", text)
    if re.fullmatch(r"\d+,\d{2}", compact):
        return Decimal(compact.replace(",", "."))
    return Decimal(compact.replace(",", ""))


def find_money(text: str, lang: str) -> list[Found]:
    return [
        Found(m.start(), m.end(), spoken.speak_money(_amount(m["amount"] or m["pre"]), lang))
        for m in MONEY_RE[lang].finditer(text)
    ]


def find_phones(text: str, lang: str) -> list[Found]:
    found = []
    for m in PHONE_IN_TEXT.finditer(text):
        written = m.group()
        digits = re.sub(r"\D", "", written)
        e164 = to_e164("+" + digits if written.startswith("+") else digits)
        if e164 is None:
            continue
        speak = spoken.speak_phone(e164, lang, international=written.startswith("+"))
        found.append(Found(m.start(), m.end(), speak))
    return found


def find_postal_codes(text: str, lang: str) -> list[Found]:
    return [
        Found(m.start(), m.end(), spoken.speak_postal(f"LV-{m['digits']}", lang))
        for m in POSTAL_RE.finditer(text)
    ]


def find_percentages(text: str, lang: str) -> list[Found]:
    return [
        Found(
            m.start(), m.end(), spoken.speak_percent(Decimal(m["number"].replace(",", ".")), lang)
        )
        for m in PERCENT_RE.finditer(text)
    ]


def _hhmm(written: str) -> str:
    hour, minute = re.split(r"[.:]", written)
    return f"{int(hour):02d}:{minute}"


def find_time_ranges(text: str, lang: str) -> list[Found]:
    found = []
    for m in TIME_RANGE_RE.finditer(text):
        start, end = _hhmm(m["start"]), _hhmm(m["end"])
        if start.startswith("24") or (end.startswith("24") and end != "24:00"):
            continue
        overnight = spoken.parse_time(end) <= spoken.parse_time(start)
        found.append(
            Found(m.start(), m.end(), spoken.speak_time_range(start, end, lang, overnight))
        )
    return found


def _word_before(text: str, pos: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return match[1].lower() if match else ""


def find_times(text: str, lang: str) -> list[Found]:
    found = []
    for m in TIME_RE.finditer(text):
        before = _word_before(text, m.start())
        preposition = before if before in spoken.LV_PREPOSITIONS and lang == "lv" else None
        said_so = bool(m["clock"]) or ":" in m["time"]
        if not said_so:
            if before not in (spoken.LV_PREPOSITIONS if lang == "lv" else EN_TIME_PREPOSITIONS):
                continue
            if _LOWER_AFTER_STOP.match(text, m.end()):
                continue
        hhmm = _hhmm(m["time"])
        if hhmm.startswith("24"):
            if hhmm != "24:00":
                continue
            hhmm = "00:00"
        speak = spoken.speak_time(hhmm, lang, after=preposition, clock_word=bool(m["clock"]))
        found.append(Found(m.start(), m.end(), speak))
    return found


FINDERS: tuple[Finder, ...] = (
    find_money,
    find_phones,
    find_postal_codes,
    find_percentages,
    find_time_ranges,
    find_times,
)  # earlier finders win where two matches overlap


def find_abbreviations(text: str, abbreviations: Mapping[str, str]) -> list[Found]:
    found = []
    for short in sorted(abbreviations, key=len, reverse=True):
        full = spoken.speak_abbreviation(abbreviations[short])
        if not short.strip() or not full:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", text):
            found.append(Found(m.start(), m.end(), full, title=abbreviations[short]))
    return found


def find_all(text: str, lang: str, abbreviations: Mapping[str, str]) -> list[Found]:
    """Non-overlapping values in plain ``text``, in order; earlier finders take precedence."""
    chosen: list[Found] = []
    candidates: list[list[Found]] = []
    for finder in FINDERS:
        try:
            candidates.append(finder(text, lang))
        except ValueError:  # a match that is not a value after all (e.g. 24.30)
            candidates.append([])
    candidates.append(find_abbreviations(text, abbreviations))
    starts: list[int] = []  # of the chosen, sorted; they never overlap, so ends are sorted too
    for group in candidates:
        for item in group:
            at = bisect.bisect_right(starts, item.start)
            if at > 0 and chosen[at - 1].end > item.start:
                continue  # overlaps the chosen value before it
            if at < len(chosen) and chosen[at].start < item.end:
                continue  # overlaps the chosen value after it
            starts.insert(at, item.start)
            chosen.insert(at, item)
    return chosen


def _escape_text(text: str) -> str:
    """Text for HTML: ``& < >`` escaped; a no-break space written ``&nbsp;`` so it stays visible
    in the source."""
    return html.escape(text, quote=False).replace("\u00a0", "&nbsp;")


def annotate_text(text: str, lang: str, abbreviations: Mapping[str, str]) -> str | None:
    """Escaped HTML for plain ``text`` with its values wrapped; ``None`` if there are none."""
    found = find_all(text, lang, abbreviations)
    if not found:
        return None
    out, pos = [], 0
    for item in found:
        out.append(_escape_text(text[pos : item.start]))
        visible = _escape_text(text[item.start : item.end])
        speak = html.escape(item.speak, quote=True)
        if item.title is not None:
            title = html.escape(item.title, quote=True)
            out.append(f'<abbr title="{title}" data-speak="{speak}">{visible}</abbr>')
        else:
            out.append(f'<span data-speak="{speak}">{visible}</span>')
        pos = item.end
    out.append(_escape_text(text[pos:]))
    return "".join(out)


# --- tokenising ------------------------------------------------------------------


@dataclass
class _Event:
    kind: str  # "start", "end", "startend", "data", "other"
    pos: int
    tag: str = ""
    attrs: tuple[tuple[str, str | None], ...] = ()


class _Tokeniser(HTMLParser):
    """Records where each tag and text begins, as offsets into the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.events: list[_Event] = []

    def _pos(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(_Event("start", self._pos(), tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(_Event("startend", self._pos(), tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(_Event("end", self._pos(), tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1].kind == "data":
            return  # one text run may arrive in pieces; it starts where the first piece did
        self.events.append(_Event("data", self._pos()))

    def _other(self, *_: object) -> None:
        self.events.append(_Event("other", self._pos()))

    handle_comment = handle_decl = handle_pi = unknown_decl = _other


@dataclass
class _Open:
    tag: str
    skip: bool
    lang: str


def annotate_html(html_text: str, lang: str, abbreviations: Mapping[str, str]) -> str:
    """``html_text`` with spoken forms added to the values in its text (see module notes)."""
    check_lang(lang)
    tokeniser = _Tokeniser(html_text)
    tokeniser.feed(html_text)
    tokeniser.close()
    events = tokeniser.events
    starts = [e.pos for e in events]
    assert starts == sorted(starts), "tokeniser positions must increase"
    stack: list[_Open] = []
    out: list[str] = []
    copied = 0
    for index, event in enumerate(events):
        skip = stack[-1].skip if stack else False
        here_lang = stack[-1].lang if stack else lang
        if event.kind == "start" and event.tag not in VOID_TAGS:
            attrs = dict(event.attrs)
            stack.append(
                _Open(
                    event.tag,
                    skip or event.tag in SKIP_TAGS or "data-speak" in attrs,
                    (attrs.get("lang") or here_lang).split("-")[0].lower(),
                )
            )
        elif event.kind == "end":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].tag == event.tag:
                    del stack[depth:]
                    break
        elif event.kind == "data" and not skip and here_lang in LANGUAGES:
            end = starts[index + 1] if index + 1 < len(starts) else len(html_text)
            annotated = annotate_text(html.unescape(html_text[event.pos : end]), here_lang,
                                      abbreviations if here_lang == lang else {})  # fmt: skip
            if annotated is not None:
                out.append(html_text[copied : event.pos])
                out.append(annotated)
                copied = end
    out.append(html_text[copied:])
    return "".join(out)
