"""What a coordinator, a participant, a narrowed viewer and a training provider found
looking at the delivery and evaluation pages with fresh eyes (issue 17)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from govcap.accounts.models import Role
from govcap.accounts.tokens import create_token
from govcap.delivery import evaluation as ev
from govcap.delivery import imports, services
from govcap.delivery.core import attendance as sheet
from govcap.delivery.core import zones
from govcap.delivery.models import (
    Attendance,
    Delivery,
    EvaluationLink,
    FollowUp,
    Trainee,
    TraineeIdentity,
)
from govcap.interchange.problems import ImportProblem
from tests.security.helpers import client_for


def _edit(course, **changes) -> dict:
    d = course.delivery
    d.refresh_from_db()
    return {"op_id": str(uuid.uuid4()), "base_revision": d.revision, "status": d.status,
            "days": d.days, "mode": d.mode, "start_date": "2026-03-02",
            "end_date": "2026-03-03", **changes}


# 1. a course marked completed with no completion recorded is said back before it is saved


def test_marking_a_course_completed_without_completions_warns_first(course):
    client = client_for(course.coordinator)
    url = reverse("delivery-change", args=[course.delivery.uuid, "edit"])
    data = _edit(course, status="completed", venue="KSG Lower Kabete")
    page = client.post(url, data)
    text = page.content.decode()
    assert page.status_code == 200 and "Mark the course completed?" in text
    assert "1 participant of 1 has no completion recorded:" in text and "T1" in text
    assert "Record the completions first" in text
    assert Delivery.objects.get(pk=course.delivery.pk).status == Delivery.Status.PLANNED
    # said yes: saved, with every field of the form
    client.post(url, {**data, "confirmed": "yes"})
    d = Delivery.objects.get(pk=course.delivery.pk)
    assert (d.status, d.venue) == (Delivery.Status.COMPLETED, "KSG Lower Kabete")


def test_a_course_whose_completions_are_recorded_is_completed_at_once(course):
    services.set_completion(course.coordinator, course.trainee, "dropped", "Transferred")
    client = client_for(course.coordinator)
    url = reverse("delivery-change", args=[course.delivery.uuid, "edit"])
    response = client.post(url, _edit(course, status="completed"))
    assert response.status_code == 302
    assert Delivery.objects.get(pk=course.delivery.pk).status == Delivery.Status.COMPLETED


# 2. a narrowed viewer's planned share is on the plan's base (its seats), not the nominees


def test_a_narrowed_viewers_planned_cost_is_their_seats_share_not_their_nominees(course,
                                                                                make_user):
    for _n in range(3):  # T2–T4 of the agency: 3 nominees of 4, but 4 seats of 8 planned
        services.nominate(course.coordinator, course.delivery, services.Nomination(
            organisation_id=course.agency.pk))
    Delivery.objects.filter(pk=course.delivery.pk).update(cost_cents=1_000_000,
                                                          planned_cost_cents=800_000)
    seats = {m["org_id"]: m["participants"] for m in course.cohort["members"]}
    assert seats[str(course.agency.uuid)] * 2 == course.cohort["participants"]  # half
    viewer = client_for(make_user("agency-viewer", Role.VIEWER, course.engagement,
                                  organisation=course.agency))
    page = viewer.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    assert "4,000" in page  # half the plan's 8,000, as the plan gives them half its seats
    assert "6,000" not in page  # not 3/4 of it, for 3 of the 4 nominees
    assert "7,500" in page  # the actual cost: their nominees' share, as the results count it
    listed = viewer.get(reverse("deliveries-engagement",
                                args=[course.engagement.slug])).content.decode()
    planned_line = round(course.cohort["cost_cents"] / 2) // 100
    assert f"{planned_line:,}" in listed


# 6. the remove-nominee page's checkbox sits beside its words, inside its label


def test_the_delete_records_checkbox_is_inside_its_label(course):
    services.set_completion(course.coordinator, course.trainee, "dropped", "Transferred")
    page = client_for(course.coordinator).get(reverse(
        "delivery-remove-nominee", args=[course.delivery.uuid, course.trainee.uuid]))
    html = page.content.decode()
    label = html.index('<label class="check" for="with-records">')
    box = html.index('id="with-records"', label)
    words = html.index("Delete these records with the nominee", box)
    assert label < box < words < html.index("</label>", label)


# 5. the learning check speaks to the participant as "you", not of "the participant"


def test_the_learning_check_puts_the_objectives_to_the_participant_as_you(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(module_code="AGL-101")
    course.delivery.refresh_from_db()
    link = ev.open_link(course.coordinator, course.delivery, 2, phase="pre")
    page = client_for(None).get(reverse("evaluation-answer", args=[link.token]))
    text = page.content.decode()
    assert "using a government project you know" in text
    assert "the participant" not in text


# (every language's objectives: tests/delivery/test_objectives_for_participants.py)


# 3. a follow-up (level 3) is answered through each participant's own address


def _two_completed(course):
    t2 = services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk, name="Brian K.", contact="+254 700 000 002"))
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 8, 30), end_date=dt.date(2025, 8, 31), status="completed")
    course.delivery.refresh_from_db()
    Trainee.objects.filter(delivery=course.delivery).update(completion="completed")
    ev.sync_follow_ups(course.delivery)
    return t2


def test_a_follow_up_link_gives_each_participant_their_own_address(course):
    t2 = _two_completed(course)
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="participant")
    page = client_for(course.coordinator).get(
        reverse("evaluation-link", args=[course.delivery.uuid, link.uuid])).content.decode()
    addresses = re.findall(r'<code class="address">http://testserver/q/([^/]+)/</code>', page)
    assert len(addresses) == 2 and link.token not in addresses  # no shared address shown
    assert "Brian K." in page and "+254 700 000 002" in page
    phone = client_for(None)
    form = phone.get(reverse("evaluation-answer", args=[addresses[1]])).content.decode()
    assert 'name="code"' not in form and "as participant T2" in form  # nobody picks a code
    # a code posted anyway answers for the address's owner only, never for T1
    phone.post(reverse("evaluation-answer", args=[addresses[1]]),
               {"code": "T1", "applied": "yes", "example": "Ran the stand-ups"})
    answered = {f.trainee.code: f.applied for f in FollowUp.objects.filter(
        respondent="participant", answered_at__isnull=False)}
    assert answered == {"T2": "yes"} and t2.code == "T2"
    # the same address again: answered once
    again = phone.post(reverse("evaluation-answer", args=[addresses[1]]),
                       {"applied": "no"})
    assert again.status_code == 409


def test_a_follow_ups_shared_address_takes_no_answer_for_a_chosen_code(course):
    _two_completed(course)
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="participant")
    phone = client_for(None)
    url = reverse("evaluation-answer", args=[link.token])
    page = phone.get(url)
    assert page.status_code == 404 and "own link" in page.content.decode()
    phone.post(url, {"code": "T1", "applied": "no"})
    assert not FollowUp.objects.filter(answered_at__isnull=False).exists()
    with pytest.raises(ev.EvaluationError):
        ev.answer_by_link(link, ev.FollowUpAnswer("T1", "participant", "no"))
    with pytest.raises(ev.EvaluationError):  # someone else's address, another's code
        ev.answer_by_link(link, ev.FollowUpAnswer("T1", "participant", "no"),
                          trainee=FollowUp.objects.exclude(trainee=course.trainee)
                          .first().trainee)


# 7. a supervisor has a contact of their own, shown where the follow-ups say whom to call


def test_the_follow_ups_list_gives_the_supervisors_own_contact(course):
    t2 = services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk, name="Brian K.", contact="+254 700 000 002",
        supervisor_contact="Grace N., +254 700 000 009"))
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 8, 30), end_date=dt.date(2025, 8, 31), status="completed")
    course.delivery.refresh_from_db()
    Trainee.objects.filter(delivery=course.delivery).update(completion="completed")
    ev.sync_follow_ups(course.delivery)
    client = client_for(course.coordinator)
    page = client.get(reverse("evaluation-follow-ups")).content.decode()
    rows = {m.group(1): m.group(0) for m in re.finditer(
        r"<tr>.*?(T\d) .*?</tr>", page, re.S) if "Their supervisor" in m.group(0)}
    assert "Grace N., +254 700 000 009" in rows["T2"]
    assert "+254 700 000 002" not in rows["T2"]  # not the trainee's own phone
    # T1's supervisor has none yet: recorded from the list itself
    assert 'name="contact"' in rows["T1"]
    client.post(reverse("evaluation-supervisor-contact", args=[course.delivery.uuid, "T1"]),
                {"contact": "Mr Otieno, otieno@example.org"})
    assert TraineeIdentity.objects.get(trainee=course.trainee).supervisor_contact == (
        "Mr Otieno, otieno@example.org")
    page = client.get(reverse("evaluation-follow-ups")).content.decode()
    assert "Mr Otieno, otieno@example.org" in page and t2.code == "T2"


# 4. times are said in the course's country's time zone, with its name


def test_a_links_closing_time_is_said_in_the_courses_time_zone(course):
    link = ev.open_link(course.coordinator, course.delivery, 2, phase="pre")
    EvaluationLink.objects.filter(pk=link.pk).update(
        expires_at=dt.datetime(2026, 3, 2, 0, 41, tzinfo=dt.UTC))
    page = client_for(course.coordinator).get(
        reverse("delivery-evaluation", args=[course.delivery.uuid])).content.decode()
    assert "2 March 2026 03:41 EAT" in page and "00:41" not in page


def test_each_countrys_courses_say_their_zone():
    at = dt.datetime(2026, 7, 1, 21, 30, tzinfo=dt.UTC)
    for code in ("KE", "DJ", "SO"):
        here = zones.local(at, code)
        assert (here.hour, here.minute, here.tzname()) == (0, 30, "EAT")


# 9. a training provider's staff reaches their own pages only, by menu or by address


def test_a_provider_is_refused_the_assessment_pages_and_keeps_their_own(course):
    client = client_for(course.provider)
    for name in ("jobs", "analysis-programme", "analysis-themes", "results"):
        page = client.get(reverse(name))
        assert page.status_code == 403, name
        assert "as a training provider you see your deliveries" in page.content.decode()
    for name in ("home", "deliveries", "evaluation-follow-ups", "account"):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("delivery", args=[course.delivery.uuid])).status_code == 200
    home = client.get(reverse("home")).content.decode()
    assert reverse("jobs") not in home and reverse("analysis-programme") not in home
    # the engagement's people keep them
    assert client_for(course.coordinator).get(reverse("jobs")).status_code == 200


# 8. the training provider, who reads the trainees' names, sees their scores as totals only


def test_the_provider_sees_who_answered_but_not_each_named_trainees_score(course):
    ev.record_answers(course.coordinator, course.delivery, [
        ev.LearningAnswer("T1", "pre", correct=1, out_of=4),
        ev.LearningAnswer("T1", "post", correct=3, out_of=4)], source="paper")
    url = reverse("delivery-evaluation", args=[course.delivery.uuid])
    provider = client_for(course.provider)
    names = provider.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    assert "Amina W." in names  # the provider reads the names (sign-in sheets)
    page = provider.get(url).content.decode()
    per = page.split("Per participant", 1)[1]
    assert "25%" not in per and "75%" not in per and ">50<" not in per
    assert "answered" in per and "stay with the engagement's coordinators" in per
    # the course's totals of one participant could be read as theirs: shown from 5
    assert "Gain (percentage points)" not in page and "shown from 5 participants" in page
    # nor does it type in answers (the party evaluated): the paper page is the coordinators'
    paper = provider.get(reverse("evaluation-paper", args=[course.delivery.uuid, "post"]))
    assert paper.status_code == 403
    # the coordinator sees each score
    mine = client_for(course.coordinator).get(url).content.decode()
    assert "25%" in mine.split("Per participant", 1)[1] and "Gain (percentage points)" in mine


# 10. the attendance sheet in the reader's language: headed, answered and refused in it


@pytest.mark.parametrize("language", ["fr", "ar", "sw"])
def test_the_attendance_sheet_offered_in_a_language_is_imported_back(course, language):
    client = client_for(course.coordinator)
    client.cookies["django_language"] = language
    data = client.get(reverse("delivery-attendance-template", args=[course.delivery.uuid]))
    text = data.content.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(sheet.sheet_headers(language))
    yes, no = sheet.yes_no(language)
    filled = text.replace("T1,Amina W.,1,", f"T1,Amina W.,1,{yes}").replace(
        "T1,Amina W.,2,", f"T1,Amina W.,2,{no}")
    with translation.override(language):
        result = imports.import_attendance(filled.encode(), course.delivery,
                                           user=course.coordinator, name="sheet.csv")
    assert result.marks == 2
    assert sorted(Attendance.objects.values_list("day", "present")) == [(1, True), (2, False)]


def test_arabic_sheet_problems_use_arabic_words_and_punctuation(course):
    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk))
    data = "الرمز,اليوم,حاضر\nT1,1,ربما\nT2,1,ربما\n".encode()
    with translation.override("ar"), pytest.raises(ImportProblem) as caught:
        imports.import_attendance(data, course.delivery, name="sheet.csv")
    message = str(caught.value)
    assert "yes" not in message and "no" not in message.replace("not", "")
    assert "نعم" in message and "لا" in message  # the words the Arabic sheet is filled with
    assert "2، 3" in message  # the rows, with the Arabic comma


def test_a_sheet_missing_columns_says_so_once_naming_them_all(course):
    with pytest.raises(ImportProblem) as caught:
        imports.import_attendance(b"code,comment\nT1,late\n", course.delivery, name="s.csv")
    problems = caught.value.problems
    assert len(problems) == 1
    assert "“day”" in str(problems[0]) and "“present”" in str(problems[0])


def test_the_providers_api_token_reads_no_ones_score_either(client, course):
    ev.record_answers(course.coordinator, course.delivery, [
        ev.LearningAnswer("T1", "pre", correct=1, out_of=4)], source="paper")
    path = f"/api/deliveries/{course.delivery.uuid}/evaluation"
    token = create_token(course.provider, "test").raw
    got = client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}").json()
    # which code answered, as its page says, never the score (access.answers_shown)
    assert [(c["code"], c["correct"], c["out_of"]) for c in got["learning"]] == [
        ("T1", None, None)]
    assert got["gains"] == []
    token = create_token(course.coordinator, "test").raw
    mine = client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert mine["learning"][0]["correct"] == 1
