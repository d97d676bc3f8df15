"""The deliveries overview and a course's page say what happened as it is: a cancelled
course keeps its place in the plan (it was listed above the month before it); "Completed"
says the partial completions beside the drop-outs ("6 (1 dropped)" hid 4 partial); and a
course with day 1 recorded only does not suggest "Dropped out" for everyone — days 2–3 are
not recorded yet."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from django.urls import reverse

from govcap.delivery import services
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import Delivery, Trainee
from tests.delivery.test_reviewer_17 import _save, _three_courses
from tests.security.helpers import client_for


def _text(html: str) -> str:
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return text.replace("( ", "(").replace(" )", ")")


def overview(course) -> str:
    return _text(
        client_for(course.coordinator)
        .get(reverse("deliveries-engagement", args=[course.engagement.slug]))
        .content.decode()
    )


def test_a_cancelled_course_keeps_its_place_in_the_plan(course):
    cohorts = _three_courses(course)
    first, second = sorted(cohorts[1:3], key=lambda c: c["module_code"])
    first["month"], second["month"] = "2027-09", "2027-10"
    _save(course.plan)
    later = services.create_delivery(course.coordinator, course.plan, second["cohort_id"])
    # moved to August once, then cancelled: it does not run in August any more
    Delivery.objects.filter(pk=later.pk).update(
        start_date=dt.date(2027, 8, 2), end_date=dt.date(2027, 8, 3)
    )
    later.refresh_from_db()
    services.apply_change(
        course.coordinator,
        later,
        services.Change("cancel", uuid.uuid4(), later.revision, {"reason": "No budget left"}),
    )
    page = overview(course)
    assert page.index(first["module_code"]) < page.index(second["module_code"])


def test_completed_says_partial_and_dropped_beside_it(course):
    d = course.delivery
    for _ in range(4):
        services.nominate(
            course.coordinator,
            d,
            services.Nomination(organisation_id=course.ministry.pk, gender="male"),
        )
    Delivery.objects.filter(pk=d.pk).update(
        days=1, start_date=dt.date(2026, 6, 1), end_date=dt.date(2026, 6, 1)
    )
    d.refresh_from_db()
    services.record_attendance(
        course.coordinator,
        d,
        [Mark(code, 1, code != "T5") for code in ("T1", "T2", "T3", "T4", "T5")],
    )
    completions = {
        "T1": "completed",
        "T2": "completed",
        "T3": "partial",
        "T4": "partial",
        "T5": "dropped",
    }
    for code, status in completions.items():
        services.set_completion(
            course.coordinator,
            Trainee.objects.get(delivery=d, code=code),
            status,
            "" if status == "completed" else "Left early",
        )
    assert "2 (2 partial, 1 dropped)" in overview(course)
    page = _text(
        client_for(course.coordinator).get(reverse("delivery", args=[d.uuid])).content.decode()
    )
    assert "Completed 2 (2 partial, 1 dropped)" in page


def test_only_day_1_recorded_suggests_nothing_short_of_completed_yet(course):
    d = course.delivery
    services.nominate(
        course.coordinator,
        d,
        services.Nomination(organisation_id=course.ministry.pk, gender="male"),
    )
    Delivery.objects.filter(pk=d.pk).update(
        days=3,
        start_date=dt.date(2026, 6, 1),
        end_date=dt.date(2026, 6, 3),
        status=Delivery.Status.IN_PROGRESS,
    )
    d.refresh_from_db()
    services.record_attendance(course.coordinator, d, [Mark("T1", 1, True), Mark("T2", 1, False)])
    page = _text(
        client_for(course.coordinator).get(reverse("delivery", args=[d.uuid])).content.decode()
    )
    assert "attendance suggests: Dropped out" not in page
    assert page.count("not yet: days 2–3 not recorded") == 2
    # all three days recorded: the attendance says it
    services.record_attendance(
        course.coordinator,
        d,
        [Mark("T1", 2, False), Mark("T1", 3, False), Mark("T2", 2, False), Mark("T2", 3, False)],
    )
    page = _text(
        client_for(course.coordinator).get(reverse("delivery", args=[d.uuid])).content.decode()
    )
    assert page.count("attendance suggests: Dropped out") == 2
    assert "not yet: day" not in page
