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


_COLUMN = r"'([^']+)'!\$([A-Z]+):\$[A-Z]+"
_SUMIFS = re.compile(rf"SUMIFS\({_COLUMN}((?:,{_COLUMN},(?:\"(?:[^\"]|\"\")*\"|\d+))+)\)")
_CRITERION = re.compile(rf",{_COLUMN},(\"(?:[^\"]|\"\")*\"|\d+)")
_ROUND = re.compile(r"ROUND\(([^()]*),(\d+)\)")
_INNER_SUM = re.compile(r"(?<![A-Z])SUM\(([^()]*)\)")


def _sumifs(book, found: re.Match[str]) -> Decimal:
    other, amount, rest = found.group(1), found.group(2), found.group(3)
    ws = book[other]
    wanted = []
    for criterion in _CRITERION.finditer(rest):
        assert criterion.group(1) == other, found.group(0)  # criteria on the same sheet
        said = criterion.group(3)
        value: object = said[1:-1].replace('""', '"') if said.startswith('"') else int(said)
        wanted.append((criterion.group(2), value))
    return sum((_value(book, other, amount, r) for r in range(1, ws.max_row + 1)
                if all(ws[f"{column}{r}"].value == value for column, value in wanted)),
               Decimal(0))


def evaluate(book, sheet: str, formula: str,
             known: dict[str, Decimal] | None = None) -> Decimal:
    """``=ref``, ``=A1*B1``, ``=A1+B1``, ``=A1/B1``, ``=SUM(I2:I9)``,
    ``ROUND(x*ref/100,2)`` anywhere in an expression (``=ROUND(…)+N5``) and
    ``SUM(G2:G9)`` inside an expression,
    ``=SUMIFS('S'!$J:$J,'S'!$D:$D,"value",'S'!$E:$E,2)`` (criteria text or whole numbers)."""
    body = formula[1:]
    if body.startswith("SUMIFS("):
        found = _SUMIFS.fullmatch(body)
        assert found, formula
        return _sumifs(book, found)
    if re.fullmatch(r"SUM\([^()]*\)", body):
        first, last = body[4:-1].split(":")
        other, col, start = _REF.fullmatch(first).group(1, 2, 3)  # type: ignore[union-attr]
        end = _REF.fullmatch(last).group(3)  # type: ignore[union-attr]
        return sum((_value(book, other or sheet, col, r)
                    for r in range(int(start), int(end) + 1)),
                   Decimal(0))
    values: dict[str, Decimal] = dict(known or {})  # (a ROUND's inner part: the outer's)

    def summed(match: re.Match[str]) -> str:  # a SUM inside an expression
        key = f"s{len(values)}"
        values[key] = evaluate(book, sheet, f"=SUM({match.group(1)})")
        return key
    body = _INNER_SUM.sub(summed, body)

    def rounded(match: re.Match[str]) -> str:
        number = evaluate(book, sheet, "=" + match.group(1), values)
        key = f"r{len(values)}"
        values[key] = number.quantize(Decimal(1).scaleb(-int(match.group(2))),
                                      rounding=ROUND_HALF_UP)
        return key
    while _ROUND.search(body):  # innermost first
        body = _ROUND.sub(rounded, body, count=1)

    def swap(match: re.Match[str]) -> str:
        key = f"v{len(values)}"
        values[key] = _value(book, match.group(1) or sheet, match.group(2), int(match.group(3)))
        return key
    expression = _REF.sub(swap, body)
    assert re.fullmatch(r"[rsv0-9*+/. -]+", expression), formula
    return eval(expression, {"__builtins__": {}}, values)  # noqa: S307 - vetted above


def cents(amount: Decimal) -> int:
    return int(amount * 100)
