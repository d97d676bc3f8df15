"""A session's audit trail as rows for the page and the CSV download."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govcap.accounts.models import AuditEvent

HEADER = ["when", "who", "action", "object", "object_uuid", "field", "before", "after", "op_id"]


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


def csv_rows(session):
    for event in events_of(session):
        who = event.user.username if event.user else ""
        for change in changes(event):
            yield [event.at.isoformat(), who, event.action, event.object_type,
                   str(event.object_uuid or ""), change.field, change.before, change.after,
                   str(event.op_id or "")]
