"""A small evaluator for the formula forms the plan workbook writes, so tests can check that
every amount recomputes from the unit rates (no spreadsheet program on the test machines)."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

_REF = re.compile(r"(?:'([^']+)'!)?\$?([A-Z]+)\$?(\d+)")


def _value(book, sheet: str, column: str, row: int) -> Decimal:
    cell = book[sheet][f"{column}{row}"]
    value = cell.value
    if isinstance(value, str) and value.startswith("="):
        return evaluate(book, sheet, value)
    return Decimal(str(value or 0))


_SUMIFS = re.compile(r"SUMIFS\('([^']+)'!\$([A-Z]):\$\2,'\1'!\$([A-Z]):\$\3,\"(.*)\"\)")


def evaluate(book, sheet: str, formula: str) -> Decimal:
    """``=ref``, ``=A1*B1``, ``=A1+B1``, ``=SUM(I2:I9)``, ``=ROUND(x*ref/100,2)`` and
    ``=SUMIFS('S'!$J:$J,'S'!$D:$D,"value")``."""
    body = formula[1:]
    if body.startswith("SUMIFS("):
        found = _SUMIFS.fullmatch(body)
        assert found, formula
        other, amount, column, value = found.groups()
        ws = book[other]
        return sum((_value(book, other, amount, r) for r in range(1, ws.max_row + 1)
                    if ws[f"{column}{r}"].value == value.replace('""', '"')), Decimal(0))
    if body.startswith("SUM("):
        first, last = body[4:-1].split(":")
        col, start = _REF.fullmatch(first).group(2, 3)  # type: ignore[union-attr]
        end = _REF.fullmatch(last).group(3)  # type: ignore[union-attr]
        return sum((_value(book, sheet, col, r) for r in range(int(start), int(end) + 1)),
                   Decimal(0))
    if body.startswith("ROUND("):
        inner, places = body[6:-1].rsplit(",", 1)
        number = evaluate(book, sheet, "=" + inner)
        return number.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
    values = {}

    def swap(match: re.Match[str]) -> str:
        key = f"v{len(values)}"
        values[key] = _value(book, match.group(1) or sheet, match.group(2), int(match.group(3)))
        return key
    expression = _REF.sub(swap, body)
    assert re.fullmatch(r"[v0-9*+/ ]+", expression), formula
    return eval(expression, {"__builtins__": {}}, values)  # noqa: S307 - vetted above


def cents(amount: Decimal) -> int:
    return int(amount * 100)
