"""Saving a facilitator's independent rating and participants' anonymous votes.

The rules are the capture core's (`assessments.capture`): who may change the session now
(`scoping.can_capture`, read-only once submitted to facilitators, validated to all),
consent recorded first, the section in the session's instrument version; one small
transaction per save carrying a client operation ID (`AppliedOperation`: a retry is
answered as before and changes nothing) and the revision it was based on (a stale save is
refused with both versions); an audit event in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from govcap.accounts import audit
from govcap.analysis.models import VoteTally
from govcap.assessments import capture
from govcap.assessments.errors import CaptureError, StaleRevision
from govcap.assessments.models import Participant, Rating, Session

INDIVIDUAL_FIELDS = ("level", "confidence", "notes")
MAX_VOTES = 500  # per level and section: more than any focus group


@dataclass(frozen=True)
class IndividualSave:
    op_id: uuid.UUID
    section_key: str
    field: str  # level, confidence or notes (the rater's own reasons)
    value: str
    base_revision: int
    instrument_version: str | None = None


@dataclass(frozen=True)
class VotesSave:
    op_id: uuid.UUID
    section_key: str
    basic: int
    moderate: int
    high: int
    abstain: int
    base_revision: int


def op_for(page_op: uuid.UUID, *parts: str) -> uuid.UUID:
    """One operation ID per field of a page post, derived from the page's (as capture does)."""
    return uuid.uuid5(page_op, ":".join(parts))


def op_for_page(raw: str | None) -> uuid.UUID:
    """The page's operation ID from a form post (a CaptureError when missing)."""
    return capture.parse_op_id(raw)


def _guard(session: Session, section_key: str, version: str | None) -> None:
    """The checks of a save on a locked session (who may capture it: capture.once did)."""
    capture.require_consent(session)
    capture.check_section(session, section_key, version)


def _once(user, session: Session, op_id: uuid.UUID, apply) -> dict[str, Any]:
    """Run `apply(locked_session)` once per operation ID, in one transaction."""
    return capture.once(user, session, op_id,
                        lambda locked: capture.remember(locked, op_id, apply(locked)))


def save_individual(user, session: Session, save: IndividualSave) -> dict[str, Any]:
    """Save one field of the user's own rating of a section (a Rating with rater = user)."""
    if save.field not in INDIVIDUAL_FIELDS:
        raise CaptureError(_("“%(name)s” is not a field of an individual rating.") % {
            "name": save.field}, save.field)

    def apply(locked: Session) -> dict[str, Any]:
        _guard(locked, save.section_key, save.instrument_version)
        value = capture.clean_value(save.field, save.value)
        rating, _created = Rating.objects.select_for_update().get_or_create(
            session=locked, section_key=save.section_key, rater=user,
            defaults={"updated_by": user})
        return capture.apply_to_rating(user, locked, rating, save, value)

    return _once(user, session, save.op_id, apply)


def votes_state(tally: VoteTally) -> dict[str, int]:
    return {"basic": tally.basic, "moderate": tally.moderate, "high": tally.high,
            "abstain": tally.abstain}


def check_one_vote_each(session: Session, counts: dict[str, int]) -> None:
    """Each participant votes once or abstains: more votes than participants recorded is a
    typing slip (8 for 5 people), refused rather than skewing the spread."""
    cast = sum(counts.values())
    present = Participant.objects.filter(session=session).count()
    if cast > present:
        raise CaptureError(ngettext(
            "%(cast)d votes for %(present)d participant: each participant votes once or "
            "abstains.",
            "%(cast)d votes for %(present)d participants: each participant votes once or "
            "abstains.", present) % {"cast": cast, "present": present}, "votes")


def save_votes(user, session: Session, save: VotesSave) -> dict[str, Any]:
    """Record the participants' anonymous votes on one section as counts per level."""
    counts = {"basic": save.basic, "moderate": save.moderate, "high": save.high,
              "abstain": save.abstain}
    for name, n in counts.items():
        if not isinstance(n, int) or n < 0 or n > MAX_VOTES:
            raise CaptureError(_("Votes are whole numbers from 0 to %(max)d.") % {
                "max": MAX_VOTES}, name)

    def apply(locked: Session) -> dict[str, Any]:
        _guard(locked, save.section_key, None)
        tally, created = VoteTally.objects.select_for_update().get_or_create(
            session=locked, section_key=save.section_key)
        if save.base_revision != tally.revision:
            if votes_state(tally) == counts:
                return {"status": "saved", "revision": tally.revision}
            raise StaleRevision("votes", counts, votes_state(tally), tally.revision)
        check_one_vote_each(locked, counts)
        before = votes_state(tally)
        if before != counts or created:
            for name, n in counts.items():
                setattr(tally, name, n)
            tally.revision += 1
            tally.updated_by = user
            tally.save()
            audit.record(user, "create" if created else "update", tally,
                         None if created else before, {"section": save.section_key, **counts},
                         session=locked, op_id=save.op_id)
        return {"status": "saved", "revision": tally.revision}

    return _once(user, session, save.op_id, apply)
