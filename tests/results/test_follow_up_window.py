"""The level-3 figure counts the follow-ups answered 3 to 6 months after the course, as
every document defines it; answers given before or after are counted apart."""

from __future__ import annotations

import datetime as dt

from govcap.delivery.core.evaluation import in_window
from govcap.results.core import indicators as ind
from govcap.results.core.indicators import FollowUpRow


def test_the_window_runs_from_the_due_day_to_the_close_day():
    due, close = dt.date(2027, 3, 3), dt.date(2027, 6, 3)
    assert in_window(due, close, due) and in_window(close=close, due=due, answered_on=close)
    assert not in_window(due, close, dt.date(2026, 12, 5))  # 2 days after the course
    assert not in_window(due, close, dt.date(2027, 6, 4))


def application(rows: list[FollowUpRow]) -> ind.Indicator:
    return ind._application(rows, ind.Targets(), None)


def test_answers_outside_the_window_are_not_in_the_figure_but_counted_apart():
    rows = [
        FollowUpRow(1, "participant", "yes"),
        FollowUpRow(2, "participant", "no"),
        FollowUpRow(3, "participant", "yes", in_window=False),
        FollowUpRow(4, "participant", "partly", in_window=False),
        FollowUpRow(5, "participant", "no", in_window=False),
        FollowUpRow(1, "supervisor", "yes"),
        FollowUpRow(2, "supervisor", "yes", in_window=False),
        FollowUpRow(6, "participant", ""),  # not answered
    ]
    l3 = application(rows)
    assert (l3.numerator, l3.n, l3.value) == (1, 2, 50.0)
    assert l3.facts == {
        "supervisors": 1,
        "supervisors_applied": 1,
        "outside_window": 3,
        "outside_window_applied": 2,
        "supervisors_outside_window": 1,
        "supervisors_outside_window_applied": 1,
    }


def test_without_answers_outside_nothing_is_said_apart():
    l3 = application([FollowUpRow(1, "participant", "yes")])
    assert l3.facts["outside_window"] == 0 and l3.value == 100.0
