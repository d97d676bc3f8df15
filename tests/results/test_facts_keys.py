"""An indicator's ``facts`` have the same keys whatever the engagement: Kenya's level-3
facts had no ``supervisors_outside_window`` where Djibouti's had it, so a program reading
the results JSON or API found a key one day and not the next. Every count is there (0 when
none) and every mean (null when nothing is averaged)."""

from __future__ import annotations

import pytest
from django.test import Client

from govcap.results.core import indicators as ind
from govcap.results.core.indicators import FollowUpRow, Indicator
from tests.results.test_follow_up_window import application

pytestmark = pytest.mark.django_db

LEVEL_3 = [
    "supervisors",
    "supervisors_applied",
    "outside_window",
    "outside_window_applied",
    "supervisors_outside_window",
    "supervisors_outside_window_applied",
]


def test_level_3_has_every_count_with_answers_outside_the_window_or_without():
    inside = application([FollowUpRow(1, "participant", "yes")])
    assert inside.facts == dict.fromkeys(LEVEL_3, 0)
    outside = application([FollowUpRow(1, "supervisor", "yes", in_window=False)])
    assert list(outside.facts) == LEVEL_3
    assert outside.facts["supervisors_outside_window"] == 1


def test_an_indicator_made_with_some_facts_has_all_its_counts():
    cost = Indicator(ind.COST_PER_PARTICIPANT, ind.MONEY, None, 0, facts={"courses_run": 2})
    assert cost.facts == {
        "courses_with_cost": 0,
        "courses_run": 2,
        "cost_cents": 0,
        "share_of_cost": 0,
    }


def test_the_json_of_a_scope_without_answers_gives_every_key(programme):
    client = Client()
    client.force_login(programme.manager)
    data = client.get("/api/results/indicators").json()
    for indicator in data["indicators"]:
        keys = set(ind.FACT_KEYS[indicator["key"]])
        if indicator["unit"] == ind.MONEY:  # the cents are given as "cost", in units
            keys = keys - {"cost_cents"} | {"cost"}
        assert set(indicator["facts"]) == keys, indicator["key"]
    by_key = {i["key"]: i for i in data["indicators"]}
    assert by_key[ind.APPLICATION]["facts"]["supervisors_outside_window"] == 0
    assert by_key[ind.SATISFACTION]["facts"] == {"mean_rating": None}
    assert by_key[ind.LEARNING_GAIN]["facts"]["mean_pre"] is None
