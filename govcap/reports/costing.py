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
from govcap.planning.core.budget import split_fixed
from govcap.planning.core.plan import BudgetLine, PlanData
from govcap.reports import cohort_numbers
from govcap.reports.labels import Labels, Plural, plural_noop
from govcap.reports.model import Bullets, Cell, Column, Heading, Para, Table
from govcap.reports.scope import Scope
from govcap.reports.xlsx import month_format, sheet_title

CATEGORY_ORDER = ("course", "e-learning", "trainers", "venue", "materials", "allowance", "travel",
                  "coaching", "reassessment", "contingency")
RATE_ORDER = ("course-day", "course-cohort", "e-learning-day", *(f"{who}-{mode}" for mode in
                                               ("in-person", "blended", "online")
                                               for who in ("lead-trainer", "co-trainer")),
              "venue-day", "materials", "allowance-day", "travel", "coaching", "reassessment")

_EN: dict[str, str | Plural] = {
    "cat.course": _("Course price (catalogue or engagement rate)"),
    "cat.e-learning": _("E-learning (platform licence and tutor)"),
    "cat.trainers": _("Trainers"), "cat.venue": _("Venue"), "cat.materials": _("Materials"),
    "cat.allowance": _("Participant daily allowance"), "cat.travel": _("Participant travel"),
    "cat.coaching": _("Follow-up coaching"), "cat.reassessment": _("Reassessment sessions"),
    "cat.contingency": _("Contingency"),
    "rate.course-day": _("Course price per participant-day"),
    "rate.course-cohort": _("Course price per cohort"),
    "rate.e-learning-day": _("E-learning, per participant-day of study (catalogue or "
                             "engagement rate)"),
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
    # a coaching or on-the-job module's days: one coach at the lead trainer's day rate (the
    # lead trainer's line counted them with the courses' days: "34 trainer-days" beside a
    # co-trainer's 10)
    "rate.coach-in-person": _("Coach, day at the workplace (lead trainer's day rate)"),
    "rate.coach-blended": _("Coach, day blended (lead trainer's day rate)"),
    "rate.coach-online": _("Coach, day online (lead trainer's day rate)"),
    "unit.coach": _("coach-days"),
    "qty.coach": plural_noop("{n} coach-day", "{n} coach-days"),
    # one organisation's follow-up coaching after one course: "27 organisations" read as
    # organisations, where 10 were engaged
    "qty.coaching": plural_noop("{n} coaching assignment (organisation × course)",
                                "{n} coaching assignments (organisation × course)"),
    "rate.reassessment": _("Reassessment session, per organisation"),
    "unit.lead-trainer": _("trainer-days"), "unit.co-trainer": _("trainer-days"),
    "unit.venue-day": _("venue-days"), "unit.materials": _("participants"),
    "unit.allowance-day": _("participant-days"), "unit.travel": _("travellers"),
    "unit.coaching": _("coaching assignments (organisation × course)"), "unit.reassessment": _("sessions"),
    "unit.course-day": _("participant-days"), "unit.e-learning-day": _("participant-days"), "unit.course-cohort": _("cohorts"),
    "col.category": _("Category"), "col.rate": _("Unit rate"), "col.quantity": _("Quantity"),
    "col.unit": _("Unit"), "col.line": _("Line"), "col.date": _("Month"),
    "col.key": _("Rate key"), "col.amount": _("Amount"), "col.cohort": _("Cohort"),
    "col.module": _("Module"), "col.org": _("Organisation (reassessment)"),
    "sheet.rates": _("Unit rates"), "sheet.lines": _("Budget lines"),
    "subtotal": _("Subtotal"), "total": _("Total"),
    # one organisation's workbook: beside each whole line, its share (cost_sheets)
    # xgettext:no-python-format
    "rate.travelling-share": _("Participants who travel (%)"),
    "share.participants": _("This organisation's participants"),
    "share.cohort_participants": _("Cohort's participants"),
    "share.quantity": _("This organisation's quantity"),
    "share.rounding": _("Rounding (largest remainder)"),
    "share.amount": _("This organisation's share"),
    "share.rounding_note": _("A line shared by the organisations of a course (trainers, "
                             "venue, a course's fixed price) and the contingency are split "
                             "in proportion to participants (the contingency: to subtotals) "
                             "to the cent; the cents left by rounding go to the largest "
                             "remainders, so the shares add up to the line exactly. This "
                             "column is that cent, typed: the share is the rounded "
                             "proportion plus it."),
    "share.plan_subtotal": _("Subtotal of the whole plan (every organisation's lines)"),
    "share.plan_contingency": _("Contingency of the whole plan; this organisation's share "
                                "in proportion to its subtotal"),
    "share.total": _("This organisation's total"),
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
    # after budget.rules, when the plan has e-learning
    "budget.elearning": (_("E-learning is self-paced: it is costed at the catalogue's price "
                         "per participant and day of study (the platform licence and a tutor "
                         "who answers by message), with no trainer days, venue, materials, "
                         "allowance, travel or follow-up coaching.")),
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
    "budget.formulas_org": (_("The workbook recomputes this organisation's share of every "
                            "line from the unit rates with formulas.")),
    "assume.included": (_("Included, at the rate card {card}'s unit rates: {categories}. "
                        "The budget chapter lists each line's unit rate and quantity.")),
    "budget.excluded": (_("Not included: participants' salaries and time away from work, "
                        "international travel of trainers, the programme's own management "
                        "and overheads, taxes and duties, and the courses of needs the plan "
                        "could not place (estimated separately below).")),
    # nothing left unplaced, nothing estimated apart
    "budget.excluded_all_placed": (_("Not included: participants' salaries and time away "
                                     "from work, international travel of trainers, the "
                                     "programme's own management and overheads, taxes and "
                                     "duties.")),
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
    for who in ("lead-trainer", "co-trainer", "coach"):
        if rate.startswith(who + "-"):
            base = who
    return text(language, f"unit.{base}")


def coached(lines: tuple[BudgetLine, ...] | list[BudgetLine]) -> frozenset[str]:
    """The cohorts whose trainer is a coach: a coaching or on-the-job module, one coach at
    the lead trainer's rate and no co-trainer (planning.core.budget), where every course day
    has both."""
    co = {line.cohort_id for line in lines if line.rate.startswith("co-trainer")}
    return frozenset(line.cohort_id for line in lines if line.cohort_id
                     and line.rate.startswith("lead-trainer") and line.cohort_id not in co)


def shown_rate(line: BudgetLine, coaches: frozenset[str]) -> str:
    """The rate a line is said with: a coach's day ("coach-in-person") apart from the lead
    trainers' of courses, though at the same unit rate (``line.rate``, which the workbook's
    formulas reference)."""
    if line.rate.startswith("lead-trainer") and line.cohort_id in coaches:
        return "coach" + line.rate[len("lead-trainer"):]
    return line.rate


# a rate's quantity as a count phrase (reports.labels' "n." keys): the number inside its
# message, where each language puts it ("siku 11 za wakufunzi"), in the noun's form for it
QUANTITY_OF = {"lead-trainer": "n.trainer_days", "co-trainer": "n.trainer_days",
               "venue-day": "n.venue_days", "materials": "n.participants",
               "allowance-day": "n.participant_days", "travel": "n.travellers",
               "coaching": "n.organisations", "reassessment": "n.assessment_sessions",
               "course-day": "n.participant_days", "course-cohort": "n.cohorts",
               "e-learning-day": "n.participant_days"}


def quantity_phrase(L: Labels, rate: str, quantity: int) -> str:
    """"11 trainer-days", "siku 11 za wakufunzi", "11 يومَ مدرّب": never a number glued
    before a noun in the plural (Swahili puts it after; Arabic's noun takes its form from
    the number)."""
    base = next((b for b in ("lead-trainer", "co-trainer", "coach")
                 if rate.startswith(b + "-")), rate)
    if base in ("coach", "coaching"):  # the module's own count phrases
        return Labels(L.language, _EN).template(f"qty.{base}", {"n": quantity}).format(
            n=L.number(quantity))
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
    if any(line.rate == "e-learning-day" for line in budget.lines):
        blocks.append(Para(text(lang, "budget.elearning")))
    if c.get("cost_overrides"):
        blocks.append(Para(text(lang, "budget.own_rates",
                                codes=L.commas(sorted(c["cost_overrides"])))))
    # render_plan adds the cost sheets to both workbooks; one organisation's rebuilds its share
    shares = "budget.shares" if s.org_id is None else "budget.shares_org"
    said = text(lang, shares, total=s.money(s.total_cents).text)
    if s.org_id is not None:
        said += " " + text(lang, "budget.formulas_org")
    blocks.append(Para(said))
    blocks.append(Heading(text(lang, "h.categories")))
    amount = Column(text(lang, "col.amount"), 1.4, "money")
    if s.org_id is None:
        rows: list[list[Cell]] = []
        grouped: dict[tuple[str, str, int], int] = {}
        coaches = coached(budget.lines)
        for line in budget.lines:
            key = (line.category, shown_rate(line, coaches), line.unit_cents)
            grouped[key] = grouped.get(key, 0) + line.quantity
        order = {k: i for i, k in enumerate(CATEGORY_ORDER)}
        rate_order = {k: 2 * i for i, k in enumerate(RATE_ORDER)}
        rate_order |= {f"coach-{mode}": rate_order[f"co-trainer-{mode}"] + 1  # after them
                       for mode in ("in-person", "blended", "online")}
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
    blocks.append(Bullets((text(lang, excluded_key(s)),)))
    return blocks


def excluded_key(s: Scope) -> str:
    """What the budget leaves out: with the courses it could not place and estimates
    apart, when it has any (it said "estimated separately below" of nothing)."""
    return "budget.excluded" if s.unfit_estimate_cents else "budget.excluded_all_placed"


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

    "Unit rates": one row per rate key (label, key, rate), the contingency and the
    travelling share in percent. "Budget lines": one row per line — month (a date cell
    shown as month-year), category, line, cohort (numbered as the documents number it),
    module, organisation, quantity, unit, unit rate (a reference to the rate's own cell,
    ``='Unit rates'!$C$5``) and amount ``=G2*I2``; then the subtotal ``=SUM(…)``, the
    contingency ``=ROUND(subtotal*percent/100,2)`` and the total ``=subtotal+contingency``.
    Course lines (catalogue or engagement prices, which differ by module) carry their unit
    rate as a number.

    One organisation's workbook (``org_id``) has the same unit rates and the whole lines of
    the courses it attends and of its own reassessments, and beside each line its share
    (:func:`_share_columns`): its participants and the cohort's, its own quantity of a
    per-participant line, and its share as a formula; the whole plan's subtotal (typed: the
    other organisations' lines are not in its workbook) gives the contingency, shared in
    proportion to subtotals. The share column adds up to the organisation's total.
    """
    budget = plan.budget
    names = {o.org_id: o.org_name for o in plan.organisations}
    numbered = cohort_numbers.numbers(plan) or {}
    lines = budget.lines
    if org_id is not None:
        attends = {c.cohort_id for c in plan.cohorts if org_id in c.org_ids}
        lines = tuple(line for line in lines if line.cohort_id in attends
                      or (line.category == "reassessment" and line.org_id == org_id))

    def add(book: Any) -> None:
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

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
        rates.append([text(language, "rate.travelling-share"), "travelling-share-percent",
                      budget.travelling_share_percent])
        where["travelling-share-percent"] = f"{reference}!$C${rates.max_row}"
        for cell in rates[1]:
            cell.font = Font(bold=True)
        rates.column_dimensions["A"].width = 50
        rates.column_dimensions["B"].width = 24
        rates.column_dimensions["C"].width = 16
        rates.freeze_panes = "A2"

        ws = book.create_sheet(sheet_title(text(language, "sheet.lines")))
        heads = ["col.date", "col.category", "col.line", "col.cohort", "col.module",
                 "col.org", "col.quantity", "col.unit", "col.rate", "col.amount"]
        if org_id is not None:
            heads += list(SHARE_HEADS)
        ws.append([text(language, k) for k in heads])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if org_id is not None:
            ws.cell(1, 14).comment = Comment(text(language, "share.rounding_note"), "govcap")
        coaches = coached(budget.lines)
        for line in lines:
            key = line_rate_key(line, plan)
            said = shown_rate(line, coaches)  # a coach's day: the lead trainer's rate cell
            r = ws.max_row + 1
            unit: object = f"={where[key]}" if key in where else line.unit_cents / 100
            ws.append([month_date(line.month), text(language, f"cat.{line.category}"),
                       rate_label(language, said),
                       numbered.get(line.cohort_id, 1) if line.cohort_id else "",
                       line.module_code or "",
                       neutral(names.get(line.org_id or "", line.org_id or "")),
                       line.quantity, unit_label(language, said), unit, f"=G{r}*I{r}"])
            ws.cell(r, 1).number_format = month_format(language)
            ws.cell(r, 9).number_format = money_format
            ws.cell(r, 10).number_format = money_format
            if org_id is not None:
                for column, value in enumerate(_share_columns(plan, line, org_id, r, where),
                                               start=11):
                    ws.cell(r, column, value)
                for column in (14, 15):
                    ws.cell(r, column).number_format = money_format
        last = ws.max_row
        blank = [None] * 7
        if org_id is None:
            ws.append([None, text(language, "subtotal"), *blank, f"=SUM(J2:J{last})"])
            sub = ws.max_row
            ws.append([None, text(language, "cat.contingency"), *blank,
                       f"=ROUND(J{sub}*{percent_cell}/100,2)"])
            ws.append([None, text(language, "total"), *blank, f"=J{sub}+J{sub + 1}"])
            bold = range(sub, sub + 3)
        else:
            sub = last + 1
            mine = budget.org_categories.get(org_id, {})
            subtotal = sum(v for k, v in mine.items() if k != "contingency")
            naive = _rounded(budget.contingency_cents * subtotal, budget.subtotal_cents)
            ws.append([None, text(language, "subtotal"), *blank, f"=SUM(J2:J{last})",
                       None, None, None, None, f"=SUM(O2:O{last})"])
            ws.append([None, text(language, "share.plan_subtotal"), *blank,
                       budget.subtotal_cents / 100])
            ws.append([None, text(language, "share.plan_contingency"), *blank,
                       f"=ROUND(J{sub + 1}*{percent_cell}/100,2)", None, None, None,
                       _cents_or_blank(mine.get("contingency", 0) - naive),
                       f"=ROUND(J{sub + 2}*O{sub}/J{sub + 1},2)+N{sub + 2}"])
            ws.append([None, text(language, "share.total"), *blank, None, None, None, None,
                       None, f"=O{sub}+O{sub + 2}"])
            ws.cell(sub + 2, 14).number_format = money_format
            bold = range(sub, sub + 4)
        for r in bold:
            ws.cell(r, 2).font = Font(bold=True)
            for column in (10, 15):
                ws.cell(r, column).font = Font(bold=True)
                ws.cell(r, column).number_format = money_format
        widths: tuple[int, ...] = (11, 26, 40, 9, 10, 30, 10, 16, 14, 16)
        if org_id is not None:
            widths += (14, 14, 14, 14, 16)
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
        ws.row_dimensions[1].height = 45
        ws.freeze_panes = "A2"

    return add


# one organisation's columns on "Budget lines" (K–O)
SHARE_HEADS = ("share.participants", "share.cohort_participants", "share.quantity",
               "share.rounding", "share.amount")


def _rounded(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, as Excel's ROUND (non-negative)."""
    return (2 * numerator + denominator) // (2 * denominator) if denominator else 0


def _cents_or_blank(cents: int) -> float | None:
    return cents / 100 if cents else None


def _share_columns(plan: PlanData, line: BudgetLine, org_id: str, r: int,
                   where: dict[str, str]) -> list[object]:
    """K–O of one line in an organisation's workbook: its participants, the cohort's, its
    own quantity (a per-participant or per-organisation line), the rounding cent (a shared
    line) and its share. A per-participant line is its quantity × the rate, exactly; a
    shared line ROUND(line × its participants / the cohort's, 2) plus the typed cent that
    the planner's largest-remainder split gives (``planning.core.budget.split``)."""
    if line.cohort_id is None:  # its own reassessment session
        return [None, None, line.quantity, None, f"=J{r}"]
    cohort = next(c for c in plan.cohorts if c.cohort_id == line.cohort_id)
    people = sum(m.participants for m in cohort.members)
    mine = sum(m.participants for m in cohort.members if m.org_id == org_id)
    if line.rate in SHARED_RATES:
        parts = split_fixed(line.amount_cents, cohort.members)
        share = next(p for m, p in zip(cohort.members, parts, strict=True) if m.org_id == org_id)
        cent = share - _rounded(line.amount_cents * mine, people)
        return [mine, people, None, _cents_or_blank(cent), f"=ROUND(J{r}*K{r}/L{r},2)+N{r}"]
    if line.rate == "coaching":
        quantity: object = 1  # one follow-up per organisation in the course
    elif line.rate == "travel":
        quantity = f"=ROUND(K{r}*{where['travelling-share-percent']}/100,0)"
    else:  # materials, allowance, course-day: per participant (× the days of the line)
        quantity = f"=G{r}*K{r}/L{r}"
    return [mine, people, quantity, None, f"=M{r}*I{r}"]


# the lines of a course that its organisations share in proportion to participants
SHARED_RATES = frozenset({"course-cohort", "venue-day",
                          *(f"{who}-{mode}" for who in ("lead-trainer", "co-trainer")
                            for mode in ("in-person", "blended", "online"))})


class LineFormulas:
    """Formulas over the "Budget lines" sheet that :func:`cost_sheets` writes, for the other
    sheets' amounts: a cohort's cost, a module's, the reassessments', the contingency, so a
    reader can follow every figure of the workbook back to quantities × unit rates. In one
    organisation's workbook they add up its share column (O), in the whole plan's the
    amounts (J); ``whole`` sums the whole lines in either.

    ``for_plan`` gives None where the lines are not the whole budget (a plan stored before
    the cost model): those sheets keep their numbers.
    """

    def __init__(self, plan: PlanData, language: str, org_id: str | None = None) -> None:
        title = text(language, "sheet.lines")[:31]
        self.sheet = "'" + title.replace("'", "''") + "'!"
        self.language = language
        self.column = "J" if org_id is None else "O"
        self.numbers = cohort_numbers.numbers(plan) or {}
        self.modules = {c.cohort_id: c.module_code for c in plan.cohorts}
        lines = plan.budget.lines
        if org_id is not None:
            attends = {c.cohort_id for c in plan.cohorts if org_id in c.org_ids}
            lines = tuple(line for line in lines if line.cohort_id in attends
                          or (line.category == "reassessment" and line.org_id == org_id))
        # header, one row per line, then the subtotal and (the whole plan) the contingency,
        # (an organisation's) the plan's subtotal and contingency (see cost_sheets)
        self.contingency_row = len(lines) + (3 if org_id is None else 4)

    @classmethod
    def for_plan(cls, plan: PlanData, language: str, org_id: str | None) -> LineFormulas | None:
        budget = plan.budget
        if not budget.lines or not budget.rate_card:
            return None  # no "Budget lines" sheet (render_plan adds it with a rate card)
        if sum(line.amount_cents for line in budget.lines) + budget.contingency_cents \
                != budget.total_cents:
            return None
        return cls(plan, language, org_id)

    def _sumifs(self, *criteria: tuple[str, object], column: str = "") -> str:
        column = column or self.column
        pairs = []
        for on, value in criteria:
            said = (str(value) if isinstance(value, int)
                    else '"' + str(value).replace('"', '""') + '"')
            pairs.append(f"{self.sheet}${on}:${on},{said}")
        return f"=SUMIFS({self.sheet}${column}:${column},{','.join(pairs)})"

    def cohort(self, cohort_id: str, whole: bool = False) -> str:
        """Its lines by module and number (the documents' cohort number, 1 when a module
        runs one)."""
        return self._sumifs(("E", self.modules[cohort_id]), ("D", self.numbers.get(cohort_id, 1)),
                            column="J" if whole else "")

    def module(self, code: str) -> str:
        return self._sumifs(("E", code))

    def category(self, key: str) -> str:
        return self._sumifs(("B", text(self.language, f"cat.{key}")))

    def contingency(self) -> str:
        return f"={self.sheet}${self.column}${self.contingency_row}"
