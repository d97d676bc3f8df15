"""The spreadsheet's tables: needs, cohorts, schedule, budget and the per-organisation plan.

Numbers stay numbers and amounts stay :class:`~govcap.reports.model.Money` so the XLSX
renderer writes them as numeric cells with a number format.
"""

from __future__ import annotations

from govcap.planning.core.plan import SCHEDULED
from govcap.reports import costing, load, rounds
from govcap.reports.model import Cell, Column, Sheet, Table
from govcap.reports.scope import Scope


def build_sheets(s: Scope) -> list[Sheet]:
    return [needs(s), cohorts(s), schedule(s), budget(s), per_organisation(s), load.sheet(s)]


def needs(s: Scope) -> Sheet:
    L = s.L
    cols = [Column(L["col.organisation"], 30), Column(L["col.module"], 10),
            Column(L["col.title"], 40), Column(L["col.domain"], 26), Column(L["col.step"], 18),
            Column(L["col.origin"], 12), Column(L["col.section"], 40),
            Column(L["col.rank"], 7, "number"), Column(L["col.score"], 9, "number"),
            Column(L["col.status"], 12), Column(L["col.month"], 10), Column(L["col.cohort"], 12),
            Column(L["col.participants"], 9, "number"), Column(L["col.evidence"], 80),
            Column(L["h.alternatives"], 60)]
    rows: list[list[Cell]] = []
    for n in sorted(s.needs, key=lambda n: (s.names[n.org_id].casefold(), n.rank)):
        rows.append([n.org_name, n.module_code, s.module_title(n.module_code), s.domain(n.domain),
                     s.step(n.step), L.get_or(f"origin.{n.origin}", n.origin),
                     "; ".join(s.section_title(k) for k in n.sections), n.rank,
                     float(n.score), _need_status(s, n.status, n.month),
                     n.month or "", n.cohort_id or "", n.participants,
                     " | ".join(s.evidence(n)), rounds.alternatives_text(s, n)])
    return Sheet(L["sheet.needs"], Table(cols, rows))


def _need_status(s: Scope, status: str, month: str | None) -> str:
    if status == SCHEDULED:
        return s.L.t("status.scheduled", month=s.L.month(month))
    return s.L.get_or(f"status.{status}", status)


def cohorts(s: Scope) -> Sheet:
    L = s.L
    widths = {"text": 60, "number": 10, "money": 14}
    cols = [Column(L["col.cohort"], 12), Column(L["col.month"], 10), Column(L["col.module"], 10),
            Column(L["col.title"], 40), Column(L["col.domain"], 26),
            Column(L["col.language"], 10)] + [
        Column(label, widths[kind], kind) for label, kind in s.cohort_headers()]
    rows: list[list[Cell]] = [
        [c.cohort_id, c.month or "", c.module_code, s.module_title(c.module_code),
         s.domain(c.domain), s.language(c.language), *s.cohort_columns(c)] for c in s.cohorts]
    total: list[Cell] = [L["total"], "", "", "", "", "", "",
                         sum(s.participants(c) for c in s.cohorts)]
    if s.org_id is None:
        total.append(s.money(s.total_cents))
    else:  # the cohorts' own sizes and costs do not add up to anything of this organisation's
        total += ["", s.money(s.total_cents), ""]
    return Sheet(L["sheet.cohorts"], Table(cols, rows, total=total))


def schedule(s: Scope) -> Sheet:
    """Modules × months: participants in each month's cohorts."""
    L = s.L
    months = list(s.plan.months)
    cols = [Column(L["col.module"], 10), Column(L["col.title"], 40)]
    cols += [Column(m, 9, "number") for m in months]
    rows: list[list[Cell]] = []
    for code in s.modules:
        row: list[Cell] = [code, s.module_title(code)]
        for m in months:
            people = sum(s.participants(c) for c in s.cohorts
                         if c.module_code == code and c.month == m)
            row.append(people if people else "")
        rows.append(row)
    return Sheet(L["sheet.schedule"], Table(cols, rows))


def budget(s: Scope) -> Sheet:
    L = s.L
    cols = [Column(L["col.module"], 10), Column(L["col.title"], 40),
            Column(L["col.domain"], 26), Column(L["col.cohorts"], 9, "number"),
            Column(L["col.participants"], 11, "number"), Column(L["col.amount"], 16, "money")]
    by_module = s.breakdown("module")
    rows: list[list[Cell]] = []
    for code in s.modules:
        runs = [c for c in s.cohorts if c.module_code == code]
        rows.append([code, s.module_title(code), s.domain(runs[0].domain), len(runs),
                     sum(s.participants(c) for c in runs), s.money(by_module[code])])
    for key in ("reassessment", "contingency"):  # the cost model's lines outside cohorts
        if key in by_module:
            rows.append(["", costing.text(L.language, f"cat.{key}"), "", "", "",
                         s.money(by_module[key])])
    return Sheet(L["sheet.budget"], Table(cols, rows, total=[
        L["total"], "", "", len(s.cohorts), sum(s.participants(c) for c in s.cohorts),
        s.money(s.total_cents)]))


def per_organisation(s: Scope) -> Sheet:
    L = s.L
    cols = [Column(L["col.organisation"], 34), Column(L["col.module"], 10),
            Column(L["col.title"], 40), Column(L["col.month"], 10), Column(L["col.cohort"], 12),
            Column(L["col.participants"], 11, "number"), Column(L["col.share"], 16, "money")]
    rows: list[list[Cell]] = []
    for org_id in s.organisations:
        for c in s.cohorts:
            for m in c.members:
                if m.org_id == org_id:
                    rows.append([s.names[org_id], c.module_code, s.module_title(c.module_code),
                                 c.month or "", c.cohort_id, m.participants,
                                 s.money(m.cost_cents)])
    return Sheet(L["sheet.orgs"], Table(cols, rows, total=[
        L["total"], "", "", "", "", sum(r[5] for r in rows if isinstance(r[5], int)),
        s.money(s.total_cents)]))
