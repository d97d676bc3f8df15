"""The merge rules, pure: what to do with a record that arrives from a peer.

Every record is compared by the digest of its content (`digest`). The side that starts a
sync (the laptop) remembers, per peer, the digest each record had when both sides last
agreed (`base`). A record that arrives is then:

- `create`   — absent here: created;
- `same`     — here with the same content: nothing to do;
- `apply`    — unchanged here since the base: the incoming version replaces it;
- `keep`     — the incoming version is the base (only this side changed it): kept as is;
- `conflict` — changed on both sides since the base: nothing overwritten, both kept.

A tombstone (a deletion) is `gone` (already absent), `delete` (unchanged here since the
base) or `conflict` (changed here, or never synced).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

Outcome = Literal["create", "same", "apply", "keep", "conflict", "delete", "gone"]

# The fields that make a record's content (metadata such as revisions and who saved last
# are left out, so that the same words on both sides are the same record).
CONTENT = {
    "session": ("place", "scheduled_date", "language", "note_taker", "status",
                "consent_given", "recording_allowed", "consent_note"),
    "participant": ("code", "role_title", "organisation", "seniority", "gender"),
    "rating": ("section_key", "rater", "level", "not_assessed_reason", "confidence", "notes",
               "evidence", "dissent"),
    "quote": ("section_key", "participant", "text"),
}


def content(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {name: payload.get(name) for name in CONTENT[kind]}


def digest(kind: str, payload: dict[str, Any]) -> str:
    data = json.dumps(content(kind, payload), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=str)
    return hashlib.sha256(f"{kind}:{data}".encode()).hexdigest()


def decide(local: str | None, incoming: str, base: str | None) -> Outcome:
    """The outcome for an incoming record (digests: here, arriving, last agreed)."""
    if local is None:
        return "create"
    if local == incoming:
        return "same"
    if local == base:
        return "apply"
    if incoming == base:
        return "keep"
    return "conflict"


def decide_delete(local: str | None, base: str | None) -> Outcome:
    """The outcome for an incoming tombstone."""
    if local is None:
        return "gone"
    if base is not None and local == base:
        return "delete"
    return "conflict"


def agreed(outcome: Outcome) -> bool:
    """After this outcome both sides hold the incoming version (the base moves to it)."""
    return outcome in ("create", "same", "apply")
