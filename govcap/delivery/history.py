"""What the deliveries of earlier rounds tell the next round's plan (issue 14's "rounds
remembered", issue 17's loop): per organisation and module, whether the course was had.

A completed delivery gives a ``delivered`` record to each organisation with at least one
participant who completed it, in the month it started; the cohort's other organisations
(their people dropped out, or came only in part) did not have it. A cancelled delivery was
had by none of its organisations. Planned and running deliveries say nothing yet (the
approved plan's record stands), and a merged one is told by the delivery it merged into.
"""

from __future__ import annotations

from govcap.delivery.models import Delivery, Trainee
from govcap.planning.core.inputs import FROM_DELIVERY, PreviousCourse
from govcap.planning.inputs_db import DeliveredCourses


def courses_of(engagements: list) -> DeliveredCourses:
    by_id = {e.id: e for e in engagements}
    deliveries = (Delivery.objects.filter(engagement_id__in=by_id,
                                          status__in=(Delivery.Status.COMPLETED,
                                                      Delivery.Status.CANCELLED))
                  .select_related("plan"))
    completed: dict[int, set[str]] = {}
    for delivery_id, org_uuid in (Trainee.objects
                                  .filter(delivery__in=deliveries,
                                          completion=Trainee.Completion.COMPLETED)
                                  .values_list("delivery_id", "organisation__uuid")):
        completed.setdefault(delivery_id, set()).add(str(org_uuid))
    delivered: dict[tuple[str, str, int], PreviousCourse] = {}
    not_had: set[tuple[str, str, int]] = set()
    for d in deliveries:
        engagement = by_id[d.engagement_id]
        done = completed.get(d.id, set()) if d.status == Delivery.Status.COMPLETED else set()
        month = d.start_date.strftime("%Y-%m") if d.start_date else (d.planned_month or None)
        for org_id in done:
            delivered[(org_id, d.module_code, engagement.round_number)] = PreviousCourse(
                org_id=org_id, module_code=d.module_code, month=month,
                engagement_name=engagement.name, round_number=engagement.round_number,
                source=FROM_DELIVERY, plan_version=d.plan.version)
        for org_id in _members(d) - done:
            not_had.add((org_id, d.module_code, engagement.round_number))
    return DeliveredCourses(tuple(delivered.values()), frozenset(not_had - set(delivered)))


def _members(delivery: Delivery) -> set[str]:
    """The organisations the plan put in the delivered cohort."""
    for cohort in delivery.plan.data.get("cohorts", ()):
        if cohort.get("cohort_id") == delivery.cohort_id:
            return {m["org_id"] for m in cohort.get("members", ())}
    return set()
