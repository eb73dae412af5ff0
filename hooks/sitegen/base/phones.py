"""Latvian phone numbers: reading, validating, grouping for display, finding in free text.

The data stores every number in E.164 (``+37164607194``); pages show the eight national
digits in pairs (``64 60 71 94``), and the spoken form (``spoken.speak_phone``) reads the
same pairs. phonenumbers decides which numbers are valid (mobile, landline and special
ranges differ).
"""

from __future__ import annotations

import re

import phonenumbers

COUNTRY_CODE = 371
_SP = "[ \u00a0\u202f]"  # space, no-break space, narrow no-break space
# an eight-digit Latvian number in running text, optionally with +371, digits in pairs or not
PHONE_IN_TEXT = re.compile(
    rf"(?<![\w+])(?:\+371{_SP}?)?(?:[26]\d{{7}}|[26]\d(?:{_SP}\d\d){{3}})(?![\w]|[.,]\d)"
)


def to_e164(written: str) -> str | None:
    """``written`` as ``+371…`` when it is a valid Latvian number, else None."""
    try:
        number = phonenumbers.parse(written, "LV")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != COUNTRY_CODE or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_number(e164: str) -> tuple[str, str]:
    """(country code, national digits) of a stored number; ValueError if it is none."""
    try:
        number = phonenumbers.parse(e164, "LV")
    except phonenumbers.NumberParseException as err:
        raise ValueError(f"not a phone number: {e164!r}") from err
    return str(number.country_code), phonenumbers.national_significant_number(number)


def pairs(digits: str) -> list[str]:
    """``64607194`` → ``["64", "60", "71", "94"]``: the groups people write and say."""
    return [digits[i : i + 2] for i in range(0, len(digits), 2)]


def display_phone(e164: str) -> str:
    """``+37164607194`` → ``64 60 71 94`` (a number of another length: its digits as they are)."""
    digits = e164.removeprefix(f"+{COUNTRY_CODE}")
    return digits if len(digits) != 8 else " ".join(pairs(digits))
