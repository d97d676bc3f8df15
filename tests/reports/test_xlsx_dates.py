"""The workbook's dates are dates (fresh eyes, Kenya's follow-up): the Plan sheet's "Date"
and the Cohorts sheet's "Names due by" were text, which a reader cannot sort or filter by."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook


def test_the_plans_date_and_the_names_due_are_date_cells(render):
    book = load_workbook(io.BytesIO(render("xlsx", "en")))
    about = book.worksheets[0]
    (date,) = [row[1] for row in about.iter_rows(min_row=2) if row[0].value == "Date"
               or row[0].value == "Last change"]
    assert isinstance(date.value, dt.datetime) and "yyyy" in date.number_format
    sheet = book["Cohorts"]
    header = [c.value for c in sheet[1]]
    column = header.index("Names due by")
    days = [row[column] for row in sheet.iter_rows(min_row=2) if row[0].value != "Total"]
    assert days and all(isinstance(c.value, dt.datetime) for c in days if c.value != "–")
    assert all("d mmmm yyyy" in c.number_format for c in days if c.value != "–")


def test_a_courses_organisations_are_one_a_line_in_every_row(render):
    """Fresh eyes, Kenya's follow-up: the Cohorts sheet joined organisations with "; " in
    some rows (a name holding a comma) and ", " in others; the documents put one a line."""
    book = load_workbook(io.BytesIO(render("xlsx", "en")))
    sheet = book["Cohorts"]
    column = [c.value for c in sheet[1]].index("Organisations")
    shared = [row[column] for row in sheet.iter_rows(min_row=2)
              if isinstance(row[column].value, str) and "\n" in row[column].value]
    assert shared and all(c.alignment.wrap_text for c in shared)
    assert not any(", " in line or "; " in line for c in shared
                   for line in c.value.split("\n") if not line.startswith("'"))
