"""The programme's countries side by side (issue 17): every country in scope, each
indicator with its count, counted as its rounds' own results pages count them, and where a
country has nothing to count yet, why — on the page, in the documents and the workbook."""

from __future__ import annotations

import io
import json
from dataclasses import asdict

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from govcap.results import document
from govcap.results.build import CountryResult, build
from govcap.results.core import indicators as ind
from tests.security.helpers import client_for

pytestmark = pytest.mark.django_db


def test_every_country_is_counted_as_its_own_rounds_pages_count_it(programme):
    results = build(programme.manager)
    assert [c.country.code for c in results.by_country] == ["KE", "SO"]
    kenya, somalia = results.by_country
    # Kenya's two rounds: its baseline's page, with the level-4 change its training made
    assert [asdict(i) for i in kenya.indicators] == [
        asdict(i) for i in build(programme.manager, programme.engagement).indicators]
    assert kenya.courses == {"completed": 1} and kenya.later_round
    # Somalia has an engagement and no course yet: there, with nothing counted
    assert somalia.courses == {} and not somalia.later_round
    assert all(i.value is None for i in somalia.indicators if i.unit != ind.COUNT)
    # the programme's figures are the countries' together
    assert results.indicator(ind.OFFICIALS_TRAINED).n == sum(
        c.indicator(ind.OFFICIALS_TRAINED)[0].n for c in results.by_country)


def test_one_engagements_results_have_no_country_table(programme):
    results = build(programme.manager, programme.engagement)
    assert results.by_country == []
    assert "Countries side by side" not in str(document.document(results).sections)


def test_the_page_sets_the_countries_side_by_side_saying_why_a_figure_is_missing(programme):
    text = client_for(programme.manager).get("/indicators/").content.decode()
    table = text[text.index("Countries side by side"):]
    table = table[:table.index("</table>")]
    assert "<th scope=\"col\">Kenya</th>" in table and "<th scope=\"col\">Somalia</th>" in table
    assert "1 course completed" in table and "no course yet" in table
    assert "67% (2 of 3)" in table  # Kenya's completion rate, as on its page
    assert "not yet: no course completed" in table  # Somalia's
    assert "not yet: no later round to compare with" in table


def test_what_a_countrys_courses_are_at():
    def said(courses: dict[str, int]) -> str:
        return document.courses_so_far(CountryResult(None, [], [], courses))  # type: ignore[arg-type]

    assert said({"in_progress": 2}) == "2 courses running, none completed yet"
    assert said({"completed": 3, "in_progress": 1}) == "3 courses completed, 1 course running"
    assert said({"planned": 1}) == "1 course being prepared, none completed yet"
    assert said({"cancelled": 1}) == "no course yet"


def test_the_documents_and_the_workbook_hold_the_country_table(programme):
    client = client_for(programme.manager)
    word = open_docx(io.BytesIO(client.get("/indicators/download/docx/").content))
    [table] = [t for t in word.tables if t.rows[0].cells[1].text == "Kenya"]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows}
    assert rows["Completion rate"] == ["67% (2 of 3)", "not yet: no course completed"]
    assert rows["Courses so far"] == ["1 course completed", "no course yet"]
    book = load_workbook(io.BytesIO(client.get("/indicators/download/xlsx/").content))
    sheet = book["By country"]
    cells = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    kenya = next(r for r in cells if r[:2] == ["Kenya", "Completion rate"])
    assert kenya[3] == pytest.approx(2 / 3) and kenya[4:6] == [2, 3]
    somalia = next(r for r in cells if r[:2] == ["Somalia", "Completion rate"])
    assert somalia[3] is None and somalia[6] == "not yet: no course completed"
    assert ["Somalia", "Courses so far"] in [r[:2] for r in cells]
    pdf = client.get("/indicators/download/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_json_gives_each_country_as_the_page_does(programme):
    client = client_for(programme.manager)
    data = json.loads(client.get("/indicators/download/json/").content)
    kenya, somalia = data["by_country"]
    assert (kenya["country"], kenya["courses"], somalia["courses"]) == (
        "KE", {"completed": 1}, {})
    figures = {i["key"]: i for i in kenya["indicators"]}
    assert (figures["completion-rate"]["value"], figures["completion-rate"]["numerator"],
            figures["completion-rate"]["n"]) == (67, 2, 3)
    one = json.loads(client.get(
        f"/indicators/e/{programme.engagement.slug}/download/json/").content)
    assert one["by_country"] == []
    assert kenya["indicators"] == one["indicators"]  # Kenya's two rounds: its baseline's
