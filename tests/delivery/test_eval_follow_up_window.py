"""Level 3 is asked 3 to 6 months after the course: a follow-up link opened before the
follow-ups are due warns the coordinator and stays open through their window (it said
"Open until" a month later, before they were even due); an answer given outside the
window is kept, and reported apart from the level-3 figure."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from govcap.delivery import evaluation as ev
from govcap.delivery import services
from govcap.delivery.core import evaluation as rules
from govcap.delivery.core import zones
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import EvaluationLink, FollowUp, Trainee
from govcap.results.build import build
from govcap.results.core import indicators as ind
from tests.security.helpers import client_for


def completed(course, end: dt.date) -> None:
    """The course ran on two days up to ``end``; T1 attended both and completed."""
    course.delivery.refresh_from_db()
    services.apply_change(
        course.coordinator,
        course.delivery,
        services.Change(
            "move",
            uuid.uuid4(),
            course.delivery.revision,
            {"start_date": end - dt.timedelta(days=1), "end_date": end},
        ),
    )
    services.record_attendance(
        course.coordinator, course.delivery, [Mark("T1", 1, True), Mark("T1", 2, True)]
    )
    services.set_completion(
        course.coordinator, Trainee.objects.get(pk=course.trainee.pk), "completed"
    )
    course.delivery.refresh_from_db()


def test_a_follow_up_opened_two_days_after_the_course_warns_and_stays_open_to_its_close(
    course,
):
    end = timezone.localdate() - dt.timedelta(days=2)
    completed(course, end)
    due, close = rules.follow_up_dates(end)
    client = client_for(course.coordinator)
    sent = client.post(
        reverse("evaluation-link-open", args=[course.delivery.uuid]),
        {"form": "participant", "hours": 2},
    )
    warnings = [str(m) for m in get_messages(sent.wsgi_request)]
    assert any("due from" in w and "reported apart" in w for w in warnings), warnings
    link = EvaluationLink.objects.get(delivery=course.delivery)
    # open through the whole window, not 30 days from now (before it is even due): to
    # the end of its close day in Nairobi
    assert zones.local(link.expires_at, course.engagement.country) == dt.datetime.combine(
        close, dt.time(23, 59), tzinfo=zones.zone_of(course.engagement.country)
    )
    assert ev.is_open(link, timezone.make_aware(dt.datetime.combine(close, dt.time(12))))


def test_a_follow_up_opened_when_due_says_nothing_more(course):
    end = timezone.localdate() - dt.timedelta(days=100)
    completed(course, end)
    sent = client_for(course.coordinator).post(
        reverse("evaluation-link-open", args=[course.delivery.uuid]),
        {"form": "participant", "hours": 2},
    )
    assert not [m for m in get_messages(sent.wsgi_request) if "due from" in str(m)]


def test_an_answer_before_the_follow_up_is_due_is_reported_apart(course):
    end = timezone.localdate() - dt.timedelta(days=2)
    completed(course, end)
    ev.record_answers(
        course.coordinator,
        course.delivery,
        [ev.FollowUpAnswer("T1", "participant", "yes", "")],
        source="paper",
    )
    assert FollowUp.objects.get(respondent="participant").answered_at is not None
    l3 = build(course.coordinator, course.engagement).indicator(ind.APPLICATION)
    assert l3 is not None
    assert (l3.n, l3.value) == (0, None)  # not the headline's: 2 days after the course
    assert (l3.facts["outside_window"], l3.facts["outside_window_applied"]) == (1, 1)
    # the results page says so, with the definition
    page = client_for(course.coordinator).get(
        reverse("indicators-engagement", args=[course.engagement.slug])
    )
    html = page.content.decode()
    assert "Level 3, reported apart: 1 of 1 participant who answered before 3 months" in html
    assert "An answer given before 3 months or after 6 is reported apart" in html
