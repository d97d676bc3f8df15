"""GET /healthz for a load balancer: one cheap database round trip, no session, no login.

HealthCheckMiddleware answers it first in the middleware chain, so a probe sent by IP
address over plain HTTP gets its answer rather than a bad-host error or the HTTPS redirect,
and costs no session, CSRF or security header work. The URL pattern routes to the same view
(it is what the authorization matrix and the URL map show).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

PATH = "/healthz"
logger = logging.getLogger("govcap.health")


@require_safe
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # The reason goes to the log; the probe gets a short one, no connection details.
        logger.warning("health check: database unreachable: %s", error)
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") == PATH and request.method in ("GET", "HEAD"):
            return healthz(request)
        return self.get_response(request)
