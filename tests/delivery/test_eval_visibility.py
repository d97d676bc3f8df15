"""Who reads a delivery's evaluation answers by trainee code: the API says exactly what the
evaluation page does (``access.answers_shown``). A code is one person of an organisation,
role and gender (``GET /api/deliveries/{uuid}``), so a viewer or a programme manager reads
no comment, example, rating, score or gain by code; the provider, who reads the names,
which code answered only; the engagement's coordinators everything."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from govcap.accounts.models import Role
from govcap.accounts.tokens import create_token
from govcap.delivery import access
from govcap.delivery import evaluation as ev
from govcap.delivery.models import Delivery, FollowUp
from govcap.results import queries
from tests.security.helpers import client_for

COMMENT, EXAMPLE = "Amina's remark on the trainer", "Mapped the registry's services"


@pytest.fixture
def answered(course, make_user):
    """T1 (the ministry's Amina) answered every form with a comment and an example."""
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 1, 6)
    )
    course.delivery.refresh_from_db()
    course.trainee.completion = "completed"
    course.trainee.save(update_fields=["completion"])
    for who in ("participant", "supervisor"):
        FollowUp.objects.get_or_create(
            trainee=course.trainee,
            respondent=who,
            defaults={"due_date": dt.date(2026, 4, 6), "close_date": dt.date(2026, 7, 6)},
        )
    ev.record_answers(
        course.coordinator,
        course.delivery,
        [
            ev.ReactionAnswer("T1", relevance=2, quality=3, comment=COMMENT),
            ev.LearningAnswer("T1", "pre", correct=1, out_of=4),
            ev.LearningAnswer("T1", "post", correct=4, out_of=4),
            ev.FollowUpAnswer("T1", "participant", "partly", EXAMPLE),
        ],
        source="paper",
    )
    course.narrowed = make_user(
        "ministry-viewer", Role.VIEWER, course.engagement, organisation=course.ministry
    )
    return course


def api(client, user, delivery):
    token = create_token(user, "test").raw
    got = client.get(
        f"/api/deliveries/{delivery.uuid}/evaluation", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert got.status_code == 200
    return got.json()


def test_a_viewer_reads_no_answer_by_code_through_the_api(client, answered):
    for who in (answered.viewer, answered.narrowed, answered.facilitator, answered.manager):
        body = api(client, who, answered.delivery)
        assert body["shown"] == {"rows": False, "scores": False, "texts": False}, who
        assert (body["reactions"], body["learning"], body["gains"], body["follow_ups"]) == (
            [],
            [],
            [],
            [],
        ), who
        text = str(body)
        assert COMMENT not in text and EXAMPLE not in text and "T1" not in text
    # the same viewer reads the trainee's organisation, role and gender by code: an answer
    # by code would be hers
    token = create_token(answered.viewer, "test").raw
    row = client.get(
        f"/api/deliveries/{answered.delivery.uuid}", HTTP_AUTHORIZATION=f"Bearer {token}"
    ).json()["trainees"][0]
    assert (row["code"], row["organisation"]) == ("T1", "Ministry of ICT")


def test_the_provider_reads_which_code_answered_not_what(client, answered):
    body = api(client, answered.provider, answered.delivery)
    assert body["shown"] == {"rows": True, "scores": False, "texts": False}
    assert [(r["code"], r["relevance"], r["comment"]) for r in body["reactions"]] == [
        ("T1", None, "")
    ]
    assert {(c["phase"], c["correct"]) for c in body["learning"]} == {("pre", None), ("post", None)}
    assert body["gains"] == []
    assert sorted(
        # answered in December, after its window closed in July: kept, not counted
        (f["respondent"], f["applied"], f["example"], f["state"] == "outside_window")
        for f in body["follow_ups"]
    ) == [("participant", "", "", True), ("supervisor", "", "", False)]


def test_the_coordinator_reads_every_answer_by_code(client, answered):
    body = api(client, answered.coordinator, answered.delivery)
    assert body["shown"] == {"rows": True, "scores": True, "texts": True}
    assert [(r["relevance"], r["comment"]) for r in body["reactions"]] == [(2, COMMENT)]
    assert [g["gain_points"] for g in body["gains"]] == [75.0]
    assert sorted((f["respondent"], f["applied"], f["example"]) for f in body["follow_ups"]) == [
        ("participant", "partly", EXAMPLE),
        ("supervisor", "", ""),
    ]


def test_the_page_and_the_api_ask_the_same_rule(client, answered):
    """The evaluation page's per-participant table and its scores follow ``answers_shown``
    as the API does; the results page's texts follow ``reads_texts`` (a programme manager
    reads them there, without a code)."""
    for who in (answered.coordinator, answered.provider, answered.viewer, answered.manager):
        shown = access.answers_shown(who, answered.delivery)
        page = client_for(who).get(reverse("delivery-evaluation", args=[answered.delivery.uuid]))
        html = page.content.decode()
        assert ("trainee_rows" in page.context) is shown.rows, who
        assert (page.context.get("scores", False)) is shown.scores, who
        assert COMMENT not in html and EXAMPLE not in html  # never beside a code here
        assert api(client, who, answered.delivery)["shown"] == {
            "rows": shown.rows,
            "scores": shown.scores,
            "texts": shown.texts,
        }
    assert queries.reads_texts(answered.manager, answered.engagement.pk)
    assert not queries.reads_texts(answered.viewer, answered.engagement.pk)
    assert not access.answers_shown(answered.manager, answered.delivery).texts
