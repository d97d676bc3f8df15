"""The whole session offline: the service worker at /s/sw.js, the page it shows for a page
never saved, the per-login key that keeps one user's saved pages from another, and the
logout that clears them. The worker itself is govcap/static/govcap/sw.js; the page side is
govcap/static/govcap/offline.js."""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

WORKER_SOURCE = Path(__file__).resolve().parents[2] / "static" / "govcap" / "sw.js"
PLACEHOLDER = '"__GOVCAP_SW_CONFIG__"'
SESSION_KEY = "govcap_offline_key"

TIMEOUT_MS = 4000  # a navigation waits this long for the network, then takes the saved copy
FRESH_MS = 5 * 60 * 1000  # a page saved less than this ago is not fetched again by a precache
REFRESH_MS = 4000  # after the saves from a page pause this long, its saved copy is refreshed


def offline_key(request) -> str:
    """The random key of this login ("" without a logged-in user): cache names carry it, so
    a shared laptop never shows one user's saved pages to another. Never the user's ID."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    key = request.session.get(SESSION_KEY)
    if not key:  # a login from before this key existed
        key = request.session[SESSION_KEY] = secrets.token_urlsafe(18)
    return key


def new_key_at_login(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = secrets.token_urlsafe(18)


user_logged_in.connect(new_key_at_login, dispatch_uid="govcap-offline-key")


@functools.cache
def static_fingerprint() -> str:
    """Changes when any static file changes, where names are hashed (the manifest)."""
    hashed = getattr(staticfiles_storage, "hashed_files", None)
    if not hashed:
        return ""
    return hashlib.sha256(json.dumps(sorted(hashed.items())).encode()).hexdigest()


def worker_config() -> dict:
    return {
        "scope": "/s/",
        "static": settings.STATIC_URL,
        "offline": reverse("offline-page"),
        "logout": reverse("logout"),
        "timeoutMs": TIMEOUT_MS,
        "freshMs": FRESH_MS,
        "refreshMs": REFRESH_MS,
    }


def worker_script() -> tuple[str, str]:
    """The worker's text with its config and version baked in, and the version: a deploy
    that changes the worker, its settings or any static file gives a new worker, whose
    activation deletes the previous version's caches."""
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    config = worker_config()
    digest = hashlib.sha256()
    for part in (source, json.dumps(config, sort_keys=True), static_fingerprint()):
        digest.update(part.encode())
    config["version"] = version = digest.hexdigest()[:16]
    return source.replace(PLACEHOLDER, json.dumps(config), 1), version


@require_GET
def service_worker(request):
    """The service worker. Open to anyone: it holds no data, and the login page must be
    able to reach it to tell it nobody is logged in."""
    script, version = worker_script()
    etag = f'"{version}"'
    if request.headers.get("If-None-Match") == etag:
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(script, content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["ETag"] = etag
    return response


@require_GET
@login_required
def offline_page(request):
    """What the worker shows, offline, for a page it never saved (it saves this one)."""
    return render(request, "govcap/offline.html")


class LogoutView(auth_views.LogoutView):
    """Django's logout, which also tells the browser to drop its HTTP cache. Not "storage":
    that would also delete the autosave queue in localStorage, edits not yet sent. The saved
    pages are deleted by the worker, which sees the logout and the logged-out page."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache"'
        return response
