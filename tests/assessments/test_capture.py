"""Saving captured fields: idempotent retries, stale revisions, the scale, consent, audit."""

from __future__ import annotations

import uuid

import pytest

from govcap.accounts.models import AuditEvent
from govcap.assessments import capture
from govcap.assessments.errors import CaptureError, NotAllowed, ReadOnly, StaleRevision
from govcap.assessments.models import Quote, Rating, Session

SECTION = "enterprise-architecture"


def save(world, field="notes", value="PMO exists on paper", base=0, op=None, user=None,
         section=SECTION):
    return capture.save_field(user or world.facilitator, world.session, capture.FieldSave(
        op_id=op or uuid.uuid4(), section_key=section, field=field, value=value,
        base_revision=base,
    ))


def consensus(world, section=SECTION) -> Rating:
    return Rating.objects.get(session=world.session, section_key=section, rater=None)


def test_it_saves_a_field_and_counts_its_revision(consented):
    first = save(consented, value="First note")
    second = save(consented, value="Second note", base=first["revision"])
    assert (first["revision"], second["revision"]) == (1, 2)
    assert consensus(consented).notes == "Second note"
    assert consented.session.__class__.objects.get(pk=consented.session.pk).status == "in_progress"


def test_the_locked_session_says_whether_the_user_facilitates_it(consented, django_assert_num_queries):
    """A typed result: the session (its checks' fields, the rest deferred) and `assigned`."""
    from django.db import transaction

    w = consented
    for user, by, assigned in ((w.facilitator, w.session.uuid, True),
                               (w.coordinator, w.session, False)):
        with transaction.atomic(), django_assert_num_queries(2):  # the row, its instrument
            locked = capture.locked_session(user, by)
        assert isinstance(locked, capture.LockedSession)
        assert (locked.session.pk, locked.assigned) == (w.session.pk, assigned)
        assert locked.session.instrument.version == w.session.instrument.version
        assert not hasattr(locked.session, "user_facilitates")
        assert "place" in locked.session.get_deferred_fields()


def test_a_retried_save_is_applied_once(consented):
    op = uuid.uuid4()
    first = save(consented, value="Said once", op=op)
    retried = save(consented, value="Said once", op=op)
    assert retried["revision"] == first["revision"] == 1
    assert retried["replayed"] is True
    updates = AuditEvent.objects.filter(op_id=op, action="update")
    assert updates.count() == 1


def test_a_retry_does_not_apply_a_changed_value_twice(consented):
    op = uuid.uuid4()
    save(consented, value="original", op=op)
    save(consented, value="edited", base=1)
    save(consented, value="original", op=op)  # a late duplicate of the first request
    assert consensus(consented).notes == "edited"


def test_a_save_on_a_stale_revision_is_refused_with_both_versions(consented):
    save(consented, value="Coordinator's wording")  # revision 1, someone else
    with pytest.raises(StaleRevision) as refused:
        save(consented, value="Facilitator's wording", base=0)
    assert refused.value.theirs == "Coordinator's wording"
    assert refused.value.yours == "Facilitator's wording"
    assert refused.value.server_revision == 1
    assert consensus(consented).notes == "Coordinator's wording"


def test_fields_have_separate_revisions(consented):
    save(consented, field="notes", value="notes text")
    result = save(consented, field="evidence", value="Strategy 2023–2027", base=0)
    assert result["revision"] == 1


@pytest.mark.parametrize("level", ["excellent", "4", "HIGHEST"])
def test_a_level_outside_the_scale_is_refused(consented, level):
    with pytest.raises(CaptureError, match="not on the scale"):
        save(consented, field="level", value=level)
    assert not Rating.objects.filter(session=consented.session, level=level).exists()


def test_levels_are_accepted_in_any_case(consented):
    save(consented, field="level", value="Moderate")
    assert consensus(consented).level == "moderate"


def test_a_section_outside_the_sessions_instrument_is_refused(consented):
    with pytest.raises(CaptureError, match="not in instrument version"):
        save(consented, section="cybersecurity")


def test_capture_waits_for_consent(world):
    with pytest.raises(CaptureError, match="consent"):
        save(world)
    assert not Rating.objects.exists()


def test_a_submitted_session_is_read_only_to_its_facilitator(consented):
    Session.objects.filter(pk=consented.session.pk).update(status="submitted")
    with pytest.raises(CaptureError, match="read-only"):
        save(consented)
    save(consented, user=consented.coordinator)  # the coordinator may still correct it


def test_a_validated_session_is_read_only_to_everyone(consented):
    Session.objects.filter(pk=consented.session.pk).update(status="validated")
    for person in (consented.facilitator, consented.coordinator, consented.admin):
        with pytest.raises(CaptureError, match="validated"):
            save(consented, user=person)


@pytest.mark.parametrize("who", ["colleague", "viewer", "manager", "outsider"])
def test_people_not_on_the_session_cannot_save(consented, who):
    with pytest.raises(NotAllowed):
        save(consented, user=getattr(consented, who))
    assert not Rating.objects.exists()


def test_every_save_is_audited_with_before_and_after(consented):
    save(consented, value="first")
    save(consented, value="second", base=1)
    event = AuditEvent.objects.filter(object_type="assessments.rating").last()
    assert (event.before, event.after, event.user) == (
        {"notes": "first"}, {"notes": "second"}, consented.facilitator)


def test_a_quote_sent_twice_is_created_once(consented):
    quote_id, op = uuid.uuid4(), uuid.uuid4()
    request = capture.QuoteSave(op_id=op, section_key=SECTION, quote_uuid=quote_id,
                                text="We buy systems that cannot talk to each other.",
                                participant_code="p2", base_revision=0)
    capture.save_quote(consented.facilitator, consented.session, request)
    capture.save_quote(consented.facilitator, consented.session, request)
    quote = Quote.objects.get()
    assert (quote.uuid, quote.participant.code) == (quote_id, "P2")


def test_a_quote_must_name_a_participant_of_the_session(consented):
    with pytest.raises(CaptureError, match="No participant P9"):
        capture.save_quote(consented.facilitator, consented.session, capture.QuoteSave(
            op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=uuid.uuid4(),
            text="text", participant_code="P9", base_revision=0))
    assert not Quote.objects.exists()


def test_an_operation_id_cannot_be_reused_for_another_session(consented):
    op = uuid.uuid4()
    save(consented, op=op)
    from govcap.assessments import workflow

    workflow.record_consent(consented.outsider, consented.other_session, given=True,
                            recording_allowed=False, note="")
    with pytest.raises(CaptureError, match="another session"):
        capture.save_field(consented.outsider, consented.other_session, capture.FieldSave(
            op_id=op, section_key=SECTION, field="notes", value="x", base_revision=0))


def test_a_save_made_for_another_instrument_version_is_refused(consented):
    with pytest.raises(CaptureError, match="instrument version 0.9"):
        capture.save_field(consented.facilitator, consented.session, capture.FieldSave(
            op_id=uuid.uuid4(), section_key=SECTION, field="notes", value="x",
            base_revision=0, instrument_version="0.9"))
    assert not Rating.objects.exists()


@pytest.mark.parametrize("status", ["in_progress", "submitted", "validated"])
def test_a_stored_answer_reaches_only_someone_who_may_change_the_session(consented, status):
    op = uuid.uuid4()
    save(consented, value="The facilitator's note", op=op)
    Session.objects.filter(pk=consented.session.pk).update(status=status)
    consented.session.refresh_from_db()
    refused = (NotAllowed, ReadOnly)  # either way, no stored answer
    with pytest.raises(refused):  # a viewer replaying the ID learns nothing
        save(consented, value="The facilitator's note", op=op, user=consented.viewer)
    with pytest.raises(refused):
        save(consented, value="The facilitator's note", op=op, user=consented.colleague)
    answered = save(consented, value="The facilitator's note", op=op)  # its own retry
    assert answered["replayed"] is True and answered["revision"] == 1


def test_a_stale_save_is_kept_as_a_conflict_and_a_save_naming_it_closes_it(consented):
    from govcap.assessments.models import CaptureConflict

    save(consented, value="Theirs", user=consented.coordinator)
    with pytest.raises(StaleRevision) as refused:
        save(consented, value="Mine")
    kept = CaptureConflict.objects.get()
    assert refused.value.conflict == str(kept.uuid)
    assert (kept.yours, kept.theirs, kept.server_revision, kept.author) == (
        "Mine", "Theirs", 1, consented.facilitator)
    with pytest.raises(StaleRevision):  # a later stale edit of it updates the one record
        save(consented, value="Mine, longer")
    kept.refresh_from_db()
    assert CaptureConflict.objects.count() == 1 and kept.yours == "Mine, longer"

    merged = capture.save_field(consented.facilitator, consented.session, capture.FieldSave(
        op_id=uuid.uuid4(), section_key=SECTION, field="notes", value="Theirs. Mine, longer",
        base_revision=1, resolves=kept.uuid))
    kept.refresh_from_db()
    assert merged["open_conflicts"] == 0 and kept.resolution == "merged"
    assert consensus(consented).notes == "Theirs. Mine, longer"
