"""What a fresh-eyes reviewer of the delivery and evaluation pages found (issue 17, the
loop): each test says what a user sees."""

from __future__ import annotations

import datetime as dt
import json
import re

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from govcap.delivery.models import Delivery
from govcap.planning.models import Plan
from tests.security.helpers import client_for


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _months_ago(n: int) -> str:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_words(month: str) -> str:
    from govcap.planning import wording

    return wording.month_label(month)


def _save(plan: Plan) -> None:
    Plan.objects.filter(pk=plan.pk).update(data_json=json.dumps(plan.data))


def _three_courses(course) -> list[dict]:
    """The plan's two courses and a third, a copy of the second (CHG-999, not delivered)."""
    cohorts = course.plan.data["cohorts"]
    cohorts.append({**cohorts[1], "cohort_id": "CHG-999/en/01", "module_code": "CHG-999"})
    return cohorts


def test_a_planned_course_whose_month_ended_with_no_delivery_says_it_is_overdue(course):
    cohorts = _three_courses(course)
    late, later = cohorts[1], cohorts[2]
    late["month"], later["month"] = _months_ago(3), _months_ago(-2)
    _save(course.plan)
    page = _text(
        client_for(course.coordinator)
        .get(reverse("deliveries-engagement", args=[course.engagement.slug]))
        .content.decode()
    )
    when = _month_words(late["month"])
    assert page.index(late["module_code"]) < page.index(f"Overdue — planned for {when}")
    assert f"Overdue — planned for {when}, no delivery recorded" in page
    assert "Record delivery" in page
    # a course still to come is only "not delivered yet"
    assert f"planned for {_month_words(later['month'])}" not in page


def test_the_overview_lists_courses_in_the_month_they_run_not_by_code(course):
    cohorts = _three_courses(course)
    first, second = sorted(cohorts[1:3], key=lambda c: c["module_code"])
    first["month"], second["month"] = "2027-09", "2027-07"  # the earlier code runs later
    _save(course.plan)
    # the delivered course runs (its actual dates) after both of them
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2027, 10, 4), end_date=dt.date(2027, 10, 5)
    )
    page = _text(
        client_for(course.coordinator)
        .get(reverse("deliveries-engagement", args=[course.engagement.slug]))
        .content.decode()
    )
    order = [page.index(c["module_code"]) for c in (second, first, course.cohort)]
    assert order == sorted(order)


def test_the_nomination_menu_opens_on_an_organisation_the_plan_counts_in_the_course(course):
    cohort = next(
        c for c in course.plan.data["cohorts"] if c["cohort_id"] == course.cohort["cohort_id"]
    )
    cohort["members"] = [
        {**m, "org_id": str(course.ministry.uuid)} for m in cohort["members"][:1]
    ]  # the ministry only; "ICT Authority" comes first by name
    _save(course.plan)
    page = client_for(course.coordinator).get(reverse("delivery", args=[course.delivery.uuid]))
    menu = re.search(r'<select name="organisation"[^>]*>.*?</select>', page.content.decode(), re.S)
    assert menu is not None
    options = re.findall(r'<option value="(\d+)"( selected)? dir="auto">([^<]*)<', menu.group(0))
    assert options[0] == (str(course.ministry.pk), " selected", "Ministry of ICT")
    group = menu.group(0).split('<optgroup label="Not in this course in the plan">')
    assert len(group) == 2 and "ICT Authority" in group[1] and "Ministry of ICT" not in group[1]


def test_attendance_refused_before_the_course_says_the_day_in_words(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2099, 2, 8), end_date=dt.date(2099, 2, 9)
    )
    page = client_for(course.coordinator).post(
        reverse("delivery-attendance", args=[course.delivery.uuid]),
        {"was-T1-1": "", "was-T1-2": "", "present": ["T1:1"]},
        follow=True,
    )
    said = _text(page.content.decode())
    assert "This course starts on 8 February 2099: attendance is taken from that day." in said
    assert "Feb. 8" not in said


def test_the_deliveries_api_gives_money_in_the_currencys_units_as_the_results_api(course):
    from tests.delivery.test_scoping import bearer

    Delivery.objects.filter(pk=course.delivery.pk).update(
        planned_cost_cents=827_005, cost_cents=1_234_550, currency="USD"
    )
    api = bearer(course.coordinator)
    listed = json.loads(api.get("/api/deliveries").content)["items"][0]
    detail = json.loads(api.get(f"/api/deliveries/{course.delivery.uuid}").content)
    for d in (listed, detail):
        assert (d["planned_cost"], d["cost"], d["currency"]) == ("8270.05", "12345.50", "USD")
        assert (d["planned_cost_cents"], d["cost_cents"]) == (827_005, 1_234_550)  # one release
    Delivery.objects.filter(pk=course.delivery.pk).update(cost_cents=None)
    assert json.loads(api.get(f"/api/deliveries/{course.delivery.uuid}").content)["cost"] is None
    schema = json.loads(Client().get("/api/openapi.json").content)["components"]["schemas"]
    fields = schema["DeliveryOut"]["properties"]
    assert fields["planned_cost_cents"].get("deprecated") is True
    assert fields["cost_cents"].get("deprecated") is True
    assert not fields["planned_cost"].get("deprecated")


def _trail(page: str) -> str:
    return _text(page.split('<p class="crumbs', 1)[1].split("</p>", 1)[0].split(">", 1)[1])


def test_every_delivery_and_evaluation_page_gives_the_whole_trail(course):
    from govcap.delivery import evaluation as ev

    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 1, 6)
    )
    link = ev.open_link(course.coordinator, course.delivery, 1)
    uuid = course.delivery.uuid
    # the course as the plan's documents name it, not by its internal id
    start = (f"Deliveries › {course.engagement.name} › "
             f"{Delivery.objects.get(pk=course.delivery.pk).course.label}")
    pages = {
        reverse("delivery", args=[uuid]): start,
        reverse("delivery-evaluation", args=[uuid]): f"{start} › Evaluation",
        reverse("evaluation-link", args=[uuid, link.uuid]): f"{start} › Evaluation",
        reverse("delivery-sign-in", args=[uuid, 1]): f"{start} › Sign-in sheet",
    }
    for who in (course.coordinator, course.provider):
        client = client_for(who)
        for url, trail in pages.items():
            page = client.get(url)
            assert page.status_code == 200, (who, url)
            assert (
                _trail(page.content.decode()).replace("\u200e", "").replace("  ", " ") == trail
            ), (who, url)
    # the engagement is a link for its coordinator, its name alone for the provider
    listing = reverse("deliveries-engagement", args=[course.engagement.slug])
    evaluation = reverse("delivery-evaluation", args=[uuid])
    assert listing in client_for(course.coordinator).get(evaluation).content.decode()
    assert listing not in client_for(course.provider).get(evaluation).content.decode()


def test_a_used_supervisor_address_names_the_coordinator_to_tell_and_their_e_mail(course):
    from govcap.delivery import evaluation as ev
    from govcap.delivery.models import Trainee

    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7)
    )
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    link = ev.open_link(course.coordinator, course.delivery, 3, respondent="supervisor")
    url = reverse("evaluation-answer", args=[ev.personal_links(link)[0].token])
    type(course.coordinator).objects.filter(pk=course.coordinator.pk).update(
        first_name="Wanjiru", last_name="Kamau", email="w.kamau@ict.go.ke"
    )
    client = Client()
    client.cookies["django_language"] = "en"
    assert client.post(url, {"applied": "yes"}).status_code == 302
    said = _text(re.sub(r"</?bdi>", "", client.get(url).content.decode()))  # names set apart
    assert (
        "if you did not answer it, tell the engagement's coordinator, "
        "Wanjiru Kamau (w.kamau@ict.go.ke)." in said.replace("&#x27;", "'")
    ), said


def test_a_nomination_of_an_organisation_outside_the_course_is_saved_and_warned(course):
    cohort = next(
        c for c in course.plan.data["cohorts"] if c["cohort_id"] == course.cohort["cohort_id"]
    )
    cohort["members"] = [{**m, "org_id": str(course.ministry.uuid)} for m in cohort["members"][:1]]
    _save(course.plan)
    client = client_for(course.coordinator)
    for organisation in (course.ministry, course.agency):
        page = client.post(
            reverse("delivery-nominate", args=[course.delivery.uuid]),
            {"organisation": organisation.pk, "gender": "male"},
            follow=True,
        )
        assert page.status_code == 200
    assert course.delivery.trainees.count() == 3
    assert "ICT Authority" in _text(page.content.decode())


def test_a_reaction_link_refused_before_the_course_says_the_day_in_words(course):
    from govcap.delivery import evaluation as ev

    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2099, 2, 8), end_date=dt.date(2099, 2, 9)
    )
    course.delivery.refresh_from_db()
    try:
        ev.open_link(course.coordinator, course.delivery, 1)
    except ev.EvaluationError as exc:
        said = str(exc)
    else:
        raise AssertionError("a reaction link opened before the course")
    assert said.startswith("This course starts on 8 February 2099: the reaction")
