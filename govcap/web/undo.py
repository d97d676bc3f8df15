"""The undo offer after a participant's removal, kept in the remover's login session.

A removal's audit event keeps everything undo needs except the name and contact, which never
enter the audit trail (see workflow.remove_participant). They are kept here instead, in the
remover's login session (Django's session store), only while the offer stands: an entry is
dropped when its undo is done or refused, when the offer expires (OFFER_SECONDS), at logout
and when the login session ends. Only the remover is offered the undo; anyone who captures
the session can still undo through the JSON endpoint, without the name.
"""

from __future__ import annotations

import time
from typing import Any

KEY = "govcap.removed_participants"
OFFER_SECONDS = 30 * 60


def _entries(request) -> dict[str, dict[str, Any]]:
    entries = request.session.get(KEY) or {}
    now = time.time()
    fresh = {k: v for k, v in entries.items() if now - v.get("at", 0) < OFFER_SECONDS}
    if fresh != entries:
        request.session[KEY] = fresh
    return fresh


def keep(request, session, response: dict[str, Any], identity: dict[str, str] | None) -> None:
    """Offer the undo of a removal just applied (`response` is the removal's answer)."""
    participant = response.get("participant") or {}
    if not participant.get("uuid") or response.get("already"):
        return
    entries = _entries(request)
    if response.get("replayed") and participant["uuid"] in entries:
        return  # a retried removal: the first answer's offer (with the name) stands
    entries[participant["uuid"]] = {
        "session": str(session.uuid), "code": participant.get("code", ""),
        "quotes": response.get("quotes", 0), "at": time.time(),
        "name": (identity or {}).get("name", ""), "contact": (identity or {}).get("contact", ""),
    }
    request.session[KEY] = entries


def identity(request, participant_uuid) -> dict[str, str] | None:
    entry = _entries(request).get(str(participant_uuid))
    if not entry or not (entry.get("name") or entry.get("contact")):
        return None
    return {"name": entry.get("name", ""), "contact": entry.get("contact", "")}


def drop(request, participant_uuid) -> None:
    entries = _entries(request)
    if entries.pop(str(participant_uuid), None) is not None:
        request.session[KEY] = entries


def offers(request, session, present: set[str]) -> list[dict[str, Any]]:
    """The undo offers for this session, newest first (without names: for the page)."""
    return sorted(
        ({"uuid": k, "code": v["code"], "quotes": v["quotes"], "at": v["at"]}
         for k, v in _entries(request).items()
         if v.get("session") == str(session.uuid) and k not in present),
        key=lambda o: -o["at"])
