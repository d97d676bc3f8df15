"""What the next round's plan learns from this round's deliveries (delivery.history): a
completed course counts for the organisations whose people completed it, in the month it
ran; the others of the cohort, and everyone of a cancelled course, did not have it."""

from __future__ import annotations

import datetime as dt

from govcap.delivery.history import courses_of
from govcap.delivery.models import Delivery, Trainee
from govcap.orgs.models import Engagement
from govcap.planning.inputs_db import previous_courses


def _members(course) -> set[str]:
    return {m["org_id"] for m in course.cohort["members"]}


def test_a_completed_course_counts_only_for_who_completed_it(course):
    Trainee.objects.filter(pk=course.trainee.pk).update(completion=Trainee.Completion.COMPLETED)
    Delivery.objects.filter(pk=course.delivery.pk).update(
        status=Delivery.Status.COMPLETED, start_date=dt.date(2026, 9, 14))
    found = courses_of([course.engagement])
    ministry = str(course.ministry.uuid)
    code, round_number = course.delivery.module_code, course.engagement.round_number
    assert [(c.org_id, c.module_code, c.month, c.source) for c in found.delivered] == [
        (ministry, code, "2026-09", "delivered")]
    assert found.not_had == {(org, code, round_number) for org in _members(course) - {ministry}}
    # the others are known as a course none of their people completed, with their people
    assert {(c.org_id, c.outcome, c.completed) for c in found.not_completed} == {
        (org, "not-completed", 0) for org in _members(course) - {ministry}}


def test_a_running_course_says_nothing_and_a_cancelled_one_was_had_by_none(course):
    assert courses_of([course.engagement]).delivered == ()
    assert courses_of([course.engagement]).not_had == frozenset()
    Delivery.objects.filter(pk=course.delivery.pk).update(status=Delivery.Status.CANCELLED)
    found = courses_of([course.engagement])
    assert found.delivered == ()
    assert {org for org, _code, _round in found.not_had} == _members(course)


def test_the_next_round_reads_the_delivery_over_the_plan(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(status=Delivery.Status.CANCELLED)
    later = Engagement.objects.create(
        name="Follow-up", slug="follow-up", country=course.engagement.country,
        instrument=course.engagement.instrument, round_number=course.engagement.round_number + 1)
    cancelled = course.delivery.module_code
    # the cancelled course is known only as cancelled: had by none, and said so in the
    # next round's plan, which plans it again
    records = [c for c in previous_courses(later) if c.module_code == cancelled]
    assert records and all(c.outcome == "cancelled" and not c.had for c in records)
    assert {c.org_id for c in records} == _members(course)
    assert any(c.source == "approved-plan" for c in previous_courses(later))  # the others
