"""Differently shaped assessments give plans with a different module mix and priorities."""

from __future__ import annotations

from collections import Counter

from govcap.planning import Constraints, Targets, generate_plan
from govcap.scale import Level

from .helpers import CATALOGUE, everyone

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH
TARGETS = Targets(strategic_sections=frozenset({"enterprise-architecture",
                                                "change-management"}))
START = Constraints("2026-01")
STRONG_EA = {"enterprise-architecture": H, "change-management": B}
STRONG_CHANGE = {"enterprise-architecture": B, "change-management": H}


def domains(plan) -> Counter[str]:
    return Counter(n.domain for n in plan.needs)


def test_opposite_profiles_get_opposite_module_mixes() -> None:
    ea_strong = generate_plan(everyone(4, STRONG_EA), CATALOGUE, TARGETS, START)
    change_strong = generate_plan(everyone(4, STRONG_CHANGE), CATALOGUE, TARGETS, START)
    ea_modules = {n.module_code for n in ea_strong.needs}
    change_modules = {n.module_code for n in change_strong.needs}
    assert ea_modules != change_modules
    assert {"CHG-101", "CHG-201", "CHG-301"} <= ea_modules
    assert not any(code.startswith("EA-") for code in ea_modules)
    assert {"EA-101", "EA-201", "EA-301"} <= change_modules
    assert not any(code.startswith("CHG-") for code in change_modules)
    assert domains(ea_strong)["change-management"] == domains(change_strong)[
        "enterprise-architecture"] == 4 * 6


def test_opposite_profiles_in_one_engagement_get_opposite_priorities() -> None:
    rows = (everyone(4, STRONG_EA, prefix="ea") + everyone(4, STRONG_CHANGE, prefix="cm")
            + everyone(4, {"enterprise-architecture": M, "change-management": M},
                       prefix="mid"))
    plan = generate_plan(rows, CATALOGUE, TARGETS, START)

    def top(org_id: str) -> str:
        return min((n for n in plan.needs if n.org_id == org_id), key=lambda n: n.rank).domain

    assert top("ea00") == "change-management"
    assert top("cm00") == "enterprise-architecture"
    scores = {(n.org_id, n.module_code): n.score for n in plan.needs}
    # Two levels short of a strategic target outrank one level short.
    assert scores[("ea00", "CHG-201")] > scores[("mid00", "CHG-201")]
    assert scores[("cm00", "EA-201")] > scores[("mid00", "EA-201")]
    assert ("ea00", "EA-201") not in scores and ("cm00", "CHG-201") not in scores
    # Cohorts are cut in priority order: the most urgent organisations learn together.
    members = {c.cohort_id: set(c.org_ids) for c in plan.cohorts}
    assert members["CHG-201/en/01"] == {"ea00", "ea01", "ea02", "ea03"}
    assert members["CHG-201/en/02"] == {"mid00", "mid01", "mid02", "mid03"}
