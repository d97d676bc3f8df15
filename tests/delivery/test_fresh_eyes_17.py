"""What a fresh-eyes user of the delivery and evaluation flows found (round 17): each test
says what a user sees."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from govcap.delivery import evaluation as ev
from govcap.delivery.core import evaluation as rules
from govcap.delivery.models import Delivery, Trainee
from tests.security.helpers import client_for


def _answered_follow_ups(course):
    """T1 completed a course that ended 4 months ago, and both follow-ups are answered
    (in their window: the level-3 figure counts them)."""
    end = timezone.localdate() - dt.timedelta(days=122)
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=end - dt.timedelta(days=1), end_date=end)
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    ev.record_answers(course.coordinator, course.delivery, [
        ev.ReactionAnswer("T1", 4, 5, 5, 4),
        ev.FollowUpAnswer("T1", "participant", "yes"),
        ev.FollowUpAnswer("T1", "supervisor", "partly")], source="paper")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_provider_reads_no_total_of_fewer_answers_than_the_threshold(course):
    _answered_follow_ups(course)
    url = reverse("delivery-evaluation", args=[course.delivery.uuid])
    provider = _text(client_for(course.provider).get(url).content.decode())
    n = rules.FEWEST_ANSWERS_SHOWN
    assert f"shown from {n} answers" in provider
    assert "Yes 1" not in provider and "Partly 1" not in provider
    assert "The trainer 5.0" not in provider
    coordinator = _text(client_for(course.coordinator).get(url).content.decode())
    assert "The trainer 5.0 1" in coordinator and "shown from" not in coordinator


def test_level_3_counts_participants_and_supervisors_apart(course):
    _answered_follow_ups(course)
    url = reverse("delivery-evaluation", args=[course.delivery.uuid])
    page = _text(client_for(course.coordinator).get(url).content.decode())
    assert "Participants Answered 1 Due 0 Overdue 0 Not yet due 0 Applied at work: Yes 1" in page
    assert ("Supervisors Answered 1 Due 0 Overdue 0 Not yet due 0 Applied at work: Yes 0 · "
            "Partly 1") in page


def _follow_up_link(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="participant")
    return link, ev.personal_links(link)[0]


def test_an_answered_follow_up_address_says_so_when_it_opens(course, client):
    link, mine = _follow_up_link(course)
    url = reverse("evaluation-answer", args=[mine.token])
    assert client.post(url, {"applied": "yes"}).status_code == 302
    page = client.get(url)  # opened again: said at once, not after filling the form
    html = page.content.decode()
    assert 'name="applied"' not in html and page.context["already"] == "T1"
    assert "You have already answered this follow-up" in html


def test_a_closed_follow_up_link_sends_them_to_the_coordinator(course, client):
    link, mine = _follow_up_link(course)
    ev.close_link(course.coordinator, link)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("evaluation-answer", args=[mine.token])).content.decode()
    assert "Ask the coordinator for a new link." in html and "trainer" not in html


def _two_days_two_trainees(course):
    from govcap.delivery import services

    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk, gender="male", name="Baraka O."))
    return course


def test_the_offered_attendance_sheet_has_names_and_the_recorded_marks(course):
    from govcap.delivery import services
    from govcap.delivery.core.attendance import Mark

    _two_days_two_trainees(course)
    services.record_attendance(course.coordinator, course.delivery, [Mark("T1", 1, True),
                                                                      Mark("T2", 1, False)])
    sheet = client_for(course.provider).get(reverse(
        "delivery-attendance-template", args=[course.delivery.uuid])).content.decode("utf-8-sig")
    assert sheet.splitlines() == ["code,name,day,present", "T1,Amina W.,1,yes",
                                  "T1,Amina W.,2,", "T2,Baraka O.,1,no", "T2,Baraka O.,2,"]


def test_a_blank_present_leaves_the_mark_and_the_import_says_what_it_changed(course):
    from govcap.delivery import imports, services
    from govcap.delivery.core.attendance import Mark
    from govcap.delivery.models import Attendance

    _two_days_two_trainees(course)
    services.record_attendance(course.coordinator, course.delivery, [Mark("T1", 1, True),
                                                                      Mark("T2", 1, True)])
    data = (b"code,name,day,present\nT1,Amina W.,1,\nT1,Amina W.,2,yes\n"
            b"T2,Baraka O.,1,no\nT2,Baraka O.,2,\n")
    client = client_for(course.coordinator)
    from django.core.files.uploadedfile import SimpleUploadedFile
    page = client.post(reverse("delivery-import", args=[course.delivery.uuid]),
                       {"file": SimpleUploadedFile("day.csv", data)}, follow=True)
    html = page.content.decode()
    assert ("2 marks imported (new: 1, changed: 1, as recorded before: 0). 2 rows left "
            "“present” blank: their marks stay as they were.") in html
    assert "It changed 1 mark recorded before: T2 day 1: present → absent." in html
    assert sorted(Attendance.objects.values_list("trainee__code", "day", "present")) == [
        ("T1", 1, True), ("T1", 2, True), ("T2", 1, False)]
    # the changes list says it too
    assert "changed what was recorded: T2 day 1: present → absent" in html
    assert imports.import_attendance(b"code,day,present\nT1,1,\n", course.delivery,
                                     user=course.coordinator).marks == 0


def test_the_offered_sheet_imported_back_lists_only_what_it_changed(course):
    # The sheet offered is pre-filled with the marks recorded: imported back with one mark
    # changed and one day left blank, the message read "3 marks imported." without the
    # blank row, and the changes listed all three marks as if imported anew.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from govcap.delivery import services
    from govcap.delivery.core.attendance import Mark
    from govcap.delivery.models import Attendance
    from tests.delivery.test_changes_list import changes_of

    _two_days_two_trainees(course)
    services.record_attendance(course.coordinator, course.delivery, [
        Mark("T1", 1, True), Mark("T2", 1, True), Mark("T1", 2, True)])
    recorder = Attendance.objects.get(trainee__code="T1", day=1).recorded_by
    data = (b"code,name,day,present\nT1,Amina W.,1,yes\nT1,Amina W.,2,no\n"
            b"T2,Baraka O.,1,yes\nT2,Baraka O.,2,\n")
    client = client_for(course.provider)
    page = client.post(reverse("delivery-import", args=[course.delivery.uuid]),
                       {"file": SimpleUploadedFile("week.csv", data)}, follow=True)
    html = page.content.decode()
    assert ("3 marks imported (new: 0, changed: 1, as recorded before: 2). 1 row left "
            "“present” blank: its mark stays as it was.") in html
    lines = changes_of(client_for(course.coordinator).get(
        reverse("delivery", args=[course.delivery.uuid])).content.decode())
    assert lines[0].endswith("| provider | Imported attendance from a file | week.csv: "
                             "changed what was recorded: T1 day 2: present → absent")
    # a mark given back as it was is not written again: it keeps who recorded it
    assert Attendance.objects.get(trainee__code="T1", day=1).recorded_by == recorder
    # the same sheet again changes nothing, and adds no change to the list
    page = client.post(reverse("delivery-import", args=[course.delivery.uuid]),
                       {"file": SimpleUploadedFile("week.csv", data)}, follow=True)
    assert "3 marks imported (new: 0, changed: 0, as recorded before: 3)" in page.content.decode()
    assert changes_of(client_for(course.coordinator).get(
        reverse("delivery", args=[course.delivery.uuid])).content.decode()) == lines


def test_the_import_help_says_a_blank_present_keeps_the_mark(course):
    html = client_for(course.coordinator).get(
        reverse("delivery", args=[course.delivery.uuid])).content.decode()
    assert ("with the columns code, day and present (yes or no, or left blank: the mark "
            "recorded stays as it is)") in html


def test_a_french_excel_csv_in_windows_1252_with_semicolons_is_read(course):
    from govcap.delivery import imports
    from govcap.delivery.models import Attendance

    data = "code;jour;présent\nT1;1;oui\nT1;2;non\n".encode("cp1252")
    result = imports.import_attendance(data, course.delivery, user=course.coordinator,
                                       name="présence.csv")
    assert result.marks == 2
    assert sorted(Attendance.objects.values_list("day", "present")) == [(1, True), (2, False)]


def test_the_changes_list_names_the_training_provider_not_its_id(course):
    from govcap.delivery import services

    Delivery.objects.filter(pk=course.delivery.pk).update(provider=None)
    course.delivery.refresh_from_db()
    services.apply_change(course.coordinator, course.delivery, services.Change(
        "edit", services.new_op_id(), course.delivery.revision,
        {"provider": str(course.training_provider.uuid)}))
    html = _text(client_for(course.coordinator).get(
        reverse("delivery", args=[course.delivery.uuid])).content.decode())
    assert f"training provider: — → {course.training_provider.name}" in html


def test_a_stale_cancel_confirmation_says_the_course_changed_not_saved(course):
    from govcap.delivery import services

    client = client_for(course.coordinator)
    url = reverse("delivery-change", args=[course.delivery.uuid, "cancel"])
    confirm = {"op_id": str(services.new_op_id()), "base_revision": course.delivery.revision,
               "reason": "Trainer ill", "confirmed": "yes"}
    client.post(url, confirm, follow=True)
    course.delivery.refresh_from_db()
    assert course.delivery.status == "cancelled"
    client.post(reverse("delivery-change", args=[course.delivery.uuid, "reinstate"]), {
        "op_id": str(services.new_op_id()), "base_revision": course.delivery.revision},
        follow=True)
    # Back twice to "Cancel the delivery?", and confirm again
    html = client.post(url, confirm, follow=True).content.decode()
    course.delivery.refresh_from_db()
    assert course.delivery.status != "cancelled"
    assert "Saved." not in html and "the course changed since this page was opened" in html


def _details_form(client, course) -> dict:
    page = client.get(reverse("delivery", args=[course.delivery.uuid]))
    form = page.context["edit_form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "clear_records":
            continue
        data[name] = "" if value is None else str(value)
    return data


def test_two_tabs_editing_different_details_both_keep_their_change(course):
    client = client_for(course.coordinator)
    url = reverse("delivery-change", args=[course.delivery.uuid, "edit"])
    tab_a, tab_b = _details_form(client, course), _details_form(client, course)
    client.post(url, {**tab_a, "venue": "KSG Lower Kabete"}, follow=True)
    html = client.post(url, {**tab_b, "trainers": "J. Mwangi"}, follow=True).content.decode()
    course.delivery.refresh_from_db()
    assert (course.delivery.venue, course.delivery.trainers) == ("KSG Lower Kabete",
                                                                 "J. Mwangi")
    assert "Saved." in html and "changed by someone else" not in html
    # the same field changed in both: refused, and named
    tab_c, tab_d = _details_form(client, course), _details_form(client, course)
    client.post(url, {**tab_c, "venue": "Nairobi"}, follow=True)
    html = client.post(url, {**tab_d, "venue": "Mombasa"}, follow=True).content.decode()
    course.delivery.refresh_from_db()
    assert course.delivery.venue == "Nairobi"
    assert "Someone else changed venue since this page was opened" in html


def test_a_viewer_reads_the_overdue_follow_ups_of_their_courses_without_the_forms(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    page = client_for(course.viewer).get(reverse("evaluation-follow-ups")).content.decode()
    assert "No follow-up is due." not in page and "Overdue" in page and "T1" in page
    assert "Record the answers" not in page and "follow-ups/T1/" not in page
    assert "Amina" not in page  # the names stay with who runs the follow-ups
    assert "The engagement's coordinators record the answers" in page


def test_a_check_before_the_course_opened_after_it_ended_warns_the_coordinator(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7))
    html = client_for(course.coordinator).post(
        reverse("evaluation-link-open", args=[course.delivery.uuid]),
        {"form": "pre", "hours": 2}, follow=True).content.decode()
    assert "This course ended on 7 January 2025" in html


def test_a_malformed_supervisor_e_mail_is_refused_a_phone_or_name_kept(course):
    from govcap.delivery.evaluation_forms import SupervisorContactForm

    assert not SupervisorContactForm({"contact": "not-an-email@"}).is_valid()
    assert "is not an e-mail address" in str(
        SupervisorContactForm({"contact": "J. Otieno not-an-email@"}).errors)
    for fine in ("J. Otieno, +254 700 000 222", "j.otieno@ict.go.ke",
                 "J. Otieno <j.otieno@ict.go.ke>", "Head of unit"):
        assert SupervisorContactForm({"contact": fine}).is_valid(), fine


def test_the_level_1_codes_leave_out_a_trainee_who_dropped_out(course):
    from govcap.delivery import services

    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk, gender="male"))
    Trainee.objects.filter(code="T2").update(completion="dropped")
    Delivery.objects.filter(pk=course.delivery.pk).update(start_date=dt.date(2025, 1, 6))
    link = ev.open_link(course.coordinator, course.delivery, 1)
    assert ev.link_codes(link) == ["T1"]


def test_moving_a_course_outside_the_plans_period_says_the_period(course):
    from govcap.delivery import services
    from govcap.planning.core.period import plan_period

    period = plan_period(course.delivery.plan.plan_data())
    last = dt.date.fromisoformat(period.last + "-01")
    far = dt.date(last.year + 2, 1, 12)
    client = client_for(course.coordinator)
    html = client.post(reverse("delivery-change", args=[course.delivery.uuid, "move"]), {
        "op_id": str(services.new_op_id()), "base_revision": course.delivery.revision,
        "start_date": far.isoformat(), "end_date": (far + dt.timedelta(days=1)).isoformat()},
        follow=True).content.decode()
    course.delivery.refresh_from_db()
    assert course.delivery.start_date == far
    assert "outside the plan&#x27;s period" in html or "outside the plan's period" in html


def test_the_course_gain_is_written_to_the_results_decimal(course):
    # A course's mean gain of 66.67 points read "67" on its evaluation page and "+66.7
    # points" on the results page and in the donor's report.
    ev.record_answers(course.coordinator, course.delivery, [
        ev.LearningAnswer("T1", "pre", correct=1, out_of=3),
        ev.LearningAnswer("T1", "post", correct=3, out_of=3)], source="paper")
    page = _text(client_for(course.coordinator).get(
        reverse("delivery-evaluation", args=[course.delivery.uuid])).content.decode())
    assert "Gain (percentage points) 66.7" in page
