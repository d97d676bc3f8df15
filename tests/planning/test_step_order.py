"""The modules of one step complement each other: one requires another only where the
catalogue declares it a prerequisite, as the documents' module cards ("Prerequisites: none")
and assumptions say. Kenya's follow-up left Kenya School of Government's POL-103 out as
"Waits for an earlier course that could not be placed" though POL-103 has none; and a
course that does wait now names the course it waits for and why that one is out.

But providers teach them in their order: Djibouti's plan held EA-102 "Interoperability
fundamentals" in March 2027 and EA-101 "EA foundations" in April. The lower-numbered comes
first for the same organisation unless it finds no month; then the other runs without it
and says so."""

from __future__ import annotations

from django.utils import translation

from govcap.planning import Constraints, Targets, generate_plan, wording
from govcap.planning.core.diff import before_companion, without_companion
from govcap.planning.core.inputs import MonthBlock
from govcap.scale import Level

from .helpers import CATALOGUE, everyone

STRATEGY = {"digital-strategic-plan": Level.BASIC}  # POL-101 (4 days) and POL-103 (2)


def test_a_steps_courses_wait_only_for_a_declared_prerequisite():
    assert "POL-101" not in CATALOGUE.predecessors["POL-103"]
    assert "PRJ-101" not in CATALOGUE.predecessors["PRJ-102"]  # none declared
    assert {"POL-101", "POL-103"} <= CATALOGUE.predecessors["POL-201"]  # an earlier step
    # ... but taught in their order on a section they share
    assert CATALOGUE.numbered_first["EA-102"] == ("EA-101",)
    assert CATALOGUE.numbered_first["POL-103"] == ("POL-101", "POL-102")
    assert "POL-102" not in CATALOGUE.numbered_first.get("POL-101", ())


def test_the_lower_numbered_course_comes_first_when_a_short_month_fits_only_the_other():
    # March keeps 3 of its 5 training days: EA-102 (3 days) fits it, EA-101 (4) does not;
    # EA-102 no longer goes ahead of EA-101
    march = MonthBlock("2027-03", 20, 8, ("holiday",))
    plan = generate_plan(everyone(8, {"enterprise-architecture": Level.BASIC}), CATALOGUE,
                         Targets(), Constraints("2027-03", days_per_month=5,
                                                month_blocks=(march,)))
    months = {n.module_code: n.month for n in plan.needs if n.org_id == "org00"}
    assert months["EA-101"] and months["EA-102"], months
    assert months["EA-101"] < months["EA-102"], months


def test_a_course_whose_step_sibling_cannot_run_is_still_planned():
    # three training days a month: POL-101's four never fit; POL-103's two do
    plan = generate_plan(everyone(3, STRATEGY), CATALOGUE, Targets(),
                         Constraints("2027-03", days_per_month=3))
    status = {n.module_code: n.status for n in plan.needs if n.org_id == "org00"}
    assert status["POL-103"] == "scheduled"
    assert status["POL-101"] == "unfit"
    need = next(n for n in plan.needs if n.org_id == "org00" and n.module_code == "POL-103")
    assert without_companion(plan, need, CATALOGUE) == ("POL-101",)  # and says so


def test_a_course_left_out_names_the_course_it_waits_for_and_why():
    targets = Targets(strategic_sections=frozenset({"digital-strategic-plan"}))
    plan = generate_plan(everyone(3, STRATEGY), CATALOGUE, targets,
                         Constraints("2027-03", days_per_month=3))
    line = next(u for u in plan.unfit if u.org_id == "org00" and u.module_code == "POL-201")
    assert line.reason == "prerequisite-unfit" and line.waits_for == "POL-101"
    with translation.override("en"):
        words = wording.unfit_reason(line, plan, wording.Namer(CATALOGUE, plan))
    assert words.startswith("Waits for "), words
    assert "(POL-101), which could not be placed: " in words, words
    assert "earlier course" not in words


def test_a_course_run_without_its_lower_numbered_companion_says_so_on_the_page():
    plan = generate_plan(everyone(3, STRATEGY), CATALOGUE, Targets(),
                         Constraints("2027-03", days_per_month=3))
    need = next(n for n in plan.needs if n.org_id == "org00" and n.module_code == "POL-103")
    with translation.override("en"):
        lines = wording.need_reasons(need, plan, wording.Namer(CATALOGUE, plan))
    assert any(line.startswith("Comes without ") and "(POL-101), taught before it on this "
               "section, which found no month." in line for line in lines), lines


def test_a_course_with_no_month_after_its_companion_runs_before_it_and_says_so():
    # two months, six training days a month (8 staff away): POL-101 (4 days) and POL-102 (3) take one
    # month each; POL-103 (2) has no month after both, so it runs out of order rather than
    # not at all (Somalia's POL-103 was left out after a POL-102 in the last month)
    rows = everyone(3, {"digital-strategic-plan": Level.BASIC, "policy-influence": Level.BASIC})
    plan = generate_plan(rows, CATALOGUE, Targets(),
                         Constraints("2027-03", horizon_months=2, days_per_month=6,
                                     staff_away=8))
    months = {n.module_code: n.month for n in plan.needs if n.org_id == "org00"}
    assert months["POL-103"] is not None, (months, plan.unfit)
    need = next(n for n in plan.needs if n.org_id == "org00" and n.module_code == "POL-103")
    late = [c for c in ("POL-101", "POL-102") if months[c] and months[c] >= months["POL-103"]]
    assert late and before_companion(plan, need, CATALOGUE) == tuple(late)
    with translation.override("en"):
        lines = wording.need_reasons(need, plan, wording.Namer(CATALOGUE, plan))
    assert any(line.startswith("Comes before ") and "no later month had room for it." in line
               for line in lines), lines
