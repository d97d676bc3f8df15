"""Dates and months on the delivery pages as the plan pages say them, in the reader's
language ("4 mars 2026", "March 2026"), never ISO."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.formats import date_format

from govcap.planning import wording

register = template.Library()


@register.filter
def month(value: str | None) -> str:
    """``2026-03`` → "March 2026" ("mars 2026")."""
    return wording.month_label(value)


@register.filter
def day(value: dt.date | None) -> str:
    return date_format(value, "DATE_FORMAT") if value else "—"


@register.filter
def dates(delivery) -> str:
    """A delivery's dates: "4 March 2026 – 5 March 2026", one day once; "" when not set."""
    start, end = delivery.start_date, delivery.end_date
    if start is None:
        return ""
    if end is None or end == start:
        return day(start)
    return f"{day(start)} – {day(end)}"
