"""The document model's sheets as XLSX (openpyxl).

Numbers are written as numbers and amounts as numbers with a currency number format; every
text cell goes through :func:`govcap.cells.neutralise`, so a name starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is kept as text, never run as a
formula. Header rows are frozen and filtered. An Arabic workbook's sheets read right to left
(column A at the right), as Excel shows a sheet made in Arabic.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from govcap import localise
from govcap.cells import neutralise
from govcap.planning.core.money import spreadsheet_format
from govcap.reports.direction import is_rtl
from govcap.reports.model import (
    Cell,
    Day,
    Document,
    Money,
    Month,
    Sheet,
    plain_text,
    utc_made,
)

HEADER_FILL = PatternFill("solid", fgColor="1F4E89")
TOTAL_FILL = PatternFill("solid", fgColor="E8EEF6")
# A month cell: the month's whole name and the year, named in the document's language
# whatever the reader's Excel speaks (a locale code before the format: French 040C, Swahili
# 0441, Arabic as Egypt writes it, 0C01, whose calendar is the Gregorian one the plan uses).
MONTH_LOCALES = {"fr": "[$-40C]", "ar": "[$-C01]", "sw": "[$-441]", "en": "[$-809]"}


def month_format(language: str) -> str:
    return MONTH_LOCALES.get(language.split("-")[0].lower(), "") + "mmmm yyyy"


def day_format(language: str, time: bool = False) -> str:
    """A day as the documents write it ("5 December 2026"), with its time when it has one."""
    return (MONTH_LOCALES.get(language.split("-")[0].lower(), "") + "d mmmm yyyy"
            + (" hh:mm" if time else ""))


def date_width(language: str, day: bool = False, time: bool = False) -> int:
    """The width of a column of months ("mmmm yyyy") or days ("d mmmm yyyy", with "hh:mm"
    when `time`) in `language`: its longest month name ("septembre", "September") with the
    year and the day, and a margin, so no month shows as ##### in Excel or LibreOffice."""
    longest = max(len(localise.month_name(m, language)) for m in range(1, 13))
    return longest + len(" 2027") + (len("30 ") if day else 0) + (len(" hh:mm") if time else 0) + 2


def fit_dates(ws: Worksheet, language: str) -> None:
    """Widen each column of a sheet holding a date to its :func:`date_width` — the one place
    every sheet's date columns (the document's and the costing's) get their width."""
    needed: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, (dt.date, dt.datetime)) and cell.column is not None:
                shown = str(cell.number_format)
                width = date_width(language, day="d " in shown or shown.startswith("d"),
                                   time="hh" in shown)
                needed[cell.column] = max(needed.get(cell.column, 0), width)
    for column, width in needed.items():
        dimension = ws.column_dimensions[get_column_letter(column)]
        if (dimension.width or 0) < width:
            dimension.width = width


def render_xlsx(doc: Document, extra: Callable[[Workbook], None] | None = None) -> bytes:
    """The workbook; ``extra`` adds sheets of its own (the costing sheets) after the rest."""
    book = Workbook()
    first = book.active  # a new workbook's one empty sheet
    if first is not None:
        book.remove(first)
    if doc.watermark:  # the first sheet a reader sees says so
        ws = book.create_sheet(tab_title(doc.watermark))
        ws.append([neutralise(plain_text(doc.watermark))])
        ws.append([neutralise(plain_text(doc.cover_note))])
        ws["A1"].font = Font(bold=True, size=14, color="B00020")
        ws.column_dimensions["A"].width = 120
        ws.sheet_properties.tabColor = "B00020"
    for sheet in doc.sheets:
        _sheet(book, sheet, doc.language)
    if extra is not None:
        extra(book)
    for ws in book.worksheets:
        fit_dates(ws, doc.language)
    if is_rtl(doc.language):
        for ws in book.worksheets:
            ws.sheet_view.rightToLeft = True
    book.properties.title = plain_text(doc.title)[:250]
    # the document's own time, as the DOCX's and the PDF's properties say it
    book.properties.created = utc_made(doc.made)  # (openpyxl sets "modified" on saving)
    book.properties.language = doc.language
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class Count(int):
    """A whole number the workbook computes: written as ``formula`` (``=SUM(D2:D5)``), read
    as the number it gives everywhere else (the PDF, the DOCX)."""

    formula: str

    def __new__(cls, value: int, formula: str) -> Count:
        made = super().__new__(cls, value)
        made.formula = formula
        return made


def _value(value: Cell) -> object:
    if isinstance(value, Count):
        return value.formula
    if isinstance(value, Money):
        return value.formula or value.cents / 100
    if isinstance(value, Month):
        year, number = value.value.split("-")
        return dt.date(int(year), int(number), 1)
    if isinstance(value, Day):  # as the text says it: the local time, no zone
        day = value.value
        return day.replace(tzinfo=None) if isinstance(day, dt.datetime) else day
    if isinstance(value, (int, float)):
        return value
    return neutralise(plain_text(value))


def _sheet(book: Workbook, sheet: Sheet, language: str) -> None:
    ws = book.create_sheet(sheet_title(sheet.name))
    table = sheet.table
    ws.append([neutralise(plain_text(c.label)) for c in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    rows = list(table.rows) + ([table.total] if table.total else [])
    rates = {i for i, c in enumerate(table.columns) if c.kind == "rate"}
    for values in rows:
        ws.append([_value(v) for v in values])
        for index, (cell, value) in enumerate(zip(ws[ws.max_row], values, strict=True)):
            if isinstance(value, Money):
                cell.number_format = spreadsheet_format(value.currency, language)
            elif isinstance(value, Month):
                cell.number_format = month_format(language)
            elif isinstance(value, Day):
                cell.number_format = day_format(language, isinstance(value.value, dt.datetime))
            elif isinstance(value, float):  # a rate shows every decimal a formula uses
                cell.number_format = "0.0#####" if index in rates else "0.00"
            elif isinstance(value, str) and (len(value) > 60 or "\n" in value):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    if table.total:
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
            cell.fill = TOTAL_FILL
    for index, column in enumerate(table.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"
    last = ws.max_row - (1 if table.total else 0)
    if last > 1:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{last}"


def tab_title(marks: str) -> str:
    """The tab of the sheet that says what every page says ("DEMO DATA · SUPERSEDED BY
    VERSION 2"): whole marks, as many as a tab holds, never one cut in the middle of a word
    ("… SUPERSEDED BY VERSI"), the last first (a superseded version says so before demo
    data); the sheet's first cell says them all."""
    parts = [p for p in plain_text(marks).split(" · ") if p]
    said = ""
    for part in reversed(parts):
        longer = f"{part} · {said}" if said else part
        if len(sheet_title(longer)) < len(longer) or len(longer) > 31:
            break
        said = longer
    if said:
        return sheet_title(said)
    words = sheet_title(marks)[:30].rsplit(" ", 1)[0]
    return f"{words}…"


def sheet_title(name: str) -> str:
    """A valid sheet title: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in plain_text(name))
    return cleaned[:31] or "Sheet"
