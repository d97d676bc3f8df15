"""The budget's quantities said what they count wrongly: Kenya's follow-up coaching read "27
organisations" where 10 were engaged (an organisation's coaching after each of its courses:
organisation-and-course pairs), and "Lead trainer, day in person: 34 trainer-days" beside
"Co-trainer: 10" counted 24 days of a coach at the workplace with no line of their own. The
coach's days have their own line (at the lead trainer's day rate, the same unit-rate cell in
the workbook), and the coaching counts assignments — alike in the PDF/DOCX table and the
workbook, whose formulas stay the PDF's to the cent."""

from __future__ import annotations

import dataclasses
import io

from openpyxl import load_workbook

from govcap.reports.build import build_document
from govcap.reports.model import Table
from govcap.reports.plan import render_plan
from tests.reports.formulas import evaluate
from tests.reports.helpers import catalogue, context
from tests.reports.test_cost_workbook import costed


def _coached():
    """The costed plan with one cohort taught as coaching is: a lead trainer's (a coach's)
    days and no co-trainer."""
    data = costed()
    lines = data.budget.lines
    cohort = next(line.cohort_id for line in lines if line.rate.startswith("lead-trainer"))
    kept = tuple(line for line in lines
                 if not (line.cohort_id == cohort and line.rate.startswith("co-trainer")))
    coach = [line for line in kept if line.cohort_id == cohort
             and line.rate.startswith("lead-trainer")]
    return dataclasses.replace(data, budget=dataclasses.replace(data.budget, lines=kept)), coach


def _table(document) -> Table:
    return next(b for section in document.sections for b in section.blocks
                if isinstance(b, Table) and b.columns[1].label == "Line")


def test_coach_days_and_coaching_assignments_are_said_as_what_they_count() -> None:
    data, coach = _coached()
    rows = _table(build_document(data, context("en"), catalogue("en"))).rows
    days = sum(line.quantity for line in coach)
    said = next(r for r in rows if str(r[1]).startswith("Coach, day"))
    assert said[1] == "Coach, day at the workplace (lead trainer's day rate)"
    assert said[3] == f"{days} coach-days"
    assert said[4].cents == sum(line.amount_cents for line in coach)
    lead = [r for r in rows if str(r[1]).startswith("Lead trainer, day in person")]
    lead_days = sum(line.quantity for line in data.budget.lines
                    if line.rate == "lead-trainer-in-person") - days
    assert [r[3] for r in lead] == [f"{lead_days} trainer-days"]  # the courses' only
    coaching = [line for line in data.budget.lines if line.rate == "coaching"]
    assert coaching
    coached = next(r for r in rows if r[1] == "Follow-up coaching, per organisation and course")
    assert coached[3] == (f"{sum(line.quantity for line in coaching)} coaching assignments "
                          "(organisation × course)")
    # the workbook: the coach's line at the lead trainer's rate cell, to the cent
    book = load_workbook(io.BytesIO(render_plan(data, context("en"), "xlsx",
                                                catalogue=catalogue("en"))))
    ws = book["Budget lines"]
    cells = [r for r in ws.iter_rows(min_row=2) if str(r[2].value).startswith("Coach, day")]
    assert len(cells) == len(coach)
    lead_cell = next(r[8].value for r in ws.iter_rows(min_row=2)
                     if r[2].value == "Lead trainer, day in person")
    for row, line in zip(cells, coach, strict=True):
        assert row[8].value == lead_cell and row[7].value == "coach-days"
        assert round(evaluate(book, ws.title, row[9].value) * 100) == line.amount_cents
    assert {r[7].value for r in ws.iter_rows(min_row=2) if r[2].value and
            str(r[2].value).startswith("Follow-up coaching")} == {
        "coaching assignments (organisation × course)"}
