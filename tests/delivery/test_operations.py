"""Changes to a delivery are operations: applied once, refused on a stale revision, audited."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core.exceptions import PermissionDenied

from govcap.accounts.models import AuditEvent
from govcap.delivery import services
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import Delivery, DeliveryOperation, Trainee
from govcap.planning.models import Plan


def change(kind, revision=1, op_id=None, **values):
    return services.Change(kind, op_id or uuid.uuid4(), revision, values)


def test_a_delivery_carries_the_plan_line_it_delivers(course):
    d, cohort = course.delivery, course.cohort
    assert (d.module_code, d.planned_participants, d.planned_cost_cents, d.planned_month) == (
        cohort["module_code"], cohort["participants"], cohort["cost_cents"], cohort["month"])
    assert d.engagement == course.engagement and d.status == Delivery.Status.PLANNED


def test_only_an_approved_plans_course_can_be_delivered(course):
    Plan.objects.filter(pk=course.plan.pk).update(status=Plan.Status.DRAFT)
    course.plan.refresh_from_db()
    with pytest.raises(services.DeliveryError):
        services.create_delivery(course.coordinator, course.plan,
                                 course.plan.data["cohorts"][-1]["cohort_id"])
    with pytest.raises(PermissionDenied):
        services.create_delivery(course.viewer, course.plan, course.cohort["cohort_id"])


def test_an_edit_raises_the_revision_and_is_audited_with_its_op_id(course):
    op = uuid.uuid4()
    d = services.apply_change(course.coordinator, course.delivery, change(
        "edit", op_id=op, venue="KSG Lower Kabete", mode="blended", cost_cents=412_000,
        start_date="2026-05-04", end_date="2026-05-05"))
    assert (d.revision, d.venue, d.mode, d.cost_cents) == (2, "KSG Lower Kabete", "blended",
                                                          412_000)
    event = AuditEvent.objects.get(object_uuid=d.uuid, action="edit")
    assert event.op_id == op and event.after["venue"] == "KSG Lower Kabete"
    assert event.before["venue"] == ""


def test_a_retry_of_the_same_operation_is_applied_once(course):
    op = uuid.uuid4()
    services.apply_change(course.coordinator, course.delivery, change("move", op_id=op,
                          start_date="2026-06-01", end_date="2026-06-02"))
    again = services.apply_change(course.coordinator, course.delivery, change(
        "move", op_id=op, start_date="2026-06-01", end_date="2026-06-02"))
    assert again.revision == 2 and DeliveryOperation.objects.filter(op_id=op).count() == 1


def test_a_change_made_on_a_stale_revision_is_refused_and_changes_nothing(course):
    services.apply_change(course.coordinator, course.delivery, change("edit", venue="Nairobi"))
    with pytest.raises(services.StaleRevision):
        services.apply_change(course.coordinator, course.delivery,
                              change("edit", revision=1, venue="Mombasa"))
    d = Delivery.objects.get(pk=course.delivery.pk)
    assert (d.venue, d.revision) == ("Nairobi", 2)
    assert DeliveryOperation.objects.filter(delivery=d).count() == 1


def test_a_move_cannot_end_before_it_starts_and_leaves_the_revision(course):
    with pytest.raises(services.DeliveryError):
        services.apply_change(course.coordinator, course.delivery, change(
            "move", start_date="2026-06-05", end_date="2026-06-01"))
    assert Delivery.objects.get(pk=course.delivery.pk).revision == 1


def test_a_cancelled_delivery_says_why_and_then_refuses_changes(course):
    with pytest.raises(services.DeliveryError):
        services.apply_change(course.coordinator, course.delivery, change("cancel", reason=" "))
    d = services.apply_change(course.coordinator, course.delivery,
                              change("cancel", reason="Budget frozen"))
    assert (d.status, d.cancel_reason) == (Delivery.Status.CANCELLED, "Budget frozen")
    with pytest.raises(services.DeliveryError):
        services.apply_change(course.coordinator, d, change("edit", revision=2, venue="x"))
    with pytest.raises(services.DeliveryError):
        services.record_attendance(course.coordinator, d, [Mark("T1", 1, True)])


def test_a_merge_moves_the_nominees_to_the_other_delivery_with_new_codes(course):
    other = Delivery.objects.create(
        engagement=course.engagement, plan=course.plan,
        cohort_id=course.delivery.cohort_id.rsplit("/", 1)[0] + "/99",
        module_code=course.delivery.module_code, days=2)
    Trainee.objects.create(delivery=other, code="T1", organisation=course.agency)
    d = services.apply_change(course.coordinator, course.delivery,
                              change("merge", into=str(other.uuid)))
    assert d.status == Delivery.Status.MERGED and d.merged_into == other
    assert sorted(other.trainees.values_list("code", flat=True)) == ["T1", "T2"]
    moved = Trainee.objects.get(pk=course.trainee.pk)
    assert moved.delivery == other and moved.code == "T2"
    assert AuditEvent.objects.filter(object_uuid=moved.uuid, action="merge").exists()


def test_only_the_engagements_coordinators_change_a_delivery(course):
    for who in (course.viewer, course.facilitator, course.provider, course.outsider):
        with pytest.raises(PermissionDenied):
            services.apply_change(who, course.delivery, change("edit", venue="x"))


def test_completion_needs_the_attendance_or_a_reason(course):
    t = course.trainee
    with pytest.raises(services.DeliveryError, match="attended 0 of 2"):
        services.set_completion(course.coordinator, t, "completed")
    with pytest.raises(services.DeliveryError):
        services.set_completion(course.coordinator, t, "dropped", "")
    services.record_attendance(course.provider, course.delivery,
                               [Mark("T1", 1, True), Mark("T1", 2, True)])
    assert services.set_completion(course.coordinator, t, "completed").completion == "completed"
    assert Delivery.objects.get(pk=course.delivery.pk).status == Delivery.Status.IN_PROGRESS


def test_attendance_outside_the_course_days_is_refused_whole(course):
    with pytest.raises(services.DeliveryError):
        services.record_attendance(course.coordinator, course.delivery,
                                   [Mark("T1", 1, True), Mark("T1", 3, True)])
    assert not course.trainee.attendance.exists()


def test_a_nominees_name_is_kept_apart_and_the_findings_compare_with_the_plan(course):
    t = Trainee.objects.select_related("identity").get(pk=course.trainee.pk)
    assert t.identity.name == "Amina W." and t.code == "T1"
    assert not any("Amina" in str(v) for v in AuditEvent.objects.filter(
        object_uuid=t.uuid).values_list("after", flat=True))
    findings = services.nomination_findings(course.delivery, [t])
    planned = services.planned_by_org(course.delivery)
    kinds = {f.kind for f in findings}
    assert ("under_plan" in kinds) == (planned.get(str(course.ministry.uuid), 0) > 1)
    assert "few_women" not in kinds  # one woman of one


def test_dates_given_as_dates_are_kept(course):
    d = services.apply_change(course.coordinator, course.delivery, change(
        "move", start_date=dt.date(2026, 7, 1), end_date=dt.date(2026, 7, 2)))
    assert d.start_date == dt.date(2026, 7, 1)
