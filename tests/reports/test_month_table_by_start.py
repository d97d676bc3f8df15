"""The documents' month-by-month table and the budget by month count each course once, in
the month it starts, with its whole cost (their totals add up); a course whose days run into
later months (coaching, an on-the-job project) showed only in its first month there, while
the timeline showed it in every month, and nothing said the table was by start month."""

from __future__ import annotations

import dataclasses

from govcap.planning.core.inputs import add_months
from govcap.reports.build_parts import gantt_data
from govcap.reports.labels import Labels
from govcap.reports.model import Heading, Para, Table
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context
from tests.reports.helpers import plan as base_plan
from tests.reports.test_fresh_eyes_plan import document


def _spread():
    """The plan with its first course's days over two months (as coaching's are)."""
    plan = base_plan()
    first = next(c for c in plan.cohorts if c.month)
    later = add_months(first.month, 1)
    spread = dataclasses.replace(first, day_months=((first.month, 2), (later, 1)))
    cohorts = tuple(spread if c.cohort_id == first.cohort_id else c for c in plan.cohorts)
    return dataclasses.replace(plan, cohorts=cohorts), spread, later


def test_the_month_table_says_it_counts_a_course_in_its_first_month() -> None:
    plan, spread, later = _spread()
    L = Labels("en")
    doc = document(plan)
    blocks = [b for section in doc.sections for b in section.blocks]
    at = next(i for i, b in enumerate(blocks)
              if isinstance(b, Heading) and b.text == L["h.month_table"])
    note, table = blocks[at + 1], blocks[at + 2]
    assert isinstance(note, Para) and isinstance(table, Table)
    assert note.text.startswith("Each course is counted in the month it starts")
    first_row = next(r for r in table.rows if r[0] == L.month(spread.month))
    assert spread.module_code in str(first_row[2])
    assert not any(r[0] == L.month(later) and spread.module_code in str(r[2])
                   for r in table.rows)
    # the timeline shows the course in both months
    s = Scope(plan, context("en"), catalogue("en"), L)
    data = gantt_data(s)
    row = next(r for r in data.rows if r.label.startswith(spread.module_code))
    months = [data.months[i].replace("\n", " ") for i, _ in row.bars]
    assert L.month(spread.month) in months and L.month(later) in months
    # the budget's table by month says the same
    assert any(isinstance(b, Heading) and b.text == "By the month each course starts"
               for b in blocks)


def test_the_schedule_sheet_shows_coaching_in_each_of_its_months() -> None:
    """The workbook's Schedule sheet showed coaching (2, 1, 1 days over three months) in its
    first month only, while the page's and the PDF's timeline drew it in each month."""
    from govcap.reports.sheets import schedule

    plan, spread, later = _spread()
    L = Labels("en")
    s = Scope(plan, context("en"), catalogue("en"), L)
    sheet = schedule(s)
    header = [c.label for c in sheet.table.columns]
    row = next(r for r in sheet.table.rows if r[0] == spread.module_code)
    people = s.participants(spread)
    assert row[header.index(L.month(spread.month))] == people
    assert row[header.index(L.month(later))] == people
    data = gantt_data(s)  # the timeline says the same months
    bar = next(r for r in data.rows if r.label.startswith(spread.module_code))
    shown = {header.index(L.month(m)) for m in s.months_running(spread)}
    assert len(bar.bars) == len([c for c in row[2:] if c != ""]) >= len(shown) == 2


def test_the_reassessments_are_said_as_such_not_as_a_course_month():
    """Fresh eyes, Kenya's follow-up: "By the month each course starts" listed "August 2027
    USD 2,400.00", the reassessment sessions' month, as if a course started then."""
    from govcap.reports.build_parts import budget as budget_chapter
    from govcap.reports.labels import Labels
    from govcap.reports.model import Heading, Table
    from govcap.reports.scope import Scope
    from tests.reports.helpers import catalogue, context
    from tests.reports.test_cost_workbook import costed

    data = costed()
    sessions = {line.month for line in data.budget.lines if line.category == "reassessment"}
    assert sessions
    scope = Scope(data, context("en"), catalogue("en"), Labels("en"))
    blocks = budget_chapter(scope).blocks
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading)
              and b.text == "By the month each course starts")
    table = next(b for b in blocks[at:] if isinstance(b, Table))
    labels = [str(r[0]) for r in table.rows]
    starts = {scope.L.month(c.month) for c in scope.cohorts}
    assert all(label in starts or label.startswith("Reassessment sessions, ")
               or label == "Contingency" for label in labels), labels
    assert any(label.startswith("Reassessment sessions, ") for label in labels)
