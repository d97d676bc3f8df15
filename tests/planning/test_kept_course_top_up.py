"""A course planned with a top-up (its organisations send more people so that it reaches
the module's minimum) is kept ("Keep as it is") as planned: the kept course is counted with
the same top-up, not recounted without it and refused as too small."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan, lock_cohort
from govcap.planning.core.edits import move_cohort
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, check_invariants, everyone

START = Constraints("2026-01", **ROOMY)
CHANGE_BASIC = {"change-management": Level.BASIC}


def plan_with(rows, *ops):
    return generate_plan(rows, CATALOGUE, Targets(), START, ops)


def result(plan, op_id: str):
    return next(r for r in plan.operations if r.op_id == op_id)


def test_a_course_topped_up_to_the_minimum_is_kept_as_planned() -> None:
    # two organisations of 3 participants: 6, topped up to CHG-101's minimum of 8
    rows = everyone(2, CHANGE_BASIC)
    base = plan_with(rows)
    as_planned = next(c for c in base.cohorts if c.cohort_id == "CHG-101/en/01")
    assert as_planned.topped_up and as_planned.participants == 8
    lock = lock_cohort(base, "CHG-101/en/01", "keep")
    plan = plan_with(rows, lock)
    kept = next(c for c in plan.cohorts if c.cohort_id == "CHG-101/en/01")
    assert result(plan, "keep").status == "applied"
    assert kept.locked and kept.topped_up
    assert (kept.members, kept.month) == (as_planned.members, as_planned.month)
    # moved first, then kept: the course keeps its month and its top-up
    moved = plan_with(rows, move_cohort(base, "CHG-101/en/01", "2026-04", "move"))
    lock = lock_cohort(moved, "CHG-101/en/01", "keep")
    plan = plan_with(rows, move_cohort(base, "CHG-101/en/01", "2026-04", "move"), lock)
    kept = next(c for c in plan.cohorts if c.cohort_id == "CHG-101/en/01")
    assert [result(plan, op).status for op in ("move", "keep")] == ["applied", "applied"]
    assert (kept.month, kept.participants, kept.locked) == ("2026-04", 8, True)
    check_invariants(plan, rows, Targets(), START, edited=True)


def test_a_kept_course_that_cannot_reach_its_minimum_still_says_so() -> None:
    rows = everyone(2, CHANGE_BASIC)
    lock = lock_cohort(plan_with(rows), "CHG-101/en/01", "keep")
    # one of the two leaves: 3 people, at most 6 from one organisation, minimum 8
    plan = plan_with(everyone(1, CHANGE_BASIC), lock)
    assert (result(plan, "keep").status, result(plan, "keep").rule) == ("conflict",
                                                                         "lock-size")
