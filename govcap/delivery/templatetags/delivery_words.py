"""Dates and months on the delivery pages as the plan pages say them, in the reader's
language ("4 mars 2026", "March 2026"), never ISO."""

from __future__ import annotations

import datetime as dt

from django import template
from django.conf import settings
from django.utils.html import format_html_join
from django.utils.translation import pgettext

from govcap import localise
from govcap.accounts import scoping
from govcap.delivery.core import zones
from govcap.planning import wording

register = template.Library()


@register.filter
def month(value: str | None) -> str:
    """``2026-03`` → "March 2026" ("mars 2026")."""
    return wording.month_label(value)


@register.filter
def day(value: dt.date | None) -> str:
    """One day in words, as everywhere (`govcap.localise.day`): "4 March 2026", "4 mars 2026"."""
    return localise.day(value, empty="—")


@register.filter
def dates(delivery) -> str:
    """A delivery's dates, the month and year said once: "4–5 March 2026", one day once;
    "" when not set."""
    start, end = delivery.start_date, delivery.end_date
    if start is None:
        return ""
    return localise.day_range(start, end or start)  # "du 16 au 20 juillet 2026"


@register.filter
def day_time(value: dt.datetime | None) -> str:
    """A moment in words, as everywhere (`govcap.localise.day_time`): "4 March 2026 14:05"."""
    return localise.day_time(value, empty="—")


@register.filter
def course_time(value: dt.datetime | None, delivery) -> str:
    """A moment as the course's country reads it, with its zone: "4 March 2026 17:05 EAT"
    (a link open "until 00:41" in UTC closes at 03:41 in Nairobi)."""
    if value in (None, ""):
        return "—"
    assert value is not None
    country = getattr(getattr(delivery, "engagement", None), "country", None)
    here = zones.local(value, country, settings.TIME_ZONE)
    return f"{localise.day_time(here.replace(tzinfo=None))} {zone_label(here.tzname() or '')}"


def zone_label(abbreviation: str) -> str:
    """A zone's abbreviation as the reader's language writes it ("EAT"); one the
    translations do not know, as the zone database writes it ("+04")."""
    return {
        "EAT": pgettext("time zone (UTC+3: Kenya, Djibouti, Somalia, Ethiopia)", "EAT"),
        "CAT": pgettext("time zone (UTC+2: Central Africa)", "CAT"),
        "WAT": pgettext("time zone (UTC+1: West Africa)", "WAT"),
        "UTC": pgettext("time zone", "UTC"),
    }.get(abbreviation, abbreviation)


@register.inclusion_tag("delivery/_trail.html", takes_context=True)
def delivery_trail(context, delivery, current: bool = False) -> dict:
    """The start of a delivery page's breadcrumb, the same on every one of them:
    "Deliveries › Kenya — baseline 2025 › POL-102/en/01" (the course a link unless
    ``current``); the engagement a link to its deliveries for those who may open them,
    its name alone for the others (a training provider)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    lists = bool(user and user.is_authenticated and scoping.engagements(user).filter(
        pk=delivery.engagement_id).exists())
    return {"delivery": delivery, "engagement": delivery.engagement,
            "lists_engagement": lists, "current": current}


@register.simple_tag
def coordinators_of(engagement) -> dict:
    """Whom a respondent tells of a problem, by name: the engagement's coordinators, each
    with their e-mail address when one is recorded ("Amina Wanjiru (amina@ict.go.ke)"), in
    one list of the page's language; ``count`` 0 when it has none."""
    # Here, not at the top: template tag modules load before the accounts app's models.
    from govcap.accounts.models import Role, RoleAssignment

    users = [a.user for a in RoleAssignment.objects.filter(
        engagement=engagement, role=Role.COORDINATOR, user__is_active=True)
        .select_related("user").order_by("user__last_name", "user__first_name",
                                         "user__username")]
    said = [f"{u.get_full_name() or u.username} ({u.email})" if u.email
            else (u.get_full_name() or u.username) for u in dict.fromkeys(users)]
    # each name set apart (<bdi>) in the sentence that says it: a Latin name and its
    # address in an Arabic sentence keep their order and their brackets
    between = localise.separator(strong=any("," in s or "،" in s for s in said))
    names = format_html_join(between, "<bdi>{}</bdi>", ((s,) for s in said))
    return {"names": names, "count": len(said)}
