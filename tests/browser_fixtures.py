"""The browser fixtures of every real-browser test (tests/browser and the few beside the
flows they test): Playwright driving Debian's chromium (Playwright cannot download its own
browsers here). Without chromium they skip with the reason shown; with
GOVCAP_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser fails instead.

Imported by tests/conftest.py, so the session has one ``browser`` whichever folders run:
a module importing the fixtures itself would start a second Playwright, which cannot
start while the first runs."""

from __future__ import annotations

import os
import shutil
import threading
import warnings

import pytest

CHROMIUM = os.environ.get("GOVCAP_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
               "--disable-gpu", "--no-first-run", "--disable-sync"]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = (f"chromium not found at {CHROMIUM}: run `make system-deps` "
                   "(Debian's chromium) to run the browser tests")
        if os.environ.get("GOVCAP_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


class _RequestsInFlight:
    """Counts the live server's requests from accept to close, so a test's teardown can
    wait for the last one: a save the page sent as the test ended, still running on the
    server while the database is flushed, made the flush fail on PostgreSQL (its row locks)
    and left the next test a half-emptied database."""

    def __init__(self, httpd):
        self.count = 0
        self.changed = threading.Condition()
        accept, serve = httpd.process_request, httpd.process_request_thread

        def counted_accept(request, client_address):
            with self.changed:
                self.count += 1
            try:
                accept(request, client_address)
            except BaseException:
                self._done()
                raise

        def counted_serve(request, client_address):
            try:
                serve(request, client_address)
            finally:
                self._done()

        httpd.process_request, httpd.process_request_thread = counted_accept, counted_serve

    def _done(self):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_until_idle(self, seconds: float = 15.0) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: self.count <= 0, timeout=seconds):
                warnings.warn(f"the live server still had {self.count} request(s) running "
                              f"{seconds:g} s after the browser closed", stacklevel=1)


def _server_requests(request) -> _RequestsInFlight | None:
    if "live_server" not in request.fixturenames:
        return None
    httpd = request.getfixturevalue("live_server").thread.httpd
    if not hasattr(httpd, "govcap_requests"):
        httpd.govcap_requests = _RequestsInFlight(httpd)
    return httpd.govcap_requests


def _new_page(browser, request, **options):
    """A fresh context's page; at teardown the context is closed and the live server's last
    requests are waited for, before pytest-django flushes the database (its autouse
    live-server helper is set up first, so torn down after this)."""
    requests = _server_requests(request)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB",
                                  **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page, requests


def _close(context, requests) -> None:
    context.close()
    if requests is not None:
        requests.wait_until_idle()


@pytest.fixture
def page(browser, request):
    context, page, requests = _new_page(browser, request)
    yield page
    _close(context, requests)


@pytest.fixture
def page_without_worker(browser, request):
    """A page whose saves Playwright's routes always see: a POST the service worker lets
    through is sent on the worker's behalf, which routes may not intercept."""
    context, page, requests = _new_page(browser, request, service_workers="block")
    yield page
    _close(context, requests)
