"""A viewer narrowed to some of an engagement's organisations sees their trainees' answers
only, and every count and mean over those only: the evaluation page, its API, and the
delivery pages (planned beside delivered, nominations, attendance)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from govcap.accounts.models import Role
from govcap.accounts.tokens import create_token
from govcap.delivery import evaluation as ev
from govcap.delivery import services
from tests.security.helpers import client_for


@pytest.fixture
def two_orgs(course, make_user):
    """T1 of the ministry and T2 of the agency answered; a viewer of the agency only."""
    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk, role_title="Records officer", gender="male"))
    ev.record_answers(course.coordinator, course.delivery, [
        ev.ReactionAnswer("T1", relevance=1, comment="Ministry's own remark"),
        ev.ReactionAnswer("T2", relevance=5),
        ev.LearningAnswer("T1", "pre", correct=0, out_of=10),
        ev.LearningAnswer("T1", "post", correct=10, out_of=10),
        ev.LearningAnswer("T2", "pre", correct=4, out_of=10),
        ev.LearningAnswer("T2", "post", correct=6, out_of=10)], source="paper")
    course.agency_viewer = make_user("agency-viewer", Role.VIEWER, course.engagement,
                                     organisation=course.agency)
    return course


def test_the_evaluation_page_sums_up_their_organisations_answers_only(two_orgs):
    page = client_for(two_orgs.agency_viewer).get(
        reverse("delivery-evaluation", args=[two_orgs.delivery.uuid]))
    assert page.status_code == 200
    summary = page.context["summary"]
    assert (summary.reactions, summary.trainees) == (1, 1)
    assert summary.rating_means["relevance"] == (5.0, 1)
    assert [g.code for g in summary.learning.gains] == ["T2"]
    html = page.content.decode()
    # one answer's scores, shown as a total, would be T2's: from 5 answers only
    assert "40%" not in html and "100%" not in html and "shown from 5 participants" in html
    # the whole course, for its coordinator
    whole = client_for(two_orgs.coordinator).get(
        reverse("delivery-evaluation", args=[two_orgs.delivery.uuid])).context["summary"]
    assert (whole.reactions, whole.trainees, whole.rating_means["relevance"]) == (2, 2, (3.0, 2))


def test_the_api_gives_a_narrowed_viewer_no_answer_by_code(two_orgs, client):
    """As the page: the totals of their organisations, no one's answer by code — not even
    their own organisation's (``test_eval_visibility``)."""
    token = create_token(two_orgs.agency_viewer, "test").raw
    got = client.get(f"/api/deliveries/{two_orgs.delivery.uuid}/evaluation",
                     HTTP_AUTHORIZATION=f"Bearer {token}")
    assert got.status_code == 200
    body = json.loads(got.content)
    assert (body["reactions"], body["learning"], body["gains"]) == ([], [], [])
    assert "Ministry" not in got.content.decode()


def test_the_delivery_pages_count_their_organisations_only(two_orgs):
    cohort = two_orgs.cohort
    agency = str(two_orgs.agency.uuid)
    planned = sum(m["participants"] for m in cohort["members"] if m["org_id"] == agency)
    client = client_for(two_orgs.agency_viewer)
    page = client.get(reverse("delivery", args=[two_orgs.delivery.uuid]))
    html = page.content.decode()
    assert [r.trainee.code for r in page.context["rows"]] == ["T2"]
    assert page.context["summary"]["nominated"] == 1
    assert page.context["planned_participants"] == planned
    assert two_orgs.ministry.name not in html  # neither a nominee nor a finding about it
    listing = client.get(reverse("deliveries-engagement", args=[two_orgs.engagement.slug]))
    row = next(r for r in listing.context["rows"] if r.cohort_id == cohort["cohort_id"])
    assert (row.nominated, row.planned_participants) == (1, planned)
    # the coordinator still sees the whole course
    whole = client_for(two_orgs.coordinator).get(
        reverse("deliveries-engagement", args=[two_orgs.engagement.slug]))
    row = next(r for r in whole.context["rows"] if r.cohort_id == cohort["cohort_id"])
    assert (row.nominated, row.planned_participants) == (2, cohort["participants"])
