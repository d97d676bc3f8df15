"""The budget as a donor reads it: the rate card cited, each category with its unit rate and
quantity, what is not included — and a workbook whose formulas recompute every cent."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from decimal import Decimal
from functools import cache

from openpyxl import load_workbook

from govcap.planning import generate_plan, load_catalogue
from govcap.planning.core.plan import PlanData
from govcap.planning.core.ratecard import country_rate_card
from govcap.reports.build import build_document
from govcap.reports.model import Table
from govcap.reports.plan import render_plan
from tests.reports.formulas import evaluate
from tests.reports.helpers import ORGS, catalogue, context, normalise
from tests.reports.helpers import plan as base_plan


@cache
def costed() -> PlanData:
    """The helpers' engagement costed with Kenya's card."""
    from govcap.planning import Constraints, Targets
    from tests.planning.helpers import org_rows

    rows = []
    for org_id, name, levels in ORGS:
        rows += org_rows(org_id, levels, name=name)
    made = generate_plan(rows, load_catalogue(),
                         Targets(strategic_sections=frozenset({"enterprise-architecture"})),
                         Constraints(start_month="2026-03", participants_per_org=4,
                                     rate_card=country_rate_card("KE", "2026-03-01")))
    return dataclasses.replace(made, extra=base_plan().extra)


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def _book():
    data = render_plan(costed(), context("en"), "xlsx", catalogue=catalogue("en"))
    return load_workbook(io.BytesIO(data))


def test_the_workbook_recomputes_every_line_and_the_total_from_the_unit_rates() -> None:
    book = _book()
    ws = book["Budget lines"]
    budget = costed().budget
    rows = list(ws.iter_rows(min_row=2))
    lines = rows[:len(budget.lines)]
    for row, line in zip(lines, budget.lines, strict=True):
        assert row[9].value == f"=G{row[0].row}*I{row[0].row}"
        if line.rate not in ("course-day", "course-cohort"):
            assert str(row[8].value).startswith("='Unit rates'!$C$")  # over the card's cell
        assert _cents(evaluate(book, ws.title, row[9].value)) == line.amount_cents
        assert row[6].value == line.quantity
    subtotal, contingency, total = rows[len(budget.lines):]
    assert subtotal[9].value.startswith("=SUM(")
    assert _cents(evaluate(book, ws.title, subtotal[9].value)) == budget.subtotal_cents
    assert _cents(evaluate(book, ws.title, contingency[9].value)) == budget.contingency_cents
    assert _cents(evaluate(book, ws.title, total[9].value)) == budget.total_cents


def _money_column(ws, header: str):
    column = [c.value for c in ws[1]].index(header)
    return [row[column] for row in ws.iter_rows(min_row=2)]


def test_every_amount_of_the_other_sheets_is_computed_from_the_budget_lines() -> None:
    book, plan = _book(), costed()
    cohorts = _money_column(book["Cohorts"], "Cost")
    assert all(str(c.value).startswith("=") for c in cohorts)
    by_id = {c.cohort_id: c for c in plan.cohorts}
    for cell, row in zip(cohorts, book["Cohorts"].iter_rows(min_row=2), strict=False):
        if row[0].value in by_id:
            assert _cents(evaluate(book, "Cohorts", cell.value)) == sum(
                m.cost_cents for m in by_id[row[0].value].members)
    budget = _money_column(book["Budget"], "Amount")
    assert all(str(c.value).startswith("=") for c in budget)
    assert _cents(evaluate(book, "Budget", budget[-1].value)) == plan.budget.total_cents
    shares = _money_column(book["Per organisation"], "Share")
    assert _cents(evaluate(book, "Per organisation", shares[-1].value)) == plan.budget.total_cents


def test_months_are_dates_in_every_sheet() -> None:
    book = _book()
    for name, header in (("Cohorts", "Month"), ("Needs", "Month"),
                         ("Per organisation", "Month")):
        cells = [c for c in _money_column(book[name], header) if c.value]
        assert cells and all(isinstance(c.value, dt.datetime) for c in cells), name
        # the month's whole name, in the document's language (English here)
        assert {c.number_format for c in cells} == {"[$-809]mmmm yyyy"}, name


def test_months_are_dates_shown_as_month_and_year() -> None:
    ws = _book()["Budget lines"]
    cells = [row[0] for row in ws.iter_rows(min_row=2) if row[0].value is not None]
    assert cells and all(isinstance(c.value, dt.datetime) and c.value.day == 1 for c in cells)
    assert all(c.number_format == "[$-809]mmmm yyyy" for c in cells)
    months = {f"{c.value:%Y-%m}" for c in cells}
    assert months == {line.month for line in costed().budget.lines}


def test_the_unit_rates_sheet_is_the_card_in_the_plan_currency() -> None:
    ws = _book()["Unit rates"]
    rates = {row[1]: row[2] for row in ws.iter_rows(min_row=2, values_only=True)}
    for key, cents in costed().budget.unit_rates.items():
        assert round(rates[key] * 100) == cents
    assert rates["contingency-percent"] == 10


def test_the_budget_chapter_cites_the_card_and_says_what_is_in_and_out() -> None:
    document = build_document(costed(), context("en"), catalogue("en"))
    chapter = next(s for s in document.sections if s.key == "budget")
    text = normalise(" ".join(str(getattr(b, "text", "")) for b in chapter.blocks))
    assert "KE 2026.1" in text
    assert f"{catalogue('en').title} version {costed().catalogue_version}" in text
    assert "Indicative planning figures" in text and "lead trainer and a co-trainer" in text
    table = next(b for b in chapter.blocks if isinstance(b, Table)
                 and b.columns[0].label == "Category")
    labels = {row[0] for row in table.rows}
    assert {"Trainers", "Venue", "Materials", "Participant daily allowance",
            "Participant travel", "Follow-up coaching", "Reassessment sessions"} <= labels
    assert table.total[-1].cents == costed().budget.total_cents
    assert sum(r[-1].cents for r in table.rows if r[0] not in ("Subtotal",)) \
        == costed().budget.total_cents
    bullets = " ".join(" ".join(b.items) for b in chapter.blocks if hasattr(b, "items"))
    assert "Not included" in bullets
    assumptions = next(s for s in document.sections if s.key == "assumptions")
    said = " ".join(" ".join(b.items) for b in assumptions.blocks if hasattr(b, "items"))
    assert "rate card KE 2026.1" in said and "Follow-up coaching" in said
    assert "Not included: participants' allowances" not in said  # the old exclusion is gone


def test_an_organisation_sees_its_share_by_category() -> None:
    document = build_document(costed(), context("en", "org-a"), catalogue("en"))
    chapter = next(s for s in document.sections if s.key == "budget")
    table = next(b for b in chapter.blocks if isinstance(b, Table)
                 and b.columns[0].label == "Category")
    assert table.total[-1].cents == costed().budget.by_org["org-a"]


def test_a_french_plan_says_its_budget_in_french() -> None:
    document = build_document(costed(), context("fr"), catalogue("fr"))
    chapter = next(s for s in document.sections if s.key == "budget")
    text = normalise(" ".join(str(getattr(b, "text", "")) for b in chapter.blocks))
    assert "Chiffré avec la grille tarifaire KE 2026.1" in text
    assert "Chiffres indicatifs" in text and "Indicative planning" not in text
    assert "Each course day" not in text
