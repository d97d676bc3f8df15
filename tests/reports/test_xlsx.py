"""The XLSX plan: sheets, headers, numbers as numbers, neutralised formulas."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from govcap.reports.labels import Labels
from govcap.reports.load import WORDS
from tests.reports.formulas import cents, evaluate
from tests.reports.helpers import FORMULA_NAME, SCRIPT_NAME, plan

SHEETS = ("sheet.plan", "sheet.needs", "sheet.cohorts", "sheet.schedule", "sheet.budget",
          "sheet.orgs")
HEADERS = {
    "sheet.needs": ("col.organisation", "col.module", "col.title", "col.status", "col.evidence"),
    "sheet.cohorts": ("col.cohort", "col.month", "col.module", "col.participants", "col.cost"),
    "sheet.schedule": ("col.module", "col.title"),
    "sheet.budget": ("col.module", "col.title", "col.domain", "col.cohorts", "col.amount"),
    "sheet.orgs": ("col.organisation", "col.module", "col.month", "col.share"),
}


def book(data: bytes):
    return load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_sheets_and_headers_are_in_the_language(render, language):
    wb = book(render("xlsx", language))
    labels = Labels(language)
    assert wb.sheetnames == [labels[key] for key in SHEETS] + [Labels(language, WORDS)["sheet"]]
    for key, columns in HEADERS.items():
        header = [c.value for c in wb[labels[key]][1]]
        for column in columns:
            assert labels[column] in header, (key, column)
    # months named in full in the reader's language, not "2026-03"
    assert labels.month("2026-03") in [c.value for c in wb[labels["sheet.schedule"]][1]]


@pytest.mark.parametrize(("language", "org"), [("en", None), ("fr", None), ("en", "org-b")])
def test_budget_amounts_are_numbers_that_add_up(render, language, org):
    wb = book(render("xlsx", language, org))
    ws = wb[Labels(language)["sheet.budget"]]
    rows = list(ws.iter_rows(min_row=2))
    amounts = [cents(evaluate(wb, ws.title, f"={row[5].coordinate}")) for row in rows[:-1]]
    assert all("0.00" in row[5].number_format for row in rows)
    expected = plan().budget.total_cents if org is None else plan().budget.by_org[org]
    assert sum(amounts) == expected
    assert rows[-1][0].value == Labels(language)["total"]
    assert cents(evaluate(wb, ws.title, f"={rows[-1][5].coordinate}")) == expected


def test_the_organisation_sheet_adds_up_to_each_share(render):
    ws = book(render("xlsx", "en"))[Labels("en")["sheet.orgs"]]
    by_org: dict[str, float] = {}
    for row in list(ws.iter_rows(min_row=2, values_only=True))[:-1]:
        by_org[row[0]] = by_org.get(row[0], 0) + row[6]  # shares stay numbers
    names = {o.org_id: o.org_name for o in plan().organisations}
    for org_id, share in plan().budget.by_org.items():
        name = names[org_id]
        shown = "'" + name if name.startswith("=") else name
        assert round(by_org[shown] * 100) == share


def test_formula_names_are_neutralised(render):
    wb = book(render("xlsx", "en"))
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # the workbook's own sums, never a name
                    assert FORMULA_NAME not in cell.value and "HYPERLINK" not in cell.value
                values.append(cell.value)
    assert "'" + FORMULA_NAME in values and FORMULA_NAME not in values
    assert any(isinstance(v, str) and SCRIPT_NAME in v for v in values)
