"""The autosave's cost in queries is fixed: it does not grow with the session's size
(its ratings, quotes, participants, audit trail) nor with the field's history."""

from __future__ import annotations

import json
import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

from govcap.assessments import capture, workflow
from tests.security.helpers import client_for

SECTION = "change-management"
# Session and user (login), the user's 2FA devices (one query for both types); then in the
# transaction: the session locked with the user's assignment to it, the user's roles, the
# instrument version, the operation ID, the rating, its update, the audit event, the
# session's status/updated_at, the applied operation.
AUTOSAVE_QUERIES = 12


def sql_of(queries) -> list[str]:
    # Savepoints are the test's own transaction nesting, not the request's statements.
    return [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]]


def autosave(client, session, field: str, value: str, revision: int):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            f"/s/{session.uuid}/save/field/", json.dumps({
                "op_id": str(uuid.uuid4()), "section": SECTION, "field": field,
                "value": value, "base_revision": revision}),
            content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["revision"], sql_of(queries)


def grow(w) -> None:
    """A big session: every section rated with long notes, quotes, many participants."""
    for i in range(12):
        workflow.add_participant(w.facilitator, w.session, workflow.ParticipantInput(
            role_title=f"Officer {i}", organisation_id=w.ministry.pk))
    for section in w.instrument.parsed.sections:
        for field, value in (("level", "moderate"), ("notes", "long notes " * 200),
                             ("evidence", "a document"), ("dissent", "P2 disagreed")):
            if section.key == SECTION and field == "evidence":
                continue  # the field the test autosaves
            capture.save_field(w.facilitator, w.session, capture.FieldSave(
                op_id=uuid.uuid4(), section_key=section.key, field=field, value=value,
                base_revision=0))
        for n in range(3):
            capture.save_quote(w.facilitator, w.session, capture.QuoteSave(
                op_id=uuid.uuid4(), section_key=section.key, quote_uuid=uuid.uuid4(),
                text=f"Quote {n}", participant_code="", base_revision=0))


def test_the_autosave_costs_the_same_queries_however_big_the_session(consented):
    w = consented
    client = client_for(w.facilitator)
    revision, first = autosave(client, w.session, "evidence", "first", 0)  # creates the rating
    revision, small = autosave(client, w.session, "evidence", "second", revision)
    grow(w)
    for n in range(20):  # and a long history of this very field
        revision, _ = autosave(client, w.session, "evidence", f"edit {n}", revision)
    revision, big = autosave(client, w.session, "evidence", "after", revision)
    assert len(small) == len(big) == AUTOSAVE_QUERIES, "\n".join(big)
    assert len(first) == AUTOSAVE_QUERIES + 1  # the section's rating is inserted once


def test_the_autosave_writes_no_session_row(consented):
    """The login session is read, never saved, by an autosave (no write per keystroke pause)."""
    client = client_for(consented.facilitator)
    _, queries = autosave(client, consented.session, "notes", "text", 0)
    assert not [q for q in queries if "django_session" in q and not q.startswith("SELECT")]
