"""The service worker at /s/sw.js and what pages tell it: served as a script with a version
that follows its source, open to anonymous visitors; a random key per login in every page
(empty without a login, never the user's ID); the session's pages listed on its pages; a
logout that clears the HTTP cache but not the browser's storage (unsent edits live there)."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from govcap.web.views import offline

pytestmark = pytest.mark.django_db

KEY = re.compile(r'<meta name="govcap-offline" content="([^"]*)"')


def worker_config(script: str) -> dict:
    return json.loads(re.search(r"const CONFIG = (\{.*?\});", script).group(1))


def test_the_worker_is_a_script_never_taken_from_a_cache_unchecked(client):
    response = client.get("/s/sw.js")  # anonymous: the login page must reach it too
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    assert "__GOVCAP_SW_CONFIG__" not in script
    config = worker_config(script)
    assert config["scope"] == "/s/" and config["offline"] == reverse("offline-page")
    assert config["logout"] == reverse("logout") and config["static"] == "/static/"
    assert response["ETag"] == f'"{config["version"]}"'
    again = client.get("/s/sw.js", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["Cache-Control"] == "no-cache"
    assert client.post("/s/sw.js").status_code == 405


def test_the_version_changes_with_the_workers_source(client, tmp_path, monkeypatch):
    source = tmp_path / "sw.js"
    source.write_text(offline.WORKER_SOURCE.read_text())
    monkeypatch.setattr(offline, "WORKER_SOURCE", source)
    first = worker_config(client.get("/s/sw.js").content.decode())["version"]
    assert worker_config(client.get("/s/sw.js").content.decode())["version"] == first
    source.write_text(source.read_text() + "\n// changed\n")
    changed = client.get("/s/sw.js").content.decode()
    assert worker_config(changed)["version"] != first and changed.endswith("// changed\n")


def test_the_version_follows_the_static_files(monkeypatch):
    _, plain = offline.worker_script()
    monkeypatch.setattr(offline, "static_fingerprint", lambda: "another deploy")
    assert offline.worker_script()[1] != plain


def test_each_login_gets_its_own_random_key(client, consented):
    anonymous = client.get(reverse("login")).content.decode()
    assert KEY.search(anonymous).group(1) == ""
    client.login(username="facilitator", password="pw-for-tests-1")
    first = KEY.search(client.get("/").content.decode()).group(1)
    assert len(first) >= 20 and first != str(consented.facilitator.pk)
    overview = client.get(reverse("session", args=[consented.session.uuid])).content.decode()
    assert KEY.search(overview).group(1) == first  # the same login, the same key
    client.post(reverse("logout"))
    client.login(username="facilitator", password="pw-for-tests-1")
    assert KEY.search(client.get("/").content.decode()).group(1) not in ("", first)


def test_a_login_from_before_the_key_existed_gets_one(client, consented):
    client.force_login(consented.facilitator)
    session = client.session
    session.pop(offline.SESSION_KEY, None)
    session.save()
    key = KEY.search(client.get("/").content.decode()).group(1)
    assert key and client.session[offline.SESSION_KEY] == key
    assert KEY.search(client.get("/").content.decode()).group(1) == key


def test_a_session_page_lists_the_sessions_pages_to_save(client, consented):
    client.force_login(consented.facilitator)
    uuid = consented.session.uuid
    page = client.get(reverse("session-summary", args=[uuid])).content.decode()
    pages = re.search(r'id="offline-pages" data-pages="([^"]*)"', page).group(1).split()
    sections = [p for p in pages if "/section/" in p]
    assert len(sections) == 8 and len(pages) == 12
    assert {reverse(n, args=[uuid]) for n in
            ("session", "session-guide", "session-consent", "session-summary")} <= set(pages)
    for url in pages:
        assert client.get(url).status_code == 200, url


def test_the_offline_page_is_for_logged_in_users(client, consented):
    assert client.get(reverse("offline-page")).status_code == 302
    client.force_login(consented.facilitator)
    page = client.get(reverse("offline-page")).content.decode()
    assert 'id="offline-saved-pages"' in page and KEY.search(page).group(1)


def test_logout_clears_the_http_cache_and_keeps_the_browsers_storage(client, consented):
    client.force_login(consented.facilitator)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache"'  # not "storage": unsent edits live there
