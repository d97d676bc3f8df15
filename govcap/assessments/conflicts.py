"""Conflicts kept until their author decides.

A save based on a revision older than the server's is refused (nothing overwritten), and
the refusal is kept as a `CaptureConflict` with both versions: an edit queued on a device
and sent later, from whatever page, meets its conflict there, so it must outlive the page.
One open conflict per author and target; a later refused edit of the same target updates
`yours`. A save that names the conflict it `resolves` (based on the revision `theirs` was
at) closes it. All of it runs inside the capture's transaction, on a locked session.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

from govcap.assessments.errors import StaleRevision, choice_words
from govcap.assessments.models import CaptureConflict, Session


def quote_target(quote_uuid: uuid.UUID) -> str:
    return f"quote:{quote_uuid}"


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def keep(user, session: Session, section_key: str, target: str, stale: StaleRevision,
         op_id: uuid.UUID) -> dict[str, Any]:
    """Record (or update) the author's open conflict on `target`; the 409 answer's body."""
    conflict = CaptureConflict.objects.filter(
        session=session, section_key=section_key, target=target, author=user,
        resolved_at=None).first()
    if conflict is None:
        conflict = CaptureConflict(session=session, section_key=section_key, target=target,
                                   author=user)
    conflict.yours, conflict.theirs = as_text(stale.yours), as_text(stale.theirs)
    conflict.server_revision, conflict.op_id = stale.server_revision, op_id
    conflict.save()
    return {**stale.as_dict(), "section": section_key, "conflict": str(conflict.uuid),
            "open_conflicts": open_count(user, session)}


def resolve(user, session: Session, conflict_uuid: uuid.UUID | None, value: str) -> int:
    """Close the author's conflict a save names, saying how (the value saved against theirs
    is theirs, theirs again, or a merge). Unknown or closed conflicts are ignored: a retried
    resolution changes nothing. Returns the author's open conflicts left in the session."""
    if conflict_uuid is not None:
        conflict = CaptureConflict.objects.filter(
            uuid=conflict_uuid, session=session, author=user, resolved_at=None).first()
        if conflict is not None:
            conflict.resolution = how_resolved(conflict, value)
            conflict.resolved_at = timezone.now()
            conflict.save(update_fields=["resolution", "resolved_at", "updated_at"])
    return open_count(user, session)


def how_resolved(conflict: CaptureConflict, value: str) -> str:
    if value == conflict.theirs:
        return CaptureConflict.Resolution.THEIRS
    if value == conflict.yours:
        return CaptureConflict.Resolution.MINE
    return CaptureConflict.Resolution.MERGED


def open_for(user, session: Session):
    return CaptureConflict.objects.filter(session=session, author=user, resolved_at=None)


def open_count(user, session: Session) -> int:
    return open_for(user, session).count()


def as_json(conflict: CaptureConflict) -> dict[str, Any]:
    """What the browser keeps of a conflict (the same keys as a 409 answer)."""
    return {"conflict": str(conflict.uuid), "section": conflict.section_key,
            "field": conflict.field, "target": conflict.target, "yours": conflict.yours,
            "theirs": conflict.theirs, "revision": conflict.server_revision,
            **choice_words(conflict.field, conflict.yours, conflict.theirs)}
