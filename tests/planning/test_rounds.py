"""Rounds remembered and alternatives (issue 14): a follow-up plan reads what earlier rounds'
approved plans gave each organisation; a gap that persists after its course gets a
follow-on intervention, not the same course; regressions and improvements are flagged;
a need no cohort can hold is offered other ways to close its gap."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.catalogue import CatalogueError, catalogue_document, parse_catalogue
from govcap.planning.core.inputs import OpenCohort, PlanInputError, PreviousCourse
from govcap.planning.core.plan import SCHEDULED, UNFIT
from govcap.planning.core.stored import plan_from_dict
from govcap.scale import SECTION_KEYS, Level
from tests.planning.helpers import CATALOGUE, PLANNING, everyone, org_rows

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH
CONSTRAINTS = Constraints(start_month="2026-03")


def had(org_id: str, *codes: str, month: str = "2025-05") -> list[PreviousCourse]:
    return [PreviousCourse(org_id, code, month, "Kenya — baseline 2025", 0) for code in codes]


def test_the_catalogue_has_a_follow_on_for_every_section_and_step() -> None:
    for section in SECTION_KEYS:
        assert CATALOGUE.by_code[CATALOGUE.follow_on(section, "basic-moderate") or ""].kind \
            == "coaching"
        assert CATALOGUE.by_code[CATALOGUE.follow_on(section, "moderate-high") or ""].kind \
            == "on-the-job"
        assert CATALOGUE.by_code[CATALOGUE.follow_on(section, "sustain-high") or ""].kind \
            == "training-of-trainers"
    # interventions are never prescribed for a gap by themselves
    assert all(CATALOGUE.by_code[c].is_course for codes in CATALOGUE.for_section_step.values()
               for c in codes)
    assert all(m.min_cohort == 1 for m in CATALOGUE.interventions if m.kind != "training-of-trainers")


def test_interventions_round_trip_validate_and_translate() -> None:
    assert parse_catalogue(catalogue_document(CATALOGUE)) == CATALOGUE
    from govcap.planning.core.catalogue import load_catalogue
    french = load_catalogue(language="fr")
    assert french.by_code["CHG-901"].title.startswith("Accompagnement (coaching)")
    document = catalogue_document(CATALOGUE)
    document["interventions"][0]["kind"] = "holiday"
    with pytest.raises(CatalogueError, match=r"interventions\[0\]\.kind"):
        parse_catalogue(document)
    document = catalogue_document(CATALOGUE)
    document["interventions"][1]["code"] = "CHG-101"
    with pytest.raises(CatalogueError, match=r"interventions\[1\]\.code: 'CHG-101' is already"):
        parse_catalogue(document)


def test_a_persisting_gap_gets_coaching_not_the_course_it_had() -> None:
    rows = org_rows("ict", {"change-management": B}, name="ICT Authority")
    rows += everyone(3, {"change-management": B})
    plan = generate_plan(rows, CATALOGUE, Targets(), CONSTRAINTS,
                         previous_courses=had("ict", "CHG-101", "CHG-102"))
    ict = {n.module_code: n for n in plan.needs if n.org_id == "ict"}
    assert "CHG-101" not in ict and "CHG-102" not in ict
    coaching = ict["CHG-901"]
    assert coaching.origin == "follow-on" and coaching.status == SCHEDULED
    assert [f.module_code for f in coaching.follows] == ["CHG-101", "CHG-102"]
    assert any("had CHG-101 (2025-05) in the approved plan of Kenya — baseline 2025; still "
               "Basic" in line and "coaching instead of repeating the course" in line
               for line in coaching.rationale)
    # one organisation holds its coaching alone; the others still take the courses
    cohort = next(c for c in plan.cohorts if c.module_code == "CHG-901")
    assert cohort.org_ids == ("ict",)
    others = {n.module_code for n in plan.needs if n.org_id == "org00"}
    assert {"CHG-101", "CHG-102"} <= others
    assert plan.previous_courses == tuple(had("ict", "CHG-101", "CHG-102"))
    assert plan_from_dict(plan.to_dict()).to_json() == plan.to_json()


def test_moderate_high_gap_after_its_course_gets_an_on_the_job_project() -> None:
    rows = everyone(4, {"enterprise-architecture": M})
    targets = Targets(strategic_sections=frozenset({"enterprise-architecture"}))
    plan = generate_plan(rows, CATALOGUE, targets, CONSTRAINTS,
                         previous_courses=had("org00", "EA-201"))
    mine = {n.module_code: n for n in plan.needs if n.org_id == "org00"}
    assert "EA-201" not in mine and mine["EA-902"].origin == "follow-on"
    assert CATALOGUE.by_code["EA-902"].kind == "on-the-job"


def test_a_course_already_had_is_not_taken_again_as_a_prerequisite() -> None:
    # Moderate on policy: the High step's courses need the Basic step's courses first,
    # unless the organisation shows Moderate — or had them in an earlier round
    rows = everyone(8, {"digital-strategic-plan": M})
    targets = Targets(strategic_sections=frozenset({"digital-strategic-plan"}))
    plain = generate_plan(rows, CATALOGUE, targets, CONSTRAINTS)
    pulled = {n.module_code for n in plain.needs if n.origin == "prerequisite"}
    assert pulled == {"POL-202"} and plain.previous_courses == ()
    plan = generate_plan(rows, CATALOGUE, targets, CONSTRAINTS,
                         previous_courses=had("org00", "POL-202"))
    assert "POL-202" not in {n.module_code for n in plan.needs if n.org_id == "org00"}
    assert "POL-202" in {n.module_code for n in plan.needs if n.org_id == "org01"}


def test_regressions_and_improvements_are_flagged() -> None:
    rows = [replace(r, previous_level={"processes-services": M, "change-management": B,
                                       "project-execution": M}.get(r.section_key))
            for r in org_rows("moict", {"processes-services": B, "change-management": M})]
    plan = generate_plan(rows, CATALOGUE, Targets(), CONSTRAINTS)
    change = {s.section_key: s.change for s in plan.sections}
    assert change["processes-services"] == "regressed"
    assert change["change-management"] == "improved"
    assert change["project-execution"] == "same"
    assert change["enterprise-architecture"] == ""  # not assessed in the previous round


def test_a_lone_need_is_offered_other_cohorts_in_house_coaching_and_e_learning() -> None:
    rows = org_rows("ksg", {"project-execution": B}, name="KSG")
    spare = (OpenCohort("Somalia — baseline 2026", "Somalia", "PRJ-101", "en", "2026-05", 2),
             OpenCohort("Djibouti — baseline 2026", "Djibouti", "PRJ-101", "fr", "2026-05", 9),
             OpenCohort("Uganda 2025", "Uganda", "PRJ-101", "en", "2025-05", 9),
             OpenCohort("Kenya other", "Kenya", "PRJ-101", "en", "2026-06", 5))
    plan = generate_plan(rows, CATALOGUE, Targets(), CONSTRAINTS, open_cohorts=spare)
    line = next(u for u in plan.unfit if u.module_code == "PRJ-101")
    assert line.reason == "below-minimum"
    kinds = [a.kind for a in line.alternatives]
    assert kinds == ["join-cohort", "join-cohort", "in-house", "coaching", "e-learning"]
    somalia, kenya = line.alternatives[:2]
    # same language, a month of this plan; 3 participants do not fit 2 free places
    assert (somalia.engagement_name, somalia.month, somalia.places_free,
            somalia.enough_places) == ("Somalia — baseline 2026", "2026-05", 2, False)
    assert (kenya.places_free, kenya.enough_places) == (5, True)
    module = CATALOGUE.by_code["PRJ-101"]
    per_day = int(module.cost_per_participant_day * 100)
    assert somalia.cost_cents == per_day * module.days * 3  # joining: own participant-days
    assert line.alternatives[2].cost_cents == per_day * module.days * 3 + int(
        module.cost_per_cohort * 100)
    assert line.alternatives[3].module_code == "PRJ-901"
    assert line.alternatives[4].module_code == "PRJ-904"
    assert plan_from_dict(plan.to_dict()).to_json() == plan.to_json()


def test_previous_course_inputs_are_checked() -> None:
    with pytest.raises(PlanInputError, match="source"):
        PreviousCourse("a", "CHG-101", "2025-05", "x", 0, source="rumour")
    with pytest.raises(PlanInputError, match="place free"):
        OpenCohort("x", "Kenya", "CHG-101", "en", "2026-05", 0)


@PLANNING
@given(levels=st.lists(st.sampled_from([B, M]), min_size=8, max_size=8),
       taken=st.sets(st.sampled_from(sorted(m.code for m in CATALOGUE.modules)), max_size=8),
       count=st.integers(1, 5))
def test_no_organisation_retakes_a_course_while_its_gap_persists(
        levels: list[Level], taken: set[str], count: int) -> None:
    rows = everyone(count, dict(zip(SECTION_KEYS, levels, strict=True)))
    previous = [c for i in range(count) for c in had(f"org{i:02d}", *sorted(taken))]
    targets = Targets(strategic_sections=frozenset(SECTION_KEYS[:2]))
    plan = generate_plan(rows, CATALOGUE, targets, CONSTRAINTS, previous_courses=previous)
    for need in plan.needs:
        assert need.module_code not in taken
        if need.origin == "follow-on":
            assert need.follows and {f.module_code for f in need.follows} <= taken
    assert all(u.module_code not in taken for u in plan.unfit)
    for u in plan.unfit:
        if u.module_code and CATALOGUE.by_code[u.module_code].is_course:
            # the course itself first when the months can hold it (else not offered)
            kinds = [a.kind for a in u.alternatives]
            assert not {"coaching", "e-learning"} & set(kinds[:1]) or "in-house" not in kinds
    assert {n.status for n in plan.needs} <= {SCHEDULED, UNFIT}


def test_a_delivery_record_wins_over_the_plans_record_of_the_same_round() -> None:
    from govcap.planning.core.needs import history_of
    planned = PreviousCourse("ict", "CHG-101", "2025-05", "Kenya — baseline 2025", 0)
    delivered = PreviousCourse("ict", "CHG-101", "2025-06", "Kenya — baseline 2025", 0,
                               source="delivered")
    again = PreviousCourse("ict", "CHG-101", "2026-05", "Kenya — follow-up 2026", 1)
    history = history_of([planned, again, delivered])
    assert history == {("ict", "CHG-101"): (delivered, again)}
    rows = org_rows("ict", {"change-management": B}, name="ICT Authority")
    plan = generate_plan(rows, CATALOGUE, Targets(), CONSTRAINTS,
                         previous_courses=[planned, delivered])
    coaching = next(n for n in plan.needs if n.module_code == "CHG-901")
    assert coaching.follows == (delivered,)
    assert any("had CHG-101 (2025-06) delivered in Kenya — baseline 2025" in line
               for line in coaching.rationale)


def test_alternatives_are_costed_as_the_budget_costs_a_course_and_not_offered_twice() -> None:
    from govcap.planning.core.ratecard import country_rate_card

    card = Constraints(start_month="2026-03", rate_card=country_rate_card("KE", "2026-03-01"))
    rows = org_rows("ksg", {"project-execution": B}, name="KSG")
    plan = generate_plan(rows, CATALOGUE, Targets(), card)
    line = next(u for u in plan.unfit if u.module_code == "PRJ-101")
    in_house = next(a for a in line.alternatives if a.kind == "in-house")
    # the card's trainers, venue, materials, allowances, travel and follow-up, not the
    # catalogue's price
    from govcap.planning.core.budget import card_rates, cohort_lines
    from govcap.planning.core.plan import Cohort, CohortMember

    alone = Cohort("x", "PRJ-101", "project-management", "en", (CohortMember("ksg", 3),), 0.0)
    lines = cohort_lines(alone, CATALOGUE.by_code["PRJ-101"], card, card_rates(card))
    assert in_house.cost_cents == sum(q * u for _, q, u, _ in lines)
    assert {r for r, *_ in lines} >= {"venue-day", "allowance-day"}
    # coaching already in the plan for this organisation is not offered again
    coached = next(a for a in line.alternatives if a.kind == "coaching")
    again = generate_plan(rows, CATALOGUE, Targets(), card,
                          previous_courses=had("ksg", "PRJ-101"))
    assert any(n.module_code == coached.module_code for n in again.needs)
    assert again.unfit  # PRJ-102, which it never had, still cannot be filled alone
    assert all(coached.module_code not in {a.module_code for a in u.alternatives}
               for u in again.unfit)
