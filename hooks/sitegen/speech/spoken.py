"""Spoken forms: how a person says a price, time, phone number, date … in Latvian and English.

The page shows values as people write them (``8,80 €``, ``8.00–16.30``, ``64 60 71 94``); the
listen widget reads the text of a ``data-speak`` attribute instead. Every function here is pure
and returns that text for ``lang`` "lv" or "en".

Numbers come from num2words, weekday and month names from Babel (CLDR). Grammar that neither
library has is done here and documented where it is done:

* **Compound cardinals (lv).** num2words says 101 as "simtu viens" (a genitive, wrong) and
  1001 as "tūkstotis viens". In compounds Latvian uses the short forms *simt* and *tūkstoš*:
  101 "simt viens", 120 "simt divdesmit", 1001 "tūkstoš viens", 100 000 "simt tūkstoši"
  (``lv_cardinal``). A number that ends the phrase keeps the full form: 100 "simts".
* **Agreement of the noun (lv).** A number ending in 1 but not in 11 takes the singular
  ("divdesmit viens cents"); every other number takes the nominative plural ("divi centi",
  "vienpadsmit centi", "desmit centi"; Latvian has no genitive after 10–20); 0 and numbers
  ending in a declinable *simts/tūkstotis/miljons* (100, 1000, 2000 …) take the genitive plural
  ("nulle procentu", "simts procentu"). A decimal number agrees with its last word
  ("trīs komats četri procenti", "divi komats viens procents"). *eiro* is indeclinable.
* **Decimals.** Latvian reads the fraction as the number written after the comma ("3,40" →
  "trīs komats četrdesmit", "60,07" → "sešdesmit komats nulle septiņi"); English reads the
  digits after the point ("sixty point zero seven"). A fraction of zeros is not said.
* **Money.** Zero cents are not said ("piecdesmit četri eiro", "fifty-four euros"), zero euros
  are not said when there are cents ("piecpadsmit centi", "fifteen cents"); 0 is "nulle eiro" /
  "zero euros". Latvian joins the parts with a comma as in the issue ("astoņi eiro,
  astoņdesmit centi"); English says "eight euros and eighty cents" — the plural *euros* of
  everyday English (EU style guide for non-legislative texts), *and* as people say prices.
* **Clock times (lv).** The hour is said as a plural cardinal: after a preposition in the
  dative ("no astoņiem līdz sešpadsmitiem trīsdesmit"), on its own in the locative with
  *pulksten* ("pulksten piecpadsmitos"); minutes follow in the nominative, 1–9 minutes as
  "nulle pieci". 0.00 is midnight: "no pusnakts", "līdz pusnaktij", "pusnaktī".
* **Clock times (en).** Twelve-hour words with the part of the day, which a listener takes in
  more easily than "a m / p m": "from eight in the morning to four thirty in the afternoon";
  12:00 "noon", 0:00 "midnight"; the part of the day is said once when both ends share it
  ("from eight to eleven thirty in the morning").
* **Overnight spans.** An end in the morning (1–11 h) adds "nākamajā rītā" / "the next
  morning"; an end at midnight adds nothing; other ends add "nākamajā dienā" / "the next day".
* **Phone numbers.** National numbers (the site shows 8 digits as ``64 60 71 94``) are read in
  those pairs. Latvian reads each pair as a number, as Latvians dictate them ("sešdesmit
  četri, sešdesmit, …"; a pair starting with 0 digit by digit: "nulle septiņi"); English reads
  digits one by one in the same pairs ("six four, six zero, …"), as English speakers read
  phone numbers. The country code is said only when asked for.
* **Postal codes** are read letter by letter and digit by digit, like any code one dictates:
  "el vē četri seši nulle viens" / "L V four six zero one".
* **Dates (lv).** Ordinals are definite adjectives; only the last word of a compound
  ordinal is ordinal ("divi tūkstoši septiņpadsmitā gada devītajā martā"); whole hundreds and
  thousands make one word ("divtūkstošā gada"). Month and weekday names come from Babel in the
  nominative; the locative is formed from it (marts → martā, janvāris → janvārī). A date is
  said in the nominative by default, as the page writes it ("2017. gada 9. marts").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from babel import Locale
from num2words import num2words

from ..base.cents import round_cents
from ..base.languages import check_lang
from ..base.phones import national_number, pairs
from ..base.weekdays import weekday_index
from ..text.latvian_forms import locative

# --- nouns and agreement -----------------------------------------------------


@dataclass(frozen=True)
class Noun:
    """The forms of a noun a number needs.

    Latvian: ``one`` (nominative singular, "cents"), ``many`` (nominative plural, "centi"),
    ``many_genitive`` (genitive plural, "centu"), ``feminine`` for "viena/divas personas".
    English: ``one`` and ``many``.
    """

    one: str
    many: str
    many_genitive: str | None = None
    feminine: bool = False


LV_SCALE_WORDS = frozenset(
    {"simts", "simti", "simtu", "tūkstotis", "tūkstoši", "tūkstošu"}
    | {f"{s}{e}" for s in ("miljon", "miljard", "triljon") for e in ("s", "i", "u")}
)
_LV_FEMININE = {
    "viens": "viena",
    "divi": "divas",
    "četri": "četras",
    "pieci": "piecas",
    "seši": "sešas",
    "septiņi": "septiņas",
    "astoņi": "astoņas",
    "deviņi": "deviņas",
}
_LV_HIGHER_SCALES = frozenset(w for w in LV_SCALE_WORDS if w.startswith("milj") or "triljon" in w)


def _lv_noun_form(number_words: str, noun: Noun) -> str:
    """The noun form that agrees with the number as said (its last word decides)."""
    last = number_words.split()[-1]
    if last == "nulle" or last in LV_SCALE_WORDS:
        return noun.many_genitive or noun.many
    if last in ("viens", "viena"):
        return noun.one
    return noun.many


def lv_cardinal(n: int, *, final: bool = True) -> str:
    """Latvian cardinal, num2words corrected for compounds (see module notes).

    ``final=False`` when more number words follow (a compound ordinal), so that a trailing
    *simts* / *tūkstotis* takes its short form too.
    """
    if n < 0:
        raise ValueError(f"expected a number that is not negative, got {n}")
    words = num2words(n, lang="lv").split()
    out: list[str] = []
    for i, word in enumerate(words):
        more = i + 1 < len(words) or not final
        previous = words[i - 1] if i else None
        if word in ("simts", "simtu") and more:
            word = "simt"
        elif word == "tūkstotis" and more and (previous is None or previous in _LV_HIGHER_SCALES):
            word = "tūkstoš"
        out.append(word)
    return " ".join(out)


def en_cardinal(n: int) -> str:
    if n < 0:
        raise ValueError(f"expected a number that is not negative, got {n}")
    return str(num2words(n, lang="en"))


def _feminine(words: str) -> str:
    parts = words.split()
    parts[-1] = _LV_FEMININE.get(parts[-1], parts[-1])
    return " ".join(parts)


def speak_count(n: int, lang: str, noun: Noun | None = None) -> str:
    """A whole number of things, with the noun in the form that agrees when one is given.

    ``speak_count(852, "lv", Noun("ģimene", "ģimenes", "ģimeņu", feminine=True))`` →
    "astoņi simti piecdesmit divas ģimenes".
    """
    check_lang(lang)
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"a count must be a whole number, got {n!r}")
    if lang == "en":
        words = en_cardinal(n)
        return f"{words} {noun.one if n == 1 else noun.many}" if noun else words
    words = lv_cardinal(n)
    if noun is None:
        return words
    if noun.feminine:
        words = _feminine(words)
    return f"{words} {_lv_noun_form(words, noun)}"


def speak_number(n: int | Decimal, lang: str) -> str:
    """A number as said: "sešdesmit komats nulle septiņi" / "sixty point zero seven"."""
    check_lang(lang)
    value = Decimal(n) if isinstance(n, int) else n
    if not value.is_finite():
        raise ValueError(f"cannot say {n!r}")
    sign = "mīnus " if lang == "lv" else "minus "
    if value < 0:
        return sign + speak_number(-value, lang)
    if value == value.to_integral_value():  # 25.00 is said "twenty-five"
        whole = int(value)
        return lv_cardinal(whole) if lang == "lv" else en_cardinal(whole)
    whole_text, fraction = f"{value:f}".split(".")
    whole = int(whole_text)
    if lang == "lv":
        zeros = len(fraction) - len(fraction.lstrip("0"))
        rest = fraction.lstrip("0")
        parts = ["nulle"] * zeros + ([lv_cardinal(int(rest))] if rest else [])
        return f"{lv_cardinal(whole)} komats {' '.join(parts)}"
    digits = " ".join(en_cardinal(int(d)) for d in fraction.rstrip("0") or "0")
    return f"{en_cardinal(whole)} point {digits}"


# --- money -------------------------------------------------------------------

LV_CENT = Noun("cents", "centi", "centu")
EN_EURO = Noun("euro", "euros")
EN_CENT = Noun("cent", "cents")


def speak_money(amount: Decimal | int | str, lang: str) -> str:
    """An amount in euro, rounded half-up to cents.

    lv: 8.80 → "astoņi eiro, astoņdesmit centi"; en: "eight euros and eighty cents".
    """
    check_lang(lang)
    value = round_cents(Decimal(amount))
    if not value.is_finite() or value < 0:
        raise ValueError(f"an amount must be a number that is not negative, got {amount!r}")
    euros, cents = divmod(int(value * 100), 100)
    if lang == "lv":
        parts = []
        if euros or not cents:
            parts.append(f"{lv_cardinal(euros)} eiro")
        if cents:
            parts.append(speak_count(cents, "lv", LV_CENT))
        return ", ".join(parts)
    parts = []
    if euros or not cents:
        parts.append(speak_count(euros, "en", EN_EURO))
    if cents:
        parts.append(speak_count(cents, "en", EN_CENT))
    return " and ".join(parts)


LV_PERCENT = Noun("procents", "procenti", "procentu")


def speak_percent(value: Decimal | int | str, lang: str) -> str:
    """25 → "divdesmit pieci procenti"; 60.07 → "sešdesmit komats nulle septiņi procenti"."""
    check_lang(lang)
    words = speak_number(Decimal(value), lang)
    if lang == "en":
        return f"{words} percent"
    return f"{words} {_lv_noun_form(words, LV_PERCENT)}"


# --- phone numbers and codes ---------------------------------------------------


def _lv_digits(digits: str) -> str:
    return " ".join(lv_cardinal(int(d)) for d in digits)


def _en_digits(digits: str) -> str:
    return " ".join(en_cardinal(int(d)) for d in digits)


def speak_phone(e164: str, lang: str, *, international: bool = False) -> str:
    """A phone number read in pairs; "+37164607194" →
    lv "sešdesmit četri, sešdesmit, septiņdesmit viens, deviņdesmit četri",
    en "six four, six zero, seven one, nine four".

    ``international=True`` says the country code first ("plus trīs septiņi viens, …").
    """
    check_lang(lang)
    code, national = national_number(e164)
    groups = []
    for pair in pairs(national):
        if lang == "en":
            groups.append(_en_digits(pair))
        elif len(pair) == 2 and pair[0] != "0":
            groups.append(lv_cardinal(int(pair)))
        else:
            groups.append(_lv_digits(pair))
    if international:
        plus = "plus " + (_lv_digits(code) if lang == "lv" else _en_digits(code))
        groups.insert(0, plus)
    return ", ".join(groups)


_LV_LETTERS = {
    "A": "ā", "B": "bē", "C": "cē", "D": "dē", "E": "ē", "F": "ef", "G": "gā", "H": "hā",
    "I": "ī", "J": "jē", "K": "kā", "L": "el", "M": "em", "N": "en", "O": "o", "P": "pē",
    "R": "er", "S": "es", "T": "tē", "U": "ū", "V": "vē", "Z": "zē",
}  # fmt: skip


def speak_postal(code: str, lang: str) -> str:
    """ "LV-4601" → lv "el vē četri seši nulle viens", en "L V four six zero one"."""
    check_lang(lang)
    match = re.fullmatch(r"\s*([A-Z]{2})[-\u2011\u2013 ]?(\d{4})\s*", code)
    if not match:
        raise ValueError(f"postal code must look like LV-4601, got {code!r}")
    letters, digits = match.groups()
    if lang == "lv":
        return " ".join([*(_LV_LETTERS.get(c, c) for c in letters), _lv_digits(digits)])
    return " ".join([*letters, _en_digits(digits)])


def speak_abbreviation(full_text: str, lang: str | None = None) -> str:
    """An abbreviation is said by its full name, which comes from data/vocabulary.yaml.

    ``lang`` is accepted (and unused) so that every ``speak_*`` can be called the same way."""
    return " ".join(full_text.split())


# --- clock times ---------------------------------------------------------------

LV_PREPOSITIONS = ("no", "līdz", "pēc", "pirms", "ap", "ar", "uz")
# case each preposition governs in the singular (in the plural all take the dative)
_LV_SINGULAR_CASE = {
    "no": "gen", "pēc": "gen", "pirms": "gen", "līdz": "dat", "ap": "acc", "ar": "acc", "uz": "acc",
}  # fmt: skip
_LV_MIDNIGHT = {"gen": "pusnakts", "dat": "pusnaktij", "acc": "pusnakti", "loc": "pusnaktī"}
_LV_ZERO = {"gen": "nulles", "dat": "nullei", "acc": "nulli", "loc": "nullē"}


def parse_time(hhmm: str | dt.time) -> tuple[int, int]:
    """Hour and minute of a time of the data (``datetime.time``) or of one written in a text
    ("8.00", "08:00")."""
    if isinstance(hhmm, dt.time):
        return hhmm.hour, hhmm.minute
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", hhmm)
    if not match:
        raise ValueError(f"time must be written as HH:MM, got {hhmm!r}")
    hour, minute = int(match[1]), int(match[2])
    if minute > 59 or hour > 24 or (hour == 24 and minute):
        raise ValueError(f"time {hhmm!r} does not exist")
    return hour % 24, minute


def _lv_plural_hour(hour: int, case: str) -> str:
    """1..23 as a plural cardinal in the dative ("astoņiem") or locative ("astoņos")."""
    words = lv_cardinal(hour).split()
    last = words[-1]
    if last == "trīs":
        last = "trim" if case == "dat" else "trijos"
    else:
        stem = last[:-1] if last.endswith(("i", "s")) else last  # divi, viens; desmit
        last = stem + ("iem" if case == "dat" else "os")
    return " ".join([*words[:-1], last])


def _lv_minutes(minute: int) -> str:
    if minute == 0:
        return ""
    return lv_cardinal(minute) if minute >= 10 else f"nulle {lv_cardinal(minute)}"


def _lv_time(hour: int, minute: int, case: str) -> str:
    """``case``: "loc" (on its own) or the case a preposition governs ("gen", "dat", "acc")."""
    if hour == 0 and minute == 0:
        return _LV_MIDNIGHT[case]
    if hour == 0:
        words = _LV_ZERO[case]
    else:
        words = _lv_plural_hour(hour, "loc" if case == "loc" else "dat")
    mins = _lv_minutes(minute)
    return f"{words} {mins}" if mins else words


def _en_clock(hour: int, minute: int) -> tuple[str, str]:
    """Words for the time and the part of the day ("four thirty", "in the afternoon")."""
    if minute == 0 and hour in (0, 12):
        return ("midnight" if hour == 0 else "noon"), ""
    twelve = hour % 12 or 12
    if minute == 0:
        mins = ""
    elif minute < 10:
        mins = f" oh {en_cardinal(minute)}"
    else:
        mins = f" {en_cardinal(minute)}"
    if hour == 0:
        part = "at night"
    elif hour < 12:
        part = "in the morning"
    elif hour < 18:
        part = "in the afternoon"
    else:
        part = "in the evening"
    return f"{en_cardinal(twelve)}{mins}", part


def speak_time(
    hhmm: str | dt.time, lang: str, *, after: str | None = None, clock_word: bool | None = None
) -> str:
    """A clock time on its own: lv "pulksten piecpadsmitos", en "three in the afternoon".

    ``after``: the Latvian preposition the time follows in the text ("no", "līdz", "pēc" …);
    the time then takes the case it governs ("no plkst. 8.00" → "pulksten astoņiem").
    ``clock_word``: say "pulksten" (default: only when there is no preposition).
    """
    check_lang(lang)
    hour, minute = parse_time(hhmm)
    if lang == "en":
        words, part = _en_clock(hour, minute)
        return f"{words} {part}" if part else words
    if after is not None and after.lower() not in _LV_SINGULAR_CASE:
        raise ValueError(f"unknown preposition {after!r}; known: {', '.join(LV_PREPOSITIONS)}")
    case = _LV_SINGULAR_CASE[after.lower()] if after else "loc"
    words = _lv_time(hour, minute, case)
    if clock_word is None:
        clock_word = after is None
    if clock_word and not (hour == 0 and minute == 0):
        return f"pulksten {words}"
    return words


def speak_time_range(
    start: str | dt.time, end: str | dt.time, lang: str, overnight: bool = False
) -> str:
    """lv "no astoņiem līdz sešpadsmitiem trīsdesmit",
    en "from eight in the morning to four thirty in the afternoon".

    ``overnight``: the span ends the next day ("… līdz astoņiem nākamajā rītā",
    "… to eight the next morning").
    """
    check_lang(lang)
    h1, m1 = parse_time(start)
    h2, m2 = parse_time(end)
    end_midnight = h2 == 0 and m2 == 0
    next_day = ""
    if overnight and not end_midnight:
        morning = 1 <= h2 < 12
        if lang == "lv":
            next_day = " nākamajā rītā" if morning else " nākamajā dienā"
        else:
            next_day = " the next morning" if morning else " the next day"
    if lang == "lv":
        return f"no {_lv_time(h1, m1, 'gen')} līdz {_lv_time(h2, m2, 'dat')}{next_day}"
    first, first_part = _en_clock(h1, m1)
    last, last_part = _en_clock(h2, m2)
    if overnight and not end_midnight:
        last_part = "" if 1 <= h2 < 12 else last_part
    elif first_part == last_part:
        first_part = ""
    first = f"{first} {first_part}" if first_part else first
    last = f"{last} {last_part}" if last_part else last
    return f"from {first} to {last}{next_day}"


def speak_start_time(hhmm: str | dt.time, lang: str) -> str:
    """A time something starts, with no end given (a meal "plkst. 15.00"): lv "pulksten
    piecpadsmitos", en "at three in the afternoon"."""
    words = speak_time(hhmm, lang)
    return words if lang == "lv" else f"at {words}"


def speak_round_the_clock(lang: str) -> str:
    return "visu diennakti" if check_lang(lang) == "lv" else "around the clock"


# --- weekdays and dates ---------------------------------------------------------


def _babel_days(lang: str) -> dict[int, str]:
    return dict(Locale.parse(lang).days["format"]["wide"])


def _babel_months(lang: str) -> dict[int, str]:
    return dict(Locale.parse(lang).months["format"]["wide"])


def speak_weekday(day: str, lang: str, *, habitual: bool = False) -> str:
    """ "mon" → "pirmdiena" / "Monday"; ``habitual`` → "pirmdienās" / "on Mondays"."""
    check_lang(lang)
    name = _babel_days(lang)[weekday_index(day)]
    if not habitual:
        return name
    if lang == "lv":
        return name[:-1] + "ās"  # all Latvian weekday names end in -diena
    return f"on {name}s"


def speak_weekday_range(first: str, last: str, lang: str) -> str:
    """ "mon", "fri" → "no pirmdienas līdz piektdienai" / "Monday to Friday"."""
    check_lang(lang)
    days = _babel_days(lang)
    a, b = days[weekday_index(first)], days[weekday_index(last)]
    if lang == "lv":
        return f"no {a[:-1]}as līdz {b[:-1]}ai"
    return f"{a} to {b}"


_LV_ORDINAL_UNITS = {
    1: "pirm", 2: "otr", 3: "treš", 4: "ceturt", 5: "piekt",
    6: "sest", 7: "septīt", 8: "astot", 9: "devīt",
}  # fmt: skip
_LV_MULTIPLIER = {
    1: "", 2: "div", 3: "trīs", 4: "četr", 5: "piec", 6: "seš", 7: "septiņ", 8: "astoņ", 9: "deviņ",
}  # fmt: skip
# definite masculine endings of an ordinal: devītais, devītā (gada), devītajā (martā)
LV_ORDINAL_ENDINGS = {"nom": "ais", "gen": "ā", "dat": "ajam", "acc": "o", "loc": "ajā"}


def lv_ordinal(n: int, case: str = "nom") -> str:
    """Latvian masculine ordinal 1..9999: 9 "devītais", 2017 (gen) "divi tūkstoši septiņpadsmitā"."""
    if not 1 <= n <= 9999:
        raise ValueError(f"ordinals are made for 1..9999, got {n}")
    ending = LV_ORDINAL_ENDINGS[case]
    if n % 1000 == 0:
        return f"{_LV_MULTIPLIER[n // 1000]}tūkstoš{ending}"
    if n % 100 == 0:
        head, stem = n - n % 1000, f"{_LV_MULTIPLIER[n % 1000 // 100]}simt"
    elif n % 10 == 0 or 10 < n % 100 < 20:
        head, stem = n - n % 100, lv_cardinal(n % 100)
    else:
        head, stem = n - n % 10, _LV_ORDINAL_UNITS[n % 10]
    prefix = lv_cardinal(head, final=False) + " " if head else ""
    return f"{prefix}{stem}{ending}"


def speak_date(iso: str, lang: str, *, case: Literal["nom", "loc"] = "nom") -> str:
    """A date: 2017-03-09 → lv "divi tūkstoši septiņpadsmitā gada devītais marts", as the page
    shows it (Babel's long date "2017. gada 9. marts"); ``case="loc"`` for a date written
    "2017. gada 9. martā" → "… devītajā martā". en "the ninth of March, twenty seventeen"."""
    check_lang(lang)
    date = dt.date.fromisoformat(iso)
    month = _babel_months(lang)[date.month]
    if lang == "en":
        day = num2words(date.day, lang="en", to="ordinal")
        year = num2words(date.year, lang="en", to="year")
        return f"the {day} of {month}, {year}"
    if case not in ("loc", "nom"):
        raise ValueError(f"case must be 'loc' or 'nom', got {case!r}")
    month = locative(month) if case == "loc" else month
    return f"{lv_ordinal(date.year, 'gen')} gada {lv_ordinal(date.day, case)} {month}"
