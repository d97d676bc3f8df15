"""Capture speaks the reader's language: its refusals (a save, a quote, a transition, a sync
batch) come through gettext, and a conflict on a level or a confidence carries the two
values as words ("Élevé"), so the conflict box never shows a stored key ("high")."""

from __future__ import annotations

import ast
import json
import uuid
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from govcap.assessments import capture, conflicts, workflow
from govcap.assessments.errors import CaptureError, NotAllowed, StaleRevision
from govcap.assessments.models import CaptureConflict
from tests.security.helpers import client_for

ROOT = Path(__file__).resolve().parents[2]
SECTION = "enterprise-architecture"


def save(world, user, field="notes", value="PMO exists on paper", base=0):
    return capture.save_field(user, world.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION, field=field, value=value, base_revision=base))


def test_capture_refusals_are_said_in_french(consented):
    with translation.override("fr"):
        with pytest.raises(NotAllowed) as refused:
            save(consented, consented.colleague)
        assert refused.value.message == "Vous ne pouvez pas modifier cette session."
        with pytest.raises(CaptureError) as refused:
            capture.parse_op_id("not-a-uuid", "quote")
        assert refused.value.message == "«\u00a0quote\u00a0» doit être un UUID."


def test_a_transition_refusal_is_said_in_french(world):
    with translation.override("fr"), pytest.raises(CaptureError) as refused:
        workflow.submit(world.facilitator, world.session)
    assert refused.value.message == "Le consentement n’a pas été enregistré pour cette session."


def test_a_refused_save_answers_in_the_language_of_the_request(consented):
    response = client_for(consented.viewer).post(
        reverse("save-field", args=[consented.session.uuid]), json.dumps({
            "op_id": str(uuid.uuid4()), "section": SECTION, "field": "notes", "value": "x",
            "base_revision": 0}), content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 403
    assert response.json()["message"] == "Vous ne pouvez pas modifier cette session."


def test_a_level_conflict_carries_the_level_words_in_the_readers_language(consented):
    save(consented, consented.coordinator, "level", "high")  # revision 1, someone else
    facilitator = client_for(consented.facilitator)
    response = facilitator.post(
        reverse("save-field", args=[consented.session.uuid]), json.dumps({
            "op_id": str(uuid.uuid4()), "section": SECTION, "field": "level",
            "value": "moderate", "base_revision": 0}),
        content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr")
    answer = response.json()
    assert (answer["status"], answer["yours"], answer["theirs"]) == (
        "conflict", "moderate", "high")
    assert (answer["yours_label"], answer["theirs_label"]) == ("Modéré", "Élevé")
    listed = facilitator.get(reverse("session-conflicts-json", args=[consented.session.uuid]),
                             HTTP_ACCEPT_LANGUAGE="fr").json()["conflicts"]
    assert [(c["yours_label"], c["theirs_label"]) for c in listed] == [("Modéré", "Élevé")]
    with translation.override("en"):
        record = CaptureConflict.objects.get()
        assert conflicts.as_json(record)["theirs_label"] == "High"


def test_only_levels_and_confidence_carry_words():
    with translation.override("fr"):
        confidence = StaleRevision("confidence", "low", "", 1).as_dict()
        notes = StaleRevision("notes", "a", "b", 1).as_dict()
    assert (confidence["yours_label"], confidence["theirs_label"]) == ("Faible", "")
    assert "yours_label" not in notes


# The capture and sync code paths whose refusals reach users.
REFUSING = ["govcap/assessments/capture.py", "govcap/assessments/errors.py",
            "govcap/assessments/workflow.py", "govcap/analysis/raters.py",
            "govcap/analysis/coding.py",
            "govcap/sync/apply.py", "govcap/sync/client.py", "govcap/jsonbody.py"]


@pytest.mark.parametrize("path", REFUSING)
def test_no_refusal_is_raised_with_an_untranslated_message(path):
    """`raise SomeError("English")` or an f-string: the message would reach every reader in
    English. Messages go through gettext (`_("…") % {…}`)."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    literal = []
    for node in ast.walk(tree):
        calls = [node.exc] if isinstance(node, ast.Raise) and node.exc is not None else []
        for call in calls:
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "StaleRevision":
                continue  # its first argument names the field; the message is its own
            if isinstance(call, ast.Call) and call.args and isinstance(
                    call.args[0], ast.Constant | ast.JoinedStr) and isinstance(
                    getattr(call.args[0], "value", ""), str):
                literal.append(f"{path}:{call.lineno}")
    assert literal == []
