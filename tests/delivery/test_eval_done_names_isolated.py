"""The answered follow-up's page sets the participant's code and the coordinators' names
apart (<bdi>, issue 15): in Arabic "… المشارك T1 …، Wanjiru Kamau (w.kamau@ict.go.ke)."
let the Latin name carry the brackets and the full stop beside it into its own run."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from govcap.accounts.models import Role, RoleAssignment
from govcap.delivery import evaluation as ev
from govcap.delivery.models import Delivery, Trainee


def test_each_coordinator_and_the_participant_are_set_apart(course, make_user):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="supervisor")
    url = reverse("evaluation-answer", args=[ev.personal_links(link)[0].token])
    type(course.coordinator).objects.filter(pk=course.coordinator.pk).update(
        first_name="Wanjiru", last_name="Kamau", email="w.kamau@ict.go.ke")
    second = make_user("zz-second")
    RoleAssignment.objects.create(user=second, role=Role.COORDINATOR,
                                  engagement=course.delivery.engagement)
    client = Client()
    client.cookies["django_language"] = "ar"
    assert client.post(url, {"applied": "yes"}).status_code == 302
    html = client.get(url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    said = html.split('role="status">')[1].split("</p>")[0]
    assert "<bdi>T1</bdi>" in said
    assert "<bdi>Wanjiru Kamau (w.kamau@ict.go.ke)</bdi>" in said
    assert "<bdi>zz-second</bdi>" in said and "</bdi>، <bdi>" in said  # each one apart
