"""draft → in progress → submitted → validated, and who may move a session along."""

from __future__ import annotations

import uuid

import pytest

from govcap.assessments import capture, workflow
from govcap.assessments.errors import CaptureError, NotAllowed
from govcap.assessments.models import Participant, ParticipantIdentity
from govcap.scale import SECTION_KEYS


def rate_all(world, skip=()):
    for key in SECTION_KEYS:
        if key in skip:
            continue
        capture.save_field(world.facilitator, world.session, capture.FieldSave(
            op_id=uuid.uuid4(), section_key=key, field="level", value="moderate", base_revision=0))


def test_consent_moves_a_draft_into_progress(world):
    assert world.session.status == "draft"
    workflow.record_consent(world.facilitator, world.session, given=True,
                            recording_allowed=True, note="Oral consent, all 6 present")
    world.session.refresh_from_db()
    assert (world.session.status, world.session.consent_given) == ("in_progress", True)


def test_participants_get_codes_and_names_are_kept_apart(world):
    first = workflow.add_participant(world.facilitator, world.session, workflow.ParticipantInput(
        role_title="CIO", organisation_id=world.ministry.pk, name="Wanjiru K."))
    second = workflow.add_participant(world.facilitator, world.session, workflow.ParticipantInput(
        role_title="Architect", organisation_id=world.agency.pk))
    assert (first.code, second.code) == ("P1", "P2")
    assert ParticipantIdentity.objects.get().participant == first
    assert "Wanjiru" not in str(Participant.objects.values())


def test_a_participant_must_come_from_the_sessions_country(world):
    with pytest.raises(CaptureError, match="organisation of this country"):
        workflow.add_participant(world.facilitator, world.session, workflow.ParticipantInput(
            role_title="CIO", organisation_id=world.somali_ministry.pk))


def test_submitting_needs_every_section(consented):
    rate_all(consented, skip={"policy-influence"})
    with pytest.raises(CaptureError, match="6. Ability to influence"):
        workflow.submit(consented.facilitator, consented.session)


def test_not_assessed_counts_only_with_a_reason(consented):
    rate_all(consented, skip={"policy-influence"})
    capture.save_field(consented.facilitator, consented.session, capture.FieldSave(
        uuid.uuid4(), "policy-influence", "level", "not_assessed", 0))
    with pytest.raises(CaptureError, match="Missing"):
        workflow.submit(consented.facilitator, consented.session)
    capture.save_field(consented.facilitator, consented.session, capture.FieldSave(
        uuid.uuid4(), "policy-influence", "not_assessed_reason", "No policy staff attended", 0))
    assert workflow.submit(consented.facilitator, consented.session).status == "submitted"


def test_the_whole_workflow(consented):
    rate_all(consented)
    session = workflow.submit(consented.facilitator, consented.session)
    with pytest.raises(NotAllowed):
        workflow.validate(consented.facilitator, session)
    session = workflow.validate(consented.coordinator, session)
    assert session.status == "validated" and session.validated_by == consented.coordinator
    session = workflow.reopen(consented.coordinator, session)
    assert session.status == "in_progress" and session.validated_at is None


def test_only_a_submitted_session_can_be_validated(consented):
    with pytest.raises(CaptureError, match="Only a submitted session can be validated"):
        workflow.validate(consented.coordinator, consented.session)


def test_a_facilitator_of_another_session_cannot_submit_it(consented):
    rate_all(consented)
    with pytest.raises(NotAllowed):
        workflow.submit(consented.colleague, consented.session)
