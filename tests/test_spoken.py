"""Spoken forms in Latvian and English.

Every expected string below is written by hand from Latvian and English grammar (see the notes
at the top of hooks/sitegen/speech/spoken.py), not produced by the code under test.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sitegen.speech.spoken import (
    Noun,
    lv_cardinal,
    lv_ordinal,
    speak_abbreviation,
    speak_count,
    speak_date,
    speak_money,
    speak_number,
    speak_percent,
    speak_phone,
    speak_postal,
    speak_round_the_clock,
    speak_time,
    speak_time_range,
    speak_weekday,
    speak_weekday_range,
)

# --- money -------------------------------------------------------------------

MONEY = [
    # amount, Latvian, English
    ("0.00", "nulle eiro", "zero euros"),
    ("1.00", "viens eiro", "one euro"),
    ("0.01", "viens cents", "one cent"),
    ("0.02", "divi centi", "two cents"),
    ("0.10", "desmit centi", "ten cents"),
    ("0.11", "vienpadsmit centi", "eleven cents"),
    ("0.15", "piecpadsmit centi", "fifteen cents"),
    ("0.20", "divdesmit centi", "twenty cents"),
    ("0.21", "divdesmit viens cents", "twenty-one cents"),
    ("0.85", "astoņdesmit pieci centi", "eighty-five cents"),
    ("1.01", "viens eiro, viens cents", "one euro and one cent"),
    ("8.80", "astoņi eiro, astoņdesmit centi", "eight euros and eighty cents"),
    ("9.23", "deviņi eiro, divdesmit trīs centi", "nine euros and twenty-three cents"),
    ("11.11", "vienpadsmit eiro, vienpadsmit centi", "eleven euros and eleven cents"),
    ("21.00", "divdesmit viens eiro", "twenty-one euros"),
    ("54.00", "piecdesmit četri eiro", "fifty-four euros"),
    ("100.00", "simts eiro", "one hundred euros"),
    ("101.00", "simt viens eiro", "one hundred and one euros"),
    ("280.59", "divi simti astoņdesmit eiro, piecdesmit deviņi centi",
     "two hundred and eighty euros and fifty-nine cents"),
    ("1000.05", "tūkstotis eiro, pieci centi", "one thousand euros and five cents"),
    ("1001.00", "tūkstoš viens eiro", "one thousand and one euros"),
    ("2000.00", "divi tūkstoši eiro", "two thousand euros"),
    ("0.005", "viens cents", "one cent"),  # rounded half-up to a cent
    ("0.004", "nulle eiro", "zero euros"),
]  # fmt: skip


@pytest.mark.parametrize(("amount", "lv", "en"), MONEY)
def test_money(amount: str, lv: str, en: str) -> None:
    assert speak_money(Decimal(amount), "lv") == lv
    assert speak_money(Decimal(amount), "en") == en


def test_money_accepts_int_and_text() -> None:
    assert speak_money(54, "lv") == "piecdesmit četri eiro"
    assert speak_money("8.80", "en") == "eight euros and eighty cents"


@pytest.mark.parametrize("bad", [Decimal("-1"), Decimal("NaN")])
def test_money_refuses_negative_and_nan(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        speak_money(bad, "lv")


@given(st.decimals(min_value=0, max_value=1_000_000, places=2))
def test_money_is_words_only(amount: Decimal) -> None:
    lv, en = speak_money(amount, "lv"), speak_money(amount, "en")
    assert not re.search(r"\d", lv + en)
    assert "eiro" in lv or "cent" in lv
    assert "komats" not in lv and "point" not in en  # never "astoņi komats astoņdesmit"


# --- numbers, counts, percentages ----------------------------------------------

NUMBERS = [
    (0, "nulle", "zero"),
    (7, "septiņi", "seven"),
    (25, "divdesmit pieci", "twenty-five"),
    (101, "simt viens", "one hundred and one"),
    (120, "simt divdesmit", "one hundred and twenty"),
    (1001, "tūkstoš viens", "one thousand and one"),
    (2017, "divi tūkstoši septiņpadsmit", "two thousand and seventeen"),
    (21000, "divdesmit viens tūkstotis", "twenty-one thousand"),
    (100000, "simt tūkstoši", "one hundred thousand"),
    (Decimal("60.07"), "sešdesmit komats nulle septiņi", "sixty point zero seven"),
    (Decimal("3.4"), "trīs komats četri", "three point four"),
    (Decimal("0.5"), "nulle komats pieci", "zero point five"),
    (Decimal("-2"), "mīnus divi", "minus two"),
    (Decimal("25.00"), "divdesmit pieci", "twenty-five"),  # no "komats nulle nulle"
    (Decimal("3.40"), "trīs komats četrdesmit", "three point four"),
]


@pytest.mark.parametrize(("n", "lv", "en"), NUMBERS)
def test_number(n: int | Decimal, lv: str, en: str) -> None:
    assert speak_number(n, "lv") == lv
    assert speak_number(n, "en") == en


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (100, "simts"),  # the full form when nothing follows
        (1000, "tūkstotis"),
        (1900, "tūkstoš deviņi simti"),
        (21500, "divdesmit viens tūkstotis pieci simti"),  # not "… tūkstoš pieci simti"
        (111111, "simt vienpadsmit tūkstoši simt vienpadsmit"),
        (761514, "septiņi simti sešdesmit viens tūkstotis pieci simti četrpadsmit"),
    ],
)
def test_lv_cardinal_compounds(n: int, expected: str) -> None:
    assert lv_cardinal(n) == expected


PERCENT = [
    ("25", "divdesmit pieci procenti", "twenty-five percent"),
    ("60.07", "sešdesmit komats nulle septiņi procenti", "sixty point zero seven percent"),
    ("1", "viens procents", "one percent"),
    ("21", "divdesmit viens procents", "twenty-one percent"),
    ("11", "vienpadsmit procenti", "eleven percent"),
    ("0", "nulle procentu", "zero percent"),
    ("100", "simts procentu", "one hundred percent"),
    ("3.4", "trīs komats četri procenti", "three point four percent"),
    ("2.1", "divi komats viens procents", "two point one percent"),
    ("4.49", "četri komats četrdesmit deviņi procenti", "four point four nine percent"),
    ("24.82", "divdesmit četri komats astoņdesmit divi procenti",
     "twenty-four point eight two percent"),
]  # fmt: skip


@pytest.mark.parametrize(("value", "lv", "en"), PERCENT)
def test_percent(value: str, lv: str, en: str) -> None:
    assert speak_percent(Decimal(value), "lv") == lv
    assert speak_percent(Decimal(value), "en") == en


PERSON = Noun("persona", "personas", "personu", feminine=True)
FAMILY = Noun("ģimene", "ģimenes", "ģimeņu", feminine=True)
WORKER = Noun("darbinieks", "darbinieki", "darbinieku")
EN_PERSON = Noun("person", "people")

COUNTS = [
    (92, None, "deviņdesmit divi"),
    (852, FAMILY, "astoņi simti piecdesmit divas ģimenes"),
    (1590, PERSON, "tūkstoš pieci simti deviņdesmit personas"),
    (1, PERSON, "viena persona"),
    (3, PERSON, "trīs personas"),
    (21, PERSON, "divdesmit viena persona"),
    (11, PERSON, "vienpadsmit personas"),
    (0, PERSON, "nulle personu"),
    (100, PERSON, "simts personu"),
    (1001, PERSON, "tūkstoš viena persona"),
    (12, WORKER, "divpadsmit darbinieki"),
    (31, WORKER, "trīsdesmit viens darbinieks"),
    (2000, WORKER, "divi tūkstoši darbinieku"),
]


@pytest.mark.parametrize(("n", "noun", "expected"), COUNTS)
def test_count_lv(n: int, noun: Noun | None, expected: str) -> None:
    assert speak_count(n, "lv", noun) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "one person"), (92, "ninety-two people"), (0, "zero people"), (21, "twenty-one people")],
)
def test_count_en(n: int, expected: str) -> None:
    assert speak_count(n, "en", EN_PERSON) == expected
    assert speak_count(n, "en") == expected.split(" ")[0]


@pytest.mark.parametrize("bad", [True, 1.5, "3"])
def test_count_must_be_whole(bad: object) -> None:
    with pytest.raises(TypeError):
        speak_count(bad, "lv")  # type: ignore[arg-type]


# --- phones and postal codes ------------------------------------------------------

PHONES = [
    ("+37164607194", "sešdesmit četri, sešdesmit, septiņdesmit viens, deviņdesmit četri",
     "six four, six zero, seven one, nine four"),
    ("+37125638929", "divdesmit pieci, sešdesmit trīs, astoņdesmit deviņi, divdesmit deviņi",
     "two five, six three, eight nine, two nine"),
    ("+37160000705", "sešdesmit, nulle nulle, nulle septiņi, nulle pieci",
     "six zero, zero zero, zero seven, zero five"),
    ("+37120101010", "divdesmit, desmit, desmit, desmit",
     "two zero, one zero, one zero, one zero"),
    ("64607176", "sešdesmit četri, sešdesmit, septiņdesmit viens, septiņdesmit seši",
     "six four, six zero, seven one, seven six"),
]  # fmt: skip


@pytest.mark.parametrize(("number", "lv", "en"), PHONES)
def test_phone(number: str, lv: str, en: str) -> None:
    assert speak_phone(number, "lv") == lv
    assert speak_phone(number, "en") == en


def test_phone_with_country_code() -> None:
    assert speak_phone("+37164607194", "lv", international=True) == (
        "plus trīs septiņi viens, sešdesmit četri, sešdesmit, septiņdesmit viens, deviņdesmit četri"
    )
    assert speak_phone("+37164607194", "en", international=True) == (
        "plus three seven one, six four, six zero, seven one, nine four"
    )


@given(st.sampled_from("26"), st.text("0123456789", min_size=7, max_size=7))
def test_phone_never_millions(first: str, rest: str) -> None:
    for lang in ("lv", "en"):
        said = speak_phone(first + rest, lang)
        assert said.count(",") == 3  # four groups
        assert not re.search(r"milj|mill|tūkst|thous|simt|hundred|\d", said)


def test_phone_refuses_text() -> None:
    with pytest.raises(ValueError):
        speak_phone("call us", "lv")


@pytest.mark.parametrize(
    ("code", "lv", "en"),
    [
        ("LV-4601", "el vē četri seši nulle viens", "L V four six zero one"),
        ("LV-4636", "el vē četri seši trīs seši", "L V four six three six"),
        ("LV-1050", "el vē viens nulle pieci nulle", "L V one zero five zero"),
    ],
)
def test_postal(code: str, lv: str, en: str) -> None:
    assert speak_postal(code, "lv") == lv
    assert speak_postal(code, "en") == en


@pytest.mark.parametrize("bad", ["4601", "LV-46011", "lv-4601"])
def test_postal_refuses_other_shapes(bad: str) -> None:
    with pytest.raises(ValueError):
        speak_postal(bad, "lv")


def test_abbreviation_is_its_full_name() -> None:
    assert speak_abbreviation(" garantētais  minimālais\n ienākumu līmenis ") == (
        "garantētais minimālais ienākumu līmenis"
    )
    assert speak_abbreviation("guaranteed minimum income", lang="en") == (
        "guaranteed minimum income"
    )


# --- times -------------------------------------------------------------------

TIMES = [
    ("15:00", "pulksten piecpadsmitos", "three in the afternoon"),
    ("08:00", "pulksten astoņos", "eight in the morning"),
    ("8:30", "pulksten astoņos trīsdesmit", "eight thirty in the morning"),
    ("08:05", "pulksten astoņos nulle pieci", "eight oh five in the morning"),
    ("10:15", "pulksten desmitos piecpadsmit", "ten fifteen in the morning"),
    ("12:00", "pulksten divpadsmitos", "noon"),
    ("12:45", "pulksten divpadsmitos četrdesmit pieci", "twelve forty-five in the afternoon"),
    ("00:00", "pusnaktī", "midnight"),
    ("00:30", "pulksten nullē trīsdesmit", "twelve thirty at night"),
    ("01:00", "pulksten vienos", "one in the morning"),
    ("03:00", "pulksten trijos", "three in the morning"),
    ("20:00", "pulksten divdesmitos", "eight in the evening"),
    ("21:00", "pulksten divdesmit vienos", "nine in the evening"),
    ("23:05", "pulksten divdesmit trijos nulle pieci", "eleven oh five in the evening"),
]


@pytest.mark.parametrize(("hhmm", "lv", "en"), TIMES)
def test_time(hhmm: str, lv: str, en: str) -> None:
    assert speak_time(hhmm, "lv") == lv
    assert speak_time(hhmm, "en") == en


@pytest.mark.parametrize(
    ("hhmm", "after", "clock_word", "expected"),
    [
        ("08:00", "no", None, "astoņiem"),
        ("08:00", "no", True, "pulksten astoņiem"),
        ("12:30", "līdz", None, "divpadsmitiem trīsdesmit"),
        ("03:00", "pēc", None, "trim"),
        ("16:00", "pirms", None, "sešpadsmitiem"),
        ("00:00", "no", None, "pusnakts"),
        ("00:00", "līdz", None, "pusnaktij"),
        ("00:00", "ap", None, "pusnakti"),
        ("00:30", "līdz", None, "nullei trīsdesmit"),
        ("15:00", None, False, "piecpadsmitos"),
    ],
)
def test_time_after_preposition(
    hhmm: str, after: str | None, clock_word: bool | None, expected: str
) -> None:
    assert speak_time(hhmm, "lv", after=after, clock_word=clock_word) == expected


def test_time_refuses_unknown_preposition_and_bad_times() -> None:
    with pytest.raises(ValueError):
        speak_time("08:00", "lv", after="uz augšu")
    for bad in ("25:00", "08:60", "8", "24:30"):
        with pytest.raises(ValueError):
            speak_time(bad, "lv")


RANGES = [
    ("08:00", "16:30", False, "no astoņiem līdz sešpadsmitiem trīsdesmit",
     "from eight in the morning to four thirty in the afternoon"),
    ("08:00", "12:00", False, "no astoņiem līdz divpadsmitiem", "from eight in the morning to noon"),
    ("12:30", "16:30", False, "no divpadsmitiem trīsdesmit līdz sešpadsmitiem trīsdesmit",
     "from twelve thirty to four thirty in the afternoon"),
    ("08:30", "17:00", False, "no astoņiem trīsdesmit līdz septiņpadsmitiem",
     "from eight thirty in the morning to five in the afternoon"),
    ("08:00", "11:30", False, "no astoņiem līdz vienpadsmitiem trīsdesmit",
     "from eight to eleven thirty in the morning"),
    ("12:00", "12:30", False, "no divpadsmitiem līdz divpadsmitiem trīsdesmit",
     "from noon to twelve thirty in the afternoon"),
    ("13:00", "23:00", False, "no trīspadsmitiem līdz divdesmit trim",
     "from one in the afternoon to eleven in the evening"),
    ("00:00", "08:00", False, "no pusnakts līdz astoņiem", "from midnight to eight in the morning"),
    ("18:00", "08:00", True, "no astoņpadsmitiem līdz astoņiem nākamajā rītā",
     "from six in the evening to eight the next morning"),
    ("20:00", "07:00", True, "no divdesmitiem līdz septiņiem nākamajā rītā",
     "from eight in the evening to seven the next morning"),
    ("20:00", "00:00", True, "no divdesmitiem līdz pusnaktij",
     "from eight in the evening to midnight"),
    ("22:00", "14:00", True, "no divdesmit diviem līdz četrpadsmitiem nākamajā dienā",
     "from ten in the evening to two in the afternoon the next day"),
]  # fmt: skip


@pytest.mark.parametrize(("start", "end", "overnight", "lv", "en"), RANGES)
def test_time_range(start: str, end: str, overnight: bool, lv: str, en: str) -> None:
    assert speak_time_range(start, end, "lv", overnight) == lv
    assert speak_time_range(start, end, "en", overnight=overnight) == en


def test_round_the_clock() -> None:
    assert speak_round_the_clock("lv") == "visu diennakti"
    assert speak_round_the_clock("en") == "around the clock"


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_time_is_words(hour: int, minute: int) -> None:
    hhmm = f"{hour:02d}:{minute:02d}"
    for lang in ("lv", "en"):
        said = speak_time(hhmm, lang)
        assert said and not re.search(r"\d|  |^ | $", said)
    assert speak_time_range(hhmm, "23:59" if hhmm < "23:59" else "00:00", "lv").startswith("no ")


# --- weekdays and dates ------------------------------------------------------------

WEEKDAYS = [
    ("mon", "pirmdiena", "pirmdienās", "Monday"),
    ("tue", "otrdiena", "otrdienās", "Tuesday"),
    ("wed", "trešdiena", "trešdienās", "Wednesday"),
    ("thu", "ceturtdiena", "ceturtdienās", "Thursday"),
    ("fri", "piektdiena", "piektdienās", "Friday"),
    ("sat", "sestdiena", "sestdienās", "Saturday"),
    ("sun", "svētdiena", "svētdienās", "Sunday"),
]


@pytest.mark.parametrize(("day", "lv", "lv_habitual", "en"), WEEKDAYS)
def test_weekday(day: str, lv: str, lv_habitual: str, en: str) -> None:
    assert speak_weekday(day, "lv") == lv
    assert speak_weekday(day, "lv", habitual=True) == lv_habitual
    assert speak_weekday(day, "en") == en
    assert speak_weekday(day, "en", habitual=True) == f"on {en}s"


@pytest.mark.parametrize(
    ("first", "last", "lv", "en"),
    [
        ("mon", "fri", "no pirmdienas līdz piektdienai", "Monday to Friday"),
        ("sat", "sun", "no sestdienas līdz svētdienai", "Saturday to Sunday"),
        ("tue", "thu", "no otrdienas līdz ceturtdienai", "Tuesday to Thursday"),
    ],
)
def test_weekday_range(first: str, last: str, lv: str, en: str) -> None:
    assert speak_weekday_range(first, last, "lv") == lv
    assert speak_weekday_range(first, last, "en") == en


def test_weekday_refuses_unknown() -> None:
    with pytest.raises(ValueError):
        speak_weekday("monday", "lv")


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "pirmais"),
        (2, "otrais"),
        (3, "trešais"),
        (4, "ceturtais"),
        (10, "desmitais"),
        (11, "vienpadsmitais"),
        (20, "divdesmitais"),
        (22, "divdesmit otrais"),
        (100, "simtais"),
        (101, "simt pirmais"),
        (200, "divsimtais"),
        (1000, "tūkstošais"),
        (2000, "divtūkstošais"),
        (2017, "divi tūkstoši septiņpadsmitais"),
    ],
)
def test_lv_ordinal(n: int, expected: str) -> None:
    assert lv_ordinal(n) == expected


@pytest.mark.parametrize("bad", [0, 10000])
def test_lv_ordinal_range(bad: int) -> None:
    with pytest.raises(ValueError):
        lv_ordinal(bad)


DATES_LV = [
    ("2017-03-09", "divi tūkstoši septiņpadsmitā gada devītajā martā"),
    ("2000-01-01", "divtūkstošā gada pirmajā janvārī"),
    ("1990-12-31", "tūkstoš deviņi simti deviņdesmitā gada trīsdesmit pirmajā decembrī"),
    ("2021-07-21", "divi tūkstoši divdesmit pirmā gada divdesmit pirmajā jūlijā"),
    ("2010-05-30", "divi tūkstoši desmitā gada trīsdesmitajā maijā"),
    ("2024-02-02", "divi tūkstoši divdesmit ceturtā gada otrajā februārī"),
    ("2003-08-03", "divi tūkstoši trešā gada trešajā augustā"),
    ("2019-09-12", "divi tūkstoši deviņpadsmitā gada divpadsmitajā septembrī"),
    ("2020-10-20", "divi tūkstoši divdesmitā gada divdesmitajā oktobrī"),
    ("2016-11-16", "divi tūkstoši sešpadsmitā gada sešpadsmitajā novembrī"),
    ("2018-06-08", "divi tūkstoši astoņpadsmitā gada astotajā jūnijā"),
    ("2015-04-07", "divi tūkstoši piecpadsmitā gada septītajā aprīlī"),
    ("1900-05-05", "tūkstoš deviņsimtā gada piektajā maijā"),
]


@pytest.mark.parametrize(("iso", "expected"), DATES_LV)
def test_date_lv_locative(iso: str, expected: str) -> None:
    assert speak_date(iso, "lv", case="loc") == expected


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2017-03-09", "divi tūkstoši septiņpadsmitā gada devītais marts"),
        ("2000-01-01", "divtūkstošā gada pirmais janvāris"),
        ("1992-06-01", "tūkstoš deviņi simti deviņdesmit otrā gada pirmais jūnijs"),
    ],
)
def test_date_lv_nominative_is_the_default(iso: str, expected: str) -> None:
    assert speak_date(iso, "lv") == expected
    assert speak_date(iso, "lv", case="nom") == expected


def test_date_refuses_other_cases() -> None:
    with pytest.raises(ValueError):
        speak_date("2017-03-09", "lv", case="dat")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2017-03-09", "the ninth of March, twenty seventeen"),
        ("2000-01-01", "the first of January, two thousand"),
        ("2005-05-02", "the second of May, two thousand and five"),
        ("2021-07-21", "the twenty-first of July, twenty twenty-one"),
        ("1990-12-31", "the thirty-first of December, nineteen ninety"),
    ],
)
def test_date_en(iso: str, expected: str) -> None:
    assert speak_date(iso, "en") == expected


# --- languages -----------------------------------------------------------------

CALLS = [
    lambda lang: speak_money(Decimal("1"), lang),
    lambda lang: speak_number(1, lang),
    lambda lang: speak_count(1, lang),
    lambda lang: speak_percent(Decimal("1"), lang),
    lambda lang: speak_phone("+37164607194", lang),
    lambda lang: speak_postal("LV-4601", lang),
    lambda lang: speak_time("08:00", lang),
    lambda lang: speak_time_range("08:00", "09:00", lang),
    lambda lang: speak_date("2017-03-09", lang),
    lambda lang: speak_weekday("mon", lang),
    lambda lang: speak_weekday_range("mon", "fri", lang),
    lambda lang: speak_round_the_clock(lang),
]


@pytest.mark.parametrize("call", CALLS)
def test_unknown_language_is_refused(call) -> None:
    assert call("lv") != call("en")
    with pytest.raises(ValueError):
        call("de")


def test_templates_get_every_spoken_form_and_an_unknown_kind_raises() -> None:
    from sitegen.pages.page_context import _spoken

    assert _spoken("money", (Decimal("8.80"),), "en", ()) == "eight euros and eighty cents"
    with pytest.raises(ValueError, match="no spoken form `moneys`"):
        _spoken("moneys", (Decimal("8.80"),), "en", ())


@pytest.mark.parametrize(
    ("nominative", "locative"),
    [("janvāris", "janvārī"), ("marts", "martā"), ("jūnijs", "jūnijā"), ("pirmdiena", "pirmdienā")],
)
def test_latvian_locative_has_one_rule(nominative: str, locative: str) -> None:
    from sitegen.text.latvian_forms import locative as make

    assert make(nominative) == locative


def test_a_name_without_a_locative_rule_is_refused() -> None:
    from sitegen.text.latvian_forms import locative

    with pytest.raises(ValueError, match="no locative rule"):
        locative("Ziemassvētki")  # a plural: not a month or weekday name
