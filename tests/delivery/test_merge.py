"""Merging a course into another of the same module and language: its nominees move (codes
unique there), it is counted no more, and both courses' changes, the plan page and the
delivery page say it."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse

from govcap import localise
from govcap.delivery import changes, services
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import Delivery, Trainee


def change(kind, revision=1, **values):
    return services.Change(kind, uuid.uuid4(), revision, values)


def sibling(course, suffix="99", **fields) -> Delivery:
    """Another course of the same module and language in the engagement."""
    module, language, _n = course.delivery.cohort_id.split("/")
    return Delivery.objects.create(
        engagement=course.engagement, plan=course.plan, cohort_id=f"{module}/{language}/{suffix}",
        module_code=course.delivery.module_code, days=2, **fields)


def _label(delivery: Delivery) -> str:
    return Delivery.objects.get(pk=delivery.pk).course.label


def test_a_merge_moves_the_nominees_with_codes_free_there_and_both_courses_say_it(course):
    target = sibling(course)
    Trainee.objects.create(delivery=target, code="T1", organisation=course.agency)
    Delivery.objects.filter(pk=target.pk).update(removed_codes_upto=4)  # T2–T4 were given
    merged = services.apply_change(course.coordinator, course.delivery,
                                   change("merge", into=str(target.uuid)))
    assert merged.status == Delivery.Status.MERGED and merged.merged_into == target
    assert Trainee.objects.get(pk=course.trainee.pk).code == "T5"
    target.refresh_from_db()
    assert target.revision == 2
    source_lines = [f"{c.what} {c.details}" for c in changes.lines(merged)]
    # each course as the plan's documents name it, not by its internal id
    assert any(line.startswith(f"Merged the course into {_label(target)}")
               and line.endswith("T1 became T5") for line in source_lines)
    assert "Added nominee T1 " in source_lines  # its nominees' history stays with it
    target_lines = [f"{c.what} | {c.details}" for c in changes.lines(target)]
    assert f"Took in the nominees of {_label(merged)} | T1 became T5" in target_lines
    assert merged.cohort_id not in " ".join(source_lines + target_lines)


@pytest.mark.parametrize("other", [
    {"status": Delivery.Status.COMPLETED},
    {"status": Delivery.Status.CANCELLED},
    {"cohort_id": "elsewhere/xx/01"},  # taught in another language
    {"module_code": "another-module"},
])
def test_only_an_open_course_of_the_same_module_and_language_takes_a_merge(course, other):
    target = sibling(course)
    Delivery.objects.filter(pk=target.pk).update(**other)
    assert services.merge_targets(course.delivery) == []
    with pytest.raises(services.DeliveryError):
        services.apply_change(course.coordinator, course.delivery,
                              change("merge", into=str(target.uuid)))
    d = Delivery.objects.get(pk=course.delivery.pk)
    assert (d.status, d.revision) == (Delivery.Status.PLANNED, 1)
    assert Trainee.objects.get(pk=course.trainee.pk).delivery_id == d.pk


def test_a_course_with_attendance_is_not_merged_and_is_told_why(course):
    target = sibling(course)
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2026, 5, 4), end_date=dt.date(2026, 5, 5))
    course.delivery.refresh_from_db()
    services.record_attendance(course.coordinator, course.delivery, [Mark("T1", 1, True)])
    course.delivery.refresh_from_db()
    with pytest.raises(services.DeliveryError, match="attendance marks: 1"):
        services.apply_change(course.coordinator, course.delivery,
                              change("merge", revision=course.delivery.revision,
                                     into=str(target.uuid)))
    assert Trainee.objects.get(pk=course.trainee.pk).delivery_id == course.delivery.pk


def test_the_plan_page_names_the_course_it_merged_into(client, course):
    """As the delivery pages name it, with its month: it said "Merged into
    CHG-101/en/99", an internal id."""
    target = sibling(course, planned_month="2026-09")
    services.apply_change(course.coordinator, course.delivery,
                          change("merge", into=str(target.uuid)))
    client.force_login(course.coordinator)
    page = client.get(reverse("plan", args=[course.engagement.slug])
                      + f"?v={course.plan.version}").content.decode()
    text = re.sub(r"<[^>]+>", "", page)
    label = _label(target)
    assert label.startswith(course.delivery.course.module) and target.module_code in label
    assert f"Merged into {label}, September 2026." in text
    assert target.cohort_id not in text


def test_the_page_asks_before_merging_then_merges(client, course):
    target = sibling(course)
    client.force_login(course.coordinator)
    url = reverse("delivery", args=[course.delivery.uuid])
    page = client.get(url).content.decode()
    assert 'action="' + reverse("delivery-change", args=[course.delivery.uuid, "merge"]) in page
    day = localise.day(target.start_date, empty="—")  # the reader's words, not 2026-05-04
    named = Delivery.objects.get(pk=target.pk).course
    assert f"{named.details or named.module} · {day}</option>" in page
    assert f"{target.cohort_id} · " not in page
    posted = {"op_id": str(uuid.uuid4()), "base_revision": "1", "into": str(target.uuid)}
    change_url = reverse("delivery-change", args=[course.delivery.uuid, "merge"])
    asked = client.post(change_url, posted)
    assert asked.status_code == 200 and "Merge the course?" in asked.content.decode()
    assert Delivery.objects.get(pk=course.delivery.pk).status == Delivery.Status.PLANNED
    done = client.post(change_url, {**posted, "confirmed": "yes"})
    assert done.status_code == 302
    assert Delivery.objects.get(pk=course.delivery.pk).status == Delivery.Status.MERGED
    page = client.get(url).content.decode()
    assert reverse("delivery", args=[target.uuid]) in page and "Merged into" in page
    assert f"{_label(target)}</a>, the course it merged into." in page


def test_the_page_says_why_a_course_with_no_partner_cannot_be_merged(client, course):
    client.force_login(course.coordinator)
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    assert "to merge into" in page
