"""What became of an approved plan's courses, read from their delivery records, for the
documents (a course's state) and the donor's programme plan (cohorts by quarter, counted by
state). One rule, ``planning.wording.course_late``'s — the plan page's too: a course whose month
has passed and whose delivery does not record it as run (no delivery at all, or one still
being prepared) is "not recorded as run"; one running past its month has no completion
recorded. A course's month is its delivery's first day's when set (a delivery moved to
another month), else the plan's."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from govcap.delivery.models import Delivery
from govcap.planning.core.plan import Cohort
from govcap.planning.wording import course_late

# the states counted apart, in the order a reader follows a course
STATES = ("completed", "in_progress", "not_run", "planned", "cancelled", "merged")


@dataclass(frozen=True)
class Recorded:
    status: str  # the delivery's: planned | in_progress | completed | cancelled | merged
    month: str  # "2026-08": its first day's month, else the month the plan gave it
    # its first and last days when recorded: a delivered course is said with them
    # ("Delivered 7–9 July 2025"), as the organisation page says it
    start: datetime.date | None = None
    end: datetime.date | None = None


@dataclass(frozen=True)
class Actual:
    """What a course's delivery records it cost and whom it trained
    (``delivered_figures``)."""

    cost_cents: int | None  # in the plan's currency; None: no cost recorded
    nominated: int
    completed: int


@dataclass(frozen=True)
class Deliveries:
    """A plan's courses' deliveries, read once: their states (``records``) and their
    recorded cost and participants (``actuals``), by cohort ID."""

    records: dict[str, Recorded]
    actuals: dict[str, Actual]


def read(plan: Any) -> Deliveries:
    """The deliveries of the courses of ``plan`` (a stored Plan) that have one: its own
    courses', and those it keeps from an earlier version (delivered under that version's
    plan), in one query — the programme read them twice a plan, once for the states and
    once for the figures. A cost recorded in another currency than the plan's is not
    counted (None): the plan's is then said, as planned."""
    carried = {c["cohort_id"]: c["carried_from"] for c in plan.data.get("cohorts", ())
               if c.get("carried_from")}
    currency = plan.data.get("currency", "USD")
    rows = (Delivery.objects.filter(engagement_id=plan.engagement_id)
            .annotate(n=Count("trainees"),
                      done=Count("trainees", filter=Q(trainees__completion="completed")))
            .values_list("cohort_id", "status", "start_date", "end_date", "planned_month",
                         "plan_id", "plan__version", "cost_cents", "currency", "n", "done"))
    out = Deliveries({}, {})
    for (cohort_id, status, start, end, planned, plan_id, version, cost, said_in, n,
         done) in rows:
        if plan_id == plan.pk or carried.get(cohort_id) == version:
            out.records[cohort_id] = Recorded(
                status, f"{start:%Y-%m}" if start else planned or "", start, end)
            out.actuals[cohort_id] = Actual(cost if said_in == currency else None, n, done)
    return out


def recorded(plan: Any) -> dict[str, Recorded]:
    """Cohort ID → its delivery, for the courses of ``plan`` that have one (``read``)."""
    return read(plan).records


def state(cohort: Cohort, records: dict[str, Recorded] | None,
          today: datetime.date | None = None) -> tuple[str, str]:
    """(state, month): one of :data:`STATES`, "not_completed" (running past its month, no
    completion recorded) or "" (``records`` is None: nothing known, a draft's course), with
    the month the state is said with."""
    if records is None and not cohort.delivery:
        return "", cohort.month or ""
    record = (records or {}).get(cohort.cohort_id)
    status = record.status if record is not None else (cohort.delivery or "planned")
    late, month = course_late(status, record.month if record is not None else "",
                              cohort.month, today)
    return (late or status), month


def nominated(plan: Any) -> dict[str, int]:
    """Cohort ID → how many are nominated to it, for the courses ``plan`` keeps from an
    earlier version (their deliveries are that version's)."""
    carried = {c["cohort_id"]: c["carried_from"] for c in plan.data.get("cohorts", ())
               if c.get("carried_from")}
    rows = (Delivery.objects.filter(engagement_id=plan.engagement_id,
                                    cohort_id__in=list(carried))
            .annotate(n=Count("trainees")).values_list("cohort_id", "plan__version", "n"))
    return {cohort_id: n for cohort_id, version, n in rows if carried.get(cohort_id) == version}


def over_planned(cohorts: list[Cohort], counts: dict[str, int]) -> list[tuple[Cohort, int]]:
    """The kept courses nominated beyond what the plan counts and costs for them, with how
    many are nominated (Djibouti's SVC-101: 14, the plan's 12): as the plan page warns."""
    return [(c, counts[c.cohort_id]) for c in cohorts
            if c.delivery and counts.get(c.cohort_id, 0) > c.participants]
