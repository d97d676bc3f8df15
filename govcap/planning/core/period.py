"""The plan's period, defined once for the plan page and every plan document.

The period is the first month a scheduled course of the plan starts in to the last month a
training day of it falls in (coaching and on-the-job days spread over the months after the
one they start in: ``Cohort.day_months``) — the courses kept from an earlier version
(running, being prepared or delivered) included, since the plan holds them. The reassessments that check the plan come after its training: their
months are given apart (``reassess_first`` / ``reassess_last``), never folded into the period,
and only when the last falls after the training. ``new_first`` is the first month of a course
planned afresh (not kept): what a reader is asked to start.

The horizon the generator searched (``PlanData.months``) is a setting, not the period: a plan
of twelve months' horizon can run five.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from govcap.planning.core.inputs import add_months
from govcap.planning.core.narrow import attended, concerns
from govcap.planning.core.plan import SCHEDULED, Cohort, PlanData


@dataclass(frozen=True)
class PlanPeriod:
    first: str | None = None  # "YYYY-MM": the first month a course starts; None: no course
    last: str | None = None
    new_first: str | None = None  # the first course not kept from an earlier version
    reassess_first: str | None = None  # the reassessments, when they end after the training
    reassess_last: str | None = None

    @property
    def empty(self) -> bool:
        return self.first is None


def scheduled_cohorts(plan: PlanData, org_id: str | None = None) -> list[Cohort]:
    """The plan's scheduled cohorts (one organisation's: those it attends)."""
    return [c for c in attended(plan.cohorts, org_id) if c.status == SCHEDULED and c.month]


def period_of(months: Iterable[str], new_months: Iterable[str] = (),
              reassess: Iterable[str] = ()) -> PlanPeriod:
    used = sorted(m for m in months if m)
    if not used:
        return PlanPeriod()
    fresh = sorted(m for m in new_months if m)
    later = sorted(m for m in reassess if m)
    if later and later[-1] > used[-1]:
        return PlanPeriod(used[0], used[-1], fresh[0] if fresh else None, later[0], later[-1])
    return PlanPeriod(used[0], used[-1], fresh[0] if fresh else None)


def plan_period(plan: PlanData, org_id: str | None = None) -> PlanPeriod:
    """The period of the whole plan, or (``org_id``) of one organisation's plan."""
    cohorts = scheduled_cohorts(plan, org_id)
    return period_of((m for c in cohorts for m in (c.month or "", c.last_month or "")),
                     (c.month or "" for c in cohorts if not c.delivery),
                     (i.reassess_month or "" for i in plan.indicators
                      if concerns(i.org_id, org_id)))


def months_of(period: PlanPeriod) -> list[str]:
    """Every month of the period, first to last (none when it is empty)."""
    if period.first is None or period.last is None:
        return []
    out, month = [], period.first
    while month <= period.last:
        out.append(month)
        month = add_months(month, 1)
    return out
