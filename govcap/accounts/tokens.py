"""Personal API tokens: created with the raw value shown once, stored as a SHA-256 hash,
listed and revoked by their owner (or an administrator). The API authenticates a request
with `verify_token(raw)`."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from govcap.accounts import audit
from govcap.accounts.models import ApiToken

PREFIX = "gct_"
TOUCH_EVERY = dt.timedelta(minutes=5)  # last_used_at is written at most this often


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    raw: str  # shown to its owner once, never stored


def create_token(user, name: str, days: int | None = None) -> NewToken:
    raw = PREFIX + secrets.token_urlsafe(32)
    days = settings.GOVCAP_API_TOKEN_DAYS if days is None else days
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name.strip()[:100] or "API token", prefix=raw[:12],
            token_hash=digest(raw),
            expires_at=timezone.now() + dt.timedelta(days=days) if days else None,
        )
        audit.record(user, "create", token, None, token_state(token))
    return NewToken(token=token, raw=raw)


def revoke_token(actor, token: ApiToken) -> None:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at:
            return
        before = token_state(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor, "revoke", token, before, token_state(token))


def verify_token(raw: str | None):
    """The active user a raw token belongs to, or None (unknown, revoked, expired token or
    inactive user)."""
    if not raw or not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    token = (ApiToken.objects.select_related("user")
             .filter(token_hash=digest(raw), revoked_at__isnull=True).first())
    if token is None or not token.is_active or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def tokens_of(user):
    return ApiToken.objects.filter(user=user)


def token_state(token: ApiToken) -> dict:
    return {"name": token.name, "prefix": token.prefix, "user": token.user.username,
            "revoked": token.revoked_at is not None}
