"""The budget tab says nothing of placing the needs the plan could not place when every need
is placed: it said "would cost about USD 0.00 more" (issue 14, fresh eyes)."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.pages import overview
from govcap.scale import Level

from .helpers import CATALOGUE, everyone

pytestmark = pytest.mark.django_db


def _tab(plan) -> str:
    view = overview(plan, CATALOGUE)
    return render_to_string("planning/_plan_budget.html", {"view": view, "organisation": None})


def test_every_need_placed_no_sentence_about_placing_the_others():
    plan = generate_plan(everyone(3, {"change-management": Level.BASIC}), CATALOGUE,
                         Targets(), Constraints("2026-01"))
    assert not [n for n in plan.needs if n.status == "unfit"]
    assert plan.budget.unscheduled_estimate_cents == 0
    html = _tab(plan)
    assert "Placing the needs" not in html
    assert "0.00 more" not in html


def test_needs_left_unplaced_are_costed_on_the_tab():
    plan = generate_plan(everyone(2, {"change-management": Level.BASIC}), CATALOGUE,
                         Targets(), Constraints("2026-01", max_participants_per_org=3))
    assert plan.budget.unscheduled_estimate_cents > 0  # below the minimum cohort
    assert "Placing the needs the plan could not place would cost about" in _tab(plan)
