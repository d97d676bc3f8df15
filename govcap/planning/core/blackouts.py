"""The months training cannot use, computed per year for a country.

Three kinds of blocked days, each an engagement setting:

* the **fiscal year-end** month (Kenya's year ends in June, Djibouti's and Somalia's in
  December): the whole month is blocked, ministries close their books then;
* **Ramadan**, computed for each year from the Umm al-Qura Hijri calendar (``hijridate``):
  the working days of the month of Ramadan are blocked;
* **national holidays** of the country (``holidays``), each one working day.

Working days are the days outside the country's weekend (Kenya Saturday–Sunday,
Djibouti Friday–Saturday, Somalia Friday). The scheduler then applies
:class:`~govcap.planning.core.inputs.MonthBlock`'s rule: a month with half its working
days blocked or more is closed to training; otherwise each organisation keeps its monthly
training days in proportion to the free working days, rounded to the nearest day.
Pure: the same country, months and settings give the same blocks.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from functools import cache

import holidays as holiday_tables
from hijridate import Gregorian

from govcap.planning.core.inputs import MonthBlock, month_number, nominations_due
from govcap.planning.core.plan import PlanData

# Country defaults; a country not listed gets a Saturday–Sunday weekend, no fiscal
# year-end and Ramadan not blocked, until its engagement settings say otherwise.
WEEKENDS: dict[str, tuple[int, ...]] = {"KE": (5, 6), "DJ": (4, 5), "SO": (4,)}
FISCAL_YEAR_END: dict[str, int] = {"KE": 6, "DJ": 12, "SO": 12}
RAMADAN_BLOCKED: frozenset[str] = frozenset({"DJ", "SO"})
RAMADAN = 9  # the ninth month of the Hijri year

# A month block's reasons are codes, worded in the reader's language where shown
# (planning.month_words): "fiscal-year-end", "ramadan:<working days>",
# "holiday:<country>:<date>" (its name from the holiday tables, in that language).
FISCAL_YEAR_END_REASON, RAMADAN_REASON, HOLIDAY_REASON = "fiscal-year-end", "ramadan", "holiday"


def _days(month: str) -> list[dt.date]:
    year, number = divmod(month_number(month), 12)
    return [dt.date(year, number + 1, d)
            for d in range(1, calendar.monthrange(year, number + 1)[1] + 1)]


def _holidays(country: str, years: Iterable[int]) -> dict[dt.date, str]:
    try:
        table = holiday_tables.country_holidays(country, years=sorted(set(years)))
    except NotImplementedError:  # a country the package does not cover: none known
        return {}
    return dict(table.items())


# The tables' French names that keep an English spelling, as French writes them ("(estimé)"
# and the "; " between two holidays of one day are kept). Djibouti's tables (holidays 0.108).
FRENCH_NAMES = {
    "Eid al-Fitr": "Aïd el-Fitr",
    "Eid al-Fitr deuxième jour": "deuxième jour de l'Aïd el-Fitr",
    "Eid al-Adha": "Aïd el-Adha",
    "Eid al-Adha deuxième jour": "deuxième jour de l'Aïd el-Adha",
    "Al Isra et Al Mirague": "Al-Isra wal-Miraj",
    "Fête de l'indépendance deuxième jour": "deuxième jour de la fête de l'Indépendance",
}
_ESTIMATED_FR = " (estimé)"


def _french(name: str) -> str:
    def one(part: str) -> str:
        base = part.removesuffix(_ESTIMATED_FR)
        return FRENCH_NAMES.get(base, base) + part[len(base):]
    return "; ".join(one(part) for part in name.split("; "))


def holiday_name(country: str, day: dt.date, language: str) -> str | None:
    """A public holiday's name in ``language`` where the tables have it (else their own);
    in French, the names the tables leave in an English spelling as French writes them."""
    try:
        languages = holiday_tables.country_holidays(country).supported_languages
    except NotImplementedError:
        return None
    wanted = next((code for code in languages if code.split("_")[0] == language), None)
    table = holiday_tables.country_holidays(country, years=[day.year], language=wanted)
    name = table.get(day)
    return _french(name) if name and wanted and wanted.startswith("fr") else name


def month_blocks(country: str, months: Iterable[str], fiscal_year_end: int | None = None,
                 ramadan: bool = False, national_holidays: bool = False) -> tuple[MonthBlock, ...]:
    """The blocked working days of each of ``months`` that has any, with the reasons."""
    months = list(months)
    weekend = WEEKENDS.get(country.upper(), (5, 6))
    years = {month_number(m) // 12 for m in months}
    public = _holidays(country.upper(), years) if national_holidays else {}
    blocks = []
    for month in months:
        days = [d for d in _days(month) if d.weekday() not in weekend]
        if not days:
            continue
        if fiscal_year_end and days[0].month == fiscal_year_end:
            blocks.append(MonthBlock(month, len(days), len(days), (FISCAL_YEAR_END_REASON,)))
            continue
        blocked: set[dt.date] = set()
        reasons: list[str] = []
        if ramadan:
            fasting = [d for d in days if Gregorian(d.year, d.month, d.day).to_hijri().month
                       == RAMADAN]
            if fasting:
                blocked.update(fasting)
                reasons.append(f"{RAMADAN_REASON}:{len(fasting)}")
        for day in days:
            if day in public and day not in blocked:
                blocked.add(day)
                reasons.append(f"{HOLIDAY_REASON}:{country.upper()}:{day.isoformat()}")
        if blocked:
            blocks.append(MonthBlock(month, len(days), len(blocked), tuple(reasons)))
    return tuple(blocks)


@cache
def _public_days(country: str, year: int) -> frozenset[dt.date]:
    return frozenset(_holidays(country, (year - 1, year)))


def country_of(rate_card: str, reasons: Iterable[str] = ()) -> str:
    """A plan's country by its ISO code, as its data says it: its rate card ("KE 2026.1"),
    else a month block's holiday ("holiday:KE:2027-04-18"); "" when neither does."""
    code = rate_card.split(" ", 1)[0].split("-", 1)[0] if rate_card else ""
    if len(code) == 2 and code.isalpha():
        return code.upper()
    for reason in reasons:
        parts = reason.split(":")
        if len(parts) == 3 and parts[0] == HOLIDAY_REASON:
            return parts[1].upper()
    return ""


def plan_country(plan: PlanData) -> str:
    """The plan's country by its ISO code, as far as its data says (`country_of`)."""
    return country_of(plan.budget.rate_card, (r for b in plan.month_blocks for r in b.reasons))


def names_due(plan_date: dt.date, month: str, country: str = "") -> dt.date:
    """The day organisations name a course's participants by (`nominations_due`), moved to
    the working day before when it falls on the country's weekend or a public holiday (Kenya's
    follow-up asked for names by Saturday 3 April and Sunday 4 July 2027); never before the
    plan's date. ``country``: ISO code ("" : a Saturday and Sunday weekend, no holidays)."""
    day = nominations_due(plan_date, month)
    weekend = WEEKENDS.get(country.upper(), (5, 6))
    while day > plan_date and (day.weekday() in weekend or (
            country and day in _public_days(country.upper(), day.year))):
        day -= dt.timedelta(days=1)
    return day
