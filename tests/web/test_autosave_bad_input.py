"""The autosave endpoints answer bad input with a 400 naming what is wrong: deeply nested
JSON (once a 500 from the parser's RecursionError), a boolean sent as a string (once
`"delete": "false"` deleted a quote), a quote's invalid UUID (once reported as a missing
operation ID)."""

from __future__ import annotations

import json
import uuid

from django.urls import reverse

from govcap.assessments import capture
from govcap.assessments.models import Quote

SECTION = "change-management"
DEEP = b"[" * 10_000 + b"]" * 10_000


def _post(client, name: str, session, body) -> object:
    data = body if isinstance(body, bytes) else json.dumps(body)
    return client.post(reverse(name, args=[session.uuid]), data,
                       content_type="application/json")


def test_deeply_nested_json_is_a_clear_400(consented, client) -> None:
    client.force_login(consented.facilitator)
    for name in ("save-field", "save-quote"):
        answer = _post(client, name, consented.session, DEEP)
        assert answer.status_code == 400
        assert "nested more than" in answer.json()["message"]


def _quote(w) -> uuid.UUID:
    quote = uuid.uuid4()
    capture.save_quote(w.facilitator, w.session, capture.QuoteSave(
        uuid.uuid4(), SECTION, quote, "We lack skills.", "P1", 0))
    return quote


def test_delete_accepts_only_a_json_boolean(consented, client) -> None:
    w = consented
    client.force_login(w.facilitator)
    quote = _quote(w)
    for not_a_boolean in ("false", "true", 1, 0, None):
        answer = _post(client, "save-quote", w.session, {
            "op_id": str(uuid.uuid4()), "section": SECTION, "quote": str(quote),
            "text": "We lack skills.", "participant": "P1", "base_revision": 1,
            "delete": not_a_boolean})
        assert answer.status_code == 400, not_a_boolean
        assert answer.json()["field"] == "delete"
        assert "true or false" in answer.json()["message"]
    assert Quote.objects.filter(uuid=quote).exists()
    deleted = _post(client, "save-quote", w.session, {
        "op_id": str(uuid.uuid4()), "section": SECTION, "quote": str(quote), "text": "",
        "participant": "", "base_revision": 1, "delete": True})
    assert deleted.status_code == 200
    assert not Quote.objects.filter(uuid=quote).exists()


def test_an_invalid_quote_uuid_names_the_quote_field(consented, client) -> None:
    client.force_login(consented.facilitator)
    answer = _post(client, "save-quote", consented.session, {
        "op_id": str(uuid.uuid4()), "section": SECTION, "quote": "not-a-uuid",
        "text": "Words.", "participant": "", "base_revision": 0})
    assert answer.status_code == 400
    assert answer.json()["field"] == "quote"
    assert "operation ID" not in answer.json()["message"]
    missing_op = _post(client, "save-quote", consented.session, {
        "section": SECTION, "quote": str(uuid.uuid4()), "text": "Words."})
    assert missing_op.json()["field"] == "op_id"


def test_a_boolean_is_not_a_revision(consented, client) -> None:
    client.force_login(consented.facilitator)
    answer = _post(client, "save-field", consented.session, {
        "op_id": str(uuid.uuid4()), "section": SECTION, "field": "notes", "value": "x",
        "base_revision": True})
    assert answer.status_code == 400 and answer.json()["field"] == "base_revision"
