"""The phone form offers only the codes that have not answered it: whoever has the link
cannot answer as T3 and lock T3 out (the one-answer refusal stays behind it). The link's
page says until when it is open as every page says a moment, with one full stop."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from govcap.delivery import evaluation as ev
from govcap.delivery import services
from govcap.delivery.models import EvaluationLink, Reaction
from tests.security.helpers import client_for


def answer_url(link):
    return reverse("evaluation-answer", args=[link.token])


def test_a_code_that_answered_is_no_longer_offered(course):
    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk))
    link = ev.open_link(course.provider, course.delivery, 1)
    post = ev.open_link(course.provider, course.delivery, 2, phase="post")
    phone = Client()
    phone.post(answer_url(link), {"code": "T1", "relevance": "5"})
    html = phone.get(answer_url(link)).content.decode()
    assert '<option value="T1">' not in html and '<option value="T2">T2</option>' in html
    assert "if yours is missing, ask the trainer" in html
    # another form of the same course still offers T1
    assert '<option value="T1">T1</option>' in phone.get(answer_url(post)).content.decode()
    # T1 posted anyway (a page opened before): refused, the first answer kept
    again = phone.post(answer_url(link), {"code": "T1", "relevance": "1"})
    assert again.status_code == 409 and Reaction.objects.get().relevance == 5


def test_the_link_page_says_until_when_in_words_with_one_full_stop(course, settings):
    settings.TIME_ZONE = "UTC"
    link = ev.open_link(course.provider, course.delivery, 1)
    EvaluationLink.objects.filter(pk=link.pk).update(
        expires_at=dt.datetime(2099, 12, 4, 23, 45, tzinfo=dt.UTC))
    with timezone.override("UTC"):
        html = client_for(course.provider).get(reverse(
            "evaluation-link", args=[course.delivery.uuid, link.uuid])).content.decode()
    # in the course's time zone (Kenya: EAT, UTC+3), named
    assert "Open until 5 December 2099 02:45 EAT. Choose your participant code" in html
    assert ".." not in html.split("Open until", 1)[1].split("</p>", 1)[0]
