"""A session's history speaks of people and fields in words, never of models, field names
or stored keys: "Changed the role of participant P3", "Middle management", "ICT Authority"."""

from __future__ import annotations

import csv
import io
import uuid

from django.urls import reverse
from django.utils import translation

from govcap.assessments import history, workflow
from govcap.assessments.models import Participant
from tests.security.helpers import client_for

RAW = ("assessments.", "role_title", "in_progress", "name_changed", "senior\n", "middle\n")


def _edit_p3(world):
    p3 = workflow.add_participant(world.facilitator, world.session, workflow.ParticipantInput(
        role_title="Records officer", organisation_id=world.ministry.pk, seniority="senior"))
    assert p3.code == "P3"
    workflow.edit_participant(world.facilitator, world.session, p3.uuid, workflow.ParticipantInput(
        role_title="Head of records", organisation_id=world.ministry.pk, seniority="senior"),
        base_revision=p3.revision)
    p3 = Participant.objects.get(pk=p3.pk)
    workflow.edit_participant(world.facilitator, world.session, p3.uuid, workflow.ParticipantInput(
        role_title="Head of records", organisation_id=world.agency.pk, seniority="middle",
        name="Someone"), base_revision=p3.revision)
    return p3


def test_the_history_page_says_participant_p3s_role_in_words(consented):
    _edit_p3(consented)
    html = client_for(consented.coordinator).get(
        reverse("session-history", args=[consented.session.uuid])).content.decode()
    assert "Changed the role of participant P3" in html
    assert "Records officer" in html and "Head of records" in html
    assert "Middle management" in html and "Senior management" in html
    assert "ICT Authority" in html and "Ministry of ICT" in html
    assert ">name changed<" in html
    for raw in ("assessments.", "role_title", "name_changed", ">senior<", ">middle<",
                f">{consented.agency.pk}<"):
        assert raw not in html, raw


def test_the_history_csv_says_the_same_words_and_keeps_the_raw_trail_apart(consented):
    _edit_p3(consented)
    response = client_for(consented.coordinator).get(
        reverse("session-history-csv", args=[consented.session.uuid]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    role = [(r["what"], r["field"], r["before"], r["after"]) for r in rows
            if r["technical: field_key"] == "role_title" and "P3" in r["what"]]
    assert role == [("Added participant P3", "role", "", "Records officer"),
                    ("Changed the role of participant P3", "role", "Records officer",
                     "Head of records")]
    moved = {r["technical: field_key"]: r for r in rows if "participant P3" in r["what"]
             and r["technical: field_key"] in ("organisation", "seniority")}
    assert moved["organisation"]["what"] == "Changed participant P3"  # several fields at once
    assert (moved["organisation"]["before"], moved["organisation"]["after"]) == (
        "Ministry of ICT", "ICT Authority")
    assert (moved["seniority"]["field"], moved["seniority"]["after"]) == (
        "seniority", "Middle management")
    assert moved["seniority"]["technical: after_raw"] == "middle"  # the raw trail, for analysts
    human = ["what", "field", "before", "after"]
    for r in rows:
        for column in human:
            assert not any(raw.strip() == r[column] or raw in r[column] + "\n"
                           for raw in RAW), (column, r)


def test_the_history_reads_in_the_readers_language(consented):
    _edit_p3(consented)
    with translation.override("fr"):
        lines = [line for event in history.lines_of(consented.session) for line in event]
    seniority = [line for line in lines if line.raw.field == "seniority"][-1]
    assert (seniority.field, seniority.after) == ("niveau hiérarchique", "Encadrement intermédiaire")
    role = [line for line in lines if line.raw.field == "role_title"][-1]
    assert role.field == "rôle ou intitulé du poste" and "P3" in role.what


def test_sections_are_named_in_the_readers_language(consented):
    from govcap.assessments import capture
    from govcap.assessments.texts import instrument_in

    capture.save_field(consented.facilitator, consented.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key="change-management", field="notes", value="x",
        base_revision=0))
    french = instrument_in(consented.session.instrument, "fr").section("change-management")
    english = instrument_in(consented.session.instrument, "en").section("change-management")
    assert french.title != english.title
    with translation.override("fr"):
        notes = [line for event in history.lines_of(consented.session) for line in event
                 if line.raw.field == "notes"]
    assert str(french.title) in notes[0].what and str(english.title) not in notes[0].what


def test_the_history_csv_lists_changes_a_reader_made_and_heads_the_trail_as_technical(consented):
    # The Arabic CSV read "غيّر المشارك P3, المراجعة, '', 2": the record's revision counter
    # as a change, and six English headers (object_type, …) beside the Arabic ones.
    _edit_p3(consented)
    client = client_for(consented.coordinator)
    client.cookies["django_language"] = "fr"
    response = client.get(reverse("session-history-csv", args=[consented.session.uuid]))
    table = list(csv.reader(io.StringIO(response.content.decode())))
    header, rows = table[0], table[1:]
    with translation.override("fr"):
        prefix = history.technical("")  # "technique : " once translated
    assert prefix.endswith("\u202f: ")  # the French colon, from the label helper
    assert [h.removeprefix(prefix) for h in header[6:]] == list(history.TECHNICAL)
    assert not any(name in h for h in header[:6] for name in history.TECHNICAL)
    key = header.index(prefix + "field_key")
    assert rows and not any(r[key] == "revision" for r in rows)
    assert any(r[key] == "role_title" for r in rows)
