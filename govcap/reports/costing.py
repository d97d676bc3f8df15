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

from govcap.planning.core.plan import BudgetLine, PlanData
from govcap.reports.model import Bullets, Cell, Column, Heading, Para, Table
from govcap.reports.scope import Scope

CATEGORY_ORDER = ("course", "trainers", "venue", "materials", "allowance", "travel",
                  "coaching", "reassessment", "contingency")
RATE_ORDER = ("course-day", "course-cohort", *(f"{who}-{mode}" for mode in
                                               ("in-person", "blended", "online")
                                               for who in ("lead-trainer", "co-trainer")),
              "venue-day", "materials", "allowance-day", "travel", "coaching", "reassessment")

_EN: dict[str, str] = {
    "cat.course": "Course price (catalogue or engagement rate)",
    "cat.trainers": "Trainers", "cat.venue": "Venue", "cat.materials": "Materials",
    "cat.allowance": "Participant daily allowance", "cat.travel": "Participant travel",
    "cat.coaching": "Follow-up coaching", "cat.reassessment": "Reassessment sessions",
    "cat.contingency": "Contingency",
    "rate.course-day": "Course price per participant-day",
    "rate.course-cohort": "Course price per cohort",
    "rate.lead-trainer-in-person": "Lead trainer, day in person",
    "rate.lead-trainer-blended": "Lead trainer, day blended",
    "rate.lead-trainer-online": "Lead trainer, day online",
    "rate.co-trainer-in-person": "Co-trainer, day in person",
    "rate.co-trainer-blended": "Co-trainer, day blended",
    "rate.co-trainer-online": "Co-trainer, day online",
    "rate.venue-day": "Venue, per day", "rate.materials": "Materials, per participant",
    "rate.allowance-day": "Daily allowance, per participant-day at the venue",
    "rate.travel": "Travel, per travelling participant",
    "rate.coaching": "Follow-up coaching, per organisation and course",
    "rate.reassessment": "Reassessment session, per organisation",
    "unit.lead-trainer": "trainer-days", "unit.co-trainer": "trainer-days",
    "unit.venue-day": "venue-days", "unit.materials": "participants",
    "unit.allowance-day": "participant-days", "unit.travel": "travellers",
    "unit.coaching": "organisations", "unit.reassessment": "sessions",
    "unit.course-day": "participant-days", "unit.course-cohort": "cohorts",
    "col.category": "Category", "col.rate": "Unit rate", "col.quantity": "Quantity",
    "col.unit": "Unit", "col.line": "Line", "col.date": "Month",
    "col.key": "Rate key", "col.amount": "Amount", "col.cohort": "Cohort",
    "col.module": "Module", "col.org": "Organisation (reassessment)",
    "sheet.rates": "Unit rates", "sheet.lines": "Budget lines",
    "subtotal": "Subtotal", "total": "Total",
    "contingency.row": "Contingency ({percent}% of the subtotal)",
    "h.categories": "Cost by category",
    "budget.card": ("Costed with the rate card {card} (effective {date}, in {currency}) and "
                    "the catalogue {catalogue} version {version}. {source}"),
    "budget.converted": ("The card's {currency} rates are converted at {rate} {plan_currency} "
                         "per {currency} and rounded to the cent."),
    "budget.rules": ("Each course day has a lead trainer and a co-trainer. A venue is paid "
                     "for every day in person and for half the days (rounded up) of a "
                     "blended course; online courses have none. Participants receive the "
                     "daily allowance for each day at the venue; {share}% of each "
                     "organisation's participants (rounded, per course) travel from outside "
                     "{city}. Coaching and on-the-job projects take place in the organisation's own "
                     "workplace: one coach, no venue, allowance or travel. Each organisation in a course receives the follow-up coaching "
                     "its module promises, and one reassessment session, in the last month the "
                     "monitoring chapter reassesses it. The contingency is {percent}% of "
                     "the subtotal, computed once."),
    "budget.own_rates": ("Modules the engagement prices itself ({codes}) are costed at its "
                         "rate per participant-day and per cohort instead of the card's "
                         "trainers, venue and materials; their allowances, travel and "
                         "coaching still come from the card."),
    "budget.shares": ("Each organisation pays its own participants' lines and a share of "
                      "each course's trainers and venue in proportion to its participants; "
                      "the contingency is shared in proportion to each organisation's "
                      "subtotal. Every breakdown adds up to the total, {total}. The workbook "
                      "recomputes every line from the unit rates with formulas."),
    "assume.included": ("Included, at the rate card {card}'s unit rates: {categories}. "
                        "The budget chapter lists each line's unit rate and quantity."),
    "budget.excluded": ("Not included: participants' salaries and time away from work, "
                        "international travel of trainers, the programme's own management "
                        "and overheads, taxes and duties, and the courses of needs the plan "
                        "could not place (estimated separately below)."),
}

_FR: dict[str, str] = {
    "cat.course": "Prix du cours (catalogue ou tarif de la mission)",
    "cat.trainers": "Formateurs", "cat.venue": "Salle", "cat.materials": "Supports",
    "cat.allowance": "Indemnité journalière des participants",
    "cat.travel": "Déplacements des participants",
    "cat.coaching": "Accompagnement de suivi", "cat.reassessment": "Sessions de réévaluation",
    "cat.contingency": "Imprévus",
    "col.category": "Catégorie", "col.rate": "Tarif unitaire", "col.quantity": "Quantité",
    "col.unit": "Unité", "col.line": "Ligne", "col.date": "Mois", "col.key": "Clé du tarif",
    "col.cohort": "Cohorte", "col.module": "Module", "col.org": "Organisation (réévaluation)",
    "col.amount": "Montant", "sheet.rates": "Tarifs unitaires", "sheet.lines": "Lignes budget",
    "subtotal": "Sous-total", "total": "Total",
    "contingency.row": "Imprévus ({percent} % du sous-total)",
    "h.categories": "Coût par catégorie",
    "rate.course-day": "Prix du cours par journée-participant",
    "rate.course-cohort": "Prix du cours par cohorte",
    "rate.lead-trainer-in-person": "Formateur principal, jour en présentiel",
    "rate.lead-trainer-blended": "Formateur principal, jour en formation mixte",
    "rate.lead-trainer-online": "Formateur principal, jour en ligne",
    "rate.co-trainer-in-person": "Co-formateur, jour en présentiel",
    "rate.co-trainer-blended": "Co-formateur, jour en formation mixte",
    "rate.co-trainer-online": "Co-formateur, jour en ligne",
    "rate.venue-day": "Salle, par jour", "rate.materials": "Supports, par participant",
    "rate.allowance-day": "Indemnité journalière, par journée-participant sur place",
    "rate.travel": "Déplacement, par participant qui se déplace",
    "rate.coaching": "Accompagnement de suivi, par organisation et par cours",
    "rate.reassessment": "Session de réévaluation, par organisation",
    "unit.lead-trainer": "jours-formateur", "unit.co-trainer": "jours-formateur",
    "unit.venue-day": "jours de salle", "unit.materials": "participants",
    "unit.allowance-day": "journées-participant", "unit.travel": "voyageurs",
    "unit.coaching": "organisations", "unit.reassessment": "sessions",
    "unit.course-day": "journées-participant", "unit.course-cohort": "cohortes",
    "budget.card": ("Chiffré avec la grille tarifaire {card} (en vigueur le {date}, en "
                    "{currency}) et le catalogue {catalogue} version {version}. {source}"),
    "budget.converted": ("Les tarifs en {currency} de la grille sont convertis à {rate} "
                         "{plan_currency} pour 1 {currency} et arrondis au centime."),
    "budget.rules": ("Chaque jour de cours compte un formateur principal et un co-formateur. "
                     "Une salle est payée pour chaque jour en présentiel et pour la moitié "
                     "des jours (arrondie au supérieur) d’un cours mixte ; les cours en ligne "
                     "n’en ont pas. Les participants reçoivent l’indemnité journalière pour "
                     "chaque jour sur place ; {share} % des participants de chaque "
                     "organisation (arrondi, par cours) viennent de l’extérieur de {city}. "
                     "L’accompagnement et les projets en situation de travail ont lieu sur le "
                     "lieu de travail de l’organisation : un seul intervenant, sans salle, "
                     "indemnité ni déplacement. Chaque organisation d’un cours reçoit l’accompagnement de suivi promis "
                     "par son module, et une session de réévaluation (le dernier mois où le "
                     "chapitre du suivi la réévalue). Les imprévus représentent {percent} % "
                     "du sous-total, calculés une seule fois."),
    "budget.own_rates": ("Les modules dont la mission fixe le prix ({codes}) sont chiffrés à "
                         "son tarif par journée-participant et par cohorte au lieu des "
                         "formateurs, de la salle et des supports de la grille ; leurs "
                         "indemnités, déplacements et accompagnement viennent de la grille."),
    "budget.shares": ("Chaque organisation paie les lignes de ses participants et une part des "
                      "formateurs et de la salle de chaque cours, proportionnelle à ses "
                      "participants ; les imprévus sont répartis au prorata du sous-total de "
                      "chaque organisation. Chaque ventilation a pour somme le total, {total}. "
                      "Le classeur recalcule chaque ligne à partir des tarifs unitaires par "
                      "des formules."),
    "budget.excluded": ("Non inclus : salaires des participants et temps passé hors du poste, "
                        "voyages internationaux des formateurs, gestion et frais généraux du "
                        "programme, taxes et droits, et les cours des besoins que le plan n’a "
                        "pas pu placer (estimés à part ci-dessous)."),
    "assume.included": ("Inclus, aux tarifs unitaires de la grille {card} : {categories}. "
                        "Le chapitre du budget donne le tarif unitaire et la quantité de "
                        "chaque ligne."),
}


def text(language: str, key: str, **values: object) -> str:
    table = _FR if language == "fr" else {}
    value = table.get(key, _EN.get(key, key))
    return value.format(**values) if values else value


def rate_label(language: str, key: str) -> str:
    return text(language, f"rate.{key}")


def unit_label(language: str, rate: str) -> str:
    base = rate
    if rate.startswith("lead-trainer"):
        base = "lead-trainer"
    elif rate.startswith("co-trainer"):
        base = "co-trainer"
    return text(language, f"unit.{base}")


def line_rate_key(line: BudgetLine, plan: PlanData) -> str:
    """The ``Budget.unit_rates`` key of a line (course lines: ``course-day`` or
    ``course-cohort``, priced per module)."""
    return line.rate


def budget_blocks(s: Scope) -> list[Any]:
    """The budget chapter's cost-model part: the basis, a table by category with unit
    rates and quantities, and what is not included."""
    L, lang, budget = s.L, s.L.language, s.plan.budget
    if not budget.rate_card:  # catalogue prices only, or stored before the cost model
        return []
    c = s.plan.settings.get("constraints", {})
    blocks: list[Any] = []
    blocks.append(Para(text(lang, "budget.card", card=budget.rate_card,
                            date=budget.rate_card_effective_from,
                            currency=budget.rate_card_currency,
                            plan_currency=budget.currency,
                            rate=c.get("exchange_rate", 1),
                            catalogue=s.plan.catalogue_key,
                            version=s.plan.catalogue_version,
                            source=budget.rate_card_source_translations.get(
                            lang, budget.rate_card_source))))
    if budget.rate_card_currency != budget.currency:
        blocks.append(Para(text(lang, "budget.converted", currency=budget.rate_card_currency,
                                rate=c.get("exchange_rate", 1), plan_currency=budget.currency)))
    blocks.append(Para(text(lang, "budget.rules", share=budget.travelling_share_percent,
                            city=budget.rate_card_city,
                            percent=budget.contingency_percent)))
    if c.get("cost_overrides"):
        blocks.append(Para(text(lang, "budget.own_rates",
                                codes=", ".join(sorted(c["cost_overrides"])))))
    blocks.append(Para(text(lang, "budget.shares", total=s.money(s.total_cents).text)))
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
            rows.append([label, rate_label(lang, rate), s.money(unit), f"{L.number(quantity)} {unit_label(lang, rate)}",
                         s.money(quantity * unit)])
        rows.append([text(lang, "subtotal"), "", "", "", s.money(budget.subtotal_cents)])
        if budget.contingency_cents:
            rows.append([text(lang, "contingency.row", percent=budget.contingency_percent),
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
                neutral: Callable[[Any], Any]) -> Callable[[Any], None]:
    """A function that adds the two costing sheets to an openpyxl workbook.

    "Unit rates": one row per rate key (label, key, rate). "Budget lines": one row per
    line — month (a date cell shown as month-year), category, line, cohort, module,
    organisation, quantity, unit, unit rate (a reference to the rate's own cell,
    ``='Unit rates'!$C$5``) and amount ``=G2*I2``; then the subtotal ``=SUM(…)``,
    the contingency ``=ROUND(subtotal*percent/100,2)`` and the total ``=subtotal+contingency``.
    Course lines (catalogue or engagement prices, which differ by module) carry their unit
    rate as a number.
    """
    budget = plan.budget
    names = {o.org_id: o.org_name for o in plan.organisations}

    def add(book: Any) -> None:
        from openpyxl.styles import Font

        rates = book.create_sheet(text(language, "sheet.rates")[:31])
        rates.append([text(language, "col.line"), text(language, "col.key"),
                      text(language, "col.rate")])
        where: dict[str, str] = {}
        for key in sorted(budget.unit_rates, key=lambda k: (RATE_ORDER.index(k)
                                                             if k in RATE_ORDER else 99, k)):
            rates.append([neutral(rate_label(language, key)), key, budget.unit_rates[key] / 100])
            row = rates.max_row
            rates.cell(row, 3).number_format = money_format
            where[key] = f"'{rates.title}'!$C${row}"
        rates.append([text(language, "cat.contingency") + " (%)", "contingency-percent",
                      float(budget.contingency_percent)])
        percent_cell = f"'{rates.title}'!$C${rates.max_row}"
        for cell in rates[1]:
            cell.font = Font(bold=True)
        rates.column_dimensions["A"].width = 50
        rates.column_dimensions["B"].width = 24
        rates.column_dimensions["C"].width = 16

        ws = book.create_sheet(text(language, "sheet.lines")[:31])
        ws.append([text(language, k) for k in (
            "col.date", "col.category", "col.line", "col.cohort", "col.module", "col.org",
            "col.quantity", "col.unit", "col.rate", "col.amount")])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for line in budget.lines:
            key = line_rate_key(line, plan)
            r = ws.max_row + 1
            unit: object = f"={where[key]}" if key in where else line.unit_cents / 100
            ws.append([month_date(line.month), text(language, f"cat.{line.category}"),
                       rate_label(language, key), line.cohort_id or "",
                       line.module_code or "",
                       neutral(names.get(line.org_id or "", line.org_id or "")),
                       line.quantity, unit_label(language, key), unit, f"=G{r}*I{r}"])
            ws.cell(r, 1).number_format = "mmm yyyy"
            ws.cell(r, 9).number_format = money_format
            ws.cell(r, 10).number_format = money_format
        last = ws.max_row
        blank = [None] * 7
        ws.append([None, text(language, "subtotal"), *blank, f"=SUM(J2:J{last})"])
        sub = ws.max_row
        ws.append([None, text(language, "cat.contingency"), *blank,
                   f"=ROUND(J{sub}*{percent_cell}/100,2)"])
        ws.append([None, text(language, "total"), *blank, f"=J{sub}+J{sub + 1}"])
        for r in range(sub, sub + 3):
            ws.cell(r, 2).font = Font(bold=True)
            ws.cell(r, 10).font = Font(bold=True)
            ws.cell(r, 10).number_format = money_format
        for col, width in zip("ABCDEFGHIJ", (11, 26, 40, 15, 10, 30, 10, 16, 14, 16),
                              strict=True):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"

    return add
