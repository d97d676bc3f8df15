"""Beyond the autosave: any request that meets a full database — a plain form post, a sync
push — is answered with a clear 503 (a page, or JSON for machine clients), not a server
error, and writes nothing."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from govcap.accounts.tokens import create_token
from govcap.assessments.models import Rating
from govcap.sync import merge
from govcap.sync.feed import changes_since
from tests.crash.full_storage import integrity_ok

pytestmark = pytest.mark.django_db(transaction=True)

LONG_TEXT = "The unit keeps its server inventory in a spreadsheet. " * 200  # needs new pages


def test_an_independent_rating_form_on_full_storage_gets_a_clear_page(
        client, consented, full_storage):
    w = consented
    client.force_login(w.facilitator)
    full_storage.fill()
    page = client.post(reverse("analysis-my-rating", args=[w.session.uuid]), {
        "page_op": str(uuid.uuid4()), "change-management-level": "moderate",
        "change-management-level-rev": "0", "change-management-notes": LONG_TEXT},
        HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 503
    html = page.content.decode()
    assert "Stockage plein" in html and "rien n’a été enregistré" in html
    assert page["Retry-After"] == "30"
    assert not Rating.objects.filter(session=w.session, rater=w.facilitator).exists()
    assert integrity_ok()


def test_a_sync_push_on_full_storage_gets_a_json_503(client, consented, full_storage):
    w = consented
    from govcap.assessments import capture

    key = w.session.instrument.parsed.sections[0].key
    capture.save_field(w.facilitator, w.session,
                       capture.FieldSave(uuid.uuid4(), key, "notes", "first", 0))
    batch = changes_since(0)
    rating = batch["sessions"][0]["ratings"][0]
    bases = {rating["uuid"]: merge.digest("rating", rating)}  # agreed: the change applies
    rating["notes"] = LONG_TEXT
    token = create_token(w.facilitator, "sync").raw
    full_storage.fill()
    answer = client.post("/sync/push", {"op_id": str(uuid.uuid4()), "batch": batch,
                                         "bases": bases},
                         content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert answer.status_code == 503, answer.content
    assert answer.json()["code"] == "storage_full"
    assert "storage is full" in answer.json()["message"]
    assert Rating.objects.get(session=w.session, rater=None).notes == "first"
    assert integrity_ok()
