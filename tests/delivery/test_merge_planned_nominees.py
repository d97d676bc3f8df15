"""A course that took in another's nominees (a merge) counts on the organisations the plan
put in both: the merged course's nominees are not said to be "not in this course in the
plan", and its nomination form lists their organisations as the course's."""

from __future__ import annotations

from django.urls import reverse

from govcap.delivery import services
from govcap.delivery.core import nominations
from govcap.delivery.models import Trainee
from govcap.delivery.views import course_organisations
from tests.delivery.test_merge import change, sibling
from tests.security.helpers import client_for


def test_the_course_merged_into_knows_the_nominees_planned_for_the_merged_one(course):
    target = sibling(course)  # a course of the same module the plan puts no one in
    services.apply_change(
        course.coordinator, course.delivery, change("merge", into=str(target.uuid))
    )
    target.refresh_from_db()
    nominees = Trainee.objects.filter(delivery=target).select_related("organisation")
    kinds = [f.kind for f in services.nomination_findings(target, nominees)]
    assert nominations.NOT_IN_PLAN not in kinds
    assert course.ministry in course_organisations(target)
    page = client_for(course.coordinator).get(reverse("delivery", args=[target.uuid]))
    assert "not in this course in the plan" not in page.content.decode()


def test_a_merge_of_a_merge_still_knows_the_first_courses_nominees(course):
    middle, last = sibling(course, "98"), sibling(course, "99")
    services.apply_change(
        course.coordinator, course.delivery, change("merge", into=str(middle.uuid))
    )
    middle.refresh_from_db()
    services.apply_change(
        course.coordinator, middle, change("merge", middle.revision, into=str(last.uuid))
    )
    last.refresh_from_db()
    assert Trainee.objects.get(pk=course.trainee.pk).delivery_id == last.pk
    assert str(course.ministry.uuid) in services.planned_by_org(last)
