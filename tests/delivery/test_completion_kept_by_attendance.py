"""A trainee recorded as completed keeps the attendance the completion needs: a later
change of marks that would leave them below the rule is refused whole, on the API, the
attendance grid and the import alike, naming the code and the days."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from govcap.delivery import imports, services
from govcap.delivery.models import Attendance
from govcap.interchange.problems import ImportProblem
from tests.delivery.test_attendance_tabs import grid_form
from tests.delivery.test_scoping import bearer
from tests.security.helpers import client_for

REFUSAL = ("T1 is recorded as completed; with this change they would have attended 1 of 2 "
           "days: change their completion first.")


@pytest.fixture
def completed(course):
    """T1 present both days of the 2-day course and recorded as completed; T2 present."""
    services.nominate(course.coordinator, course.delivery,
                      services.Nomination(organisation_id=course.agency.pk))
    services.record_attendance(course.coordinator, course.delivery, [
        services.rules.Mark("T1", 1, True), services.rules.Mark("T1", 2, True)])
    services.set_completion(course.coordinator, course.trainee, services.rules.COMPLETED)
    return course


def marks(course):
    return sorted(Attendance.objects.filter(trainee__delivery=course.delivery).values_list(
        "trainee__code", "day", "present"))


BEFORE = [("T1", 1, True), ("T1", 2, True)]


def test_the_api_refuses_marks_that_undo_a_completion_and_writes_none(completed):
    answer = bearer(completed.provider).post(
        f"/api/deliveries/{completed.delivery.uuid}/attendance",
        json.dumps({"marks": [{"code": "T2", "day": 1, "present": True},
                              {"code": "T1", "day": 2, "present": False}]}),
        content_type="application/json")
    assert answer.status_code == 422
    assert json.loads(answer.content)["message"] == REFUSAL
    assert marks(completed) == BEFORE  # T2's mark of the same request is not written


def test_the_grid_refuses_it_too(completed):
    page = reverse("delivery", args=[completed.delivery.uuid])
    client = client_for(completed.provider)
    form = grid_form(client.get(page).content.decode(), untick=["T1:2"])
    answer = client.post(reverse("delivery-attendance", args=[completed.delivery.uuid]),
                         form, follow=True)
    assert REFUSAL in answer.content.decode()
    assert marks(completed) == BEFORE


def test_the_import_refuses_it_too(completed):
    with pytest.raises(ImportProblem) as caught:
        imports.import_attendance(b"code,day,present\nT2,1,yes\nT1,2,no\n",
                                  completed.delivery, user=completed.coordinator,
                                  name="day2.csv")
    assert REFUSAL in str(caught.value)
    assert marks(completed) == BEFORE


def test_marks_that_keep_the_rule_are_saved_and_a_completion_taken_back_frees_them(
        completed):
    services.record_attendance(completed.coordinator, completed.delivery,
                               [services.rules.Mark("T2", 1, True)])
    services.set_completion(completed.coordinator, completed.trainee, "")
    services.record_attendance(completed.coordinator, completed.delivery,
                               [services.rules.Mark("T1", 2, False)])
    assert marks(completed) == [("T1", 1, True), ("T1", 2, False), ("T2", 1, True)]
