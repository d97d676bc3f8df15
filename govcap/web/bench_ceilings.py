"""Reference views for bench/load.py, served ONLY when the server starts with
GOVCAP_BENCH_CEILINGS=1 (never on a normal server: govcap.wsgi and govcap.urls add them only
then).

    /_bench/nodb    a WSGI answer with no database and no Django: what the server itself costs
    /_bench/write   one UPDATE of one row in a transaction, through Django's connection
                    (same settings, same connection reuse), no middleware, no URL routing
    /_bench/floor/  a Django view that does nothing, behind all of govcap's middleware: a
                    logged-in JSON POST (login session, user, two-factor check, CSRF) and its
                    answer, what any autosave pays before its own work

The first two sit in front of Django, so the load bench can say how far the autosave is from
the cheapest read and the cheapest write this server and database can do; the floor says
how much of that distance is the framework's.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs

ENV = "GOVCAP_BENCH_CEILINGS"
TABLE = "govcap_bench_ceiling"
ROWS = 256
NODB = "/_bench/nodb"
WRITE = "/_bench/write"
FLOOR = "/_bench/floor/"
JSON_HEADERS = [("Content-Type", "application/json")]


def enabled() -> bool:
    return os.environ.get(ENV) == "1"


def prepare_table() -> None:
    """Create the ceiling's table with ROWS rows (the bench runs this before the server)."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (id integer PRIMARY KEY, "
                       "hits bigint NOT NULL)")
        for row in range(ROWS):
            cursor.execute(f"INSERT INTO {TABLE} (id, hits) VALUES (%s, 0) "
                           "ON CONFLICT (id) DO NOTHING", [row])


def drop_table() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def no_database(environ, start_response):
    start_response("200 OK", JSON_HEADERS)
    return [b'{"status": "ok"}']


def minimal_write(environ, start_response):
    from django.db import close_old_connections, connection, transaction

    try:
        row = int(parse_qs(environ.get("QUERY_STRING", "")).get("row", ["0"])[0]) % ROWS
    except ValueError:
        row = 0
    # Connections are opened, reused and closed as Django does around each request.
    close_old_connections()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {TABLE} SET hits = hits + 1 WHERE id = %s", [row])
    finally:
        close_old_connections()
    start_response("200 OK", JSON_HEADERS)
    return [b'{"status": "saved"}']


def mounted(application):
    """The application, with the ceilings in front when GOVCAP_BENCH_CEILINGS=1."""
    if not enabled():
        return application

    def with_ceilings(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == NODB:
            return no_database(environ, start_response)
        if path == WRITE:
            return minimal_write(environ, start_response)
        return application(environ, start_response)

    return with_ceilings


def framework_floor(request):
    """The autosave's decorators and answer, without its work."""
    from django.contrib.auth.decorators import login_required
    from django.http import JsonResponse
    from django.views.decorators.http import require_POST

    @require_POST
    @login_required
    def view(request):
        return JsonResponse({"status": "ok"})

    return view(request)


def urlpatterns() -> list:
    """The floor's URL, for govcap.urls to add when the ceilings are enabled."""
    from django.urls import path

    return [path(FLOOR.lstrip("/"), framework_floor)] if enabled() else []
