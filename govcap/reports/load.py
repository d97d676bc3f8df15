"""What each organisation can take, in the documents: the rules of the schedule (said in the
schedule chapter), the month-by-month load table (an annex) and its spreadsheet sheet.

Its words are kept here, beside the tables they label (gettext messages, as in
:mod:`govcap.reports.labels`).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop as _

from govcap.planning.core.inputs import month_name, month_number, quarter_of
from govcap.planning.core.plan import OrgLoad
from govcap.planning.core.schedule import spread
from govcap.planning.month_words import reasons_words
from govcap.reports.labels import Labels
from govcap.reports.model import Cell, Column, Heading, Month, Para, Section, Sheet, Table
from govcap.reports.scope import Scope

WORDS: dict[str, Any] = {
    "heading": _("Annex: training load per organisation"),
    "intro": (_("For each organisation, the training days of the courses starting each "
              "month, out of the days it can take that month, and how many of its staff "
              "are away. A month marked “closed” has no training.")),
    "rules": (_("Each course goes in a month only if every organisation in it still has "
              "room: at most {month} training days a month and {quarter} a calendar "
              "quarter per organisation, and at most {away} of its staff away in one "
              "month (its participants in all that month's courses, added up){own}. Higher-priority courses are placed first, each in the earliest "
              "month where it fits, and a course always comes after the ones it builds "
              "on. Holidays, Ramadan and the fiscal year-end take working days off a "
              "month: the days an organisation can take shrink in proportion, and a month "
              "with half its working days taken or more has no training.")),
    # after "rules": what the schedule leaves out of a month's cohorts and staff away
    "rules_classes": _("Coaching, on-the-job projects and e-learning count their training "
                       "days but take nobody away, and they are not counted among a month's "
                       "cohorts."),
    "own": _("; some organisations have limits of their own, shown in the annex"),
    "start": (_("Training starts no earlier than the month after the plan's date "
              "({date}): from {first}.")),
    "start_lead": _("Training starts at least {weeks:n.weeks} after the plan's date ({date}), "
                    "in a month that begins that long after it: from {first}."),
    "lead_closed": _("({month} is closed to training: {reasons})"),
    "lead_closed_plain": _("({month} is closed to training)"),
    "blocked": _("Months with fewer working days: {months}."),
    "closed": _("closed"),
    "col.org": _("Organisation"), "col.limits": _("Limits (month / quarter / staff)"),
    "col.total": _("Days in all"), "col.month": _("Month"), "col.days": _("Training days"),
    "col.limit": _("Days it can take"), "col.away": _("Staff away"),
    "col.away_max": _("Staff away at most"), "col.quarter": _("Days in the quarter"),
    "col.quarter_max": _("Days a quarter at most"), "sheet": _("Load"),
    "cell": _("{days}/{limit} · {away} away"),
}


def _w(s: Scope) -> Labels:
    return Labels(s.L.language, WORDS)


def _rows(s: Scope) -> list[OrgLoad]:
    rows = [row for row in s.plan.load if s.mine(row.org_id)]
    return sorted(rows, key=lambda r: s.names.get(r.org_id, r.org_name).casefold())


def rules(s: Scope) -> list[Any]:
    """The schedule's rules and dates, for the schedule chapter (the plan's assumptions)."""
    w = _w(s)
    c: dict[str, Any] = s.plan.settings.get("constraints", {})
    if "days_per_month" not in c:  # a plan stored before loads were planned
        return []
    own = any(c.get("capacity_overrides", {}).get(r.org_id) for r in _rows(s))
    said = w["rules"].format(month=c["days_per_month"], quarter=c["days_per_quarter"],
                             away=c["staff_away"], own=w["own"] if own else "")
    blocks: list[Any] = [Para(said + " " + w["rules_classes"])]
    lead = c.get("lead_weeks")  # None: a plan stored before lead times (the month after)
    why = closed_after_lead(s, w)
    # a later round reassesses the plan: the assumptions say what it keeps, not when
    later = s.plan.extra.get("later_round")
    if c.get("plan_date") and not later:
        blocks.append(Para(_with(w.t("start_lead", weeks=lead, date=s.L.date(c["plan_date"]),
                                     first=s.L.month(c["first_month"])), why)
                           if lead is not None else
                           w["start"].format(date=s.L.date(c["plan_date"]),
                                             first=s.L.month(c["first_month"]))))
    # not the start month in the settings when the plan's date moved it: a coordinator's
    # setting, stale, said to a ministry ("…not in the start month in the settings, August
    # 2026", Kenya's follow-up, issue 14 fresh eyes); the sentence above says from when
    # the months inside the plan's period, and those that pushed its start: Kenya's
    # baseline re-generated in 2026, its courses all of 2025, listed 2027's holidays
    first, last = s.period.first, s.period.last
    pushed = (set(months_between(c["lead_month"], c["not_before"]))
              if c.get("lead_month") and c.get("not_before")
              and c["lead_month"] < c["not_before"] else set())
    shaped = [b for b in s.plan.month_blocks if b.month in pushed
              or first is None or last is None or first <= b.month <= last]
    if shaped:
        months = s.L.semicolons(
            s.L.month(b.month) + s.L.colon() + (w["closed"] if b.closed else
                                        f"{b.blocked_days}/{b.working_days}")
            + f" ({reasons_words(b.reasons, s.L.language)})" for b in shaped)
        blocks.append(Para(w["blocked"].format(months=months), "note"))
    return blocks


def closed_after_lead(s: Scope, w: Labels | None = None) -> str:
    """" (February 2027 is closed to training: Ramadan (20 working days))" when the month
    the lead time gives is closed and training starts later (the plan's settings keep the
    closed months' reasons, ``lead_closed``); "" otherwise."""
    w = w or _w(s)
    c: dict[str, Any] = s.plan.settings.get("constraints", {})
    lead_month, not_before = c.get("lead_month"), c.get("not_before")
    if not lead_month or not not_before or lead_month >= not_before:
        return ""
    reasons: dict[str, list[str]] = c.get("lead_closed") or {}
    said = [w["lead_closed"].format(month=s.L.month(m), reasons=reasons_words(reasons[m],
                                                                             s.L.language))
            if reasons.get(m) else w["lead_closed_plain"].format(month=s.L.month(m))
            for m in months_between(lead_month, not_before)]
    return " " + " ".join(said)


def _with(sentence: str, why: str) -> str:
    """``why`` put in before the sentence's full stop."""
    if why and sentence.endswith("."):
        return sentence[:-1] + why + "."
    return sentence + why


def months_between(first: str, last: str) -> list[str]:
    """The months from ``first`` up to ``last``, ``last`` left out (two years at most)."""
    start = month_number(first)
    return [month_name(n) for n in range(start, min(month_number(last), start + 24))]


MONTHS_PER_TABLE = 6


def annex(s: Scope) -> Section:
    w = _w(s)
    rows = _rows(s)
    months = list(s.plan.months)
    blocks: list[Any] = [Para(w["intro"])]
    blocks += rules(s)
    blocks.append(Heading(w["heading"], 3))
    # Six months to a table: twelve month columns do not fit across a landscape page.
    for start in range(0, len(months), MONTHS_PER_TABLE):
        last = start + MONTHS_PER_TABLE >= len(months)
        cols = [Column(w["col.org"], 2.4), Column(w["col.limits"], 1.3)]
        cols += [Column(s.L.month(m), 1) for m in months[start:start + MONTHS_PER_TABLE]]
        if last:
            cols.append(Column(w["col.total"], 0.8, "number"))
        table_rows: list[list[Cell]] = []
        for row in rows:
            cells: list[Cell] = [s.names.get(row.org_id, row.org_name),
                                 f"{row.days_per_month} / {row.days_per_quarter} / "
                                 f"{row.staff_away}"]
            window = slice(start, start + MONTHS_PER_TABLE)
            for days, limit, away in zip(row.days[window], row.limits[window],
                                         row.away[window], strict=True):
                if limit == 0:
                    cells.append(w["closed"])
                elif days:
                    cells.append(w["cell"].format(days=days, limit=limit, away=away))
                else:
                    cells.append("–")
            if last:
                cells.append(sum(row.days))
            table_rows.append(cells)
        blocks.append(Table(cols, table_rows))
    return Section("load", w["heading"], blocks, wide=True)


def sheet(s: Scope) -> Sheet:
    w = _w(s)
    cols = [Column(w["col.org"], 40), Column(w["col.month"], 10),
            Column(w["col.days"], 12, "number"), Column(w["col.limit"], 12, "number"),
            Column(w["col.quarter"], 12, "number"), Column(w["col.quarter_max"], 12, "number"),
            Column(w["col.away"], 12, "number"), Column(w["col.away_max"], 12, "number")]
    rows: list[list[Cell]] = []
    kept = _kept(s)
    for row in _rows(s):
        before = kept.get(row.org_id, {})
        quarter: dict[int, int] = {}
        for month, days in [*zip(s.plan.months, row.days, strict=True),
                            *((m, d) for m, (d, _away) in before.items())]:
            quarter[quarter_of(month)] = quarter.get(quarter_of(month), 0) + days
        # the months of courses kept from an earlier version, before the schedule's own: their
        # days count (the schedule did not weigh those months, so no limit is given)
        for month, (days, away) in sorted(before.items()):
            rows.append([s.names.get(row.org_id, row.org_name), Month(month, s.L.month(month)),
                         days, "", quarter[quarter_of(month)], row.days_per_quarter, away,
                         row.staff_away])
        for month, days, limit, away in zip(s.plan.months, row.days, row.limits, row.away,
                                            strict=True):
            rows.append([s.names.get(row.org_id, row.org_name), Month(month, s.L.month(month)),
                         days, limit,
                         quarter[quarter_of(month)], row.days_per_quarter, away,
                         row.staff_away])
    return Sheet(w["sheet"], Table(cols, rows))


def _kept(s: Scope) -> dict[str, dict[str, tuple[int, int]]]:
    """Organisation → month → (training days, staff away) of the courses kept from an
    earlier version in months outside the schedule's (Djibouti's Load sheet started in
    February 2027 and left out its July and August 2026 courses)."""
    inside = set(s.plan.months)
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for c in s.plan.cohorts:
        module = s.catalogue.by_code.get(c.module_code) if s.catalogue and c.month else None
        if not c.delivery or module is None:
            continue
        parts = [(m, d) for m, d in spread(module, c.month or "",
                                            frozenset(s.plan.blackout_months)) if m not in inside]
        for member in c.members:
            if not s.mine(member.org_id):
                continue
            months = out.setdefault(member.org_id, {})
            for month, days in parts:
                held, away = months.get(month, (0, 0))
                if month == c.month and module.in_class:  # nobody away: coaching, e-learning
                    away += member.participants
                months[month] = (held + days, away)
    return out
