"""One organisation's "Data (JSON)" download holds that organisation's data only (issue
14): Kenya Revenue Authority's held every organisation's load by name, the budget by
organisation and all its lines, the others' actions, earlier courses, coverage and the
coordinator's edits naming other ministries — while its PDF and XLSX said "with 1 other
organisation" and named none."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.urls import reverse

from govcap.accounts.models import Role
from govcap.planning import services
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.edits import DropModule
from govcap.planning.models import PlanSettings
from tests.planning.test_plan_models import validated

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(world, make_user):
    """Both organisations share EA-101 (the ministry sends 5); the coordinator left EA-102
    out for the ministry."""
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "basic"})
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    services.generate(world.engagement, world.coordinator)
    PlanSettings.objects.filter(engagement=world.engagement).update(  # figures of its own
        participants_overrides={str(world.ministry.uuid): 5}, staff_away=8)
    services.add_edit(world.engagement, world.coordinator,
                      DropModule(services.new_op_id(), str(world.ministry.uuid), "CHG-101"))
    world.plan = services.latest_plan(world.engagement)
    world.agency_viewer = make_user("kra-reader", Role.VIEWER, world.engagement, world.agency)
    return world


def test_an_organisations_json_names_and_counts_no_other_organisation(client, shared):
    whole = shared.plan.data
    ministry, agency = str(shared.ministry.uuid), str(shared.agency.uuid)
    assert [op["status"] for op in whole["operations"]] == ["applied"]  # the ministry's edit
    assert any(len(c["members"]) == 2 for c in whole["cohorts"])  # a shared cohort
    client.force_login(shared.agency_viewer)
    response = client.get(reverse("plan-download", args=[shared.engagement.slug, "json"])
                          + f"?v={shared.plan.version}&org={agency}")
    assert response.status_code == 200
    text = response.content.decode()
    for trace in (ministry, shared.ministry.name, shared.ministry.code):
        assert trace not in text, trace
    ministry_total = whole["budget"]["by_org"][ministry]
    assert ministry_total != whole["budget"]["by_org"][agency]
    for figure in (ministry_total, whole["budget"]["total_cents"]):
        assert not re.search(rf"(?<![\d.]){figure}(?![\d.])", text), figure
    data = json.loads(text)
    assert data["budget"]["total_cents"] == whole["budget"]["by_org"][agency]
    assert data["budget"]["by_org"] == {agency: data["budget"]["total_cents"]}
    assert sum(data["budget"]["by_module"].values()) == data["budget"]["total_cents"]
    assert [row["org_id"] for row in data["load"]] == [agency]
    assert data["operations"] == []  # the edit was the ministry's
    # a shared cohort: its own place, the others counted, not named
    cohort = next(c for c in data["cohorts"] if c["module_code"] == "EA-101")
    assert [m["org_id"] for m in cohort["members"]] == [agency]
    assert cohort["others"]["organisations"] == 1
    assert all(a["organisations"] == [agency] for a in data["actions"])
    assert "coverage" not in data["extra"]
