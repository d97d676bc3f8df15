"""The whole session offline: once a session's page has been opened online, its overview,
guide, sections, consent and summary open with no connection (with a banner saying when the
page was saved), a page never saved gets the offline page, and the saved pages of one login
are never shown to another on a shared laptop. The service worker is /s/sw.js."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from govcap.assessments import capture
from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in
from tests.waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BANNER = "#offline-banner"

SAVED = """async () => {
  const out = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("govcap-pages-")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) out.push(name + " " + new URL(request.url).pathname);
  }
  return out;
}"""


def session_pages(session) -> list[str]:
    s = f"/s/{session.uuid}"
    return [f"{s}/", f"{s}/guide/", f"{s}/consent/", f"{s}/summary/",
            *(f"{s}/section/{key}/" for key in SECTION_KEYS)]


def saved(page: Page) -> list[str]:
    return page.evaluate(SAVED)


def wait_until_saved_for_offline(page: Page, session) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    wanted = set(session_pages(session)) | {"/s/offline/", "/static/govcap/app.css",
                                              "/static/govcap/offline.js"}

    def all_saved():
        return wanted <= {entry.split(" ", 1)[1] for entry in saved(page)}

    # 13 pages fetched one after the other: slow on a CI machine running two workers.
    wait_until(all_saved, "the session's pages are saved", timeout=90)


def login_key(page: Page) -> str:
    return page.locator('meta[name="govcap-offline"]').get_attribute("content")


def goes_nowhere(page: Page, url: str) -> bool:
    """The browser's own 'no internet' error: nothing was served from a cache."""
    try:
        page.goto(url)
    except PlaywrightError as error:
        return "ERR_INTERNET_DISCONNECTED" in str(error) or "ERR_FAILED" in str(error)
    return False


def test_an_open_session_works_offline_page_after_page(page, live_server, consented):
    base, session = live_server.url, consented.session
    s = f"{base}/s/{session.uuid}"
    log_in(page, base, "facilitator")
    page.goto(f"{s}/section/{SECTION_KEYS[0]}/")
    wait_until_saved_for_offline(page, session)
    assert all(login_key(page) in entry for entry in saved(page))  # this login's cache only
    # Meanwhile a colleague saves notes on section 2: the saved copy does not have them yet.
    capture.save_field(consented.coordinator, session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION_KEYS[1], field="notes",
        value="Written by the coordinator while we were offline", base_revision=0))

    page.context.set_offline(True)
    page.locator("ol.progress a").nth(1).click()  # the next section, as a facilitator would
    page.wait_for_url(f"**/section/{SECTION_KEYS[1]}/")
    expect(page.locator("h2").first).to_contain_text("Section 2 of 8")
    expect(page.locator(BANNER)).to_contain_text(
        re.compile(r"No connection, or a very slow one: this page was saved at \d{1,2}:\d\d\. Your edits are kept"))
    page.reload()
    expect(page.locator("h2").first).to_contain_text("Section 2 of 8")
    expect(page.locator(BANNER)).to_be_visible()

    for path, heading in [("/", "Before you start"), ("/summary/", None),
                          ("/consent/", None), ("/guide/", None)]:
        response = page.goto(f"{s}{path}")
        assert response.status == 200, path
        # The saved copy keeps the page's Content-Security-Policy.
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        expect(page.locator("h1").first).to_be_visible()
        if heading:
            expect(page.locator("h2").first).to_have_text(heading)
        expect(page.locator(BANNER)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("")

    # A page of the session never saved: the offline page, with links to what is saved.
    response = page.goto(f"{s}/section/no-such-section/")
    assert response.status == 503
    expect(page.locator("h1")).to_have_text("This page was not saved for offline use")
    links = page.locator("#offline-saved-pages a")
    expect(links).to_have_count(12)
    expect(page.locator(BANNER)).to_have_count(0)
    links.filter(has_text=re.compile(r"^3\.")).click()
    page.wait_for_url(f"**/section/{SECTION_KEYS[2]}/")
    expect(page.locator("h2").first).to_contain_text("Section 3 of 8")
    # Outside the session's pages nothing is served from the cache.
    assert goes_nowhere(page, f"{base}/e/{session.engagement.slug}/")

    page.context.set_offline(False)  # back online: the network again
    page.goto(f"{s}/section/{SECTION_KEYS[1]}/")
    expect(page.locator("h2").first).to_contain_text("Section 2 of 8")
    expect(page.locator("#f-notes")).to_have_value(
        "Written by the coordinator while we were offline")
    expect(page.locator(BANNER)).to_have_count(0)
    page.goto(f"{s}/summary/")
    expect(page.locator(BANNER)).to_have_count(0)


def test_a_saved_copy_follows_what_was_saved_from_the_page(page, live_server, consented):
    base, session = live_server.url, consented.session
    url = f"{base}/s/{session.uuid}/section/{SECTION_KEYS[3]}/"
    log_in(page, base, "facilitator")
    page.goto(url)
    wait_until_saved_for_offline(page, session)
    page.fill("#f-notes", "Typed online, then the connection went")
    page.locator("#f-notes").blur()
    expect(page.locator('.field[data-field="notes"] .save-state')).to_have_attribute(
        "data-state", "saved")
    path = f"/s/{session.uuid}/section/{SECTION_KEYS[3]}/"
    copy = """async (path) => {
      for (const name of await caches.keys()) {
        if (!name.startsWith("govcap-pages-")) continue;
        const hit = await (await caches.open(name)).match(path);
        if (hit) return await hit.text();
      }
      return "";
    }"""
    wait_until(lambda: "Typed online, then the connection went" in page.evaluate(copy, path),
               "the saved copy is refreshed after the save", timeout=30)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator(BANNER)).to_be_visible()
    expect(page.locator("#f-notes")).to_have_value("Typed online, then the connection went")


def test_one_users_saved_pages_are_never_shown_to_another(browser, live_server, consented):
    base, session = live_server.url, consented.session
    section = f"{base}/s/{session.uuid}/section/{SECTION_KEYS[0]}/"
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        # A opens the session, then B logs in on the same laptop without A logging out.
        log_in(page, base, "facilitator")
        page.goto(section)
        wait_until_saved_for_offline(page, session)
        a_key = login_key(page)
        log_in(page, base, "coordinator")  # B may see this session too, online
        b_key = login_key(page)
        assert b_key and b_key != a_key
        wait_until(lambda: saved(page) and not any(a_key in e for e in saved(page)),
                   "A's saved pages are deleted", timeout=30)
        context.set_offline(True)
        response = page.goto(section)
        assert response.status == 503  # the offline page, B's own: nothing of A's
        expect(page.locator("h1")).to_have_text("This page was not saved for offline use")
        expect(page.locator("#offline-saved-pages li")).to_have_count(0)
        expect(page.locator("#offline-none")).to_be_visible()
        expect(page.locator("header .who")).to_have_text("coordinator")
        assert "Ministry of ICT" not in page.content()
        page.goto(f"{base}/s/{session.uuid}/")
        assert "Ministry of ICT" not in page.content()
        # A non-session page is never served from a cache, anyone's.
        assert goes_nowhere(page, f"{base}/e/{session.engagement.slug}/")
        context.set_offline(False)

        # B opens the session and logs out: the saved pages go with the login.
        page.goto(section)
        wait_until_saved_for_offline(page, session)
        page.evaluate("localStorage.setItem('govcap-test-unsent', 'an edit not yet sent')")
        page.get_by_role("button", name="Log out").click()
        page.wait_for_url(f"{base}/login/**")
        wait_until(lambda: saved(page) == [], "the saved pages are deleted at logout", timeout=30)
        # …but not the browser's storage, where the autosave keeps edits not yet sent.
        assert page.evaluate("localStorage.getItem('govcap-test-unsent')") == "an edit not yet sent"
        context.set_offline(True)
        assert goes_nowhere(page, section)
        assert goes_nowhere(page, f"{base}/s/{session.uuid}/summary/")
    finally:
        context.close()


def test_a_new_version_of_the_worker_replaces_the_saved_pages(page, live_server, consented,
                                                              monkeypatch):
    from govcap.web.views import offline

    base, session = live_server.url, consented.session
    log_in(page, base, "facilitator")
    page.goto(f"{base}/s/{session.uuid}/")
    wait_until_saved_for_offline(page, session)
    old = offline.worker_script()[1]
    assert all(entry.startswith(f"govcap-pages-{old}-") for entry in saved(page))

    monkeypatch.setattr(offline, "static_fingerprint", lambda: "a deploy changed app.css")
    new = offline.worker_script()[1]
    assert new != old
    page.reload()  # a navigation checks the worker for an update
    page.wait_for_function(
        "v => navigator.serviceWorker.controller && fetch('/s/sw.js').then(r => r.text())"
        ".then(t => t.includes(v))", arg=new)

    def replaced():
        entries = saved(page)
        return len(entries) >= 13 and all(e.startswith(f"govcap-pages-{new}-") for e in entries)

    # The new worker deleted the old version's pages and the open page had them saved again.
    wait_until(replaced, "the session's pages are saved by the new version only", timeout=60)
    wait_until_saved_for_offline(page, session)
