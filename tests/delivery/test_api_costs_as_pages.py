"""The deliveries API shows a course's costs by the delivery page's rule: a viewer of some
organisations reads their share (as the page does), a training provider no cost at all
(its page shows none), the coordinator the whole cost."""

from __future__ import annotations

from django.urls import reverse

from tests.delivery import test_narrowed_courses
from tests.delivery.test_scoping import bearer
from tests.security.helpers import client_for

shared = test_narrowed_courses.shared  # the fixture


def costs(user, delivery) -> dict:
    one = bearer(user).get(f"/api/deliveries/{delivery.uuid}").json()
    listed = {d["uuid"]: d for d in bearer(user).get(
        "/api/deliveries?include_demo=true").json()["items"]}[str(delivery.uuid)]
    keys = ("planned_cost", "cost", "cost_is_share", "planned_cost_cents", "cost_cents")
    assert {k: listed[k] for k in keys} == {k: one[k] for k in keys}
    return {k: one[k] for k in keys}


def test_a_narrowed_viewer_reads_their_share_as_on_the_page(shared):
    assert costs(shared.agency_viewer, shared.delivery) == {
        "planned_cost": "4000.00", "cost": "5000.00", "cost_is_share": True,
        "planned_cost_cents": 400_000, "cost_cents": 500_000}
    page = client_for(shared.agency_viewer).get(
        reverse("delivery", args=[shared.delivery.uuid])).content.decode()
    assert "5,000" in page and "4,000" in page


def test_the_provider_reads_no_cost_as_on_its_page(shared):
    assert costs(shared.provider, shared.delivery) == {
        "planned_cost": None, "cost": None, "cost_is_share": False,
        "planned_cost_cents": None, "cost_cents": None}
    page = client_for(shared.provider).get(
        reverse("delivery", args=[shared.delivery.uuid])).content.decode()
    assert "10,000" not in page and "8,000" not in page


def test_the_coordinator_reads_the_whole_cost(shared):
    assert costs(shared.coordinator, shared.delivery) == {
        "planned_cost": "8000.00", "cost": "10000.00", "cost_is_share": False,
        "planned_cost_cents": 800_000, "cost_cents": 1_000_000}
