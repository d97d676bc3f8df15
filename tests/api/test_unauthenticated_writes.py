"""Every API write without credentials answers 401 with the JSON error a read gets — not
403 'CSRF check Failed' (the CSRF check is for a logged-in browser session, and there is
none); a logged-in session writing without its CSRF token is still refused."""

from __future__ import annotations

import re
import uuid

from django.test import Client

from govcap.api.main import api
from tests.security.helpers import client_for

REFUSED = {
    "message": "Authentication required: send `Authorization: Bearer <token>`.",
    "field": "Authorization",
}


def writes() -> list[tuple[str, str]]:
    """(method, path) of every write operation, its path parameters filled."""
    schema = api.get_openapi_schema()
    out = []
    for path, methods in schema["paths"].items():
        for method in methods:
            if method in ("post", "put", "patch", "delete"):
                filled = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), path)
                out.append((method, filled))
    return out


def test_there_are_writes_to_check():
    paths = [p for _m, p in writes()]
    assert any(p.endswith("/attendance") for p in paths)
    assert any("answers" in p for p in paths)


def test_every_write_without_credentials_is_401_with_the_json_error(world):
    client = Client(enforce_csrf_checks=True)
    for method, path in writes():
        response = getattr(client, method)(
            path, data={"marks": []}, content_type="application/json"
        )
        assert (response.status_code, response.json()) == (401, REFUSED), (method, path)


def test_a_stale_session_cookie_without_a_user_is_401_too(world):
    client = Client(enforce_csrf_checks=True)
    client.cookies["sessionid"] = "gone"
    method, path = next((m, p) for m, p in writes() if p.endswith("/attendance"))
    response = getattr(client, method)(path, data={"marks": []}, content_type="application/json")
    assert (response.status_code, response.json()) == (401, REFUSED)


def test_a_logged_in_session_writing_without_its_csrf_token_is_still_refused(world):
    client = client_for(world.coordinator)
    client.handler.enforce_csrf_checks = True
    method, path = next((m, p) for m, p in writes() if p.endswith("/attendance"))
    response = getattr(client, method)(path, data={"marks": []}, content_type="application/json")
    assert response.status_code == 403
    assert set(response.json()) >= {"message", "field"}
