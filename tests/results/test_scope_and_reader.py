"""What a reader narrowed to some organisations is told: their share of the costs and the
seats the plan gives them, over the same courses as the participants counted."""

from __future__ import annotations

import pytest

from govcap.accounts.models import Role
from govcap.results.build import build
from govcap.results.core import indicators as ind

pytestmark = pytest.mark.django_db


def test_a_viewer_of_one_organisation_gets_its_share_of_the_cost(programme, make_user):
    # the course cost 3,000.00 for three participants (two of the ministry, one of the
    # agency): the agency's viewer counts one participant and a third of the cost
    viewer = make_user("agency-viewer", Role.VIEWER, programme.engagement, programme.agency)
    whole = build(None, programme.engagement)
    mine = build(viewer, programme.engagement)
    assert whole.indicator(ind.COST_PER_PARTICIPANT).value == pytest.approx(100_000)
    cost = mine.indicator(ind.COST_PER_PARTICIPANT)
    assert cost.n == 1
    assert cost.value == pytest.approx(100_000)  # not 300,000 ÷ 1
    assert cost.facts["cost_cents"] == 100_000 and cost.facts["share_of_cost"] == 1
    assert mine.narrowed and not whole.narrowed
    # the target is the plan's cost per planned seat of the same course, whoever reads
    assert cost.target == pytest.approx(whole.indicator(ind.COST_PER_PARTICIPANT).target)


def test_a_narrowed_viewers_participants_target_is_their_organisations_seats(programme,
                                                                             make_user):
    cohorts = programme.plan.data["cohorts"]
    agency_seats = sum(m["participants"] for c in cohorts for m in c["members"]
                       if m["org_id"] == str(programme.agency.uuid))
    whole_seats = sum(c["participants"] for c in cohorts)
    assert 0 < agency_seats < whole_seats
    viewer = make_user("agency-viewer", Role.VIEWER, programme.engagement, programme.agency)
    trained = build(viewer, programme.engagement).indicator(ind.OFFICIALS_TRAINED)
    assert trained.target == agency_seats
    assert build(None, programme.engagement).indicator(ind.OFFICIALS_TRAINED).target \
        == whole_seats


def test_the_narrowed_viewers_page_says_the_costs_are_their_share(programme, make_user):
    from django.test import Client

    viewer = make_user("agency-viewer", Role.VIEWER, programme.engagement, programme.agency)
    client = Client()
    client.force_login(viewer)
    text = client.get(f"/indicators/e/{programme.engagement.slug}/").content.decode()
    assert "counted as their share of it" in text
    client.force_login(programme.manager)
    text = client.get(f"/indicators/e/{programme.engagement.slug}/").content.decode()
    assert "counted as their share of it" not in text
