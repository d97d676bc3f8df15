"""The first attendance recorded starts a course (Planned → In progress): its changes say
so, and a details form opened before, showing "Planned", does not set it back."""

from __future__ import annotations

import datetime as dt
import uuid

from govcap.delivery import changes, services
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import Delivery


def test_the_first_attendance_starts_the_course_and_its_changes_say_it(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2026, 5, 4), end_date=dt.date(2026, 5, 5))
    d = Delivery.objects.get(pk=course.delivery.pk)
    shown = services.edit_shown(d)  # a details form opened before, showing "Planned"
    services.record_attendance(course.coordinator, d, [Mark("T1", 1, True)])
    d = Delivery.objects.get(pk=course.delivery.pk)
    assert (d.status, d.revision) == (Delivery.Status.IN_PROGRESS, 2)
    lines = [(c.what, c.details) for c in changes.lines(d)]
    assert ("The course started: attendance was recorded",
            "status: Planned → In progress") in lines
    services.record_attendance(course.coordinator, d, [Mark("T1", 2, True)])
    assert Delivery.objects.get(pk=d.pk).revision == 2  # started once
    edited = services.apply_change(course.coordinator, d, services.Change(
        "edit", uuid.uuid4(), 1, {**shown, "venue": "KSG"}, shown))
    assert (edited.status, edited.venue) == (Delivery.Status.IN_PROGRESS, "KSG")
