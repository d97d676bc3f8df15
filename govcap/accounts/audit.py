"""Writing audit events. Call inside the transaction of the change it records."""

from __future__ import annotations

from typing import Any

from govcap import plainsql
from govcap.accounts.models import AuditEvent


def record(
    user,
    action: str,
    obj,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    session=None,
    op_id=None,
) -> AuditEvent:
    event = AuditEvent(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_uuid=getattr(obj, "uuid", None),
        session=session,
        before=before,
        after=after,
        op_id=op_id,
    )
    plainsql.insert(event)  # every save writes one: see govcap.plainsql
    return event


def snapshot(obj, fields) -> dict[str, Any]:
    """The named fields of an object as JSON-safe values (foreign keys by id)."""
    out: dict[str, Any] = {}
    for name in fields:
        value = getattr(obj, f"{name}_id", None) if hasattr(obj, f"{name}_id") else getattr(obj, name)
        out[name] = value if value is None or isinstance(value, bool | int | float | str) else str(value)
    return out


def record_changes(user, action: str, obj, before: dict[str, Any], after: dict[str, Any],
                   **kwargs) -> AuditEvent | None:
    """Record only the fields that changed (nothing when none did)."""
    changed = [k for k in after if before.get(k) != after.get(k)]
    if not changed:
        return None
    return record(user, action, obj, {k: before.get(k) for k in changed},
                  {k: after[k] for k in changed}, **kwargs)
