"""The JSON's figures are the page's: rounded as the page writes them (a donor's program
read "mean_post": 74.99999999999999 where the page says 75%), and a cost says which
courses it is of ("deliveries": 6 beside "ran": 8 explained nothing)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from govcap.delivery import services
from govcap.delivery.models import Delivery, LearningCheck
from govcap.results.core import indicators as ind

pytestmark = pytest.mark.django_db


def _checked(trainee, pre: tuple[int, int], post: tuple[int, int]) -> None:
    for phase, (correct, out_of) in ((LearningCheck.Phase.PRE, pre),
                                     (LearningCheck.Phase.POST, post)):
        LearningCheck.objects.create(trainee=trainee, phase=phase, correct=correct,
                                     out_of=out_of, source="paper", answered_at=timezone.now())


def _page_and_json(world):
    client = Client()
    client.force_login(world.manager)
    page = " ".join(re.sub(r"<[^>]+>", " ", client.get("/indicators/").content.decode())
                    .split())
    data = client.get("/indicators/download/json/").json()
    return page, {i["key"]: i for i in data["indicators"]}, data


def test_the_json_gives_each_figure_as_the_page_writes_it(programme):
    # thirds: a third of the objectives before, two thirds or all after
    for trainee, post in ((programme.trainee, (2, 3)), (programme.t2, (2, 3)),
                          (programme.t3, (3, 3))):
        _checked(trainee, (1, 3), post)
    page, by_key, data = _page_and_json(programme)
    completion = by_key[ind.COMPLETION_RATE]  # 2 of 3: 66.66666666666667
    assert completion["value"] == 67 and "67% (2 of 3)" in page
    gain = by_key[ind.LEARNING_GAIN]  # 44.44444444444444
    assert gain["value"] == 44.4 and "+44.4 points (n = 3)" in page
    assert (gain["facts"]["mean_pre"], gain["facts"]["mean_post"]) == (33, 78)
    assert "could do 33% of the module's objectives before the course and 78% after" in (
        page.replace("&#x27;", "'"))
    # no figure of the JSON carries float noise
    text = str(data)
    assert not re.search(r"\d\.\d{4,}", text), text


def test_a_cost_says_of_how_many_of_the_courses_that_ran_it_is(programme):
    second = services.create_delivery(programme.coordinator, programme.plan,
                                      programme.plan.data["cohorts"][1]["cohort_id"])
    Delivery.objects.filter(pk=second.pk).update(
        status=Delivery.Status.IN_PROGRESS, start_date=dt.date(2026, 7, 1),
        end_date=dt.date(2026, 7, 2))  # ran, no cost recorded yet
    page, by_key, _data = _page_and_json(programme)
    cost = by_key[ind.COST_PER_PARTICIPANT]
    assert (cost["facts"]["courses_with_cost"], cost["facts"]["courses_run"]) == (1, 2)
    assert "deliveries" not in cost["facts"] and "ran" not in cost["facts"]
    assert ("USD 1,000.00 (n = 3) — cost recorded for 1 of the 2 courses that ran"
            in page), page
