"""Coaching works with one organisation's own team on its own work (catalogue: "cohort size
1 to 4"): the Kenya follow-up's action table said "6 participants from 2 organisations" for
CHG-901. Each organisation has a coaching of its own, with at most the catalogue's maximum
of its people, and the numbers printed say so."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import APPLIED, CONFLICT, MoveMember
from govcap.planning.core.inputs import FROM_DELIVERY, PreviousCourse
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, everyone, org_rows

B = Level.BASIC


def coached(participants: dict[str, int] | None = None, operations=()):
    """Three organisations, still Basic on change management after its courses: coaching."""
    rows = everyone(3, {"change-management": B})
    rows += org_rows("other", {"change-management": B})
    had = [PreviousCourse(org, code, "2025-07", "Kenya — baseline 2025", 0,
                          source=FROM_DELIVERY)
           for org in ("org00", "org01", "org02") for code in ("CHG-101", "CHG-102")]
    constraints = Constraints("2026-03", participants_overrides=participants or {})
    return generate_plan(rows, CATALOGUE, Targets(), constraints, operations,
                         previous_courses=had)


def coaching(plan):
    return sorted((c for c in plan.cohorts if c.module_code == "CHG-901"),
                  key=lambda c: c.org_ids)


def test_each_organisation_has_its_own_coaching() -> None:
    # 1 + 3 participants would fit one cohort of at most 4: still one per organisation
    plan = coached({"org00": 1})
    assert CATALOGUE.by_code["CHG-901"].max_cohort == 4
    assert [(c.org_ids, c.participants) for c in coaching(plan)] == [
        (("org00",), 1), (("org01",), 3), (("org02",), 3)]


def test_a_team_larger_than_the_coach_takes_is_cut_to_the_maximum() -> None:
    plan = coached({"org01": 6})
    assert [(c.org_ids, c.participants) for c in coaching(plan)][1] == (("org01",), 4)
    need = next(n for n in plan.needs if (n.org_id, n.module_code) == ("org01", "CHG-901"))
    assert need.status == "scheduled" and any(
        "sends 4 participants instead of 6: CHG-901 takes a team of at most 4" in line
        for line in need.rationale)


def test_the_action_table_says_one_per_organisation_with_each_teams_size() -> None:
    (row,) = [a for a in coached({"org00": 2}).actions if a.module_code == "CHG-901"]
    assert row.measure == (
        "Coaching in change management (CHG-901): one per organisation, 4 day(s) each, "
        "in-person, for 3 organisation(s), a team of 2 to 3 participants each (at most 4)")


def test_an_organisation_cannot_be_moved_into_anothers_coaching() -> None:
    first = coaching(coached())
    move = MoveMember("m1", "org00", "CHG-901", first[1].cohort_id, first[1].org_ids)
    plan = coached(operations=(move,))
    (result,) = plan.operations
    assert result.status == CONFLICT and result.status != APPLIED
    assert "works with one organisation's own team" in result.message
    assert all(len(c.org_ids) == 1 for c in coaching(plan))


def test_the_page_says_each_organisation_has_its_own_coach(db) -> None:
    from django.utils import translation

    from govcap.planning.wording import Namer, action_measure

    plan = coached({"org00": 2})
    (row,) = [a for a in plan.actions if a.module_code == "CHG-901"]
    with translation.override("en"):
        said = action_measure(row, plan, Namer(CATALOGUE, plan))
    assert said.endswith(": coaching at the workplace for 3 organisations, each with its own "
                         "coach for 4 days; a team of 2 to 3 participants each (at most 4)")
    # one organisation: said in the singular
    rows = everyone(3, {"change-management": B})
    had = [PreviousCourse("org00", code, "2025-07", "Kenya — baseline 2025", 0,
                          source=FROM_DELIVERY) for code in ("CHG-101", "CHG-102")]
    alone = generate_plan(rows, CATALOGUE, Targets(), Constraints("2026-03"),
                          previous_courses=had)
    (row,) = [a for a in alone.actions if a.module_code == "CHG-901"]
    with translation.override("en"):
        said = action_measure(row, alone, Namer(CATALOGUE, alone))
    assert said.endswith(": coaching at the workplace for 1 organisation, with a coach for "
                         "4 days; a team of 3 participants (at most 4)")
