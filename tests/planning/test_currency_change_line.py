"""After a change of currency each budget of the change line is in its own version's
currency (issue 14): regenerated in KES at 129.5, the plan page, the PDF's "Changes since
version 1" and the minister's brief said "Budget: KES 40,760.50, now KES 5,278,484.75" of a
budget that had been USD 40,760.50."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from govcap.planning import Constraints, Targets, generate_plan, services, wording
from govcap.planning.core.diff import diff_plans
from govcap.planning.models import Plan, PlanSettings
from govcap.reports import documents
from govcap.scale import Level

from .helpers import CATALOGUE, everyone
from .test_plan_models import validated

ROWS = everyone(8, {"enterprise-architecture": Level.BASIC})


def _versions():
    usd = generate_plan(ROWS, CATALOGUE, Targets(), Constraints("2027-02"))
    kes = generate_plan(ROWS, CATALOGUE, Targets(),
                        Constraints("2027-02", currency="KES", exchange_rate=Decimal("129.5")))
    return usd, kes


def test_each_budget_is_said_in_its_versions_currency():
    usd, kes = _versions()
    diff = diff_plans(usd, kes).to_dict()
    with translation.override("en"):
        lines = wording.diff_lines(diff, kes.currency, wording.Namer(CATALOGUE, kes, usd),
                                   usd, kes)
        line = next(x for x in lines if x.startswith("Budget: "))
        before = wording.money(usd.budget.total_cents, "USD")
        after = wording.money(kes.budget.total_cents, "KES")
    assert line == (f"Budget: {before}, now {after}; the currency changed from USD to KES")
    assert wording.money(usd.budget.total_cents, "KES") not in line


def test_a_diff_stored_without_its_currencies_reads_the_version_before():
    usd, kes = _versions()
    diff = {k: v for k, v in diff_plans(usd, kes).to_dict().items()
            if not k.startswith("currency_")}
    with translation.override("en"):
        before, after, *_ = wording.budget_change(diff, kes.currency, usd)
        assert before == wording.money(usd.budget.total_cents, "USD")
        assert after == wording.money(kes.budget.total_cents, "KES")


@pytest.mark.django_db
def test_the_documents_budget_before_keeps_its_currency(world):
    from govcap.planning.catalogues import ensure_default_catalogue
    ensure_default_catalogue()
    for org in (world.ministry, world.agency):
        validated(world, org, dt.date(2026, 3, 1), {"enterprise-architecture": "basic"})
    first = services.generate(world.engagement, world.coordinator)
    # the documents compare with the version approved before (a draft's edits are not news)
    Plan.objects.filter(pk=first.pk).update(status=Plan.Status.APPROVED)
    PlanSettings.objects.filter(engagement=world.engagement).update(
        currency="KES", exchange_rate=Decimal("129.5"))
    second = services.generate(world.engagement, world.coordinator)
    assert second.based_on == first
    with translation.override("en"):
        said = documents._changes(second, "en", {})
        assert said["budget_before"] == wording.money(
            first.plan_data().budget.total_cents, "USD")
        assert said["budget_after"] == wording.money(
            second.plan_data().budget.total_cents, "KES")
        assert any("the currency changed from USD to KES" in c for c in said["changes"])
