"""E-learning is costed as what it is (issue 14, cost model): self-paced lessons on a
platform with a tutor who answers by message. The rate card costed it as a course in a
room — a lead trainer and a co-trainer for each of its two days (2 × 450 + 2 × 250 USD in
Kenya) and printed materials — so the Somalia baseline's e-learning alternatives read 1,805 and
1,840 USD for three people. It is now the catalogue's price per participant and day of
study (15 USD: 3 people × 2 days = 90 USD), with no trainer, venue, materials, allowance or
travel; the documents' budget chapter and workbook say so and recompute it."""

from __future__ import annotations

import dataclasses
import io
from functools import cache

from openpyxl import load_workbook

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.budget import need_cents
from govcap.planning.core.edits import AddModule, DropModule
from govcap.planning.core.plan import SCHEDULED, PlanData
from govcap.planning.core.ratecard import country_rate_card
from govcap.reports.build import build_document
from govcap.reports.model import Para, Table
from govcap.reports.plan import render_plan
from govcap.scale import Level
from tests.reports.formulas import evaluate
from tests.reports.helpers import catalogue, context
from tests.reports.helpers import plan as base_plan

from .helpers import CATALOGUE, ROOMY, org_rows

KE = country_rate_card("KE", "2026-12-04")


@cache
def _plan() -> PlanData:
    """One organisation given CHG-904 (e-learning, 2 days, 15 USD per participant-day)
    instead of its two change-management courses; another with an ordinary course."""
    rows = (org_rows("online", {"change-management": Level.BASIC})
            + org_rows("a", {"project-execution": Level.BASIC})
            + org_rows("b", {"project-execution": Level.BASIC}))
    edits = (AddModule("a1", "online", "CHG-904"), DropModule("d1", "online", "CHG-101"),
             DropModule("d2", "online", "CHG-102"))
    constraints = Constraints("2027-02", participants_per_org=3, rate_card=KE,
                              **ROOMY)  # type: ignore[arg-type]
    made = generate_plan(rows, CATALOGUE, Targets(), constraints, edits)
    return dataclasses.replace(made, extra=base_plan().extra)


def _elearning():
    (cohort,) = [c for c in _plan().cohorts if c.module_code == "CHG-904"]
    return cohort


def test_e_learning_costs_the_catalogue_price_per_participant_day_and_nothing_of_a_room():
    cohort = _elearning()
    assert cohort.status == SCHEDULED
    lines = [line for line in _plan().budget.lines if line.cohort_id == cohort.cohort_id]
    assert [(line.rate, line.quantity, line.unit_cents) for line in lines] == [
        ("e-learning-day", 3 * 2, 15_00)]
    assert cohort.cost_cents == 90_00  # was 1,475 USD: two trainers' days and materials
    # the course beside it is still costed with trainers, a venue and allowances
    course = {line.rate for line in _plan().budget.lines if line.module_code == "PRJ-101"}
    assert {"lead-trainer-in-person", "venue-day", "allowance-day"} <= course


def test_the_e_learning_alternative_costs_the_same_as_when_scheduled():
    module = CATALOGUE.by_code["CHG-904"]
    constraints = Constraints("2027-02", rate_card=KE)
    assert need_cents(module, 3, constraints, whole_course=True) == 90_00
    assert need_cents(module, 3, constraints) == 90_00


def test_the_budget_chapter_says_how_e_learning_is_costed():
    document = build_document(_plan(), context("en"), catalogue("en"))
    said = " ".join(b.text for b in _blocks(document) if isinstance(b, Para))
    assert "E-learning is self-paced" in said and "no trainer days" in said
    rows = [row for b in _blocks(document) if isinstance(b, Table) for row in b.rows]
    line = next(r for r in rows if "E-learning, per participant-day of study" in str(r[1]))
    assert str(line[0]) == "E-learning (platform licence and tutor)"


def _blocks(document):
    for section in document.sections:
        yield from section.blocks


def test_the_workbook_recomputes_the_e_learning_line():
    book = load_workbook(io.BytesIO(render_plan(_plan(), context("en"), "xlsx",
                                                catalogue=catalogue("en"))))
    ws = book["Budget lines"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[4].value == "CHG-904")
    assert row[2].value == "E-learning, per participant-day of study (catalogue or engagement rate)"
    assert (row[6].value, row[8].value) == (6, 15)
    assert evaluate(book, ws.title, row[9].value) == 90
