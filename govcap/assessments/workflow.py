"""A session's life: consent, participants, and draft → in progress → submitted → validated."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcap import localise
from govcap.accounts import audit, scoping
from govcap.accounts.models import AuditEvent
from govcap.assessments import capture
from govcap.assessments.capture import check_can_capture
from govcap.assessments.errors import CaptureError, NotAllowed, ReadOnly
from govcap.assessments.models import Participant, ParticipantIdentity, Quote, Rating, Session
from govcap.orgs.models import Organisation

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
        # the fields that changed only: a consent saved again as it was is an event with no
        # change in it, not "no → no" rows in the session's history
        after = consent_state(session)
        changed = [k for k in after if before[k] != after[k]]
        audit.record(user, "consent", session, {k: before[k] for k in changed} or None,
                     {k: after[k] for k in changed} or None, session=session)


def consent_state(session: Session) -> dict:
    """The consent as the trail records it, by the session's field names (a reader's history
    names them: "consent note", not "note")."""
    return {
        "consent_given": session.consent_given,
        "recording_allowed": session.recording_allowed,
        "consent_note": session.consent_note,
    }


@dataclass(frozen=True)
class ParticipantInput:
    role_title: str
    organisation_id: int
    seniority: str = ""
    gender: str = ""
    name: str = ""


# --- participants --------------------------------------------------------------------------
#
# Every change of a participant (add, edit, remove, undo of a removal) is one operation with a
# client operation ID, applied once through capture.once (a retry gets the first answer) and
# audited with codes only. An edit carries the participant's base revision; an edit based on
# another revision is refused with both versions (ParticipantConflict), never applied.

PARTICIPANT = "assessments.participant"
ACTIONS = ("add", "edit", "remove", "undo")


class ParticipantConflict(CaptureError):
    """The participant changed since the revision the edit (or removal) was based on."""

    status = 409

    def __init__(self, yours: dict[str, Any] | None, theirs: dict[str, Any], revision: int,
                 message: str | None = None) -> None:
        super().__init__(message or _(
            "Someone else changed this participant since you loaded it. Both versions are "
            "shown: save again to keep yours, or cancel to keep theirs."), "participant")
        self.yours, self.theirs, self.revision = yours, theirs, revision

    def as_dict(self) -> dict[str, Any]:
        return {"status": "conflict", "message": self.message, "field": self.field,
                "yours": self.yours, "theirs": self.theirs, "revision": self.revision}


class ParticipantMissing(CaptureError):
    status = 404


class UndoRefused(CaptureError):
    """The removal cannot be undone (its code was given to someone else, say)."""

    status = 409


@dataclass(frozen=True)
class ParticipantOp:
    """One participant operation. `participant` is the participant's UUID (for "add", the
    client may choose it); `identity` is, for "undo", the name and contact the remover's
    login session kept (see remove_participant), else None."""

    op_id: uuid.UUID
    action: str
    participant: uuid.UUID | None = None
    data: ParticipantInput | None = None
    base_revision: int = 0
    identity: dict[str, str] | None = None


@dataclass
class ParticipantOutcome:
    response: dict[str, Any]  # JSON-safe, without names: it is kept for a retry
    participant: Participant | None = None
    removed_identity: dict[str, str] | None = None  # set by a removal applied now


def participant_operation(user, session: Session, op: ParticipantOp) -> ParticipantOutcome:
    """Apply one participant operation once (see the comment above).

    The caller's right to change the session is checked before a stored answer is given:
    a retry is answered only to someone who captures this session (a facilitator whose
    session was submitted since still gets the answer to their own retry)."""
    if op.action not in ACTIONS:
        raise CaptureError(_("The action must be add, edit, remove or undo."), "action")
    try:
        check_can_capture(user, session)
    except ReadOnly:
        pass  # refused again under the lock unless this is a retry
    outcome = ParticipantOutcome(response={})

    def apply(locked: Session) -> dict[str, Any]:  # capture.once checked the user under the lock
        return APPLY[op.action](user, locked, op, outcome)

    outcome.response = capture.once(user, session, op.op_id, apply)
    if outcome.participant is None and outcome.response.get("participant"):
        outcome.participant = Participant.objects.filter(
            uuid=outcome.response["participant"]["uuid"]).select_related("organisation").first()
    return outcome


def add_participant(user, session: Session, data: ParticipantInput, *,
                    op_id: uuid.UUID | None = None,
                    participant_uuid: uuid.UUID | None = None) -> Participant:
    outcome = participant_operation(user, session, ParticipantOp(
        op_id=op_id or uuid.uuid4(), action="add", participant=participant_uuid, data=data))
    return _the_participant(outcome)


def edit_participant(user, session: Session, participant: uuid.UUID, data: ParticipantInput, *,
                     base_revision: int, op_id: uuid.UUID | None = None) -> Participant:
    return _the_participant(participant_operation(user, session, ParticipantOp(
        op_id=op_id or uuid.uuid4(), action="edit", participant=participant, data=data,
        base_revision=base_revision)))


def _the_participant(outcome: ParticipantOutcome) -> Participant:
    """The participant an add or an edit answered with. A retry of either (the same op_id:
    a form posted again) after the participant was removed finds none: refused as missing,
    not answered with None."""
    if outcome.participant is None:
        raise ParticipantMissing(_("This participant has been removed since."), "participant")
    return outcome.participant


def remove_participant(user, session: Session, participant: Participant, *,
                       op_id: uuid.UUID | None = None,
                       base_revision: int = 0) -> ParticipantOutcome:
    """Remove a participant; their quotes become unattributed. It can be undone
    (undo_removal) with what the removal records.

    Why the rows are deleted rather than marked removed: a removed participant must vanish
    from everything that reads participants — quotes' attribution, exports, bundles, sync,
    votes, analysis — and a mark would have to be honoured in each of them (and needs a
    column). Instead the removal's audit event keeps what undo needs, codes only: the
    participant's fields, UUID, row id, revision and the UUIDs of the quotes it had.

    The name (and contact) never enter the audit trail, so they are not in that event: the
    removal returns them (`removed_identity`) and the web views keep them in the remover's
    login session for the undo offer only (govcap.web.undo: dropped when the offer expires,
    at logout and when the login session ends) — not in the database's lasting tables, where
    erasure and the retention purge would not find them. An undo without them restores
    everything but the name."""
    return participant_operation(user, session, ParticipantOp(
        op_id=op_id or uuid.uuid4(), action="remove", participant=participant.uuid,
        base_revision=base_revision))


def undo_removal(user, session: Session, participant: uuid.UUID, *,
                 identity: dict[str, str] | None = None,
                 op_id: uuid.UUID | None = None) -> ParticipantOutcome:
    return participant_operation(user, session, ParticipantOp(
        op_id=op_id or uuid.uuid4(), action="undo", participant=participant,
        identity=identity))


def participant_state(participant: Participant) -> dict:
    # Codes only: names never enter the audit trail.
    return {
        "code": participant.code,
        "role_title": participant.role_title,
        "organisation": participant.organisation_id,
        "seniority": participant.seniority,
        "gender": participant.gender,
    }


def participant_json(participant: Participant) -> dict[str, Any]:
    """A participant as the JSON endpoint answers (and a retry is answered): no name."""
    return {"uuid": str(participant.uuid), "code": participant.code,
            "revision": participant.revision, "role_title": participant.role_title,
            "organisation": participant.organisation_id, "seniority": participant.seniority,
            "gender": participant.gender,
            "has_name": bool((identity := _identity(participant)) and identity.name)}


def participant_version(participant: Participant) -> dict[str, Any]:
    """What an editor sees of a participant, with the name: for a conflict's "theirs" (an
    answer that is never stored)."""
    identity = _identity(participant)
    return {**participant_json(participant), "name": identity.name if identity else ""}


def _identity(participant: Participant) -> ParticipantIdentity | None:
    try:
        return participant.identity
    except ParticipantIdentity.DoesNotExist:
        return None


def _clean(session: Session, data: ParticipantInput | None) -> ParticipantInput:
    if data is None:
        raise CaptureError(_("Give the participant's role, organisation, seniority and gender."),
                           "role_title")
    role_title, name = data.role_title.replace("\x00", "").strip(), data.name.replace("\x00", "").strip()
    if not role_title:
        raise CaptureError(_("Give the participant's role or job title."), "role_title")
    if len(role_title) > 160:
        raise CaptureError(_("A role or job title has at most 160 characters."), "role_title")
    if len(name) > 200:
        raise CaptureError(_("A name has at most 200 characters."), "name")
    if data.seniority not in Participant.Seniority.values:
        raise CaptureError(_("Choose a seniority from the list."), "seniority")
    if data.gender not in Participant.Gender.values:
        raise CaptureError(_("Choose a gender from the list."), "gender")
    if not session.engagement.country.organisations.filter(pk=data.organisation_id).exists():
        raise CaptureError(_("Choose an organisation of this country."), "organisation")
    return ParticipantInput(role_title=role_title, organisation_id=data.organisation_id,
                            seniority=data.seniority, gender=data.gender, name=name)


def next_code(session: Session) -> str:
    """The first P-number neither in use nor ever given to a participant removed from this
    session: notes and dissent name people by code, so a code is never reused for someone
    else (which also leaves a removal undoable)."""
    used = set(session.participants.values_list("code", flat=True))
    for before in AuditEvent.objects.filter(session_id=session.id, object_type=PARTICIPANT,
                                            action="delete").values_list("before", flat=True):
        if isinstance(before, dict) and isinstance(before.get("code"), str):
            used.add(before["code"])
    n = 1
    while f"P{n}" in used:
        n += 1
    return f"P{n}"


def _find(session: Session, participant_uuid: uuid.UUID | None) -> Participant:
    found = (Participant.objects.select_related("organisation", "identity")
             .filter(uuid=participant_uuid, session_id=session.id).first()
             if participant_uuid else None)
    if found is None:
        raise ParticipantMissing(_("No such participant in this session."), "participant")
    return found


def _add(user, session: Session, op: ParticipantOp, outcome: ParticipantOutcome) -> dict[str, Any]:
    data = _clean(session, op.data)
    if op.participant is not None:
        existing = Participant.objects.filter(uuid=op.participant).first()
        if existing is not None:
            if existing.session_id != session.id:
                raise CaptureError(_("This participant UUID is used in another session."),
                                   "participant")
            outcome.participant = existing  # added already, by another operation
            return {"status": "saved", "action": "add", "participant": participant_json(existing)}
    participant = Participant.objects.create(
        uuid=op.participant or uuid.uuid4(), session=session, code=next_code(session),
        role_title=data.role_title, organisation_id=data.organisation_id,
        seniority=data.seniority, gender=data.gender,
    )
    if data.name:
        ParticipantIdentity.objects.create(participant=participant, name=data.name)
    audit.record(user, "create", participant, None, participant_state(participant),
                 session=session, op_id=op.op_id)
    outcome.participant = participant
    return capture.remember(session, op.op_id, {
        "status": "saved", "action": "add", "participant": participant_json(participant)})


def _edit(user, session: Session, op: ParticipantOp, outcome: ParticipantOutcome) -> dict[str, Any]:
    data = _clean(session, op.data)
    participant = _find(session, op.participant)
    identity = _identity(participant)
    current = participant_version(participant)
    wanted = {"role_title": data.role_title, "organisation": data.organisation_id,
              "seniority": data.seniority, "gender": data.gender, "name": data.name}
    unchanged = all(current[k] == v for k, v in wanted.items())
    outcome.participant = participant
    if unchanged:  # nothing to write (whatever revision it was based on)
        return {"status": "saved", "action": "edit", "participant": participant_json(participant)}
    if op.base_revision != participant.revision:
        raise ParticipantConflict({**current, **wanted}, current, participant.revision)
    before = participant_state(participant)
    participant.role_title, participant.organisation_id = data.role_title, data.organisation_id
    participant.seniority, participant.gender = data.seniority, data.gender
    participant.revision += 1
    participant.save(update_fields=["role_title", "organisation", "seniority", "gender",
                                    "revision"])
    after = participant_state(participant)
    changed = [k for k in after if before[k] != after[k]]
    audit_after: dict[str, Any] = {k: after[k] for k in changed} | {"revision": participant.revision}
    if data.name != current["name"]:
        audit_after["name_changed"] = True  # that it changed, never what it is
        if identity is None:
            ParticipantIdentity.objects.create(participant=participant, name=data.name)
        elif data.name or identity.contact:
            identity.name = data.name
            identity.save(update_fields=["name"])
        else:
            identity.delete()
    audit.record(user, "update", participant, {k: before[k] for k in changed}, audit_after,
                 session=session, op_id=op.op_id)
    participant = Participant.objects.select_related("identity").get(pk=participant.pk)
    outcome.participant = participant
    return capture.remember(session, op.op_id, {
        "status": "saved", "action": "edit", "participant": participant_json(participant)})


def _remove(user, session: Session, op: ParticipantOp,
            outcome: ParticipantOutcome) -> dict[str, Any]:
    participant = (Participant.objects.select_related("organisation", "identity")
                   .filter(uuid=op.participant, session_id=session.id).first()
                   if op.participant else None)
    if participant is None:
        removal = _last_event(session, op.participant)
        if removal is not None and removal.action == "delete" and removal.before:
            # removed already, by another operation (a second tab, say): the wish holds
            return {"status": "removed", "action": "remove", "already": True,
                    "participant": {"uuid": str(op.participant), "code": removal.before["code"]}}
        raise ParticipantMissing(_("No such participant in this session."), "participant")
    if op.base_revision and op.base_revision != participant.revision:
        raise ParticipantConflict(None, participant_version(participant), participant.revision,
                                  _("%(code)s changed since you asked to remove them: check "
                                    "and confirm again.") % {"code": participant.code})
    quotes = list(Quote.objects.select_for_update().filter(participant=participant)
                  .order_by("id"))
    for quote in quotes:
        before = capture.quote_state(quote)
        quote.participant = None
        quote.revision += 1
        quote.save(update_fields=["participant", "revision"])
        audit.record(user, "update", quote, {"participant": before["participant"]},
                     {"participant": ""}, session=session, op_id=op.op_id)
    identity = _identity(participant)
    audit.record(user, "delete", participant, {
        **participant_state(participant), "id": participant.id, "revision": participant.revision,
        "quotes": [str(q.uuid) for q in quotes],
    }, None, session=session, op_id=op.op_id)
    if identity is not None and (identity.name or identity.contact):
        outcome.removed_identity = {"name": identity.name, "contact": identity.contact}
    response = {"status": "removed", "action": "remove",
                "participant": participant_json(participant), "quotes": len(quotes)}
    participant.delete()
    return capture.remember(session, op.op_id, response)


def _last_event(session: Session, participant_uuid: uuid.UUID | None) -> AuditEvent | None:
    if participant_uuid is None:
        return None
    return (AuditEvent.objects.filter(session_id=session.id, object_type=PARTICIPANT,
                                      object_uuid=participant_uuid)
            .order_by("-id").first())


def _undo(user, session: Session, op: ParticipantOp, outcome: ParticipantOutcome) -> dict[str, Any]:
    existing = Participant.objects.filter(uuid=op.participant).first() if op.participant else None
    if existing is not None and existing.session_id == session.id:
        outcome.participant = existing  # restored already (another tab's undo, say)
        return {"status": "restored", "action": "undo", "already": True,
                "participant": participant_json(existing)}
    removal = None if existing is not None else _last_event(session, op.participant)
    before = removal.before if removal is not None and removal.action == "delete" else None
    if op.participant is None or not isinstance(before, dict) or "quotes" not in before:
        raise ParticipantMissing(_("There is no removal of this participant to undo."),
                                 "participant")
    code = before["code"]
    if Participant.objects.filter(session_id=session.id, code=code).exists():
        raise UndoRefused(_("%(code)s was given to another participant since, so this removal "
                            "cannot be undone: add the participant again instead.")
                          % {"code": code}, "participant")
    if not Organisation.objects.filter(pk=before["organisation"]).exists():
        raise UndoRefused(_("The participant's organisation no longer exists: add the "
                            "participant again instead."), "organisation")
    row_id = before.get("id")
    participant = Participant(
        id=row_id if row_id and not Participant.objects.filter(pk=row_id).exists() else None,
        uuid=op.participant, session_id=session.id, code=code, role_title=before["role_title"],
        organisation_id=before["organisation"], seniority=before["seniority"],
        gender=before["gender"], revision=int(before.get("revision") or 1) + 1,
    )
    participant.save(force_insert=True)
    identity = op.identity or {}
    if identity.get("name") or identity.get("contact"):
        ParticipantIdentity.objects.create(participant=participant,
                                           name=str(identity.get("name", ""))[:200],
                                           contact=str(identity.get("contact", ""))[:200])
    restored, skipped = [], 0
    quotes = Quote.objects.select_for_update().filter(session_id=session.id,
                                                      uuid__in=before["quotes"]).order_by("id")
    for quote in quotes:
        if quote.participant_id is not None:  # attributed to someone else since: theirs stays
            skipped += 1
            continue
        quote.participant = participant
        quote.revision += 1
        quote.save(update_fields=["participant", "revision"])
        audit.record(user, "update", quote, {"participant": ""}, {"participant": code},
                     session=session, op_id=op.op_id)
        restored.append(str(quote.uuid))
    skipped += len(before["quotes"]) - len(restored) - skipped  # deleted since
    audit.record(user, "restore", participant, None, {
        **participant_state(participant), "revision": participant.revision,
        "quotes": restored}, session=session, op_id=op.op_id)
    participant = Participant.objects.select_related("organisation", "identity").get(
        pk=participant.pk)
    outcome.participant = participant
    return capture.remember(session, op.op_id, {
        "status": "restored", "action": "undo", "participant": participant_json(participant),
        "quotes": len(restored), "quotes_not_restored": skipped,
        "name_restored": bool(identity.get("name"))})


APPLY = {"add": _add, "edit": _edit, "remove": _remove, "undo": _undo}


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
            refusals: dict[str, str] = {
                S.SUBMITTED: _("Only a session in progress can be submitted; this one is: "
                               "%(status)s."),
                S.VALIDATED: _("Only a submitted session can be validated; this one is: "
                               "%(status)s."),
                S.IN_PROGRESS: _("Only a submitted or validated session can be reopened; this "
                                 "one is: %(status)s."),
            }
            raise CaptureError(refusals.get(to, _("This session cannot change status now: "
                                                 "%(status)s.")) % {
                "status": locked.get_status_display()}, "status")
        before = locked.status
        locked.status = to
        for name, value in stamps.items():
            setattr(locked, name, value)
        locked.save()
        audit.record(user, "transition", locked, {"status": before}, {"status": to}, session=locked)
        return locked


def submit(user, session: Session) -> Session:
    if not scoping.can_submit(user, session):
        raise NotAllowed(_("Only the session's facilitators or a coordinator can submit it."))
    if not session.consent_given:
        raise CaptureError(_("Consent was not recorded for this session."), "consent")
    missing = missing_sections(session)
    if missing:
        raise CaptureError(
            _("Rate every section (or mark it not assessed with a reason) before submitting. "
              "Missing: %(sections)s") % {"sections": localise.join(missing, strong=True)},
            "sections",
        )
    return _transition(user, session, {S.IN_PROGRESS}, S.SUBMITTED,
                       submitted_at=timezone.now(), submitted_by=user)


def validate(user, session: Session) -> Session:
    if not scoping.can_validate(user, session):
        raise NotAllowed(_("Only a coordinator of this engagement can validate sessions."))
    return _transition(user, session, {S.SUBMITTED}, S.VALIDATED,
                       validated_at=timezone.now(), validated_by=user)


def reopen(user, session: Session) -> Session:
    if not scoping.can_validate(user, session):
        raise NotAllowed(_("Only a coordinator of this engagement can reopen sessions."))
    return _transition(user, session, {S.SUBMITTED, S.VALIDATED}, S.IN_PROGRESS,
                       validated_at=None, validated_by=None)
