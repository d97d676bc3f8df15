"""Who calls the API: a personal token (`Authorization: Bearer gct_…`, from
govcap.accounts.tokens) for machine clients, or the browser's logged-in session (with its
CSRF token for writes). Either way the user then goes through accounts.scoping."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from govcap.accounts import twofactor
from govcap.accounts.tokens import verify_token


class BearerToken(HttpBearer):
    openapi_description = "A personal API token (Account › API tokens), as `Bearer gct_…`."

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = verify_token(token)
        if user is None:
            return None
        request.user = user
        return user


class LoggedIn(SessionAuth):
    """The web session; refuses a user whose two-factor step is still due.

    The CSRF check guards a logged-in session's writes only: a request with no session
    user (no cookie, an expired one, the two-factor step due) is not authenticated, and
    answers 401 with the JSON error as a read does — ninja's cookie auth would check CSRF
    first and answer such a write 403 "CSRF check Failed"."""

    def _get_key(self, request: HttpRequest) -> str | None:
        if _session_user(request) is None:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return _session_user(request)


def _session_user(request: HttpRequest) -> Any:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    is_verified = getattr(user, "is_verified", None)
    if callable(is_verified) and not is_verified() and (
            twofactor.has_device(user) or twofactor.is_required(user)):
        return None
    return user


AUTH = [BearerToken(), LoggedIn()]
