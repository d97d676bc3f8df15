"""A facilitator's independent rating and participants' votes follow the capture rules:
who may write, consent first, one application per operation ID, stale saves refused,
every change audited."""

from __future__ import annotations

import uuid

import pytest

from govcap.accounts.models import AuditEvent
from govcap.analysis import raters
from govcap.analysis.models import VoteTally
from govcap.assessments.errors import CaptureError, NotAllowed, ReadOnly, StaleRevision
from govcap.assessments.models import Rating, Session

SECTION = "change-management"


def individual(value: str = "high", field: str = "level", base: int = 0,
               op: uuid.UUID | None = None) -> raters.IndividualSave:
    return raters.IndividualSave(op or uuid.uuid4(), SECTION, field, value, base)


def test_the_rater_is_stored_with_the_level_and_the_consensus_is_untouched(analysed) -> None:
    w = analysed
    answer = raters.save_individual(w.facilitator, w.session, individual("high"))
    assert answer["status"] == "saved" and answer["revision"] == 1
    mine = Rating.objects.get(session=w.session, section_key=SECTION, rater=w.facilitator)
    assert mine.level == "high"
    assert Rating.objects.get(session=w.session, section_key=SECTION, rater=None).level == "basic"
    event = AuditEvent.objects.get(object_uuid=mine.uuid)
    assert (event.user, event.after, event.session_id) == (w.facilitator, {"level": "high"},
                                                            w.session.pk)


def test_a_retried_operation_is_applied_once(analysed) -> None:
    w = analysed
    op = uuid.uuid4()
    raters.save_individual(w.facilitator, w.session, individual("high", op=op))
    again = raters.save_individual(w.facilitator, w.session, individual("high", op=op))
    assert again["replayed"] is True
    assert AuditEvent.objects.filter(action="update", object_type="assessments.rating").count() == 1


def test_a_stale_save_is_refused_with_both_versions(analysed) -> None:
    w = analysed
    raters.save_individual(w.facilitator, w.session, individual("high"))
    with pytest.raises(StaleRevision) as refused:
        raters.save_individual(w.facilitator, w.session, individual("basic", base=0))
    assert (refused.value.yours, refused.value.theirs) == ("basic", "high")


@pytest.mark.parametrize("who", ["viewer", "colleague", "manager", "outsider"])
def test_only_those_who_may_capture_rate(analysed, who) -> None:
    with pytest.raises(NotAllowed):
        raters.save_individual(getattr(analysed, who), analysed.session, individual())
    assert not Rating.objects.filter(rater__isnull=False).exists()


def test_submitted_sessions_are_read_only_to_facilitators_and_consent_comes_first(
        analysed) -> None:
    w = analysed
    Session.objects.filter(pk=w.session.pk).update(status=Session.Status.SUBMITTED)
    with pytest.raises(ReadOnly):
        raters.save_individual(w.facilitator, w.session, individual())
    raters.save_individual(w.coordinator, w.session, individual())  # coordinators still may
    Session.objects.filter(pk=w.session.pk).update(status=Session.Status.IN_PROGRESS,
                                                   consent_given=False)
    with pytest.raises(CaptureError, match="consent"):
        raters.save_individual(w.facilitator, w.session, individual())


def test_unknown_fields_and_levels_are_refused(analysed) -> None:
    with pytest.raises(CaptureError):
        raters.save_individual(analysed.facilitator, analysed.session,
                               individual("x", field="dissent"))
    with pytest.raises(CaptureError, match="not on the scale"):
        raters.save_individual(analysed.facilitator, analysed.session, individual("great"))


def votes(basic=2, moderate=3, high=1, abstain=0, base=0, op=None) -> raters.VotesSave:
    return raters.VotesSave(op or uuid.uuid4(), SECTION, basic, moderate, high, abstain, base)


def voters(session: Session, n: int) -> None:
    """Participants P1…Pn in the session (the fixture has P1)."""
    from govcap.assessments.models import Participant

    for i in range(Participant.objects.filter(session=session).count() + 1, n + 1):
        Participant.objects.create(session=session, code=f"P{i}",
                                   organisation=session.organisation)


def test_votes_are_counts_per_level_with_their_spread(analysed) -> None:
    w = analysed
    voters(w.session, 6)
    raters.save_votes(w.facilitator, w.session, votes())
    tally = VoteTally.objects.get(session=w.session, section_key=SECTION)
    assert (tally.basic, tally.moderate, tally.high, tally.revision) == (2, 3, 1, 1)
    assert tally.levels == [1, 1, 2, 2, 2, 3]
    assert AuditEvent.objects.filter(object_uuid=tally.uuid, action="create").exists()
    raters.save_votes(w.facilitator, w.session, votes(basic=0, base=1))
    tally.refresh_from_db()
    assert (tally.basic, tally.revision) == (0, 2)
    with pytest.raises(StaleRevision):
        raters.save_votes(w.facilitator, w.session, votes(basic=5, base=1))


@pytest.mark.parametrize("bad", [-1, 501])
def test_impossible_vote_counts_are_refused(analysed, bad) -> None:
    with pytest.raises(CaptureError, match="whole numbers"):
        raters.save_votes(analysed.facilitator, analysed.session, votes(basic=bad))


def test_votes_need_the_capture_rights(analysed) -> None:
    with pytest.raises(NotAllowed):
        raters.save_votes(analysed.viewer, analysed.session, votes())
    assert not VoteTally.objects.exists()


def test_more_votes_than_participants_are_refused(analysed) -> None:
    w = analysed
    voters(w.session, 5)
    with pytest.raises(CaptureError, match="8 votes for 5 participants") as refused:
        raters.save_votes(w.facilitator, w.session, votes(basic=4, moderate=3, high=0,
                                                          abstain=1))
    assert refused.value.field == "votes"
    assert not VoteTally.objects.exists()
    raters.save_votes(w.facilitator, w.session, votes(basic=2, moderate=2, high=0, abstain=1))
    assert VoteTally.objects.get().abstain == 1  # one each, abstentions included
