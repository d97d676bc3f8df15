"""The workbook's first sheet is named after what every page says, in whole words: a
superseded demo workbook's tab read "DEMO DATA · SUPERSEDED BY VERSI"."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from govcap.reports.model import Document
from govcap.reports.xlsx import render_xlsx, tab_title


def test_a_tab_holds_whole_marks_the_superseded_version_first():
    assert tab_title("DEMO DATA · SUPERSEDED BY VERSION 2") == "SUPERSEDED BY VERSION 2"
    assert tab_title("DEMO DATA") == "DEMO DATA"
    assert tab_title("DEMO · V2") == "DEMO · V2"
    assert tab_title("DONNÉES DE DÉMONSTRATION · REMPLACÉE PAR LA VERSION 2") == (
        "REMPLACÉE PAR LA VERSION 2")


def test_the_first_sheet_says_every_mark_in_full():
    marks = "DEMO DATA · SUPERSEDED BY VERSION 2"
    doc = Document(language="en", title="Plan", subtitle="", cover=[], cover_note="Note.",
                   sections=[], sheets=[], footer="", watermark=marks)
    book = load_workbook(io.BytesIO(render_xlsx(doc)))
    first = book.worksheets[0]
    assert first.title == "SUPERSEDED BY VERSION 2"
    assert first["A1"].value == marks
