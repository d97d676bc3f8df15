"""GET /healthz: what a load balancer's probe gets."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from govcap.web import health


@pytest.mark.django_db
def test_ok_with_one_database_round_trip_and_no_cookie():
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert len(queries) == 1
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["govcap.example.org"])
def test_answers_a_probe_by_address_over_plain_http():
    response = Client().get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    # every other page still refuses the host and redirects to HTTPS
    assert Client().get("/login/", HTTP_HOST="10.0.0.7:8000").status_code == 400


class Unreachable:
    def cursor(self):
        raise OperationalError("connection refused")


@pytest.mark.django_db
def test_503_with_a_reason_when_the_database_is_unreachable(monkeypatch):
    monkeypatch.setattr(health, "connection", Unreachable())
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


@pytest.mark.django_db
def test_only_get_and_head():
    assert Client().head("/healthz").status_code == 200
    assert Client().post("/healthz").status_code == 405
