"""What a donor's document may quote of a trainee's text: never a phone number or an e-mail
address, even in a text a coordinator marked for quoting (the page that shows every text
to the coordinators shows them as written). Pure functions, no Django."""

from __future__ import annotations

import re

PHONE = "[phone]"
EMAIL = "[e-mail]"
MIN_PHONE_DIGITS = 7  # fewer digits is a number in a sentence ("from 12 to 40 staff")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# digits, with spaces, dots, dashes, slashes or brackets between them, an optional "+" first
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-/]*\d\)?(?!\w)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = sum(ch.isdigit() for ch in text)
    if digits < MIN_PHONE_DIGITS or _DATE.fullmatch(text.strip()):
        return text
    # keep the space a number ran up to ("on 0712 345 678 today")
    trailing = text[len(text.rstrip()):]
    return PHONE + trailing


def mask(text: str) -> str:
    """The text with every e-mail address written "[e-mail]" and every phone number
    (a run of at least ``MIN_PHONE_DIGITS`` digits, spaced or not) "[phone]"."""
    return _PHONE.sub(_phone, _EMAIL.sub(EMAIL, text))
