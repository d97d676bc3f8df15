"""The hardened server: headers, cookies, production refusals, the deploy check."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

HTTPS = dict(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, SECURE_SSL_REDIRECT=True,
             SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
             SECURE_HSTS_PRELOAD=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
PROBE = ("import json, govcap.settings as s; print(json.dumps({k: getattr(s, k, None) for k in "
         "['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
         "'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_HTTPONLY', 'X_FRAME_OPTIONS', "
         "'SECURE_REFERRER_POLICY', 'AXES_ENABLED', 'GOVCAP_ADMIN_2FA', 'DEBUG']}))")


def clean_environment() -> dict[str, str]:
    """This process's environment without govcap's, Django's or the browser tests' settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("GOVCAP_", "DJANGO_"))}


def settings_with(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROBE], env={**clean_environment(), **env},
                          capture_output=True, text=True, timeout=60)


def test_production_refuses_a_missing_secret_key(tmp_path):
    result = settings_with({"GOVCAP_PRODUCTION": "1", "GOVCAP_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0 and "GOVCAP_SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_secret_key(tmp_path):
    result = settings_with({"GOVCAP_PRODUCTION": "1", "GOVCAP_DATA_DIR": str(tmp_path),
                            "GOVCAP_SECRET_KEY": "govcap-insecure-development-key-only-for-127.0.0.1"})
    assert result.returncode != 0 and "development default" in result.stderr


def test_https_turns_on_secure_cookies_and_hsts(tmp_path):
    result = settings_with({"GOVCAP_PRODUCTION": "1", "GOVCAP_HTTPS": "1", "GOVCAP_SECRET_KEY":
                            "x" * 60, "GOVCAP_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {"SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
                      "SECURE_HSTS_SECONDS": 31536000, "SECURE_SSL_REDIRECT": True,
                      "SESSION_COOKIE_HTTPONLY": True, "X_FRAME_OPTIONS": "DENY",
                      "SECURE_REFERRER_POLICY": "same-origin", "AXES_ENABLED": True,
                      "GOVCAP_ADMIN_2FA": True, "DEBUG": False}


def test_the_deploy_check_is_clean_in_production(tmp_path):
    env = {**clean_environment(), "GOVCAP_PRODUCTION": "1", "GOVCAP_HTTPS": "1", "GOVCAP_SECRET_KEY":
           "k" * 20 + "Q9#z" * 10, "GOVCAP_ALLOWED_HOSTS": "govcap.example.org",
           "GOVCAP_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "govcap", "check", "--deploy",
                             "--fail-level", "WARNING"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_when_admin_two_factor_or_lockout_is_off():
    from govcap.accounts.checks import security_settings

    with override_settings(GOVCAP_ADMIN_2FA=False, AXES_ENABLED=False):
        assert {w.id for w in security_settings(None)} == {"govcap.W001", "govcap.W002"}
    with override_settings(GOVCAP_ADMIN_2FA=True, AXES_ENABLED=True):
        assert security_settings(None) == []


@pytest.mark.django_db
@override_settings(**HTTPS)
def test_headers_over_https(client):
    response = client.get("/login/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"


@pytest.mark.django_db
@override_settings(**HTTPS)
def test_plain_http_is_redirected_and_the_session_cookie_is_secure(client, django_user_model):
    assert client.get("/login/").status_code == 301
    user = django_user_model.objects.create_user("someone", password="a-long-pass-phrase-9")
    response = client.post("/login/", {"username": "someone", "password": "a-long-pass-phrase-9"},
                           secure=True)
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert user.pk


@pytest.mark.parametrize("password", ["short1", "password123", "12345678901", "somebody-1"])
def test_weak_passwords_are_refused(password, django_user_model):
    user = django_user_model(username="somebody-1")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_strong_password_is_accepted(django_user_model):
    validate_password("tea-field-ministry-47", django_user_model(username="someone"))


def test_sessions_expire(settings):
    from django.conf import settings as live

    assert live.SESSION_COOKIE_AGE <= 24 * 3600
    assert live.SESSION_EXPIRE_AT_BROWSER_CLOSE in (True, False)
