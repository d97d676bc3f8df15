"""A course an organisation did not have in an earlier round — it ran but none of its
people completed it, or it was cancelled — is planned again, and the plan says why (Kenya
follow-up: the National Treasury's two participants in POL-102, November 2025, both came
only in part; the next plan prescribed POL-102 as if new). Such a course is not one the
organisation had: no follow-on intervention after it, and not a prerequisite met."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.inputs import (
    CANCELLED,
    FROM_DELIVERY,
    NOT_COMPLETED,
    PreviousCourse,
)
from govcap.planning.core.plan import SCHEDULED
from govcap.planning.core.stored import plan_from_dict
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, everyone, org_rows

B = Level.BASIC
CONSTRAINTS = Constraints(start_month="2026-03")
BASELINE = "Kenya — baseline 2025"


def missed(org_id: str, code: str, outcome: str = NOT_COMPLETED,
           people: int | None = 2) -> PreviousCourse:
    ran = outcome == NOT_COMPLETED
    return PreviousCourse(org_id, code, "2025-11", BASELINE, 0, source=FROM_DELIVERY,
                          outcome=outcome, completed=0 if ran else None,
                          participants=people if ran else None)


def plan_for(*earlier: PreviousCourse):
    rows = org_rows("treasury", {"change-management": B}, name="National Treasury")
    rows += everyone(3, {"change-management": B})
    return generate_plan(rows, CATALOGUE, Targets(), CONSTRAINTS, previous_courses=earlier)


def mine(plan):
    return {n.module_code: n for n in plan.needs if n.org_id == "treasury"}


def test_a_course_none_of_its_people_completed_is_planned_again_and_says_why() -> None:
    plan = plan_for(missed("treasury", "CHG-101"))
    need = mine(plan)["CHG-101"]
    assert need.origin == "gap" and need.status == SCHEDULED and not need.follows
    assert need.retried == (missed("treasury", "CHG-101"),)
    assert ("CHG-101 ran in 2025-11 (Kenya — baseline 2025): 0 of 2 participants of "
            "National Treasury completed it; planned again.") in need.rationale
    assert "CHG-901" not in mine(plan)  # no coaching after a course it did not have
    assert plan_from_dict(plan.to_dict()).to_json() == plan.to_json()


def test_a_cancelled_course_is_planned_again_and_says_so() -> None:
    need = mine(plan_for(missed("treasury", "CHG-101", CANCELLED)))["CHG-101"]
    assert need.origin == "gap" and not need.follows
    assert ("CHG-101 was cancelled in 2025-11 (Kenya — baseline 2025) before National "
            "Treasury had it; planned again.") in need.rationale


def test_a_course_it_had_still_gets_the_follow_on_and_a_missed_one_does_not_count() -> None:
    had = [PreviousCourse("treasury", code, "2025-07", BASELINE, 0, source=FROM_DELIVERY)
           for code in ("CHG-101", "CHG-102")]
    needs = mine(plan_for(*had))
    assert "CHG-101" not in needs and needs["CHG-901"].origin == "follow-on"
    # the same round's courses, but one of them not completed: that one is taken again
    needs = mine(plan_for(had[0], missed("treasury", "CHG-102")))
    assert needs["CHG-102"].retried and needs["CHG-102"].origin == "gap"
    assert needs["CHG-901"].follows == (had[0],)


def test_a_prerequisite_not_completed_is_not_met() -> None:
    # Moderate on policy, High targeted: the High step needs POL-202 first
    rows = everyone(8, {"digital-strategic-plan": Level.MODERATE})
    targets = Targets(strategic_sections=frozenset({"digital-strategic-plan"}))
    plan = generate_plan(rows, CATALOGUE, targets, CONSTRAINTS,
                         previous_courses=(missed("org00", "POL-202"),))
    need = {n.module_code: n for n in plan.needs if n.org_id == "org00"}["POL-202"]
    assert need.origin == "prerequisite" and need.retried
    assert any("planned again" in line for line in need.rationale)


def test_the_page_says_why_the_course_is_planned_again_in_the_readers_words(db) -> None:
    from django.utils import translation

    from govcap.planning.rounds_words import follow_on
    from govcap.planning.wording import Namer

    plan = plan_for(missed("treasury", "CHG-101"))
    need = mine(plan)["CHG-101"]
    with translation.override("en"):
        said = follow_on(need, Namer(CATALOGUE, plan))
        assert said == ("Ran in November 2025 (Kenya — baseline 2025): none of "
                        "the 2 participants of National Treasury completed it; "
                        "planned again.")
        cancelled = mine(plan_for(missed("treasury", "CHG-101", CANCELLED)))["CHG-101"]
        assert follow_on(cancelled, Namer(CATALOGUE, plan)).startswith(
            "Cancelled in November 2025")
        # a need with nothing earlier says nothing
        assert follow_on(mine(plan_for())["CHG-101"], Namer(CATALOGUE, plan)) == ""
