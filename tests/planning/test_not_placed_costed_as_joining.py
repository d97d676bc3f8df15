"""A need not placed and its alternatives are costed by one function (issue 14, plan
reviewer): the Kenya follow-up plan estimated the Ministry of Health's POL-103, not
placed, at USD 210 (its 3 participants' days at the catalogue's price) and offered
"join Somalia's cohort" for the same 3 people at USD 875 (their materials, allowances,
travel and follow-up on Kenya's rate card). Both are now the budget's ``need_cents``:
its people's own lines on the plan's card, the figure joining costs; an in-house course
adds the trainers and venue on top."""

from __future__ import annotations

import dataclasses

import pytest

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import DropModule
from govcap.planning.core.inputs import OpenCohort
from govcap.planning.core.ratecard import country_rate_card
from govcap.scale import Level

from .helpers import CATALOGUE, ROOMY, org_rows


def _plan(card: bool = True):
    rows = org_rows("moh", {"policy-influence": Level.BASIC})
    constraints = Constraints("2027-02", **ROOMY)  # type: ignore[arg-type]
    if card:
        constraints = dataclasses.replace(constraints, rate_card=country_rate_card("KE"))
    other = OpenCohort("Somalia — baseline 2026", "SO", "POL-102", "en", "2027-03", 6)
    return generate_plan(rows, CATALOGUE, Targets(), constraints,
                         (DropModule("d1", "moh", "POL-103"),), open_cohorts=(other,))


def test_the_estimate_is_what_joining_costs_the_same_people():
    plan = _plan()
    (line,) = [u for u in plan.unfit if u.module_code == "POL-102"]
    costs = {a.kind: a.cost_cents for a in line.alternatives}
    others = [u for u in plan.unfit if u.module_code not in (None, "POL-102")]
    assert not others, others  # the one need not placed, to compare
    assert plan.budget.unscheduled_estimate_cents == costs["join-cohort"] > 0
    assert plan.budget.unscheduled_by_org == {"moh": costs["join-cohort"]}
    assert costs["in-house"] > costs["join-cohort"]  # the trainers and venue on top


def test_without_a_card_both_are_the_catalogues_participant_days():
    plan = _plan(card=False)
    (line,) = [u for u in plan.unfit if u.module_code == "POL-102"]
    join = next(a.cost_cents for a in line.alternatives if a.kind == "join-cohort")
    module = CATALOGUE.by_code["POL-102"]
    assert join == plan.budget.unscheduled_estimate_cents == (
        3 * module.days * int(module.cost_per_participant_day * 100))


@pytest.mark.django_db
def test_the_page_says_joining_abroad_leaves_the_travel_out():
    from django.utils import translation

    from govcap.planning.rounds_words import alternatives
    from govcap.planning.wording import Namer

    plan = _plan()
    (line,) = [u for u in plan.unfit if u.module_code == "POL-102"]
    with translation.override("en"):
        (join,) = [w for w in alternatives(line, plan, Namer(CATALOGUE, plan))
                   if w.startswith("Join")]
    assert "Costed at this plan's rates, as the needs not placed are; travel to" in join
    assert "Somalia" in join.rsplit("travel to", 1)[1]
