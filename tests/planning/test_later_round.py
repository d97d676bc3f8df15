"""A plan of an earlier round re-generated once a later round exists (Kenya's baseline 2025
re-approved in December 2026, after the follow-up 2026): the later round IS its
reassessment. It budgeted a second round of reassessments (7 sessions, USD 8,400,
"Reassessment February 2027"); now it schedules and budgets none, each indicator says the
later round reassesses it, and the coordinator generating it is told."""

from __future__ import annotations

import datetime as dt

from govcap.orgs.models import Engagement
from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.period import plan_period
from govcap.planning.services import generate, later_round_words
from govcap.scale import Level
from tests.planning.test_plan_models import validated

from .helpers import CATALOGUE, everyone
from .test_cost_model import KE

LATER = "Kenya — follow-up 2026"


def _plan(reassessed_by: str = ""):
    return generate_plan(everyone(3, {"change-management": Level.BASIC}), CATALOGUE,
                         Targets(), Constraints(start_month="2027-01", rate_card=KE,
                                                reassessed_by=reassessed_by))


def test_a_plan_reassessed_by_a_later_round_schedules_and_budgets_no_reassessment():
    alone = _plan()
    assert any(line.category == "reassessment" for line in alone.budget.lines)
    plan = _plan(LATER)
    assert not any(line.category == "reassessment" for line in plan.budget.lines)
    assert plan.indicators and all(i.reassess_month is None and i.reassessed_by == LATER
                                   for i in plan.indicators)
    assert plan.settings["constraints"]["reassessed_by"] == LATER
    assert plan_period(plan).reassess_first is None
    assert plan.budget.total_cents < alone.budget.total_cents


def test_generating_an_earlier_rounds_plan_names_the_later_round(world):
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2025, 3, 1),
              {"change-management": "basic", "project-execution": "basic"})
    first = generate(world.engagement, world.admin)
    assert first.data["extra"]["later_round"] == ""
    assert later_round_words(first) == ""
    Engagement.objects.create(country=world.engagement.country, round_number=2, name=LATER,
                              instrument=world.instrument)
    second = generate(world.engagement, world.admin)  # the draft before it is not kept
    assert second.version == first.version + 1
    data = second.data
    assert data["extra"]["later_round"] == LATER
    assert all(i["reassess_month"] is None for i in data["indicators"])
    assert all(i["reassessed_by"] == LATER for i in data["indicators"]
               if i["last_training_month"])
    assert not any(line["category"] == "reassessment" for line in data["budget"]["lines"])
    # named as pages name a round, not by its stored name
    assert later_round_words(second).startswith("Follow-up 2, the next assessment round, ")


def test_the_coordinator_generating_it_is_told_of_the_later_round(client, world):
    from django.urls import reverse
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2025, 3, 1), {"change-management": "basic"})
    Engagement.objects.create(country=world.engagement.country, round_number=2, name=LATER,
                              instrument=world.instrument)
    client.force_login(world.coordinator)
    response = client.post(reverse("plan-generate", args=[world.engagement.slug]), follow=True)
    said = " ".join(str(m) for m in response.context["messages"])
    assert "Follow-up 2, the next assessment round, reassesses the organisations" in said
    assert LATER not in said
