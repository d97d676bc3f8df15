"""The feed and the applier in one database: scoping, demo data, updates, conflicts,
tombstones, and the HTTP endpoints (token, replayed push)."""

from __future__ import annotations

import copy
import json
import uuid

import pytest

from govcap.accounts.models import AuditEvent
from govcap.accounts.tokens import create_token
from govcap.assessments import access, capture
from govcap.assessments.models import Quote, Rating, Session
from govcap.sync import merge
from govcap.sync.apply import apply_batch
from govcap.sync.feed import changes_since, head, records_of
from govcap.sync.models import SyncConflict


@pytest.fixture
def rated(consented):
    w = consented
    w.key = w.session.instrument.parsed.sections[0].key
    capture.save_field(w.facilitator, w.session,
                       capture.FieldSave(uuid.uuid4(), w.key, "notes", "first", 0))
    w.quote = uuid.uuid4()
    capture.save_quote(w.facilitator, w.session, capture.QuoteSave(
        uuid.uuid4(), w.key, w.quote, "We lack skills.", "P1", 0))
    return w


def _payload(batch: dict, session: Session) -> dict:
    return next(s for s in batch["sessions"] if s["uuid"] == str(session.uuid))


def _bases(session_payload: dict) -> dict[str, str]:
    return {p["uuid"]: merge.digest(k, p) for k, p in records_of(session_payload)}


def test_feed_is_scoped_and_leaves_demo_out(rated) -> None:
    w = rated
    demo = Session.objects.create(engagement=w.engagement, organisation=w.ministry,
                                  instrument=w.instrument, is_demo=True)
    demo.facilitators.add(w.facilitator)
    capture.audit.record(w.facilitator, "update", demo, None, {"place": "x"}, session=demo)
    mine = changes_since(0, access.sessions(w.facilitator))
    assert [s["uuid"] for s in mine["sessions"]] == [str(w.session.uuid)]
    assert mine["cursor"] == head()
    assert changes_since(head())["sessions"] == []  # nothing after the cursor
    assert changes_since(0, access.sessions(w.outsider))["sessions"] == []


def test_apply_then_conflict_keeps_both(rated) -> None:
    w = rated
    batch = changes_since(0)
    original = _payload(batch, w.session)
    bases = _bases(original)
    theirs = copy.deepcopy(batch)
    _payload(theirs, w.session)["ratings"][0]["notes"] = "from the laptop"
    answer = apply_batch(theirs, user=w.facilitator, peer="laptop", bases=bases,
                         op_id=uuid.uuid4(), check_scope=True)
    assert answer["counts"]["apply"] == 1 and not answer["refused"]
    rating = Rating.objects.get(session=w.session, section_key=w.key, rater=None)
    assert rating.notes == "from the laptop"
    assert AuditEvent.objects.filter(action="sync", object_uuid=rating.uuid).exists()

    # changed here since, and changed again there from the same base: a conflict
    capture.save_field(w.facilitator, w.session, capture.FieldSave(
        uuid.uuid4(), w.key, "notes", "edited here", rating.revision_of("notes")))
    _payload(theirs, w.session)["ratings"][0]["notes"] = "edited there"
    answer = apply_batch(theirs, user=w.facilitator, peer="laptop",
                         bases={**bases, str(rating.uuid): merge.digest(
                             "rating", {**original["ratings"][0], "notes": "from the laptop"})},
                         op_id=uuid.uuid4(), check_scope=True)
    assert answer["outcomes"][str(rating.uuid)] == "conflict"
    rating.refresh_from_db()
    assert rating.notes == "edited here"
    conflict = SyncConflict.objects.get()
    assert (conflict.local["notes"], conflict.remote["notes"]) == ("edited here", "edited there")
    # the same conflict again is recorded once
    apply_batch(theirs, user=w.facilitator, peer="laptop", bases={}, op_id=uuid.uuid4(),
                check_scope=True)
    assert SyncConflict.objects.count() == 1


def test_out_of_scope_push_is_refused(rated) -> None:
    w = rated
    theirs = changes_since(0)
    _payload(theirs, w.session)["ratings"][0]["notes"] = "not yours"
    answer = apply_batch(theirs, user=w.outsider, peer="x", bases=_bases(
        _payload(changes_since(0), w.session)), op_id=uuid.uuid4(), check_scope=True)
    assert answer["refused"]
    assert Rating.objects.get(session=w.session, rater=None).notes == "first"


def test_tombstone_deletes_only_an_unchanged_record(rated) -> None:
    w = rated
    batch = changes_since(0)
    bases = _bases(_payload(batch, w.session))
    tomb = {**batch, "sessions": [], "engagements": [],
            "tombstones": [{"type": "quote", "uuid": str(w.quote),
                            "session": str(w.session.uuid)}]}
    answer = apply_batch(tomb, user=w.facilitator, peer="p", bases={}, op_id=uuid.uuid4(),
                         check_scope=True)
    assert answer["outcomes"][str(w.quote)] == "conflict"  # never synced: not deleted blind
    assert Quote.objects.filter(uuid=w.quote).exists()
    answer = apply_batch(tomb, user=w.facilitator, peer="p", bases=bases, op_id=uuid.uuid4(),
                         check_scope=True)
    assert answer["outcomes"][str(w.quote)] == "delete"
    assert not Quote.objects.filter(uuid=w.quote).exists()
    # the deletion is itself a tombstone in this server's feed
    assert {"type": "quote", "uuid": str(w.quote), "session": str(w.session.uuid)} in \
        changes_since(0)["tombstones"]


def test_endpoints_need_a_token_and_replay_a_push(rated, client) -> None:
    w = rated
    assert client.get("/sync/pull").status_code == 401
    assert client.post("/sync/push", "{}", content_type="application/json").status_code == 401
    auth = {"HTTP_AUTHORIZATION": f"Bearer {create_token(w.facilitator, 't').raw}"}
    pulled = client.get("/sync/pull?since=0", **auth).json()
    assert [s["uuid"] for s in pulled["sessions"]] == [str(w.session.uuid)]
    body = json.dumps({"op_id": str(uuid.uuid4()), "peer": "laptop", "batch": pulled,
                       "bases": {}})
    first = client.post("/sync/push", body, content_type="application/json", **auth).json()
    assert first["counts"] == {"same": len(records_of(pulled["sessions"][0]))}
    second = client.post("/sync/push", body, content_type="application/json", **auth).json()
    assert second["replayed"] is True
    bad = client.post("/sync/push", "nope", content_type="application/json", **auth)
    assert bad.status_code == 422


def test_resolve_here_moves_the_base_so_the_next_push_carries_it(rated) -> None:
    from govcap.sync.apply import resolve
    from govcap.sync.models import SyncedRecord, SyncPeer

    w = rated
    peer = SyncPeer.objects.create(url="https://central.example.org")
    theirs = changes_since(0)
    _payload(theirs, w.session)["ratings"][0]["notes"] = "central words"
    rating = Rating.objects.get(session=w.session, rater=None)
    apply_batch(theirs, user=None, peer=peer.url, bases={str(rating.uuid): "0" * 64},
                op_id=uuid.uuid4(), check_scope=False)
    conflict = SyncConflict.objects.get()
    resolve(conflict, "here")
    conflict.refresh_from_db()
    assert conflict.resolved
    assert SyncedRecord.objects.get(peer=peer, object_uuid=rating.uuid).digest == \
        conflict.remote_digest
    rating.refresh_from_db()
    assert rating.notes == "first"


def test_resolve_there_writes_the_other_version(rated) -> None:
    from govcap.sync.apply import resolve

    w = rated
    theirs = changes_since(0)
    _payload(theirs, w.session)["ratings"][0]["notes"] = "central words"
    apply_batch(theirs, user=None, peer="p", bases={}, op_id=uuid.uuid4(), check_scope=False)
    resolve(SyncConflict.objects.get(), "there")
    assert Rating.objects.get(session=w.session, rater=None).notes == "central words"


def test_a_browser_session_is_refused(rated, client) -> None:
    client.force_login(rated.facilitator)
    assert client.get("/sync/pull").status_code == 403


def test_a_known_session_travels_as_its_changed_records(rated) -> None:
    w = rated
    cursor = head()
    rating = Rating.objects.get(session=w.session, rater=None)
    capture.save_field(w.facilitator, w.session, capture.FieldSave(
        uuid.uuid4(), w.key, "level", "high", rating.revision_of("level")))
    known = changes_since(cursor, known={str(w.session.uuid)})["sessions"][0]
    assert known["partial"] is True
    assert [r["uuid"] for r in known["ratings"]] == [str(rating.uuid)]
    assert known["participants"] == [] and known["quotes"] == []
    whole = changes_since(cursor)["sessions"][0]
    assert "partial" not in whole and len(whole["participants"]) == 2
    # a partial session this side does not hold is refused, not half-created
    known["uuid"] = str(uuid.uuid4())
    answer = apply_batch({**changes_since(cursor), "sessions": [known]}, user=None, peer="p",
                         bases={}, op_id=uuid.uuid4(), check_scope=False)
    assert "--full" in answer["refused"][0]
