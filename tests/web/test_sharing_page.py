"""The page where facilitators and coordinators decide what documents may quote: internal by
default, a preview striking what is left out, a wording with a word not said refused with
the wording kept, and a validated session left to its coordinators."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from govcap.assessments import capture
from govcap.assessments.models import Rating, Session, SharedText

SECTION = "change-management"
NOTE = "PMO runs change. Participants asked that the examples stay within the room."


@pytest.fixture
def noted(consented):
    capture.save_field(consented.facilitator, consented.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION, field="notes", value=NOTE, base_revision=0))
    consented.rating = Rating.objects.get(session=consented.session, rater=None)
    consented.key = f"notes:{consented.rating.uuid}"
    return consented


def url(w):
    return reverse("session-sharing", args=[w.session.uuid])


def test_captured_notes_are_listed_as_internal(client, noted):
    client.force_login(noted.facilitator)
    page = client.get(url(noted)).content.decode()
    assert "Internal" in page and "0 of 1 text shared" in page
    assert "within the room" in page


def test_the_preview_strikes_what_is_left_out_and_shares_nothing(client, noted):
    client.force_login(noted.facilitator)
    page = client.post(url(noted), {"target": noted.key, "action": "preview",
                                    "text": "PMO runs change. …"}).content.decode()
    assert "<del>Participants asked that the examples stay within the room.</del>" in page
    assert not SharedText.objects.exists()


def test_sharing_a_redacted_wording_lists_it_as_shared(client, noted):
    client.force_login(noted.facilitator)
    response = client.post(url(noted), {"target": noted.key, "action": "share",
                                        "text": "PMO runs change."}, follow=True)
    page = response.content.decode()
    assert "1 of 1 text shared" in page and "Shared in the wording shown" in page
    assert SharedText.objects.get().text == "PMO runs change. …"  # the cut is marked


def test_a_word_not_said_is_refused_naming_it_and_the_wording_is_kept(client, noted):
    client.force_login(noted.facilitator)
    response = client.post(url(noted), {"target": noted.key, "action": "share",
                                        "text": "PMO runs change well."})
    page = response.content.decode()
    assert response.status_code == 400
    assert "“well”" in page and "PMO runs change well.</textarea>" in page
    assert not SharedText.objects.exists()


def test_a_validated_session_is_left_to_its_coordinators(client, noted):
    Session.objects.filter(pk=noted.session.pk).update(status="validated")
    client.force_login(noted.facilitator)
    assert "Share this wording" not in client.get(url(noted)).content.decode()
    refused = client.post(url(noted), {"target": noted.key, "action": "share", "text": "PMO"})
    assert refused.status_code == 403
    client.force_login(noted.coordinator)
    client.post(url(noted), {"target": noted.key, "action": "share", "text": "PMO"})
    assert SharedText.objects.get().text == "PMO …"


def test_a_viewer_reads_only_the_shared_wording_on_the_section_and_the_summary(client, noted):
    client.force_login(noted.facilitator)
    client.post(url(noted), {"target": noted.key, "action": "share", "text": "PMO runs change."})
    client.force_login(noted.viewer)
    for page_url in (reverse("section", args=[noted.session.uuid, SECTION]),
                     reverse("session-summary", args=[noted.session.uuid])):
        page = client.get(page_url).content.decode()
        assert "PMO runs change." in page and "within the room" not in page
        assert "You read what this session shared for documents" in page
    assert client.get(url(noted)).status_code == 403
    client.force_login(noted.coordinator)  # the session's own people read everything
    page = client.get(reverse("session-summary", args=[noted.session.uuid])).content.decode()
    assert "within the room" in page and "You read what this session shared" not in page


def test_a_stale_page_cannot_undo_a_colleagues_decision(client, noted):
    import re

    client.force_login(noted.facilitator)
    page = client.get(url(noted)).content.decode()
    seen = re.search(r'name="seen" value="([0-9a-f]+)"', page).group(1)  # internal, as shown
    client.force_login(noted.coordinator)
    client.post(url(noted), {"target": noted.key, "action": "share", "text": NOTE})
    client.force_login(noted.facilitator)  # the old page's button
    response = client.post(url(noted), {"target": noted.key, "action": "share",
                                        "text": "PMO runs change.", "seen": seen})
    assert response.status_code == 409 and "Someone decided about this text" in (
        response.content.decode())
    assert SharedText.objects.get().text == NOTE


def test_a_viewer_is_told_how_many_took_part_not_who(client, noted):
    client.force_login(noted.viewer)
    for name in ("session-consent", "session-summary", "session"):
        page = client.get(reverse(name, args=[noted.session.uuid])).content.decode()
        assert "Director of ICT" not in page and "Systems analyst" not in page, name
    page = client.get(reverse("session-consent", args=[noted.session.uuid])).content.decode()
    assert "2 participants took part" in page
    client.force_login(noted.coordinator)
    page = client.get(reverse("session-consent", args=[noted.session.uuid])).content.decode()
    assert "Director of ICT" in page


def test_the_coordinators_summary_marks_what_is_internal(client, noted):
    summary = reverse("session-summary", args=[noted.session.uuid])
    client.force_login(noted.coordinator)
    assert 'class="tag internal"' in client.get(summary).content.decode()
    client.post(url(noted), {"target": noted.key, "action": "share", "text": NOTE})
    assert 'class="tag internal"' not in client.get(summary).content.decode()
