"""Level-3 follow-ups follow the facts they hang on — a trainee marked completed, the course's
end date — when those are written, never when a page or the API is read."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import uuid

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from govcap.accounts.tokens import create_token
from govcap.delivery import evaluation as ev
from govcap.delivery import services
from govcap.delivery.core.attendance import Mark
from govcap.delivery.models import Delivery, FollowUp, Trainee
from tests.security.helpers import client_for


def _change(course, kind, **values) -> Delivery:
    course.delivery.refresh_from_db()
    return services.apply_change(course.coordinator, course.delivery, services.Change(
        kind, uuid.uuid4(), course.delivery.revision, values))


def _completed(course, end: dt.date) -> None:
    """The course ran on two days up to ``end`` and T1 attended both and completed."""
    _change(course, "move", start_date=end - dt.timedelta(days=1), end_date=end)
    services.record_attendance(course.coordinator, course.delivery,
                               [Mark("T1", 1, True), Mark("T1", 2, True)])
    services.set_completion(course.coordinator, Trainee.objects.get(pk=course.trainee.pk),
                            "completed")


def _due_dates() -> set[tuple[str, dt.date, dt.date]]:
    return set(FollowUp.objects.values_list("respondent", "due_date", "close_date"))


def test_marking_a_trainee_completed_creates_the_follow_ups_and_a_move_moves_them(course):
    _completed(course, dt.date(2025, 8, 31))
    assert _due_dates() == {("participant", dt.date(2025, 11, 30), dt.date(2026, 2, 28)),
                            ("supervisor", dt.date(2025, 11, 30), dt.date(2026, 2, 28))}
    _change(course, "move", end_date="2025-09-10")
    assert {d for _who, d, _close in _due_dates()} == {dt.date(2025, 12, 10)}
    _change(course, "edit", end_date="2025-09-12", venue="Nairobi")
    assert {d for _who, d, _close in _due_dates()} == {dt.date(2025, 12, 12)}
    # no longer completed: the unanswered follow-ups go
    services.set_completion(course.coordinator, Trainee.objects.get(pk=course.trainee.pk),
                            "dropped", "Transferred")
    assert not FollowUp.objects.exists()


def test_cancelling_the_course_removes_its_unanswered_follow_ups(course):
    _completed(course, dt.date(2025, 8, 31))
    assert FollowUp.objects.count() == 2
    _change(course, "cancel", reason="Venue lost")
    assert not FollowUp.objects.exists()


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries
            if q["sql"].lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")
            and '"delivery_' in q["sql"]]


def test_reading_the_evaluation_writes_nothing(course):
    # completion stored without the service (as rows written before follow-ups existed)
    Delivery.objects.filter(pk=course.delivery.pk).update(end_date=dt.date(2025, 1, 7))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    uuid_ = course.delivery.uuid
    page, reminders = client_for(course.coordinator), client_for(course.provider)
    api = {"HTTP_AUTHORIZATION": f"Bearer {create_token(course.coordinator, 'test').raw}"}
    with CaptureQueriesContext(connection) as queries:
        assert page.get(reverse("delivery-evaluation", args=[uuid_])).status_code == 200
        assert reminders.get(reverse("evaluation-follow-ups") + "?all=1").status_code == 200
        got = page.get(f"/api/deliveries/{uuid_}/evaluation", **api)
    assert got.status_code == 200 and json.loads(got.content)["follow_ups"] == []
    assert _writes(queries.captured_queries) == []
    assert not FollowUp.objects.exists()


def test_the_data_migration_gives_existing_completed_trainees_their_follow_ups(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(end_date=dt.date(2025, 8, 31))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    migration = importlib.import_module(
        "govcap.delivery.migrations.0003_follow_ups_for_completed")
    migration.create_follow_ups(apps, None)
    migration.create_follow_ups(apps, None)  # again: nothing more
    assert _due_dates() == {("participant", dt.date(2025, 11, 30), dt.date(2026, 2, 28)),
                            ("supervisor", dt.date(2025, 11, 30), dt.date(2026, 2, 28))}


def test_a_follow_up_link_waits_for_someone_to_follow_up(course):
    with pytest.raises(ev.EvaluationError, match="No participant of this course has a "
                                                 "follow-up yet"):
        ev.open_link(course.coordinator, course.delivery, 3, respondent="supervisor")
    _completed(course, dt.date(2025, 8, 31))
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="supervisor")
    assert ev.link_codes(link) == ["T1"]
