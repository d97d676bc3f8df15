"""The schedule's "Cohorts run from … to …" spans the courses' cohorts (issue 14, fresh
eyes): Kenya's follow-up said "from February 2027 to May 2027" while its last class ran in
March and April and May held coaching only, which the same sentence says is not a cohort."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule
from govcap.reports.build_parts import schedule
from govcap.reports.labels import Labels
from govcap.reports.module_count import is_class
from govcap.reports.scope import Scope
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, org_rows
from tests.reports.helpers import context


def test_the_span_of_cohorts_leaves_the_coaching_after_the_courses_out() -> None:
    rows = [row for org in ("moh", "moe", "mof")
            for row in org_rows(org, {"digital-strategic-plan": Level.BASIC})]
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"),
                         (AddModule("a1", "moh", "POL-901"),))
    s = Scope(plan, context("en"), CATALOGUE, Labels("en"))
    courses = sorted(m for c in s.cohorts if is_class(s, c) for m in (c.month, c.last_month) if m)
    coaching = [c for c in s.cohorts if not is_class(s, c)]
    assert courses and coaching and max(c.last_month or c.month for c in coaching) > courses[-1]
    opening = schedule(s).blocks[0].text
    L = Labels("en")
    assert opening.startswith(f"Cohorts run from {L.month(courses[0])} to "
                              f"{L.month(courses[-1])};"), opening
