"""A plan dated 4 December 2026 with the default 8 weeks' lead time starts in February 2027,
asks for its February courses' names by 4 January 2027 — the same day on the plan page, in
the DOCX and PDF plan, the brief and the workbook — and its documents state the lead time."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from govcap.planning import inputs_db
from govcap.planning.models import PlanSettings
from govcap.planning.services import generate
from govcap.reports import documents
from tests.planning.test_plan_page_path import text_of
from tests.planning.test_plan_views import planned, url  # noqa: F401
from tests.reports.helpers import normalise
from tests.reports.test_demo_confidential import docx_text, xlsx_text


@pytest.fixture
def dated(planned, monkeypatch):  # noqa: F811
    monkeypatch.setattr(inputs_db, "plan_date", lambda: dt.date(2026, 12, 4))
    PlanSettings.objects.filter(engagement=planned.engagement).update(start_month="2026-06")
    planned.plan = generate(planned.engagement, planned.coordinator)
    return planned


def pdf_text(data: bytes) -> str:
    return subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()


def test_every_format_gives_the_same_day_for_the_names_and_none_before_the_plan(client, dated):
    months = {c["month"] for c in dated.plan.data["cohorts"] if c["month"]}
    assert min(months) == "2027-02"  # 29 Jan 2027 is 8 weeks on: February is the first month
    docx = normalise(docx_text(documents.render(dated.plan, "docx")))
    assert "Names due by" in docx and "4 January 2027" in docx
    brief = normalise(docx_text(documents.render(dated.plan, "brief-docx")))
    assert ("Ask each organisation to name its participants by 4 January 2027 for the courses of "
            "February 2027") in brief
    xlsx = normalise(xlsx_text(documents.render(dated.plan, "xlsx")))
    assert "Names due by" in xlsx
    client.force_login(dated.viewer)
    page = " ".join(text_of(client.get(url("plan", dated)).content.decode()).split())
    assert "February 2027 Names due by" in page
    # each course's day in the workbook: after the plan's date, before its month begins
    book = load_workbook(io.BytesIO(documents.render(dated.plan, "xlsx")))
    rows = list(book["Cohorts"].iter_rows(values_only=True))
    month, due = rows[0].index("Month"), rows[0].index("Names due by")
    checked = 0
    for row in rows[1:]:
        if isinstance(row[month], dt.datetime):
            day = row[due].date()  # a date cell (it was the day's text)
            assert dt.date(2026, 12, 4) < day < row[month].date(), row
            assert f"{day.day} {day:%B %Y}" in docx  # the plan document gives the same day
            checked += 1
    assert checked == len([c for c in dated.plan.data["cohorts"] if c["month"]]) > 0
    assert dt.datetime(2027, 1, 4) in [row[due] for row in rows[1:]]
    if shutil.which("pdftotext"):
        pdf = normalise(" ".join(pdf_text(documents.render(dated.plan, "pdf")).split()))
        assert "4 January 2027" in pdf


def test_the_documents_state_the_lead_time_and_why_the_start_moved(dated):
    docx = normalise(docx_text(documents.render(dated.plan, "docx")))
    assert ("At least 8 weeks between the plan's date (4 December 2026) and the first course, for "
            "the organisations to name and release their participants: no course before "
            "February 2027") in docx
    # the coordinator's start month, stale, is not said to a ministry (issue 14, fresh eyes)
    assert "start month in the settings" not in docx
    assert "Training starts at least 8 weeks after the plan's date (4 December 2026)" in docx
