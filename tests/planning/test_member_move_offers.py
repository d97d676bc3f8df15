"""Beside a course, "Move … to the course of …" offers only the other courses of the module
an organisation of it can join: in its language and with room for its delegation. A move
into a full course (a coaching of 4 already holding 3) could only conflict."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.pages import cohort_edit, overview
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, everyone

CHANGE_BASIC = {"change-management": Level.BASIC}


def offers(plan, code: str = "CHG-101") -> dict[str, tuple[str, ...]]:
    view = overview(plan, CATALOGUE)
    return {row.cohort.cohort_id: tuple(c for c, _ in cohort_edit(row, plan, CATALOGUE).others)
            for row in view.cohorts if row.cohort.module_code == code}


def test_a_course_with_room_is_offered_a_full_one_is_not() -> None:
    start = Constraints("2026-01", **ROOMY)
    # 14 organisations of 3: two courses of 21, the maximum 24: room for one more
    roomy = generate_plan(everyone(14, CHANGE_BASIC), CATALOGUE, Targets(), start)
    assert offers(roomy) == {"CHG-101/en/01": ("CHG-101/en/02",),
                             "CHG-101/en/02": ("CHG-101/en/01",)}
    # 16 organisations: two courses of 24, full: nothing to offer
    full = generate_plan(everyone(16, CHANGE_BASIC), CATALOGUE, Targets(), start)
    assert sorted(c.participants for c in full.cohorts if c.module_code == "CHG-101") == [
        24, 24]
    assert offers(full) == {"CHG-101/en/01": (), "CHG-101/en/02": ()}


def test_a_course_in_another_language_is_not_offered() -> None:
    start = Constraints("2026-01", **ROOMY)
    rows = everyone(4, CHANGE_BASIC) + everyone(4, CHANGE_BASIC, prefix="fr", language="fr")
    plan = generate_plan(rows, CATALOGUE, Targets(), start)
    assert {c.language for c in plan.cohorts if c.module_code == "CHG-101"} == {"en", "fr"}
    assert offers(plan) == {"CHG-101/en/01": (), "CHG-101/fr/01": ()}


def test_a_course_kept_as_it_is_offers_no_move_and_is_not_offered() -> None:
    from govcap.planning import lock_cohort

    start = Constraints("2026-01", **ROOMY)
    rows = everyone(14, CHANGE_BASIC)
    base = generate_plan(rows, CATALOGUE, Targets(), start)
    kept = generate_plan(rows, CATALOGUE, Targets(), start,
                         [lock_cohort(base, "CHG-101/en/01", "keep")])
    assert offers(kept) == {"CHG-101/en/01": (), "CHG-101/en/02": ()}
