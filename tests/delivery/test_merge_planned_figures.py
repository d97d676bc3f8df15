"""After a merge, the course that took in the nominees counts the plan's participants of
the courses merged into it too — its page's planned participants and a narrowed viewer's
planned share — as its nomination warnings do (c4ddbdd): the page said 0 planned beside
the nominees it took in, and a viewer's share of its planned cost came from its own plan
numbers only."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.accounts.models import Role
from govcap.delivery import services
from govcap.delivery.models import Delivery
from tests.delivery.test_merge import change, sibling
from tests.security.helpers import client_for


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_course_merged_into_counts_the_merged_courses_planned_participants(course, make_user):
    target = sibling(course, planned_cost_cents=800_000)  # the plan counts no one in it
    services.nominate(
        course.coordinator, course.delivery, services.Nomination(organisation_id=course.agency.pk)
    )
    services.apply_change(
        course.coordinator, course.delivery, change("merge", into=str(target.uuid))
    )
    target.refresh_from_db()
    cohort = course.cohort
    seats = cohort["participants"]
    agency = sum(
        m["participants"] for m in cohort["members"] if m["org_id"] == str(course.agency.uuid)
    )
    assert seats and 0 < agency < seats
    assert services.planned_participants(target) == seats
    page = _text(
        client_for(course.coordinator).get(reverse("delivery", args=[target.uuid])).content.decode()
    )
    assert f"Planned participants {seats} " in page
    viewer = make_user("agency-viewer", Role.VIEWER, course.engagement, organisation=course.agency)
    page = _text(client_for(viewer).get(reverse("delivery", args=[target.uuid])).content.decode())
    assert f"Planned participants {agency} " in page
    share = f"{round(8000 * agency / seats):,}"
    assert f"Planned cost, your organisations' share USD {share}" in page


def test_a_merge_of_a_merge_counts_both(course):
    middle, last = sibling(course, "98"), sibling(course, "99")
    Delivery.objects.filter(pk=middle.pk).update(planned_participants=5)
    middle.refresh_from_db()
    services.apply_change(
        course.coordinator, course.delivery, change("merge", into=str(middle.uuid))
    )
    middle.refresh_from_db()
    services.apply_change(
        course.coordinator, middle, change("merge", middle.revision, into=str(last.uuid))
    )
    assert services.planned_participants(last) == course.cohort["participants"] + 5
    many = services.merged_in_many([last, middle])
    assert [d.pk for d in many[last.pk]] == [middle.pk, course.delivery.pk]
    assert [d.pk for d in many[middle.pk]] == [course.delivery.pk]
