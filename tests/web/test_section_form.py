"""The section page as a plain form (JavaScript off): only what the facilitator changed is
saved, a conflict waits for a decision field by field, a quote typed is never dropped, a
deleted quote can be restored, and a read-only section offers nothing to save."""

from __future__ import annotations

import re
import uuid

import pytest
from django.urls import reverse

from govcap.assessments import capture
from govcap.assessments.models import CaptureConflict, Quote, Rating, Session
from govcap.web.views.section import fingerprint

SECTION = "change-management"
NEXT = "digital-strategic-plan"


@pytest.fixture
def as_facilitator(client, consented):
    client.force_login(consented.facilitator)
    return client


def url(session, key=SECTION):
    return reverse("section", args=[session.uuid, key])


def shown(client, session) -> dict[str, str]:
    """The hidden inputs the page renders, as a browser would post them back."""
    page = client.get(url(session)).content.decode()
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))


def saved_by_coordinator(w, field, value, base=0):
    capture.save_field(w.coordinator, w.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION, field=field, value=value, base_revision=base))


def consensus(session) -> Rating:
    return Rating.objects.get(session=session, section_key=SECTION, rater=None)


def test_an_untouched_field_never_overwrites_what_a_colleague_saved_meanwhile(
        as_facilitator, consented):
    form = shown(as_facilitator, consented.session)
    saved_by_coordinator(consented, "dissent", "P2 disagreed.")
    response = as_facilitator.post(url(consented.session), {
        **form, "notes": "Mine.", "dissent": "", "level": ""})
    assert response.status_code == 302
    held = consensus(consented.session)
    assert (held.notes, held.dissent) == ("Mine.", "P2 disagreed.")
    assert not CaptureConflict.objects.exists()


def test_a_changed_stale_field_is_kept_as_a_conflict_until_decided(as_facilitator, consented):
    form = shown(as_facilitator, consented.session)
    saved_by_coordinator(consented, "notes", "Theirs.")
    refused = as_facilitator.post(url(consented.session), {**form, "notes": "Mine."})
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Theirs." in page and "Mine." in page and 'name="decide_notes"' in page
    conflict = CaptureConflict.objects.get()
    assert (conflict.yours, conflict.theirs, conflict.resolved_at) == ("Mine.", "Theirs.", None)

    again = shown(as_facilitator, consented.session)  # the page asks, and Save alone…
    undecided = as_facilitator.post(url(consented.session), {**again, "notes": "Mine."},
                                    follow=True)
    assert consensus(consented.session).notes == "Theirs."  # …overwrites nothing
    assert "still needs your decision" in undecided.content.decode()  # …and says so
    as_facilitator.post(url(consented.session), {**again, "notes": "Mine.", "decide_notes": "theirs"})
    conflict.refresh_from_db()
    assert conflict.resolution == "theirs" and consensus(consented.session).notes == "Theirs."


def test_a_quote_typed_is_added_by_save_and_next(as_facilitator, consented):
    form = shown(as_facilitator, consented.session)
    response = as_facilitator.post(url(consented.session), {
        **form, "save_next": "", "quote_text": "We have no change plan.",
        "quote_participant": "P1"})
    assert response["Location"] == url(consented.session, NEXT)
    quote = Quote.objects.get()
    assert (quote.text, quote.participant.code, quote.section_key) == (
        "We have no change plan.", "P1", SECTION)
    as_facilitator.post(url(consented.session), {  # the same form sent twice: one quote
        **form, "save_next": "", "quote_text": "We have no change plan."})
    assert Quote.objects.count() == 1


def test_a_deleted_quote_is_restored_with_its_attribution(as_facilitator, consented):
    form = shown(as_facilitator, consented.session)
    as_facilitator.post(url(consented.session), {
        **form, "add_quote": "", "quote_text": "Nobody owns the change.", "quote_participant": "P2"})
    quote = Quote.objects.get()
    deleted = as_facilitator.post(url(consented.session), {
        **shown(as_facilitator, consented.session), "delete_quote": str(quote.uuid)})
    assert not Quote.objects.exists()
    page = as_facilitator.get(deleted["Location"]).content.decode()
    assert f'name="restore_quote" value="{quote.uuid}"' in page
    as_facilitator.post(url(consented.session), {
        **shown(as_facilitator, consented.session), "restore_quote": str(quote.uuid)})
    back = Quote.objects.get()
    assert (back.uuid, back.text, back.participant.code) == (
        quote.uuid, "Nobody owns the change.", "P2")


def test_a_refused_post_shows_the_page_again_with_what_was_typed(as_facilitator, consented):
    form = shown(as_facilitator, consented.session)
    response = as_facilitator.post(url(consented.session), {
        **form, "notes": "Typed before the error.", "rev_level": "not a number", "level": "high"})
    assert response.status_code == 400
    assert "Typed before the error." in response.content.decode()
    assert not Rating.objects.filter(notes="Typed before the error.").exists()  # nothing half


def test_a_submitted_section_offers_no_save_and_says_it_is_read_only(as_facilitator, consented):
    Session.objects.filter(pk=consented.session.pk).update(status=Session.Status.SUBMITTED)
    page = as_facilitator.get(url(consented.session)).content.decode()
    assert 'name="save"' not in page and 'name="save_next"' not in page
    assert "Submitted: read-only to facilitators" in page
    assert 'data-state="readonly"' in page


def test_fingerprints_tell_a_change_apart():
    assert fingerprint("same") == fingerprint("same") != fingerprint("same ")


def test_an_edit_of_a_quote_deleted_meanwhile_is_a_decision_not_a_resurrection(
        as_facilitator, consented):
    quote_id = uuid.uuid4()
    capture.save_quote(consented.facilitator, consented.session, capture.QuoteSave(
        op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=quote_id, text="Said once.",
        participant_code="", base_revision=0))
    capture.save_quote(consented.coordinator, consented.session, capture.QuoteSave(
        op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=quote_id, text="",
        participant_code="", base_revision=0, delete=True))
    with pytest.raises(capture.StaleRevision):
        capture.save_quote(consented.facilitator, consented.session, capture.QuoteSave(
            op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=quote_id,
            text="Said once, and edited.", participant_code="", base_revision=1))
    assert not Quote.objects.exists()
    conflict = CaptureConflict.objects.get()
    as_facilitator.post(reverse("session-conflicts", args=[consented.session.uuid]),
                        {"conflict": str(conflict.uuid), "decide": "mine"})
    assert Quote.objects.get().text == "Said once, and edited."  # kept mine: it comes back


def test_adding_an_empty_quote_says_what_is_missing_and_adds_nothing(as_facilitator, consented):
    form = shown(as_facilitator, consented.session)
    sent = as_facilitator.post(url(consented.session), {**form, "add_quote": "", "quote_text": "  "},
                               follow=True)
    assert not Quote.objects.exists()
    assert "Type the quote before adding it." in sent.content.decode()
