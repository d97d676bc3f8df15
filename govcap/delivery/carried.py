"""Deliveries that a new version of the plan keeps (planning.committed): what it reads of
them, and the carry-over when that version is approved.

A delivery running, being prepared with a start date, or completed is a fact the next
version keeps as it is (same cohort ID, its actual month); a cancelled or merged one is
not (its needs are planned again, or the delivery it merged into carries them). When the
version that keeps it is approved, the delivery is linked to that version — the plan in
force — so it is listed with the current plan's courses, not under earlier versions.
"""

from __future__ import annotations

from govcap.accounts import audit
from govcap.delivery.models import Delivery
from govcap.planning.core.committed import CommittedCohort


def committed_of(engagement) -> tuple[CommittedCohort, ...]:
    out: list[CommittedCohort] = []
    deliveries = (Delivery.objects.filter(engagement=engagement)
                  .filter(status__in=(Delivery.Status.IN_PROGRESS, Delivery.Status.COMPLETED,
                                      Delivery.Status.PLANNED))
                  .select_related("plan").order_by("cohort_id", "id"))
    for d in deliveries:
        if d.status == Delivery.Status.PLANNED and d.start_date is None:
            continue  # not prepared yet: the new version may still plan it
        cohort = next((c for c in d.plan.data.get("cohorts", ())
                       if c.get("cohort_id") == d.cohort_id), None)
        if cohort is None:
            continue
        month = d.start_date.strftime("%Y-%m") if d.start_date else d.planned_month
        out.append(CommittedCohort(
            d.cohort_id, d.module_code, cohort.get("language", ""), month, d.status,
            tuple((m["org_id"], int(m["participants"])) for m in cohort.get("members", ())),
            d.plan.version))
    return tuple(out)


def carry_over(plan, user) -> int:
    """Link to ``plan`` the deliveries of the cohorts it carries from earlier versions."""
    carried = {c["cohort_id"]: c["carried_from"] for c in plan.data.get("cohorts", ())
               if c.get("carried_from")}
    moved = 0
    for d in (Delivery.objects.filter(engagement_id=plan.engagement_id,
                                      cohort_id__in=list(carried))
              .exclude(plan=plan).select_related("plan")):
        if d.plan.version != carried[d.cohort_id]:
            continue
        before = d.plan.version
        d.plan = plan
        d.save(update_fields=["plan", "updated_at"])
        audit.record(user, "delivery-carried", d, {"plan_version": before},
                     {"plan_version": plan.version})
        moved += 1
    return moved
