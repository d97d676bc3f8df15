"""Three interface languages, chosen in the header and remembered: French, and Arabic laid
out right to left, with the autosave script's words translated too and dates localised."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from govcap.assessments.models import Session
from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def switch_to(page: Page, language: str) -> None:
    page.locator(f".lang-switch button[value={language}]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def test_the_language_chosen_in_the_header_is_remembered(page, live_server, consented):
    base = live_server.url
    page.goto(base + "/login/")
    switch_to(page, "fr")
    expect(page.locator("h1")).to_have_text("Se connecter à govcap")
    log_in(page, base, "facilitator")
    expect(page.locator("html")).to_have_attribute("lang", "fr")  # still French after log-in
    expect(page.locator("main")).to_contain_text("Mes sessions")
    page.goto(f"{base}/s/{consented.session.uuid}/")
    expect(page.locator("main")).to_contain_text("10 mars 2026")  # dates in the language too
    expect(page.locator(".lang-switch [aria-current]")).to_have_text("Français")

    switch_to(page, "ar")
    assert page.url.endswith(f"/s/{consented.session.uuid}/")  # back on the same page
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("main")).to_contain_text("10 مارس 2026")
    # Each language is named in itself, whatever the interface language.
    assert page.locator(".lang-switch button").all_inner_texts() == [
        "English", "Français", "العربية", "Kiswahili"]


def test_french_chosen_while_logged_in_comes_back_at_the_next_login_elsewhere(
        page, browser, live_server, world):
    """Issue 15: the choice lived in a session cookie only, so the next login was English."""
    base = live_server.url
    log_in(page, base, "facilitator")
    switch_to(page, "fr")
    page.locator("header form[action='/logout/'] button").click()
    page.wait_for_url(f"{base}/login/")
    other = browser.new_context(locale="en-GB")  # another browser: English, no cookie
    try:
        fresh = other.new_page()
        log_in(fresh, base, "facilitator")
        expect(fresh.locator("html")).to_have_attribute("lang", "fr")
        fresh.goto(f"{base}/account/")
        expect(fresh.locator("#account-language")).to_have_value("fr")
    finally:
        other.close()


def test_arabic_runs_right_to_left_with_the_autosave_words_translated(page, live_server,
                                                                        consented):
    base = live_server.url
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": base}])
    log_in(page, base, "facilitator")
    page.goto(f"{base}/s/{consented.session.uuid}/section/{SECTION_KEYS[1]}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    first, last = page.locator(".progress li").first, page.locator(".progress li").last
    assert first.bounding_box()["x"] > last.bounding_box()["x"]  # section 1 on the right
    previous, following = page.locator(".nav-sections a").first, page.locator(".nav-sections a").last
    assert previous.bounding_box()["x"] > following.bounding_box()["x"]
    assert page.evaluate(  # the arrows point the way the page reads
        "getComputedStyle(document.querySelector('.nav-sections .arrow')).transform") != "none"
    # The instrument keeps its own language and direction inside the Arabic page, in each
    # card's text; the cards run right to left, as the level buttons below them do (issue 15:
    # they read High → Basic left to right above buttons reading مرتفع → أساسي right to left)
    expect(page.locator(".bench .statements").first).to_have_attribute("dir", "ltr")
    assert page.locator(".bench").get_attribute("dir") is None
    cards_then_buttons_run_the_same_way(page)

    page.fill("#f-notes", "ملاحظات من القاعة")
    page.locator("#f-notes").blur()
    expect(page.locator('.field[data-field="notes"] .save-state')).to_have_text("محفوظ")
    expect(page.locator("#save-summary")).to_have_text("حُفظت جميع التغييرات.")
    assert page.evaluate("getComputedStyle(document.querySelector('#f-notes')).direction") == "rtl"


def test_a_french_session_shows_the_instrument_in_french_without_fallback_marks(
        page, live_server, consented):
    Session.objects.filter(pk=consented.session.pk).update(language="fr")
    base = live_server.url
    log_in(page, base, "facilitator")
    page.goto(f"{base}/s/{consented.session.uuid}/section/{SECTION_KEYS[0]}/")
    # the card is named as its radio button (the interface's word), then as read aloud
    expect(page.locator(".bench h3").first).to_have_text("High · Élevé")
    expect(page.locator('.bench h3 bdi[lang="fr"]').first).to_have_text("Élevé")
    expect(page.locator(".bench .statements").first).to_have_attribute("lang", "fr")
    expect(page.locator(".fallback-mark")).to_have_count(0)


def test_an_arabic_session_shows_the_instrument_in_arabic_right_to_left(page, live_server,
                                                                        consented):
    Session.objects.filter(pk=consented.session.pk).update(language="ar")
    base = live_server.url
    log_in(page, base, "facilitator")  # an English interface around an Arabic instrument
    page.goto(f"{base}/s/{consented.session.uuid}/section/{SECTION_KEYS[0]}/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator(".bench h3").first).to_have_text("High · مرتفع")
    expect(page.locator('.bench h3 bdi[lang="ar"]').first).to_have_text("مرتفع")
    expect(page.locator(".bench .statements").first).to_have_attribute("dir", "rtl")
    expect(page.locator(".fallback-mark")).to_have_count(0)
    # the Arabic statements read right to left inside cards laid out as the English page
    # runs, the same way as the level buttons below them
    high, basic = page.locator(".bench .b-high"), page.locator(".bench .b-basic")
    assert high.bounding_box()["x"] < basic.bounding_box()["x"]
    cards_then_buttons_run_the_same_way(page)
    assert page.evaluate("getComputedStyle(document.querySelector("
                         "'.bench .b-high .statements')).direction") == "rtl"


def cards_then_buttons_run_the_same_way(page: Page) -> None:
    """The level cards (what is read aloud) and the level buttons (what is recorded) are in
    the same order on the screen: High on the same side in both."""
    def x(selector: str) -> float:
        return page.locator(selector).bounding_box()["x"]
    cards = x(".bench .b-high") < x(".bench .b-basic")
    buttons = x('input[name=level][value=high]') < x('input[name=level][value=basic]')
    assert cards == buttons, "the level cards and the level buttons run opposite ways"
