"""The donor's programme workbook can be checked with its own formulas (issue 14): each plan's
cost beside its currency and the rate it states, the converted cost ``=ROUND(cost/rate,2)``,
and every money total a ``SUM`` of its rows — equal, evaluated, to the document's figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from govcap.reports.model import Money
from govcap.reports.plan import render_document
from govcap.reports.programme import CountryPlan, build_programme
from tests.reports.formulas import cents, evaluate
from tests.reports.helpers import plan as base_plan
from tests.reports.test_programme_earlier_delivered import _plans, _table

pytestmark = pytest.mark.django_db


def _programme():
    earlier, latest, _done = _plans()
    data = base_plan()
    settings = {**data.settings, "constraints": {**data.settings.get("constraints", {}),
                                                 "exchange_rate": 177.721}}
    budget = dataclasses.replace(data.budget, currency="DJF")
    djibouti = CountryPlan("Djibouti", "Djibouti — baseline 2026", "baseline 2026", 2,
                           dt.date(2026, 10, 1),
                           dataclasses.replace(data, settings=settings, budget=budget),
                           records={})
    document = build_programme([djibouti, latest], "Programme", "en", [], earlier=[earlier])
    return document, load_workbook(io.BytesIO(render_document(document, "xlsx")))


def test_each_plan_s_cost_is_converted_by_a_formula_at_the_rate_it_states() -> None:
    document, book = _programme()
    ws = book["Plans by country"]
    heads = [c.value for c in ws[1]]
    assert heads[8:12] == ["Cost", "Currency", "Exchange rate (plan currency per USD)",
                           "Cost (USD)"]
    summary = _table(document, "summary")
    rows = list(ws.iter_rows(min_row=2))
    for row, said in zip(rows[:-1], summary.rows, strict=True):
        n = row[0].row
        assert row[11].value == f"=ROUND(I{n}/K{n},2)"
        assert isinstance(said[9], Money)
        assert cents(evaluate(book, ws.title, row[11].value)) == said[9].cents  # the PDF's
    assert [(r[0].value, r[9].value, r[10].value) for r in rows[:-1]] == [
        ("Djibouti", "DJF", 177.721), ("Kenya", "USD", 1), ("Kenya", "USD", 1)]
    total = rows[-1]
    assert total[0].value == "Total" and total[11].value == f"=SUM(L2:L{len(rows)})"
    stated = summary.total[9]
    assert isinstance(stated, Money)
    assert cents(evaluate(book, ws.title, total[11].value)) == stated.cents
    assert str(total[13].value).startswith("=SUM(N2:")


def test_the_domain_total_is_the_sum_of_its_rows_and_the_document_s_total() -> None:
    document, book = _programme()
    ws = book["Training by domain"]
    total = list(ws.iter_rows())[-1]
    assert total[0].value == "Total"
    formula = total[-1].value
    assert str(formula).startswith("=SUM(")
    stated = _table(document, "summary").total[9]
    assert isinstance(stated, Money)
    assert cents(evaluate(book, ws.title, formula)) == stated.cents


def test_a_donor_reads_the_sheets_with_room_for_their_figures() -> None:
    _document, book = _programme()
    for name in ("Plans by country", "Training by domain", "Cohorts by quarter"):
        ws = book[name]
        assert ws.freeze_panes == "A2", name
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert min(widths) >= 8, (name, widths)
    ws = book["Plans by country"]
    money = [c.number_format for c in list(ws.iter_rows(min_row=2))[0][8:12]]
    assert money[2] == "0.0#####"  # 177.721 shown whole, not as 177.72
    assert "DJF" in money[0] and ("USD" in money[3] or "$" in money[3]), money


def test_count_totals_are_sums_of_the_rows_and_the_delivered_row_is_counted() -> None:
    # the totals were typed numbers; the row of an earlier round's delivered courses left
    # its organisations and gaps blank (issue 14)
    document, book = _programme()
    ws = book["Plans by country"]
    rows = list(ws.iter_rows(min_row=2))
    summary = _table(document, "summary")
    delivered = next(r for r in summary.rows if "courses delivered" in str(r[2]))
    assert isinstance(delivered[3], int) and delivered[3] > 0
    assert isinstance(delivered[4], int) and delivered[4] > 0
    total, last = rows[-1], len(rows)
    for index, column in ((3, "D"), (4, "E"), (5, "F"), (6, "G"), (12, "M")):
        formula = total[index].value
        assert str(formula).startswith(f"=SUM({column}2:{column}{last})"), formula
        said = summary.total[index if index < 9 else index - 2]
        assert int(evaluate(book, ws.title, formula)) == said  # the PDF's total
    # a donor who edits a row sees the total follow
    ws["F2"] = ws["F2"].value + 5
    assert int(evaluate(book, ws.title, total[5].value)) == summary.total[5] + 5
    notes = " ".join(str(r[0].value) for r in book["Notes"].iter_rows())
    assert "An earlier round's row counts the organisations its delivered courses" in notes
    domains = book["Training by domain"]
    foot = list(domains.iter_rows())[-1]
    assert all(str(c.value).startswith("=SUM(") for c in foot[1:])


def test_each_plan_s_estimate_of_needs_not_placed_is_its_lines_quantity_times_rate() -> None:
    # it was a typed figure; each need not placed is now its lines (materials, allowance,
    # travel, the follow-up coaching) at the plan's unit rates, summed and converted
    document, book = _programme()
    ws = book["Plans by country"]
    summary = _table(document, "summary")
    lines = book["Needs not placed"]
    assert [c.value for c in lines[1]][4:] == ["Line", "Quantity", "Unit rate", "Amount"]
    for row in list(lines.iter_rows(min_row=2)):
        n = row[0].row
        assert row[7].value == f"=F{n}*G{n}"
    computed = 0
    for row, said in zip(list(ws.iter_rows(min_row=2))[:-1], summary.rows, strict=True):
        formula = row[13].value
        # (Djibouti's here: a rate the test changed after costing, its lines do not give
        # its estimate — it keeps the typed figure)
        if isinstance(said[11], Money) and said[11].cents and row[0].value == "Kenya":
            assert str(formula).startswith("=ROUND(SUM('Needs not placed'!H"), formula
            assert cents(evaluate(book, ws.title, formula)) == said[11].cents  # the PDF's
            computed += 1
    assert computed
    total = list(ws.iter_rows(min_row=2))[-1]
    stated = summary.total[11]
    assert isinstance(stated, Money)
    assert cents(evaluate(book, ws.title, total[13].value)) == stated.cents
