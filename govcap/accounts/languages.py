"""A person's interface language, kept with their account (issue 15): a facilitator who
chose French got English again at the next login, the choice living only in a cookie that
ended with the browser session. The language switcher saves the choice while logged in
(``views.account.set_language``), the account page changes it, and the login applies it to
whatever browser the person logs in from (``views.account.Login``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse

from govcap.accounts.models import Preferences
from govcap.translations import is_pseudo


def offered() -> list[tuple[str, str]]:
    """The languages a person may choose, each named in itself: the interface's (those at
    least GOVCAP_LANGUAGE_MIN_TRANSLATED percent translated), never a pseudo-locale."""
    return [(code, str(name)) for code, name in settings.LANGUAGES if not is_pseudo(code)]


def is_offered(code: str | None) -> bool:
    return bool(code) and code in dict(offered())


def chosen(user) -> str:
    """The language the person chose, as stored ("" when none), offered or not."""
    return Preferences.objects.filter(user=user).values_list("language", flat=True).first() or ""


def name_of(code: str) -> str:
    """A language named in itself ("Français"), offered or not; its code if govcap has no
    catalogue for it."""
    return dict(settings.CATALOGUE_LANGUAGES).get(code, code)


def preferred(user) -> str | None:
    """The person's language if the interface still offers it; None when they chose none or
    its catalogue fell below the threshold (then the browser's language applies, as for
    anyone who never chose)."""
    code = chosen(user)
    return code if is_offered(code) else None


def remember(user, code: str) -> bool:
    """Keep CODE as the person's language; False (nothing kept) if it is not offered."""
    if not is_offered(code):
        return False
    Preferences.objects.update_or_create(user=user, defaults={"language": code})
    return True


def set_cookie(response: HttpResponse, code: str) -> None:
    """The language cookie as Django's set_language writes it (LANGUAGE_COOKIE_AGE: a year)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, code, max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=_samesite())


def _samesite() -> Any:  # a setting the stubs type as str, set_cookie as a Literal
    return settings.LANGUAGE_COOKIE_SAMESITE
