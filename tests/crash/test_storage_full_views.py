"""A save that meets a full database is answered with a clear 503 ("storage_full"),
translated, and writes nothing: no field, no audit event, no applied operation. Once space
is freed, the same operation (same ID) is saved once. On SQLite and on PostgreSQL."""

from __future__ import annotations

import logging
import uuid

import pytest

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import AppliedOperation, Quote, Rating
from govcap.scale import SECTION_KEYS
from tests.crash.full_storage import integrity_ok

pytestmark = pytest.mark.django_db(transaction=True)

KEY = SECTION_KEYS[0]
LONG_TEXT = "The unit keeps its server inventory in a spreadsheet. " * 200  # needs new pages


def save_field(client, session, op_id, value, base_revision, **headers):
    return client.post(f"/s/{session.uuid}/save/field/", {
        "op_id": str(op_id), "section": KEY, "field": "notes", "value": value,
        "base_revision": base_revision}, content_type="application/json", **headers)


def written() -> tuple[int, int]:
    return AuditEvent.objects.count(), AppliedOperation.objects.count()


def test_a_field_save_on_full_storage_is_refused_clearly_and_writes_nothing(
        client, consented, full_storage, caplog):
    session = consented.session
    client.force_login(consented.facilitator)
    first = save_field(client, session, uuid.uuid4(), "Before the disk filled.", 0)
    assert first.status_code == 200 and first.json()["revision"] == 1
    before = written()

    full_storage.fill()
    op_id = uuid.uuid4()
    with caplog.at_level(logging.ERROR, logger="govcap.storage"):
        refused = save_field(client, session, op_id, LONG_TEXT, 1)
    assert refused.status_code == 503, refused.content
    answer = refused.json()
    assert answer["code"] == "storage_full" and answer["status"] == "error"
    assert "storage is full" in answer["message"] and "kept on this device" in answer["message"]
    assert refused["Retry-After"] == "30"
    assert any("storage full" in r.getMessage() for r in caplog.records)
    assert LONG_TEXT not in caplog.text  # the user's words stay out of the log

    rating = Rating.objects.get(session=session, section_key=KEY, rater=None)
    assert (rating.notes, rating.revision_of("notes")) == ("Before the disk filled.", 1)
    assert written() == before
    assert not AppliedOperation.objects.filter(op_id=op_id).exists()
    assert integrity_ok()

    french = save_field(client, session, uuid.uuid4(), LONG_TEXT, 1, HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 503
    assert "stockage du serveur est plein" in french.json()["message"]

    full_storage.free()
    saved = save_field(client, session, op_id, LONG_TEXT, 1)  # the browser's resend
    assert saved.status_code == 200 and saved.json()["revision"] == 2
    rating.refresh_from_db()
    assert rating.notes == LONG_TEXT
    assert written() == (before[0] + 1, before[1] + 1)
    assert integrity_ok()


def test_a_quote_save_on_full_storage_is_refused_clearly(client, consented, full_storage):
    session = consented.session
    client.force_login(consented.facilitator)
    full_storage.fill()
    refused = client.post(f"/s/{session.uuid}/save/quote/", {
        "op_id": str(uuid.uuid4()), "section": KEY, "quote": str(uuid.uuid4()),
        "text": LONG_TEXT, "participant": ""}, content_type="application/json")
    assert refused.status_code == 503 and refused.json()["code"] == "storage_full"
    assert not Quote.objects.exists()
    assert integrity_ok()


def test_the_plain_form_keeps_what_was_typed_when_storage_is_full(client, consented,
                                                                   full_storage):
    session = consented.session
    client.force_login(consented.facilitator)
    full_storage.fill()
    page = client.post(f"/s/{session.uuid}/section/{KEY}/", {
        "page_op": str(uuid.uuid4()), "notes": LONG_TEXT, "rev_notes": "0"})
    assert page.status_code == 503
    html = page.content.decode()
    assert "storage is full" in html and LONG_TEXT.split(".")[0] in html
    assert not Rating.objects.filter(session=session).exclude(notes="").exists()
