"""A viewer narrowed to some organisations of an engagement sees the courses of their
organisations only, and their share of each course's cost (their participants ÷ all its
participants, as the results count it): a course of others is not found, and is not
listed, with its costs, venue and trainers."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from govcap.accounts.models import Role
from govcap.delivery import services
from govcap.delivery.models import Delivery
from govcap.planning.models import Plan
from tests.security.helpers import client_for


@pytest.fixture
def shared(course, make_user):
    """The first course (of the ministry and the agency) with T1 of the ministry and T2 of
    the agency, its cost recorded; a course of the ministry only, delivered at a venue of
    its own; a viewer of the agency only."""
    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk))
    Delivery.objects.filter(pk=course.delivery.pk).update(cost_cents=1_000_000,
                                                          planned_cost_cents=800_000)
    data = course.plan.data
    ministry_only = data["cohorts"][1]  # the plan's members: the ministry only
    ministry_only["members"] = [{"org_id": str(course.ministry.uuid),
                                 "participants": ministry_only.get("participants", 0) or 3}]
    Plan.objects.filter(pk=course.plan.pk).update(data_json=json.dumps(data))
    course.plan.refresh_from_db()
    course.others = services.create_delivery(course.coordinator, course.plan,
                                             ministry_only["cohort_id"])
    Delivery.objects.filter(pk=course.others.pk).update(venue="Ministry boardroom",
                                                        trainers="Dr Otieno",
                                                        cost_cents=4_321_00)
    course.agency_viewer = make_user("agency-viewer", Role.VIEWER, course.engagement,
                                     organisation=course.agency)
    return course


def test_a_course_of_other_organisations_is_not_found_for_a_narrowed_viewer(shared):
    viewer = client_for(shared.agency_viewer)
    assert viewer.get(reverse("delivery", args=[shared.others.uuid])).status_code == 404
    assert viewer.get(reverse("delivery", args=[shared.delivery.uuid])).status_code == 200
    # the engagement's coordinator still sees both
    coordinator = client_for(shared.coordinator)
    assert coordinator.get(reverse("delivery", args=[shared.others.uuid])).status_code == 200
    listed = viewer.get(reverse("deliveries-engagement", args=[shared.engagement.slug]))
    html = listed.content.decode()
    assert str(shared.others.uuid) not in html and shared.others.cohort_id not in html
    assert str(shared.delivery.uuid) in html
    mine = viewer.get(reverse("deliveries")).content.decode()
    assert str(shared.others.uuid) not in mine


def test_a_narrowed_viewer_sees_their_organisations_share_of_the_cost(shared):
    viewer = client_for(shared.agency_viewer)
    page = viewer.get(reverse("delivery", args=[shared.delivery.uuid])).content.decode()
    # one nominee of two is theirs: half of 10,000 and of 8,000
    assert "Actual cost, your organisations' share" in page
    assert "5,000" in page and "4,000" in page
    assert "10,000" not in page and "8,000" not in page
    listed = viewer.get(reverse("deliveries-engagement",
                                args=[shared.engagement.slug])).content.decode()
    assert "Cost, your organisations' share" in listed
    assert "5,000" in listed and "10,000" not in listed
    # the whole cost for the coordinator
    whole = client_for(shared.coordinator).get(
        reverse("delivery", args=[shared.delivery.uuid])).content.decode()
    assert "10,000" in whole and "your organisations" not in whole
