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


def test_a_narrowed_viewers_cost_target_is_the_plans_price_of_their_seats(programme,
                                                                          make_user):
    """The deliveries page shares a course's planned cost by the plan's seats; the results
    target shared it by the nominees (727.63 beside the page's 8,681.67 ÷ 12 = 723.47)."""
    import datetime as dt

    from govcap.delivery import services
    from govcap.delivery.models import Delivery, Trainee

    agency = str(programme.agency.uuid)
    other = next(c for c in programme.plan.data["cohorts"]
                 if c["cohort_id"] != programme.delivery.cohort_id
                 and any(m["org_id"] == agency for m in c["members"])
                 and c["participants"] > sum(m["participants"] for m in c["members"]
                                             if m["org_id"] == agency))
    second = services.create_delivery(programme.coordinator, programme.plan,
                                      other["cohort_id"])
    Delivery.objects.filter(pk=second.pk).update(
        status=Delivery.Status.COMPLETED, start_date=dt.date(2026, 7, 1),
        end_date=dt.date(2026, 7, 2), cost_cents=500_000)
    # nominated unlike the plan: one of the agency, three of the ministry
    Trainee.objects.create(delivery=second, code="S1", organisation=programme.agency,
                           completion="completed")
    for code in ("S2", "S3", "S4"):
        Trainee.objects.create(delivery=second, code=code, organisation=programme.ministry,
                               completion="completed")
    first = next(c for c in programme.plan.data["cohorts"]
                 if c["cohort_id"] == programme.delivery.cohort_id)
    seats = cost = 0.0
    for c in (first, other):
        theirs = sum(m["participants"] for m in c["members"] if m["org_id"] == agency)
        seats += theirs
        cost += c["cost_cents"] * theirs / c["participants"]  # the deliveries page's share
    viewer = make_user("agency-viewer", Role.VIEWER, programme.engagement, programme.agency)
    target = build(viewer, programme.engagement).indicator(ind.COST_PER_PARTICIPANT).target
    assert target == pytest.approx(cost / seats)


def test_the_plan_page_gives_a_narrowed_viewer_their_share_of_a_courses_cost(programme,
                                                                             make_user):
    """Their participants were put beside the whole course's cost: '0 of 1 participant
    completed. Cost USD 3,000.00 (planned USD 9,680.00)' for the agency's viewer."""
    import html

    from django.test import Client
    from django.urls import reverse

    viewer = make_user("agency-viewer", Role.VIEWER, programme.engagement, programme.agency)
    client = Client()
    client.force_login(viewer)
    page = client.get(reverse("plan", args=[programme.engagement.slug])
                      + f"?v={programme.plan.version}", follow=True).content.decode()
    page = html.unescape(page)
    assert "0 of 1 participant completed." in page
    # one of the three nominees; 4 of the plan's 8 seats
    assert ("Cost, your organisations' share: USD\xa01,000.00 (planned USD\xa04,840.00)."
            in page)
    assert "USD\xa03,000.00" not in page
    client.force_login(programme.manager)
    page = client.get(reverse("plan", args=[programme.engagement.slug])
                      + f"?v={programme.plan.version}").content.decode()
    assert "Cost USD\xa03,000.00 (planned USD\xa09,680.00)." in page


def test_the_documents_cover_names_the_countries_and_rounds_it_covers(programme, make_user):
    """A donor read 'Scope: Every engagement you can see': the cover names the countries and
    says every round to date is in, and says "you can see" only to a reader who sees some
    rounds or organisations, naming them."""
    import io

    from docx import Document

    from govcap.results import document

    def scope(user) -> str:
        return dict(document.cover(build(user)))["Scope"]

    assert scope(programme.manager) == "Kenya, Somalia — all rounds to date"
    assert scope(None) == "Kenya, Somalia — all rounds to date"
    word = Document(io.BytesIO(document.render(build(programme.manager), "docx")))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    text = " ".join(cells + [p.text for p in word.paragraphs])
    assert "Kenya, Somalia — all rounds to date" in text
    assert "you can see" not in text
    # a coordinator of the baseline does not see the follow-up round
    baseline = programme.engagement.name
    assert scope(programme.coordinator) == f"The rounds you can see: {baseline}"
    viewer = make_user("agency-viewer", Role.VIEWER, programme.engagement, programme.agency)
    assert scope(viewer) == (f"The rounds you can see: {baseline}; only the organisations "
                             "you can see: ICT Authority")
    # one engagement: its name
    assert dict(document.cover(build(programme.manager, programme.engagement)))["Scope"] == (
        baseline)
