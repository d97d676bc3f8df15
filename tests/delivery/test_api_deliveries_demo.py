"""The deliveries list leaves demo deliveries out as the other lists do, and says how many
it left out; a demo engagement named in the request, or one delivery asked for by its
uuid, is given (as the results and one session are)."""

from __future__ import annotations

from govcap.orgs.models import Engagement
from tests.delivery.test_scoping import bearer


def test_demo_deliveries_are_left_out_of_the_list_and_counted(course):
    Engagement.objects.filter(pk=course.engagement.pk).update(is_demo=True)
    api = bearer(course.coordinator)
    plain = api.get("/api/deliveries").json()
    assert (plain["count"], plain["items"], plain["demo_left_out"]) == (0, [], 1)
    asked = api.get("/api/deliveries?include_demo=true").json()
    assert (asked["count"], asked["demo_left_out"]) == (1, 0)
    named = api.get(f"/api/deliveries?engagement={course.engagement.slug}").json()
    assert (named["count"], named["demo_left_out"]) == (1, 0)
    assert named["items"][0]["uuid"] == str(course.delivery.uuid)
    assert api.get(f"/api/deliveries/{course.delivery.uuid}").status_code == 200


def test_a_real_delivery_is_listed_with_nothing_left_out(course):
    listed = bearer(course.coordinator).get("/api/deliveries").json()
    assert (listed["count"], listed["demo_left_out"]) == (1, 0)
