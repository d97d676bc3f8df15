"""Once a later round of the same country exists, an earlier round's plan plans nothing new
(issue 14): Kenya's baseline, re-drafted in December 2026 after its follow-up round had an
approved plan, accepted "Plan SVC-901 instead" for the Kenya School of Government, scheduled
it in February 2027 and was approved with no warning, while the follow-up plan already gave
the School SVC-101 and SVC-102 for the same gap; its page ran its month grid over 2027,
empty, and said the schedule starts in February 2027. Now such a version keeps only the
courses under way or done, in their own months; every other need is left to the later
round's plan, with no other way offered; no edit adds or moves training in it; and no plan
offers an organisation to join a course it is already in."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.orgs.models import Engagement
from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.committed import CommittedCohort
from govcap.planning.core.edits import AddModule, DropModule
from govcap.planning.core.inputs import OpenCohort
from govcap.planning.services import PlanRefused, add_edit, generate
from govcap.scale import Level
from tests.planning.test_plan_models import validated

from .helpers import CATALOGUE, everyone

B = Level.BASIC
ROWS = everyone(6, {"change-management": B, "processes-services": B})
LATER = "Kenya — follow-up 2026"


def _kept(plan, code: str, month: str) -> CommittedCohort:
    cohort = next(c for c in plan.cohorts if c.module_code == code and c.month)
    return CommittedCohort(cohort.cohort_id, code, cohort.language, month, "completed",
                           tuple((m.org_id, m.participants) for m in cohort.members), 1)


def _versions():
    first = generate_plan(ROWS, CATALOGUE, Targets(), Constraints("2025-07"))
    kept = [_kept(first, "CHG-101", "2025-07"), _kept(first, "CHG-102", "2025-08")]
    # re-drafted in December 2026, once the later round exists
    again = Constraints("2025-07", plan_date="2026-12-05", reassessed_by=LATER)
    edits = (AddModule("add-1", "org00", "SVC-901"), DropModule("drop-1", "org01", "SVC-101"))
    return first, generate_plan(ROWS, CATALOGUE, Targets(), again, edits, committed=kept)


def test_it_keeps_the_courses_done_in_their_months_and_plans_nothing_new() -> None:
    first, plan = _versions()
    assert {c.module_code for c in first.cohorts if c.month} > {"CHG-101", "CHG-102"}
    assert [(c.module_code, c.month, c.delivery) for c in plan.cohorts] == [
        ("CHG-101", "2025-07", "completed"), ("CHG-102", "2025-08", "completed")]
    # its months are the kept courses', not a year from its date; each organisation's load
    # is counted in them (it read 0 over an empty 2027)
    assert plan.months == ("2025-07", "2025-08")
    assert all(sum(row.days) > 0 for row in plan.load)
    assert plan.budget.total_cents == sum(c.cost_cents for c in plan.cohorts)


def test_every_other_need_is_left_to_the_later_round_with_no_other_way() -> None:
    _, plan = _versions()
    left = [u for u in plan.unfit if u.reason == "later-round"]
    codes = {(u.org_id, u.module_code) for u in left}
    assert ("org00", "SVC-101") in codes and ("org02", "SVC-102") in codes
    assert ("org01", "SVC-101") not in codes  # left out by the coordinator: said apart
    assert not any(u.alternatives for u in plan.unfit)  # no coaching, no cohort to join
    # the later round reassesses every gap, trained here or not
    assert plan.indicators and all(i.reassessed_by == LATER for i in plan.indicators)


def test_an_edit_adding_training_does_not_apply_and_says_why() -> None:
    _, plan = _versions()
    outcome = {r.op_id: r for r in plan.operations}
    assert (outcome["add-1"].status, outcome["add-1"].rule) == ("conflict", "later-round")
    assert "plans nothing new" in outcome["add-1"].message
    assert not any(n.module_code == "SVC-901" for n in plan.needs)
    assert outcome["drop-1"].status == "applied"  # leaving a need out adds nothing


def test_a_course_is_never_offered_to_join_by_an_organisation_already_in_it() -> None:
    rows = everyone(1, {"processes-services": B})  # alone: too few for SVC-101
    theirs = OpenCohort("Kenya — follow-up 2026", "Kenya", "SVC-101", "en", "2027-05", 16,
                        org_ids=("org00", "other"))
    elsewhere = OpenCohort("Somalia — baseline 2026", "Somalia", "SVC-101", "en", "2027-05", 9)
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-01"),
                         open_cohorts=[theirs, elsewhere])
    unfit = next(u for u in plan.unfit if u.module_code == "SVC-101")
    joins = [a.engagement_name for a in unfit.alternatives if a.kind == "join-cohort"]
    assert joins == ["Somalia — baseline 2026"]


@pytest.mark.django_db
def test_the_service_refuses_an_edit_adding_training_once_the_later_round_began(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2025, 3, 1), {"processes-services": "basic"})
    Engagement.objects.create(country=world.engagement.country, round_number=2, name=LATER,
                              instrument=world.instrument, start_date=dt.date(2026, 1, 10))
    generate(world.engagement, world.coordinator)
    org = str(world.ministry.uuid)
    with pytest.raises(PlanRefused, match="plans nothing new, so no course is added"):
        add_edit(world.engagement, world.coordinator, AddModule("a", org, "SVC-901"))
    add_edit(world.engagement, world.coordinator, DropModule("d", org, "SVC-101"))


@pytest.mark.django_db
def test_a_later_round_not_begun_by_the_plans_date_leaves_it_an_ordinary_plan(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2025, 3, 1), {"change-management": "basic"},)
    validated(world, world.agency, dt.date(2025, 3, 1), {"change-management": "basic"})
    Engagement.objects.create(country=world.engagement.country, round_number=2, name=LATER,
                              instrument=world.instrument, start_date=dt.date(2026, 1, 10))
    # dated April 2025, as the demo dates the baseline it approves: the follow-up had not
    # begun, so the plan schedules its courses
    plan = generate(world.engagement, world.coordinator, dt.date(2025, 4, 30))
    assert plan.data["extra"]["later_round"] == ""
    assert any(c["month"] for c in plan.data["cohorts"])
