"""Login lockout helpers (django-axes does the counting)."""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind GOVCAP_PROXY_COUNT reverse proxies the
    address the outermost trusted proxy saw (counted from the right of X-Forwarded-For, so
    a client cannot choose it by sending its own header)."""
    proxies = getattr(settings, "GOVCAP_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                     if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


def unlock(username: str) -> int:
    """Lift every lock and forget every failed attempt of this username. Returns how many
    attempt records were removed."""
    from axes.utils import reset

    return reset(username=username)


def is_locked(username: str) -> bool:
    from axes.models import AccessAttempt
    from django.utils import timezone

    attempts = AccessAttempt.objects.filter(
        username=username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return attempts.exists()
