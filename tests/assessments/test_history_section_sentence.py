"""The history says which section a change was made in as a sentence can say it (issue 15):
"Changed the agreed level of section 4 “Setting expectations…”" — it read "Changed the
agreed level of 4. Setting expectations…", in French "A modifié : niveau convenu de 4.
Définir…", the field label glued to the section's number and its title run on as a new
sentence."""

from __future__ import annotations

import uuid

from django.urls import reverse
from django.utils import translation

from govcap.assessments import capture, history
from govcap.assessments.texts import instrument_in
from tests.security.helpers import client_for

TITLE = "Setting expectations to accommodate and sustain change"


def _save(world, field: str, value: str, revision: int) -> None:
    capture.save_field(world.facilitator, world.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key="change-management", field=field, value=value,
        base_revision=revision))


def _whats(world, language: str) -> dict[str, str]:
    with translation.override(language):
        return {line.raw.field: line.what for event in history.lines_of(world.session)
                for line in event if line.raw.field}


def test_a_change_to_a_section_names_its_number_and_quotes_its_title(consented):
    _save(consented, "level", "basic", 0)
    _save(consented, "notes", "Nothing shared yet.", 0)
    said = _whats(consented, "en")
    assert said["level"] == f"Changed the agreed level of section 4 “{TITLE}”"
    assert said["notes"] == f"Changed the notes of section 4 “{TITLE}”"
    page = client_for(consented.coordinator).get(
        reverse("session-history", args=[consented.session.uuid])).content.decode()
    assert "section 4 “" in page and "of 4. " not in page
    # in French the title between French quotation marks, never "de 4. Définir…"
    title = str(instrument_in(consented.session.instrument, "fr")
                .section("change-management").title)
    french = _whats(consented, "fr")
    for what in (french["level"], french["notes"]):
        assert f"4 «\u00a0{title}\u00a0»" in what and f"4. {title}" not in what, what


def test_arabic_quotes_the_title_in_its_own_marks(consented):
    _save(consented, "level", "basic", 0)
    title = str(instrument_in(consented.session.instrument, "ar")
                .section("change-management").title)
    assert f"«{title}»" in _whats(consented, "ar")["level"]
