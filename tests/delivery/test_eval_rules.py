"""Evaluation rules on hand-made data: the level 2 gain, the share meeting each objective,
follow-up due dates and states, reading exported rows."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.delivery.core import evaluation as rules
from govcap.delivery.core.evaluation import Score


def test_the_gain_is_post_minus_pre_for_trainees_with_both():
    pre = {"T1": Score(2, 8), "T2": Score(4, 8), "T3": Score(1, 4), "T10": Score(0, 5)}
    post = {"T1": Score(6, 8), "T2": Score(4, 8), "T3": Score(4, 4), "T4": Score(3, 4)}
    s = rules.learning_summary(pre, post)
    assert [(g.code, g.points) for g in s.gains] == [("T1", 50.0), ("T2", 0.0), ("T3", 75.0)]
    assert (s.n, s.pre_only, s.post_only) == (3, 1, 1)  # T10 before only, T4 after only
    assert s.mean_gain == pytest.approx(125 / 3)
    assert s.mean_pre == pytest.approx((25 + 50 + 25) / 3)
    assert s.mean_post == pytest.approx((75 + 50 + 100) / 3)


def test_a_lower_post_score_is_a_negative_gain_and_no_pairs_no_mean():
    s = rules.learning_summary({"T1": Score(3, 4)}, {"T1": Score(1, 4)})
    assert s.mean_gain == -50.0
    empty = rules.learning_summary({"T1": Score(3, 4)}, {})
    assert (empty.n, empty.mean_gain, empty.pre_only) == (0, None, 1)


def test_the_share_meeting_each_objective_counts_item_by_item_answers_only():
    checks = [(True, False, True), (True, True, False), (False, False, True), ()]
    assert rules.objective_shares(checks, 3) == [(2, 3), (1, 3), (2, 3)]
    assert rules.score_of((True, False, True)) == Score(2, 3)


@pytest.mark.parametrize("end, due, close", [
    (dt.date(2025, 6, 12), dt.date(2025, 9, 12), dt.date(2025, 12, 12)),
    (dt.date(2025, 8, 31), dt.date(2025, 11, 30), dt.date(2026, 2, 28)),  # short months
    (dt.date(2025, 11, 30), dt.date(2026, 2, 28), dt.date(2026, 5, 30)),  # across the year
    (dt.date(2023, 11, 29), dt.date(2024, 2, 29), dt.date(2024, 5, 29)),  # leap year
])
def test_follow_ups_are_due_three_months_after_the_end_and_overdue_after_six(end, due, close):
    assert (rules.FOLLOW_UP_DUE_MONTHS, rules.FOLLOW_UP_CLOSE_MONTHS) == (3, 6)
    assert rules.follow_up_dates(end) == (due, close)


def test_a_follow_up_is_upcoming_then_due_then_overdue_unless_answered():
    due, close = dt.date(2025, 9, 1), dt.date(2025, 12, 1)
    state = rules.follow_up_state
    assert state(due, close, None, dt.date(2025, 8, 31)) == rules.UPCOMING
    assert state(due, close, None, due) == rules.DUE
    assert state(due, close, None, close) == rules.DUE
    assert state(due, close, None, dt.date(2025, 12, 2)) == rules.OVERDUE
    assert state(due, close, close, dt.date(2026, 1, 1)) == rules.ANSWERED
    # answered before its due day or after its close day: kept, not counted in the figure
    assert state(due, close, dt.date(2025, 8, 31), dt.date(2026, 1, 1)) == rules.OUTSIDE
    assert state(due, close, dt.date(2025, 12, 2), dt.date(2026, 1, 1)) == rules.OUTSIDE


def test_rows_of_an_export_are_read_with_every_problem_named():
    columns = {"trainee": "Code", "relevance": "Relevance", "comment": "Comment"}
    rows = [(2, {"trainee": "t1", "relevance": "5", "comment": ""}),
            (3, {"trainee": "T1", "relevance": "4"}),
            (4, {"trainee": "T9", "relevance": "4"}),
            (5, {"trainee": "T2", "relevance": "7"}),
            (6, {"trainee": "T3", "relevance": "", "comment": ""})]
    answers, problems = rules.read_reactions(rows, ["T1", "T2", "T3"], columns)
    assert [(a.code, a.ratings["relevance"]) for a in answers] == [("T1", 5)]
    assert [(p.kind, p.row, p.column) for p in problems] == [
        (rules.DUPLICATE, 3, "Code"), (rules.UNKNOWN_CODE, 4, "Code"),
        (rules.BAD_RATING, 5, "Relevance"), (rules.NOTHING, 6, "")]


def test_learning_rows_each_phase_once_per_trainee():
    rows = [(2, {"trainee": "T1", "phase": "pre", "o1": "yes", "o2": "no"}),
            (3, {"trainee": "T1", "phase": "post", "o1": "yes", "o2": "oui"}),
            (4, {"trainee": "T1", "phase": "post", "o1": "no", "o2": "no"}),
            (5, {"trainee": "T2", "phase": "later", "o1": "no", "o2": "maybe"})]
    answers, problems = rules.read_learning(rows, ["T1", "T2"], {}, 2)
    assert [(a.code, a.phase, a.objectives_met) for a in answers] == [
        ("T1", "pre", (True, False)), ("T1", "post", (True, True))]
    assert [(p.kind, p.row, p.column) for p in problems] == [
        (rules.DUPLICATE, 4, "trainee"), (rules.BAD_PHASE, 5, "phase"), (rules.BAD_MET, 5, "o2")]
