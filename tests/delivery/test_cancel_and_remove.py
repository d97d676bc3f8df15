"""Cancelling is said back before it is made and can be undone; a nominee can be taken off a
course, their records only when the coordinator says they go too."""

from __future__ import annotations

import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from govcap.accounts.models import AuditEvent
from govcap.delivery import services
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import Attendance, Delivery, Trainee, TraineeIdentity
from tests.security.helpers import client_for


def test_cancelling_from_the_page_asks_first_and_changes_nothing_until_confirmed(course):
    client = client_for(course.coordinator)
    data = {"op_id": str(uuid.uuid4()), "base_revision": 1, "reason": "Budget frozen"}
    url = reverse("delivery-change", args=[course.delivery.uuid, "cancel"])
    page = client.post(url, data)
    text = page.content.decode()
    assert page.status_code == 200 and "Cancel the delivery?" in text
    assert "Budget frozen" in text and 'name="confirmed" value="yes"' in text
    assert Delivery.objects.get(pk=course.delivery.pk).status == Delivery.Status.PLANNED
    client.post(url, {**data, "confirmed": "yes"})
    d = Delivery.objects.get(pk=course.delivery.pk)
    assert (d.status, d.cancel_reason) == (Delivery.Status.CANCELLED, "Budget frozen")


def test_a_cancelled_delivery_is_reinstated_and_both_are_audited(course):
    d = services.apply_change(course.coordinator, course.delivery, services.Change(
        "cancel", uuid.uuid4(), 1, {"reason": "Budget frozen"}))
    client = client_for(course.coordinator)
    page = client.get(reverse("delivery", args=[d.uuid])).content.decode()
    assert "Reinstate the delivery" in page
    client.post(reverse("delivery-change", args=[d.uuid, "reinstate"]),
                {"op_id": str(uuid.uuid4()), "base_revision": d.revision})
    back = Delivery.objects.get(pk=d.pk)
    assert (back.status, back.cancel_reason) == (Delivery.Status.PLANNED, "")
    event = AuditEvent.objects.get(object_uuid=d.uuid, action="reinstate")
    assert event.before["status"] == "cancelled" and event.after["status"] == "planned"
    assert event.before["cancel_reason"] == "Budget frozen"
    page = client.get(reverse("delivery", args=[d.uuid])).content.decode()
    assert "Reinstated the course</td>" in page  # in the changes list, worded
    # only a cancelled delivery: a second reinstatement is refused
    with pytest.raises(services.DeliveryError):
        services.apply_change(course.coordinator, back, services.Change(
            "reinstate", uuid.uuid4(), back.revision, {}))


def test_a_nominee_without_records_is_removed_and_their_code_not_given_again(course):
    t2 = services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk, name="Brian K."))
    client = client_for(course.coordinator)
    url = reverse("delivery-remove-nominee", args=[course.delivery.uuid, t2.uuid])
    page = client.get(url).content.decode()
    assert "Remove T2 from the course?" in page and "Brian K." in page
    assert Trainee.objects.filter(pk=t2.pk).exists()  # the page alone removes nothing
    page = client.post(url, follow=True).content.decode()
    assert "T2 was removed from the course." in page
    assert not Trainee.objects.filter(pk=t2.pk).exists()
    assert not TraineeIdentity.objects.filter(name="Brian K.").exists()
    event = AuditEvent.objects.get(object_uuid=t2.uuid, action="remove")
    assert event.before["code"] == "T2" and event.after is None
    t3 = services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk))
    assert t3.code == "T3"


def test_a_nominee_with_attendance_is_removed_only_with_their_records(course):
    services.record_attendance(course.coordinator, course.delivery, [Mark("T1", 1, True)])
    t1 = course.trainee
    with pytest.raises(services.DeliveryError, match="attendance marks: 1"):
        services.remove_nominee(course.coordinator, t1)
    client = client_for(course.coordinator)
    url = reverse("delivery-remove-nominee", args=[course.delivery.uuid, t1.uuid])
    page = client.get(url).content.decode()
    assert "Delete these records with the nominee" in page
    page = client.post(url, follow=True).content.decode()
    assert "T1 was not removed" in page and Trainee.objects.filter(pk=t1.pk).exists()
    client.post(url, {"with_records": "on"})
    assert not Trainee.objects.filter(pk=t1.pk).exists()
    assert not Attendance.objects.exists()
    assert AuditEvent.objects.get(object_uuid=t1.uuid,
                                  action="remove").before["attendance_marks"] == 1


def test_only_the_coordinators_remove_a_nominee(course):
    for who in (course.viewer, course.provider):
        with pytest.raises(PermissionDenied):
            services.remove_nominee(who, course.trainee)
    assert Trainee.objects.filter(pk=course.trainee.pk).exists()


def test_completion_not_recorded_is_shown_as_such_and_nothing_else_is_preselected(course):
    # both days recorded: the attendance suggests from them (day 2 not recorded: not yet)
    services.record_attendance(course.coordinator, course.delivery,
                               [Mark("T1", 1, True), Mark("T1", 2, False)])
    client = client_for(course.coordinator)
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    menu = page[page.index('<select id="c-T1"'):]
    menu = menu[:menu.index("</select>")]
    assert '<option value="" selected>Not recorded</option>' in menu
    assert menu.count(" selected") == 1  # "Dropped out" is not chosen for the coordinator
    assert "attendance suggests: Dropped out" in page
    # saved as it stands, it stays not recorded; a completion can be taken back
    client.post(reverse("delivery-completion", args=[course.delivery.uuid]),
                {"trainee": str(course.trainee.uuid), "completion": "dropped",
                 "reason": "Left"})
    client.post(reverse("delivery-completion", args=[course.delivery.uuid]),
                {"trainee": str(course.trainee.uuid), "completion": ""})
    assert Trainee.objects.get(pk=course.trainee.pk).completion == ""


def test_a_completed_course_is_not_cancelled(course):
    # Cancelled, then reinstated, a completed course came back "In progress" and the donor's
    # completion rate moved.
    Delivery.objects.filter(pk=course.delivery.pk).update(status=Delivery.Status.COMPLETED)
    course.delivery.refresh_from_db()
    with pytest.raises(services.DeliveryError, match="completed course cannot be cancelled"):
        services.apply_change(course.coordinator, course.delivery, services.Change(
            "cancel", uuid.uuid4(), course.delivery.revision, {"reason": "Budget frozen"}))
    assert Delivery.objects.get(pk=course.delivery.pk).status == Delivery.Status.COMPLETED
