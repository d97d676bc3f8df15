"""Saving what the facilitator captures, one field at a time.

Every save is one transaction that carries a client operation ID (a retried save is
applied once and answered as before) and the revision of the field it was based on (a save
on a stale revision is refused with both versions). Each save leaves an audit event.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from govcap import labels, plainsql
from govcap.accounts import audit, scoping
from govcap.assessments import conflicts
from govcap.assessments.errors import (
    CaptureError,
    NotAllowed,
    ReadOnly,
    SessionNotFound,
    StaleRevision,
)
from govcap.assessments.models import AppliedOperation, Participant, Quote, Rating, Session
from govcap.instruments.models import Instrument
from govcap.scale import CONFIDENCE_KEYS, LEVEL_KEYS, NOT_ASSESSED

MAX_TEXT = 20_000  # characters in one notes/evidence/dissent/quote field


@dataclass(frozen=True)
class FieldSave:
    op_id: uuid.UUID
    section_key: str
    field: str
    value: str
    base_revision: int
    instrument_version: str | None = None  # the version the page was made for, if known
    resolves: uuid.UUID | None = None  # the author's conflict this save decides, if any


@dataclass(frozen=True)
class QuoteSave:
    op_id: uuid.UUID
    section_key: str
    quote_uuid: uuid.UUID
    text: str
    participant_code: str
    base_revision: int  # 0 for a new quote
    delete: bool = False
    instrument_version: str | None = None
    resolves: uuid.UUID | None = None


def parse_op_id(raw: str | None, field: str = "op_id") -> uuid.UUID:
    """A UUID from the client: the save's operation ID, or (with `field`) another UUID
    such as a quote's, named in the error so the message points at the right value."""
    try:
        return uuid.UUID(str(raw))
    except (TypeError, ValueError):
        if field == "op_id":
            raise CaptureError(_("Every save needs an operation ID (a UUID)."), field) from None
        raise CaptureError(_("“%(name)s” must be a UUID.") % {"name": field}, field) from None


def clean_value(field: str, value: str) -> str:
    value = (value or "").replace("\x00", "")
    if field == "level":
        value = value.strip().lower()
        if value and value not in (*LEVEL_KEYS, NOT_ASSESSED):
            raise CaptureError(
                _("“%(value)s” is not on the scale: use %(high)s, %(moderate)s, %(basic)s or "
                  "%(not_assessed)s.") % {
                    "value": value, "high": labels.level_label("high"),
                    "moderate": labels.level_label("moderate"),
                    "basic": labels.level_label("basic"),
                    "not_assessed": labels.level_label(NOT_ASSESSED)},
                "level",
            )
    elif field == "confidence":
        value = value.strip().lower()
        if value and value not in CONFIDENCE_KEYS:
            raise CaptureError(_("Confidence is %(low)s, %(medium)s or %(high)s.") % {
                key: labels.confidence_label(key).lower() for key in CONFIDENCE_KEYS},
                "confidence")
    elif field not in Rating.CAPTURE_FIELDS:
        raise CaptureError(_("“%(name)s” is not a field of a section.") % {"name": field}, field)
    if len(value) > MAX_TEXT:
        raise CaptureError(_("This text is longer than %(limit)s characters.") % {
            "limit": number_format(MAX_TEXT, force_grouping=True)}, field)
    return value


def check_can_capture(user, session: Session, *, assigned: bool | None = None) -> None:
    """Refuse a change of `session` by `user` (ReadOnly or NotAllowed). `assigned`, when the
    caller already knows it (a `LockedSession` does): the user is among its facilitators."""
    if session.status == Session.Status.VALIDATED:
        raise ReadOnly(_("This session is validated and read-only; a coordinator can reopen "
                         "it."))
    if not scoping.can_capture(user, session, assigned=assigned):
        if session.status == Session.Status.SUBMITTED and scoping.is_assigned_facilitator(
            user, session, assigned=assigned
        ):
            raise ReadOnly(_("This session is submitted and read-only to facilitators."))
        raise NotAllowed(_("You cannot change this session."))


def check_section(session: Session, section_key: str, instrument_version: str | None) -> None:
    if instrument_version and instrument_version != session.instrument.version:
        raise CaptureError(
            _("This page was made for instrument version %(page)s, but the session uses "
              "version %(session)s. Reload the page.") % {
                "page": instrument_version, "session": session.instrument.version},
            "instrument",
        )
    if session.instrument.parsed.section(section_key) is None:
        raise CaptureError(
            _("Section “%(section)s” is not in instrument version %(version)s used by this "
              "session.") % {"section": section_key, "version": session.instrument.version},
            "section",
        )


# What the checks of a save read from its session (the rest stays deferred).
LOCKED_FIELDS = ("id", "uuid", "engagement", "organisation", "instrument", "status",
                 "consent_given")


@dataclass(frozen=True)
class LockedSession:
    """A session locked for a save, read with what the save's checks need: the `LOCKED_FIELDS`
    (the rest deferred) and its instrument without the document (parsed once per process:
    see Instrument.parsed); `assigned`: the saving user is among its facilitators."""

    session: Session
    assigned: bool


def locked_session(user, session: Session | uuid.UUID) -> LockedSession:
    """Lock a session for a save and read what its checks need, in one statement: the row
    and whether `user` facilitates it.

    Raises SessionNotFound when there is no such session or, given by UUID (so not found
    through the user's scope yet), one the user may not see."""
    facilitates = (_facilitates_sql(connection.vendor), [user.pk or 0])
    where = ([("uuid", "=", session)] if isinstance(session, uuid.UUID)
             else [("id", "=", session.pk)])
    rows = plainsql.select(Session, where, fields=LOCKED_FIELDS, annotate={"assigned": facilitates},
                           lock=True)
    if not rows:
        raise SessionNotFound()
    row = rows[0]
    locked = plainsql.instance(Session, LOCKED_FIELDS, row)
    assigned = bool(row[len(LOCKED_FIELDS)])  # 0/1 on SQLite
    if isinstance(session, uuid.UUID) and not scoping.can_see_session(
            user, locked, assigned=assigned):
        raise SessionNotFound()  # as its pages answer: no word on whether it exists
    instrument = plainsql.one(Instrument, [("id", "=", locked.instrument_id)],
                              fields=("id", "key", "version", "checksum"))
    assert instrument is not None  # protected: a session's instrument is never deleted
    locked.instrument = instrument
    return LockedSession(locked, assigned)


@functools.cache
def _facilitates_sql(vendor: str) -> str:
    through = Session.facilitators.through
    return (f"EXISTS (SELECT 1 FROM {plainsql.table(through)} WHERE "
            f"{plainsql.table(through, 'session')} = {plainsql.table(Session, 'id')} AND "
            f"{plainsql.table(through, 'user')} = %s)")


def replay(op_id: uuid.UUID, session_id: int) -> dict[str, Any] | None:
    """The answer already given to this operation ID, if it was applied."""
    stored = plainsql.one(AppliedOperation, [("op_id", "=", op_id)],
                          fields=("id", "session", "response"))
    if stored is None:
        return None
    if stored.session_id != session_id:
        raise CaptureError(_("This operation ID was already used for another session."),
                           "op_id")
    return {**stored.response, "replayed": True}


def _finish(user, session: Session, op_id: uuid.UUID, response: dict[str, Any]) -> dict[str, Any]:
    if session.status == Session.Status.DRAFT:
        session.status = Session.Status.IN_PROGRESS
        audit.record(user, "transition", session, {"status": "draft"},
                     {"status": "in_progress"}, session=session, op_id=op_id)
    plainsql.update(session, ["status", "updated_at"])
    return remember(session, op_id, response)


def remember(session: Session, op_id: uuid.UUID, response: dict[str, Any]) -> dict[str, Any]:
    """Record the operation as applied, with its answer for a retry."""
    plainsql.insert(AppliedOperation(op_id=op_id, session=session, response=response))
    return response


def once(user, session: Session | uuid.UUID, op_id: uuid.UUID,
         apply: Callable[[Session], dict[str, Any]]) -> dict[str, Any]:
    """Run `apply(session)` on the session `locked_session` read, in one transaction, once per
    operation ID: a retry is answered as the first time was (`apply` remembers the operation
    when it writes).

    Who may change the session is checked here, under the lock, before `apply` runs (so
    `apply` need not check it again) and before any replay, so a stored answer never
    reaches someone who could not have made the change. A session that turned read-only
    since still answers a retry of what was applied before."""
    session_id = None
    try:
        with transaction.atomic():
            locked = locked_session(user, session)
            session_id = locked.session.id
            try:
                check_can_capture(user, locked.session, assigned=locked.assigned)
            except ReadOnly:
                answered = replay(op_id, session_id)
                if answered is None or not scoping.has_capture_role(
                        user, locked.session, assigned=locked.assigned):
                    raise
                return answered
            answered = replay(op_id, session_id)
            if answered is not None:
                return answered
            return apply(locked.session)
    except IntegrityError:
        # Two tabs retried the same operation at once: the other one won; answer as it did.
        answered = replay(op_id, session_id) if session_id is not None else None
        if answered is None:
            raise
        return answered


def save_field(user, session: Session | uuid.UUID, save: FieldSave) -> dict[str, Any]:
    """Apply one field save to the consensus rating of a section. `session` may be its UUID
    (the autosave's endpoint: the locked read then both finds and checks it)."""

    def apply(session: Session) -> dict[str, Any]:
        require_consent(session)
        check_section(session, save.section_key, save.instrument_version)
        value = clean_value(save.field, save.value)
        rating = plainsql.one(Rating, [("session", "=", session.id),
                                       ("section_key", "=", save.section_key),
                                       ("rater", "=", None)], lock=True)
        if rating is None:  # the session's lock keeps a concurrent save from adding it too
            # A database trigger counts it in the level tally (govcap.analysis.tally).
            rating = Rating.objects.create(session=session, section_key=save.section_key)
        try:
            response = apply_to_rating(user, session, rating, save, value)
        except StaleRevision as stale:
            # Remembered too: a late copy of this edit gets the same refusal, and leaves
            # the conflict record to the newest edit.
            return remember(session, save.op_id, conflicts.keep(
                user, session, save.section_key, save.field, stale, save.op_id))
        if save.resolves is not None:
            response["open_conflicts"] = conflicts.resolve(user, session, save.resolves, value)
        if "saved_at" not in response:  # the text was already there: a retry says so again
            return remember(session, save.op_id, response)
        return _finish(user, session, save.op_id, response)

    return refused_if_conflict(once(user, session, save.op_id, apply))


def refused_if_conflict(answer: dict[str, Any]) -> dict[str, Any]:
    """A conflict is kept in the transaction (so it is committed), then refused."""
    if answer.get("status") == "conflict":
        raise StaleRevision.from_answer(answer)
    return answer


class FieldEdit(Protocol):
    """What `apply_to_rating` reads of a save: a `FieldSave` of the consensus, or a rater's
    save of their own rating (`analysis.raters.IndividualSave`)."""

    @property
    def op_id(self) -> uuid.UUID: ...
    @property
    def field(self) -> str: ...
    @property
    def base_revision(self) -> int: ...


def apply_to_rating(user, session: Session, rating: Rating, save: FieldEdit,
                    value: str) -> dict[str, Any]:
    """Set one field of a locked rating (the consensus or one rater's), refusing a save based
    on another revision of that field than the one stored."""
    current = rating.revision_of(save.field)
    old = getattr(rating, save.field)
    if save.base_revision != current:
        if old == value:  # the same text arrived by another path: nothing to merge
            return {"status": "saved", "field": save.field, "revision": current}
        raise StaleRevision(save.field, value, old, current)
    if old != value:
        setattr(rating, save.field, value)
        rating.field_revisions = {**rating.field_revisions, save.field: current + 1}
        rating.updated_by = user
        # A level changed here moves the engagement's level tally in this same statement:
        # database triggers on the rating table do it (govcap.analysis.tally), not Python.
        plainsql.update(rating, [save.field, "field_revisions", "updated_by", "updated_at"])
        audit.record(user, "update", rating, {save.field: old}, {save.field: value},
                     session=session, op_id=save.op_id)
    return {
        "status": "saved",
        "field": save.field,
        "revision": rating.revision_of(save.field),
        "saved_at": timezone.now().isoformat(),
    }


def save_quote(user, session: Session | uuid.UUID, save: QuoteSave) -> dict[str, Any]:
    """Create, edit or delete a quote. The client names the quote's UUID. `session` may be
    its UUID, as for save_field."""

    def apply(session: Session) -> dict[str, Any]:
        require_consent(session)
        check_section(session, save.section_key, save.instrument_version)
        text = clean_value("notes", save.text).strip()
        participant = None
        if save.participant_code:
            participant = Participant.objects.filter(
                session=session, code=save.participant_code.strip().upper()
            ).first()
            if participant is None:
                raise CaptureError(
                    _("No participant %(code)s in this session.") % {
                        "code": save.participant_code}, "participant"
                )
        quote = Quote.objects.select_for_update().filter(uuid=save.quote_uuid).first()
        if quote is not None and quote.session_id != session.id:
            raise CaptureError(_("This quote belongs to another session."), "quote")
        if save.delete:
            if quote is not None:
                audit.record(user, "delete", quote, quote_state(quote), None,
                             session=session, op_id=save.op_id)
                quote.delete()
            deleted: dict[str, Any] = {"status": "deleted", "quote": str(save.quote_uuid)}
            return _finish(user, session, save.op_id, deleted)
        if not text:
            raise CaptureError(_("A quote needs some text."), "quote")
        if quote is None and save.base_revision > 0:  # an edit of a quote deleted meanwhile
            return remember(session, save.op_id, conflicts.keep(
                user, session, save.section_key, conflicts.quote_target(save.quote_uuid),
                StaleRevision("quote", text, "", 0), save.op_id))
        if quote is None:
            quote = Quote.objects.create(
                uuid=save.quote_uuid, session=session, section_key=save.section_key,
                participant=participant, text=text,
            )
            audit.record(user, "create", quote, None, quote_state(quote),
                         session=session, op_id=save.op_id)
        else:
            if save.base_revision != quote.revision:
                if text == quote.text and (participant and participant.pk) == quote.participant_id:
                    return remember(session, save.op_id, {
                        "status": "saved", "quote": str(quote.uuid), "revision": quote.revision})
                return remember(session, save.op_id, conflicts.keep(
                    user, session, save.section_key, conflicts.quote_target(quote.uuid),
                    StaleRevision("quote", text, quote.text, quote.revision), save.op_id))
            before = quote_state(quote)
            quote.text, quote.participant = text, participant
            quote.revision += 1
            quote.save()
            audit.record(user, "update", quote, before, quote_state(quote),
                         session=session, op_id=save.op_id)
        response: dict[str, Any] = {"status": "saved", "quote": str(quote.uuid),
                                    "revision": quote.revision}
        if save.resolves is not None:
            response["open_conflicts"] = conflicts.resolve(user, session, save.resolves, text)
        return _finish(user, session, save.op_id, response)

    return refused_if_conflict(once(user, session, save.op_id, apply))


def quote_state(quote: Quote) -> dict[str, Any]:
    return {
        "section": quote.section_key,
        "participant": quote.participant.code if quote.participant else "",
        "text": quote.text,
    }


def require_consent(session: Session) -> None:
    if not session.consent_given:
        raise CaptureError(
            _("Record the participants' consent before capturing anything."), "consent"
        )
