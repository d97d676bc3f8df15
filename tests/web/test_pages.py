"""The pages a coordinator and a facilitator use, through the real HTTP stack."""

from __future__ import annotations

import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from govcap.assessments.models import Rating, Session
from govcap.orgs.models import Engagement
from govcap.web.forms import SessionForm

SECTION = "change-management"


@pytest.fixture
def as_facilitator(client, consented):
    client.force_login(consented.facilitator)
    return client


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get(reverse("session", args=[world.session.uuid]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_home_lists_the_users_sessions_and_engagements(as_facilitator, consented):
    page = as_facilitator.get("/").content.decode()
    assert "Ministry of ICT" in page and "Kenya — baseline 2026" in page
    assert "Somalia" not in page


@pytest.mark.parametrize("name", ["session", "session-guide", "session-consent", "session-summary"])
def test_session_pages_open_for_the_facilitator(as_facilitator, consented, name):
    response = as_facilitator.get(reverse(name, args=[consented.session.uuid]))
    assert response.status_code == 200


def test_the_guide_reads_the_engagements_project_name(as_facilitator, consented):
    Engagement.objects.filter(pk=consented.engagement.pk).update(project_name="GovStack Kenya")
    page = as_facilitator.get(reverse("session-guide", args=[consented.session.uuid])).content.decode()
    assert "ongoing GovStack Kenya project" in page
    assert "{project}" not in page
    assert 'class="instruction"' in page and 'class="readaloud"' in page


def test_a_section_page_shows_benchmarks_questions_and_capture_fields(as_facilitator, consented):
    url = reverse("section", args=[consented.session.uuid, "enterprise-architecture"])
    page = as_facilitator.get(url).content.decode()
    assert "Digital services are deployed in an ad hoc and uncoordinated manner" in page
    assert "Enterprise Architecture" in page
    for field in ("level", "confidence", "notes", "evidence", "dissent", "not_assessed_reason"):
        assert f'name="{field}"' in page
    assert page.count('class="questions"') == 1


def test_a_plain_form_post_saves_the_section(as_facilitator, consented):
    url = reverse("section", args=[consented.session.uuid, SECTION])
    response = as_facilitator.post(url, {
        "page_op": str(uuid.uuid4()), "level": "basic", "confidence": "medium",
        "notes": "No shared approach to change.", "evidence": "", "dissent": "",
        "not_assessed_reason": "", "rev_level": "0", "rev_notes": "0", "rev_confidence": "0",
        "save_next": "",
    })
    assert response.status_code == 302
    assert response["Location"].endswith("/section/digital-strategic-plan/")
    rating = Rating.objects.get(session=consented.session, section_key=SECTION)
    assert (rating.level, rating.confidence, rating.notes) == (
        "basic", "medium", "No shared approach to change.")


def test_a_stale_form_post_shows_both_versions_and_keeps_the_saved_one(as_facilitator, consented):
    url = reverse("section", args=[consented.session.uuid, SECTION])
    base = {"page_op": str(uuid.uuid4()), "notes": "Coordinator's text", "rev_notes": "0"}
    as_facilitator.post(url, base)
    stale = {"page_op": str(uuid.uuid4()), "notes": "My offline text", "rev_notes": "0"}
    response = as_facilitator.post(url, stale)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Coordinator&#x27;s text" in page and "My offline text" in page
    assert Rating.objects.get(section_key=SECTION).notes == "Coordinator's text"


def post_json(client, session, payload, name="save-field"):
    return client.post(reverse(name, args=[session.uuid]), json.dumps(payload),
                       content_type="application/json")


def test_the_autosave_endpoint_saves_and_replays(as_facilitator, consented):
    payload = {"op_id": str(uuid.uuid4()), "section": SECTION, "field": "notes",
               "value": "Autosaved", "base_revision": 0}
    first = post_json(as_facilitator, consented.session, payload)
    again = post_json(as_facilitator, consented.session, payload)
    assert first.status_code == again.status_code == 200
    assert first.json()["revision"] == again.json()["revision"] == 1
    assert again.json()["replayed"] is True


@pytest.mark.parametrize("payload, status, field", [
    ({"field": "level", "value": "superb"}, 400, "level"),
    ({"field": "notes", "value": "x", "op_id": "not-a-uuid"}, 400, "op_id"),
    ({"field": "colour", "value": "x"}, 400, "colour"),
    ({"field": "notes", "value": 42}, 400, "value"),
])
def test_the_autosave_endpoint_explains_bad_input(as_facilitator, consented, payload, status, field):
    body = {"op_id": str(uuid.uuid4()), "section": SECTION, "base_revision": 0, **payload}
    response = post_json(as_facilitator, consented.session, body)
    assert response.status_code == status
    assert response.json()["field"] == field and response.json()["message"]
    assert not Rating.objects.exists()


def test_the_autosave_endpoint_reports_a_conflict(as_facilitator, consented):
    body = {"section": SECTION, "field": "notes", "base_revision": 0}
    post_json(as_facilitator, consented.session, {**body, "op_id": str(uuid.uuid4()), "value": "A"})
    response = post_json(as_facilitator, consented.session,
                         {**body, "op_id": str(uuid.uuid4()), "value": "B"})
    assert response.status_code == 409
    expected = {"status": "conflict", "theirs": "A", "yours": "B", "revision": 1}
    assert expected.items() <= response.json().items()


def test_a_facilitator_cannot_open_another_engagements_session(client, consented):
    client.force_login(consented.outsider)
    for name in ("session", "session-summary", "session-guide"):
        assert client.get(reverse(name, args=[consented.session.uuid])).status_code == 404
    response = post_json(client, consented.session, {
        "op_id": str(uuid.uuid4()), "section": SECTION, "field": "notes", "value": "x",
        "base_revision": 0})
    assert response.status_code == 404
    assert not Rating.objects.exists()


def test_a_viewer_reads_but_cannot_save(client, consented):
    client.force_login(consented.viewer)
    assert client.get(reverse("session-summary", args=[consented.session.uuid])).status_code == 200
    response = post_json(client, consented.session, {
        "op_id": str(uuid.uuid4()), "section": SECTION, "field": "notes", "value": "x",
        "base_revision": 0})
    assert response.status_code == 403
    assert not Rating.objects.exists()


def test_the_workflow_buttons(client, consented):
    client.force_login(consented.facilitator)
    response = client.post(reverse("session-transition", args=[consented.session.uuid, "submit"]),
                           follow=True)
    assert "Rate every section" in response.content.decode()
    assert Session.objects.get(pk=consented.session.pk).status == "in_progress"


def test_a_coordinator_schedules_a_session(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("engagement-add-session", args=[world.engagement.slug]), {
        "organisation": world.agency.pk, "scheduled_date": "2026-04-02", "place": "Nairobi",
        "language": "en", "facilitators": [world.facilitator.pk], "note_taker": "P. Otieno",
    })
    assert response.status_code == 302
    session = Session.objects.get(organisation=world.agency)
    assert list(session.facilitators.all()) == [world.facilitator]
    assert session.instrument == world.engagement.instrument


def test_a_form_wide_error_shows_as_words_not_html(client, world, monkeypatch):
    def refuse(form):
        raise ValidationError("This session clashes with another.")

    monkeypatch.setattr(SessionForm, "clean", refuse)
    client.force_login(world.coordinator)
    response = client.post(reverse("engagement-add-session", args=[world.engagement.slug]), {
        "organisation": world.agency.pk, "scheduled_date": "2026-04-02", "language": "en",
    }, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["This session clashes with another."]
    assert not Session.objects.filter(organisation=world.agency).exists()


def test_a_facilitator_cannot_schedule_sessions(client, world):
    client.force_login(world.facilitator)
    response = client.post(reverse("engagement-add-session", args=[world.engagement.slug]), {
        "organisation": world.agency.pk})
    assert response.status_code == 403
    assert not Session.objects.filter(organisation=world.agency).exists()


def test_an_administrator_creates_an_engagement(client, world):
    client.force_login(world.admin)
    response = client.post(reverse("engagement-new"), {
        "new_country_name": "Djibouti", "new_country_code": "dj", "name": "Djibouti — référence 2026",
        "round_number": 0, "project_name": "IDGC HoA", "language": "fr",
    })
    assert response.status_code == 302
    engagement = Engagement.objects.get(country__code="DJ")
    assert engagement.instrument == world.instrument and engagement.language == "fr"


def test_the_summary_shows_levels_in_a_chart_and_a_table(as_facilitator, consented):
    url = reverse("section", args=[consented.session.uuid, SECTION])
    as_facilitator.post(url, {"page_op": str(uuid.uuid4()), "level": "high", "rev_level": "0"})
    page = as_facilitator.get(reverse("session-summary", args=[consented.session.uuid]))
    html = page.content.decode()
    assert "<svg" in html and "4. Setting expectations" in html
    assert 'class="lv lv-high"' in html


def test_the_coordinators_home_lists_sessions_waiting_for_validation(client, consented):
    from django.utils import timezone

    Session.objects.filter(pk=consented.session.pk).update(status="submitted",
                                                           submitted_at=timezone.now())
    client.force_login(consented.coordinator)
    page = client.get("/").content.decode()
    assert "Waiting for your validation" in page
    assert reverse("session-transition", args=[consented.session.uuid, "validate"]) in page
    client.force_login(consented.facilitator)  # not theirs to validate
    assert "Waiting for your validation" not in client.get("/").content.decode()
    client.force_login(consented.outsider)
    assert "Waiting for your validation" not in client.get("/").content.decode()


def test_a_missing_page_and_a_refusal_are_pages_with_a_way_back(client, world):
    client.force_login(world.facilitator)
    missing = client.get(f"/s/{uuid.uuid4()}/")
    assert missing.status_code == 404
    assert "This page is not here" in missing.content.decode()
    assert 'href="/"' in missing.content.decode()
    refused = client.get(reverse("engagement-new"))
    assert refused.status_code == 403
    page = refused.content.decode()
    assert "Only administrators create engagements." in page and 'href="/"' in page
