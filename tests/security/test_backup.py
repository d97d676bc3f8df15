"""`govcap backup` and `govcap restore`: a round trip, a checksum, no accidental overwrite."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from govcap.accounts.models import AuditEvent, RoleAssignment
from govcap.assessments.models import Participant, ParticipantIdentity, Session
from govcap.orgs.models import Engagement


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (
        get_user_model(), RoleAssignment, AuditEvent, Engagement, Session, Participant,
        ParticipantIdentity, TOTPDevice)}


def test_a_backup_restores_the_same_data(consented, tmp_path):
    participant = consented.session.participants.first()
    ParticipantIdentity.objects.create(participant=participant, name="Hodan")
    TOTPDevice.objects.create(user=consented.admin, name="phone", confirmed=True)
    before = counts()
    session_uuid, password_hash = consented.session.uuid, consented.admin.password
    out = tmp_path / "govcap.backup"
    call_command("backup", "--out", str(out), stdout=io.StringIO())
    assert out.read_text().startswith("govcap-backup 1 sha256=")

    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(out), stdout=io.StringIO())
    stdout = io.StringIO()
    call_command("restore", str(out), "--force", stdout=stdout)
    assert "restored" in stdout.getvalue()
    assert counts() == before
    restored = Session.objects.get(uuid=session_uuid)
    assert restored.consent_given and restored.facilitators.filter(username="facilitator").exists()
    assert get_user_model().objects.get(username="admin-user").password == password_hash
    assert ParticipantIdentity.objects.get().name == "Hodan"
    assert AuditEvent.objects.filter(action="consent", session_id=restored.pk).exists()
    Session.objects.create(engagement=restored.engagement, organisation=restored.organisation,
                           instrument=restored.instrument)  # sequences follow the loaded ids


def test_a_damaged_backup_is_refused(world, tmp_path):
    out = tmp_path / "govcap.backup"
    call_command("backup", "--out", str(out), stdout=io.StringIO())
    text = out.read_text()
    out.write_text(text.replace("Kenya", "Kenia", 1))
    with pytest.raises(CommandError, match="checksum"):
        call_command("restore", str(out), "--force")
    other = tmp_path / "other.json"
    other.write_text("[]")
    with pytest.raises(CommandError, match="not a govcap backup"):
        call_command("restore", str(other), "--force")
    assert Engagement.objects.filter(name__startswith="Kenya").exists()
