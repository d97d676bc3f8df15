"""A delivery recorded for an overdue course with no dates stays overdue: "Record delivery"
alone made a course planned months ago look on time."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.delivery.models import Delivery
from tests.delivery.test_reviewer_17 import _month_words, _months_ago
from tests.security.helpers import client_for


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_delivery_recorded_without_dates_for_a_past_month_is_overdue(course):
    late = _months_ago(2)
    Delivery.objects.filter(pk=course.delivery.pk).update(
        planned_month=late, start_date=None, end_date=None)
    client = client_for(course.coordinator)
    overview = _text(client.get(reverse("deliveries-engagement",
                                        args=[course.engagement.slug])).content.decode())
    assert "Overdue" in overview
    page = _text(client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode())
    assert (f"This course was planned for {_month_words(late)} and has no dates yet" in page)


def test_one_without_dates_whose_month_is_to_come_is_not(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        planned_month=_months_ago(-1), start_date=None, end_date=None)
    assert not Delivery.objects.get(pk=course.delivery.pk).is_overdue
    Delivery.objects.filter(pk=course.delivery.pk).update(
        planned_month=_months_ago(1), status=Delivery.Status.CANCELLED)
    assert not Delivery.objects.get(pk=course.delivery.pk).is_overdue
