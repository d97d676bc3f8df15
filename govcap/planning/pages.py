"""What the plan pages show, built from the plan (``PlanData``): small read-only rows that
carry the plan's own lines plus what a page adds (titles, money in words, names)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, ngettext

from govcap import localise
from govcap.labels import level_label
from govcap.planning import coverage, month_words, rounds_words, wording
from govcap.planning.core.blackouts import names_due as due_on
from govcap.planning.core.blackouts import plan_country
from govcap.planning.core.budget import CATEGORIES
from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.inputs import add_months
from govcap.planning.core.narrow import action_share, narrow
from govcap.planning.core.period import plan_period
from govcap.planning.core.plan import (
    DROPPED,
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
from govcap.planning.core.priority import module_ranks
from govcap.scale import DOMAINS, SECTION_KEYS


@dataclass(frozen=True)
class NeedRow:
    need: Need
    module_title: str
    module: str = ""  # "Title (CODE)"
    status: str = ""
    month: str = ""
    why: str = ""  # a follow-on intervention: the course it replaces and why
    reasons: tuple[str, ...] = ()  # the ratings (or edit, or course) that call for it
    priority: int | None = None  # its module's, as the documents number it; None: left out


@dataclass(frozen=True)
class UnfitRow:
    unfit: Unfit
    module_title: str
    module: str = ""
    reason: str = ""
    alternatives: tuple[str, ...] = ()  # other ways to close the gap, in words


@dataclass(frozen=True)
class CohortRow:
    cohort: Cohort
    module_title: str
    cost: str
    member_names: tuple[str, ...]
    module: str = ""
    month: str = ""
    language: str = ""
    members: tuple[tuple[str, str, int], ...] = ()  # (org id, name, participants)
    names_due: str = ""  # the day its participants are named by ("": an undated plan)


@dataclass(frozen=True)
class GridRow:
    """One domain's cohorts in each plan month."""

    domain: str
    cells: tuple[tuple[CohortRow, ...], ...]


def _assistance(action: ActionRow, namer: wording.Namer) -> str:
    """An action's technical assistance in the reader's language: its module's follow-up
    as the catalogue translates it; as stored when the catalogue no longer has it."""
    module = namer.catalogue.by_code.get(action.module_code)
    return module.follow_up if module is not None and module.follow_up else (
        action.technical_assistance)


@dataclass(frozen=True)
class ActionLine:
    action: ActionRow
    funding: str
    org_names: tuple[str, ...]
    measure: str = ""  # said in words: "Systems thinking (DST-101): 2 courses of 3 days…"
    timeline: str = ""
    responsibility: str = ""  # the plan's default in the reader's words, or as written
    # the module's follow-up in the reader's language (the catalogue's translation, as the
    # documents give it); the stored action keeps the plan's generation language
    assistance: str = ""
    source: str = ""  # its funding source, or "To be agreed with funders" as the documents


@dataclass(frozen=True)
class GapRow:
    """A gap as the Findings table shows it: "4. Its title", the levels in words."""

    gap: Gap
    section: str
    current: str
    target: str
    benchmark: str = ""  # in the reader's language (planning.benchmarks)
    # the notes, evidence, dissent and quotes the session shared, as the documents give
    # them beside the benchmark (`wording.said_lines`): never the internal notes
    said: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    words: str  # "Consensus level on 4. Its title at reassessment: Moderate or higher…"
    baseline: str
    target: str
    status: str
    month: str


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
    needs: int  # in the plan: placed or waiting for a place (the Needs table's rows)
    cohorts: int  # the courses' cohorts (course_counts)
    unfit: int
    unknowns: int
    left_out: int = 0  # needs left out by an edit, listed apart (as the documents do)
    interventions: int = 0  # coaching and the like, one per organisation (course_counts)


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
    month_labels: tuple[tuple[str, str], ...] = ()  # (YYYY-MM, "May 2027")
    unknown_rows: tuple[tuple[Unknown, str, str], ...] = ()  # (line, section, reason)
    changes: tuple[rounds_words.ChangeRow, ...] = ()  # since the previous round
    # The cost model (planning.core.budget): the rate card cited and the cost by category
    # (the whole plan's, or one organisation's share); empty for a plan without a card.
    rate_card: str = ""
    by_category: tuple[tuple[str, str], ...] = ()
    gap_rows: tuple[GapRow, ...] = ()
    indicator_rows: tuple[IndicatorRow, ...] = ()
    arrow: str = "→"  # between two levels, pointing the way the page reads
    # the plan's period as the documents say it (planning.core.period): first to last month
    # a course starts, the reassessments apart; "" when no course is scheduled
    period_first: str = ""
    period_last: str = ""
    reassessment: str = ""  # "March 2027 – May 2028", when it ends after the training
    # who the plan covers and who it leaves out, named, in the documents' words (the whole
    # plan's page; ``coverage_lines``)
    coverage: tuple[str, ...] = ()


def _domain_first(item: tuple[str, int]) -> tuple[int, int]:
    """The budget by domain: the protocol's domains in their order, then the lines outside
    courses (reassessment, contingency) in the cost model's order — sorted by key, they
    fell among the domains."""
    key = item[0]
    if key in DOMAINS:
        return 0, list(DOMAINS).index(key)
    return 1, CATEGORIES.index(key) if key in CATEGORIES else len(CATEGORIES)


def cost_category(key: str) -> str:
    """A cost category of planning.core.budget (also the reassessment and contingency keys
    of the budget's breakdowns) in words."""
    words = {"course": gettext("Course price (catalogue or engagement rate)"),
             "e-learning": gettext("E-learning (platform licence and tutor)"),
             "trainers": gettext("Trainers"), "venue": gettext("Venue"),
             "materials": gettext("Materials"),
             "allowance": gettext("Participant daily allowance"),
             "travel": gettext("Participant travel"),
             "coaching": gettext("Follow-up coaching"),
             "reassessment": gettext("Reassessment sessions"),
             "contingency": gettext("Contingency")}
    return words.get(key, key)


def scheduled(plan: PlanData) -> list[Cohort]:
    """The courses the plan runs: cohorts given a month. A cohort no month could hold is
    not one (the documents count and list the same); its members' needs are not placed."""
    return [c for c in plan.cohorts if c.status == SCHEDULED and c.month]


def _is_course(catalogue: Catalogue, code: str) -> bool:
    return getattr(catalogue.by_code.get(code), "is_course", True)


def scheduled_courses(plan: PlanData, catalogue: Catalogue) -> list[Cohort]:
    """The courses' cohorts the plan runs, the coaching and other interventions left out:
    what "N cohorts scheduled" counts (course_counts), and so what a part of it counts."""
    return [c for c in scheduled(plan) if _is_course(catalogue, c.module_code)]


def course_counts(plan: PlanData, catalogue: Catalogue) -> tuple[int, int]:
    """(the courses' cohorts, the coaching and other interventions — one per organisation
    that has one) among the cohorts the plan runs: counted as the documents' key figures
    count them (reports.module_count). The plan page said "9 cohorts scheduled" for Kenya's
    follow-up where its key figures and the approval said 3 cohorts and 6 coaching."""
    return (len(scheduled_courses(plan, catalogue)),
            sum(len({m.org_id for m in c.members}) for c in scheduled(plan)
                if not _is_course(catalogue, c.module_code)))


def coverage_lines(plan: PlanData) -> tuple[str, ...]:
    """The organisations engaged, those in the plan and those not in it yet, named by where
    their assessment stands — the documents' sentences (reports.build.coverage, the same
    messages), from the same reading (planning.coverage)."""
    covered = coverage.of(plan)
    if covered is None:
        return ()
    lines = [ngettext(
        "Of the organisations engaged ({engaged}), {validated} is in this plan (its latest "
        "validated session counts).",
        "Of the organisations engaged ({engaged}), {validated} are in this plan (their latest"
        " validated session counts).", covered.validated).format(
            engaged=covered.engaged, validated=covered.validated)]
    states = {"submitted": gettext("awaiting validation: {names}"),
              "in_progress": gettext("session under way: {names}"),
              "draft": gettext("session scheduled: {names}"),
              "none": gettext("no session yet: {names}")}
    groups = [states[state].format(names=localise.join(wording.isolate(n) for n in names))
              for state, names in covered.not_covered]
    if groups:
        lines.append(gettext("Not in this plan yet — {groups}.").format(
            groups=localise.join(groups, strong=True)))
    return tuple(lines)


def org_names(plan: PlanData) -> dict[str, str]:
    """Organisation ID → name, in the readers' order of names (`localise.sort_key`: no
    accents, no case): the order of every list of the plan's organisations on its page
    (the per-organisation documents, the budget, the load table, the edit form's menu),
    where the plan's own order is the sessions' ids' and a sort by code point put
    "Ministère de l'Économie" after "Ministère de l'Intérieur"."""
    return dict(localise.sorted_names(((o.org_id, o.org_name) for o in plan.organisations),
                                      key=lambda pair: pair[1]))


def overview(plan: PlanData, catalogue: Catalogue, org_id: str | None = None,
             section_titles: dict[str, str] | None = None,
             benchmarks: Mapping[str, str] | None = None) -> Overview:
    """Summary, needs by priority, gaps, cohorts by month, the month grid, budget, unfit.
    ``benchmarks``: rating id → the gap's benchmark in the reader's language (the plan
    keeps it in the engagement's)."""
    currency = plan.currency
    names = org_names(plan)

    def money(cents: int) -> str:
        return wording.money(cents, currency)
    own = plan if org_id is None else narrow(plan, org_id)  # its lines, the cohorts it attends

    namer = wording.Namer(catalogue, plan, sections=section_titles)

    def title(code: str | None) -> str:
        module = catalogue.by_code.get(code or "")
        return module.title if module else (code or "—")

    # the national plan's numbers on one organisation's page too, as its documents and
    # brief give them (its page said 1 and 2 where its PDF said 2 and 3)
    priorities = module_ranks(n for n in plan.needs if n.status != DROPPED)
    needs = sorted(own.needs, key=lambda n: (priorities.get(n.module_code, 10**6)
                                             if n.rank else 10**6,
                                             n.rank or 10**6, n.org_id, n.module_code))
    made = plan.settings.get("constraints", {}).get("plan_date")
    country = plan_country(plan)  # its names due on one of the country's working days

    def names_due(month: str | None) -> str:  # as the documents say it (reports.nominations)
        if not (made and month):
            return ""
        return wording.day_label(due_on(dt.date.fromisoformat(made), month, country).isoformat())

    def who(org_ids) -> tuple[str, ...]:
        """Who attends, as the per-organisation documents say it: one organisation's page
        names only it, and counts the others it shares a course with ("Kenya Revenue
        Authority with 5 other organisations"); the whole plan's names them all."""
        if org_id is None:  # in the reader's order of names, not the ids' (random) one
            return tuple(localise.sorted_names(names.get(o, o) for o in org_ids))
        others = sum(1 for o in org_ids if o != org_id)
        own = names.get(org_id, org_id)
        if not others:
            return (own,)
        return (ngettext("%(org)s with %(n)d other organisation",
                         "%(org)s with %(n)d other organisations", others)
                % {"org": wording.isolate(own), "n": others},)

    cohort_rows = tuple(
        CohortRow(c, title(c.module_code), money(c.cost_cents),
                  who(m.org_id for m in c.members),
                  module=namer.module(c.module_code), month=wording.month_label(c.month),
                  language=wording.language_name(c.language),
                  members=tuple(localise.sorted_names(
                      ((m.org_id, names.get(m.org_id, m.org_id), m.participants)
                       for m in c.members), key=lambda member: member[1])),
                  names_due="" if c.delivery else names_due(c.month))  # kept: named
        for c in sorted(scheduled(own), key=lambda c: (c.month or "", c.cohort_id)))
    grid = []
    for domain in DOMAINS:
        cells = tuple(tuple(r for r in cohort_rows
                            if r.cohort.domain == domain and r.cohort.month == m)
                      for m in plan.months)
        if any(cells):
            grid.append(GridRow(wording.domain_title(domain), cells))
    budget = plan.budget
    by_org = localise.sorted_names(((names.get(k, k), money(v)) for k, v in budget.by_org.items()
                                    if org_id is None or k == org_id), key=lambda row: row[0])
    domain_cents: dict[str, int] = dict(budget.by_domain)
    if org_id is not None:  # one organisation's page: its own share of each domain
        domain_cents = {}
        for c in plan.cohorts:
            for m in c.members:
                if c.status == SCHEDULED and m.org_id == org_id:
                    domain_cents[c.domain] = domain_cents.get(c.domain, 0) + m.cost_cents
        shares = budget.org_categories.get(org_id, {})  # the cost model's lines outside cohorts
        domain_cents |= {k: shares[k] for k in ("reassessment", "contingency") if k in shares}
    # stored plans read back with sorted keys: list the categories in the model's order
    categories = (budget.by_category if org_id is None
                  else budget.org_categories.get(org_id, {}))
    return Overview(
        currency=currency,
        catalogue_key=plan.catalogue_key,
        catalogue_version=plan.catalogue_version,
        names=names,
        total=money(budget.total_cents),
        org_total=money(budget.by_org.get(org_id, 0)) if org_id else None,
        # nothing unplaced, nothing to say: the budget tab said "would cost about USD 0.00
        # more" (issue 14, fresh eyes)
        unscheduled=(money(budget.unscheduled_estimate_cents)
                     if budget.unscheduled_estimate_cents else ""),
        gaps=own.gaps,
        unknowns=own.unknowns,
        needs=tuple(NeedRow(n, title(n.module_code), namer.module(n.module_code),
                            wording.status_word(wording.NEED_STATUS, n.status),
                            wording.month_label(n.month), rounds_words.follow_on(n, namer),
                            wording.need_reasons(n, plan, namer),
                            priorities.get(n.module_code) if n.rank else None)
                    for n in needs),
        unfit=tuple(UnfitRow(u, title(u.module_code), namer.module(u.module_code),
                             wording.unfit_reason(u, plan, namer),
                             rounds_words.alternatives(u, plan, namer)) for u in own.unfit),
        changes=rounds_words.change_rows(plan, namer, section_titles, org_id),
        cohorts=cohort_rows,
        months=plan.months,
        blackout=frozenset(plan.blackout_months),
        grid=tuple(grid),
        by_domain=tuple((wording.domain_title(k) if k in DOMAINS else cost_category(k),
                         money(v)) for k, v in sorted(domain_cents.items(), key=_domain_first)),
        rate_card=budget.rate_card,
        by_category=tuple((cost_category(k), money(categories[k]))
                          for k in CATEGORIES if k in categories),
        domain_total=money(sum(domain_cents.values())),
        by_org=tuple(by_org),
        indicators=own.indicators,
        actions=tuple(_action_line(a, plan, org_id, namer, money, who)
                      for a in plan.actions if org_id is None or org_id in a.organisations),
        operations=plan.operations,
        load=load_table(plan, org_id),
        start_note=start_note(plan),
        counts=Counts(organisations=len(plan.organisations), gaps=len(plan.gaps),
                      needs=sum(1 for n in plan.needs if n.status != DROPPED),
                      cohorts=course_counts(plan, catalogue)[0], unfit=len(plan.unfit),
                      unknowns=len(plan.unknowns),
                      left_out=sum(1 for n in plan.needs if n.status == DROPPED),
                      interventions=course_counts(plan, catalogue)[1]),
        month_labels=tuple((m, wording.month_label(m)) for m in plan.months),
        unknown_rows=tuple((u, (section_titles or {}).get(u.section_key,
                                                         namer.section(u.section_key)),
                            wording.unknown_reason(u.reason)) for u in own.unknowns),
        gap_rows=tuple(GapRow(g, f"{g.section_number}. "
                              f"{(section_titles or {}).get(g.section_key) or g.section_title}",
                              level_label(g.current.key), level_label(g.target.key),
                              (benchmarks or {}).get(g.rating_id, g.benchmark_text),
                              wording.said_lines(g))
                       for g in own.gaps),
        indicator_rows=tuple(indicator_row(i, plan, section_titles) for i in own.indicators),
        arrow=wording.step_arrow(),
        **period_words(plan, org_id),
        coverage=coverage_lines(plan) if org_id is None else (),
    )


def _action_line(action: ActionRow, plan: PlanData, org_id: str | None, namer: wording.Namer,
                 money, who) -> ActionLine:
    """An action line; on one organisation's page, what it gets as its documents say it
    (`action_share`): its own coaching and months, its share of the cost, not the whole
    line's. A funding source not yet set is said as the documents say it."""
    source = action.funding_source or gettext("To be agreed with funders")
    if org_id is None:
        return ActionLine(action, money(action.total_funding_cents), who(action.organisations),
                          wording.action_measure(action, plan, namer),
                          wording.month_span(action.timeline_from, action.timeline_to),
                          wording.responsibility(action.responsibility),
                          _assistance(action, namer), source)
    share = action_share(plan, action.module_code, org_id)
    return ActionLine(action, money(share.cents), who(share.organisations or (org_id,)),
                      wording.action_measure(action, plan, namer, org_id),
                      wording.month_span(share.first, share.last),
                      wording.responsibility(action.responsibility),
                      _assistance(action, namer), source)


def period_words(plan: PlanData, org_id: str | None = None) -> dict[str, str]:
    """The plan's period in words, as the documents give it (one definition:
    ``core.period.plan_period``), not the months the schedule searched."""
    period = plan_period(plan, org_id)
    if period.empty:
        return {}
    return {"period_first": wording.month_label(period.first),
            "period_last": wording.month_label(period.last),
            "reassessment": wording.month_span(period.reassess_first, period.reassess_last)
            if period.reassess_last else ""}


def indicator_row(indicator: Indicator, plan: PlanData,
                  section_titles: dict[str, str] | None = None) -> IndicatorRow:
    """An indicator in the reader's words, its section numbered as in the Findings."""
    key = indicator.section_key
    gap = next((g for g in plan.gaps if g.section_key == key), None)
    number = gap.section_number if gap else (SECTION_KEYS.index(key) + 1
                                             if key in SECTION_KEYS else 0)
    title = (section_titles or {}).get(key) or (gap.section_title if gap else key)
    section = f"{number}. {title}" if number else title
    return IndicatorRow(
        indicator, wording.indicator_words(indicator, section),
        level_label(indicator.baseline.key), level_label(indicator.target.key),
        wording.status_word(wording.INDICATOR_STATUS, indicator.status),
        wording.month_label(indicator.reassess_month))


@dataclass(frozen=True)
class CohortEdit:
    """The edits that sit beside one cohort: move it, keep it, take an organisation out of it
    or into another course of the same module. Each form has its own operation id."""

    move_op: str
    lock_op: str
    member_op: str
    months: tuple[tuple[str, str], ...]  # months it can move to (not its own, not closed)
    drops: tuple[tuple[str, str, str], ...]  # (need "org|module", organisation name, op id)
    others: tuple[tuple[str, str], ...]  # other courses of the module an organisation can join


@dataclass(frozen=True)
class UnfitEdit:
    """Beside a need the plan could not place: leave it out of the plan, or plan one of its
    interventions instead (coaching, e-learning: one organisation can hold them alone).
    (Moving it into a course is not offered: a move-member edit starts from a course the
    need is in; joining another engagement's course is arranged with that engagement.)"""

    need: str  # "org|module"
    drop_op: str
    org_id: str = ""
    instead: tuple[tuple[str, str, str], ...] = ()  # (module code, words, op id) to add


def _op_id() -> str:
    return uuid.uuid4().hex


def _other_cohorts(plan: PlanData, source: Cohort, catalogue: Catalogue | None = None
                   ) -> tuple[tuple[str, str], ...]:
    """The other courses of ``source``'s module an organisation of it can join: in its
    language, and (with the catalogue) with room for its smallest delegation, so that a
    move offered is not one that can only conflict (a coaching of 4 already holding 3). A
    course kept as it is keeps its members: none from it, none into it."""
    if source.locked:
        return ()
    module = catalogue.by_code.get(source.module_code) if catalogue is not None else None
    smallest = min((m.participants for m in source.members), default=0)
    strong = any("," in o.org_name or "،" in o.org_name for o in plan.organisations)
    return tuple((c.cohort_id, gettext("%(month)s, %(n)d participants, %(orgs)s") % {
        "month": wording.month_label(c.month), "n": c.participants,
        # one separator for every course offered: the semicolon when any name of the plan
        # holds a comma, not a comma in one option and a semicolon in the next
        "orgs": localise.join((wording.isolate(o.org_name) for o in plan.organisations
                               if o.org_id in c.org_ids), strong=strong)})
        for c in plan.cohorts if c.module_code == source.module_code
        and c.cohort_id != source.cohort_id and c.status == SCHEDULED
        and c.language == source.language and not c.locked
        and (module is None or c.participants + smallest <= module.max_cohort))


def cohort_edit(row: CohortRow, plan: PlanData, catalogue: Catalogue | None = None
                ) -> CohortEdit:
    closed = set(plan.blackout_months)
    cohort = row.cohort
    return CohortEdit(
        move_op=_op_id(), lock_op=_op_id(), member_op=_op_id(),
        months=tuple((m, wording.month_label(m)) for m in plan.months
                     if m not in closed and m != cohort.month),
        drops=tuple((f"{org_id}|{cohort.module_code}", wording.isolate(name), _op_id())
                    for org_id, name, _n in row.members),
        others=_other_cohorts(plan, cohort, catalogue))


def unfit_edit(row: UnfitRow, plan: PlanData) -> UnfitEdit | None:
    code = row.unfit.module_code
    if row.unfit.reason == "later-round":  # that round's plan takes it up, not this one
        return None
    if not code or not any(n.org_id == row.unfit.org_id and n.module_code == code
                           and n.status != "dropped" for n in plan.needs):
        return None
    planned = {n.module_code for n in plan.needs
               if n.org_id == row.unfit.org_id and n.status != "dropped"}
    instead = tuple((a.module_code, text, _op_id())
                    for a, text in zip(row.unfit.alternatives, row.alternatives, strict=True)
                    if a.kind in ("coaching", "e-learning") and a.module_code not in planned)
    return UnfitEdit(need=f"{row.unfit.org_id}|{code}", drop_op=_op_id(),
                     org_id=row.unfit.org_id, instead=instead)


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
    blocked = tuple(BlockedMonth(month=wording.month_label(b.month), closed=b.blocked_days * 2 >= b.working_days,
                                 days=b.blocked_days, of=b.working_days,
                                 reasons=month_words.reasons_words(b.reasons))
                    for b in plan.month_blocks)
    return LoadTable(months=plan.months,
                     rows=tuple(localise.sorted_names(rows, key=lambda r: r.name)),
                     blocked=blocked)


def start_note(plan: PlanData) -> str:
    """Said when the start month in the settings had passed when the plan was made; not
    by an earlier round's plan that plans nothing new (a later round reassesses it): it
    starts nothing, its months are those of the courses it keeps."""
    c = plan.settings.get("constraints", {})
    if plan.extra.get("later_round") and not any(k.month and not k.delivery
                                                 for k in plan.cohorts):
        return ""
    if c.get("first_month") and c["first_month"] != c.get("start_month") and "lead_weeks" in c:
        return _closed_after_lead(c, ngettext(
            "The schedule starts in %(first)s, not in the start month in the settings "
            "(%(start)s): the first course comes at least %(weeks)d week after the plan's date "
            "(%(date)s).",
            "The schedule starts in %(first)s, not in the start month in the settings "
            "(%(start)s): the first course comes at least %(weeks)d weeks after the plan's "
            "date (%(date)s).", c["lead_weeks"]) % {
                "start": wording.month_label(c["start_month"]), "weeks": c["lead_weeks"],
                "date": wording.day_label(c.get("plan_date", "")),
                "first": wording.month_label(c["first_month"])})
    if c.get("first_month") and c["first_month"] != c.get("start_month"):
        return gettext("The start month in the settings (%(start)s) was before the plan's "
                       "date (%(date)s); the schedule starts in %(first)s, the month after "
                       "the plan's date.") % {
                           "start": wording.month_label(c["start_month"]),
                           "date": wording.day_label(c.get("plan_date", "")),
                           "first": wording.month_label(c["first_month"])}
    return ""


def _closed_after_lead(c: dict[str, Any], sentence: str) -> str:
    """``sentence`` with the closed months that put the start past the lead time, before
    its full stop: "… after the plan's date (5 December 2026) (February 2027 is closed to
    training: Ramadan (20 working days))." — 8 weeks gave February; it said only the weeks.
    The documents' words (``reports.load.closed_after_lead``)."""
    lead_month, not_before = c.get("lead_month"), c.get("not_before")
    if not lead_month or not not_before or lead_month >= not_before:
        return sentence
    reasons: dict[str, list[str]] = c.get("lead_closed") or {}
    said: list[str] = []
    month = lead_month
    while month < not_before and len(said) < 24:
        label = wording.month_label(month)
        said.append(gettext("({month} is closed to training: {reasons})").format(
            month=label, reasons=month_words.reasons_words(reasons[month]))
            if reasons.get(month) else
            gettext("({month} is closed to training)").format(month=label))
        month = add_months(month, 1)
    why = " " + " ".join(said)
    return sentence[:-1] + why + "." if sentence.endswith(".") else sentence + why


def edit_choices(plan: PlanData, catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """Choices of the edit forms, named as a reader names them (never by identifier)."""
    names = org_names(plan)
    namer = wording.Namer(catalogue, plan)
    cohorts = [(c.cohort_id, namer.cohort(c.cohort_id)) for c in plan.cohorts]
    needs = [(f"{n.org_id}|{n.module_code}",
              f"{wording.isolate(names.get(n.org_id, n.org_id))} — {namer.module(n.module_code)}")
             for n in plan.needs if n.status != "dropped"]
    blackout = set(plan.blackout_months)
    months = [(m, wording.month_label(m)) for m in plan.months if m not in blackout]
    return {"cohort": cohorts, "month": months, "need": needs,
            "organisation": [(k, wording.isolate(v)) for k, v in names.items()],
            # courses, then the interventions (coaching, on-the-job, e-learning) one
            # organisation can be given alone
            "module": [(m.code, wording.isolate(f"{m.title} ({m.code})"))
                       for m in catalogue.modules + catalogue.interventions]}
