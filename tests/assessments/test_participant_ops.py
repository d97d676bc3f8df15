"""Participant operations: edit on a base revision, removal and its undo, each applied once
per operation ID, audited with codes only."""

from __future__ import annotations

import json
import uuid

import pytest

from govcap.accounts.models import AuditEvent
from govcap.assessments import capture, workflow
from govcap.assessments.errors import CaptureError, NotAllowed, ReadOnly
from govcap.assessments.models import Participant, ParticipantIdentity, Quote, Session

SECTION = "change-management"


def person(world, role="Director of ICT", name="", org=None, seniority="senior", gender=""):
    return workflow.ParticipantInput(role_title=role, organisation_id=(org or world.ministry).pk,
                                     seniority=seniority, gender=gender, name=name)


def quote(world, code, text):
    return capture.save_quote(world.facilitator, world.session, capture.QuoteSave(
        op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=uuid.uuid4(), text=text,
        participant_code=code, base_revision=0))["quote"]


def trail_text() -> str:
    return json.dumps(list(AuditEvent.objects.values("before", "after")), default=str)


@pytest.fixture
def named(consented):
    """P3, named, with two quotes; P1 with one."""
    consented.p3 = workflow.add_participant(consented.facilitator, consented.session,
                                            person(consented, "Enterprise architect",
                                                   name="Amina Yusuf"))
    ParticipantIdentity.objects.filter(participant=consented.p3).update(contact="amina@example.org")
    consented.q1 = quote(consented, "P3", "We never see the whole ecosystem.")
    consented.q2 = quote(consented, "P3", "Each project buys its own servers.")
    consented.q3 = quote(consented, "P1", "Training stops at the capital.")
    return consented


def test_an_edit_changes_the_fields_and_the_name_and_bumps_the_revision(named):
    p3 = named.p3
    edited = workflow.edit_participant(
        named.facilitator, named.session, p3.uuid,
        person(named, "Chief architect", name="Amina Y. Yusuf", org=named.agency,
               seniority="middle", gender="female"),
        base_revision=p3.revision)
    assert edited.revision == p3.revision + 1
    assert (edited.role_title, edited.organisation, edited.seniority, edited.gender) == (
        "Chief architect", named.agency, "middle", "female")
    assert edited.identity.name == "Amina Y. Yusuf"
    assert edited.identity.contact == "amina@example.org"  # kept
    event = AuditEvent.objects.filter(action="update", object_uuid=p3.uuid).get()
    assert event.before == {"role_title": "Enterprise architect", "organisation": named.ministry.pk,
                            "seniority": "senior", "gender": ""}
    assert event.after["name_changed"] is True and event.after["revision"] == edited.revision
    assert "Amina" not in trail_text()


def test_a_stale_edit_is_refused_with_both_versions_and_overwrites_nothing(named):
    p3 = named.p3
    workflow.edit_participant(named.coordinator, named.session, p3.uuid,
                              person(named, "Head of architecture", name="Amina Yusuf"),
                              base_revision=p3.revision)
    with pytest.raises(workflow.ParticipantConflict) as refused:
        workflow.edit_participant(named.facilitator, named.session, p3.uuid,
                                  person(named, "Solution architect", name="A. Yusuf"),
                                  base_revision=p3.revision)
    answer = refused.value.as_dict()
    assert refused.value.status == 409 and answer["status"] == "conflict"
    assert answer["theirs"]["role_title"] == "Head of architecture"
    assert answer["theirs"]["name"] == "Amina Yusuf"
    assert answer["yours"]["role_title"] == "Solution architect"
    assert answer["yours"]["name"] == "A. Yusuf"
    assert answer["revision"] == p3.revision + 1
    stored = Participant.objects.get(pk=p3.pk)
    assert stored.role_title == "Head of architecture" and stored.identity.name == "Amina Yusuf"
    # The same edit based on the revision now held (a deliberate "keep mine") goes through.
    workflow.edit_participant(named.facilitator, named.session, p3.uuid,
                              person(named, "Solution architect", name="A. Yusuf"),
                              base_revision=answer["revision"])
    assert Participant.objects.get(pk=p3.pk).role_title == "Solution architect"


def test_a_stale_edit_that_changes_nothing_is_no_conflict(named):
    outcome = workflow.participant_operation(named.facilitator, named.session, workflow.ParticipantOp(
        op_id=uuid.uuid4(), action="edit", participant=named.p3.uuid, base_revision=99,
        data=person(named, "Enterprise architect", name="Amina Yusuf")))
    assert outcome.response["status"] == "saved"
    assert Participant.objects.get(pk=named.p3.pk).revision == named.p3.revision


def test_removal_unattributes_quotes_and_records_what_undo_needs_but_no_name(named):
    p3 = named.p3
    outcome = workflow.remove_participant(named.facilitator, named.session, p3)
    assert outcome.response["quotes"] == 2
    assert outcome.removed_identity == {"name": "Amina Yusuf", "contact": "amina@example.org"}
    assert not Participant.objects.filter(uuid=p3.uuid).exists()
    assert not ParticipantIdentity.objects.filter(name="Amina Yusuf").exists()
    assert set(Quote.objects.filter(participant__isnull=True).values_list("uuid", flat=True)) == {
        uuid.UUID(named.q1), uuid.UUID(named.q2)}
    removal = AuditEvent.objects.get(action="delete", object_uuid=p3.uuid)
    assert removal.before["code"] == "P3" and removal.before["id"] == p3.id
    assert sorted(removal.before["quotes"]) == sorted([named.q1, named.q2])
    quote_events = AuditEvent.objects.filter(action="update", object_type="assessments.quote")
    assert {e.after["participant"] for e in quote_events} == {""}
    assert "Amina" not in trail_text() and "amina@" not in trail_text()


def test_undo_restores_code_uuid_row_fields_name_and_quote_attributions(named):
    p3 = named.p3
    outcome = workflow.remove_participant(named.facilitator, named.session, p3)
    restored = workflow.undo_removal(named.facilitator, named.session, p3.uuid,
                                     identity=outcome.removed_identity)
    assert restored.response["status"] == "restored" and restored.response["quotes"] == 2
    back = Participant.objects.get(uuid=p3.uuid)
    assert (back.pk, back.code, back.role_title, back.organisation_id, back.seniority) == (
        p3.pk, "P3", "Enterprise architect", named.ministry.pk, "senior")
    assert back.revision == p3.revision + 1
    assert (back.identity.name, back.identity.contact) == ("Amina Yusuf", "amina@example.org")
    assert set(Quote.objects.filter(participant=back).values_list("uuid", flat=True)) == {
        uuid.UUID(named.q1), uuid.UUID(named.q2)}
    assert Quote.objects.get(uuid=named.q3).participant.code == "P1"
    assert "Amina" not in trail_text()
    # An undo of what is back already changes nothing.
    again = workflow.undo_removal(named.facilitator, named.session, p3.uuid)
    assert again.response.get("already") is True


def test_undo_leaves_a_quote_attributed_to_someone_else_since(named):
    workflow.remove_participant(named.facilitator, named.session, named.p3)
    stored = Quote.objects.get(uuid=named.q1)
    capture.save_quote(named.facilitator, named.session, capture.QuoteSave(
        op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=stored.uuid, text=stored.text,
        participant_code="P2", base_revision=stored.revision))
    Quote.objects.filter(uuid=named.q2).delete()
    restored = workflow.undo_removal(named.facilitator, named.session, named.p3.uuid)
    assert restored.response["quotes"] == 0 and restored.response["quotes_not_restored"] == 2
    assert restored.response["name_restored"] is False
    assert Quote.objects.get(uuid=named.q1).participant.code == "P2"


def test_undo_is_refused_cleanly_when_the_code_was_given_to_someone_else(named):
    workflow.remove_participant(named.facilitator, named.session, named.p3)
    # Codes are not reused by govcap itself; a sync or an import could bring one.
    Participant.objects.create(session=named.session, code="P3", role_title="Other",
                               organisation=named.ministry)
    with pytest.raises(workflow.UndoRefused, match="P3 was given to another participant"):
        workflow.undo_removal(named.facilitator, named.session, named.p3.uuid)
    assert Participant.objects.get(session=named.session, code="P3").role_title == "Other"
    assert Quote.objects.filter(participant__isnull=True).count() == 2


def test_a_removed_code_is_not_given_again(named):
    workflow.remove_participant(named.facilitator, named.session, named.p3)
    fresh = workflow.add_participant(named.facilitator, named.session, person(named, "Analyst"))
    assert fresh.code == "P4"


def test_there_is_no_undo_for_a_participant_never_removed(named):
    with pytest.raises(workflow.ParticipantMissing):
        workflow.undo_removal(named.facilitator, named.session, uuid.uuid4())


@pytest.mark.parametrize("action", ["add", "edit", "remove", "undo"])
def test_each_operation_is_applied_once_per_operation_id(named, action):
    p3 = named.p3
    if action == "undo":
        workflow.remove_participant(named.facilitator, named.session, p3)
    op = workflow.ParticipantOp(
        op_id=uuid.uuid4(), action=action,
        participant=uuid.uuid4() if action == "add" else p3.uuid,
        data=person(named, "Data steward") if action in ("add", "edit") else None,
        base_revision=p3.revision)
    first = workflow.participant_operation(named.facilitator, named.session, op)
    events = AuditEvent.objects.count()
    participants = list(Participant.objects.values_list("uuid", "code", "revision"))
    again = workflow.participant_operation(named.facilitator, named.session, op)
    assert again.response == {**first.response, "replayed": True}
    assert AuditEvent.objects.count() == events
    assert list(Participant.objects.values_list("uuid", "code", "revision")) == participants


def test_an_operation_id_of_another_session_is_refused(named):
    op_id = uuid.uuid4()
    workflow.add_participant(named.facilitator, named.session, person(named), op_id=op_id)
    workflow.record_consent(named.outsider, named.other_session, given=True,
                            recording_allowed=False, note="")
    with pytest.raises(CaptureError, match="another session"):
        workflow.add_participant(named.outsider, named.other_session,
                                 person(named, org=named.somali_ministry), op_id=op_id)


def test_a_viewer_cannot_change_participants_nor_read_a_stored_answer(named):
    op = workflow.ParticipantOp(op_id=uuid.uuid4(), action="edit", participant=named.p3.uuid,
                                data=person(named, "Analyst"), base_revision=named.p3.revision)
    workflow.participant_operation(named.facilitator, named.session, op)
    with pytest.raises(NotAllowed):
        workflow.participant_operation(named.viewer, named.session, op)
    with pytest.raises(NotAllowed):
        workflow.remove_participant(named.viewer, named.session, named.p3)


def test_a_submitted_session_refuses_participant_changes_to_facilitators(named):
    Session.objects.filter(pk=named.session.pk).update(status=Session.Status.SUBMITTED)
    named.session.refresh_from_db()
    with pytest.raises(ReadOnly):
        workflow.edit_participant(named.facilitator, named.session, named.p3.uuid,
                                  person(named, "Analyst"), base_revision=named.p3.revision)
    with pytest.raises(ReadOnly):
        workflow.remove_participant(named.facilitator, named.session, named.p3)
    assert Participant.objects.get(pk=named.p3.pk).role_title == "Enterprise architect"


@pytest.mark.parametrize("change, field", [
    ({"role_title": "  "}, "role_title"),
    ({"role_title": "x" * 161}, "role_title"),
    ({"seniority": "boss"}, "seniority"),
    ({"gender": "n/a"}, "gender"),
    ({"name": "n" * 201}, "name"),
])
def test_bad_fields_are_named(named, change, field):
    data = {"role_title": "Analyst", "organisation_id": named.ministry.pk, **change}
    with pytest.raises(CaptureError) as refused:
        workflow.add_participant(named.facilitator, named.session, workflow.ParticipantInput(**data))
    assert refused.value.field == field


def test_an_add_posted_again_after_the_participant_was_removed_is_refused_as_missing(consented):
    """Found by mypy: the retry's stored answer names a participant that no longer exists, so
    add_participant returned None and the consent page failed on `participant.code`."""
    op_id = uuid.uuid4()
    added = workflow.add_participant(consented.facilitator, consented.session,
                                     person(consented), op_id=op_id)
    workflow.remove_participant(consented.facilitator, consented.session, added,
                                base_revision=added.revision)
    with pytest.raises(workflow.ParticipantMissing):
        workflow.add_participant(consented.facilitator, consented.session, person(consented),
                                 op_id=op_id)
