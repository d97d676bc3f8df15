"""An approved plan's documents read after its date say what became of its courses from the
delivery records, and say on which day: Djibouti's plan of 30 April 2026 said "due November
2026, not recorded as run" with nothing saying when that was true, and Kenya's baseline said
"Scheduled July 2025" of courses its records have as delivered (issue 14, fresh eyes)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import subprocess

import openpyxl
import pytest

from govcap.planning.core.plan import SCHEDULED
from govcap.reports.brief import build_brief
from govcap.reports.build import build_document
from govcap.reports.course_states import Recorded
from govcap.reports.labels import Labels
from govcap.reports.plan import render_brief, render_plan
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, normalise, plan
from tests.reports.test_docx import docx_text

pytestmark = pytest.mark.django_db

READ_ON = dt.date(2026, 12, 5)  # the plan is of 1 March 2026


def _approved(today: dt.date = READ_ON, records: dict | None = None):
    data = plan()
    first = sorted((c for c in data.cohorts if c.status == SCHEDULED and c.month),
                   key=lambda c: (c.month, c.module_code))[0]
    if records is None:  # its first course ran on its days; the others have no record
        records = {first.cohort_id: Recorded("completed", first.month or "",
                                             dt.date(2026, 3, 9), dt.date(2026, 3, 11))}
    ctx = dataclasses.replace(context(), status="approved", version=1, today=today,
                              records=records)
    return data, ctx, first


def _xlsx_rows(data: bytes, sheet: str) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [tuple(r) for r in book[sheet].iter_rows(values_only=True)]


def _pdf_text(data: bytes) -> str:
    return normalise(subprocess.run(["pdftotext", "-raw", "-", "-"], input=data,
                                    capture_output=True, check=True).stdout.decode())


def test_every_format_says_the_day_the_states_are_read_on_beside_the_plans_date():
    data, ctx, _first = _approved()
    said = "Status of courses as of 5 December 2026"
    document = build_document(data, ctx, catalogue("en"))
    assert ("Status of courses as of", "5 December 2026") in document.cover
    assert "Status of courses as of 5 December 2026" in normalise(
        docx_text(render_plan(data, ctx, "docx", catalogue("en"))))
    assert said in _pdf_text(render_plan(data, ctx, "pdf", catalogue("en")))[:3000]  # cover
    about = _xlsx_rows(render_plan(data, ctx, "xlsx", catalogue("en")), "Plan")
    assert ("Status of courses as of", "5 December 2026") in about
    brief = build_brief(data, ctx, catalogue("en"))
    assert brief.subtitle.endswith("1 March 2026 · " + said)  # beside the plan's date
    assert said in _pdf_text(render_brief(data, ctx, "pdf", catalogue("en")))
    assert said in normalise(docx_text(render_brief(data, ctx, "docx", catalogue("en"))))


def test_a_document_read_on_its_own_date_or_a_drafts_says_no_other_day():
    data, ctx, _first = _approved(today=dt.date(2026, 3, 1))
    assert not any(k == "Status of courses as of" for k, _v in
                   build_document(data, ctx, catalogue("en")).cover)
    assert "as of" not in build_brief(data, ctx, catalogue("en")).subtitle
    draft = dataclasses.replace(context(), today=READ_ON)  # proposals: nothing recorded
    assert "as of" not in build_brief(data, draft, catalogue("en")).subtitle


def test_a_course_its_records_have_as_delivered_is_said_delivered_wherever_a_status_is():
    data, ctx, first = _approved()
    scope = Scope(data, ctx, catalogue("en"), Labels("en"))
    assert scope.state(first) == "Delivered 9–11 March 2026"
    module = f"{first.module_code} — "
    pdf = _pdf_text(render_plan(data, ctx, "pdf", catalogue("en")))
    docx = normalise(docx_text(render_plan(data, ctx, "docx", catalogue("en"))))
    for text in (pdf, docx):
        assert "Delivered 9–11 March 2026" in text  # the priorities table and the annex
        annex = [line for line in text.split(module)[1:] if line.startswith(
            scope.module_title(first.module_code))]
        assert annex and all("Scheduled March 2026" not in a[:120] for a in annex)
    cohorts = _xlsx_rows(render_plan(data, ctx, "xlsx", catalogue("en")), "Cohorts")
    status = cohorts[0].index("Status")
    row = next(r for r in cohorts[1:] if r[2] == first.module_code and r[1] is not None)
    assert row[status] == "Delivered 9–11 March 2026"


@pytest.mark.parametrize(("status", "said"), [
    ("in_progress", "Running since 9 December 2026"),
    ("cancelled", "Cancelled"),
    ("merged", "Merged into another course"),
])
def test_running_cancelled_or_merged_as_recorded(status, said):
    data = plan()
    first = sorted((c for c in data.cohorts if c.status == SCHEDULED and c.month),
                   key=lambda c: (c.month, c.module_code))[-1]
    start = dt.date(2026, 12, 9) if status == "in_progress" else None
    month = "2026-12" if status == "in_progress" else (first.month or "")
    _data, ctx, _first = _approved(today=dt.date(2026, 12, 10), records={
        first.cohort_id: Recorded(status, month, start, None)})
    scope = Scope(data, ctx, catalogue("en"), Labels("en"))
    assert scope.state(first) == said


def test_the_cohort_schedule_says_a_delivered_course_as_recorded():
    from govcap.reports.build_parts import cohort_table

    data, ctx, first = _approved()
    scope = Scope(data, ctx, catalogue("en"), Labels("en"))
    table = cohort_table(scope)
    row = next(r for r in table.rows
               if f"{first.module_code} {scope.module_title(first.module_code)}" in r)
    assert "Delivered 9–11 March 2026" in row  # not its month alone, as the late ones are
