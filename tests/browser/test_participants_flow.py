"""Participants in a real browser: edit (htmx, and with JavaScript off), remove through the
confirmation page, undo — then a reload and a check of what the server holds. Also the
submit confirmation. Screenshots go to /tmp for a look."""

from __future__ import annotations

import uuid

import pytest

from govcap.assessments import capture, workflow
from govcap.assessments.models import Participant, Quote, Session
from govcap.scale import SECTION_KEYS
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTION = "change-management"


@pytest.fixture
def with_quote(consented):
    """P2 named, with one quote."""
    p2 = Participant.objects.get(session=consented.session, code="P2")
    workflow.edit_participant(consented.facilitator, consented.session, p2.uuid,
                              workflow.ParticipantInput("Systems analyst", consented.ministry.pk,
                                                        "senior", "", "Otieno Ouma"),
                              base_revision=p2.revision)
    capture.save_quote(consented.facilitator, consented.session, capture.QuoteSave(
        op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=uuid.uuid4(),
        text="Nobody owns the data.", participant_code="P2", base_revision=0))
    consented.p2 = Participant.objects.get(pk=p2.pk)
    return consented


def test_edit_remove_with_confirmation_then_undo(page, live_server, with_quote):
    w = with_quote
    base = live_server.url
    log_in(page, base, "facilitator")
    page.goto(f"{base}/s/{w.session.uuid}/consent/")

    page.click("#participants a:has-text('Edit P2')")  # htmx: the row becomes a form
    page.wait_for_selector("#id_edit-role_title")
    assert page.input_value("#id_edit-name") == "Otieno Ouma"
    page.fill("#id_edit-role_title", "Data steward")
    page.fill("#id_edit-name", "Otieno O. Ouma")
    page.select_option("#id_edit-gender", "male")
    page.locator("#participants").screenshot(path="/tmp/participant-edit.png")
    page.click("#participants button:has-text('Save P2')")
    page.wait_for_selector("#participants .msg:has-text('P2 saved.')")
    assert "Data steward" in page.inner_text("#p-P2")

    page.click("#participants a:has-text('Remove P2')")
    page.wait_for_url("**/remove/")
    page.wait_for_selector("text=P2 is attributed 1 quote; it will become unattributed.")
    page.screenshot(path="/tmp/participant-remove-confirm.png", full_page=True)
    page.click("button:has-text('Remove P2')")
    page.wait_for_selector("#participants .msg:has-text('P2 removed')")
    assert page.locator("#p-P2").count() == 0
    page.locator("#participants").screenshot(path="/tmp/participant-undo.png")
    assert not Participant.objects.filter(uuid=w.p2.uuid).exists()
    assert Quote.objects.get(session=w.session).participant is None

    page.click("button:has-text('Undo: bring P2 back')")
    page.wait_for_selector("text=P2 is back, with 1 quote attributed again.")
    page.reload()
    assert "Data steward" in page.inner_text("#p-P2")
    assert page.locator("text=Undo: bring P2 back").count() == 0

    back = Participant.objects.get(uuid=w.p2.uuid)
    assert (back.code, back.role_title, back.gender, back.identity.name) == (
        "P2", "Data steward", "male", "Otieno O. Ouma")
    assert Quote.objects.get(session=w.session).participant == back


def test_edit_with_javascript_off(browser, live_server, with_quote):
    w = with_quote
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366,
                                                                       "height": 768})
    page = context.new_page()
    try:
        log_in(page, live_server.url, "facilitator")
        page.goto(f"{live_server.url}/s/{w.session.uuid}/consent/")
        page.click("a:has-text('Edit P1')")  # a plain link: ?edit=…
        page.wait_for_selector("#id_edit-role_title")
        page.fill("#id_edit-role_title", "Chief information officer")
        page.click("button:has-text('Save P1')")
        page.wait_for_selector("text=P1 saved.")
        page.reload()
        assert "Chief information officer" in page.inner_text("#p-P1")
    finally:
        context.close()
    assert Participant.objects.get(session=w.session, code="P1").role_title == (
        "Chief information officer")


def test_submit_asks_for_confirmation(page, live_server, with_quote):
    w = with_quote
    for key in SECTION_KEYS[:-1]:
        capture.save_field(w.facilitator, w.session, capture.FieldSave(
            op_id=uuid.uuid4(), section_key=key, field="level", value="moderate",
            base_revision=0))
    log_in(page, live_server.url, "facilitator")
    page.goto(f"{live_server.url}/s/{w.session.uuid}/")
    page.click("a:has-text('Submit the session')")
    page.wait_for_selector("text=7 of 8 sections rated.")
    page.screenshot(path="/tmp/submit-confirm-blocked.png", full_page=True)
    assert page.locator("button:has-text('Submit the session')").count() == 0

    capture.save_field(w.facilitator, w.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION_KEYS[-1], field="level", value="basic",
        base_revision=0))
    page.reload()
    page.wait_for_selector("text=8 of 8 sections rated.")
    page.screenshot(path="/tmp/submit-confirm.png", full_page=True)
    page.click("a:has-text('Cancel')")
    page.wait_for_url(f"**/s/{w.session.uuid}/")
    assert Session.objects.get(pk=w.session.pk).status == "in_progress"
    page.click("a:has-text('Submit the session')")
    page.click("button:has-text('Submit the session')")
    page.wait_for_selector("text=Session submitted")
    assert Session.objects.get(pk=w.session.pk).status == "submitted"


def test_a_stale_edit_shows_both_versions_on_a_phone(browser, live_server, with_quote):
    w = with_quote
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    try:
        log_in(page, live_server.url, "facilitator")
        page.goto(f"{live_server.url}/s/{w.session.uuid}/consent/")
        page.click("#participants a:has-text('Edit P2')")
        page.wait_for_selector("#id_edit-role_title")
        # Meanwhile the coordinator changes P2.
        workflow.edit_participant(w.coordinator, w.session, w.p2.uuid, workflow.ParticipantInput(
            "Head of data", w.agency.pk, "senior", "", "Otieno Ouma"),
            base_revision=w.p2.revision)
        page.fill("#id_edit-role_title", "Data steward")
        page.click("#participants button:has-text('Save P2')")
        page.wait_for_selector("#participants .conflict:has-text('changed elsewhere')")
        page.locator("#participants").screenshot(path="/tmp/participant-conflict-360.png")
        assert page.input_value("#id_edit-role_title") == "Data steward"
        assert Participant.objects.get(pk=w.p2.pk).role_title == "Head of data"
        page.click("#participants button:has-text('Save P2')")  # keep mine, deliberately
        page.wait_for_selector("#participants .msg:has-text('P2 saved.')")
        page.reload()
        assert "Data steward" in page.inner_text("#p-P2")
    finally:
        context.close()
    assert Participant.objects.get(pk=w.p2.pk).role_title == "Data steward"
