"""What may leave the room: shared wordings only leave words out, are audited, and are what
documents read; everything else stays internal."""

from __future__ import annotations

import uuid

import pytest

from govcap.accounts.models import AuditEvent
from govcap.assessments import capture, redaction, sharing
from govcap.assessments.models import Quote, Rating
from tests.security.corpus import SHORT_CORPUS

SECTION = "change-management"
NOTE = ("Strategy drafted in 2024. Participants asked that the examples given stay within "
        "the room. Change is run by the PMO.")


# --- the wording rule, plain functions ---------------------------------------------------

def test_leaving_words_out_is_allowed_and_gaps_are_marked_once():
    shared = "Strategy drafted in 2024. [...] Change is run by the PMO."
    assert redaction.added_word(NOTE, shared) is None
    assert redaction.normalised(shared) == "Strategy drafted in 2024. … Change is run by the PMO."
    assert redaction.normalised("a … … b ... c") == "a … b … c"


@pytest.mark.parametrize("shared, word", [
    ("Strategy drafted in 2025.", "2025"),
    ("Change is run by the PMO. Strategy drafted", "Strategy"),  # reordered
    ("Strategy was not drafted", "was"),
])
def test_a_wording_that_adds_or_reorders_words_names_the_first_one(shared, word):
    assert redaction.added_word(NOTE, shared) == word


def test_the_preview_marks_exactly_what_is_left_out():
    pieces = redaction.left_out(NOTE, "Strategy drafted in 2024. … Change is run by the PMO.")
    removed = "".join(p.text for p in pieces if p.changed)
    assert "Participants asked that the examples given stay within the room" in removed
    assert "Strategy" not in removed and "PMO" not in removed
    assert "".join(p.text for p in pieces) == NOTE  # nothing of the original is lost


# --- marking, audited; documents read only what is marked ---------------------------------

def captured(world, field="notes", text=NOTE) -> Rating:
    capture.save_field(world.facilitator, world.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION, field=field, value=text, base_revision=0))
    return Rating.objects.get(session=world.session, section_key=SECTION, rater=None)


def add_quote(world, text: str) -> Quote:
    capture.save_quote(world.facilitator, world.session, capture.QuoteSave(
        op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=uuid.uuid4(), text=text,
        participant_code="P1", base_revision=0))
    return Quote.objects.get(session=world.session, text=text)


def test_nothing_captured_is_shared_until_someone_marks_it(consented):
    captured(consented)
    add_quote(consented, "We learn by doing.")
    assert all(not item.is_shared for item in sharing.items(consented.session))
    assert sharing.for_sessions([consented.session.id]) == {}


def test_a_shared_wording_is_what_documents_read_and_the_change_is_audited(consented):
    rating = captured(consented)
    quote = add_quote(consented, "We learn by doing, not by workshops.")
    sharing.share(consented.facilitator, consented.session, f"notes:{rating.uuid}",
                  "Strategy drafted in 2024. ... Change is run by the PMO.")
    sharing.share(consented.coordinator, consented.session, f"quote:{quote.uuid}",
                  "We learn by doing")  # the rest left out: marked
    shared = sharing.for_sessions([consented.session.id])[(consented.session.id, SECTION)]
    assert shared.notes == "Strategy drafted in 2024. … Change is run by the PMO."
    assert "stay within the room" not in shared.notes
    assert shared.quotes == [("P1", "We learn by doing …")]
    assert shared.evidence == "" and shared.dissent == ""
    events = AuditEvent.objects.filter(action="share", session=consented.session)
    assert {tuple(e.after) for e in events} == {("shared_notes",), ("shared_quote",)}

    sharing.keep_internal(consented.coordinator, consented.session, f"notes:{rating.uuid}")
    shared = sharing.for_sessions([consented.session.id])[(consented.session.id, SECTION)]
    assert shared.notes == ""
    assert AuditEvent.objects.filter(action="unshare", object_uuid=rating.uuid).count() == 1


def test_a_wording_with_a_word_not_said_is_refused_and_nothing_is_written(consented):
    rating = captured(consented)
    with pytest.raises(sharing.SharingError) as refused:
        sharing.share(consented.facilitator, consented.session, f"notes:{rating.uuid}",
                      "Strategy drafted in 2024 and approved.")
    assert "“and”" in refused.value.message
    assert not rating.shared_texts.exists()
    assert not AuditEvent.objects.filter(action="share").exists()


def test_an_empty_wording_is_refused(consented):
    rating = captured(consented)
    with pytest.raises(sharing.SharingError):
        sharing.share(consented.facilitator, consented.session, f"notes:{rating.uuid}", " … ")


def test_a_text_edited_after_sharing_keeps_its_approved_wording_and_says_so(consented):
    rating = captured(consented)
    key = f"notes:{rating.uuid}"
    sharing.share(consented.facilitator, consented.session, key, "Strategy drafted in 2024.")
    capture.save_field(consented.facilitator, consented.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION, field="notes",
        value=NOTE + " The director left.", base_revision=rating.revision_of("notes")))
    item = sharing.find(consented.session, key)
    assert item.changed_since
    shared = sharing.for_sessions([consented.session.id])[(consented.session.id, SECTION)]
    assert shared.notes == "Strategy drafted in 2024. …"


def test_a_deleted_quote_takes_its_shared_wording_with_it(consented):
    quote = add_quote(consented, "Budget decides everything.")
    sharing.share(consented.facilitator, consented.session, f"quote:{quote.uuid}",
                  "Budget decides everything.")
    quote.delete()
    assert sharing.for_sessions([consented.session.id]) == {}


@pytest.mark.parametrize("name", sorted(SHORT_CORPUS))
def test_hostile_text_is_shared_verbatim_or_refused_never_altered(consented, name):
    text = SHORT_CORPUS[name].replace("\x00", "")
    rating = captured(consented, "evidence", f"Seen: {text}")
    if not redaction.words(text):
        return  # only spaces or control characters: nothing to share
    sharing.share(consented.facilitator, consented.session, f"evidence:{rating.uuid}",
                  f"Seen: {text}")
    shared = sharing.for_sessions([consented.session.id])[(consented.session.id, SECTION)]
    assert redaction.words(shared.evidence) == redaction.words(f"Seen: {text}")


def test_every_cut_is_marked_and_a_left_out_negation_is_named(consented):
    rating = captured(consented, text="Uncertainty does not scare us. Planning is another matter.")
    shared = sharing.share(consented.facilitator, consented.session, f"notes:{rating.uuid}",
                           "Uncertainty does scare us.")
    assert shared.text == "Uncertainty does … scare us. …"
    assert redaction.left_out_negations(shared.source, shared.text) == ["not"]
    assert redaction.with_gaps_marked(NOTE, NOTE) == NOTE  # nothing cut, nothing marked


def test_a_decision_from_a_page_opened_before_anothers_is_refused(consented):
    rating = captured(consented)
    key = f"notes:{rating.uuid}"
    seen = sharing.state_of(sharing.find(consented.session, key))  # internal, as the page showed
    sharing.share(consented.coordinator, consented.session, key, "Strategy drafted in 2024.")
    with pytest.raises(sharing.SharingError) as refused:
        sharing.keep_internal(consented.facilitator, consented.session, key, seen=seen)
    assert refused.value.field == "seen"
    assert sharing.find(consented.session, key).is_shared  # the other decision stands
