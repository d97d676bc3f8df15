"""Nothing lost in the field: edits made while the server is unreachable wait in the browser
(through a reload and a closed tab) and reach the server once, in order, when it answers
again; a conflict is shown, never overwritten; the capture page works with JavaScript off,
on a phone and a tablet, and with the keyboard alone."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import Page, Route, expect

from govcap.accounts.models import AuditEvent
from govcap.assessments import capture
from govcap.assessments.models import AppliedOperation, Rating
from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVES = "**/save/field/"


@pytest.fixture
def page(page_without_worker):
    """The queue's tests without the service worker (see page_without_worker); the worker
    has its own tests."""
    return page_without_worker


def section_url(base: str, session, key: str) -> str:
    return f"{base}/s/{session.uuid}/section/{key}/"


def state_of(page: Page, field: str):
    return page.locator(f'.field[data-field="{field}"] .save-state')


def notes_of(session) -> dict[str, str]:
    return dict(Rating.objects.filter(session=session, rater=None)
                .values_list("section_key", "notes"))


def test_edits_made_while_the_server_is_unreachable_reach_it_once_in_order(
        page, live_server, consented):
    base, session = live_server.url, consented.session
    log_in(page, base, "facilitator")
    context = page.context
    attempts: list[str] = []
    mode = {"now": "unreachable"}

    def network(route: Route) -> None:
        attempts.append(route.request.post_data_json["op_id"])
        if mode["now"] == "unreachable":
            route.abort("internetdisconnected")
        elif mode["now"] == "answer lost":  # the server applies it; the answer never arrives
            route.fetch()
            mode["now"] = "reachable"
            route.abort("connectionreset")
        else:
            route.continue_()

    context.route(SAVES, network)
    sections = SECTION_KEYS[:3]
    texts = {key: f"Said offline in {key}: the unit has no shared approach." for key in sections}
    for key in sections:
        page.goto(section_url(base, session, key))
        page.fill("#f-notes", texts[key])
        page.locator("#f-notes").blur()
        expect(state_of(page, "notes")).to_have_attribute("data-state", "offline")
    expect(page.locator("#save-summary")).to_have_attribute("data-state", "offline")
    expect(page.locator("#save-summary")).to_contain_text("3")

    page.reload()  # the edit of this page is still there, still waiting
    expect(page.locator("#f-notes")).to_have_value(texts[sections[-1]])
    expect(state_of(page, "notes")).to_have_attribute("data-state", "offline")
    page.close()  # and closing the tab keeps them too

    page = context.new_page()
    page.goto(section_url(base, session, sections[0]))
    expect(page.locator("#f-notes")).to_have_value(texts[sections[0]])
    assert notes_of(session) == {}
    mode["now"] = "answer lost"
    expect(page.locator("#save-summary")).to_have_text("All changes saved.", timeout=20_000)
    expect(state_of(page, "notes")).to_have_attribute("data-state", "saved")

    assert notes_of(session) == texts
    assert mode["now"] == "reachable"  # one answer was lost on the way back
    ops = list(dict.fromkeys(attempts))  # the distinct operations, in the order first sent
    assert len(ops) == 3 and len(attempts) > len(ops)  # each was tried more than once…
    applied = [a for a in AppliedOperation.objects.filter(session=session)
               if a.response.get("field") == "notes"]  # (the fixture's participants are too)
    assert sorted(str(a.op_id) for a in applied) == sorted(ops)  # …and applied once
    events = list(AuditEvent.objects.filter(op_id__in=ops).order_by("id"))
    assert [str(e.op_id) for e in events] == ops  # one audit event each, in the order typed
    page.close()


def test_a_conflict_is_shown_with_keep_mine_and_take_theirs(page, live_server, consented):
    base, session = live_server.url, consented.session
    key = SECTION_KEYS[0]
    log_in(page, base, "facilitator")
    page.goto(section_url(base, session, key))
    for field in ("notes", "evidence"):  # a coordinator saves both fields meanwhile
        capture.save_field(consented.coordinator, session, capture.FieldSave(
            op_id=uuid.uuid4(), section_key=key, field=field, value=f"Coordinator's {field}",
            base_revision=0))

    page.fill("#f-notes", "My notes from the room")
    page.locator("#f-notes").blur()
    notes = page.locator('.field[data-field="notes"]')
    expect(state_of(page, "notes")).to_have_attribute("data-state", "conflict")
    expect(notes.locator(".conflict")).to_contain_text("Coordinator's notes")
    expect(page.locator("#f-notes")).to_have_value("My notes from the room")  # not overwritten
    notes.get_by_role("button", name="Keep mine").click()
    expect(state_of(page, "notes")).to_have_attribute("data-state", "saved")
    expect(notes.locator(".conflict")).to_have_count(0)

    page.fill("#f-evidence", "My evidence")
    page.locator("#f-evidence").blur()
    evidence = page.locator('.field[data-field="evidence"]')
    evidence.get_by_role("button", name="Take theirs").click()
    expect(page.locator("#f-evidence")).to_have_value("Coordinator's evidence")
    expect(page.locator("#save-summary")).to_have_text("All changes saved.")

    rating = Rating.objects.get(session=session, section_key=key, rater=None)
    assert (rating.notes, rating.evidence) == ("My notes from the room", "Coordinator's evidence")


def test_the_capture_page_works_with_javascript_off(browser, live_server, consented):
    base, session = live_server.url, consented.session
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, base, "facilitator")
        page.goto(section_url(base, session, SECTION_KEYS[0]))
        page.check("input[name=level][value=moderate]")
        page.check("input[name=confidence][value=high]")
        page.fill("#f-notes", "Posted as a plain form.")
        page.click("button[name=save_next]")
        page.wait_for_url(f"**/section/{SECTION_KEYS[1]}/")
        expect(page.locator("#messages")).to_contain_text("Saved.")
        rating = Rating.objects.get(session=session, section_key=SECTION_KEYS[0], rater=None)
        assert (rating.level, rating.confidence, rating.notes) == (
            "moderate", "high", "Posted as a plain form.")
    finally:
        context.close()


@pytest.mark.parametrize("width,height", [(360, 740), (768, 1024)])
def test_the_capture_page_fits_a_phone_and_a_tablet(browser, live_server, consented, width,
                                                    height):
    base, session = live_server.url, consented.session
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
    page = context.new_page()
    try:
        log_in(page, base, "facilitator")
        page.goto(section_url(base, session, SECTION_KEYS[2]))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for selector in ("input[name=level][value=basic]", "#f-notes", "button[name=save]"):
            box = page.locator(selector).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, selector
        page.locator("label:has(input[name=level][value=basic])").tap()
        page.fill("#f-notes", f"Typed on a {width} px screen.")
        page.locator("#f-notes").blur()
        expect(page.locator("#save-summary")).to_have_text("All changes saved.")
        rating = Rating.objects.get(session=session, section_key=SECTION_KEYS[2], rater=None)
        assert (rating.level, rating.notes) == ("basic", f"Typed on a {width} px screen.")
    finally:
        context.close()


def tab_to(page: Page, test: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {test}; }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {test}")


def test_a_section_is_captured_with_the_keyboard_alone(page, live_server, consented):
    base, session = live_server.url, consented.session
    log_in(page, base, "facilitator")
    page.goto(section_url(base, session, SECTION_KEYS[3]))
    tab_to(page, "el.name === 'level'")
    page.keyboard.press("Space")  # the first level (High)…
    page.keyboard.press("ArrowDown")  # …then the arrow keys move along the scale
    expect(page.locator("input[name=level][value=moderate]")).to_be_checked()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    tab_to(page, "el.id === 'f-notes'")
    page.keyboard.type("Typed without a mouse.")
    page.keyboard.press("Tab")
    expect(page.locator("#save-summary")).to_have_text("All changes saved.")
    rating = Rating.objects.get(session=session, section_key=SECTION_KEYS[3], rater=None)
    assert (rating.level, rating.notes) == ("moderate", "Typed without a mouse.")
