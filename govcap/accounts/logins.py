"""Browser sessions per user, so that a person (or an administrator) can end them all."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.db import transaction

from govcap.accounts.models import LoginSession


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def remember_login(sender, request, user, **kwargs) -> None:
    session = getattr(request, "session", None)
    if session is None:
        return
    if session.session_key is None:
        session.save()
    LoginSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={"user": user,
                  "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200]},
    )


def forget_login(sender, request, user, **kwargs) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        LoginSession.objects.filter(session_key=key).delete()


def end_sessions(user, keep: str | None = None) -> int:
    """End every browser session of the user but `keep` (the current one, if given).
    Returns how many were ended."""
    store = _store()
    ended = 0
    with transaction.atomic():
        for login in LoginSession.objects.filter(user=user).exclude(session_key=keep or ""):
            store(session_key=login.session_key).delete()
            login.delete()
            ended += 1
    return ended
