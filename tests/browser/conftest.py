"""Real-browser tests: the fixtures (``browser``, ``page``, ``page_without_worker``) are
in tests/browser_fixtures.py, shared by the whole session; this is the log-in step."""

from __future__ import annotations


def log_in(page, base_url: str, username: str, password: str = "pw-for-tests-1") -> None:
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button.primary")
    page.wait_for_url(f"{base_url}/")
