"""The plan page says a version is out of date only when its inputs changed: not the moment
it is approved (approval moves the kept courses' deliveries to it), not as months pass."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from govcap.delivery.models import Delivery
from govcap.planning import inputs_db, services
from tests.delivery.helpers import delivered
from tests.planning.test_plan_models import validated

STALE = "since this version was generated"


def _page(client, world) -> str:
    client.force_login(world.coordinator)
    return client.get(reverse("plan", args=[world.engagement.slug])).content.decode()


def test_an_approved_version_keeping_a_running_course_is_not_out_of_date(client, world,
                                                                        monkeypatch):
    done = delivered(world)
    Delivery.objects.filter(pk=done["delivery"].pk).update(
        status=Delivery.Status.IN_PROGRESS, start_date=dt.date(2026, 7, 6))
    second = services.generate(world.engagement, world.coordinator)
    assert STALE not in _page(client, world)  # the fresh draft
    services.approve(second, world.coordinator)
    assert STALE not in _page(client, world)  # approved: nothing changed
    # a year on, the approved version is still as approved
    later = dt.date.today() + dt.timedelta(days=400)
    monkeypatch.setattr(inputs_db, "plan_date", lambda: later)
    assert STALE not in _page(client, world)
    monkeypatch.undo()
    # a session validated after it: now it is out of date, and says so as the approved
    # snapshot it stays (test_plan_page_evidence_changed)
    validated(world, world.agency, dt.date(2026, 9, 1), {"change-management": "basic"})
    assert "approved snapshot" in _page(client, world)
    assert "Since then: 1 session validated." in _page(client, world)
