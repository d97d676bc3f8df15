"""Level 4's paired changes name one organisation a line (issue 15, fresh eyes): the Arabic
indicators PDF listed "name (level)؛ name (level)" run on in the narrow "ارتفع مستواها /
بقي مستواها" columns, and wrapped lines came out with the names and levels scrambled.
Each organisation is now its own line, set apart (FSI … PDI) in Arabic as in the DOCX."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from govcap.reports.model import Column, Table
from govcap.reports.pdf import _table, rtl_text
from govcap.results import document

NAMES = {1: "Ministère de la Santé, de la Population", 2: "Ministry of Health"}


def moved(language: str) -> str:
    pair = SimpleNamespace(pair=SimpleNamespace(names=NAMES))
    changes = [
        SimpleNamespace(org=1, change=0, before=1, after=1),
        SimpleNamespace(org=2, change=0, before=2, after=2),
    ]
    with translation.override(language):
        return document._moved(pair, changes)


def test_each_organisation_has_its_line_isolated_in_arabic():
    said = moved("ar")
    lines = said.split("\n")
    assert len(lines) == 2
    assert all(line.startswith("\u2068") and line.endswith("\u2069") for line in lines)
    assert lines[0].startswith("\u2068Ministère de la Santé, de la Population (")
    assert "؛" not in said


def test_the_pdf_sets_each_on_its_own_line():
    with translation.override("ar"):
        html = _table(Table([Column("x", 1.0)], [[moved("ar")]]), rtl_text)
    assert html.count('<span class="line">') == 2
    assert "Ministry of Health" in html.split('<span class="line">')[2]


def test_english_has_no_marks():
    assert moved("en").split("\n")[1] == "Ministry of Health (Moderate)"
