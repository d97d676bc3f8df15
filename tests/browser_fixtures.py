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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def page_without_worker(browser):
    """A page whose saves Playwright's routes always see: a POST the service worker lets
    through is sent on the worker's behalf, which routes may not intercept."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB",
                                  service_workers="block")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
