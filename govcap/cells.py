"""Cells govcap writes to CSV and XLSX files, made safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be run
as a formula by Excel, LibreOffice or Google Sheets ("CSV injection"). Every exporter
passes its text cells through :func:`neutralise`, which prefixes such a cell with an
apostrophe, the usual way to mark a cell as text (OWASP's advice). Numbers, dates and
booleans are left as they are: they are not text and cannot carry a formula.

A sheet govcap wrote and someone imports back (an attendance sheet, an export) reads the
text as it was: the importers' reader (``interchange.tables``) takes the apostrophe off
again with :func:`restore`, and only where :func:`neutralise` would have put it.

A cell carries no invisible direction character (U+200E/200F, U+202A–202E, U+2066–2069):
the pages' and documents' sentences isolate a name written in another direction ("⁨P1⁩"),
but in a data file those marks are bytes a program compares, sorts and counts — "⁨Agence⁩"
is not "Agence" — and a spreadsheet sets each cell's direction itself (issue 15).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

DANGEROUS_FIRST_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | dt.date | dt.datetime | None

# LRM, RLM; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI: none belongs in a data file
DIRECTION_MARKS = {code: None for code in (0x200E, 0x200F, *range(0x202A, 0x202F),
                                           *range(0x2066, 0x206A))}


def without_direction_marks(text: str) -> str:
    """`text` without its invisible direction characters ("⁨P1⁩، ⁨P2⁩" → "P1، P2")."""
    return text.translate(DIRECTION_MARKS)


def neutralise(value: Any) -> Cell:
    """The value as a cell: text starting with a formula character gets an apostrophe;
    direction marks are left out."""
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    text = without_direction_marks(str(value))
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
