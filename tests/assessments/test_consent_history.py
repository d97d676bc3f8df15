"""Consent in a session's history and on the consent form (issue 15, fresh eyes): the
history named the consent's note by its stored key "note" beside translated field names, a
consent saved again as it was showed "no → no", and the form posted with no box ticked
answered "Consent recorded." while it recorded nothing that unlocks capture."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from govcap.accounts.models import AuditEvent
from govcap.assessments import history, workflow
from govcap.assessments.models import Session
from tests.security.helpers import client_for


def consent_lines(session) -> list[history.Line]:
    return [
        line
        for lines in history.lines_of(session)
        for line in lines
        if line.event.action == "consent"
    ]


def test_the_consent_note_is_named_and_an_unchanged_consent_has_no_rows(consented):
    w = consented
    workflow.record_consent(
        w.facilitator,
        w.session,
        given=True,
        recording_allowed=False,
        note="Oral consent, read aloud",
    )
    workflow.record_consent(
        w.facilitator,
        w.session,
        given=True,
        recording_allowed=False,
        note="Oral consent, read aloud",
    )
    with translation.override("en"):
        lines = consent_lines(w.session)
    again = [line for line in lines if line.event == lines[-1].event]
    assert [(line.field, line.before, line.after) for line in again] == [("", "", "")]
    assert any(
        line.field == "consent note" and line.after == "Oral consent, read aloud" for line in lines
    )
    assert all(line.before != line.after for line in lines if line.field)


def test_an_old_events_note_is_the_consent_note(consented):
    w = consented
    AuditEvent.objects.create(
        action="consent",
        object_type="assessments.session",
        object_uuid=w.session.uuid,
        session=w.session,
        before={"consent_given": False, "note": ""},
        after={"consent_given": False, "note": "By phone"},
    )
    with translation.override("en"):
        [line] = consent_lines(w.session)[-1:]
    assert (line.field, line.after) == ("consent note", "By phone")


def test_the_form_with_no_box_ticked_says_nothing_was_recorded(world):
    session = world.session
    assert not session.consent_given
    client = client_for(world.facilitator)
    client.cookies["django_language"] = "en"
    url = reverse("session-consent", args=[session.uuid])
    page = client.post(url, {"form": "consent", "consent_note": ""}, follow=True)
    html = page.content.decode()
    assert "Consent recorded." not in html
    assert "Nothing recorded" in html
    assert not Session.objects.get(pk=session.pk).consent_given
    assert not AuditEvent.objects.filter(session=session, action="consent").exists()
