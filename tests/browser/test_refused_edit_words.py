"""An edit the server refused is listed in the facilitator's language (issue 15): on a French
page the list said "service-management · quote: «…»", the section's key and the field's code
in English."""

from __future__ import annotations

from playwright.sync_api import expect

from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in
from tests.browser.test_capture_journeys import offline, online, section_url, summary


def test_a_refused_quote_is_listed_by_its_section_number_and_in_french(
        page_without_worker, live_server, consented):
    from govcap.assessments.models import Session

    page, base, session = page_without_worker, live_server.url, consented.session
    key = SECTION_KEYS[6]
    log_in(page, base, "facilitator")
    page.context.add_cookies([{"name": "django_language", "value": "fr", "url": base}])
    page.goto(section_url(base, session, key))
    offline(page.context)
    page.fill("#q-text", "Citation hors ligne.")
    page.click("button[name=add_quote]")
    expect(summary(page)).to_have_attribute("data-state", "offline")
    Session.objects.filter(pk=session.pk).update(status=Session.Status.SUBMITTED)
    online(page.context)
    expect(summary(page)).to_have_attribute("data-state", "error", timeout=20_000)
    summary(page).locator("summary").click()
    failed = summary(page).locator(".failed li")
    expect(failed).to_contain_text("Citation hors ligne.")
    expect(failed).to_contain_text("Section 7 · Citation")
    assert key not in failed.inner_text() and "quote" not in failed.inner_text()
