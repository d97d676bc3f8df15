"""Creating the first administrator account."""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from govcap.accounts.models import Role, RoleAssignment


def ensure_admin(username: str = "admin", password: str | None = None) -> tuple[object, str | None]:
    """Create the administrator if missing. Returns (user, password) where password is the
    one just set (from the argument, GOVCAP_ADMIN_PASSWORD, or generated), or None when the
    account already existed and was left as it was."""
    User = get_user_model()
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        return existing, None
    password = password or os.environ.get("GOVCAP_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    with transaction.atomic():
        user = User.objects.create_superuser(username=username, email="", password=password)
        RoleAssignment.objects.create(user=user, role=Role.ADMINISTRATOR)
    return user, password
