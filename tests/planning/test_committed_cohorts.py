"""A new draft keeps the courses already under way or done (core.committed) where they are,
costs them once and plans only what has not started."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.committed import CommittedCohort
from govcap.scale import Level

from .helpers import CATALOGUE, check_budget, everyone

B = Level.BASIC
ROWS = everyone(6, {"change-management": B, "enterprise-architecture": B})


def _committed(plan, code: str, month: str, status: str = "in_progress") -> CommittedCohort:
    cohort = next(c for c in plan.cohorts if c.module_code == code and c.month)
    return CommittedCohort(cohort.cohort_id, code, cohort.language, month, status,
                           tuple((m.org_id, m.participants) for m in cohort.members), 1)


def test_a_running_course_is_kept_in_its_month_and_not_planned_again() -> None:
    first = generate_plan(ROWS, CATALOGUE, Targets(), Constraints("2026-07"))
    running = _committed(first, "CHG-101", "2026-07")
    later = Constraints("2027-01")  # the new draft's horizon starts after the course began
    second = generate_plan(ROWS, CATALOGUE, Targets(), later, committed=[running])
    kept = [c for c in second.cohorts if c.module_code == "CHG-101"
            and {m.org_id for m in c.members} & {o for o, _ in running.members}]
    assert len(kept) == 1  # not a second CHG-101 for the same organisations
    cohort = kept[0]
    assert (cohort.cohort_id, cohort.month, cohort.delivery, cohort.carried_from) == (
        running.cohort_id, "2026-07", "in_progress", 1)
    # costed once, and said to be committed
    assert second.budget.by_module["CHG-101"] == sum(
        c.cost_cents for c in second.cohorts if c.module_code == "CHG-101" and c.month)
    assert second.budget.committed_cents == cohort.cost_cents > 0
    check_budget(second, later)
    # the step after it, for the same organisations, is planned in the new horizon
    after = [c for c in second.cohorts if c.module_code == "CHG-102" and c.month]
    assert after and all(c.month >= "2027-01" for c in after)


def test_a_prepared_course_in_the_horizon_holds_its_month_and_what_follows_waits() -> None:
    rows = everyone(2, {"change-management": B})
    high = Targets(default=Level.HIGH)
    first = generate_plan(rows, CATALOGUE, high, Constraints("2026-07"))
    prepared = _committed(first, "CHG-101", "2026-11", "planned")
    second = generate_plan(rows, CATALOGUE, high, Constraints("2026-09"),
                           committed=[prepared])
    cohort = next(c for c in second.cohorts if c.cohort_id == prepared.cohort_id)
    assert cohort.month == "2026-11"
    orgs = {o for o, _ in prepared.members}
    for c in second.cohorts:
        if c.module_code == "CHG-201" and orgs & set(c.org_ids):
            assert c.month is not None and c.month > "2026-11"  # it comes after CHG-101
    # no other course ID is the kept one's
    assert len({c.cohort_id for c in second.cohorts}) == len(second.cohorts)


def test_without_committed_courses_every_course_is_planned_in_the_horizon() -> None:
    second = generate_plan(ROWS, CATALOGUE, Targets(), Constraints("2027-01"))
    assert all(c.month is None or c.month >= "2027-01" for c in second.cohorts)
    assert second.budget.committed_cents == 0
    assert not any(c.delivery for c in second.cohorts)
