"""Repeated failed logins lock one username from one address for a while, never for good."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, override_settings

from govcap.accounts import lockout

PASSWORD = "pw-for-tests-1"
LOCKOUT = override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3,
                            AXES_COOLOFF_TIME=dt.timedelta(minutes=15))


def attempt(username: str, password: str, ip: str = "10.0.0.1"):
    return Client(REMOTE_ADDR=ip).post("/login/", {"username": username, "password": password})


def fail(username: str, times: int, ip: str = "10.0.0.1") -> None:
    statuses = [attempt(username, "wrong-password", ip).status_code for _ in range(times)]
    assert statuses[:2] == [200] * min(times, 2)  # the form again, until the limit


@LOCKOUT
def test_three_failures_lock_the_username_from_that_address(world):
    fail("admin-user", 3)
    response = attempt("admin-user", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert lockout.is_locked("admin-user")


@LOCKOUT
def test_the_same_user_can_still_log_in_from_another_address(world):
    fail("admin-user", 3, ip="203.0.113.9")
    assert attempt("admin-user", PASSWORD, ip="203.0.113.9").status_code == 429
    assert attempt("admin-user", PASSWORD, ip="10.0.0.2").status_code == 302


@LOCKOUT
def test_the_lock_ends_after_the_cool_off(world):
    fail("viewer", 3)
    assert attempt("viewer", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert attempt("viewer", PASSWORD).status_code == 302


@LOCKOUT
def test_govcap_unlock_lifts_the_lock_at_once(world):
    fail("viewer", 3)
    out = io.StringIO()
    call_command("unlock", "viewer", stdout=out)
    assert "can log in again" in out.getvalue()
    assert not lockout.is_locked("viewer")
    assert attempt("viewer", PASSWORD).status_code == 302


@LOCKOUT
def test_an_administrator_unlocks_from_the_users_page(world):
    from tests.security.helpers import client_for

    fail("viewer", 3)
    response = client_for(world.admin).post(f"/account/users/{world.viewer.pk}/",
                                            {"action": "unlock"})
    assert response.status_code == 302
    assert attempt("viewer", PASSWORD).status_code == 302


@LOCKOUT
def test_a_success_resets_the_count(world):
    fail("viewer", 2)
    assert attempt("viewer", PASSWORD).status_code == 302
    fail("viewer", 2)
    assert attempt("viewer", PASSWORD).status_code == 302


@pytest.mark.parametrize("proxies, forwarded, expected", [
    (0, "1.1.1.1", "127.0.0.1"),
    (1, "1.1.1.1", "1.1.1.1"),
    (1, "6.6.6.6, 1.1.1.1", "1.1.1.1"),  # the client's own header is not believed
    (2, "6.6.6.6, 1.1.1.1, 10.0.0.5", "1.1.1.1"),
])
def test_the_client_address_behind_proxies(rf, settings, proxies, forwarded, expected):
    settings.GOVCAP_PROXY_COUNT = proxies
    request = rf.get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    assert lockout.client_ip(request) == expected
