"""Moving a course: the records taken on its old dates go only when the coordinator says so,
a month the plan closes to training is refused with its reason, and the days must fit
between the dates."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from django.urls import reverse

from govcap.accounts.models import AuditEvent
from govcap.delivery import services
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import Attendance, Delivery, Trainee
from govcap.planning.models import Plan
from tests.security.helpers import client_for


def change(kind, revision=1, **values):
    return services.Change(kind, uuid.uuid4(), revision, values)


def ran_last_week(course) -> Delivery:
    """The course dated last week, T1 present both days and marked completed."""
    start = dt.date.today() - dt.timedelta(days=7)
    d = services.apply_change(course.coordinator, course.delivery, change(
        "move", start_date=start, end_date=start + dt.timedelta(days=1)))
    services.record_attendance(course.coordinator, d, [Mark("T1", 1, True), Mark("T1", 2, True)])
    services.set_completion(course.coordinator, course.trainee, "completed")
    return Delivery.objects.get(pk=d.pk)


def test_a_course_with_attendance_is_not_moved_without_clearing_its_records(course):
    d = ran_last_week(course)
    later = dt.date.today() + dt.timedelta(days=30)
    with pytest.raises(services.DeliveryError, match="attendance marks: 2, completions: 1"):
        services.apply_change(course.coordinator, d, change(
            "move", revision=d.revision, start_date=later,
            end_date=later + dt.timedelta(days=1)))
    kept = Delivery.objects.get(pk=d.pk)
    assert (kept.start_date, kept.revision) == (d.start_date, d.revision)
    assert Attendance.objects.filter(trainee__delivery=d).count() == 2


def test_a_move_with_its_records_cleared_deletes_them_and_audits_what_went(course):
    d = ran_last_week(course)
    later = dt.date.today() + dt.timedelta(days=30)
    moved = services.apply_change(course.coordinator, d, change(
        "move", revision=d.revision, start_date=later, end_date=later + dt.timedelta(days=1),
        clear_records=True))
    assert moved.start_date == later and moved.status == Delivery.Status.PLANNED
    assert not Attendance.objects.filter(trainee__delivery=d).exists()
    assert Trainee.objects.get(pk=course.trainee.pk).completion == ""
    event = AuditEvent.objects.get(object_uuid=d.uuid, action="clear-records")
    assert event.before["marks"] == [["T1", 1, True], ["T1", 2, True]]
    assert event.before["completion"] == {"T1": ["completed", ""]}


def test_details_that_leave_the_dates_alone_keep_the_records(course):
    d = ran_last_week(course)
    services.apply_change(course.coordinator, d, change(
        "edit", revision=d.revision, venue="Nairobi", start_date=d.start_date,
        end_date=d.end_date))
    assert Attendance.objects.filter(trainee__delivery=d).count() == 2


def test_the_move_form_offers_the_clearing_only_when_there_is_something_to_clear(course):
    client = client_for(course.coordinator)
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    assert "Delete the attendance and completion recorded" not in page
    d = ran_last_week(course)
    page = client.get(reverse("delivery", args=[d.uuid])).content.decode()
    assert page.count("Delete the attendance and completion recorded for the present dates") == 2
    later = dt.date.today() + dt.timedelta(days=30)
    data = {"op_id": str(uuid.uuid4()), "base_revision": d.revision,
            "start_date": later.isoformat(),
            "end_date": (later + dt.timedelta(days=1)).isoformat()}
    page = client.post(reverse("delivery-change", args=[d.uuid, "move"]), data,
                       follow=True).content.decode()
    assert "Not moved: attendance and completion are recorded" in page
    client.post(reverse("delivery-change", args=[d.uuid, "move"]),
                {**data, "op_id": str(uuid.uuid4()), "clear_records": "on"})
    assert Delivery.objects.get(pk=d.pk).start_date == later


def test_a_month_the_plan_closes_is_refused_with_its_reason(course):
    data = dict(course.plan.data)  # as a plan made with these months closed stores them
    data["blackout_months"] = [*data.get("blackout_months", []), "2026-12", "2027-01"]
    data["month_blocks"] = [{"month": "2026-12", "working_days": 22, "blocked_days": 22,
                             "reasons": ["fiscal-year-end"]}]
    Plan.objects.filter(pk=course.plan.pk).update(data_json=json.dumps(data))
    with pytest.raises(services.DeliveryError,
                       match="Not moved: December 2026 is closed to training: fiscal year-end"):
        services.apply_change(course.coordinator, course.delivery, change(
            "move", start_date="2026-12-07", end_date="2026-12-08"))
    with pytest.raises(services.DeliveryError,
                       match="January 2027 is closed to training in the plan's settings"):
        services.apply_change(course.coordinator, course.delivery, change(
            "edit", start_date="2027-01-11", end_date="2027-01-12"))
    assert Delivery.objects.get(pk=course.delivery.pk).start_date is None
    d = services.apply_change(course.coordinator, course.delivery, change(
        "move", start_date="2026-11-23", end_date="2026-11-24"))
    assert d.start_date == dt.date(2026, 11, 23)


def test_days_beyond_the_dates_are_refused_naming_the_field(course):
    with pytest.raises(services.DeliveryError,
                       match=r"Days: the course has 5 days, but 3 March 2026 to 4 March 2026 "
                             r"is 2 days\. Change the days or the dates\."):
        services.apply_change(course.coordinator, course.delivery, change(
            "edit", days=5, start_date="2026-03-03", end_date="2026-03-04"))
    # the course's 2 days in one day is refused by a move too
    with pytest.raises(services.DeliveryError, match="is 1 day\\."):
        services.apply_change(course.coordinator, course.delivery, change(
            "move", start_date="2026-03-03", end_date="2026-03-03"))
    d = services.apply_change(course.coordinator, course.delivery, change(
        "edit", days=2, start_date="2026-03-03", end_date="2026-03-04"))
    assert d.days == 2


def test_a_corrected_end_date_keeps_the_records_of_the_days_that_ran(course):
    d = ran_last_week(course)
    d = services.apply_change(course.coordinator, d, change(
        "move", revision=d.revision, start_date=d.start_date,
        end_date=d.end_date + dt.timedelta(days=1)))
    assert Attendance.objects.filter(trainee__delivery=d).count() == 2
    assert Trainee.objects.get(pk=course.trainee.pk).completion == "completed"
