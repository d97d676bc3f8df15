"""A plan workbook's month and day columns are wide enough for their longest value: a
column narrower than its number format shows ##### in Excel and LibreOffice ("February
2027", "septembre 2027", "30 September 2027" in columns 10 to 14 wide)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from govcap.localise import month_name
from govcap.reports.plan import render_plan
from tests.reports.helpers import catalogue, context
from tests.reports.test_cost_workbook import costed


def shown(value: dt.datetime, number_format: str, language: str) -> str:
    """The cell as the document's language writes it under its number format."""
    month = f"{month_name(value.month, language)} {value.year}"
    if "d mmmm" not in number_format:
        return month
    return f"{value.day} {month}" + (f" {value:%H:%M}" if "hh" in number_format else "")


@pytest.mark.parametrize("language", ["en", "fr", "ar", "sw"])
def test_every_date_column_is_as_wide_as_its_longest_value(language) -> None:
    book = load_workbook(io.BytesIO(render_plan(costed(), context(language), "xlsx",
                                                catalogue=catalogue(language))))
    checked: set[str] = set()
    formats: set[str] = set()
    for ws in book.worksheets:
        longest: dict[str, int] = {}
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.datetime):
                    formats.add(cell.number_format.split("]")[-1])
                    text = shown(cell.value, cell.number_format, language)
                    letter = cell.column_letter
                    longest[letter] = max(longest.get(letter, 0), len(text))
        for letter, length in longest.items():
            width = ws.column_dimensions[letter].width
            assert width >= length, (language, ws.title, letter, width, length)
            checked.add(ws.title)
    assert len(checked) >= 5, checked  # cohorts, needs, budget lines, shares, load
    assert formats == {"mmmm yyyy", "d mmmm yyyy"}, formats  # months, and the names' due days
