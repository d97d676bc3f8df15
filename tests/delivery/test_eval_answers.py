"""Evaluation answers through a link and from paper: one answer per trainee per form, the
link's expiry, the paper entry's all-or-nothing, follow-ups created for those who completed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from govcap.delivery import evaluation as ev
from govcap.delivery import services
from govcap.delivery.models import (
    Delivery,
    EvaluationLink,
    FollowUp,
    LearningCheck,
    Reaction,
    Trainee,
)


def second_trainee(w) -> Trainee:
    return services.nominate(w.coordinator, w.delivery, services.Nomination(
        organisation_id=w.agency.pk, gender="male"))


def test_one_answer_per_trainee_through_a_link_and_a_second_is_refused(course):
    link = ev.open_link(course.provider, course.delivery, 1)
    assert ev.answer_by_link(link, ev.ReactionAnswer("t1", relevance=5, quality=4)) == "created"
    with pytest.raises(ev.AlreadyAnswered):
        ev.answer_by_link(link, ev.ReactionAnswer("T1", relevance=1, quality=1))
    answer = Reaction.objects.get(trainee=course.trainee)
    assert (answer.relevance, answer.quality, answer.source) == (5, 4, "link")


def test_the_database_holds_one_answer_per_trainee_per_form(course):
    now = timezone.now()
    Reaction.objects.create(trainee=course.trainee, relevance=3, source="paper", answered_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(trainee=course.trainee, relevance=4, source="link",
                                answered_at=now)
    LearningCheck.objects.create(trainee=course.trainee, phase="pre", correct=1, out_of=4,
                                 source="paper", answered_at=now)
    LearningCheck.objects.create(trainee=course.trainee, phase="post", correct=3, out_of=4,
                                 source="paper", answered_at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        LearningCheck.objects.create(trainee=course.trainee, phase="post", correct=4, out_of=4,
                                     source="paper", answered_at=now)


def test_an_expired_or_closed_link_is_refused(course):
    opened = timezone.now() - dt.timedelta(hours=3)
    link = ev.open_link(course.coordinator, course.delivery, 1, hours=2, now=opened)
    with pytest.raises(ev.LinkClosed):
        ev.answer_by_link(link, ev.ReactionAnswer("T1", relevance=5))
    fresh = ev.open_link(course.coordinator, course.delivery, 1)
    ev.close_link(course.coordinator, fresh)
    with pytest.raises(ev.LinkClosed):
        ev.answer_by_link(fresh, ev.ReactionAnswer("T1", relevance=5))
    assert not Reaction.objects.exists()


def test_a_link_takes_only_its_own_form_and_the_course_codes(course):
    link = ev.open_link(course.coordinator, course.delivery, 2, phase="pre")
    n = len(ev.objectives(course.delivery))
    assert n >= 2
    with pytest.raises(ev.EvaluationError):
        ev.answer_by_link(link, ev.LearningAnswer("T1", "post", (True,) * n))
    with pytest.raises(ev.EvaluationError):
        ev.answer_by_link(link, ev.ReactionAnswer("T1", relevance=5))
    with pytest.raises(ev.EvaluationError):
        ev.answer_by_link(link, ev.LearningAnswer("T9", "pre", (True,) * n))
    ev.answer_by_link(link, ev.LearningAnswer("T1", "pre", (True,) + (False,) * (n - 1)))
    check = LearningCheck.objects.get()
    assert (check.phase, check.correct, check.out_of) == ("pre", 1, n)


def test_opening_links_is_for_coordinators_and_the_provider(course):
    with pytest.raises(PermissionDenied):
        ev.open_link(course.viewer, course.delivery, 1)
    with pytest.raises(ev.EvaluationError):
        ev.open_link(course.coordinator, course.delivery, 1, hours=ev.rules.LINK_HOURS_MAX + 1)
    link = ev.open_link(course.provider, course.delivery, 1, hours=1)
    assert link.expires_at - link.created_at < dt.timedelta(hours=1, minutes=1)
    assert len(link.token) >= 20 and EvaluationLink.objects.count() == 1


def test_paper_entry_is_all_or_nothing(course):
    second_trainee(course)
    n = len(ev.objectives(course.delivery))
    with pytest.raises(ev.EvaluationError, match="T2"):
        ev.record_answers(course.coordinator, course.delivery, [
            ev.ReactionAnswer("T1", relevance=4),
            ev.ReactionAnswer("T2", relevance=7),
        ], source="paper")
    assert not Reaction.objects.exists()
    done = ev.record_answers(course.coordinator, course.delivery, [
        ev.ReactionAnswer("T1", relevance=4, comment="Useful"),
        ev.LearningAnswer("T2", "post", correct=6, out_of=10),
        ev.LearningAnswer("T1", "pre", (False,) * n),
    ], source="paper")
    assert (done.created, done.updated) == (3, 0)
    # a correction of a paper answer replaces it; a phone answer is never overwritten
    ev.record_answers(course.coordinator, course.delivery, [ev.ReactionAnswer("T1", 5)],
                      source="paper", replace=True)
    assert Reaction.objects.get().relevance == 5
    Reaction.objects.update(source="link")
    with pytest.raises(ev.AlreadyAnswered):
        ev.record_answers(course.coordinator, course.delivery, [ev.ReactionAnswer("T1", 2)],
                          source="paper", replace=True)


def test_paper_entry_is_refused_to_viewers(course):
    with pytest.raises(PermissionDenied):
        ev.record_answers(course.viewer, course.delivery, [ev.ReactionAnswer("T1", 4)],
                          source="paper")


def complete(course, end: dt.date) -> None:
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=end - dt.timedelta(days=1), end_date=end, status="completed")
    course.delivery.refresh_from_db()
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")


def test_follow_ups_are_due_three_to_six_months_after_the_end_for_those_who_completed(course):
    dropped = second_trainee(course)
    Trainee.objects.filter(pk=dropped.pk).update(completion="dropped")
    complete(course, dt.date(2025, 8, 31))
    assert ev.sync_follow_ups(course.delivery) == 2
    rows = FollowUp.objects.filter(trainee__delivery=course.delivery)
    assert {(f.trainee.code, f.respondent) for f in rows} == {("T1", "participant"),
                                                              ("T1", "supervisor")}
    assert {(f.due_date, f.close_date) for f in rows} == {(dt.date(2025, 11, 30),
                                                           dt.date(2026, 2, 28))}
    assert ev.sync_follow_ups(course.delivery) == 0  # once
    # the course moved: the unanswered follow-ups move with it
    Delivery.objects.filter(pk=course.delivery.pk).update(end_date=dt.date(2025, 9, 10))
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    assert set(rows.values_list("due_date", flat=True)) == {dt.date(2025, 12, 10)}


def test_reminders_list_due_and_overdue_follow_ups_overdue_first(course):
    complete(course, dt.date(2025, 6, 2))
    ev.sync_follow_ups(course.delivery)
    assert ev.reminders(course.coordinator, dt.date(2025, 8, 1)) and {
        r.state for r in ev.reminders(course.coordinator, dt.date(2025, 8, 1))} == {"upcoming"}
    assert {r.state for r in ev.reminders(course.coordinator, dt.date(2025, 10, 1))} == {"due"}
    assert {r.state for r in ev.reminders(course.provider, dt.date(2026, 1, 1))} == {"overdue"}
    assert ev.reminders(course.viewer, dt.date(2026, 1, 1)) == []
    ev.record_answers(course.coordinator, course.delivery, [
        ev.FollowUpAnswer("T1", "supervisor", "partly", "Uses the ecosystem map in reviews")],
        source="paper")
    left = ev.reminders(course.coordinator, dt.date(2026, 1, 1))
    assert [r.follow_up.respondent for r in left] == ["participant"]


def test_a_follow_up_link_answers_once(course):
    complete(course, dt.date(2025, 6, 2))
    ev.sync_follow_ups(course.delivery)
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="participant")
    assert ev.link_codes(link) == ["T1"]
    t1 = course.trainee  # through T1's own address (a follow-up has no shared one)
    ev.answer_by_link(link, ev.FollowUpAnswer("T1", "participant", "yes", "Wrote a charter"),
                      trainee=t1)
    with pytest.raises(ev.AlreadyAnswered):
        ev.answer_by_link(link, ev.FollowUpAnswer("T1", "participant", "no"), trainee=t1)
    f = FollowUp.objects.get(respondent="participant")
    assert (f.applied, f.source, f.answered_at is not None) == ("yes", "link", True)
