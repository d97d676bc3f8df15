"""A new draft made from the approved plan keeps the course under way (same course, its
actual month, costed once); approving it links the delivery to the new version."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from govcap.delivery.models import Delivery
from govcap.planning import services


def test_a_running_course_is_kept_by_the_new_draft_and_its_delivery_follows(client, course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        status=Delivery.Status.IN_PROGRESS, start_date=dt.date(2026, 7, 6))
    second = services.generate(course.engagement, course.coordinator)
    assert second.version == 2
    code, orgs = course.cohort["module_code"], {m["org_id"] for m in course.cohort["members"]}
    same = [c for c in second.data["cohorts"] if c["module_code"] == code
            and orgs & {m["org_id"] for m in c["members"]}]
    assert [(c["cohort_id"], c["month"], c["delivery"], c["carried_from"]) for c in same] == [
        (course.delivery.cohort_id, "2026-07", "in_progress", 1)]
    assert second.data["budget"]["by_module"][code] == same[0]["cost_cents"]  # counted once
    client.force_login(course.coordinator)
    page = client.get(reverse("plan", args=[course.engagement.slug]) + "?v=2").content.decode()
    assert "Running since" in page
    confirm = client.get(reverse("plan-approve", args=[course.engagement.slug, 2]))
    assert "It keeps 1 course already under way or done" in confirm.content.decode()
    services.approve(second, course.coordinator)
    course.delivery.refresh_from_db()
    assert course.delivery.plan_id == second.pk  # listed with the plan in force


def test_a_cancelled_course_is_planned_again(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        status=Delivery.Status.CANCELLED, cancel_reason="no venue")
    second = services.generate(course.engagement, course.coordinator)
    code = course.cohort["module_code"]
    again = [c for c in second.data["cohorts"] if c["module_code"] == code]
    assert again and not any(c["delivery"] for c in again)
    assert all(c["month"] is None or c["month"] >= second.data["months"][0] for c in again)
