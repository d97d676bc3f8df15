"""One log line per request (logger "govcap.requests"): request ID, method, path, status,
duration and user ID. As JSON lines with GOVCAP_LOG_FORMAT=json (see log_format.py).

The request ID comes from the reverse proxy's X-Request-ID when it sends a sane one, else
a new one; it is sent back in the response's X-Request-ID and attached to every log record
written while the request runs (an error's traceback included), so one request's lines can
be found together. The query string is left out: search terms may name people.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid

from django.utils.functional import SimpleLazyObject, empty

from govcap.web.health import PATH as HEALTH_PATH

logger = logging.getLogger("govcap.requests")
current_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "govcap_request_id", default=None)
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def request_id_from(request) -> str:
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if SANE_ID.fullmatch(given) else uuid.uuid4().hex


def user_id_of(request) -> int | None:
    """The logged-in user's ID if the request already looked the user up: reading
    request.user here would cost a session and a user query on requests that never did."""
    user = getattr(request, "user", None)
    while isinstance(user, SimpleLazyObject):
        if user._wrapped is empty:
            return None
        user = user._wrapped
    return user.pk if user is not None and getattr(user, "is_authenticated", False) else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id_from(request)
        token = current_request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            duration_ms = (time.perf_counter() - started) * 1000
            response["X-Request-ID"] = request.request_id
            # A load balancer probes every few seconds: its lines only at DEBUG.
            level = logging.DEBUG if request.path_info == HEALTH_PATH else logging.INFO
            if response.status_code >= 500:
                level = logging.ERROR
            if logger.isEnabledFor(level):
                user_id = user_id_of(request)
                logger.log(
                    level, "%s %s %s %.1f ms user=%s request=%s",
                    request.method, request.path, response.status_code, duration_ms,
                    user_id if user_id is not None else "-", request.request_id,
                    extra={"method": request.method, "path": request.path,
                           "status": response.status_code, "duration_ms": round(duration_ms, 1),
                           "user_id": user_id})
            return response
        finally:
            current_request_id.reset(token)
