"""Cells govcap writes to CSV and XLSX files, made safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be run
as a formula by Excel, LibreOffice or Google Sheets ("CSV injection"). Every exporter
passes its text cells through :func:`neutralise`, which prefixes such a cell with an
apostrophe, the usual way to mark a cell as text (OWASP's advice). Numbers, dates and
booleans are left as they are: they are not text and cannot carry a formula.

A sheet govcap wrote and someone imports back (an attendance sheet, an export) reads the
text as it was: the importers' reader (``interchange.tables``) takes the apostrophe off
again with :func:`restore`, and only where :func:`neutralise` would have put it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

DANGEROUS_FIRST_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | dt.date | dt.datetime | None


def neutralise(value: Any) -> Cell:
    """The value as a cell: text starting with a formula character gets an apostrophe."""
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    text = str(value)
    if text.startswith(DANGEROUS_FIRST_CHARACTERS):
        return "'" + text
    return text


def neutralise_row(values: Iterable[Any]) -> list[Cell]:
    """A row of cells, each passed through :func:`neutralise`."""
    return [neutralise(v) for v in values]


def restore(text: str) -> str:
    """A cell's text as it was before :func:`neutralise`: the apostrophe it put before a
    formula character taken off ("'=HYPERLINK(…)" → "=HYPERLINK(…)"); any other text as
    it is (an apostrophe before a letter is the writer's own)."""
    if text.startswith("'") and text[1:2] and text[1:].startswith(DANGEROUS_FIRST_CHARACTERS):
        return text[1:]
    return text
