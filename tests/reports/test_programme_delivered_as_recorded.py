"""The donor's programme said "USD 62,100.50 paid for the 6 cohorts that earlier rounds
delivered … 81 participant places" for Kenya's baseline: the plan's cost with its
contingency and its planned seats, where its delivery records add up to USD 55,840.74, 77
nominated and 55 completed. A delivered course is counted as its delivery records it (the
cost spent, the participants nominated); one without a record as planned, and said so — in
the PDF/DOCX text and the workbook alike."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from govcap.planning.core.plan import SCHEDULED
from govcap.reports.course_states import Recorded
from govcap.reports.delivered_figures import Actual
from govcap.reports.model import Money, Table
from govcap.reports.plan import render_document
from govcap.reports.programme import CountryPlan, build_programme
from tests.reports.helpers import plan as base_plan

pytestmark = pytest.mark.django_db


def recorded(done, recorded_all: bool) -> tuple[dict, dict]:
    """Two courses delivered: both completed, the first with its cost and participants
    recorded, the second too when ``recorded_all``."""
    records = {c.cohort_id: Recorded("completed", c.month or "") for c in done}
    actuals = {done[0].cohort_id: Actual(123_456, 11, 8)}
    if recorded_all:
        actuals[done[1].cohort_id] = Actual(98_765, 7, 6)
    return records, actuals


def _document(recorded_all: bool):
    data = base_plan()
    done = [c for c in data.cohorts if c.status == SCHEDULED and c.month][:2]
    records, actuals = recorded(done, recorded_all)
    earlier = CountryPlan("Kenya", "Kenya — baseline 2025", "baseline 2025", 1,
                          dt.date(2025, 4, 30), data, records=records, actuals=actuals)
    latest = CountryPlan("Kenya", "Kenya — follow-up 2026", "follow-up 2026", 1,
                         dt.date(2026, 11, 2), base_plan(), records={})
    return build_programme([latest], "Programme", "en", [], earlier=[earlier]), done, latest


def _summary(document) -> Table:
    return next(b for b in document.sections[0].blocks if isinstance(b, Table))


def test_a_delivered_round_is_counted_at_its_recorded_cost_and_participants() -> None:
    document, _done, latest = _document(recorded_all=True)
    row = _summary(document).rows[0]
    assert row[2].endswith("courses delivered, as recorded")
    assert isinstance(row[9], Money) and row[9].cents == 123_456 + 98_765  # no contingency
    assert row[6] == 11 + 7  # nominated, not the planned places
    total = _summary(document).total
    assert total[9].cents == latest.data.budget.total_cents + 123_456 + 98_765
    assert total[6] == latest.places + 18
    lead = document.sections[0].blocks[0].text.replace("\xa0", " ")
    assert ("Of this, USD 2,222.21 is the cost recorded for the 2 cohorts that earlier "
            "rounds delivered: Kenya — baseline 2025") in lead
    assert "Their delivery records count 18 participants nominated, 14 of whom completed." \
        in lead
    domains = next(b for b in document.sections[1].blocks if isinstance(b, Table))
    assert domains.total[1] == total[6] and domains.total[-1] == total[9]


def test_a_course_without_a_record_is_counted_as_planned_and_said_so() -> None:
    document, done, _latest = _document(recorded_all=False)
    row = _summary(document).rows[0]
    assert row[2].endswith("as recorded; 1 cohort with no record counted as planned")
    planned = done[1].cost_cents
    assert row[6] == 11 + sum(m.participants for m in done[1].members)
    lead = document.sections[0].blocks[0].text.replace("\xa0", " ")
    assert "USD 1,234.56 recorded as spent" in lead
    assert "planned for the 1 cohort whose cost is not recorded" in lead
    assert row[9].cents >= 123_456 + planned  # the planned course with its contingency
    # the workbook: the same figures, its notes saying which part is recorded
    book = load_workbook(io.BytesIO(render_document(document, "xlsx")))
    notes = " ".join(str(c.value) for r in book.worksheets[0].iter_rows() for c in r
                     if c.value).replace("\xa0", " ")
    assert "USD 1,234.56 recorded as spent" in notes
    assert "a course with no record is counted as planned" in notes
    sheet = book.worksheets[1]
    assert "counted as planned" in str(sheet["C2"].value)
    assert sheet["G2"].value == row[6]
