"""The course's evaluation page reports a follow-up answered before it was due apart, as
the results page does, and keeps it out of its level-3 figure ("Applied at work")."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from govcap.delivery import evaluation as ev
from tests.delivery.test_eval_follow_up_window import completed
from tests.security.helpers import client_for

APART = ("Level 3, reported apart: 1 of 1 participant who answered before 3 months or after "
         "6 says they apply what they learnt; not counted in the figure.")


def test_an_early_follow_up_is_marked_apart_on_the_evaluation_page(course):
    completed(course, timezone.localdate() - dt.timedelta(days=2))
    ev.record_answers(course.coordinator, course.delivery,
                      [ev.FollowUpAnswer("T1", "participant", "yes", "")], source="paper")
    page = client_for(course.coordinator).get(
        reverse("delivery-evaluation", args=[course.delivery.uuid]))
    html = page.content.decode()
    assert APART in html
    assert page.context["summary"].applied_by["participant"]["yes"] == 0
    participants = html.split("Level 3: behaviour", 1)[1].split("Supervisors", 1)[0]
    assert "Yes <strong>0</strong>" in participants
    results = client_for(course.coordinator).get(
        reverse("indicators-engagement", args=[course.engagement.slug])).content.decode()
    assert APART in results  # the same words on both pages
