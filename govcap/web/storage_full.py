"""When the database's storage is full.

A save that cannot be written because the disk is full (or, on SQLite, the database has
reached its page limit) fails inside its transaction, which rolls it back whole: no field,
audit event or applied operation of it is kept. This module recognises that error so the
save views answer with a clear, translated 503 (`"code": "storage_full"`) that the autosave
script shows while it keeps the edit in its queue and sends it again later, and it tells the
operator in the log.

`GOVCAP_SQLITE_MAX_PAGES` (from the environment, or a setting of that name) caps the size of an SQLite
database in pages, so a full disk can be rehearsed on a laptop and reproduced in tests.
SQLite applies `PRAGMA max_page_count` per connection, hence the connection_created hook;
a cap below the file's current size holds it at that size.
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3

from django.conf import settings
from django.db import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger("govcap.storage")

CODE = "storage_full"
RETRY_AFTER_SECONDS = 30
POSTGRES_DISK_FULL = "53100"  # SQLSTATE disk_full: "could not extend file … No space left"


def is_storage_full(error: BaseException | None) -> bool:
    """Whether this error (or one it was raised from) says the database's storage is full."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, sqlite3.Error):
            code = getattr(error, "sqlite_errorcode", None)
            if (code is not None and code & 0xFF == sqlite3.SQLITE_FULL) or (
                    "database or disk is full" in str(error)):
                return True
        elif getattr(error, "sqlstate", None) == POSTGRES_DISK_FULL:
            return True
        error = error.__cause__ or error.__context__
    return False


def message() -> str:
    return _("The server's storage is full, so this edit was not saved there. It is kept on "
             "this device and will be sent again automatically. Please tell your "
             "administrator.")


def form_message() -> str:
    return _("The server's storage is full: your changes were not saved. They are still in "
             "the form below; save again later, and please tell your administrator.")


def log_refused(request, error: BaseException) -> None:
    """One line for the operator; the user's text stays out of the log."""
    user = getattr(request, "user", None)
    logger.error(
        "storage full: a save was refused and rolled back (%s %s, user id %s): %s. "
        "Free disk space on the database server; the browsers keep the edits and resend them.",
        request.method, request.path, getattr(user, "pk", None), error,
    )


def response(text: str | None = None) -> JsonResponse:
    answer = JsonResponse({"status": "error", "code": CODE, "message": text or message(),
                           "field": None}, status=503)
    answer["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return answer


def answers_storage_full(view):
    """Turn a storage-full database error in a JSON save view into the 503 answer."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DatabaseError as error:
            if not is_storage_full(error):
                raise
            log_refused(request, error)
            return response()

    return wrapped


def general_message() -> str:
    return _("The server's storage is full, so nothing was saved. Try again later, and please "
             "tell your administrator.")


def wants_json(request) -> bool:
    return (request.path.startswith(("/api/", "/sync/"))
            or request.content_type == "application/json"
            or "application/json" in request.headers.get("Accept", ""))


class StorageFullMiddleware:
    """Every other request that meets a full database (the API, sync, the plain forms of
    independent ratings and votes, imports…) gets a 503 that says so, in JSON or as a short
    page, instead of a server error. What is all-or-nothing stays so: each of those views
    writes in one transaction, which the error rolled back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DatabaseError) or not is_storage_full(exception):
            return None
        log_refused(request, exception)
        if wants_json(request):
            return response(general_message())
        answer = render(request, "govcap/storage_full.html", {"message": general_message()},
                        status=503)
        answer["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return answer


def max_sqlite_pages() -> int:
    """0: no cap (SQLite's own maximum)."""
    configured = getattr(settings, "GOVCAP_SQLITE_MAX_PAGES", None)
    if configured is None:
        configured = os.environ.get("GOVCAP_SQLITE_MAX_PAGES", "")
    return int(configured or 0)


def limit_sqlite_pages(sender, connection, **kwargs) -> None:
    """connection_created: apply GOVCAP_SQLITE_MAX_PAGES to each new SQLite connection."""
    pages = max_sqlite_pages()
    if pages > 0 and connection.vendor == "sqlite":
        connection.connection.execute(f"PRAGMA max_page_count = {pages}")
