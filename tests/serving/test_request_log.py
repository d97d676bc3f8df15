"""One log line per request, as JSON with GOVCAP_LOG_FORMAT=json."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from govcap.web.log_format import JsonFormatter
from tests.security.helpers import client_for


def broken(request):
    raise RuntimeError("the disk is on fire")


def fine(request):
    return HttpResponse("fine")


urlpatterns = [path("broken/", broken), path("fine/", fine)]


@pytest.fixture
def json_lines():
    """Everything logged while the test runs, formatted as the production handler does."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    requests_logger = logging.getLogger("govcap.requests")
    old_level = requests_logger.level
    requests_logger.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        requests_logger.setLevel(old_level)


def request_lines(lines):
    return [line for line in lines if line["logger"] == "govcap.requests"]


def test_a_request_is_one_json_line_with_its_fields(world, json_lines):
    client = client_for(world.facilitator)
    response = client.get("/", HTTP_X_REQUEST_ID="proxy-abc.123")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "proxy-abc.123"
    [line] = request_lines(json_lines())
    assert line["level"] == "info"
    assert line["request_id"] == "proxy-abc.123"
    assert line["method"] == "GET"
    assert line["path"] == "/"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["user_id"] == world.facilitator.pk
    assert line["time"].endswith("+00:00")


@pytest.mark.django_db
def test_a_request_id_is_made_when_the_proxy_sends_none_or_a_strange_one(json_lines):
    first = Client().get("/login/")
    second = Client().get("/login/", HTTP_X_REQUEST_ID="bad id\nwith newline")
    assert len(first["X-Request-ID"]) == 32
    assert second["X-Request-ID"] != "bad id\nwith newline"
    lines = request_lines(json_lines())
    assert [line["request_id"] for line in lines] == [first["X-Request-ID"],
                                                      second["X-Request-ID"]]
    assert all(line["user_id"] is None for line in lines)


@pytest.mark.django_db
def test_the_query_string_is_not_logged(json_lines):
    Client().get("/login/?next=/analysis/search/%3Fq%3DAmina")
    [line] = request_lines(json_lines())
    assert line["path"] == "/login/"
    assert "Amina" not in json.dumps(line)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.serving.test_request_log")
def test_an_error_carries_its_traceback_and_the_request_id(json_lines):
    client = Client(raise_request_exception=False)
    response = client.get("/broken/", HTTP_X_REQUEST_ID="req-500")
    assert response.status_code == 500
    lines = json_lines()
    [error] = [line for line in lines if line.get("exc_type")]
    assert error["level"] == "error"
    assert error["request_id"] == "req-500"
    assert error["exc_type"] == "RuntimeError"
    assert "the disk is on fire" in error["traceback"]
    [line] = request_lines(lines)
    assert line["status"] == 500 and line["level"] == "error"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.serving.test_request_log")
def test_a_request_that_never_looks_at_the_user_costs_no_query_for_the_log(json_lines):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        Client().get("/fine/")
    assert len(queries) == 0
    [line] = request_lines(json_lines())
    assert line["user_id"] is None


@pytest.mark.django_db
def test_health_probes_are_not_logged_at_info(json_lines):
    Client().get("/healthz")
    assert request_lines(json_lines()) == []


def test_the_laptop_server_logs_each_request_once(tmp_path, migrated_sqlite):
    """`govcap serve` (Django's own server on a laptop): one line per request, not two."""
    import os
    import subprocess
    import urllib.request

    from scripts._server import GOVCAP, free_port, wait_for
    from tests.processes import copy_database

    # Static files without production's manifest storage: `serve` collects them first, and
    # hashing and compressing them costs seconds and has no part in this test.
    env = {**os.environ, "GOVCAP_DATA_DIR": str(tmp_path), "GOVCAP_DEBUG": "0",
           "GOVCAP_LAPTOP_WORKER": "0", "GOVCAP_MANIFEST_STATIC": "0"}
    for name in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT",
                 "DJANGO_SETTINGS_MODULE", "GOVCAP_LOG_FORMAT"):
        env.pop(name, None)
    copy_database(migrated_sqlite, tmp_path)  # as `govcap migrate` leaves it
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([GOVCAP, "serve", "--port", str(port)], env=env, stdout=out,
                                  stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", server)
        for _ in range(2):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=10).read()
    finally:
        server.terminate()
        server.wait(30)
    lines = [line for line in log.read_text().splitlines() if "/login/" in line]
    assert len(lines) == 2 and all("GET /login/ 200" in line for line in lines), lines
