"""A plan pack started from the plan page, followed in the browser: the job's page moves
from waiting to done by htmx polling alone (no reload, no inline script), then downloads."""

from __future__ import annotations

import datetime as dt
import re
import threading
import zipfile

import pytest
from django.db import connection
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_job_page_follows_a_pack_to_its_download(page, live_server, world, settings,
                                                      tmp_path):
    from govcap.jobs.worker import run_pending
    from govcap.planning.catalogues import ensure_default_catalogue
    from govcap.planning.services import generate
    from tests.planning.test_plan_models import validated

    settings.DATA_DIR = tmp_path
    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1), {"enterprise-architecture": "basic"})
    generate(world.engagement, world.coordinator)
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)

    log_in(page, live_server.url, "coordinator")
    page.goto(f"{live_server.url}/plans/e/{world.engagement.slug}/")
    page.get_by_role("button", name="Plan pack (ZIP)").click()
    page.wait_for_url(re.compile(r"/jobs/\d+/$"))
    expect(page.locator(".tag")).to_have_text("Waiting")
    page.evaluate("window.sameDocument = true")

    def work() -> None:  # the worker, in its own thread as on a server
        try:
            run_pending()
        finally:
            connection.close()

    worker = threading.Thread(target=work)
    worker.start()
    download = page.get_by_role("link", name=re.compile("Download plans-"))
    expect(download).to_be_visible(timeout=90_000)
    worker.join()
    expect(page.locator(".tag")).to_have_text("Done")
    assert page.evaluate("window.sameDocument") is True  # polled, never reloaded

    with page.expect_download() as info:
        download.click()
    with zipfile.ZipFile(info.value.path()) as z:
        # (the plan + 1 organisation's) × (3 formats + the brief in 2) + the manifest
        assert "manifest.csv" in z.namelist() and len(z.namelist()) == 11
    assert problems == []
