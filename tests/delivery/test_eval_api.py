"""The evaluation API: answers listed per delivery by code, posted one at a time with the
same scoping and token rules as the deliveries API; a second answer is 409."""

from __future__ import annotations

import json

from govcap.accounts.tokens import create_token
from govcap.delivery import evaluation as ev


def call(client, user, method: str, path: str, body=None):
    token = create_token(user, "test").raw
    kwargs = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return getattr(client, method)(path, **kwargs)


def test_the_coordinator_posts_answers_and_a_second_is_refused(client, course):
    path = f"/api/deliveries/{course.delivery.uuid}/evaluation/answers"
    first = call(client, course.coordinator, "post", path,
                 {"form": "reaction", "code": "T1", "relevance": 5, "comment": "Good"})
    assert first.status_code == 200 and first.json() == {"saved": "created"}
    same = call(client, course.coordinator, "post", path,
                {"form": "reaction", "code": "T1", "relevance": 5, "comment": "Good"})
    assert same.json() == {"saved": "unchanged"}
    other = call(client, course.coordinator, "post", path,
                 {"form": "reaction", "code": "T1", "relevance": 1})
    assert other.status_code == 409 and other.json()["field"] == "code"
    bad = call(client, course.coordinator, "post", path,
               {"form": "reaction", "code": "T1", "relevance": 6})
    assert bad.status_code == 422 and bad.json()["field"] == "body.relevance"


def test_learning_answers_and_the_gain_per_trainee(client, course):
    path = f"/api/deliveries/{course.delivery.uuid}/evaluation"
    for form, correct in (("pre", 2), ("post", 7)):
        sent = call(client, course.coordinator, "post", path + "/answers",
                    {"form": form, "code": "T1", "correct": correct, "out_of": 10})
        assert sent.status_code == 200
    got = call(client, course.coordinator, "get", path).json()
    assert got["objectives"] == list(ev.objectives(course.delivery))
    assert got["gains"] == [{"code": "T1", "pre_percent": 20.0, "post_percent": 70.0,
                             "gain_points": 50.0}]
    assert "Amina" not in json.dumps(got)
    # a viewer reads the totals on the page, no one's score by code
    assert call(client, course.viewer, "get", path).json()["gains"] == []


def test_viewers_read_but_do_not_answer_and_outsiders_see_nothing(client, course):
    path = f"/api/deliveries/{course.delivery.uuid}/evaluation"
    assert call(client, course.viewer, "post", path + "/answers",
                {"form": "reaction", "code": "T1", "relevance": 4}).status_code == 403
    assert call(client, course.outsider, "get", path).status_code == 404
    assert call(client, course.outsider, "post", path + "/answers",
                {"form": "reaction", "code": "T1", "relevance": 4}).status_code == 404
    assert client.get(path).status_code == 401
