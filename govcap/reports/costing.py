"""The cost model in the documents: what the budget includes, at which unit rates and
quantities (the budget chapter), and the workbook's two costing sheets — the rate card's
unit rates and the budget lines, whose amounts are Excel formulas over those rates.

The plan data holds the lines (``Budget.lines``, planning.core.budget); this module only
words and lays them out, so the documents and the workbook show the figures the plan
was costed with. A plan stored before the cost model has no lines: its chapter keeps the
old wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_noop as _

from govcap import localise
from govcap.planning.core.plan import BudgetLine, PlanData
from govcap.reports.labels import Labels
from govcap.reports.model import Bullets, Cell, Column, Heading, Para, Table
from govcap.reports.scope import Scope
from govcap.reports.xlsx import month_format, sheet_title

CATEGORY_ORDER = ("course", "trainers", "venue", "materials", "allowance", "travel",
                  "coaching", "reassessment", "contingency")
RATE_ORDER = ("course-day", "course-cohort", *(f"{who}-{mode}" for mode in
                                               ("in-person", "blended", "online")
                                               for who in ("lead-trainer", "co-trainer")),
              "venue-day", "materials", "allowance-day", "travel", "coaching", "reassessment")

_EN: dict[str, str] = {
    "cat.course": _("Course price (catalogue or engagement rate)"),
    "cat.trainers": _("Trainers"), "cat.venue": _("Venue"), "cat.materials": _("Materials"),
    "cat.allowance": _("Participant daily allowance"), "cat.travel": _("Participant travel"),
    "cat.coaching": _("Follow-up coaching"), "cat.reassessment": _("Reassessment sessions"),
    "cat.contingency": _("Contingency"),
    "rate.course-day": _("Course price per participant-day"),
    "rate.course-cohort": _("Course price per cohort"),
    "rate.lead-trainer-in-person": _("Lead trainer, day in person"),
    "rate.lead-trainer-blended": _("Lead trainer, day blended"),
    "rate.lead-trainer-online": _("Lead trainer, day online"),
    "rate.co-trainer-in-person": _("Co-trainer, day in person"),
    "rate.co-trainer-blended": _("Co-trainer, day blended"),
    "rate.co-trainer-online": _("Co-trainer, day online"),
    "rate.venue-day": _("Venue, per day"), "rate.materials": _("Materials, per participant"),
    "rate.allowance-day": _("Daily allowance, per participant-day at the venue"),
    "rate.travel": _("Travel, per travelling participant"),
    "rate.coaching": _("Follow-up coaching, per organisation and course"),
    "rate.reassessment": _("Reassessment session, per organisation"),
    "unit.lead-trainer": _("trainer-days"), "unit.co-trainer": _("trainer-days"),
    "unit.venue-day": _("venue-days"), "unit.materials": _("participants"),
    "unit.allowance-day": _("participant-days"), "unit.travel": _("travellers"),
    "unit.coaching": _("organisations"), "unit.reassessment": _("sessions"),
    "unit.course-day": _("participant-days"), "unit.course-cohort": _("cohorts"),
    "col.category": _("Category"), "col.rate": _("Unit rate"), "col.quantity": _("Quantity"),
    "col.unit": _("Unit"), "col.line": _("Line"), "col.date": _("Month"),
    "col.key": _("Rate key"), "col.amount": _("Amount"), "col.cohort": _("Cohort"),
    "col.module": _("Module"), "col.org": _("Organisation (reassessment)"),
    "sheet.rates": _("Unit rates"), "sheet.lines": _("Budget lines"),
    "subtotal": _("Subtotal"), "total": _("Total"),
    # one organisation's workbook: the lines of the courses it shares, whole
    "total_whole": _("Total of these lines (whole courses, shared with the other "
                     "organisations in them; this organisation's share is in the Budget "
                     "sheet)"),
    # xgettext:no-python-format
    "contingency.row": _("Contingency ({percent}% of the subtotal)"),
    # xgettext:no-python-format
    "contingency.row_of": _("Contingency ({percent}% of the subtotal, {subtotal})"),
    "h.categories": _("Cost by category"),
    "budget.card": (_("Costed with the rate card {card} (effective {date}, in {currency}) and "
                    "the catalogue {catalogue} version {version}. {source}")),
    "budget.converted": (_("The card's {currency} rates are converted at {rate} {plan_currency} "
                         "per {currency} and rounded to the cent.")),
    # xgettext:no-python-format
    "budget.rules": (_("Each course day has a lead trainer and a co-trainer. A venue is paid "
                     "for every day in person and for half the days (rounded up) of a "
                     "blended course; online courses have none. Participants receive the "
                     "daily allowance for each day at the venue; {share}% of each "
                     "organisation's participants (rounded, per course) travel from outside "
                     "{city}. Coaching and on-the-job projects take place in the organisation's own "
                     "workplace: one coach, no venue, allowance or travel. Each organisation in a course receives the follow-up coaching "
                     "its module promises, and one reassessment session for each month the "
                     "monitoring chapter reassesses it in. The contingency is {percent}% of "
                     "the subtotal, computed once.")),
    # an earlier round's plan once the next round reassesses it (no reassessment budgeted)
    # xgettext:no-python-format
    "budget.rules_later": (_("Each course day has a lead trainer and a co-trainer. A venue is "
                           "paid for every day in person and for half the days (rounded up) "
                           "of a blended course; online courses have none. Participants "
                           "receive the daily allowance for each day at the venue; {share}% "
                           "of each organisation's participants (rounded, per course) travel "
                           "from outside {city}. Coaching and on-the-job projects take place "
                           "in the organisation's own workplace: one coach, no venue, "
                           "allowance or travel. Each organisation in a course receives the "
                           "follow-up coaching its module promises. No reassessment session "
                           "is budgeted: {round}, the next assessment round, reassesses the "
                           "organisations. The contingency is {percent}% of the subtotal, "
                           "computed once.")),
    "budget.own_rates": (_("Modules the engagement prices itself ({codes}) are costed at its "
                         "rate per participant-day and per cohort instead of the card's "
                         "trainers, venue and materials; their allowances, travel and "
                         "coaching still come from the card.")),
    "budget.shares": (_("Each organisation pays its own participants' lines and a share of "
                      "each course's trainers and venue in proportion to its participants; "
                      "the contingency is shared in proportion to each organisation's "
                      "subtotal. Every breakdown adds up to the total, {total}. The workbook "
                      "recomputes every line from the unit rates with formulas.")),
    # one organisation's plan: its workbook's budget lines are its courses' whole lines
    "budget.shares_org": (_("Each organisation pays its own participants' lines and a share "
                          "of each course's trainers and venue in proportion to its "
                          "participants; the contingency is shared in proportion to each "
                          "organisation's subtotal. Every breakdown of this plan adds up to "
                          "this organisation's total, {total}.")),
    "assume.included": (_("Included, at the rate card {card}'s unit rates: {categories}. "
                        "The budget chapter lists each line's unit rate and quantity.")),
    "budget.excluded": (_("Not included: participants' salaries and time away from work, "
                        "international travel of trainers, the programme's own management "
                        "and overheads, taxes and duties, and the courses of needs the plan "
                        "could not place (estimated separately below).")),
}


def catalogue_name(s: Scope) -> str:
    """The catalogue's name in the document's language (its layer's, as
    `planning.models.Catalogue.name` gives it), where the documents cite the catalogue;
    its key when the catalogue is unknown."""
    return s.catalogue.title if s.catalogue is not None else s.plan.catalogue_key


def text(language: str, key: str, **values: object) -> str:
    return Labels(language, _EN).t(key, **values)


def rate_label(language: str, key: str) -> str:
    return text(language, f"rate.{key}")


def unit_label(language: str, rate: str) -> str:
    base = rate
    if rate.startswith("lead-trainer"):
        base = "lead-trainer"
    elif rate.startswith("co-trainer"):
        base = "co-trainer"
    return text(language, f"unit.{base}")


# a rate's quantity as a count phrase (reports.labels' "n." keys): the number inside its
# message, where each language puts it ("siku 11 za wakufunzi"), in the noun's form for it
QUANTITY_OF = {"lead-trainer": "n.trainer_days", "co-trainer": "n.trainer_days",
               "venue-day": "n.venue_days", "materials": "n.participants",
               "allowance-day": "n.participant_days", "travel": "n.travellers",
               "coaching": "n.organisations", "reassessment": "n.assessment_sessions",
               "course-day": "n.participant_days", "course-cohort": "n.cohorts"}


def quantity_phrase(L: Labels, rate: str, quantity: int) -> str:
    """"11 trainer-days", "siku 11 za wakufunzi", "11 يومَ مدرّب": never a number glued
    before a noun in the plural (Swahili puts it after; Arabic's noun takes its form from
    the number)."""
    base = next((b for b in ("lead-trainer", "co-trainer") if rate.startswith(b)), rate)
    key = QUANTITY_OF.get(base)
    if key is None:
        return f"{L.number(quantity)} {unit_label(L.language, rate)}"
    return L.count(key, quantity)


def line_rate_key(line: BudgetLine, plan: PlanData) -> str:
    """The ``Budget.unit_rates`` key of a line (course lines: ``course-day`` or
    ``course-cohort``, priced per module)."""
    return line.rate


def card_source(budget: Any, language: str) -> str:
    """The rate card's note on its figures in `language` (the card's ``source_translations``),
    else as the card writes it; a text in another direction than the document's is held
    apart (LRI … PDI), so it does not run into the version before it ("per-diem .1.1")."""
    source = budget.rate_card_source_translations.get(language, budget.rate_card_source)
    return localise.inside_quotes(source, language) if source else source


def budget_blocks(s: Scope) -> list[Any]:
    """The budget chapter's cost-model part: the basis, a table by category with unit
    rates and quantities, and what is not included."""
    L, lang, budget = s.L, s.L.language, s.plan.budget
    if not budget.rate_card:  # catalogue prices only, or stored before the cost model
        return []
    c = s.plan.settings.get("constraints", {})
    blocks: list[Any] = []
    blocks.append(Para(text(lang, "budget.card", card=budget.rate_card,
                            date=L.date(budget.rate_card_effective_from),
                            currency=budget.rate_card_currency,
                            plan_currency=budget.currency,
                            rate=c.get("exchange_rate", 1),
                            catalogue=catalogue_name(s),
                            version=s.plan.catalogue_version,
                            source=card_source(budget, lang))))
    if budget.rate_card_currency != budget.currency:
        blocks.append(Para(text(lang, "budget.converted", currency=budget.rate_card_currency,
                                rate=c.get("exchange_rate", 1), plan_currency=budget.currency)))
    later = s.later_round  # the later round reassesses: no session of its own is costed
    blocks.append(Para(text(lang, "budget.rules_later" if later else "budget.rules",
                            share=budget.travelling_share_percent, city=budget.rate_card_city,
                            percent=budget.contingency_percent, round=later)))
    if c.get("cost_overrides"):
        blocks.append(Para(text(lang, "budget.own_rates",
                                codes=L.commas(sorted(c["cost_overrides"])))))
    # the formulas are in the whole plan's workbook only (render_plan adds its cost sheets)
    shares = "budget.shares" if s.org_id is None else "budget.shares_org"
    blocks.append(Para(text(lang, shares, total=s.money(s.total_cents).text)))
    blocks.append(Heading(text(lang, "h.categories")))
    amount = Column(text(lang, "col.amount"), 1.4, "money")
    if s.org_id is None:
        rows: list[list[Cell]] = []
        grouped: dict[tuple[str, str, int], int] = {}
        for line in budget.lines:
            key = (line.category, line_rate_key(line, s.plan), line.unit_cents)
            grouped[key] = grouped.get(key, 0) + line.quantity
        order = {k: i for i, k in enumerate(CATEGORY_ORDER)}
        rate_order = {k: i for i, k in enumerate(RATE_ORDER)}
        for (category, rate, unit), quantity in sorted(
                grouped.items(), key=lambda kv: (order.get(kv[0][0], 99),
                                                 rate_order.get(kv[0][1], 99), kv[0][2])):
            label = text(lang, f"cat.{category}")
            rows.append([label, rate_label(lang, rate), s.money(unit),
                         quantity_phrase(L, rate, quantity), s.money(quantity * unit)])
        if budget.contingency_cents:  # the subtotal named in its row: rows add up to the total
            rows.append([text(lang, "contingency.row_of", percent=budget.contingency_percent,
                              subtotal=s.money(budget.subtotal_cents).text),
                         "", "", "", s.money(budget.contingency_cents)])
        blocks.append(Table([Column(text(lang, "col.category"), 2),
                             Column(text(lang, "col.line"), 3),
                             Column(text(lang, "col.rate"), 1.3, "money"),
                             Column(text(lang, "col.quantity"), 1.6), amount],
                            rows, total=[L["total"], "", "", "", s.money(budget.total_cents)]))
    else:
        mine = budget.org_categories.get(s.org_id, {})
        blocks.append(Table([Column(text(lang, "col.category"), 4), amount],
                            [[text(lang, f"cat.{k}"), s.money(mine[k])]
                             for k in CATEGORY_ORDER if k in mine],
                            total=[L["total"], s.money(sum(mine.values()))]))
    blocks.append(Bullets((text(lang, "budget.excluded"),)))
    return blocks


# ── the workbook ─────────────────────────────────────────────────────────────────────


def month_date(month: str | None) -> dt.date | None:
    if not month:
        return None
    year, number = month.split("-")
    return dt.date(int(year), int(number), 1)


def cost_sheets(plan: PlanData, language: str, money_format: str,
                neutral: Callable[[Any], Any],
                org_id: str | None = None) -> Callable[[Any], None]:
    """A function that adds the two costing sheets to an openpyxl workbook.

    "Unit rates": one row per rate key (label, key, rate). "Budget lines": one row per
    line — month (a date cell shown as month-year), category, line, cohort, module,
    organisation, quantity, unit, unit rate (a reference to the rate's own cell,
    ``='Unit rates'!$C$5``) and amount ``=G2*I2``; then the subtotal ``=SUM(…)``,
    the contingency ``=ROUND(subtotal*percent/100,2)`` and the total ``=subtotal+contingency``.
    Course lines (catalogue or engagement prices, which differ by module) carry their unit
    rate as a number.

    One organisation's workbook (``org_id``) has the same unit rates and the lines of the
    courses it attends (whole: they are shared) and of its own reassessments; their total
    is said to be the whole courses', its share being in the other sheets.
    """
    budget = plan.budget
    names = {o.org_id: o.org_name for o in plan.organisations}
    lines = budget.lines
    if org_id is not None:
        attends = {c.cohort_id for c in plan.cohorts if org_id in c.org_ids}
        lines = tuple(line for line in lines if line.cohort_id in attends
                      or (line.category == "reassessment" and line.org_id == org_id))

    def add(book: Any) -> None:
        from openpyxl.styles import Font

        rates = book.create_sheet(sheet_title(text(language, "sheet.rates")))
        rates.append([text(language, "col.line"), text(language, "col.key"),
                      text(language, "col.rate")])
        where: dict[str, str] = {}
        reference = "'" + rates.title.replace("'", "''") + "'"  # a quote in it doubled
        for key in sorted(budget.unit_rates, key=lambda k: (RATE_ORDER.index(k)
                                                             if k in RATE_ORDER else 99, k)):
            rates.append([neutral(rate_label(language, key)), key, budget.unit_rates[key] / 100])
            row = rates.max_row
            rates.cell(row, 3).number_format = money_format
            where[key] = f"{reference}!$C${row}"
        rates.append([text(language, "cat.contingency") + " (%)", "contingency-percent",
                      float(budget.contingency_percent)])
        percent_cell = f"{reference}!$C${rates.max_row}"
        for cell in rates[1]:
            cell.font = Font(bold=True)
        rates.column_dimensions["A"].width = 50
        rates.column_dimensions["B"].width = 24
        rates.column_dimensions["C"].width = 16

        ws = book.create_sheet(sheet_title(text(language, "sheet.lines")))
        ws.append([text(language, k) for k in (
            "col.date", "col.category", "col.line", "col.cohort", "col.module", "col.org",
            "col.quantity", "col.unit", "col.rate", "col.amount")])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for line in lines:
            key = line_rate_key(line, plan)
            r = ws.max_row + 1
            unit: object = f"={where[key]}" if key in where else line.unit_cents / 100
            ws.append([month_date(line.month), text(language, f"cat.{line.category}"),
                       rate_label(language, key), line.cohort_id or "",
                       line.module_code or "",
                       neutral(names.get(line.org_id or "", line.org_id or "")),
                       line.quantity, unit_label(language, key), unit, f"=G{r}*I{r}"])
            ws.cell(r, 1).number_format = month_format(language)
            ws.cell(r, 9).number_format = money_format
            ws.cell(r, 10).number_format = money_format
        last = ws.max_row
        blank = [None] * 7
        ws.append([None, text(language, "subtotal"), *blank, f"=SUM(J2:J{last})"])
        sub = ws.max_row
        ws.append([None, text(language, "cat.contingency"), *blank,
                   f"=ROUND(J{sub}*{percent_cell}/100,2)"])
        ws.append([None, text(language, "total" if org_id is None else "total_whole"),
                   *blank, f"=J{sub}+J{sub + 1}"])
        for r in range(sub, sub + 3):
            ws.cell(r, 2).font = Font(bold=True)
            ws.cell(r, 10).font = Font(bold=True)
            ws.cell(r, 10).number_format = money_format
        for col, width in zip("ABCDEFGHIJ", (11, 26, 40, 15, 10, 30, 10, 16, 14, 16),
                              strict=True):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"

    return add


class LineFormulas:
    """Formulas over the "Budget lines" sheet that :func:`cost_sheets` writes, for the other
    sheets' amounts: a cohort's cost, a module's, the reassessments', the contingency, so a
    reader can follow every figure of the workbook back to quantities × unit rates.

    ``for_plan`` gives None where the lines are not the whole budget (a plan stored before
    the cost model, one organisation's workbook): those sheets keep their numbers.
    """

    def __init__(self, plan: PlanData, language: str) -> None:
        title = text(language, "sheet.lines")[:31]
        self.sheet = "'" + title.replace("'", "''") + "'!"
        self.language = language
        # header, one row per line, then subtotal, contingency, total (see cost_sheets)
        self.contingency_row = len(plan.budget.lines) + 3

    @classmethod
    def for_plan(cls, plan: PlanData, language: str, org_id: str | None) -> LineFormulas | None:
        budget = plan.budget
        if org_id is not None or not budget.lines or not budget.rate_card:
            return None  # no "Budget lines" sheet (render_plan adds it with a rate card)
        if sum(line.amount_cents for line in budget.lines) + budget.contingency_cents \
                != budget.total_cents:
            return None
        return cls(plan, language)

    def _sumifs(self, column: str, value: str) -> str:
        criterion = value.replace('"', '""')
        return (f"=SUMIFS({self.sheet}$J:$J,{self.sheet}${column}:${column},"
                f'"{criterion}")')

    def cohort(self, cohort_id: str) -> str:
        return self._sumifs("D", cohort_id)

    def module(self, code: str) -> str:
        return self._sumifs("E", code)

    def category(self, key: str) -> str:
        return self._sumifs("B", text(self.language, f"cat.{key}"))

    def contingency(self) -> str:
        return f"={self.sheet}$J${self.contingency_row}"
