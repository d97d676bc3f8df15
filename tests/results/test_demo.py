"""The one demo test: Kenya's delivered baseline and its follow-up give every indicator
and a level-4 comparison whose counts add up."""

from __future__ import annotations

import pytest

from govcap.orgs.models import Engagement
from govcap.results.build import build
from govcap.results.core import indicators as ind
from tests.demo.helpers import run_demo


@pytest.mark.django_db
def test_the_demo_programme_results_add_up():
    run_demo()
    baseline = Engagement.objects.get(slug__startswith="kenya-baseline-2025")
    results = build(None, baseline)
    trained = results.indicator(ind.OFFICIALS_TRAINED)
    assert 0 < trained.value <= trained.n
    assert sum(s.count for s in trained.breakdown if s.dimension == "sex") == trained.value
    [pair] = results.pairs
    assert pair.pair.later.slug.startswith("kenya-follow-up-2026")
    # of the follow-up's six organisations, three are validated; two more have started
    assert pair.pair.not_validated == 2
    for comparison in pair.comparisons:
        paired = len(comparison.trained) + len(comparison.untrained) + len(comparison.left_out)
        assert paired == 3 and comparison.verdict == "too_few"
    assert results.is_demo
    assert build(None, baseline, include_demo=False).engagements == []
