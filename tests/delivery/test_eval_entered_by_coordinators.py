"""Answers are entered (paper, exports, follow-ups, API) by the engagement's coordinators,
not by the training provider, the party evaluated; and no path takes an answer for a
participant who dropped out that their link would not offer them."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from govcap.delivery import evaluation as ev
from govcap.delivery import services
from govcap.delivery.models import Delivery, FollowUp, LearningCheck, Reaction, Trainee
from tests.delivery.test_eval_api import call
from tests.security.helpers import client_for

REFUSED = ("Only the engagement's coordinators enter evaluation answers: the course's "
           "training provider is the party evaluated.")


def test_the_provider_enters_no_answer_on_the_api_or_on_paper(client, course):
    sent = call(client, course.provider, "post",
                f"/api/deliveries/{course.delivery.uuid}/evaluation/answers",
                {"form": "reaction", "code": "T1", "relevance": 5})
    assert sent.status_code == 403 and sent.json()["message"] == REFUSED
    provider = client_for(course.provider)
    paper = reverse("evaluation-paper", args=[course.delivery.uuid, "reaction"])
    assert provider.get(paper).status_code == 403
    assert provider.post(paper, {"T1-relevance": "5"}).status_code == 403
    assert not Reaction.objects.exists()
    page = provider.get(reverse("delivery-evaluation", args=[course.delivery.uuid]))
    html = page.content.decode()
    assert "Open a link" in html  # the trainer still shows the QR code in the room
    assert "Type in answers given on paper" not in html and "are entered by the " \
        "engagement's coordinators" in html


def test_the_provider_records_no_supervisor_follow_up(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    ev.sync_follow_ups(course.delivery)
    url = reverse("evaluation-follow-up-answer",
                  args=[course.delivery.uuid, "T1", "supervisor"])
    data = {"applied": "partly", "example": "Maps reviewed"}
    assert client_for(course.provider).post(url, data).status_code == 403
    assert not FollowUp.objects.exclude(applied="").exists()
    listed = client_for(course.provider).get(reverse("evaluation-follow-ups") + "?all=1")
    assert 'name="applied"' not in listed.content.decode()
    client_for(course.coordinator).post(url, data)
    assert FollowUp.objects.get(respondent="supervisor").applied == "partly"


def test_a_dropped_out_code_answers_no_form_its_link_does_not_offer(client, course):
    services.set_completion(course.coordinator, course.trainee, "dropped", "Left on day 1")
    path = f"/api/deliveries/{course.delivery.uuid}/evaluation/answers"
    refused = call(client, course.coordinator, "post", path,
                   {"form": "reaction", "code": "T1", "relevance": 2})
    assert refused.status_code == 422
    assert refused.json()["message"] == ("T1 dropped out of the course: this form is not "
                                         "theirs to answer (the link does not offer their "
                                         "code either).")
    assert call(client, course.coordinator, "post", path,
                {"form": "post", "code": "T1", "correct": 3, "out_of": 8}).status_code == 422
    # the check before the course was theirs to take, as the link offers it
    assert call(client, course.coordinator, "post", path,
                {"form": "pre", "code": "T1", "correct": 3, "out_of": 8}).status_code == 200
    assert not Reaction.objects.exists()
    assert list(LearningCheck.objects.values_list("phase", flat=True)) == ["pre"]
    coordinator = client_for(course.coordinator)
    paper = reverse("evaluation-paper", args=[course.delivery.uuid, "reaction"])
    html = coordinator.get(paper).content.decode()
    assert "Dropped out: not asked" in html and 'name="T1-relevance"' not in html
    coordinator.post(paper, {"T1-relevance": "5"})
    assert not Reaction.objects.exists()
