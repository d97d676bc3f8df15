"""From ratings to gaps and needs: latest session, targets, unknowns, prerequisites."""

from __future__ import annotations

import pytest

from govcap.planning import Assessment, Constraints, PlanInputError, Targets, generate_plan
from govcap.planning.core.needs import required_steps
from govcap.scale import SECTION_KEYS, Level

from .helpers import CATALOGUE, EA_BASIC, everyone, org_rows

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH
START = Constraints("2026-01")


def modules_of(plan, org_id: str) -> set[str]:
    return {n.module_code for n in plan.needs if n.org_id == org_id}


def test_the_rationale_quotes_the_rating_and_its_benchmark() -> None:
    rows = [Assessment("moict", "Ministry of ICT", s, M, "high", "s1", f"r-{s}")
            for s in SECTION_KEYS[:-1]]
    rows.append(Assessment("moict", "Ministry of ICT", "enterprise-architecture", B, "high",
                           "s1", "r-ea", benchmark_text=EA_BASIC,
                           shared_notes="Each agency buys its own systems."))
    plan = generate_plan(rows, CATALOGUE, Targets(), START)
    (gap,) = plan.gaps
    assert gap.rationale == (
        'Ministry of ICT rated Basic on 8 — Enterprise Architecture: "Digital services are '
        'deployed in an adhoc and uncoordinated manner without any sort of guiding standards '
        'or frameworks."')
    need = next(n for n in plan.needs if n.module_code == "EA-101")
    assert need.rating_ids == ("r-ea",)
    assert need.rationale == (gap.rationale + ' Notes: "Each agency buys its own systems."',)
    assert gap.shared_notes == "Each agency buys its own systems." and gap.session_id == "s1"


def test_only_the_latest_validated_session_counts() -> None:
    old = org_rows("a", {"change-management": B}, session_id="s-2025", session_date="2025-03-01")
    new = org_rows("a", {"change-management": M}, session_id="s-2026", session_date="2026-02-01")
    draft = org_rows("a", {"change-management": B, "enterprise-architecture": B},
                     session_id="s-draft", session_date="2026-05-01", validated=False)
    plan = generate_plan(old + new + draft, CATALOGUE, Targets(), START)
    assert plan.gaps == () and plan.needs == ()
    assert plan.organisations[0].session_id == "s-2026"


def test_an_organisation_without_a_validated_session_is_all_unknown() -> None:
    rows = org_rows("a", {}, validated=False)
    plan = generate_plan(rows, CATALOGUE, Targets(), START)
    assert {u.reason for u in plan.unknowns} == {"no validated session"}
    assert len(plan.unknowns) == len(SECTION_KEYS) and plan.needs == ()


def test_not_assessed_and_unrated_sections_are_unknown_never_guessed() -> None:
    rows = [r for r in org_rows("a", {"enterprise-architecture": None,
                                      "change-management": B})
            if r.section_key != "policy-influence"]
    plan = generate_plan(rows, CATALOGUE, Targets(), START)
    reasons = {u.section_key: u.reason for u in plan.unknowns}
    assert reasons == {"enterprise-architecture": "nobody could speak to it",
                       "policy-influence": "no rating in the latest validated session"}
    assert not any(n.domain == "enterprise-architecture" for n in plan.needs)


def test_two_ratings_of_one_section_in_a_session_are_refused() -> None:
    rows = org_rows("a", {})
    with pytest.raises(PlanInputError, match="two ratings of systems-design-thinking"):
        generate_plan(rows + rows[:1], CATALOGUE, Targets(), START)


def test_targets_default_strategic_and_per_organisation() -> None:
    targets = Targets(strategic_sections=frozenset({"enterprise-architecture"}),
                      overrides={"b": {"change-management": H}})
    assert targets.target("a", "change-management") == M
    assert targets.target("a", "enterprise-architecture") == H
    assert targets.target("b", "change-management") == H
    rows = org_rows("a", {}) + org_rows("b", {})  # all Moderate
    plan = generate_plan(rows, CATALOGUE, targets, START)
    assert {(g.org_id, g.section_key) for g in plan.gaps} == {
        ("a", "enterprise-architecture"), ("b", "enterprise-architecture"),
        ("b", "change-management")}


def test_level_steps_between_current_and_target() -> None:
    assert required_steps(B, M, True) == ["basic-moderate"]
    assert required_steps(B, H, True) == ["basic-moderate", "moderate-high", "sustain-high"]
    assert required_steps(M, H, False) == ["moderate-high"]
    assert required_steps(H, H, True) == []
    assert required_steps(H, M, True) == []


def test_a_gap_needs_every_module_of_each_step_in_level_order() -> None:
    targets = Targets(strategic_sections=frozenset({"enterprise-architecture"}))
    plan = generate_plan(everyone(3, {"enterprise-architecture": B}), CATALOGUE, targets,
                         START)
    assert modules_of(plan, "org00") == {"EA-101", "EA-102", "EA-201", "EA-202", "EA-301",
                                         "EA-302"}
    month = {n.module_code: n.month or "" for n in plan.needs if n.org_id == "org00"}
    assert max(month["EA-101"], month["EA-102"]) < min(month["EA-201"], month["EA-202"])
    assert month["EA-201"] < month["EA-301"] and month["EA-202"] < month["EA-302"]


def test_prerequisites_are_pulled_in_unless_the_level_is_already_shown() -> None:
    # PRJ-202 needs PRJ-101 and AGL-101. Moderate on project execution already covers
    # PRJ-101; agile at Basic with a Basic target does not cover AGL-101.
    targets = Targets(default=M, overrides={f"org{i:02d}": {"distributed-leadership": B,
                                                            "project-execution": H}
                                            for i in range(3)}, sustain_high=False)
    rows = everyone(3, {"distributed-leadership": B, "project-execution": M})
    plan = generate_plan(rows, CATALOGUE, targets, START)
    needs = {n.module_code: n for n in plan.needs if n.org_id == "org00"}
    assert set(needs) == {"PRJ-201", "PRJ-202", "AGL-101"}
    assert needs["AGL-101"].origin == "prerequisite"
    assert needs["AGL-101"].required_by == ("PRJ-202",)
    assert needs["AGL-101"].sections == ()
    assert needs["AGL-101"].rationale[0] == "Prerequisite of PRJ-202 for Ministry org00."
    assert any("Project Execution" in line for line in needs["AGL-101"].rationale)
    assert (needs["AGL-101"].month or "~") < (needs["PRJ-202"].month or "")


def test_an_unassessed_prerequisite_section_is_not_taken_as_shown() -> None:
    targets = Targets(overrides={f"org{i:02d}": {"project-execution": H} for i in range(3)},
                      sustain_high=False)
    rows = everyone(3, {"distributed-leadership": None, "project-execution": M})
    plan = generate_plan(rows, CATALOGUE, targets, START)
    assert "AGL-101" in modules_of(plan, "org00")


def test_a_module_serving_two_gap_sections_is_one_need() -> None:
    rows = everyone(3, {"digital-strategic-plan": B, "policy-influence": B})
    plan = generate_plan(rows, CATALOGUE, Targets(), START)
    need = next(n for n in plan.needs if n.org_id == "org00" and n.module_code == "POL-103")
    assert need.sections == ("digital-strategic-plan", "policy-influence")
    assert len(need.rationale) == 2
