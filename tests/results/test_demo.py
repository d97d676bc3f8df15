"""The demo's results: Kenya's delivered baseline and its follow-up give every indicator and
a level-4 comparison a programme manager can read — trained organisations moving up more
often than the others in the sections the baseline's courses covered, too few to say
elsewhere — whose counts add up, in the baseline's report and in the follow-up's."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from govcap.assessments.models import Session
from govcap.orgs.models import Engagement
from govcap.results.build import build
from govcap.results.core import indicators as ind
from govcap.results.core import l4
from tests.demo.helpers import demo_data

pytestmark = pytest.mark.django_db


def kenya(round_name: str) -> Engagement:
    return Engagement.objects.get(slug__startswith=f"kenya-{round_name}")


def test_the_demo_programme_results_add_up_and_show_what_training_changed():
    demo_data()
    baseline, follow_up = kenya("baseline-2025"), kenya("follow-up-2026")
    results = build(None, baseline)
    trained = results.indicator(ind.OFFICIALS_TRAINED)
    assert 0 < trained.value <= trained.n
    assert sum(s.count for s in trained.breakdown if s.dimension == "sex") == trained.value
    [pair] = results.pairs
    assert pair.pair.later == follow_up
    # two of the follow-up's organisations have started but are not validated yet
    assert pair.pair.not_validated == 2
    validated = Session.objects.filter(engagement=follow_up, status="validated").count()
    for comparison in pair.comparisons:
        paired = len(comparison.trained) + len(comparison.untrained) + len(comparison.left_out)
        assert paired <= validated
        enough = min(len(comparison.trained), len(comparison.untrained)) >= l4.MIN_PER_GROUP
        assert (comparison.verdict == l4.TESTED) == enough
    tested = [c for c in pair.comparisons if c.verdict == l4.TESTED]
    assert len(tested) >= 2
    assert all(0 < c.test.p_value <= 1 for c in tested)
    # where the baseline's courses ran, the trained organisations moved up more
    assert any(c.trained_group.mean_change > 0 and c.difference > 0 for c in tested)
    # … but not a tidy story: a section no course covered is too few to say, a trained
    # organisation stayed where it was, an untrained one moved up
    assert any(c.verdict == l4.TOO_FEW and not c.trained for c in pair.comparisons)
    assert any(change.change <= 0 for c in tested for change in c.trained)
    assert any(change.change > 0 for c in pair.comparisons for change in c.untrained)
    moving = results.indicator(ind.MOVING_UP)
    assert 0 < moving.numerator < moving.n
    assert results.is_demo
    assert build(None, baseline, include_demo=False).engagements == []


def test_the_follow_ups_report_shows_its_comparison_with_the_baseline(django_user_model):
    demo_data()
    baseline, follow_up = kenya("baseline-2025"), kenya("follow-up-2026")
    mine = build(None, follow_up)
    [pair] = mine.pairs
    assert (pair.pair.earlier, pair.pair.later) == (baseline, follow_up)
    # the same comparison as in the baseline's report: the baseline's training decides who
    # counts as trained, though the follow-up's own figures count its own deliveries only
    [theirs] = build(None, baseline).pairs
    assert [(c.section, c.trained, c.untrained, c.test) for c in pair.comparisons] == [
        (c.section, c.trained, c.untrained, c.test) for c in theirs.comparisons]
    assert mine.indicator(ind.OFFICIALS_TRAINED).n == 0
    # the moving-up indicator is the baseline's (its training): the follow-up's report shows
    # the same figure and says whose it is; the programme counts it once
    theirs_up = build(None, baseline).indicator(ind.MOVING_UP)
    mine_up = mine.indicator(ind.MOVING_UP)
    assert theirs_up.n > 0
    assert (mine_up.numerator, mine_up.n) == (theirs_up.numerator, theirs_up.n)
    assert mine.moving_from == baseline
    everything = build(None)  # each pair of rounds once, counted once
    assert (everything.indicator(ind.MOVING_UP).numerator,
            everything.indicator(ind.MOVING_UP).n) == l4.moved_up(
        [c for p in everything.pairs for c in p.comparisons])
    manager = django_user_model.objects.create_superuser("results-reader", password="pw-1-test")
    client = Client()
    client.force_login(manager)
    data = json.loads(client.get(f"/indicators/e/{follow_up.slug}/download/json/").content)
    [level4] = data["level4"]
    assert (level4["earlier"], level4["later"]) == (baseline.slug, follow_up.slug)
    assert any(s["verdict"] == "tested" for s in level4["sections"])
    page = client.get(f"/indicators/e/{follow_up.slug}/").content.decode()
    assert "p = " in page and "Too few to say" in page
