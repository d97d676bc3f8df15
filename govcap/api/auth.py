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
    """The web session; refuses a user whose two-factor step is still due."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None:
            return None
        is_verified = getattr(user, "is_verified", None)
        if callable(is_verified) and not is_verified() and (
                twofactor.has_device(user) or twofactor.is_required(user)):
            return None
        return user


AUTH = [BearerToken(), LoggedIn()]
