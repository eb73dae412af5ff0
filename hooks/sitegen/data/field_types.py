"""Field types shared by the data model: ids, bilingual texts, money, times, phones.

Every type here validates one kind of value and says what is wrong in plain words.
The messages are read by communications staff, so they name the rule, not the code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, get_args

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError
from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from ..base.cents import MAX_AMOUNT
from ..base.characters import non_ascii
from ..base.languages import LANGUAGES, OTHER_LANGUAGE, Lang, hhmm
from ..base.messages import Message, message
from ..base.phones import to_e164


class Strict(BaseModel):
    """Base for every data object: unknown keys are errors, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The model classes a field's type holds (itself, or inside a list, union, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in models_in(arg)]


def _fail(code: str, /, *, at: tuple[str | int, ...] = (), **params: Any) -> PydanticCustomError:
    """A validation error in plain words: the message ``code`` of ``messages.yaml`` filled
    in with ``params``, in Latvian and English. ``at`` points below the object being checked
    (e.g. at one break of a span) so the message lands on the right line."""
    msg = message(code, **params)
    template = msg.en.replace("{", "{{").replace("}", "}}")
    ctx: dict[str, Any] = {"sitegen": msg}
    if at:
        ctx["at"] = list(at)
    return PydanticCustomError(code, template, ctx)


# --- identifiers -------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# the longest id of the real data has 37 characters; an id is a file name and part of a URL
MAX_ID_LENGTH = 80


def _check_id(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("id_type")
    if len(value) > MAX_ID_LENGTH:
        raise _fail(
            "id_length",
            start=value[:30],
            length=len(value),
            most=MAX_ID_LENGTH,
        )
    if not ID_RE.match(value):
        fixed = _id_like(value)
        raise _fail(
            "id_format",
            value=value,
            hint=message("id_format.hint", fixed=fixed) if fixed else "",
        )
    return value


def _id_like(value: str) -> str | None:
    """The id an editor most likely meant ("Home Care" -> home-care), if one can be made."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    fixed = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    return fixed if fixed and ID_RE.match(fixed) and len(fixed) <= MAX_ID_LENGTH else None


Id = Annotated[
    str,
    BeforeValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_RE.pattern}),
]


# --- bilingual text ----------------------------------------------------------


def _joined(langs: list[str], conjunction: str) -> Message:
    """ "Latvian and English" in both languages (the names of the languages listed)."""
    names = [message(f"word.{lang}") for lang in langs]
    word = message(conjunction)
    lv = f" {word.lv} ".join(n.lv for n in names)
    en = f" {word.en} ".join(n.en for n in names)
    return Message("", lv, en)


class Text(Strict):
    """A text a resident reads, in Latvian and English.

    ``pending: en`` marks the English text as a translation not done yet: the build
    lists every such marker and the page shows a visible notice.
    """

    lv: str | None = Field(default=None, description="Latvian text (written as people write it)")
    en: str | None = Field(default=None, description="English text")
    pending: Lang | None = Field(
        default=None,
        description="Language whose translation is still pending. The page says so visibly.",
    )

    @model_validator(mode="after")
    def _both_languages(self) -> Text:
        missing = [lang for lang in LANGUAGES if not (getattr(self, lang) or "").strip()]
        if self.pending:
            other = OTHER_LANGUAGE[self.pending]
            if other in missing:
                raise _fail("text_missing_other", lang=message(f"word.{other}"))
            return self
        if missing:
            raise _fail("text_missing", names=_joined(missing, "word.and"), first=missing[0])
        return self

    def get(self, lang: str) -> str:
        """The text as written in ``lang`` ("" when there is none)."""
        return getattr(self, lang) or ""

    def in_language(self, lang: str) -> str:
        """The text in ``lang``; while that translation is missing, the other language's."""
        return self.get(lang) or self.get(OTHER_LANGUAGE[lang])

    def is_pending(self, lang: str) -> bool:
        return self.pending == lang


# --- money -------------------------------------------------------------------


def _to_decimal(value: Any, *, what: str) -> Decimal:
    if isinstance(value, bool):
        raise _fail("amount_yes_no", what=what)
    if isinstance(value, int):
        if abs(value) > 10**15:
            raise _fail(
                "amount_far_too_large",
                what=what,
                value=value,
            )
        return Decimal(value)
    if isinstance(value, float):  # only reached when data does not come through our loader
        value = Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"-?[0-9]+,[0-9]+", text):
            raise _fail(
                "amount_comma",
                what=what,
                value=value,
                fixed=text.replace(",", "."),
            )
        if re.fullmatch(r"-?[0-9_]+(\.[0-9_]+)?", text) and "_" in text:
            raise _fail(
                "amount_underscore",
                what=what,
                value=value,
                dropped=text.replace("_", ""),
            )
        if re.fullmatch(r"-?[0-9]{1,20}(\.[0-9]{1,20})?", text):
            value = Decimal(text)
    if isinstance(value, Decimal):
        return _no_minus_zero(value, what=what)
    raise _fail("amount_type", what=what, value=value)


def _no_minus_zero(value: Decimal, *, what: str) -> Decimal:
    """``-0.00`` is zero written with a minus, which would be shown as "-0,00 €"."""
    if value.is_finite() and value.is_zero() and value.is_signed():
        raise _fail(
            "amount_minus_zero",
            what=what,
            value=value,
        )
    return value


def _check_amount(value: Any) -> Decimal:
    amount = _to_decimal(value, what="amount")
    if not amount.is_finite():
        raise _fail("amount_finite", value=value)
    if amount < 0:
        raise _fail("amount_negative", value=value)
    if amount > MAX_AMOUNT:
        raise _fail(
            "amount_large",
            value=value,
            max=MAX_AMOUNT,
        )
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise _fail("amount_decimals", value=value)
    return amount.quantize(Decimal("0.01"))


Amount = Annotated[
    Decimal,
    BeforeValidator(_check_amount),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": float(MAX_AMOUNT)},
                {"type": "string", "pattern": r"^\d+(\.\d{1,2})?$"},
            ],
            "description": "Euro amount with a decimal point and at most two decimals, e.g. 8.80",
        }
    ),
]


def _check_percent(value: Any) -> Decimal:
    pct = _to_decimal(value, what="percentage")
    if not pct.is_finite() or pct < 0 or pct > 100:
        raise _fail("percent_range", value=value)
    if pct != pct.quantize(Decimal("0.01")):
        raise _fail(
            "percent_decimals",
            value=value,
        )
    return pct


Percent = Annotated[
    Decimal,
    BeforeValidator(_check_percent),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]


# more than the people of Latvia, and more than any count of hours, visits or staff
MAX_COUNT = 10_000_000


def _check_count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail("count_type", value=value)
    if value < 0:
        raise _fail("count_negative", value=value)
    if value > MAX_COUNT:
        shown = str(value) if value < 10**30 else f"a number with {len(str(value))} digits"
        raise _fail(
            "count_large",
            value=shown,
            most=f"{MAX_COUNT:_}".replace("_", " "),
        )
    return value


Count = Annotated[
    int,
    BeforeValidator(_check_count),
    WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_COUNT}),
]

FIRST_YEAR, LAST_YEAR = 1900, 2100


def _check_year(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail("year_type", value=value)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise _fail(
            "year_range",
            value=value if abs(value) < 10**30 else "(a very long number)",
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return value


Year = Annotated[
    int,
    BeforeValidator(_check_year),
    WithJsonSchema({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}),
]


MAX_SUM = Decimal(10**12)  # a report's sums in euro: far above any municipality's budget


def _check_euros(value: Any) -> Decimal:
    amount = _to_decimal(value, what="sum")
    if not amount.is_finite():
        raise _fail("amount_finite", value=value)
    if amount < 0:
        raise _fail("sum_negative", value=value)
    if amount >= MAX_SUM:
        raise _fail("sum_large", value=value)
    if amount != amount.quantize(Decimal("0.01")):
        raise _fail("sum_decimals", value=value)
    return amount


Euros = Annotated[
    Decimal,
    BeforeValidator(_check_euros),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
    WithJsonSchema({"type": "number", "minimum": 0}),
]

# --- times -------------------------------------------------------------------

TIME_RE = re.compile(r"^([0-9]{1,2}):([0-9]{2})$")


def _time_like(text: str) -> str:
    """The time an editor most likely meant: "8.00", "8,00", "800" or "8" -> "08:00"."""
    match = re.fullmatch(r"\s*([0-9]{1,2})(?:[.,: ]?([0-9]{2}))?\s*", text)
    if match and int(match[1]) < 24 and int(match[2] or 0) < 60:
        return f"{int(match[1]):02d}:{match[2] or '00'}"
    return ""


def _check_time(value: Any) -> dt.time:
    if isinstance(value, dt.time):  # made in code (tests), not read from a file
        return value
    if isinstance(value, Decimal | float):
        raise _fail("time_number", value=value, fixed=_time_like(str(value)))
    if not isinstance(value, str):
        raise _fail("time_type", value=value)
    match = TIME_RE.match(value.strip())
    if not match:
        fixed = _time_like(value)
        hint = message("time_format.hint", fixed=fixed) if fixed else ""
        raise _fail("time_format", value=value, hint=hint)
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise _fail(
            "time_range",
            value=value,
        )
    return dt.time(hour, minute)


# a time of day: "08:00" in the files, a datetime.time in the model, "08:00" again when the
# model is written out (JSON)
Time = Annotated[
    dt.time,
    BeforeValidator(_check_time),
    PlainSerializer(hhmm, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}),
]


def minutes(time: dt.time) -> int:
    return time.hour * 60 + time.minute


# --- contacts ----------------------------------------------------------------


def _check_phone(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _fail(
            "phone_type",
            value=value,
        )
    raw = str(value).strip()
    if not re.fullmatch(r"\+?[0-9 ()-]+", raw):
        raise _fail(
            "phone_format",
            value=raw,
        )
    e164 = to_e164(raw)
    if e164 is None:
        raise _fail(
            "phone_invalid",
            value=raw,
        )
    return e164


Phone = Annotated[
    str,
    BeforeValidator(_check_phone),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^(\+371 ?)?[0-9 ]{8,11}$"},
                {"type": "integer"},
            ],
            "description": "Latvian phone number, 8 digits, optionally with +371",
        }
    ),
]


def _check_email(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("email_type", value=value)
    if not value.isascii():
        raise _fail(
            "email_ascii",
            value=value,
            chars=", ".join(non_ascii(value)),
        )
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as err:
        raise _fail(
            "email_invalid",
            value=value,
            why=str(err),
        ) from None
    return result.normalized


Email = Annotated[
    str, BeforeValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})
]


def _check_web_address(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"https://[^\s/]+\.[^\s]+", value):
        raise _fail(
            "web_address",
            value=value,
        )
    return value


WebAddress = Annotated[
    str,
    BeforeValidator(_check_web_address),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
]


def _check_iban(value: Any) -> str:
    if not isinstance(value, str):
        raise _fail("iban_type", value=value)
    try:
        iban = IBAN(value.replace(" ", ""))
    except SchwiftyException as err:
        raise _fail("iban_invalid", value=value, why=str(err)) from None
    return iban.compact


Iban = Annotated[
    str,
    BeforeValidator(_check_iban),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Z]{2}\d{2}[A-Z0-9 ]{10,30}$"}),
]

POSTAL_RE = re.compile(r"^LV-[0-9]{4}$")


def _check_postal(value: Any) -> str:
    if not isinstance(value, str) or not POSTAL_RE.match(value.strip()):
        digits = re.fullmatch(r"\s*(?:LV)?[\s-]*([0-9]{4})\s*", str(value), re.IGNORECASE)
        hint = message("postal_code.hint", fixed=f"LV-{digits[1]}") if digits else ""
        raise _fail("postal_code", value=value, hint=hint)
    return value.strip()


PostalCode = Annotated[
    str,
    BeforeValidator(_check_postal),
    WithJsonSchema({"type": "string", "pattern": POSTAL_RE.pattern}),
]

REG_RE = re.compile(r"^[0-9]{11}$")


def _check_reg(value: Any) -> str:
    text = (
        str(value).strip() if isinstance(value, int | str) and not isinstance(value, bool) else ""
    )
    if not REG_RE.match(text):
        raise _fail(
            "registration_number",
            value=value,
        )
    return text


RegistrationNumber = Annotated[
    str,
    BeforeValidator(_check_reg),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": REG_RE.pattern}, {"type": "integer"}]}),
]


def _check_date(value: Any) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        with contextlib.suppress(ValueError):
            value = dt.date.fromisoformat(value.strip())
    if isinstance(value, dt.date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise _fail(
                "date_range",
                value=value.isoformat(),
                first=FIRST_YEAR,
                last=LAST_YEAR,
            )
        return value.isoformat()
    fixed = _date_like(value)
    hint = message("date_format.hint", fixed=fixed) if fixed else ""
    raise _fail("date_format", value=value, hint=hint)


def _date_like(value: Any) -> str:
    """The ISO date an editor most likely meant: "3.05.2027", "03/05/2027", "2027.05.03" or
    "3. maijs 2027" -> 2027-05-03 (Latvian order: day, month, year)."""
    import datetime as dt

    text = str(value).strip()
    for pattern, order in (
        (r"([0-9]{1,2})[./-]\s*([0-9]{1,2})[./-]\s*([0-9]{4})\.?", (3, 2, 1)),
        (r"([0-9]{4})[./ ]([0-9]{1,2})[./ ]([0-9]{1,2})\.?", (1, 2, 3)),
    ):
        match = re.fullmatch(pattern, text)
        if match:
            with contextlib.suppress(ValueError):
                year, month, day = (int(match[i]) for i in order)
                return dt.date(year, month, day).isoformat()
    return ""


IsoDate = Annotated[
    str, BeforeValidator(_check_date), WithJsonSchema({"type": "string", "format": "date"})
]

NonEmptyStr = Annotated[str, Field(min_length=1)]


def _no_duplicates(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    for value in values:
        if value in seen:
            raise _fail("duplicate_item", value=value)
        seen.add(value)
    return values


IdList = Annotated[list[Id], AfterValidator(_no_duplicates)]
