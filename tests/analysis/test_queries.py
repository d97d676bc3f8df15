"""Level queries: the same numbers by both paths (tally and rows), and a number of queries
that does not grow with the organisations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from govcap.analysis import queries
from govcap.analysis.core import aggregate
from govcap.analysis.core.programme import LevelCounts
from govcap.assessments.models import Rating, Session
from govcap.orgs.models import Organisation
from govcap.scale import LEVEL_KEYS, SECTION_KEYS


def grow(world, n: int, prefix: str = "Agency") -> None:
    """n more organisations in the world's engagement, each with a started session rated on
    every section (levels cycling), one of them with a second session."""
    orgs = Organisation.objects.bulk_create([
        Organisation(country=world.engagement.country, name=f"{prefix} {i:03d}")
        for i in range(n)])
    world.engagement.organisations.add(*orgs)
    sessions = Session.objects.bulk_create([
        Session(engagement=world.engagement, organisation=o, instrument=world.instrument,
                status=Session.Status.SUBMITTED, scheduled_date=dt.date(2026, 3, 1))
        for o in orgs] + [Session(engagement=world.engagement, organisation=orgs[0],
                                  instrument=world.instrument,
                                  status=Session.Status.VALIDATED)])
    Rating.objects.bulk_create([
        Rating(session=s, section_key=key, level=LEVEL_KEYS[(i + j) % 3])
        for i, s in enumerate(sessions) for j, key in enumerate(SECTION_KEYS)])


def count_queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


@pytest.mark.parametrize("who", ["coordinator", "manager", "facilitator"])
def test_query_counts_do_not_grow_with_organisations(world, who) -> None:
    user = getattr(world, who)
    grow(world, 3)
    e = world.engagement
    queries.programme_counts(user, [e])  # the user's roles are read once, then cached
    few = [count_queries(lambda: queries.engagement_levels(user, e)),
           count_queries(lambda: queries.programme_counts(user, [e, world.other_engagement]))]
    grow(world, 12, "More")
    many = [count_queries(lambda: queries.engagement_levels(user, e)),
            count_queries(lambda: queries.programme_counts(user, [e, world.other_engagement]))]
    assert few == many


def test_the_tally_path_and_the_rows_path_agree_with_the_heatmap(world) -> None:
    grow(world, 7)
    e = world.engagement
    via_tally = queries.programme_counts(world.coordinator, [e])  # sees the whole engagement
    data = queries.engagement_levels(world.coordinator, e)
    grid = aggregate.resolve(data.rows, in_round=e.id, orgs=[o.id for o in data.orgs])
    for key in SECTION_KEYS:
        values = [grid.get(o.id, key) for o in data.orgs]
        expected = LevelCounts(*(sum(1 for v in values if v is not None and int(v) == n)
                                 for n in (1, 2, 3)), values.count(None))
        assert via_tally[e.id, key] == expected, key
    # a facilitator sees only their own session (started): counted from rows, not the tally
    Session.objects.filter(pk=world.session.pk).update(status=Session.Status.IN_PROGRESS)
    Rating.objects.create(session=world.session, section_key=SECTION_KEYS[0], level="high")
    mine = queries.programme_counts(world.facilitator, [e])
    assert mine[e.id, SECTION_KEYS[0]] == LevelCounts(high=1)
    assert queries.whole_engagements(world.facilitator, [e.id]) == set()
    assert queries.whole_engagements(world.coordinator, [e.id]) == {e.id}


def test_engagement_levels_count_started_sessions_and_their_targets(world) -> None:
    from govcap.planning.models import PlanSettings

    grow(world, 2)
    PlanSettings.objects.create(engagement=world.engagement, start_month="2026-06",
                                strategic_sections=["change-management"])
    data = queries.engagement_levels(world.coordinator, world.engagement)
    assert world.ministry.id not in {o.id for o in data.orgs}  # only a draft session
    assert len(data.orgs) == 2
    targets = data.target_map()[data.orgs[0].id]
    assert targets["change-management"].key == "high"
    assert targets["project-execution"].key == "moderate"
    assert data.sessions_by_status["draft"] == 1
