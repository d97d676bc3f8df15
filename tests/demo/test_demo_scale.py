"""`govcap demo --scale`: a portfolio built with bulk inserts, counted, removable, and read by
the analysis exactly as if every rating had been saved one by one."""

from __future__ import annotations

import pytest
from django.core.management.base import CommandError
from django.db import connection

from govcap.accounts.models import Role
from govcap.analysis import queries, tally
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.demo.scale import LARGE, SCALES, parse_scale
from govcap.interchange.exports import ExportOptions, export_bytes
from govcap.orgs.models import Country, Engagement, Organisation

pytestmark = pytest.mark.django_db


def test_sizes_by_name_fraction_or_shape():
    assert SCALES["large"].sessions == 40_000 and SCALES["large"].ratings == 320_000
    assert parse_scale("tenth").sessions == 4_000 == parse_scale("0.1").sessions
    assert parse_scale("2x5x2") == LARGE.__class__(countries=2, organisations=5, rounds=2)
    for wrong in ("huge", "0", "1.5", "99x5x2", "2x0x2"):
        with pytest.raises(ValueError):
            parse_scale(wrong)


def test_a_small_portfolio_has_the_right_counts_and_is_all_demo(demo):
    out = demo("--scale", "2x5x2")
    assert "20 sessions" in out and "160 consensus ratings" in out
    assert Country.objects.filter(is_demo=True).count() == 2
    assert Organisation.objects.filter(is_demo=True).count() == 10
    assert Engagement.objects.filter(is_demo=True).count() == 4
    assert Session.objects.filter(is_demo=True, status="validated").count() == 20
    assert Rating.objects.filter(session__is_demo=True, rater=None).count() == 160
    assert Participant.objects.filter(session__is_demo=True).count() == 80
    assert Quote.objects.filter(session__is_demo=True, participant__isnull=False).exists()
    assert all(e.organisations.count() == 5 for e in Engagement.objects.all())
    assert not tally.drift(connection)
    # Demo data never travel unless asked.
    assert export_bytes(None, None, "csv")[1] == 0
    assert export_bytes(None, None, "csv", ExportOptions(include_demo=True))[1] == 160
    assert "already there" in demo("--scale", "2x5x2")


def test_the_portfolio_is_removed_with_the_demo(demo):
    demo("--scale", "2x5x2")
    assert "20 sessions" in demo("--remove")
    assert not Session.objects.exists() and not Country.objects.exists()
    assert not Rating.objects.exists() and not Participant.objects.exists()
    assert not tally.drift(connection)


def test_the_same_seed_gives_the_same_levels(demo):
    demo("--scale", "2x5x2")
    first = levels()
    demo("--reset", "--scale", "2x5x2")
    assert levels() == first


def test_a_bad_scale_is_refused(demo):
    with pytest.raises(CommandError, match="--scale"):
        demo("--scale", "enormous")


def levels() -> list[tuple]:
    return sorted(Rating.objects.values_list(
        "session__engagement__name", "session__organisation__name", "section_key", "level"))


def test_analysis_reads_the_bulk_portfolio_as_if_saved_one_by_one(demo, make_user):
    demo("--scale", "2x5x2")
    manager = make_user("manager", Role.PROGRAMME_MANAGER)
    engagements = list(Engagement.objects.order_by("id"))
    bulk = snapshot(manager, engagements)
    ratings = list(Rating.objects.order_by("id"))
    Rating.objects.all().delete()
    for r in ratings:  # the ordinary way: one save each
        r.pk = None
        r.save()
    assert snapshot(manager, engagements) == bulk
    assert not tally.drift(connection)


def snapshot(user, engagements) -> tuple:
    counts = queries.programme_counts(user, engagements)
    heatmaps = [sorted(queries.engagement_levels(user, e).rows) for e in engagements]
    return counts, heatmaps
