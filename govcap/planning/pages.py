"""What the plan pages show, built from the plan (``PlanData``): small read-only rows that
carry the plan's own lines plus what a page adds (titles, money in words, names)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.money import format_money
from govcap.planning.core.narrow import narrow
from govcap.planning.core.plan import (
    SCHEDULED,
    ActionRow,
    Cohort,
    Gap,
    Indicator,
    Need,
    OperationResult,
    PlanData,
    Unfit,
    Unknown,
)
from govcap.scale import DOMAINS


@dataclass(frozen=True)
class NeedRow:
    need: Need
    module_title: str


@dataclass(frozen=True)
class UnfitRow:
    unfit: Unfit
    module_title: str


@dataclass(frozen=True)
class CohortRow:
    cohort: Cohort
    module_title: str
    cost: str
    member_names: tuple[str, ...]


@dataclass(frozen=True)
class GridRow:
    """One domain's cohorts in each plan month."""

    domain: str
    cells: tuple[tuple[CohortRow, ...], ...]


@dataclass(frozen=True)
class ActionLine:
    action: ActionRow
    funding: str
    org_names: tuple[str, ...]


@dataclass(frozen=True)
class LoadCell:
    days: int
    limit: int
    away: int
    reduced: bool


@dataclass(frozen=True)
class LoadRow:
    name: str
    cells: tuple[LoadCell, ...]
    total: int
    limits: tuple[int, int, int]  # days a month, days a quarter, staff away


@dataclass(frozen=True)
class BlockedMonth:
    month: str
    closed: bool
    days: int
    of: int
    reasons: str


@dataclass(frozen=True)
class LoadTable:
    months: tuple[str, ...]
    rows: tuple[LoadRow, ...]
    blocked: tuple[BlockedMonth, ...]


@dataclass(frozen=True)
class Counts:
    organisations: int
    gaps: int
    needs: int
    cohorts: int
    unfit: int
    unknowns: int


@dataclass(frozen=True)
class Overview:
    currency: str
    catalogue_key: str
    catalogue_version: str
    names: dict[str, str]
    total: str
    org_total: str | None
    unscheduled: str
    gaps: tuple[Gap, ...]
    unknowns: tuple[Unknown, ...]
    needs: tuple[NeedRow, ...]
    unfit: tuple[UnfitRow, ...]
    cohorts: tuple[CohortRow, ...]
    months: tuple[str, ...]
    blackout: frozenset[str]
    grid: tuple[GridRow, ...]
    by_domain: tuple[tuple[str, str], ...]
    domain_total: str  # the whole plan's total, or one organisation's share
    by_org: tuple[tuple[str, str], ...]
    indicators: tuple[Indicator, ...]
    actions: tuple[ActionLine, ...]
    operations: tuple[OperationResult, ...]
    load: LoadTable
    start_note: str
    counts: Counts


def overview(plan: PlanData, catalogue: Catalogue, org_id: str | None = None) -> Overview:
    """Summary, needs by priority, gaps, cohorts by month, the month grid, budget, unfit."""
    currency = plan.currency
    names = {o.org_id: o.org_name for o in plan.organisations}
    own = plan if org_id is None else narrow(plan, org_id)  # its lines, the cohorts it attends

    def title(code: str | None) -> str:
        module = catalogue.by_code.get(code or "")
        return module.title if module else (code or "—")

    needs = sorted(own.needs, key=lambda n: (n.rank or 10**6, n.org_id, n.module_code))
    cohort_rows = tuple(
        CohortRow(c, title(c.module_code), format_money(c.cost_cents, currency),
                  tuple(names.get(m.org_id, m.org_id) for m in c.members))
        for c in sorted(own.cohorts, key=lambda c: (c.month or "9999", c.cohort_id)))
    grid = []
    for domain, label in DOMAINS.items():
        cells = tuple(tuple(r for r in cohort_rows
                            if r.cohort.domain == domain and r.cohort.month == m)
                      for m in plan.months)
        if any(cells):
            grid.append(GridRow(label, cells))
    budget = plan.budget
    by_org = sorted((names.get(k, k), format_money(v, currency))
                    for k, v in budget.by_org.items() if org_id is None or k == org_id)
    domain_cents: dict[str, int] = dict(budget.by_domain)
    if org_id is not None:  # one organisation's page: its own share of each domain
        domain_cents = {}
        for c in plan.cohorts:
            for m in c.members:
                if c.status == SCHEDULED and m.org_id == org_id:
                    domain_cents[c.domain] = domain_cents.get(c.domain, 0) + m.cost_cents
    return Overview(
        currency=currency,
        catalogue_key=plan.catalogue_key,
        catalogue_version=plan.catalogue_version,
        names=names,
        total=format_money(budget.total_cents, currency),
        org_total=format_money(budget.by_org.get(org_id, 0), currency) if org_id else None,
        unscheduled=format_money(budget.unscheduled_estimate_cents, currency),
        gaps=own.gaps,
        unknowns=own.unknowns,
        needs=tuple(NeedRow(n, title(n.module_code)) for n in needs),
        unfit=tuple(UnfitRow(u, title(u.module_code)) for u in own.unfit),
        cohorts=cohort_rows,
        months=plan.months,
        blackout=frozenset(plan.blackout_months),
        grid=tuple(grid),
        by_domain=tuple((DOMAINS.get(k, k), format_money(v, currency))
                        for k, v in sorted(domain_cents.items())),
        domain_total=format_money(sum(domain_cents.values()), currency),
        by_org=tuple(by_org),
        indicators=own.indicators,
        actions=tuple(ActionLine(a, format_money(a.total_funding_cents, currency),
                                 tuple(names.get(o, o) for o in a.organisations))
                      for a in plan.actions if org_id is None or org_id in a.organisations),
        operations=plan.operations,
        load=load_table(plan, org_id),
        start_note=start_note(plan),
        counts=Counts(organisations=len(plan.organisations), gaps=len(plan.gaps),
                      needs=len(plan.needs), cohorts=len(plan.cohorts),
                      unfit=len(plan.unfit), unknowns=len(plan.unknowns)),
    )


def load_table(plan: PlanData, org_id: str | None = None) -> LoadTable:
    """Each organisation's training days and staff away per month against its limits."""
    rows = []
    for row in plan.load:
        if org_id is not None and row.org_id != org_id:
            continue
        cells = tuple(LoadCell(days=d, limit=lim, away=a, reduced=lim < row.days_per_month)
                      for d, lim, a in zip(row.days, row.limits, row.away, strict=True))
        rows.append(LoadRow(name=row.org_name, cells=cells, total=sum(row.days),
                            limits=(row.days_per_month, row.days_per_quarter,
                                    row.staff_away)))
    blocked = tuple(BlockedMonth(month=b.month, closed=b.blocked_days * 2 >= b.working_days,
                                 days=b.blocked_days, of=b.working_days,
                                 reasons=", ".join(b.reasons)) for b in plan.month_blocks)
    return LoadTable(months=plan.months, rows=tuple(sorted(rows, key=lambda r: r.name)),
                     blocked=blocked)


def start_note(plan: PlanData) -> str:
    """Said when the start month in the settings had passed when the plan was made."""
    c = plan.settings.get("constraints", {})
    if c.get("first_month") and c["first_month"] != c.get("start_month"):
        return (f"The start month in the settings ({c['start_month']}) was before the plan's "
                f"date ({c.get('plan_date', '')}); the schedule starts in {c['first_month']}, "
                "the month after the plan's date.")
    return ""


def edit_choices(plan: PlanData, catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    names = {o.org_id: o.org_name for o in plan.organisations}
    cohorts = [(c.cohort_id, f"{c.cohort_id} — {c.module_code} "
                             f"({c.month or 'unscheduled'})") for c in plan.cohorts]
    needs = [(f"{n.org_id}|{n.module_code}", f"{names.get(n.org_id, n.org_id)} — {n.module_code}")
             for n in plan.needs if n.status != "dropped"]
    blackout = set(plan.blackout_months)
    months = [(m, m) for m in plan.months if m not in blackout]
    return {"cohort": cohorts, "month": months, "need": needs,
            "organisation": sorted(((k, v) for k, v in names.items()), key=lambda kv: kv[1]),
            "module": [(m.code, f"{m.code} — {m.title}") for m in catalogue.modules]}


def diff_lines(diff: dict[str, Any] | None, currency: str) -> list[str]:
    """The stored diff against the previous version, as short sentences."""
    if not diff or diff.get("is_empty"):
        return []
    lines = []
    for key, label in (("gaps_added", "new gaps"), ("gaps_closed", "gaps closed"),
                       ("needs_added", "needs added"), ("needs_removed", "needs removed"),
                       ("cohorts_added", "cohorts added"), ("cohorts_removed", "cohorts removed"),
                       ("cohorts_moved", "cohorts moved"), ("unfit_added", "newly unfit"),
                       ("unfit_resolved", "unfit resolved"),
                       ("operations_changed", "edit outcomes changed")):
        items = diff.get(key) or []
        if items:
            shown = [i["key"] if isinstance(i, dict) else i for i in items[:6]]
            more = f" … (+{len(items) - 6})" if len(items) > 6 else ""
            lines.append(f"{len(items)} {label}: {', '.join(shown)}{more}")
    if diff["total_before_cents"] != diff["total_after_cents"]:
        lines.append(f"budget {format_money(diff['total_before_cents'], currency)} → "
                     f"{format_money(diff['total_after_cents'], currency)}")
    return lines
