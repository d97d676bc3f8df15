"""In a real browser: when the server's storage fills up, the facilitator is told so in
words, the edit stays in the browser's queue (through a reload), the database keeps the
previous value and is consistent, and once space is freed the queued edit is saved, once.
(How the storage is filled: tests/crash/full_storage.py.)"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import AppliedOperation, Rating
from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in
from tests.crash.full_storage import full_storage_for_a_test, integrity_ok

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = SECTION_KEYS[0]
BEFORE = "Before the disk filled: the unit has two system administrators."
LONG_TEXT = "After the disk filled: the inventory lives in a spreadsheet. " * 180


@pytest.fixture
def full_storage(transactional_db, settings):
    yield from full_storage_for_a_test(settings)


def queued(page: Page, session) -> list[dict]:
    return json.loads(page.evaluate(f"localStorage.getItem('govcap:queue:{session.uuid}')")
                      or "[]")


def written() -> tuple[int, int]:
    return AuditEvent.objects.count(), AppliedOperation.objects.count()


def notes(session) -> tuple[str, int]:
    rating = Rating.objects.get(session=session, section_key=KEY, rater=None)
    return rating.notes, rating.revision_of("notes")


def test_storage_full_is_shown_and_the_edit_waits_in_the_queue_until_space_is_freed(
        page, live_server, consented, full_storage):
    base, session = live_server.url, consented.session
    summary = page.locator("#save-summary")
    state = page.locator('.field[data-field="notes"] .save-state')
    log_in(page, base, "facilitator")
    page.goto(f"{base}/s/{session.uuid}/section/{KEY}/")
    page.fill("#f-notes", BEFORE)
    page.locator("#f-notes").blur()
    expect(summary).to_have_text("All changes saved.")
    before = written()

    full_storage.fill()
    page.fill("#f-notes", LONG_TEXT)
    page.locator("#f-notes").blur()
    expect(state).to_have_attribute("data-state", "full")
    expect(state).to_contain_text("the server's storage is full; kept on this device")
    expect(summary).to_have_attribute("data-state", "full")
    expect(summary).to_contain_text("The server's storage is full, so this edit was not saved")
    expect(summary).to_contain_text("Please tell your administrator.")
    assert [(op["field"], op["value"]) for op in queued(page, session)] == [("notes", LONG_TEXT)]
    assert notes(session) == (BEFORE, 1)
    assert written() == before
    assert integrity_ok()

    page.reload()  # still queued, shown in the field, and refused again while full
    expect(page.locator("#f-notes")).to_have_value(LONG_TEXT)
    expect(state).to_have_attribute("data-state", "full")
    op_id = queued(page, session)[0]["op_id"]
    assert notes(session) == (BEFORE, 1) and written() == before

    full_storage.free()
    expect(summary).to_have_text("All changes saved.", timeout=60_000)
    expect(state).to_have_attribute("data-state", "saved")
    assert queued(page, session) == []
    assert notes(session) == (LONG_TEXT, 2)
    assert written() == (before[0] + 1, before[1] + 1)
    assert AppliedOperation.objects.filter(op_id=op_id).count() == 1
    assert integrity_ok()
