"""The plan page says, beside each course, what became of it: planned vs delivered."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from govcap.delivery.models import Delivery, Trainee


def plan_text(client, user, course) -> str:
    client.force_login(user)
    page = client.get(reverse("plan", args=[course.engagement.slug]) + f"?v={course.plan.version}")
    assert page.status_code == 200
    return page.content.decode()


def test_a_course_being_prepared_then_delivered_says_so_beside_it(client, course):
    page = plan_text(client, course.coordinator, course)
    assert "Being prepared with" in page and "1 participant nominated." in page
    assert reverse("delivery", args=[course.delivery.uuid]) in page
    Trainee.objects.filter(pk=course.trainee.pk).update(completion=Trainee.Completion.COMPLETED)
    Delivery.objects.filter(pk=course.delivery.pk).update(
        status=Delivery.Status.COMPLETED, start_date=dt.date(2026, 9, 14),
        end_date=dt.date(2026, 9, 15), cost_cents=250000, planned_cost_cents=240000)
    page = plan_text(client, course.coordinator, course)
    assert "Delivered 14 September 2026 – 15 September 2026 by" in page
    assert "1 of 1 participant completed." in page
    assert "Cost USD\xa02,500.00 (planned USD\xa02,400.00)." in page


def test_a_cancelled_course_says_why(client, course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        status=Delivery.Status.CANCELLED, cancel_reason="the venue flooded")
    assert "Cancelled: the venue flooded." in plan_text(client, course.coordinator, course)


def test_the_needs_table_says_what_became_of_each_needs_course(client, course):
    # It said "Scheduled" beside a course that had been delivered.
    Delivery.objects.filter(pk=course.delivery.pk).update(
        status=Delivery.Status.COMPLETED, start_date=dt.date(2026, 9, 14),
        end_date=dt.date(2026, 9, 15))
    page = plan_text(client, course.coordinator, course)
    rank = page.index('<th class="num">Rank</th>')  # the needs table's first column
    needs = page[rank:page.index("</tbody>", rank)]
    link = reverse("delivery", args=[course.delivery.uuid])
    assert f'<a href="{link}" class="delivery-completed">Delivered</a>' in needs
