"""What the delivery pages say: module titles in the reader's language, dates as the plan
pages give them (never ISO), courses whose end has passed while still planned or running
flagged as overdue."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from govcap.delivery.models import Delivery
from tests.security.helpers import client_for


def dated(course, start: dt.date, end: dt.date, status=Delivery.Status.IN_PROGRESS) -> None:
    Delivery.objects.filter(pk=course.delivery.pk).update(start_date=start, end_date=end,
                                                         status=status)


def title(course, language: str) -> str:
    return course.plan.catalogue.parsed(language).by_code[course.delivery.module_code].title


def test_the_deliveries_list_names_the_module_in_the_readers_language(course):
    for language in ("en", "fr"):
        page = client_for(course.coordinator).get(
            reverse("deliveries"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        # the title with its code, as the plan's documents name the course
        code = course.delivery.module_code
        assert (f">{title(course, language)} (<span class=\"code\">{code}</span>)</a>"
                in page.replace("&#x27;", "'"))


def test_dates_are_said_in_the_readers_language_not_iso(course):
    dated(course, dt.date(2026, 3, 4), dt.date(2026, 3, 5), Delivery.Status.COMPLETED)
    client = client_for(course.coordinator)
    for name in ("delivery", "delivery-evaluation"):
        page = client.get(reverse(name, args=[course.delivery.uuid]),
                          HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        assert "2026-03-04" not in page
        assert "du 4 au 5 mars 2026" in page
    listing = client.get(reverse("deliveries"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "du 4 au 5 mars 2026" in listing and "2026-03-04" not in listing


def test_a_planned_month_is_a_month_name(course):
    page = client_for(course.coordinator).get(
        reverse("delivery", args=[course.delivery.uuid])).content.decode()
    with translation.override("en"):
        month = date_format(dt.date.fromisoformat(course.delivery.planned_month + "-01"),
                            "YEAR_MONTH_FORMAT")
    assert f"Not set (planned for {month})" in page


def test_a_course_whose_end_has_passed_while_running_is_flagged_overdue(course):
    client = client_for(course.coordinator)
    last_week = dt.date.today() - dt.timedelta(days=7)
    dated(course, last_week, last_week + dt.timedelta(days=1))
    page = client.get(reverse("delivery", args=[course.delivery.uuid])).content.decode()
    assert '<span class="tag overdue">Overdue</span>' in page
    assert "and is still “In progress”: record it as completed, or move or cancel it." in page
    assert '<span class="tag overdue">Overdue</span>' in client.get(
        reverse("deliveries")).content.decode()
    assert '<span class="tag overdue">Overdue</span>' in client.get(
        reverse("deliveries-engagement", args=[course.engagement.slug])).content.decode()
    # completed, or still to come: not overdue
    Delivery.objects.filter(pk=course.delivery.pk).update(status=Delivery.Status.COMPLETED)
    assert "Overdue" not in client.get(reverse("deliveries")).content.decode()
    dated(course, dt.date.today() + dt.timedelta(days=7), dt.date.today() + dt.timedelta(days=8))
    assert "Overdue" not in client.get(reverse("deliveries")).content.decode()


def test_the_cost_field_names_its_currency(course):
    page = client_for(course.coordinator).get(
        reverse("delivery", args=[course.delivery.uuid])).content.decode()
    assert f"Cost actually incurred ({course.delivery.currency})" in page


def test_session_dates_follow_the_course_dates():
    from govcap.delivery.core.attendance import session_dates

    tue, wed = dt.date(2026, 3, 3), dt.date(2026, 3, 4)
    assert session_dates(tue, wed, 2) == [tue, wed]
    fri, mon = dt.date(2026, 3, 6), dt.date(2026, 3, 9)  # over a weekend: the weekdays
    assert session_dates(fri, mon, 2) == [fri, mon]
    assert session_dates(tue, dt.date(2026, 3, 13), 3) == [tue, None, dt.date(2026, 3, 13)]
    assert session_dates(None, None, 2) == [None, None]


def test_the_sign_in_sheet_prints_the_days_dates(course):
    dated(course, dt.date(2026, 3, 6), dt.date(2026, 3, 9), Delivery.Status.PLANNED)
    client = client_for(course.provider)
    day2 = client.get(reverse("delivery-sign-in", args=[course.delivery.uuid, 2])).content.decode()
    assert "<strong>Date:</strong> 9 March 2026" in day2
    every = client.get(reverse("delivery-sign-in-all", args=[course.delivery.uuid]))
    text = every.content.decode()
    assert "Day 1<br>6 March 2026" in text and "Day 2<br>9 March 2026" in text
    assert text.count('<td class="sign"></td>') == 2 * 3  # T1 and two blank rows, per day


def test_a_courses_state_agrees_with_the_course_in_french():
    # "Prévu" and "Terminé" stood beside "formation", a feminine word
    from django.utils import translation

    with translation.override("fr"):
        assert [str(s.label) for s in (Delivery.Status.PLANNED, Delivery.Status.COMPLETED,
                                        Delivery.Status.CANCELLED)] == [
            "Prévue", "Terminée", "Annulée"]
