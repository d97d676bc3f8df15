"""The documented priority score and its deterministic ranking."""

from __future__ import annotations

from govcap.planning import Constraints, Targets, generate_plan
from govcap.scale import Level

from .helpers import CATALOGUE, everyone, org_rows

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH
START = Constraints("2026-01")


def need(plan, org_id: str, code: str):
    return next(n for n in plan.needs if n.org_id == org_id and n.module_code == code)


def test_the_score_follows_the_documented_formula() -> None:
    # org a: Basic on change management (target Moderate), low confidence; 1 of 2 orgs.
    rows = (org_rows("a", {"change-management": B}, confidence="low")
            + org_rows("b", {"enterprise-architecture": B}, confidence="high"))
    targets = Targets(strategic_sections=frozenset({"enterprise-architecture"}),
                      sustain_high=False)
    plan = generate_plan(rows, CATALOGUE, targets, START)
    # gap 1 × weight 1 × confidence 0.6 × (1 + 1/2)
    assert need(plan, "a", "CHG-101").score == 0.9
    # a is Moderate on strategic EA (target High): gap 1 × weight 2 × 0.6 × (1 + 2/2)
    assert need(plan, "a", "EA-201").score == 2.4
    # b is Basic on strategic EA: gap 2 × weight 2 × 1.0 × (1 + 2/2)
    assert need(plan, "b", "EA-201").score == 8.0
    # EA-101 alone would score 2 × 2 × 1.0 × (1 + 1/2) = 6, but EA-201 needs it first
    assert need(plan, "b", "EA-101").score == 8.0
    assert need(plan, "b", "EA-101").rank < need(plan, "a", "CHG-101").rank


def test_shared_needs_come_before_rare_ones() -> None:
    rows = (everyone(4, {"change-management": B}, prefix="c")
            + org_rows("solo", {"enterprise-architecture": B}))
    plan = generate_plan(rows, CATALOGUE, Targets(), START)
    assert need(plan, "c00", "CHG-101").score > need(plan, "solo", "EA-101").score


def test_ties_are_broken_by_step_then_module_then_organisation() -> None:
    plan = generate_plan(everyone(3, {"change-management": B, "enterprise-architecture": B}),
                         CATALOGUE, Targets(), START)
    ranked = sorted(plan.needs, key=lambda n: n.rank)
    assert [n.rank for n in ranked] == list(range(1, len(ranked) + 1))
    assert [(n.module_code, n.org_id) for n in ranked[:4]] == [
        ("CHG-101", "org00"), ("CHG-101", "org01"), ("CHG-101", "org02"),
        ("CHG-102", "org00")]


def test_a_prerequisite_is_as_urgent_as_what_requires_it() -> None:
    targets = Targets(strategic_sections=frozenset({"project-execution"}),
                      overrides={f"org{i:02d}": {"distributed-leadership": B}
                                 for i in range(3)}, sustain_high=False)
    plan = generate_plan(everyone(3, {"distributed-leadership": B, "project-execution": M}),
                         CATALOGUE, targets, START)
    assert need(plan, "org00", "AGL-101").score == need(plan, "org00", "PRJ-202").score
