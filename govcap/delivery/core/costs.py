"""A reader's share of a course: who sees some of its organisations only sees the cost of
their seats, the results pages and the delivery pages alike."""

from __future__ import annotations


def seat_share(theirs: int, whole: int) -> float:
    """The reader's share of a course's seats: their participants ÷ all its participants
    (1 for a course without any)."""
    return min(1.0, theirs / whole) if whole else 1.0


def planned_share(theirs_planned: int, planned: int) -> float:
    """The reader's share of a course's planned cost, on the plan's own base: the seats
    the plan gives their organisations ÷ all the seats of its cohort (the plan prices
    seats; who was nominated later does not change what was planned)."""
    return seat_share(theirs_planned, planned)
