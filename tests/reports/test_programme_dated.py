"""The donor's programme PDF, DOCX and workbook were undated, though the courses' statuses
they count change from day to day: each says its date (the day it is generated, as the plan
documents date their cover) and that the statuses are as of that day, on its cover (the
workbook: its Notes sheet) and in its properties."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess

import pytest
from docx import Document as Docx
from openpyxl import load_workbook

from govcap.reports.plan import render_document
from govcap.reports.programme import CountryPlan, build_programme
from tests.reports.helpers import plan as base_plan

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 12, 5)


def _document():
    kenya = CountryPlan("Kenya", "Kenya — follow-up 2026", "follow-up 2026", 1,
                        dt.date(2026, 11, 2), base_plan(), records={})
    return build_programme([kenya], "Programme", "en", [], today=DAY)


def test_the_programme_says_its_date_and_the_statuses_date(tmp_path) -> None:
    document = _document()
    assert ("Date", "5 December 2026") in document.cover
    assert ("Status of courses as of", "5 December 2026") in document.cover
    word = Docx(io.BytesIO(render_document(document, "docx")))
    assert word.core_properties.created.date() == DAY
    cover = " ".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "5 December 2026" in cover
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    assert book.properties.created.date() == DAY
    notes = [str(c.value) for ws in book.worksheets for r in ws.iter_rows() for c in r
             if c.value]
    assert "Date: 5 December 2026" in notes
    assert "Status of courses as of: 5 December 2026" in notes
    path = tmp_path / "programme.pdf"
    path.write_bytes(render_document(document, "pdf"))
    info = subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True,
                          text=True, check=True).stdout
    assert re.search(r"CreationDate:\s+2026-12-05T00:00:00", info), info
    assert "5 December 2026" in subprocess.run(["pdftotext", str(path), "-"],
                                               capture_output=True, text=True).stdout
