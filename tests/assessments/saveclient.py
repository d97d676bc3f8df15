"""A model of the capture page's autosave client, for tests/assessments/test_save_protocol.py.

It follows the intended semantics of govcap/static/govcap/autosave.js, not its code: per
field the value shown and the revision it is based on; a queue of unsent edits (kept in
the browser's storage, so it survives reloads and closed tabs) sent in order, one at a time;
an edit of a field whose previous edit is in flight is based on that edit's answer; a lost
answer is retried with the same operation ID and payload; a 409 is kept as a conflict,
showing both versions, until the user keeps theirs, takes the other, or merges by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from govcap.assessments.capture import FieldSave
from govcap.assessments.errors import StaleRevision

Key = tuple[str, str]  # (section key, field)


@dataclass(eq=False)
class Op:
    """One edit in the queue. `base` is fixed when first sent (a retry resends the same
    payload) or, for a resolution, when the user decides (the conflict's revision)."""

    key: Key
    value: str
    op_id: uuid.UUID = field(default_factory=uuid.uuid4)
    resolves: uuid.UUID | None = None
    base: int | None = None
    outcome: str = ""  # "", "saved" or "conflict": the last answer this client received
    revision: int | None = None  # the revision a "saved" answer gave

    def save(self) -> FieldSave:
        section, name = self.key
        return FieldSave(op_id=self.op_id, section_key=section, field=name, value=self.value,
                         base_revision=self.base, resolves=self.resolves)


@dataclass
class Conflict:
    uuid: uuid.UUID
    yours: str
    theirs: str
    server_revision: int


# The transport: sends one save for a client and returns the answer or raises StaleRevision.
Transport = Callable[["Client", FieldSave], dict[str, Any]]
# Reads what the server holds: {key: (value, revision)}.
Reader = Callable[[], dict[Key, tuple[str, int]]]


class Client:
    def __init__(self, name: str, user, keys: list[Key], page: str, read: Reader) -> None:
        self.name, self.user, self.keys, self.page = name, user, keys, page
        self.shown: dict[Key, str] = {}
        self.base: dict[Key, int] = {}
        # What this client was told the server held at each revision of a field (its own
        # acknowledged values, page loads, the "theirs" of a conflict).
        self.seen: dict[Key, dict[int, str]] = {k: {} for k in keys}
        self.queue: list[Op] = []  # persisted: survives reloads
        self.conflicts: dict[Key, Conflict] = {}  # persisted too
        self.intent: dict[Key, Op] = {}  # the user's latest decision for each field
        self.sent: list[Op] = []  # every op this client ever sent (for late duplicates)
        self.connected = True
        self.lose_next_answer = False
        self.loads = 0
        self.load(read, keys)

    # What the user does -------------------------------------------------------------------
    def page_keys(self) -> list[Key]:
        return [k for k in self.keys if k[0] == self.page]

    def pending(self, key: Key) -> list[Op]:
        return [op for op in self.queue if op.key == key]

    def type(self, key: Key, value: str) -> bool:
        """Set a field and queue the edit. Typing in a field that shows a conflict is a merge
        by hand (once every queued edit of it has been answered; until then it takes none)."""
        if key in self.conflicts:
            if key not in self.decidable():
                return False
            self.resolve(key, "merge", value)
            return True
        self.shown[key] = value
        op = Op(key, value)
        self.queue.append(op)
        self.intent[key] = op
        return True

    def decidable(self) -> list[Key]:
        """Conflicts the user can decide: every queued edit of the field has been answered."""
        return [k for k in self.conflicts if not self.pending(k)]

    def resolve(self, key: Key, how: str, merged: str | None = None) -> Op:
        """Decide a conflict: keep mine, take theirs, or save a merge (by default, both
        texts), based on the revision the conflict showed."""
        conflict = self.conflicts.pop(key)
        if merged is None:
            merged = f"{conflict.yours} + {conflict.theirs}"
        value = {"mine": conflict.yours, "theirs": conflict.theirs, "merge": merged}[how]
        op = Op(key, value, resolves=conflict.uuid, base=conflict.server_revision)
        self.shown[key] = value
        self.queue.append(op)
        self.intent[key] = op
        return op

    def load(self, read: Reader, keys: list[Key] | None = None) -> None:
        """A page served from the network: fields with no unsent edit and no open conflict
        take the server's value and revision; queued edits stay over the others."""
        held = read()
        for key in keys or self.page_keys():
            if self.pending(key) or key in self.conflicts:
                continue
            value, revision = held[key]
            self.shown[key], self.base[key] = value, revision
            self.seen[key][revision] = value
        self.loads += 1

    # The network -------------------------------------------------------------------------
    def send_one(self, transport: Transport) -> str:
        """Send the head of the queue. Returns "saved", "conflict" or "lost"."""
        op = self.queue[0]
        if op.base is None:  # chained: based on the answer to the previous edit of the field
            op.base = self.base[op.key]
        if op not in self.sent:
            self.sent.append(op)
        try:
            answer: dict[str, Any] | StaleRevision = transport(self, op.save())
        except StaleRevision as refused:
            answer = refused
        if self.lose_next_answer:  # applied (or refused) on the server; the answer never came
            self.lose_next_answer = False
            return "lost"
        self.queue.pop(0)
        if isinstance(answer, StaleRevision):
            op.outcome = "conflict"
            self.conflicts[op.key] = Conflict(uuid.UUID(answer.conflict), op.value,
                                              answer.theirs, answer.server_revision)
            self.seen[op.key][answer.server_revision] = answer.theirs
            return "conflict"
        op.outcome, op.revision = "saved", answer["revision"]
        self.base[op.key] = answer["revision"]
        self.seen[op.key][answer["revision"]] = op.value
        if op.key in self.conflicts and not self.pending(op.key):
            # The user's latest text for the field, typed before the conflict came back,
            # saved after all (the server held that very text): nothing left to decide.
            del self.conflicts[op.key]
        return "saved"

    # What the page says ------------------------------------------------------------------
    def claims_saved(self) -> bool:
        """"All changes saved": nothing queued, no conflict open, and every field on the page
        equal to what the client knows the server holds."""
        return (not self.queue and not self.conflicts
                and all(self.shown.get(k) == self.seen[k].get(self.base.get(k, -1))
                        for k in self.page_keys()))
