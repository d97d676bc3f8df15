"""What the deliveries of earlier rounds tell the next round's plan (issue 14's "rounds
remembered", issue 17's loop): per organisation and module, whether the course was had.

A completed delivery gives a ``delivered`` record to each organisation with at least one
participant who completed it, in the month it started; the cohort's other organisations
(their people dropped out, or came only in part) did not have it, and a cancelled delivery
was had by none of its organisations: each of those gets a record that says so
(``not-completed`` with its people, none of whom completed it, or ``cancelled``), which the
next round's plan gives as the reason the course is planned again. Planned and running
deliveries say nothing yet (the approved plan's record stands), and a merged one is told
by the delivery it merged into.
"""

from __future__ import annotations

from govcap.delivery.models import Delivery, Trainee
from govcap.planning.core.inputs import CANCELLED, FROM_DELIVERY, NOT_COMPLETED, PreviousCourse
from govcap.planning.inputs_db import DeliveredCourses


def courses_of(engagements: list) -> DeliveredCourses:
    by_id = {e.id: e for e in engagements}
    deliveries = (Delivery.objects.filter(engagement_id__in=by_id,
                                          status__in=(Delivery.Status.COMPLETED,
                                                      Delivery.Status.CANCELLED))
                  .select_related("plan"))
    # per delivery and organisation: its trainees, and those who completed
    counts: dict[tuple[int, str], list[int]] = {}
    for delivery_id, org_uuid, completion in (Trainee.objects
                                              .filter(delivery__in=deliveries)
                                              .values_list("delivery_id", "organisation__uuid",
                                                           "completion")):
        count = counts.setdefault((delivery_id, str(org_uuid)), [0, 0])
        count[0] += 1
        count[1] += completion == Trainee.Completion.COMPLETED
    delivered: dict[tuple[str, str, int], PreviousCourse] = {}
    missed: dict[tuple[str, str, int], PreviousCourse] = {}
    for d in deliveries:
        engagement = by_id[d.engagement_id]
        ran = d.status == Delivery.Status.COMPLETED
        month = d.start_date.strftime("%Y-%m") if d.start_date else (d.planned_month or None)
        for org_id in sorted(_members(d) | {o for i, o in counts if i == d.id}):
            people, done = counts.get((d.id, org_id), (0, 0))
            key = (org_id, d.module_code, engagement.round_number)
            record = PreviousCourse(
                org_id=org_id, module_code=d.module_code, month=month,
                engagement_name=engagement.name, round_number=engagement.round_number,
                source=FROM_DELIVERY, plan_version=d.plan.version,
                outcome="" if ran and done else NOT_COMPLETED if ran else CANCELLED,
                # counted only for a course not had: what the next plan says of it
                completed=0 if ran and not done else None,
                participants=people if ran and not done else None)
            (delivered if record.had else missed)[key] = record
    not_completed = tuple(r for k, r in missed.items() if k not in delivered)
    return DeliveredCourses(tuple(delivered.values()),
                            frozenset(k for k in missed if k not in delivered), not_completed)


def _members(delivery: Delivery) -> set[str]:
    """The organisations the plan put in the delivered cohort."""
    for cohort in delivery.plan.data.get("cohorts", ()):
        if cohort.get("cohort_id") == delivery.cohort_id:
            return {m["org_id"] for m in cohort.get("members", ())}
    return set()
