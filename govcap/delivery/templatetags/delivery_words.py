"""Dates and months on the delivery pages as the plan pages say them, in the reader's
language ("4 mars 2026", "March 2026"), never ISO."""

from __future__ import annotations

import datetime as dt

from django import template

from govcap import localise
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
