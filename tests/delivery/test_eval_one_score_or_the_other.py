"""A learning check is given item by item (the objectives met) or as a paper test's total
(correct of out_of), as the paper form says — not both: the API accepted both together and
kept the items, silently dropping the total. Refused on every path: the API (422 naming
the fields), the paper page and the rule every path goes through."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcap.delivery import evaluation as ev
from govcap.delivery.models import LearningCheck
from tests.delivery.test_eval_api import call
from tests.security.helpers import client_for


def test_the_api_refuses_both_naming_the_fields(client, course):
    n = len(ev.objectives(course.delivery))
    path = f"/api/deliveries/{course.delivery.uuid}/evaluation/answers"
    both = call(
        client,
        course.coordinator,
        "post",
        path,
        {"form": "pre", "code": "T1", "objectives_met": [True] * n, "correct": 1, "out_of": n},
    )
    assert both.status_code == 422
    assert both.json()["field"] == "body.objectives_met"
    message = both.json()["message"]
    assert "`objectives_met`" in message and "`correct`" in message and "`out_of`" in message
    assert not LearningCheck.objects.exists()
    # each alone is taken
    assert (
        call(
            client,
            course.coordinator,
            "post",
            path,
            {"form": "pre", "code": "T1", "objectives_met": [True] * n},
        ).status_code
        == 200
    )
    assert (
        call(
            client,
            course.coordinator,
            "post",
            path,
            {"form": "post", "code": "T1", "correct": 2, "out_of": n},
        ).status_code
        == 200
    )


def test_the_rule_refuses_both(course):
    n = len(ev.objectives(course.delivery))
    with pytest.raises(ev.EvaluationError, match="not both"):
        ev.record_answers(
            course.coordinator,
            course.delivery,
            [ev.LearningAnswer("T1", "pre", (True,) * n, correct=1, out_of=n)],
            source="paper",
        )
    assert not LearningCheck.objects.exists()


def test_the_paper_page_refuses_both(course):
    n = len(ev.objectives(course.delivery))
    page = reverse("evaluation-paper", args=[course.delivery.uuid, "pre"])
    post = {f"T1-o{i}": "yes" for i in range(1, n + 1)} | {"T1-correct": "2", "T1-out_of": str(n)}
    html = client_for(course.coordinator).post(page, post).content.decode()
    assert "T1: the objectives are marked and a total score is given" in html
    assert not LearningCheck.objects.exists()
    # the total's "out of" is filled in for you: marks with it alone are marks
    post.pop("T1-correct")
    client_for(course.coordinator).post(page, post)
    assert LearningCheck.objects.get().objectives_met == [True] * n
