"""A session's audit trail as written: its events and, per event, the fields it changed
(assessments.history says it in words)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govcap.accounts.models import AuditEvent


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


def events_of(session):
    return (AuditEvent.objects.filter(session_id=session.pk)
            .select_related("user").order_by("at", "id"))


def changes(event: AuditEvent) -> list[Change]:
    before, after = event.before or {}, event.after or {}
    names = list(dict.fromkeys([*before.keys(), *after.keys()]))
    return [Change(n, before.get(n), after.get(n)) for n in names] or [Change("", None, None)]
