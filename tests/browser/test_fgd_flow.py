"""A whole FGD as a facilitator in a real browser: log in, consent, participants, all
eight sections with notes and a quote, submit; the summary shows the eight levels."""

from __future__ import annotations

import pytest

from govcap.assessments.models import Quote, Rating, Session
from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEVELS = ["basic", "moderate", "high", "basic", "moderate", "not_assessed", "high", "basic"]


def test_a_facilitator_runs_a_whole_session(page, live_server, world):
    base = live_server.url
    log_in(page, base, "facilitator")
    page.click("text=Ministry of ICT")
    page.click("text=Record consent and participants")

    page.check("#id_consent_given")
    page.click("text=Record consent")
    page.wait_for_selector("text=Consent recorded on")
    for role in ("Director of ICT", "Enterprise architect"):
        page.fill("#id_role_title", role)
        page.click("text=Add participant")
        page.wait_for_selector(f"#participants td:has-text('{role}')")
    assert page.inner_text("#participants tbody").count("P") >= 2

    page.click("text=Start with section 1")
    for number, (key, level) in enumerate(zip(SECTION_KEYS, LEVELS, strict=True), start=1):
        page.wait_for_url(f"**/section/{key}/")
        page.check(f"input[name=level][value={level}]")
        page.check("input[name=confidence][value=medium]")
        if level == "not_assessed":
            page.fill("#f-not_assessed_reason", "Nobody from the policy unit attended.")
        page.fill("#f-notes", f"Section {number}: participants described their practice.")
        if number == 1:
            page.select_option("#q-participant", "P2")
            page.fill("#q-text", "We see our own system, never the whole ecosystem.")
            page.click("text=Add quote")
        page.wait_for_selector("#save-summary:has-text('All changes saved')")
        if number < len(SECTION_KEYS):
            page.click("text=Next section")
        else:
            page.click("text=Finish: review and submit")

    page.click("a:has-text('Submit the session')")
    page.wait_for_selector("text=8 of 8 sections rated.")  # the confirmation page
    page.click("button:has-text('Submit the session')")
    page.wait_for_selector("text=Session submitted")
    page.click("nav >> text=Summary")
    table = page.inner_text("table")
    for label in ("High", "Moderate", "Basic", "Not assessed"):
        assert label in table
    assert page.locator("figure.chart svg").count() == 1

    session = Session.objects.get(pk=world.session.pk)
    assert session.status == "submitted"
    levels = dict(Rating.objects.filter(session=session, rater=None)
                  .values_list("section_key", "level"))
    assert levels == dict(zip(SECTION_KEYS, LEVELS, strict=True))
    quote = Quote.objects.get(session=session)
    assert quote.participant.code == "P2" and quote.section_key == SECTION_KEYS[0]
