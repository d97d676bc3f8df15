"""The spreadsheet's tables: needs, cohorts, schedule, budget and the per-organisation plan.

Numbers stay numbers, months are :class:`~govcap.reports.model.Month` (date cells) and
amounts :class:`~govcap.reports.model.Money` so the XLSX renderer writes them as numeric
cells with a number format. In the whole plan's workbook a cohort's and a module's amount
is a formula over the budget lines (:class:`~govcap.reports.costing.LineFormulas`) and every
total a ``SUM`` of the column above it.
"""

from __future__ import annotations

import dataclasses
import datetime

from govcap.planning.core.budget import split_fixed
from govcap.planning.core.period import months_of
from govcap.planning.core.plan import DROPPED, SCHEDULED
from govcap.reports import (
    cohort_numbers,
    costing,
    course_states,
    left_out,
    load,
    module_count,
    rounds,
)
from govcap.reports.model import Cell, Column, Day, Money, Month, Sheet, Table
from govcap.reports.nominations import due_day, names_due
from govcap.reports.scope import Scope
from govcap.reports.xlsx import sheet_title


def build_sheets(s: Scope, when: str = "") -> list[Sheet]:
    """``when``: the plan's date as the cover says it (a draft's: the time of its last
    change), so a downloaded workbook says which state of the plan it holds."""
    return [about(s, when), needs(s), cohorts(s), schedule(s), budget(s), per_organisation(s),
            load.sheet(s)]


def _day(ctx) -> datetime.date:
    """The plan's date as its cell holds it: a draft's with the time of its last change, as
    its text says it."""
    made = ctx.generated_on
    if isinstance(made, datetime.datetime) and ctx.status != "draft":
        return made.date()
    return made


def about(s: Scope, when: str = "") -> Sheet:
    """The first sheet: which plan this is — title, engagement, country, version, status,
    date, currency, catalogue (and rate card), and the demo mark on demo data."""
    L, ctx, plan = s.L, s.ctx, s.plan
    rows: list[list[Cell]] = []
    if ctx.is_demo:
        rows.append([L["demo.mark"], L["demo.note"]])
    rows += [[L["cover.title"], ctx.title],
             [L["cover.organisation"], s.names[s.org_id] if s.org_id is not None else ""],
             [L["cover.engagement"], ctx.engagement], [L["cover.country"], ctx.country],
             [L["cover.round"], ctx.round_label], [L["cover.version"], ctx.version],
             [L["cover.status"], ctx.status_text(L)],
             [L["cover.last_change" if ctx.status == "draft" else "cover.date"],
              Day(_day(ctx), when or L.date(ctx.generated_on))],  # a date cell
             [L["cover.status_as_of"], s.status_as_of],  # its courses' states read on
             [L["cover.edits"], s.edits_applied if plan.operations else ""],
             [L["cover.currency"], s.currency],
             [L["cover.catalogue"], L.t("cover.catalogue_value",
                                        catalogue=costing.catalogue_name(s),
                                        version=plan.catalogue_version)],
             [L["cover.rate_card"], plan.budget.rate_card]]
    rows = [row for row in rows if row[1] != ""]
    return Sheet(L["sheet.plan"], Table([Column(L["plan.col.item"], 28),
                                         Column(L["kf.value"], 90)], rows))


def _formulas(s: Scope) -> costing.LineFormulas | None:
    return costing.LineFormulas.for_plan(s.plan, s.L.language, s.org_id)


def _number(s: Scope, cohort_id: str | None) -> Cell:
    """A cohort as the documents number it: the first, second … of its module (the module
    code beside it), 1 when the module runs one; never the internal ID ("SVC-101/en/01")."""
    if not cohort_id:
        return ""
    return (cohort_numbers.numbers(s.plan) or {}).get(cohort_id, 1)


def _month(s: Scope, month: str | None) -> Cell:
    return Month(month, s.L.month(month)) if month else ""


def _computed(money: Money, formula: str | None) -> Money:
    return dataclasses.replace(money, formula=formula) if formula else money


def _column_sum(money: Money, column: str, rows: int, on: bool) -> Money:
    """The total of a money column of ``rows`` rows under its header, as ``=SUM(…)``."""
    return _computed(money, f"=SUM({column}2:{column}{rows + 1})" if on and rows else None)


def needs(s: Scope) -> Sheet:
    L = s.L
    cols = [Column(L["col.organisation"], 30), Column(L["col.module"], 10),
            Column(L["col.title"], 40), Column(L["col.domain"], 26), Column(L["col.step"], 18),
            Column(L["col.origin"], 12), Column(L["col.section"], 40),
            Column(L["col.rank"], 7, "number"), Column(L["col.org_score"], 9, "number"),
            Column(L["col.status"], 12), Column(L["col.month"], 10), Column(L["col.cohort"], 12),
            Column(L["col.participants"], 9, "number"), Column(L["col.evidence"], 80),
            Column(L["h.alternatives"], 60)]
    rows: list[list[Cell]] = []
    ranks = s.ranks  # the module's priority, as the documents number it
    # the needs left out by the coordinator too, said so: their gaps stay open on purpose
    for n in sorted([*s.needs, *s.left_out],
                    key=lambda n: (s.names[n.org_id].casefold(), n.status == DROPPED, n.rank)):
        rows.append([n.org_name, n.module_code, s.module_title(n.module_code), s.domain(n.domain),
                     s.step(n.step), left_out.origin_words(s, n),
                     L.semicolons(s.section_title(k) for k in n.sections),
                     ranks[n.module_code] if n.rank else "",  # a left-out need: none
                     float(n.score) if n.rank else "",
                     _need_status(s, n),
                     _month(s, n.month),
                     _number(s, n.cohort_id) if n.status == SCHEDULED else "",  # not placed
                     n.participants,
                     " | ".join(s.evidence(n)), rounds.alternatives_text(s, n)])
    return Sheet(L["sheet.needs"], Table(cols, rows))


def _need_status(s: Scope, need) -> str:
    status = need.status
    if status == SCHEDULED:
        return s.state(s.cohort_of(need), need.month)
    if status == DROPPED:
        return s.L["status.left_out"]
    return s.L.get_or(f"status.{status}", status)


def cohorts(s: Scope) -> Sheet:
    L = s.L
    widths = {"text": 60, "number": 10, "money": 14}
    cols = [Column(L["col.cohort"], 12), Column(L["col.month"], 10), Column(L["col.module"], 10),
            Column(L["col.title"], 40), Column(L["col.domain"], 26),
            Column(L["col.language"], 10)] + [
        Column(label, widths[kind], kind) for label, kind in s.cohort_headers()] + [
        Column(L["nom.col.due"], 14), Column(L["col.status"], 24)]
    formulas = _formulas(s)
    rows: list[list[Cell]] = []
    # a kept course nominated beyond the plan's count: said beside its state
    over = {c.cohort_id: (s.L.t("cohort.over_planned", n=n, planned=c.participants,
                                course=c.module_code),)
            for c, n in course_states.over_planned(s.cohorts, s.ctx.nominated)}
    for c in s.cohorts:
        columns = s.cohort_columns(c)
        if formulas is not None and s.org_id is None:  # organisations, participants, cost
            columns[-1] = _computed(columns[-1], formulas.cohort(c.cohort_id))
        elif formulas is not None:  # one organisation's: its share, the whole cohort's cost
            columns[-2] = _computed(columns[-2], formulas.cohort(c.cohort_id))
            columns[-1] = _computed(columns[-1], formulas.cohort(c.cohort_id, whole=True))
        rows.append([_number(s, c.cohort_id), _month(s, c.month), c.module_code,
                     s.module_title(c.module_code), s.domain(c.domain), s.language(c.language),
                     *columns, "–" if c.delivery or not c.month else Day(
                         due_day(s, c.month), names_due(s, c.month)),
                     "; ".join([s.state(c, credited=False), *over.get(c.cohort_id, ())])])
    total: list[Cell] = [L["total"], "", "", "", "", "", "",
                         sum(s.participants(c) for c in s.cohorts)]
    if s.org_id is None:  # the cohorts' costs, without the reassessments and contingency
        cohort_cents = sum(s.cost(c) for c in s.cohorts)
        total += [_column_sum(s.money(cohort_cents), "I", len(rows), formulas is not None), "", ""]
    else:  # the cohorts' own sizes and costs do not add up to anything of this organisation's
        # its share includes its reassessment and contingency: rows of their own
        rows += [["", "", "", costing.text(L.language, f"cat.{k}"), "", "", "", "", "",
                  _computed(s.money(cents), _outside_formula(formulas, k)), "", "", ""]
                 for k, cents in s.outside_cohorts()]
        total += ["", _column_sum(s.money(s.total_cents), "J", len(rows), formulas is not None),
                  "", "", ""]
    return Sheet(L["sheet.cohorts"], Table(cols, rows, total=total))


def schedule(s: Scope) -> Sheet:
    """Modules × months: participants in each month a cohort's training days fall in, as
    the timeline shows them (coaching's in each month of its spread, not its first only)."""
    L = s.L
    months = months_of(s.period) or list(s.plan.months)  # a kept course's month too
    cols = [Column(L["col.module"], 10), Column(L["col.title"], 40)]
    cols += [Column(L.month(m), 14, "number") for m in months]
    rows: list[list[Cell]] = []
    for code in s.modules:
        row: list[Cell] = [code, s.module_title(code)]
        for m in months:
            people = sum(s.participants(c) for c in s.cohorts
                         if c.module_code == code and m in s.months_running(c))
            row.append(people if people else "")
        rows.append(row)
    return Sheet(L["sheet.schedule"], Table(cols, rows))


def budget(s: Scope) -> Sheet:
    L = s.L
    cols = [Column(L["col.module"], 10), Column(L["col.title"], 40),
            Column(L["col.domain"], 26), Column(L["col.cohorts"], 9, "number"),
            Column(L["col.participants"], 11, "number"), Column(L["col.amount"], 16, "money")]
    by_module = s.breakdown("module")
    formulas = _formulas(s)
    rows: list[list[Cell]] = []
    for code in s.modules:
        runs = [c for c in s.cohorts if c.module_code == code]
        # coaching, on-the-job, e-learning: not cohorts (module_count), left blank
        rows.append([code, s.module_title(code), s.domain(runs[0].domain),
                     module_count.classes(s, runs) if module_count.is_class(s, runs[0]) else "",
                     sum(s.participants(c) for c in runs),
                     _computed(s.money(by_module[code]),
                               formulas.module(code) if formulas else None)])
    for key in ("reassessment", "contingency"):  # the cost model's lines outside cohorts
        if key in by_module:
            rows.append(["", costing.text(L.language, f"cat.{key}"), "", "", "",
                         _computed(s.money(by_module[key]), _outside_formula(formulas, key))])
    return Sheet(L["sheet.budget"], Table(cols, rows, total=[
        L["total"], "", "", module_count.classes(s, s.cohorts),
        sum(s.participants(c) for c in s.cohorts),
        _column_sum(s.money(s.total_cents), "F", len(rows), formulas is not None)]))


def per_organisation(s: Scope) -> Sheet:
    L = s.L
    cols = [Column(L["col.organisation"], 34), Column(L["col.module"], 10),
            Column(L["col.title"], 40), Column(L["col.month"], 10), Column(L["col.cohort"], 12),
            Column(L["col.participants"], 11, "number"), Column(L["col.share"], 16, "money")]
    rows: list[list[Cell]] = []
    # one organisation's workbook: its shares summed from its share of each budget line
    formulas = _formulas(s) if s.org_id is not None else None
    # the whole plan's: each share a formula over the budget lines and unit rates, as one
    # organisation's workbook computes it, with the cohort's participants and the rounding
    # cent beside it (H, I)
    shares = _Shares(s) if s.org_id is None and _formulas(s) is not None else None
    if shares is not None:
        cols += [Column(costing.text(L.language, "share.cohort_participants"), 12, "number"),
                 Column(costing.text(L.language, "share.rounding"), 14, "money")]
    for org_id in s.organisations:
        first = len(rows) + 2  # its first row under the header
        for c in s.cohorts:
            for m in c.members:
                if m.org_id == org_id:
                    share = _computed(s.money(m.cost_cents), formulas.cohort(c.cohort_id)
                                      if formulas is not None else None)
                    if shares is not None:
                        share = _computed(share, shares.member(c, org_id, len(rows) + 2))
                    row: list[Cell] = [
                        s.names[org_id], c.module_code, s.module_title(c.module_code),
                        _month(s, c.month), _number(s, c.cohort_id), m.participants, share]
                    if shares is not None:
                        row += [sum(x.participants for x in c.members),
                                shares.cent(c, org_id)]
                    rows.append(row)
        for key, cents in _outside_cohorts(s, org_id):
            share = _computed(s.money(cents), _outside_formula(formulas, key))
            if shares is not None:
                share = _computed(share, shares.reassessment(org_id) if key == "reassessment"
                                  else shares.contingency(first, len(rows) + 2))
            row = [s.names[org_id], "", costing.text(L.language, f"cat.{key}"), "", "",
                   "", share]
            if shares is not None:
                row += ["", shares.contingency_cent(org_id) if key == "contingency" else ""]
            rows.append(row)
    return Sheet(L["sheet.orgs"], Table(cols, rows, total=[
        L["total"], "", "", "", "", sum(r[5] for r in rows if isinstance(r[5], int)),
        _column_sum(s.money(s.total_cents), "G", len(rows), True),
        *(["", ""] if shares is not None else [])]))


class _Shares:
    """The whole plan's "Per organisation" shares as formulas over its "Budget lines" (J:
    amount, G: quantity, I: unit rate) and "Unit rates" sheets, computed as the planner
    shares each line (planning.core.budget) and as one organisation's workbook shows it: a
    line shared by a course's organisations (trainers, venue, a fixed price) in proportion
    to participants, rounded to the cent, plus the cent the largest remainder gives it
    (typed, in its own column); a per-participant line its participants' part of the
    quantity × the rate; travel its travellers × the rate; coaching once per organisation;
    the contingency in proportion to its subtotal. Row F: its participants; H: the
    cohort's; I: the rounding cent."""

    def __init__(self, s: Scope) -> None:
        lang = s.L.language
        self.budget = budget = s.plan.budget
        self.money = s.money
        self.lines_sheet = _quoted(costing.text(lang, "sheet.lines"))
        rates = _quoted(costing.text(lang, "sheet.rates"))
        # "Unit rates": a header, the rates, the contingency, then the travelling share
        self.travelling = f"{rates}$C${len(budget.unit_rates) + 3}"
        self.row = {id(line): n for n, line in enumerate(budget.lines, start=2)}
        self.subtotal_row = len(budget.lines) + 2  # as costing.cost_sheets writes them
        self.by_cohort: dict[str, list] = {}
        for line in budget.lines:
            if line.cohort_id:
                self.by_cohort.setdefault(line.cohort_id, []).append(line)

    def _cell(self, column: str, line) -> str:
        return f"{self.lines_sheet}{column}{self.row[id(line)]}"

    def member(self, cohort, org_id: str, r: int) -> str:
        terms = []
        for line in self.by_cohort.get(cohort.cohort_id, []):
            if line.rate in costing.SHARED_RATES:
                terms.append(f"ROUND({self._cell('J', line)}*F{r}/H{r},2)")
            elif line.rate == "coaching":  # one follow-up per organisation
                terms.append(self._cell("I", line))
            elif line.rate == "travel":  # its travellers, rounded half up
                terms.append(f"ROUND(F{r}*{self.travelling}/100,0)*{self._cell('I', line)}")
            else:  # per participant (× the days): its part of the quantity
                terms.append(f"{self._cell('G', line)}*F{r}/H{r}*{self._cell('I', line)}")
        return "=" + "+".join([*terms, f"I{r}"]) if terms else ""

    def cent(self, cohort, org_id: str) -> Cell:
        """What the largest remainder adds to the rounded proportions of the shared lines."""
        people = sum(m.participants for m in cohort.members)
        mine = sum(m.participants for m in cohort.members if m.org_id == org_id)
        cents = 0
        for line in self.by_cohort.get(cohort.cohort_id, []):
            if line.rate in costing.SHARED_RATES:
                parts = split_fixed(line.amount_cents, cohort.members)
                share = next(p for m, p in zip(cohort.members, parts, strict=True)
                             if m.org_id == org_id)
                cents += share - _half_up(line.amount_cents * mine, people)
        return self.money(cents) if cents else ""

    def reassessment(self, org_id: str) -> str:
        cells = [self._cell("J", line) for line in self.budget.lines
                 if line.category == "reassessment" and line.org_id == org_id]
        return "=" + "+".join(cells) if cells else ""

    def contingency(self, first: int, here: int) -> str:
        """Its subtotal's proportion of the plan's contingency, plus its rounding cent."""
        sub, cont = self.subtotal_row, self.subtotal_row + 1
        return (f"=ROUND({self.lines_sheet}$J${cont}*SUM(G{first}:G{here - 1})/"
                f"{self.lines_sheet}$J${sub},2)+I{here}")

    def contingency_cent(self, org_id: str) -> Cell:
        budget = self.budget
        mine = budget.org_categories.get(org_id, {})
        subtotal = sum(v for k, v in mine.items() if k != "contingency")
        cents = mine.get("contingency", 0) - _half_up(budget.contingency_cents * subtotal,
                                                      budget.subtotal_cents)
        return self.money(cents) if cents else ""


def _quoted(title: str) -> str:
    """A sheet's name as a formula refers to it: quoted, a quote in it doubled, then "!"."""
    return "'" + sheet_title(title).replace("'", "''") + "'!"


def _half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, as a spreadsheet's ROUND (non-negative)."""
    return (2 * numerator + denominator) // (2 * denominator) if denominator else 0


def _outside_formula(formulas: costing.LineFormulas | None, key: str) -> str | None:
    """The reassessment's or the contingency's formula over the budget lines."""
    if formulas is None:
        return None
    return formulas.contingency() if key == "contingency" else formulas.category(key)


def _outside_cohorts(s: Scope, org_id: str) -> list[tuple[str, int]]:
    """An organisation's reassessment sessions and share of the contingency."""
    budget = s.plan.budget
    reassessment = sum(line.amount_cents for line in budget.lines
                       if line.category == "reassessment" and line.org_id == org_id)
    contingency = budget.org_categories.get(org_id, {}).get("contingency", 0)
    return [(k, v) for k, v in (("reassessment", reassessment), ("contingency", contingency))
            if v]
