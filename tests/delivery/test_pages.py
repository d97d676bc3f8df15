"""The coordinator's path through a delivery page: nominate (warned against the plan), mark
attendance, import a sheet (refused whole, with its problems), record completion."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from govcap.delivery.models import Attendance, Trainee
from tests.security.helpers import client_for


def url(course, name, **kw):
    return reverse(name, kwargs={"uuid": course.delivery.uuid, **kw})


def test_a_nomination_from_the_page_is_checked_against_the_plan(course):
    client = client_for(course.coordinator)
    for _ in range(2):
        client.post(url(course, "delivery-nominate"),
                    {"organisation": course.agency.pk, "gender": "male", "persona": "finance"})
    page = client.get(url(course, "delivery")).content.decode()
    assert Trainee.objects.filter(delivery=course.delivery).count() == 3
    assert "Women: 1 of the 3 nominees whose gender is stated; the plan aims at 50%." in page
    # the audience by its name in the reader's language, not the catalogue's key
    assert ("2 nominees are outside the module&#x27;s audience (Finance and procurement "
            "officers).") in page


def test_the_attendance_grid_saves_the_boxes_changed_from_what_the_page_showed(course):
    client = client_for(course.provider)
    client.post(url(course, "delivery-attendance"),
                {"was-T1-1": "", "was-T1-2": "", "present": ["T1:2"]})
    assert sorted(Attendance.objects.values_list("day", "present")) == [(2, True)]
    client.post(url(course, "delivery-attendance"),
                {"was-T1-1": "", "was-T1-2": "1", "present": ["T1:1"]})
    assert sorted(Attendance.objects.values_list("day", "present")) == [(1, True), (2, False)]


def test_a_sheet_with_a_problem_is_refused_whole_with_its_row_named(course):
    sheet = SimpleUploadedFile("week1.csv", b"code,day,present\nT1,1,yes\nT1,9,yes\n")
    page = client_for(course.coordinator).post(url(course, "delivery-import"), {"file": sheet},
                                               follow=True).content.decode()
    assert "Nothing was imported from week1.csv: row 3, column “day”" in page
    assert not Attendance.objects.exists()


def test_completion_from_the_page_needs_a_reason_for_a_drop_out(course):
    client = client_for(course.coordinator)
    data = {"trainee": str(course.trainee.uuid), "completion": "dropped"}
    page = client.post(url(course, "delivery-completion"), data, follow=True).content.decode()
    assert "Say why the trainee did not complete the course." in page
    client.post(url(course, "delivery-completion"), {**data, "reason": "Posted abroad"})
    course.trainee.refresh_from_db()
    assert (course.trainee.completion, course.trainee.completion_reason) == ("dropped",
                                                                            "Posted abroad")


def test_the_same_problem_on_many_rows_is_said_once_with_its_rows(course):
    sheet = SimpleUploadedFile("week1.csv", b"code,day,present\nT1,,yes\nT1,,no\nT9,1,yes\n")
    page = client_for(course.coordinator).post(url(course, "delivery-import"), {"file": sheet},
                                               follow=True).content.decode()
    assert ("Nothing was imported from week1.csv: column “day”: rows 2, 3: empty; every "
            "row needs a code and a day (whether present, yes or no, may be left blank: the "
            "mark stays as it is); row 4, column “code”: "
            "“T9” is not a trainee code of this delivery") in page.replace("&#x27;", "'")
    assert page.count("week1.csv") == 1 and page.count("empty;") == 1
    assert not Attendance.objects.exists()
