"""A training provider sees its own deliveries — nominees with names, attendance, sign-in
sheets — and nothing else of govcap: not another provider's deliveries, not the engagement,
not the focus groups. Pages and API (Bearer tokens) alike."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from govcap.accounts.tokens import create_token
from govcap.delivery.models import Attendance, ProviderMember, TrainingProvider
from tests.security.helpers import client_for


def bearer(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {create_token(user, 'test').raw}")


@pytest.fixture
def rival(course, make_user):
    """Staff of another Kenyan provider."""
    other = TrainingProvider.objects.create(country=course.ministry.country, name="Vendor Ltd",
                                            kind="vendor")
    user = make_user("rival")
    ProviderMember.objects.create(user=user, provider=other)
    return user


def test_the_provider_sees_its_delivery_with_names_and_prints_the_sign_in_sheet(course):
    client = client_for(course.provider)
    page = client.get(f"/deliveries/{course.delivery.uuid}/")
    assert page.status_code == 200
    assert b"Amina W." in page.content and b"Save attendance" in page.content
    assert b"Change the delivery" not in page.content  # coordinators only
    assert b"Planned cost" not in page.content  # the engagement's money is not the provider's
    sheet = client.get(f"/deliveries/{course.delivery.uuid}/sign-in/2/")
    assert sheet.status_code == 200 and b"Amina W." in sheet.content
    assert client.get(f"/deliveries/{course.delivery.uuid}/sign-in/3/").status_code == 404
    assert course.delivery.uuid.hex[:8] in client.get("/deliveries/").content.decode()


def test_the_provider_sees_nothing_of_the_engagement_or_its_focus_groups(course):
    client = client_for(course.provider)
    slug = course.engagement.slug
    for url in (reverse("deliveries-engagement", args=[slug]), reverse("engagement", args=[slug]),
                reverse("session", args=[course.session.uuid]), reverse("plan", args=[slug]),
                reverse("session-summary", args=[course.session.uuid])):
        # not found, or (the assessment side's pages) refused as not theirs
        assert client.get(url).status_code in (403, 404), url
    assert bearer(course.provider).get(f"/api/sessions/{course.session.uuid}").status_code == 404
    assert json.loads(bearer(course.provider).get("/api/sessions").content)["count"] == 0


def test_another_provider_sees_neither_the_delivery_nor_its_nominees(course, rival):
    assert client_for(rival).get(f"/deliveries/{course.delivery.uuid}/").status_code == 404
    assert str(course.delivery.uuid) not in client_for(rival).get("/deliveries/").content.decode()
    api = bearer(rival)
    assert api.get(f"/api/deliveries/{course.delivery.uuid}").status_code == 404
    assert json.loads(api.get("/api/deliveries").content)["count"] == 0
    posted = api.post(f"/api/deliveries/{course.delivery.uuid}/attendance",
                      json.dumps({"marks": [{"code": "T1", "day": 1, "present": True}]}),
                      content_type="application/json")
    assert posted.status_code == 404 and not Attendance.objects.exists()


def test_the_providers_token_lists_and_records_attendance_of_its_deliveries(course):
    api = bearer(course.provider)
    listed = json.loads(api.get("/api/deliveries").content)
    assert [d["uuid"] for d in listed["items"]] == [str(course.delivery.uuid)]
    posted = api.post(f"/api/deliveries/{course.delivery.uuid}/attendance",
                      json.dumps({"marks": [{"code": "t1", "day": 1, "present": True},
                                            {"code": "T1", "day": 2, "present": False}]}),
                      content_type="application/json")
    assert posted.status_code == 200 and json.loads(posted.content) == {
        "saved": 2, "new": 2, "changed": 0, "unchanged": 0}
    detail = json.loads(api.get(f"/api/deliveries/{course.delivery.uuid}").content)
    assert detail["trainees"][0]["attendance"] == [True, False]
    assert "name" not in detail["trainees"][0]  # the API circulates codes, never names
    refused = api.post(f"/api/deliveries/{course.delivery.uuid}/attendance",
                       json.dumps({"marks": [{"code": "T9", "day": 1, "present": True}]}),
                       content_type="application/json")
    assert refused.status_code == 422


def test_a_viewer_reads_codes_without_names_and_cannot_record(course):
    client = client_for(course.viewer)
    page = client.get(f"/deliveries/{course.delivery.uuid}/")
    assert page.status_code == 200 and b"T1" in page.content and b"Amina" not in page.content
    assert b"Save attendance" not in page.content
    assert client.get(f"/deliveries/{course.delivery.uuid}/sign-in/1/").status_code == 403


def test_the_coordinator_sees_planned_beside_delivered(course):
    page = client_for(course.coordinator).get(f"/deliveries/e/{course.engagement.slug}/")
    text = page.content.decode()
    assert page.status_code == 200 and "Planned and delivered" in text
    assert course.delivery.module_code in text and f"/deliveries/{course.delivery.uuid}/" in text
    if len(course.plan.data["cohorts"]) > 1:  # the other courses wait for their delivery
        assert "Record delivery" in text


def test_a_stale_change_from_the_page_is_shown_and_not_saved(course):
    client = client_for(course.coordinator)
    form = {"op_id": "7d1f3a60-3b8e-4f3e-9b7a-0c5c3f6e2a11", "base_revision": "1",
            "status": "planned", "days": "2", "mode": "online", "venue": "First"}
    client.post(f"/deliveries/{course.delivery.uuid}/change/edit/", form)
    stale = client.post(f"/deliveries/{course.delivery.uuid}/change/edit/",
                        {**form, "op_id": "9a1f3a60-3b8e-4f3e-9b7a-0c5c3f6e2a12",
                         "venue": "Second"}, follow=True)
    assert "changed by someone else" in stale.content.decode()
    course.delivery.refresh_from_db()
    assert course.delivery.venue == "First"
