"""A participant removed and the removal undone (or a quote deleted and saved again under
its UUID) between two syncs travels as the record it is now: the batch carries no
tombstone for it, and applying the batch on the other side keeps it."""

from __future__ import annotations

import uuid

import pytest

from govcap.assessments import capture, workflow
from govcap.assessments.models import Participant, Quote
from govcap.sync import merge
from govcap.sync.apply import apply_batch
from govcap.sync.feed import changes_since, head, records_of


@pytest.fixture
def synced(consented):
    """A session with a quote, as the other side last agreed on it (bases), and the cursor
    after it."""
    w = consented
    w.key = w.session.instrument.parsed.sections[0].key
    w.participant = Participant.objects.filter(session=w.session).order_by("code").first()
    w.quote = uuid.uuid4()
    capture.save_quote(w.facilitator, w.session, capture.QuoteSave(
        uuid.uuid4(), w.key, w.quote, "We lack skills.", w.participant.code, 0))
    payload = changes_since(0)["sessions"][0]
    w.bases = {p["uuid"]: merge.digest(k, p) for k, p in records_of(payload)}
    w.cursor = head()
    return w


def _remove_and_undo_participant(w) -> str:
    workflow.remove_participant(w.facilitator, w.session, w.participant)
    assert not Participant.objects.filter(uuid=w.participant.uuid).exists()
    workflow.undo_removal(w.facilitator, w.session, w.participant.uuid)
    return str(w.participant.uuid)


def _delete_and_save_quote_again(w) -> str:
    capture.save_quote(w.facilitator, w.session, capture.QuoteSave(
        uuid.uuid4(), w.key, w.quote, "", "", 1, delete=True))
    assert not Quote.objects.filter(uuid=w.quote).exists()
    capture.save_quote(w.facilitator, w.session, capture.QuoteSave(
        uuid.uuid4(), w.key, w.quote, "We lack skills.", w.participant.code, 0))
    return str(w.quote)


@pytest.mark.parametrize("restore", [_remove_and_undo_participant, _delete_and_save_quote_again],
                         ids=["participant", "quote"])
@pytest.mark.parametrize("known", [True, False], ids=["partial", "whole"])
def test_a_restored_record_travels_alive_and_is_kept(synced, restore, known) -> None:
    w = synced
    key = restore(w)
    batch = changes_since(w.cursor, known={str(w.session.uuid)} if known else None)
    assert key in {p["uuid"] for _, p in records_of(batch["sessions"][0])}

    # the other side (which holds the record as last agreed) applies the batch
    answer = apply_batch(batch, user=w.facilitator, peer="laptop", bases=w.bases,
                         op_id=uuid.uuid4(), check_scope=True)
    assert Participant.objects.filter(uuid=w.participant.uuid).exists()
    assert Quote.objects.get(uuid=w.quote).participant == Participant.objects.get(
        uuid=w.participant.uuid)
    assert answer["outcomes"][key] == "same" and not answer["refused"]
    assert key not in {t["uuid"] for t in batch["tombstones"]}


def test_a_record_still_deleted_travels_as_one_tombstone(synced) -> None:
    w = synced
    workflow.remove_participant(w.facilitator, w.session, w.participant)
    workflow.undo_removal(w.facilitator, w.session, w.participant.uuid)
    workflow.remove_participant(w.facilitator, w.session,
                                Participant.objects.get(uuid=w.participant.uuid))
    tombs = [t for t in changes_since(w.cursor)["tombstones"]
             if t["uuid"] == str(w.participant.uuid)]
    assert tombs == [{"type": "participant", "uuid": str(w.participant.uuid),
                      "session": str(w.session.uuid)}]


def test_a_batch_from_an_older_peer_with_both_keeps_the_record(synced) -> None:
    """A peer not yet upgraded sends the live record and its tombstone: the record wins,
    as it was the later state when that batch was built."""
    w = synced
    key = _remove_and_undo_participant(w)
    batch = changes_since(w.cursor)
    batch["tombstones"].append({"type": "participant", "uuid": key,
                                "session": str(w.session.uuid)})
    answer = apply_batch(batch, user=w.facilitator, peer="laptop", bases=w.bases,
                         op_id=uuid.uuid4(), check_scope=True)
    assert answer["outcomes"][key] == "same"
    assert Participant.objects.filter(uuid=key).exists()
