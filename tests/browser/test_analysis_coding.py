"""The coding helper in a real browser: selecting words in a note fills the section's form
with the source, the words and their offsets; applying codes stores exactly that span."""

from __future__ import annotations

import pytest

from govcap.analysis.models import CodedSegment
from govcap.assessments.models import Rating, Session
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTES = "Resistance was discussed openly.\nThe budget was cut mid-year; vendors hold the plan."


def test_selecting_words_codes_that_span(page, live_server, world):
    Session.objects.filter(pk=world.session.pk).update(consent_given=True, status="in_progress")
    rating = Rating.objects.create(session=world.session, section_key="change-management",
                                   level="basic", notes=NOTES)
    base = live_server.url
    log_in(page, base, "facilitator")
    page.goto(f"{base}/analysis/s/{world.session.uuid}/coding/")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    target = "budget was cut"
    page.evaluate("""(target) => {
        const box = document.querySelector('#sec-change-management .coded-text');
        const node = box.firstChild;
        const start = node.textContent.indexOf(target);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + target.length);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
    }""", target)
    form = page.locator("#sec-change-management form.code-span")
    assert form.locator("textarea[name=text]").input_value() == target
    start = NOTES.index(target)
    assert form.locator("input[name=start]").input_value() == str(start)
    assert form.locator("input[name=end]").input_value() == str(start + len(target))
    assert form.locator(f"input[name=source][value='notes:{rating.uuid}']").is_checked()
    assert "14 characters" in form.locator(".helper-status").inner_text()
    form.locator("label:has-text('Funding') input").check()
    form.locator("button.primary").click()
    page.wait_for_selector("text=Coded (1 code).")
    segment = CodedSegment.objects.get()
    assert (segment.start, segment.end, segment.text, segment.coder.username) == (
        start, start + len(target), target, "facilitator")
    assert page.locator("mark[title=Funding]").inner_text() == target
    assert not errors
