"""The programme's plan for a donor: every approved plan side by side, in the catalogue's
currency as well as each plan's own, within the reader's scope, drafts left out and named."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from govcap.orgs.models import Engagement
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import PlanSettings
from govcap.planning.services import approve, ensure_settings, generate
from tests.demo.helpers import run_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_plans(world):
    """The demo's engagements, each plan generated and approved but Kenya's follow-up's;
    Djibouti's costed in Djibouti francs."""
    run_demo()
    ensure_default_catalogue()
    plans = {}
    for engagement in Engagement.objects.filter(is_demo=True).order_by("id"):
        settings = ensure_settings(engagement)
        if engagement.country.code == "DJ":
            PlanSettings.objects.filter(pk=settings.pk).update(currency="DJF",
                                                               exchange_rate=178)
        plan = generate(engagement, world.admin)
        if engagement.round_number == 0:  # the baselines; the follow-up stays a draft
            plan = approve(plan, world.admin)
        plans[engagement.name] = plan
    return plans


def sheet_rows(data: bytes, name: str) -> list[list]:
    book = load_workbook(io.BytesIO(data))
    return [[c.value for c in row] for row in book[name].iter_rows()]


def download(client, user, fmt: str, query: str = "") -> bytes:
    client.force_login(user)
    response = client.get(reverse("programme-plan-download", args=[fmt]) + query)
    assert response.status_code == 200
    return response.content


def test_every_approved_plan_side_by_side_with_its_cost_in_both_currencies(client, world,
                                                                         demo_plans):
    rows = sheet_rows(download(client, world.admin, "xlsx", "?project="), "Plans by country")
    by_country = {r[0]: r for r in rows[1:-1]}
    assert set(by_country) == {"Djibouti", "Kenya", "Somalia"}
    djibouti = next(p for p in demo_plans.values() if p.engagement.country.code == "DJ")
    djibouti.refresh_from_db()
    djf = djibouti.data["budget"]["total_cents"]
    assert djibouti.data["budget"]["currency"] == "DJF" and djf > 0
    assert by_country["Djibouti"][8] == pytest.approx(djf / 100)
    assert by_country["Djibouti"][9] == pytest.approx(round(djf / 178) / 100, abs=0.01)
    assert all(r[5] > 0 and r[6] > 0 for r in by_country.values())  # cohorts and places
    assert rows[0][10:12] == ["Needs not placed", "Not placed, est. (USD)"]
    for plan in demo_plans.values():  # unfunded needs are counted, not hidden
        plan.refresh_from_db()
        if plan.status == "approved":
            assert by_country[plan.engagement.country.name][10] == len(plan.data["unfit"])
    total = rows[-1]
    assert total[9] == pytest.approx(sum(r[9] for r in by_country.values()))
    assert total[6] == sum(r[6] for r in by_country.values())
    note = sheet_rows(download(client, world.admin, "xlsx"), "DEMO DATA")
    assert note  # demo plans are marked as such


def test_a_coordinator_reads_only_their_engagements_and_unapproved_ones_are_named(
        client, world, demo_plans):
    from govcap.reports.documents import programme_plans

    plans, missing = programme_plans(world.admin)
    assert [p.country for p in plans] == ["Djibouti", "Kenya", "Somalia"]
    assert "Kenya — follow-up 2026" in missing  # a draft is not a donor's figure
    assert sorted(p.engagement for p in plans) == sorted(
        name for name in demo_plans if "baseline" in name)
    rows = sheet_rows(download(client, world.coordinator, "xlsx"), "Plans by country")
    assert rows[1:-1] == []  # the world's coordinator has no demo engagement
    assert download(client, world.manager, "pdf").startswith(b"%PDF")
