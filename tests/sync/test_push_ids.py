"""Push operation IDs: a stored answer belongs to the user and peer that sent the push. A
replay by anyone else is refused and learns nothing; the laptop's IDs are random, kept until
acknowledged (a retry after a lost answer resends the same one) and renewed when another
caller took theirs first."""

from __future__ import annotations

import copy
import json
import uuid

import pytest

from govcap.accounts.models import AuditEvent
from govcap.accounts.tokens import create_token
from govcap.assessments import capture
from govcap.assessments.models import Rating
from govcap.sync import client, merge
from govcap.sync.feed import changes_since, records_of
from govcap.sync.models import SyncBatch, SyncPeer

CENTRAL = "https://central.example.org"


@pytest.fixture
def rated(consented):
    w = consented
    w.key = w.session.instrument.parsed.sections[0].key
    capture.save_field(w.facilitator, w.session,
                       capture.FieldSave(uuid.uuid4(), w.key, "notes", "first", 0))
    return w


def _auth(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {create_token(user, 'sync').raw}"}


def _edited_push(w, op_id: uuid.UUID, notes: str, peer: str = "laptop-1") -> str:
    batch = changes_since(0)
    payload = next(s for s in batch["sessions"] if s["uuid"] == str(w.session.uuid))
    bases = {p["uuid"]: merge.digest(k, p) for k, p in records_of(payload)}
    edited = copy.deepcopy(batch)
    next(s for s in edited["sessions"] if s["uuid"] == str(w.session.uuid))["ratings"][0][
        "notes"] = notes
    return json.dumps({"op_id": str(op_id), "peer": peer, "batch": edited, "bases": bases})


def _post(http, body: str, auth: dict[str, str]):
    return http.post("/sync/push", body, content_type="application/json", **auth)


def test_a_viewer_replaying_a_coordinators_op_id_is_refused_and_learns_nothing(
        rated, client) -> None:
    w, op = rated, uuid.uuid4()
    first = _post(client, _edited_push(w, op, "coordinator's words"), _auth(w.coordinator))
    assert first.status_code == 200 and first.json()["counts"]["apply"] == 1
    rating = Rating.objects.get(session=w.session, rater=None)

    replay = _post(client, _edited_push(w, op, "viewer's words"), _auth(w.viewer))
    assert replay.status_code == 409
    assert replay.json()["code"] == "op_id_taken"
    assert "another user or peer" in replay.json()["message"]
    assert str(rating.uuid) not in replay.content.decode()  # no outcome of any record
    assert not {"outcomes", "counts", "digests", "refused"} & set(replay.json())
    rating.refresh_from_db()
    assert rating.notes == "coordinator's words"


def test_the_same_user_from_another_peer_is_refused(rated, client) -> None:
    w, op = rated, uuid.uuid4()
    auth = _auth(w.facilitator)
    assert _post(client, _edited_push(w, op, "one"), auth).status_code == 200
    other_laptop = _post(client, _edited_push(w, op, "two", peer="laptop-2"), auth)
    assert other_laptop.status_code == 409
    assert Rating.objects.get(session=w.session, rater=None).notes == "one"


def test_a_retry_by_the_same_caller_and_peer_is_answered_once(rated, client) -> None:
    w, op = rated, uuid.uuid4()
    auth, body = _auth(w.facilitator), _edited_push(w, op, "from the laptop")
    first = _post(client, body, auth).json()
    events = AuditEvent.objects.filter(op_id=op).count()
    again = _post(client, body, auth).json()
    assert again == {**first, "replayed": True}
    assert AuditEvent.objects.filter(op_id=op).count() == events
    stored = SyncBatch.objects.get(op_id=op)
    assert (stored.user, stored.peer) == (w.facilitator, "laptop-1")


def test_deeply_nested_push_is_refused_with_a_message(rated, client) -> None:
    deep = b'{"op_id": "' + str(uuid.uuid4()).encode() + b'", "batch": ' + b"[" * 5000 + \
        b"]" * 5000 + b"}"
    answer = _post(client, deep, _auth(rated.facilitator))
    assert answer.status_code == 422
    assert "nested more than" in answer.json()["message"]


def test_a_real_batch_is_well_within_the_depth_limit(rated) -> None:
    from govcap.jsonbody import nesting_depth
    from govcap.sync.views import MAX_DEPTH

    assert nesting_depth(json.dumps(changes_since(0)).encode()) <= MAX_DEPTH // 2


class FakePeer:
    """The central server's side of `client.request`: records what was sent and answers as
    scripted (an exception is raised, as a lost answer or a refusal would be)."""

    def __init__(self, *script) -> None:
        self.script, self.sent = list(script), []

    def __call__(self, url, token, body=None, timeout=client.TIMEOUT):
        self.sent.append(body)
        step = self.script.pop(0) if self.script else None
        if isinstance(step, Exception):
            raise step
        return {"outcomes": {}, "counts": {}, "refused": [], "digests": {}}


def _change(w, text: str) -> None:
    rating = Rating.objects.get(session=w.session, rater=None)
    capture.save_field(w.facilitator, w.session, capture.FieldSave(
        uuid.uuid4(), w.key, "notes", text, rating.revision_of("notes")))


def test_a_retry_after_a_lost_answer_resends_the_same_id(rated, monkeypatch) -> None:
    fake = FakePeer(client.SyncClientError("timed out"))
    monkeypatch.setattr(client, "request", fake)
    with pytest.raises(client.SyncClientError):
        client.push(CENTRAL, "token")
    peer = SyncPeer.objects.get(url=CENTRAL)
    assert peer.pending_push["op_id"] == fake.sent[0]["op_id"]
    assert peer.pushed_cursor == 0  # not acknowledged: nothing moved
    assert uuid.UUID(fake.sent[0]["op_id"]).version == 4

    _change(rated, "typed after the lost answer")
    client.push(CENTRAL, "token")
    resent, new = fake.sent[1:]
    assert resent == fake.sent[0]  # the same push, the same ID: applied once by the peer
    assert new["op_id"] != resent["op_id"]  # what changed since travels as a new push
    peer.refresh_from_db()
    assert peer.pending_push is None and peer.pushed_cursor == new["batch"]["cursor"]

    _change(rated, "and more")
    client.push(CENTRAL, "token")
    assert len({body["op_id"] for body in fake.sent}) == 3


def test_an_id_taken_by_another_caller_is_renewed_and_the_push_applies(
        rated, monkeypatch) -> None:
    taken = client.SyncClientError("409", 409, "op_id_taken")
    fake = FakePeer(taken)
    monkeypatch.setattr(client, "request", fake)
    answer = client.push(CENTRAL, "token")
    first, second = fake.sent
    assert second["op_id"] != first["op_id"] and second["batch"] == first["batch"]
    assert answer["sent"] == 1
    peer = SyncPeer.objects.get(url=CENTRAL)
    assert peer.pending_push is None and peer.pushed_cursor == first["batch"]["cursor"]


def test_another_refusal_keeps_the_push_pending(rated, monkeypatch) -> None:
    fake = FakePeer(client.SyncClientError("422", 422, ""))
    monkeypatch.setattr(client, "request", fake)
    with pytest.raises(client.SyncClientError):
        client.push(CENTRAL, "token")
    assert len(fake.sent) == 1
    assert SyncPeer.objects.get(url=CENTRAL).pending_push["op_id"] == fake.sent[0]["op_id"]
