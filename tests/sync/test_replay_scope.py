"""A retried push is answered only while its sender may still change every session it
concerned: someone who lost their role (or was taken off the session) since learns nothing
from the stored answer. The session's status aside: a push that submitted a session is
still answered to its sender."""

from __future__ import annotations

import copy
import json
import uuid

import pytest

from govcap.accounts.models import AuditEvent, RoleAssignment
from govcap.accounts.tokens import create_token
from govcap.assessments import capture
from govcap.assessments.models import Rating, Session
from govcap.sync import merge
from govcap.sync.feed import changes_since, records_of
from govcap.sync.models import SyncBatch


@pytest.fixture
def rated(consented):
    w = consented
    w.key = w.session.instrument.parsed.sections[0].key
    capture.save_field(w.facilitator, w.session,
                       capture.FieldSave(uuid.uuid4(), w.key, "notes", "first", 0))
    return w


def _push(w, op_id: uuid.UUID, notes: str, status: str | None = None) -> str:
    batch = changes_since(0)
    payload = next(s for s in batch["sessions"] if s["uuid"] == str(w.session.uuid))
    bases = {p["uuid"]: merge.digest(k, p) for k, p in records_of(payload)}
    edited = copy.deepcopy(batch)
    session = next(s for s in edited["sessions"] if s["uuid"] == str(w.session.uuid))
    session["ratings"][0]["notes"] = notes
    if status:
        session["status"] = status
    return json.dumps({"op_id": str(op_id), "peer": "laptop-1", "batch": edited,
                       "bases": bases})


def _post(http, body: str, token: str):
    return http.post("/sync/push", body, content_type="application/json",
                     HTTP_AUTHORIZATION=f"Bearer {token}")


def _lose_role(w) -> None:
    RoleAssignment.objects.filter(user=w.facilitator).delete()


def _unassign(w) -> None:
    w.session.facilitators.remove(w.facilitator)


@pytest.mark.parametrize("lose", [_lose_role, _unassign], ids=["role removed", "unassigned"])
def test_a_retry_after_losing_access_is_refused_and_learns_nothing(rated, client, lose) -> None:
    w, op = rated, uuid.uuid4()
    token = create_token(w.facilitator, "sync").raw
    body = _push(w, op, "from the laptop")
    first = _post(client, body, token)
    assert first.status_code == 200 and first.json()["counts"]["apply"] == 1
    rating = Rating.objects.get(session=w.session, rater=None)
    events = AuditEvent.objects.count()

    lose(w)
    again = _post(client, body, token)
    assert again.status_code == 403
    assert again.json()["code"] == "out_of_scope"
    assert "can no longer change" in again.json()["message"]
    assert not {"outcomes", "counts", "digests", "refused", "replayed"} & set(again.json())
    assert str(rating.uuid) not in again.content.decode()
    assert str(w.session.uuid) not in again.content.decode()
    assert AuditEvent.objects.count() == events  # nothing applied either
    assert SyncBatch.objects.get(op_id=op).sessions == [str(w.session.uuid)]


def test_access_given_back_answers_the_retry_again(rated, client) -> None:
    w, op = rated, uuid.uuid4()
    token = create_token(w.facilitator, "sync").raw
    body = _push(w, op, "from the laptop")
    first = _post(client, body, token).json()
    _unassign(w)
    assert _post(client, body, token).status_code == 403
    w.session.facilitators.add(w.facilitator)
    assert _post(client, body, token).json() == {**first, "replayed": True}


def test_a_push_that_submitted_the_session_is_still_answered_to_its_sender(
        rated, client) -> None:
    w, op = rated, uuid.uuid4()
    token = create_token(w.facilitator, "sync").raw
    body = _push(w, op, "final words", status=Session.Status.SUBMITTED)
    first = _post(client, body, token)
    assert first.status_code == 200
    w.session.refresh_from_db()
    assert w.session.status == Session.Status.SUBMITTED  # read-only to facilitators now
    again = _post(client, body, token)
    assert again.status_code == 200 and again.json() == {**first.json(), "replayed": True}


def test_a_coordinator_keeps_their_answers_a_former_one_does_not(rated, client) -> None:
    w, op = rated, uuid.uuid4()
    token = create_token(w.coordinator, "sync").raw
    body = _push(w, op, "coordinator's words")
    assert _post(client, body, token).status_code == 200
    assert _post(client, body, token).status_code == 200
    RoleAssignment.objects.filter(user=w.coordinator).delete()
    assert _post(client, body, token).status_code == 403


def test_another_caller_still_gets_op_id_taken_not_the_scope_answer(rated, client) -> None:
    w, op = rated, uuid.uuid4()
    body = _push(w, op, "from the laptop")
    assert _post(client, body, create_token(w.facilitator, "sync").raw).status_code == 200
    _lose_role(w)
    other = _post(client, body, create_token(w.viewer, "sync").raw)
    assert other.status_code == 409 and other.json()["code"] == "op_id_taken"


def test_a_session_gone_since_refuses_the_retry(rated, client) -> None:
    w, op = rated, uuid.uuid4()
    token = create_token(w.facilitator, "sync").raw
    body = _push(w, op, "from the laptop")
    assert _post(client, body, token).status_code == 200
    SyncBatch.objects.filter(op_id=op).update(sessions=[str(uuid.uuid4())])
    assert _post(client, body, token).status_code == 403


def test_answers_stored_before_name_their_sessions_after_the_migration(rated, client) -> None:
    import importlib

    from django.apps import apps

    w, op = rated, uuid.uuid4()
    token = create_token(w.facilitator, "sync").raw
    body = _push(w, op, "from the laptop")
    assert _post(client, body, token).status_code == 200
    SyncBatch.objects.filter(op_id=op).update(sessions=[])  # as stored before
    migration = importlib.import_module("govcap.sync.migrations.0003_push_answer_sessions")
    migration.sessions_of_stored_answers(apps, None)
    assert SyncBatch.objects.get(op_id=op).sessions == [str(w.session.uuid)]
    _unassign(w)
    assert _post(client, body, token).status_code == 403
