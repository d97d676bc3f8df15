"""The load bench's ceilings exist only on a server started with GOVCAP_BENCH_CEILINGS=1."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from govcap.web import bench_ceilings


def call(app, path: str, query: str = "") -> tuple[str, bytes]:
    seen = {}

    def start_response(status, headers):
        seen["status"] = status

    body = b"".join(app({"PATH_INFO": path, "QUERY_STRING": query, "REQUEST_METHOD": "GET"},
                        start_response))
    return seen["status"], body


def django_app(environ, start_response):
    start_response("404 Not Found", [])
    return [b"govcap"]


@pytest.mark.django_db
def test_absent_by_default(monkeypatch):
    monkeypatch.delenv(bench_ceilings.ENV, raising=False)
    assert bench_ceilings.mounted(django_app) is django_app
    for path in (bench_ceilings.NODB, bench_ceilings.WRITE):
        assert Client().get(path).status_code == 404


def test_the_server_entry_point_is_django_itself_without_the_variable(monkeypatch):
    from django.core.handlers.wsgi import WSGIHandler

    monkeypatch.delenv(bench_ceilings.ENV, raising=False)
    import govcap.wsgi

    assert isinstance(govcap.wsgi.application, WSGIHandler)


@pytest.mark.django_db(transaction=True)
def test_mounted_with_the_variable(monkeypatch):
    monkeypatch.setenv(bench_ceilings.ENV, "1")
    app = bench_ceilings.mounted(django_app)
    bench_ceilings.prepare_table()
    try:
        assert call(app, bench_ceilings.NODB) == ("200 OK", b'{"status": "ok"}')
        assert call(app, bench_ceilings.WRITE, "row=3") == ("200 OK", b'{"status": "saved"}')
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT hits FROM {bench_ceilings.TABLE} WHERE id = 3")
            assert cursor.fetchone() == (1,)
        assert call(app, "/login/")[1] == b"govcap"
    finally:
        bench_ceilings.drop_table()


def test_the_framework_floor_is_a_logged_in_post_through_all_the_middleware(monkeypatch,
                                                                           consented):
    from django.urls import clear_url_caches

    import govcap.urls

    monkeypatch.setattr(govcap.urls, "urlpatterns",
                        [*govcap.urls.urlpatterns, *_floor_with_the_variable(monkeypatch)])
    clear_url_caches()
    try:
        client = Client(enforce_csrf_checks=True)
        client.get("/login/")
        token = client.cookies["csrftoken"].value
        assert client.post(bench_ceilings.FLOOR, HTTP_X_CSRFTOKEN=token).status_code == 302
        client.force_login(consented.facilitator)
        assert client.post(bench_ceilings.FLOOR).status_code == 403  # no CSRF token
        answer = client.post(bench_ceilings.FLOOR, HTTP_X_CSRFTOKEN=token)
        assert (answer.status_code, answer.json()) == (200, {"status": "ok"})
        assert client.get(bench_ceilings.FLOOR, HTTP_X_CSRFTOKEN=token).status_code == 405
    finally:
        monkeypatch.undo()
        clear_url_caches()


def _floor_with_the_variable(monkeypatch) -> list:
    monkeypatch.delenv(bench_ceilings.ENV, raising=False)
    assert bench_ceilings.urlpatterns() == []
    monkeypatch.setenv(bench_ceilings.ENV, "1")
    return bench_ceilings.urlpatterns()
