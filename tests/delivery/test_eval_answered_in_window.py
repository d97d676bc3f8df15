"""A follow-up answered outside its window (3 to 6 months after the course) is not one of
the level-3 figure: the evaluation page's "Answered" counts only the answers the figure
counts, and shows the others apart; the per-participant table and the API say the same."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from govcap.accounts.tokens import create_token
from govcap.delivery import evaluation as ev
from tests.delivery.test_eval_follow_up_window import completed
from tests.security.helpers import client_for


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _answered_early(course):
    """T1 completed a course that ended 2 days ago and answered its follow-up at once,
    months before it was due."""
    completed(course, timezone.localdate() - dt.timedelta(days=2))
    ev.record_answers(
        course.coordinator,
        course.delivery,
        [ev.FollowUpAnswer("T1", "participant", "yes", "")],
        source="paper",
    )


def test_answered_counts_only_the_answers_in_the_window_and_shows_the_others_apart(course):
    _answered_early(course)
    url = reverse("delivery-evaluation", args=[course.delivery.uuid])
    page = _text(client_for(course.coordinator).get(url).content.decode())
    participants = page.split("Level 3: behaviour", 1)[1].split("Supervisors", 1)[0]
    assert (
        "Participants Answered 0 Answered outside the window, not counted 1 Due 0 "
        "Overdue 0 Not yet due 0 Applied at work: Yes 0"
    ) in participants
    # the supervisor's follow-up is not answered: no "outside the window" line for it
    supervisors = page.split("Supervisors", 1)[1].split("Applied at work", 1)[0]
    assert "outside the window" not in supervisors
    per = page.split("Per participant", 1)[1]
    today = timezone.localdate()
    assert f"Yes ({today.day} " in per and ": outside the window, not counted)" in per


def test_the_api_says_an_answer_outside_the_window_is_not_counted(client, course):
    _answered_early(course)
    token = create_token(course.coordinator, "test").raw
    body = client.get(
        f"/api/deliveries/{course.delivery.uuid}/evaluation", HTTP_AUTHORIZATION=f"Bearer {token}"
    ).json()
    states = {f["respondent"]: f["state"] for f in body["follow_ups"]}
    assert states == {"participant": "outside_window", "supervisor": "upcoming"}
