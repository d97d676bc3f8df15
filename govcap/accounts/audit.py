"""Writing audit events. Call inside the transaction of the change it records."""

from __future__ import annotations

from typing import Any

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
    return AuditEvent.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_uuid=getattr(obj, "uuid", None),
        session=session,
        before=before,
        after=after,
        op_id=op_id,
    )
