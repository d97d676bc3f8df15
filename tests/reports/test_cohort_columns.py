"""Every "Cohorts" column counts cohorts as module_count does (issue 14): the courses'
cohorts; coaching, on-the-job projects and e-learning are not cohorts. The month-by-month
table, the budget by module (PDF, DOCX and the workbook's Budget sheet) and the donor's
"Plans by country" and "Cohorts by quarter" counted a coaching as a cohort, beside key
figures that did not."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule
from govcap.reports import module_count, sheets
from govcap.reports.build_parts import budget, month_table
from govcap.reports.labels import Labels
from govcap.reports.model import Table
from govcap.reports.programme import CountryPlan, build_programme
from govcap.reports.scope import Scope
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, org_rows
from tests.reports.helpers import context


def _plan():
    rows = [row for org in ("moh", "moe", "mof")
            for row in org_rows(org, {"digital-strategic-plan": Level.BASIC})]
    return generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"),
                         (AddModule("a1", "moh", "POL-901"),))


def _scope():
    return Scope(_plan(), context("en"), CATALOGUE, Labels("en"))


def test_the_plan_s_cohort_columns_leave_coaching_out() -> None:
    s = _scope()
    courses, classes, interventions = module_count.counted(s)
    assert interventions == 1 and classes < len(s.cohorts)  # a coaching beside the courses
    table = month_table(s)
    assert table.total is not None and table.total[1] == classes
    assert sum(r[1] for r in table.rows if isinstance(r[1], int)) == classes
    by_module = next(b for b in budget(s).blocks if isinstance(b, Table)
                     and len(b.columns) > 2 and b.columns[2].label == "Cohorts")
    coaching = next(r for r in by_module.rows if r[0] == "POL-901")
    assert coaching[2] == "–"
    assert by_module.total is not None and by_module.total[2] == classes
    sheet = sheets.budget(s).table
    assert next(r for r in sheet.rows if r[0] == "POL-901")[3] == ""
    assert sheet.total is not None and sheet.total[3] == classes


@pytest.mark.django_db
def test_the_programme_counts_the_courses_cohorts_only() -> None:
    data = _plan()
    s = Scope(data, context("en"), CATALOGUE, Labels("en"))
    _courses, classes, _ = module_count.counted(s)
    plan = CountryPlan("Kenya", "Kenya — follow-up", "follow-up 2026", 1, dt.date(2026, 12, 1),
                       data, records={})
    document = build_programme([plan], "Programme", "en", [])
    summary = next(b for b in document.sections[0].blocks if isinstance(b, Table))
    assert summary.rows[0][5] == classes and summary.total is not None \
        and summary.total[5] == classes
    timeline = next(b for b in document.sections[2].blocks if isinstance(b, Table))
    assert sum(v for r in timeline.rows for v in r[2:] if isinstance(v, int)) == classes
