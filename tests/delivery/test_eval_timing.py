"""Links a participant's phone opens: the reaction and the check after the course only once
the course has started (the check before it may be opened ahead); an unknown or mistyped
link is a kind page in the participant's language, still a 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from govcap.delivery import evaluation as ev
from govcap.delivery.models import Delivery, EvaluationLink


def starts_next_month(course) -> None:
    start = dt.date.today() + dt.timedelta(days=30)
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=start, end_date=start + dt.timedelta(days=1))
    course.delivery.refresh_from_db()


def test_the_reaction_and_the_check_after_wait_for_the_course_to_start(course):
    starts_next_month(course)
    with pytest.raises(ev.EvaluationError, match="the reaction and the check after the course "
                                                 "open from that day"):
        ev.open_link(course.coordinator, course.delivery, 1)
    with pytest.raises(ev.EvaluationError):
        ev.open_link(course.coordinator, course.delivery, 2, phase="post")
    assert not EvaluationLink.objects.exists()
    # the check before the course is taken ahead
    assert ev.open_link(course.coordinator, course.delivery, 2, phase="pre").phase == "pre"


def test_the_page_says_why_a_link_for_a_future_course_is_not_opened(course):
    from tests.security.helpers import client_for

    starts_next_month(course)
    page = client_for(course.coordinator).post(
        reverse("evaluation-link-open", args=[course.delivery.uuid]),
        {"form": "reaction", "hours": "2"}, follow=True).content.decode()
    assert "This course starts on" in page
    assert not EvaluationLink.objects.exists()


def test_a_course_that_has_started_opens_its_reaction(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(start_date=dt.date.today(),
                                                         end_date=dt.date.today())
    course.delivery.refresh_from_db()
    assert ev.open_link(course.coordinator, course.delivery, 1).level == 1


def test_an_unknown_link_is_a_kind_page_in_the_participants_language(course):
    phone = Client(HTTP_ACCEPT_LANGUAGE="fr")
    page = phone.get(reverse("evaluation-answer", args=["mistyped-token"]))
    assert page.status_code == 404
    text = page.content.decode()
    assert 'lang="fr"' in text
    assert "Ask your trainer for a new one" in text or "formateur" in text
    english = Client().get(reverse("evaluation-answer", args=["mistyped-token"]))
    assert "This link has expired or is not valid." in english.content.decode()
