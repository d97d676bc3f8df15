"""The evaluation pages: the participant's phone form through a link (no account, no
script), the trainer's QR code, paper entry, the follow-up reminders, provider scoping."""

from __future__ import annotations

import datetime as dt
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from govcap.delivery import evaluation as ev
from govcap.delivery.models import (
    Delivery,
    FollowUp,
    LearningCheck,
    Reaction,
    TraineeIdentity,
)
from tests.security.helpers import client_for


def answer_url(link) -> str:
    return reverse("evaluation-answer", args=[link.token])


def test_a_participant_answers_level_1_on_a_phone_once(course):
    link = ev.open_link(course.provider, course.delivery, 1)
    phone = Client()
    page = phone.get(answer_url(link))
    html = page.content.decode()
    assert page.status_code == 200
    assert '<option value="T1">T1</option>' in html and "Amina" not in html  # codes, no names
    assert "<script" not in html.split("<main", 1)[1]  # the form works without JavaScript
    sent = phone.post(answer_url(link), {"code": "T1", "relevance": "5", "quality": "4",
                                         "trainer": "5", "comment": "Practical"})
    assert sent.status_code == 302
    assert "Thank you" in phone.get(sent["Location"]).content.decode()
    r = Reaction.objects.get()
    assert (r.relevance, r.quality, r.trainer, r.recommend, r.comment) == (5, 4, 5, None,
                                                                            "Practical")
    again = phone.post(answer_url(link), {"code": "T1", "relevance": "1"})
    assert again.status_code == 409
    assert "already recorded" in again.content.decode()
    assert Reaction.objects.get().relevance == 5


def test_an_empty_answer_is_asked_again_not_saved(course):
    link = ev.open_link(course.provider, course.delivery, 1)
    page = Client().post(answer_url(link), {"code": "T1"})
    assert page.status_code == 400 and "at least one rating" in page.content.decode()
    assert not Reaction.objects.exists()


def test_level_2_asks_each_objective_of_the_module(course):
    link = ev.open_link(course.coordinator, course.delivery, 2, phase="post")
    objectives = ev.objectives(course.delivery)
    html = Client().get(answer_url(link)).content.decode()
    for text in objectives:
        assert text.replace("'", "&#x27;") in html
    data = {"code": "T1", **{f"o{i}": "yes" for i in range(1, len(objectives) + 1)}}
    data["o2"] = "no"
    assert Client().post(answer_url(link), data).status_code == 302
    check = LearningCheck.objects.get()
    assert (check.phase, check.correct, check.out_of) == ("post", len(objectives) - 1,
                                                          len(objectives))
    assert check.objectives_met[1] is False


def test_an_expired_link_says_so_and_takes_nothing(course):
    link = ev.open_link(course.coordinator, course.delivery, 1, hours=1,
                        now=timezone.now() - dt.timedelta(hours=2))
    phone = Client()
    assert phone.get(answer_url(link)).status_code == 410
    closed = phone.post(answer_url(link), {"code": "T1", "relevance": "4"})
    assert closed.status_code == 410 and "closed" in closed.content.decode()
    assert not Reaction.objects.exists()
    assert phone.get(reverse("evaluation-answer", args=["not-a-token"])).status_code == 404


def test_the_trainer_shows_a_qr_code_of_the_link(course):
    client = client_for(course.provider)
    opened = client.post(reverse("evaluation-link-open", args=[course.delivery.uuid]),
                         {"form": "pre", "hours": "2"})
    link = course.delivery.evaluation_links.get()
    assert opened["Location"] == reverse("evaluation-link", args=[course.delivery.uuid,
                                                                  link.uuid])
    html = client.get(opened["Location"]).content.decode()
    assert "<svg" in html and link.token in html
    assert (link.level, link.phase) == (2, "pre")


def test_the_evaluation_page_sums_up_and_the_provider_runs_it(course):
    ev.record_answers(course.coordinator, course.delivery, [
        ev.ReactionAnswer("T1", 4, 5, 3, 4),
        ev.LearningAnswer("T1", "pre", correct=2, out_of=8),
        ev.LearningAnswer("T1", "post", correct=6, out_of=8)], source="paper")
    page = client_for(course.provider).get(reverse("delivery-evaluation",
                                                   args=[course.delivery.uuid]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Open a link" in html and "1 participant of 1 answered." in html
    # the provider, who reads the names, sees no score of one answer; the coordinator does
    assert "25%" not in html and "shown from 5 participants" in html
    html = client_for(course.coordinator).get(reverse(
        "delivery-evaluation", args=[course.delivery.uuid])).content.decode()
    assert "25%" in html and "75%" in html
    viewer = client_for(course.viewer).get(reverse("delivery-evaluation",
                                                   args=[course.delivery.uuid]))
    assert viewer.status_code == 200 and "Open a link" not in viewer.content.decode()


def test_another_providers_staff_sees_nothing(course, make_user):
    from govcap.delivery.models import ProviderMember, TrainingProvider

    other = TrainingProvider.objects.create(country=course.engagement.country, name="Vendor")
    stranger = make_user("stranger")
    ProviderMember.objects.create(user=stranger, provider=other)
    client = client_for(stranger)
    uuid = course.delivery.uuid
    assert client.get(reverse("delivery-evaluation", args=[uuid])).status_code == 404
    assert client.post(reverse("evaluation-link-open", args=[uuid]),
                       {"form": "reaction", "hours": "2"}).status_code == 404
    assert client.get(reverse("evaluation-paper", args=[uuid, "reaction"])).status_code == 404


def test_paper_entry_saves_all_rows_or_none(course):
    from govcap.delivery import services

    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk))
    client = client_for(course.coordinator)
    url = reverse("evaluation-paper", args=[course.delivery.uuid, "reaction"])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"T1-relevance": "4", "T2-quality": "9"})
    assert bad.status_code == 400
    assert "T2" in bad.content.decode() and not Reaction.objects.exists()
    good = client.post(url, {"T1-relevance": "4", "T1-comment": "Good", "T2-quality": "3"})
    assert good.status_code == 302
    assert sorted(Reaction.objects.values_list("trainee__code", "relevance", "quality")) == [
        ("T1", 4, None), ("T2", None, 3)]
    # learning: objectives marked one by one, or a total
    n = len(ev.objectives(course.delivery))
    pre = reverse("evaluation-paper", args=[course.delivery.uuid, "pre"])
    marks = {f"T1-o{i}": "no" for i in range(1, n + 1)} | {"T1-o1": "yes"}
    assert client.post(pre, {**marks, "T2-correct": "3", "T2-out_of": "10"}).status_code == 302
    assert sorted(LearningCheck.objects.values_list("trainee__code", "correct", "out_of")) == [
        ("T1", 1, n), ("T2", 3, 10)]


def test_follow_up_reminders_and_their_answers(course):
    from govcap.delivery import services
    from govcap.delivery.core.attendance import Mark

    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7), status="completed")
    services.record_attendance(course.coordinator, course.delivery,
                               [Mark("T1", 1, True), Mark("T1", 2, True)])
    client = client_for(course.coordinator)
    assert "T1" not in client.get(reverse("evaluation-follow-ups")).content.decode()
    # marking T1 completed (the delivery page's form) is what brings the follow-ups
    client.post(reverse("delivery-completion", args=[course.delivery.uuid]),
                {"trainee": str(course.trainee.uuid), "completion": "completed"})
    TraineeIdentity.objects.update_or_create(
        trainee=course.trainee, defaults={"name": "Amina Yusuf", "contact": "+254 700 000 111"})
    page = client.get(reverse("evaluation-follow-ups")).content.decode()
    assert "T1" in page and "Overdue" in page
    # whom to call, and about which course: the list is worked through by phone
    assert "<bdi>Amina Yusuf</bdi>" in page and "+254 700 000 111" in page
    assert page.count("+254 700 000 111") == 1  # the participant's row, not the supervisor's
    assert f"({course.delivery.module_code})" in page and "6–7 January 2025" in page
    url = reverse("evaluation-follow-up-answer",
                  args=[course.delivery.uuid, "T1", "supervisor"])
    assert client.post(url, {"applied": "yes", "example": "Runs the map reviews"}).status_code == 302
    f = FollowUp.objects.get(respondent="supervisor")
    assert (f.applied, f.example, f.source) == ("yes", "Runs the map reviews", "paper")
    page = client.get(reverse("evaluation-follow-ups")).content.decode()
    assert re.findall(r"/follow-ups/T1/(participant|supervisor)/", page) == ["participant"]
    assert client_for(course.viewer).post(url, {"applied": "no"}).status_code == 403


def test_a_superscript_rating_on_paper_is_a_problem_named_not_a_crash(course):
    url = reverse("evaluation-paper", args=[course.delivery.uuid, "reaction"])
    page = client_for(course.coordinator).post(url, {"T1-relevance": "¹⁰"})
    assert page.status_code == 400 and "is not a rating from 1 to 5" in page.content.decode()
    assert not Reaction.objects.exists()


def test_a_french_courses_form_opens_in_french_unless_the_participant_chose(course, settings):
    # A French course's QR code opened an English form on a phone set to English.
    module = course.delivery.module_code
    Delivery.objects.filter(pk=course.delivery.pk).update(cohort_id=f"{module}/fr/01")
    course.delivery.refresh_from_db()
    link = ev.open_link(course.provider, course.delivery, 1)
    phone = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="fr"' in phone.get(answer_url(link)).content.decode()
    phone.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"  # the participant's own choice
    assert '<html lang="ar"' in phone.get(answer_url(link)).content.decode()
