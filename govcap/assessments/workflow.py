"""A session's life: consent, participants, and draft → in progress → submitted → validated."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from govcap.accounts import audit, scoping
from govcap.assessments.capture import check_can_capture
from govcap.assessments.errors import CaptureError, NotAllowed
from govcap.assessments.models import Participant, ParticipantIdentity, Rating, Session

S = Session.Status


def record_consent(user, session: Session, *, given: bool, recording_allowed: bool, note: str) -> None:
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        check_can_capture(user, session)
        before = consent_state(session)
        session.consent_given = given
        session.recording_allowed = recording_allowed
        session.consent_note = note.strip()
        session.consent_recorded_at = timezone.now()
        session.consent_recorded_by = user
        if given and session.status == S.DRAFT:
            session.status = S.IN_PROGRESS
        session.save()
        audit.record(user, "consent", session, before, consent_state(session), session=session)


def consent_state(session: Session) -> dict:
    return {
        "consent_given": session.consent_given,
        "recording_allowed": session.recording_allowed,
        "note": session.consent_note,
    }


@dataclass(frozen=True)
class ParticipantInput:
    role_title: str
    organisation_id: int
    seniority: str = ""
    gender: str = ""
    name: str = ""


def add_participant(user, session: Session, data: ParticipantInput) -> Participant:
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        check_can_capture(user, session)
        if data.seniority not in Participant.Seniority.values:
            raise CaptureError("Choose a seniority from the list.", "seniority")
        if data.gender not in Participant.Gender.values:
            raise CaptureError("Choose a gender from the list.", "gender")
        if not session.engagement.country.organisations.filter(pk=data.organisation_id).exists():
            raise CaptureError("Choose an organisation of this country.", "organisation")
        codes = set(session.participants.values_list("code", flat=True))
        n = len(codes) + 1
        while f"P{n}" in codes:
            n += 1
        participant = Participant.objects.create(
            session=session,
            code=f"P{n}",
            role_title=data.role_title.strip()[:160],
            organisation_id=data.organisation_id,
            seniority=data.seniority,
            gender=data.gender,
        )
        if data.name.strip():
            ParticipantIdentity.objects.create(participant=participant, name=data.name.strip()[:200])
        audit.record(user, "create", participant, None, participant_state(participant),
                     session=session)
        return participant


def remove_participant(user, session: Session, participant: Participant) -> None:
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        check_can_capture(user, session)
        if participant.session_id != session.id:
            raise CaptureError("This participant belongs to another session.", "participant")
        audit.record(user, "delete", participant, participant_state(participant), None,
                     session=session)
        participant.delete()


def participant_state(participant: Participant) -> dict:
    # Codes only: names never enter the audit trail.
    return {
        "code": participant.code,
        "role_title": participant.role_title,
        "organisation": participant.organisation_id,
        "seniority": participant.seniority,
        "gender": participant.gender,
    }


def missing_sections(session: Session) -> list[str]:
    """Section titles that have neither a level nor a reason for not assessing them."""
    done = {
        r.section_key
        for r in Rating.objects.filter(session=session, rater=None)
        if r.is_complete
    }
    return [
        f"{s.number}. {s.title}" for s in session.instrument.parsed.sections if s.key not in done
    ]


def _transition(user, session: Session, allowed_from: set[str], to: str, **stamps) -> Session:
    with transaction.atomic():
        locked = Session.objects.select_for_update().select_related("engagement").get(pk=session.pk)
        if locked.status not in allowed_from:
            raise CaptureError(
                f"A {locked.get_status_display().lower()} session cannot be "
                f"{S(to).label.lower()}.", "status"
            )
        before = locked.status
        locked.status = to
        for name, value in stamps.items():
            setattr(locked, name, value)
        locked.save()
        audit.record(user, "transition", locked, {"status": before}, {"status": to}, session=locked)
        return locked


def submit(user, session: Session) -> Session:
    if not scoping.can_submit(user, session):
        raise NotAllowed("Only the session's facilitators or a coordinator can submit it.")
    if not session.consent_given:
        raise CaptureError("Consent was not recorded for this session.", "consent")
    missing = missing_sections(session)
    if missing:
        raise CaptureError(
            "Rate every section (or mark it not assessed with a reason) before submitting. "
            "Missing: " + "; ".join(missing),
            "sections",
        )
    return _transition(user, session, {S.IN_PROGRESS}, S.SUBMITTED,
                       submitted_at=timezone.now(), submitted_by=user)


def validate(user, session: Session) -> Session:
    if not scoping.can_validate(user, session):
        raise NotAllowed("Only a coordinator of this engagement can validate sessions.")
    return _transition(user, session, {S.SUBMITTED}, S.VALIDATED,
                       validated_at=timezone.now(), validated_by=user)


def reopen(user, session: Session) -> Session:
    if not scoping.can_validate(user, session):
        raise NotAllowed("Only a coordinator of this engagement can reopen sessions.")
    return _transition(user, session, {S.SUBMITTED, S.VALIDATED}, S.IN_PROGRESS,
                       validated_at=None, validated_by=None)
