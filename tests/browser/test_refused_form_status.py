"""A form refused is never reported as saved (issue 15): the consent form sent with its box
unticked said "Nothing recorded: consent is recorded once you tick …" while the save-status
line beside it said "All changes saved.". The line claims nothing until something is saved."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_consent_form_sent_unticked_is_not_called_saved(page, live_server, world):
    base, session = live_server.url, world.session
    log_in(page, base, "facilitator")
    page.goto(f"{base}/s/{session.uuid}/consent/")
    page.locator("button", has_text="Record consent").click()
    expect(page.locator("#messages")).to_contain_text("Nothing recorded")
    page.wait_for_load_state("networkidle")
    summary = page.locator("#save-summary")
    expect(summary).not_to_contain_text("saved")
    assert summary.get_attribute("data-state") != "saved"

    # ticked, it is recorded; a field typed then reaches the server and the line says so
    page.locator("input[name=consent_given]").check()
    page.locator("button", has_text="Record consent").click()
    expect(page.locator("#messages")).to_contain_text("Consent recorded.")
    page.goto(f"{base}/s/{session.uuid}/section/{SECTION_KEYS[0]}/")
    page.fill("#f-notes", "Said in the room.")
    page.locator("#f-notes").blur()
    expect(summary).to_have_text("All changes saved.")
