"""What the delivery records say a plan's courses cost and whom they trained, for the donor's
programme plan: the cost recorded (``Delivery.cost_cents``) and the participants nominated
and completed, counted as the results pages count them (``results.queries.delivery_rows``:
a course's trainees are its participants; its recorded cost, the money spent). The
programme said "USD 62,100.50 paid for the 6 cohorts that earlier rounds delivered … 81
participant places" for Kenya's baseline: the plan's cost with its contingency and its
planned seats, where the records add up to USD 55,840.74, 77 nominated and 55 completed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from govcap.delivery.models import Delivery


@dataclass(frozen=True)
class Actual:
    cost_cents: int | None  # in the plan's currency; None: no cost recorded
    nominated: int
    completed: int


def actuals(plan: Any) -> dict[str, Actual]:
    """Cohort ID → what its delivery records, for the courses of ``plan`` (a stored Plan)
    that have one: its own, and those it keeps from an earlier version (the deliveries
    ``course_states.recorded`` reads). A cost recorded in another currency than the plan's
    is not counted (None): the plan's is then said, as planned."""
    carried = {c["cohort_id"]: c["carried_from"] for c in plan.data.get("cohorts", ())
               if c.get("carried_from")}
    currency = plan.data.get("currency", "USD")
    rows = (Delivery.objects.filter(engagement_id=plan.engagement_id)
            .annotate(n=Count("trainees"),
                      done=Count("trainees", filter=Q(trainees__completion="completed")))
            .values_list("cohort_id", "plan_id", "plan__version", "cost_cents", "currency",
                         "n", "done"))
    out: dict[str, Actual] = {}
    for cohort_id, plan_id, version, cost, said_in, n, done in rows:
        if plan_id == plan.pk or carried.get(cohort_id) == version:
            out[cohort_id] = Actual(cost if said_in == currency else None, n, done)
    return out
