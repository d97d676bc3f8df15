"""The whole plan's "Per organisation" sheet computes each share from the unit rates (issue
14): its shares were typed numbers beside an organisation workbook whose shares are formulas;
now each is a formula over the "Budget lines" and "Unit rates" sheets — a shared line's
proportion rounded to the cent, plus the cent the largest remainder gives it, typed in its
own column as the organisation's workbook shows it — equal, evaluated, to the PDF's figure,
and a donor who changes a unit rate sees every share follow."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from govcap.cells import neutralise
from govcap.reports.plan import render_plan
from tests.reports.formulas import cents, evaluate
from tests.reports.helpers import catalogue, context
from tests.reports.test_cost_workbook import costed


def _book():
    return load_workbook(io.BytesIO(render_plan(costed(), context("en"), "xlsx",
                                                catalogue=catalogue("en"))))


def test_every_share_is_a_formula_equal_to_the_cent_of_the_documents() -> None:
    plan, book = costed(), _book()
    ws = book["Per organisation"]
    heads = [c.value for c in ws[1]]
    assert heads[5:9] == ["Participants", "Share", "Cohort's participants",
                          "Rounding (largest remainder)"]
    names = {o.org_id: neutralise(o.org_name) for o in plan.organisations}  # as written
    by_name: dict[str, int] = {}
    rows = list(ws.iter_rows(min_row=2))
    for row in rows[:-1]:
        share = row[6].value
        assert isinstance(share, str) and share.startswith("="), (row[0].value, share)
        by_name[row[0].value] = by_name.get(row[0].value, 0) + cents(
            evaluate(book, ws.title, share))
    assert by_name == {names[o]: v for o, v in plan.budget.by_org.items()}
    # each organisation's share of each cohort, to the cent
    members = {(names[m.org_id], c.module_code): m.cost_cents for c in plan.cohorts
               for m in c.members if c.status == "scheduled" and c.month}
    for row in rows[:-1]:
        if row[1].value:
            assert cents(evaluate(book, ws.title, row[6].value)) == members[
                (row[0].value, row[1].value)]
    assert any(row[8].value for row in rows[:-1])  # a cent the rounding left, shown
    assert cents(evaluate(book, ws.title, rows[-1][6].value)) == plan.budget.total_cents


def test_a_changed_unit_rate_moves_the_shares_that_use_it() -> None:
    book = _book()
    rates = book["Unit rates"]
    venue = next(r for r in rates.iter_rows(min_row=2) if r[1].value == "venue-day")
    ws = book["Per organisation"]
    before = cents(evaluate(book, ws.title, ws.cell(ws.max_row, 7).value))
    venue[2].value = venue[2].value + 100
    after = cents(evaluate(book, ws.title, ws.cell(ws.max_row, 7).value))
    assert after > before
