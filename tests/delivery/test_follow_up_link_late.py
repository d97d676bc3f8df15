"""A follow-up's own address opened after its window closed (or before it opens) tells the
participant or supervisor, before they answer, that their answer is recorded but not
counted in the course's results; the coordinator opening such a link is told so too."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from govcap import localise
from govcap.delivery import evaluation as ev
from govcap.delivery.models import FollowUp
from tests.delivery.test_eval_follow_up_window import completed
from tests.security.helpers import client_for


def test_a_late_address_says_the_answer_is_not_counted_and_records_it_apart(course, client):
    completed(course, timezone.localdate() - dt.timedelta(days=330))  # closed a month ago
    close = FollowUp.objects.get(respondent="supervisor").close_date
    coordinator = client_for(course.coordinator)
    opened = coordinator.post(reverse("evaluation-link-open", args=[course.delivery.uuid]),
                              {"form": "supervisor", "hours": "2"}, follow=True)
    assert (f"These follow-ups closed on {localise.day(close)}, 6 months after the course: "
            "an answer given now is recorded and reported apart") in \
        opened.content.decode().replace("&#x27;", "'")
    link = ev.personal_links(ev.EvaluationLink.objects.get(level=3))[0]
    url = reverse("evaluation-answer", args=[link.token])
    page = client.get(url).content.decode()
    assert (f"This follow-up closed on {localise.day(close)}. You can still answer: your "
            "answer is recorded") in page.replace("&#x27;", "'")
    assert "it is not counted in the course&#x27;s results" in page
    client.post(url, {"applied": "yes", "example": "Used it"})
    f = FollowUp.objects.get(respondent="supervisor")
    assert f.answered_at is not None
    assert ev.state_of(f, timezone.localdate()) == "outside_window"


def test_an_address_within_the_window_says_nothing_of_the_kind(course, client):
    completed(course, timezone.localdate() - dt.timedelta(days=100))  # due, not closed
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="participant")
    page = client.get(reverse("evaluation-answer",
                              args=[ev.personal_links(link)[0].token])).content.decode()
    assert "not counted" not in page and "This follow-up" not in page
