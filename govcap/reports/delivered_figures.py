"""What the delivery records say a plan's courses cost and whom they trained, for the donor's
programme plan: the cost recorded (``Delivery.cost_cents``) and the participants nominated
and completed, counted as the results pages count them (``results.queries.delivery_rows``:
a course's trainees are its participants; its recorded cost, the money spent). The
programme said "USD 62,100.50 paid for the 6 cohorts that earlier rounds delivered … 81
participant places" for Kenya's baseline: the plan's cost with its contingency and its
planned seats, where the records add up to USD 55,840.74, 77 nominated and 55 completed."""

from __future__ import annotations

from typing import Any

from govcap.reports.course_states import Actual, read

__all__ = ["Actual", "actuals"]


def actuals(plan: Any) -> dict[str, Actual]:
    """Cohort ID → what its delivery records, for the courses of ``plan`` (a stored Plan)
    that have one: its own, and those it keeps from an earlier version — the deliveries
    ``course_states.recorded`` reads, in the same query (``course_states.read``). A cost
    recorded in another currency than the plan's is not counted (None): the plan's is
    then said, as planned."""
    return read(plan).actuals
