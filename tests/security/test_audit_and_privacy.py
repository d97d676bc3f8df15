"""The audit trail (complete, read-only, exportable) and participant privacy commands."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from govcap.accounts.models import AuditEvent
from govcap.assessments import privacy
from govcap.assessments.models import Participant, ParticipantIdentity, Quote, Rating
from govcap.orgs.models import Engagement
from tests.security.helpers import client_for

SECTION = "change-management"


def save_note(client, session, value: str, revision: int = 0):
    return client.post(reverse("save-field", args=[session.uuid]), json.dumps({
        "op_id": str(uuid.uuid4()), "section": SECTION, "field": "notes", "value": value,
        "base_revision": revision}), content_type="application/json")


def test_the_trail_cannot_be_edited_or_deleted(consented):
    event = AuditEvent.objects.first()
    event.action = "forged"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    with pytest.raises(ValidationError):
        AuditEvent.objects.update(action="forged")
    with pytest.raises(ValidationError):
        AuditEvent.objects.all().delete()


def test_engagement_edits_and_role_grants_are_recorded(world):
    client = client_for(world.coordinator)
    client.post(reverse("engagement-edit", args=[world.engagement.slug]), {
        "name": world.engagement.name, "round_number": 1, "project_name": "IDGC HoA",
        "language": "fr", "start_date": "2026-03-01"})
    event = AuditEvent.objects.filter(action="update", object_uuid=world.engagement.uuid).last()
    assert event.before == {"round_number": 0, "language": "en", "start_date": None}
    assert event.after == {"round_number": 1, "language": "fr", "start_date": "2026-03-01"}
    assert event.user == world.coordinator
    client.post(reverse("engagement-add-member", args=[world.engagement.slug]),
                {"username": "outsider", "role": "viewer"})
    grant = AuditEvent.objects.get(action="grant")
    assert grant.after == {"user": "outsider", "role": "viewer",
                           "engagement": world.engagement.slug, "organisation": None}


def test_a_coordinator_reads_and_downloads_a_sessions_history(consented):
    save_note(client_for(consented.facilitator), consented.session, "First")
    save_note(client_for(consented.facilitator), consented.session, "Second", revision=1)
    coordinator = client_for(consented.coordinator)
    page = coordinator.get(reverse("session-history", args=[consented.session.uuid]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "First" in html and "Second" in html and "facilitator" in html
    response = coordinator.get(reverse("session-history-csv", args=[consented.session.uuid]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    notes = [r for r in rows if r["technical: field_key"] == "notes"]
    assert [(r["field"], r["before"], r["after"]) for r in notes] == [
        ("notes", "", "First"), ("notes", "First", "Second")]
    assert notes[0]["what"] == ("Changed the notes of section 4 “Setting expectations to "
                                "accommodate and sustain change”")
    whats = {r["what"] for r in rows}
    assert "Recorded the participants' consent" in whats and "Added participant P1" in whats
    roles = [r for r in rows if r["technical: field_key"] == "seniority"]
    assert roles and roles[0]["after"] == "Senior management"  # as the page says it, not "senior"
    assert not any("assessments." in r["what"] for r in rows)  # no model names in the words
    assert not any("name" == r["technical: field_key"] for r in rows)  # codes only, never names
    viewer = client_for(consented.viewer)
    assert viewer.get(reverse("session-history", args=[consented.session.uuid])).status_code == 403


@pytest.fixture
def identified(consented):
    participant = consented.session.participants.get(code="P1")
    ParticipantIdentity.objects.create(participant=participant, name="Amina Yusuf",
                                       contact="amina@example.org")
    client = client_for(consented.facilitator)
    client.post(reverse("save-quote", args=[consented.session.uuid]), json.dumps({
        "op_id": str(uuid.uuid4()), "section": SECTION, "quote": str(uuid.uuid4()),
        "text": "Our director decides everything.", "participant": "P1",
        "base_revision": 0}), content_type="application/json")
    save_note(client, consented.session, "Basic: no shared standards.")
    consented.participant = participant
    return consented


def test_export_identified_writes_names_and_an_audit_event(identified, tmp_path):
    out = tmp_path / "names.csv"
    stdout = io.StringIO()
    call_command("privacy", "export-identified", identified.engagement.slug, "--out", str(out),
                 "--user", "admin-user", stdout=stdout)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["code"], r["name"]) for r in rows] == [("P1", "Amina Yusuf")]
    event = AuditEvent.objects.get(action="export_identified")
    assert event.user == identified.admin and event.after["rows"] == 1
    with pytest.raises(CommandError):
        call_command("privacy", "export-identified", identified.engagement.slug,
                     "--out", str(out), "--user", "viewer")


def test_names_never_reach_pages_or_the_trail(identified):
    client = client_for(identified.admin)
    for name in ("session", "session-consent", "session-summary", "session-history"):
        html = client.get(reverse(name, args=[identified.session.uuid])).content.decode()
        assert "Amina Yusuf" not in html
    assert "Amina" not in json.dumps(list(AuditEvent.objects.values("before", "after")))


def test_erasing_a_participant_keeps_the_ratings(identified):
    from govcap.assessments import sharing

    quote = Quote.objects.get(session=identified.session)
    sharing.share(identified.coordinator, identified.session, f"quote:{quote.uuid}",
                  "Our director decides everything.")  # its shared wording goes too
    out = io.StringIO()
    call_command("privacy", "erase-participant", str(identified.session.uuid), "P1", stdout=out)
    assert "1 quote(s) removed" in out.getvalue()
    participant = Participant.objects.get(pk=identified.participant.pk)
    assert participant.code == "P1" and participant.role_title == ""
    assert not ParticipantIdentity.objects.filter(participant=participant).exists()
    assert not Quote.objects.filter(session=identified.session).exists()
    assert Rating.objects.get(session=identified.session, section_key=SECTION).notes == (
        "Basic: no shared standards.")
    trail = json.dumps(list(AuditEvent.objects.values("before", "after")))
    assert "Our director decides" not in trail and "Director of ICT" not in trail
    erase = AuditEvent.objects.get(action="erase")
    assert erase.after["quotes_removed"] == 1 and erase.session_id == identified.session.pk
    with pytest.raises(CommandError):
        call_command("privacy", "erase-participant", str(identified.session.uuid), "P9")


def test_purge_lists_first_and_removes_only_old_closed_engagements(identified, settings):
    settings.GOVCAP_RETENTION_MONTHS = 12
    Engagement.objects.filter(pk=identified.engagement.pk).update(
        status=Engagement.Status.CLOSED, end_date=dt.date.today() - dt.timedelta(days=400))
    out = io.StringIO()
    call_command("privacy", "purge", stdout=out)
    assert "Dry run: 1 identified" in out.getvalue()
    assert ParticipantIdentity.objects.count() == 1
    call_command("privacy", "purge", "--yes", stdout=io.StringIO())
    assert ParticipantIdentity.objects.count() == 0
    assert AuditEvent.objects.get(action="purge_identified").after["identities_removed"] == 1
    assert Participant.objects.filter(session=identified.session).count() == 2


def test_purge_keeps_recent_or_open_engagements(identified, settings):
    settings.GOVCAP_RETENTION_MONTHS = 12
    Engagement.objects.filter(pk=identified.engagement.pk).update(
        status=Engagement.Status.CLOSED, end_date=dt.date.today() - dt.timedelta(days=200))
    assert privacy.purge_plan().items == []
    Engagement.objects.filter(pk=identified.engagement.pk).update(
        status=Engagement.Status.OPEN, end_date=dt.date.today() - dt.timedelta(days=900))
    assert privacy.purge_plan().items == []
    settings.GOVCAP_RETENTION_MONTHS = 0
    assert privacy.purge_plan().cutoff is None


@pytest.mark.parametrize("day, months, expected", [
    (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
    (dt.date(2024, 5, 31), 3, dt.date(2024, 2, 29)),
])
def test_months_before(day, months, expected):
    assert privacy.months_before(day, months) == expected
