"""Send a user with two-factor authentication to the code step, and an administrator
without it to set it up, before anything else."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse

from govcap.accounts import twofactor

# Pages a half-logged-in user may still reach (besides static files).
OPEN_NAMES = ("two-factor-verify", "two-factor-setup", "logout", "login")


@functools.cache
def open_paths() -> frozenset[str]:
    return frozenset(reverse(name) for name in OPEN_NAMES)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or self._is_open(request):
            return self.get_response(request)
        if user.is_verified():
            return self.get_response(request)
        if twofactor.has_device(user):
            return self._send(request, "two-factor-verify")
        if twofactor.is_required(user):
            return self._send(request, "two-factor-setup")
        return self.get_response(request)

    @staticmethod
    def _is_open(request) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        return request.path in open_paths()

    @staticmethod
    def _send(request, name: str):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseForbidden("Two-factor authentication is needed first.")
        return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
