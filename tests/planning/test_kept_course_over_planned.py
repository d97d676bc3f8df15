"""Djibouti's SVC-101, kept in the new draft because it is running, has 14 participants
nominated where the plan counts and costs 12: the page said both numbers side by side
without a word. It now says that the plan's figures are not what the course runs with."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.delivery.models import Delivery, Trainee
from govcap.orgs.models import Engagement
from govcap.planning import services
from tests.demo.helpers import demo_data


@pytest.mark.django_db
def test_a_kept_course_nominated_beyond_the_plan_says_so_on_the_plan_page(client):
    demo_data()
    engagement = Engagement.objects.get(slug="djibouti-baseline-2026")
    plan = services.generate(engagement, None)
    kept = next(c for c in plan.data["cohorts"] if c["module_code"] == "SVC-101")
    assert kept["delivery"] and kept["participants"] == 12
    delivery = Delivery.objects.get(engagement=engagement, cohort_id=kept["cohort_id"])
    assert Trainee.objects.filter(delivery=delivery).count() == 14
    client.force_login(get_user_model().objects.get(username="demo-coordinator-dj"))
    html = client.get(reverse("plan", args=[engagement.slug])).content.decode()
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert ("14 participants are nominated to this course, more than the 12 this plan counts "
            "and costs for it") in page
    # SVC-102, being prepared with 12 nominated as planned, says nothing of the kind
    assert page.count("this plan counts and costs for it") == 1
