"""Indicator arithmetic against counts made by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.results.core import indicators as ind
from govcap.results.core.indicators import (
    DeliveryRow,
    FollowUpRow,
    LearningRow,
    ReactionRow,
    Targets,
    TraineeRow,
)

D1 = DeliveryRow("d1", "completed", "USD", 4, 400_000, 360_000, dt.date(2025, 5, 5),
                 dt.date(2025, 5, 8))
D2 = DeliveryRow("d2", "in_progress", "USD", 4, 400_000, None, dt.date(2025, 9, 1))
D3 = DeliveryRow("d3", "cancelled", "USD", 4, 400_000, None, dt.date(2025, 11, 1))


def trainee(i, delivery, completion="", gender="female", org="MoICT", seniority="senior"):
    return TraineeRow(i, delivery, org, "Kenya", "change-management", gender, seniority,
                      completion)


TRAINEES = [
    trainee("t1", "d1", "completed", "female"),
    trainee("t2", "d1", "completed", "male", org="ICTA", seniority="middle"),
    trainee("t3", "d1", "dropped", "female"),
    trainee("t4", "d1", "", "male"),  # completion not recorded: not completed
    trainee("t5", "d2", "completed", "female", org="ICTA"),
    trainee("t6", "d3", "completed", "female"),  # a cancelled course never counts
]


def by_key(found, key, currency=""):
    return next(i for i in found if i.key == key and i.currency == currency)


def test_officials_trained_completion_and_women_by_hand():
    found = ind.indicators([D1, D2, D3], TRAINEES, targets=Targets(participants=8,
                                                                   women_percent=50))
    trained = by_key(found, ind.OFFICIALS_TRAINED)
    assert (trained.value, trained.n, trained.target) == (3, 5, 8)  # t1 t2 t5 of t1–t5
    sex = {(s.key, s.count) for s in trained.breakdown if s.dimension == "sex"}
    assert sex == {("female", 2), ("male", 1)}
    orgs = {(s.key, s.count) for s in trained.breakdown if s.dimension == "organisation"}
    assert orgs == {("MoICT", 1), ("ICTA", 2)}
    women = by_key(found, ind.WOMEN_SHARE)
    assert (women.numerator, women.n) == (2, 3) and women.value == pytest.approx(200 / 3)
    # completion: only the completed delivery d1 — 1 of t1…t4 completed? t1 and t2: 2 of 4
    rate = by_key(found, ind.COMPLETION_RATE)
    assert (rate.numerator, rate.n, rate.value) == (2, 4, 50.0)
    assert rate.facts == {"partial": 0, "dropped": 1, "not_recorded": 1}
    assert trained.period == (dt.date(2025, 5, 5), dt.date(2025, 9, 1))


def test_costs_divide_the_recorded_cost_by_its_deliveries_participants():
    found = ind.indicators([D1, D2, D3], TRAINEES, targets=Targets(
        cost_per_participant_cents=ind.planned_cost_per_participant([D1, D2, D3])))
    each = by_key(found, ind.COST_PER_PARTICIPANT, "USD")
    completed = by_key(found, ind.COST_PER_COMPLETED, "USD")
    assert (each.value, each.n) == (90_000, 4)  # 3,600.00 over t1–t4 (d2 has no cost yet)
    assert (completed.value, completed.n) == (180_000, 2)
    assert each.target == 100_000  # 8,000.00 planned for 8 (d1, d2; d3 was cancelled)


def test_costs_in_two_currencies_are_never_added():
    djf = DeliveryRow("d9", "completed", "DJF", 2, 0, 5_000_000)
    found = ind.indicators([D1, djf], [*TRAINEES[:4], trainee("t9", "d9", "completed")])
    assert {i.currency for i in found if i.key == ind.COST_PER_PARTICIPANT} == {"USD", "DJF"}
    assert by_key(found, ind.COST_PER_PARTICIPANT, "DJF").value == 5_000_000


def test_evaluation_levels_by_hand():
    reactions = [ReactionRow("t1", (5, 4, 4, None)),  # mean 4.33: satisfied
                 ReactionRow("t2", (3, 4, 4, 4)),  # mean 3.75: not
                 ReactionRow("t3", (None, None, None, None))]  # answered nothing: left out
    learning = [LearningRow("t1", 40.0, 80.0), LearningRow("t2", 50.0, 60.0),
                LearningRow("t3", 30.0, None)]
    follow_ups = [FollowUpRow("t1", "participant", "yes"),
                  FollowUpRow("t2", "participant", "no"),
                  FollowUpRow("t5", "participant", "partly"),
                  FollowUpRow("t1", "supervisor", "yes"),
                  FollowUpRow("t2", "participant", "")]  # not answered yet
    found = ind.indicators([D1, D2], TRAINEES[:5], reactions, learning, follow_ups,
                           moving_up=(2, 3))
    l1 = by_key(found, ind.SATISFACTION)
    assert (l1.numerator, l1.n, l1.value) == (1, 2, 50.0)
    l2 = by_key(found, ind.LEARNING_GAIN)
    assert (l2.n, l2.value) == (2, 25.0)  # (40 + 10) / 2
    assert l2.facts["pre_only"] == 1
    l3 = by_key(found, ind.APPLICATION)
    assert (l3.numerator, l3.n) == (2, 3) and l3.facts["supervisors"] == 1
    up = by_key(found, ind.MOVING_UP)
    assert (up.numerator, up.n) == (2, 3)


def test_nothing_recorded_gives_no_value_never_zero_percent():
    found = ind.indicators([D2], [trainee("t1", "d2")])
    for key in (ind.COMPLETION_RATE, ind.SATISFACTION, ind.LEARNING_GAIN, ind.APPLICATION,
                ind.MOVING_UP):
        indicator = by_key(found, key)
        assert indicator.value is None and indicator.n == 0, key


def test_level_4_spans_the_rounds_it_compares_not_the_courses():
    rounds = (dt.date(2025, 2, 10), dt.date(2026, 5, 29))
    found = ind.indicators([D1], TRAINEES[:4], moving_up=(2, 3), rounds_period=rounds)
    assert by_key(found, ind.MOVING_UP).period == rounds
    assert by_key(found, ind.OFFICIALS_TRAINED).period == (dt.date(2025, 5, 5),
                                                           dt.date(2025, 5, 8))
    # a follow-up with no course of its own still has the rounds' span
    assert by_key(ind.indicators([], [], moving_up=(1, 2), rounds_period=rounds),
                  ind.MOVING_UP).period == rounds


def test_a_course_that_has_not_run_counts_nowhere_yet():
    planned = DeliveryRow("d4", "planned", "USD", 5, 900_000, None, dt.date(2027, 2, 1),
                          dt.date(2027, 2, 5))
    people = [*TRAINEES[:4], trainee("t7", "d4", "completed"), trainee("t8", "d4")]
    found = ind.indicators([D1, planned], people)
    trained = by_key(found, ind.OFFICIALS_TRAINED)
    assert (trained.value, trained.n) == (2, 4)  # t1 t2 of t1–t4; d4's nominees are not in n
    assert trained.period == (dt.date(2025, 5, 5), dt.date(2025, 5, 8))
    # the cost target is the planned cost of the courses whose actual cost is counted (d1)
    assert ind.planned_cost_per_participant([D1, D2, planned]) == {"USD": 400_000 / 4}


def test_a_narrowed_readers_cost_is_their_share_of_each_course():
    # d1 cost 3,600.00 for 4 participants; the reader sees t1 and t2 only (2 of 4): half
    d1 = DeliveryRow("d1", "completed", "USD", 4, 400_000, 360_000, dt.date(2025, 5, 5),
                     dt.date(2025, 5, 8), nominees=4)
    d4 = DeliveryRow("d4", "completed", "USD", 5, 500_000, 250_000, dt.date(2025, 6, 5),
                     dt.date(2025, 6, 8), nominees=5)  # nobody of theirs: none of its cost
    seen = TRAINEES[:2]
    found = ind.indicators([d1, d4], seen)
    cost = by_key(found, ind.COST_PER_PARTICIPANT, "USD")
    assert (cost.value, cost.n) == (90_000, 2)  # 180,000 ÷ 2, not 610,000 ÷ 2
    assert ind.planned_cost_per_participant([d1, d4], seen) == {"USD": 100_000}


def test_a_narrowed_readers_cost_target_shares_the_plan_by_its_seats_not_the_nominees():
    # d1: 4 planned seats for 4,000.00, one of them theirs, two of its 4 nominees theirs;
    # d2: 10 seats for 5,000.00, four theirs, one of its 5 nominees theirs
    d1 = DeliveryRow("d1", "completed", "USD", 4, 400_000, 360_000, nominees=4,
                     planned_theirs=1)
    d2 = DeliveryRow("d2", "completed", "USD", 10, 500_000, 250_000, nominees=5,
                     planned_theirs=4)
    seen = [trainee("t1", "d1"), trainee("t2", "d1"), trainee("t3", "d2")]
    # (1,000.00 + 2,000.00) ÷ 5 seats, not (2,000.00 + 1,000.00) ÷ (2 + 2) by the nominees
    assert ind.planned_cost_per_participant([d1, d2], seen) == {"USD": 60_000}


def test_level_4_has_the_rounds_period_only_never_the_courses():
    """One definition: without a later round, level 4 has no period (the page says "no
    later round yet"), not the courses' dates."""
    from django.utils import translation

    from govcap.results import document

    moving = by_key(ind.indicators([D1], TRAINEES[:4]), ind.MOVING_UP)
    assert moving.period is None
    with translation.override("en"):
        assert document.period(moving) == "no later round yet"


def test_a_cost_without_a_figure_says_why_and_its_currency():
    from django.utils import translation

    from govcap.results import document

    planned = DeliveryRow("p1", "planned", "USD", 4, 400_000, None, dt.date(2026, 7, 6),
                          dt.date(2026, 7, 8))
    nothing_ran = by_key(ind.indicators([planned], [trainee("t9", "p1")]),
                         ind.COST_PER_PARTICIPANT, "USD")
    no_cost = by_key(ind.indicators([D2], [TRAINEES[4]]), ind.COST_PER_PARTICIPANT, "USD")
    with translation.override("en"):
        assert document.name(nothing_ran) == "Cost per participant (USD)"
        assert document.target(nothing_ran, nothing_ran.target) == "no course has run yet"
        assert document.actual(nothing_ran) == "no course has run yet"
        assert document.target(no_cost, no_cost.target) == "no cost recorded"
        assert document.actual(no_cost) == "no cost recorded"


def test_a_narrowed_readers_period_is_over_the_courses_of_their_scope():
    """A course whose participants the reader sees none of (another organisation's) is not
    in their period; a course without participants recorded still is."""
    theirs = DeliveryRow("d1", "completed", "USD", 4, 400_000, 360_000, dt.date(2025, 5, 5),
                         dt.date(2025, 5, 8), nominees=4)
    others = DeliveryRow("d9", "completed", "USD", 4, 400_000, 360_000, dt.date(2025, 10, 6),
                         dt.date(2025, 10, 9), nominees=3)
    found = ind.indicators([theirs, others], [trainee("t1", "d1", "completed", org="KRA")])
    assert by_key(found, ind.OFFICIALS_TRAINED).period == (dt.date(2025, 5, 5),
                                                           dt.date(2025, 5, 8))
    empty = DeliveryRow("d8", "completed", "USD", 4, 400_000, None, dt.date(2025, 12, 1),
                        dt.date(2025, 12, 2), nominees=0)
    found = ind.indicators([theirs, others, empty], [trainee("t1", "d1", "completed")])
    assert by_key(found, ind.OFFICIALS_TRAINED).period[1] == dt.date(2025, 12, 2)


def test_a_cancelled_courses_evaluations_count_nowhere():
    # Cancelled after its follow-ups were answered, a course left "officials trained" but
    # still counted in level 3 (81%, 22 of 27 stayed).
    gone = trainee("t9", "d3", "completed")
    follow_ups = [FollowUpRow("t1", "participant", "yes"), FollowUpRow("t9", "participant", "no")]
    reactions = [ReactionRow("t1", (5, 5, 5, 5)), ReactionRow("t9", (1, 1, 1, 1))]
    found = ind.indicators([D1, D3], [*TRAINEES[:4], gone], reactions, [], follow_ups)
    assert (by_key(found, ind.APPLICATION).numerator, by_key(found, ind.APPLICATION).n) == (1, 1)
    assert by_key(found, ind.SATISFACTION).n == 1
