"""The later chapters: schedule, budget, monitoring and evaluation, actions, annex."""

from __future__ import annotations

from django.utils import translation

from govcap import localise
from govcap.chartwords import chart_words
from govcap.planning import wording
from govcap.planning.core.monitoring import own_evaluations
from govcap.planning.core.narrow import action_share
from govcap.planning.core.period import months_of
from govcap.planning.core.plan import DROPPED, SCHEDULED, Cohort
from govcap.reports import cohort_numbers, costing, course_states, load, module_count, rounds
from govcap.reports.model import (
    Bullets,
    Cell,
    Column,
    Figure,
    GanttData,
    GanttRow,
    Heading,
    Para,
    Section,
    Table,
)
from govcap.reports.scope import Scope
from govcap.reports.unfit_words import unfit_reason
from govcap.scale import DOMAINS, SECTION_KEYS

KIRKPATRICK = ("reaction", "learning", "behaviour", "results")


def no_needs_text(s: Scope) -> str:
    """Said instead of an empty list of needs: why there is none."""
    if not s.gaps:
        return s.L["empty.needs"]
    return s.L["empty.needs_left_out" if s.left_out else "empty.needs_no_module"]


def _months(s: Scope) -> list[str]:
    """The plan's period, month by month (a course kept from an earlier version may start
    before the horizon the generator searched)."""
    return months_of(s.period)


def gantt_data(s: Scope) -> GanttData:
    months = _months(s)
    index = {m: i for i, m in enumerate(months)}
    rows = []
    for code in s.modules:
        runs = [c for c in s.cohorts if c.module_code == code]
        bars: dict[int, int] = {}
        for c in runs:  # coaching's days spread over its months: a box in each
            for month in s.months_running(c):
                if month in index:
                    bars[index[month]] = bars.get(index[month], 0) + s.participants(c)
        module = s.module(code)  # coaching, on-the-job, e-learning: not a cohort
        rows.append(GanttRow(label=f"{code} {s.module_title(code)}", domain=runs[0].domain,
                             bars=tuple(sorted(bars.items())),
                             course=module is None or module.is_course))
    blackout = tuple(index[m] for m in s.plan.blackout_months if m in index)
    # each month in full, its year on a line of its own: the columns are narrow
    return GanttData(months=["\n".join(s.L.month(m).rsplit(" ", 1)) for m in months],
                     rows=rows, blackout=blackout,
                     title=s.L["gantt.title"], participants_label=s.L["col.participants"],
                     domain_labels={k: s.domain(k) for k in DOMAINS},
                     rtl=chart_words(s.L.language).rtl,
                     interventions_label=s.L["gantt.interventions"])


def closed_in_period(s: Scope) -> list[str]:
    """The closed months that shaped the schedule: those inside its period (its training's and
    reassessments', as the scheduler closes them: ``PlanData.blackout_months``), and those that
    pushed its start past the lead time (the horizon's closed months after the last course
    were listed, and February 2027, which moved Djibouti's start to March, was not)."""
    c = s.plan.settings.get("constraints", {})
    lead_month, not_before = c.get("lead_month"), c.get("not_before")
    pushed = (set(load.months_between(lead_month, not_before))
              if lead_month and not_before and lead_month < not_before else set())
    # the plan's period runs to its last reassessment, which a closed month moves too (Kenya's
    # follow-up said "none" with June 2027 closed between its training and reassessments)
    first, last = s.period.first, s.period.reassess_last or s.period.last
    # the months the schedule's "Months with fewer working days" calls closed count too
    # (Kenya's plans said "none" above "June 2027: closed (fiscal year-end)")
    closed = set(s.plan.blackout_months) | {b.month for b in s.plan.month_blocks if b.closed}
    inside = {m for m in closed if first is None or last is None or first <= m <= last}
    return sorted(inside | pushed)


def schedule(s: Scope) -> Section:
    L = s.L
    blackout = L.commas(L.month(m) for m in closed_in_period(s)) or L["mod.none"]
    parallel = s.plan.settings.get("constraints", {}).get("max_parallel", "–")
    # "Cohorts run from … to …" spans the courses' cohorts: coaching after the last course
    # is not a cohort (Kenya's follow-up said "to May 2027", its classes ending in March)
    class_months = sorted(m for c in s.cohorts if module_count.is_class(s, c)
                          for m in (c.month, c.last_month) if m)
    if class_months:
        opening = L.t("schedule.p", first=L.month(class_months[0]),
                      last=L.month(class_months[-1]), parallel=parallel, blackout=blackout)
    elif s.cohorts:
        opening = L.t("schedule.p", first=L.month(s.period.first),
                      last=L.month(s.period.last), parallel=parallel, blackout=blackout)
    else:
        opening = L.t("schedule.none", blackout=blackout)
    blocks: list = [Para(opening)]
    if s.cohorts:  # the timeline first, then the rules it follows: a tall figure (kept
        # whole) after several paragraphs went to the next page and left this one half blank
        blocks += [Heading(L["h.gantt"]), Para(L["gantt.note"], "note"),
                   Figure("gantt", gantt_data(s), L["gantt.title"]), *load.rules(s),
                   Heading(L["h.month_table"]), Para(L["month_table.note"], "note"),
                   month_table(s), Heading(L["h.cohorts"]),
                   cohort_table(s), *over_planned(s)]
    else:
        blocks += load.rules(s)
    if s.unfit or s.needs:  # (no need at all: nothing could have failed to be placed)
        blocks.append(Heading(L["h.unfit"]))
    if s.unfit:
        blocks.append(Table(
            [Column(L["col.organisation"], 2), Column(L["col.module"], 2),
             Column(L["col.step"], 1.2), Column(L["col.reason"], 3)],
            [[u.org_name, (f"{u.module_code} {s.module_title(u.module_code)}" if u.module_code
                           else s.section_title(u.section_key or "")), s.step(u.step),
              unfit_reason(s, u)] for u in s.unfit]))
        blocks.append(Para(L.t("unfit.estimate", amount=s.money(s.unfit_estimate_cents).text),
                           "note"))
        blocks += rounds.alternatives_blocks(s)
    elif s.needs:
        blocks.append(Para(L["unfit.none_kept" if s.left_out else "unfit.none"]))
    return Section("schedule", L["h.schedule"], blocks, wide=True)


def month_table(s: Scope) -> Table:
    """Month by month: each month a cohort starts in, with its participants and whole cost
    (said above it: a course's coaching days in later months are in the timeline, not
    counted twice), then the amounts outside cohorts."""
    L = s.L
    rows: list[list[Cell]] = []
    for month in sorted({c.month for c in s.cohorts if c.month}):
        runs = [c for c in s.cohorts if c.month == month]
        text = L.semicolons(f"{c.module_code} ({s.participants(c)})" for c in runs)
        rows.append([L.month(month), module_count.classes(s, runs), text,
                     sum(s.participants(c) for c in runs),
                     s.money(sum(s.cost(c) for c in runs))])
    rows += [[costing.text(L.language, f"cat.{k}"), "", "", "", s.money(cents)]
             for k, cents in s.outside_cohorts()]
    return Table([Column(L["col.month"], 1), Column(L["col.cohorts"], 0.8, "number"),
                  Column(L["col.modules"], 4), Column(L["col.participants"], 1, "number"),
                  Column(L["col.cost"], 1.4, "money")], rows,
                 total=[L["total"], module_count.classes(s, s.cohorts), "",
                        sum(s.participants(c) for c in s.cohorts), s.money(s.total_cents)])


def cohort_table(s: Scope) -> Table:
    L = s.L
    widths = {"text": 3.0, "number": 0.9, "money": 1.3}
    numbered = cohort_numbers.numbers(s.plan)  # None: one cohort a module, no column
    first = [Column(L["col.cohort"], 1)] if numbered is not None else []
    return Table(
        first + [Column(L["col.month"], 0.9), Column(L["col.module"], 2.6),
                 Column(L["col.language"], 0.8)]
        + [Column(label, widths[kind], kind) for label, kind in s.cohort_headers()],
        [[*([numbered.get(c.cohort_id, "")] if numbered is not None else []),
          # "Delivered 7–9 July 2025"; a course the coordinator moved: its month (the
          # assumptions credit the move), not "Moved to March 2027 by the coordinator"
          s.state(c) if c.delivery or s.late(c)[0] or s.recorded_state(c)
          else L.month(c.month),
          f"{c.module_code} {s.module_title(c.module_code)}",
          s.language(c.language), *one_a_line(s, c)] for c in s.cohorts])


def one_a_line(s: Scope, cohort: Cohort) -> list[Cell]:
    """The cohort's columns, its organisations one a line: in a narrow column of an Arabic
    plan, "Ministry of ICT، ICT Authority" ran on and broke inside a name."""
    columns = s.cohort_columns(cohort)
    if s.org_id is None and len(cohort.org_ids) > 1:
        columns[0] = "\n".join(localise.sorted_names(s.names.get(i, i)
                                                      for i in cohort.org_ids))
    return columns


def over_planned(s: Scope) -> list[Para]:
    """A kept course nominated beyond the plan's count, said under the cohorts: the plan
    page warned of it, the documents (a donor's budget) did not."""
    return [Para(s.L.t("cohort.over_planned", n=n, planned=c.participants,
                       course=f"{c.module_code} {s.module_title(c.module_code)}"), "note")
            for c, n in course_states.over_planned(s.cohorts, s.ctx.nominated)]


def month_rows(s: Scope, by_month: dict[str, int]) -> list[list[Cell]]:
    """The courses' months in order, then the reassessment sessions by their month, each
    said as such (the table listed "August 2027 USD 2,400.00" by the month each course
    starts, where no course starts), then the contingency (shared by no month)."""
    sessions: dict[str, int] = {}
    for line in s.plan.budget.lines:
        if line.category == "reassessment" and s.mine(line.org_id or ""):
            sessions[line.month or ""] = sessions.get(line.month or "", 0) + line.amount_cents
    courses = {m: cents - sessions.get(m, 0) for m, cents in by_month.items()
               if m != "contingency"}
    rows: list[list[Cell]] = [[s.L.month(m), s.money(courses[m])]
                              for m in sorted(courses) if courses[m]]
    category = costing.text(s.L.language, "cat.reassessment")
    rows += [[s.L.t("budget.category_month", category=category, month=s.L.month(m)),
              s.money(sessions[m])] for m in sorted(sessions) if sessions[m]]
    if "contingency" in by_month:
        rows.append([costing.text(s.L.language, "cat.contingency"),
                     s.money(by_month["contingency"])])
    return rows


def budget(s: Scope) -> Section:
    L = s.L
    if not s.cohorts and not s.total_cents:  # one sentence, not five empty tables
        return Section("budget", L["h.budget"], [Para(L["budget.none"])])
    total = s.money(s.total_cents)
    cost_model = costing.budget_blocks(s)
    blocks: list = cost_model or [Para(L.t("budget.p", currency=s.currency, total=total.text))]
    amount = Column(L["col.amount"], 1.4, "money")
    by_domain = s.breakdown("domain")
    domain_rows: list[list[Cell]] = [[s.domain(k), s.money(by_domain[k])]
                                     for k in DOMAINS if k in by_domain]
    domain_rows += [[costing.text(L.language, f"cat.{k}"), s.money(by_domain[k])]
                    for k in ("reassessment", "contingency") if k in by_domain]
    blocks += [Heading(L["h.by_domain"]), Table(
        [Column(L["col.domain"], 4), amount], domain_rows, total=[L["total"], total])]
    by_module = s.breakdown("module")
    rows: list[list[Cell]] = []
    participants = 0
    for code in s.modules:
        runs = [c for c in s.cohorts if c.module_code == code]
        module = s.module(code)
        places = sum(s.participants(c) for c in runs)
        participants += places
        # coaching, on-the-job, e-learning: no cohort (module_count), a dash
        cohorts: Cell = len(runs) if module is None or module.is_course else "–"
        rows.append([code, s.module_title(code), cohorts, places,
                     module.days if module else "–", s.money(by_module[code])])
    rows += [["", costing.text(L.language, f"cat.{k}"), "", "", "", s.money(by_module[k])]
             for k in ("reassessment", "contingency") if k in by_module]
    blocks += [Heading(L["h.by_module"]), Table(
        [Column(L["col.module"], 1), Column(L["col.title"], 3.5),
         Column(L["col.cohorts"], 0.8, "number"), Column(L["col.participants"], 1, "number"),
         Column(L["col.days"], 0.6, "number"), amount], rows,
        total=[L["total"], "", module_count.classes(s, s.cohorts), participants, "", total])]
    by_month = s.breakdown("month")
    blocks += [Heading(L["h.by_start_month"]), Table(  # a course's whole cost, once
        [Column(L["col.month"], 2), amount],
        month_rows(s, by_month),
        total=[L["total"], total])]
    if s.org_id is None:
        by_org = s.breakdown("org")
        blocks += [Heading(L["h.by_org"]), Table(
            [Column(L["col.organisation"], 4), amount],
            [[s.names[o], s.money(by_org[o])] for o in s.organisations if o in by_org],
            total=[L["total"], total])]
    return Section("budget", L["h.budget"], blocks)


def monitoring(s: Scope) -> Section:
    L = s.L
    after = s.plan.settings.get("constraints", {}).get("reassess_after_months", 6)
    stored = s.plan.extra.get("later_round") or s.plan.settings.get(
        "constraints", {}).get("reassessed_by")
    later = s.ctx.later_round or stored  # named in the document's language when known
    blocks: list = [Para(L.t("monitoring.later", round=later) if stored
                         else L.t("monitoring.p", after=after))]
    due = sorted(i.reassess_month for i in s.plan.indicators
                 if i.reassess_month and s.mine(i.org_id))
    if due and s.cohorts:  # when they run, after the plan's period of training
        blocks.append(Para(L.t("monitoring.sessions", first=L.month(due[0]),
                               last=L.month(due[-1]), start=L.month(s.period.first),
                               end=L.month(s.period.last))))
    blocks.append(Heading(L["h.indicators"]))
    rows: list[list[Cell]] = []
    for ind in s.plan.indicators:
        if not s.mine(ind.org_id):
            continue
        rows.append([ind.org_name, s.section_title(ind.section_key),
                     L.level(ind.baseline.key), L.level(ind.target.key),
                     L.commas(ind.modules) or "–",
                     L.t("monitoring.reassessed_by", round=later if ind.reassessed_by == stored
                         else ind.reassessed_by)
                     if ind.reassessed_by else L.month(ind.reassess_month),
                     L["status.left_out"] if ind.status == DROPPED
                     else L.get_or(f"ind.{ind.status}", ind.status)])
    blocks.append(Table([Column(L["col.organisation"], 2), Column(L["col.indicator"], 3.6),
                         Column(L["col.baseline"], 0.9), Column(L["col.target"], 0.9),
                         Column(L["col.modules"], 1.4), Column(L["col.reassess"], 1),
                         Column(L["col.status"], 1)], rows, empty=no_needs_text(s)))
    if not s.modules:  # nothing to evaluate: no methods over an empty table
        return Section("monitoring", L["h.monitoring"], blocks, wide=True)
    blocks.append(Heading(L["h.kirkpatrick"]))
    blocks.append(Table([Column(L["col.level"], 1), Column(L["col.method"], 5)],
                        [[L[f"kirk.{k}"], L[f"kirkm.{k}"]] for k in KIRKPATRICK]))
    rows = []
    mine = set(s.modules)
    kinds: dict[str, list[str]] = {}  # interventions by kind: how each is evaluated instead
    # one organisation's: measured when its own cohorts and reassessments make it
    for ev in (s.plan.evaluations if s.org_id is None else own_evaluations(s.plan, s.org_id)):
        if ev.module_code not in mine:
            continue
        when = {lvl.level: (L.span(lvl.from_month, lvl.to_month) if lvl.from_month
                            else L["when.none"]) for lvl in ev.levels}
        module = s.module(ev.module_code)
        if module is not None and not module.is_course:
            # no end-of-course survey or test: measured on behaviour and results only
            when.update({k: L["kirk.not_course"] for k in ("reaction", "learning")})
            kinds.setdefault(module.kind, []).append(ev.module_code)
        rows.append([f"{ev.module_code} {s.module_title(ev.module_code)}",
                     *(when.get(k, "–") for k in KIRKPATRICK)])
    blocks.append(Para(L["kirk.when"], "note"))
    blocks.append(Table([Column(L["col.module"], 3),
                         *(Column(L[f"kirk.{k}"], 1.3) for k in KIRKPATRICK)], rows))
    blocks += [Para(L.t(f"kirk.how.{kind}" if f"kirk.how.{kind}" in L.table
                        else "kirk.how.other", modules=L.commas(codes)), "note")
               for kind, codes in sorted(kinds.items())]
    return Section("monitoring", L["h.monitoring"], blocks, wide=True)


def action_headers(L) -> list[str]:
    return [L["col.measure"], L["col.responsibility"], L["col.timeline"], L["col.funding"],
            L["col.source"], L["col.ta"]]


def actions(s: Scope) -> Section:
    L = s.L
    rows: list[list[Cell]] = []
    for row in s.plan.actions:
        share = action_share(s.plan, row.module_code, s.org_id)  # as its plan page says it
        runs = list(share.runs)
        if not runs:
            continue
        module = s.module(row.module_code)
        if module is not None and module.kind in wording.WORKPLACE_MEASURES:
            # one per organisation, each its own team: in the plan page's words
            with translation.override(L.language):
                measure = wording.workplace_measure(
                    module.kind, f"{module.title} ({row.module_code})",
                    len({o for c in runs for o in c.org_ids if s.mine(o)}), module.days,
                    [s.participants(c) for c in runs], module.max_cohort)
            assistance = module.follow_up
        elif module is not None:
            # a course, or an intervention (training of trainers, e-learning) worded as
            # what it is
            key = "action.measure" if module.is_course else f"action.{module.kind}"
            # in one organisation's plan a course shared with others is said whole, with
            # its places and share in it, as the Cohorts table says it
            shared = any(not s.mine(o) for c in runs for o in c.org_ids)
            measure = L.t(key if key in L.table else "action.measure", title=module.title,
                          code=row.module_code, cohorts=len(runs), days=module.days,
                          delivery=L.get_or(f"delivery.{module.delivery}", module.delivery),
                          people=sum(m.participants for c in runs for m in c.members
                                     if shared or s.mine(m.org_id)),
                          orgs=len({o for c in runs for o in c.org_ids
                                    if shared or s.mine(o)}))
            if shared:
                measure = L.t("action.its_share", measure=measure,
                              places=sum(s.participants(c) for c in runs),
                              share=s.money(sum(s.cost(c) for c in runs)),
                              whole=s.money(sum(m.cost_cents for c in runs
                                                for m in c.members)))
            assistance = module.follow_up
        else:
            measure, assistance = row.measure, row.technical_assistance
        timeline = L.span(share.first, share.last)
        rows.append([measure, s.responsibility(row.responsibility), timeline,
                     s.money(share.cents), s.funding_source(row.funding_source),
                     assistance or "–"])
    if rows:  # the total includes them: rows of their own, so the rows add up to it
        rows += [[costing.text(L.language, f"cat.{k}"), "", "", s.money(cents), "", "–"]
                 for k, cents in s.outside_cohorts()]
    headers = action_headers(L)
    table = Table([Column(headers[0], 3.4), Column(headers[1], 1.8), Column(headers[2], 1.2),
                   Column(headers[3], 1.2, "money"), Column(headers[4], 1.2),
                   Column(headers[5], 2.6)], rows,
                  total=[L["total"], "", "", s.money(s.total_cents), "", ""])
    return Section("actions", L["h.actions"], [table], wide=True)


def annex(s: Scope) -> Section:
    L = s.L
    blocks: list = [Para(L["annex.p"])]
    statuses = {(x.org_id, x.section_key): x for x in s.plan.sections}
    for index, org_id in enumerate(s.organisations):
        blocks.append(Heading(s.names[org_id], new_page=index > 0))
        rows: list[list[Cell]] = []
        for key in SECTION_KEYS:
            x = statuses.get((org_id, key))
            if x is None:
                continue
            rows.append([s.section_title(key), L.level(x.current.key if x.current else None),
                         L.level(x.target.key), L.get_or(f"status.{x.status}", x.status)])
        blocks.append(Table([Column(L["col.section"], 4), Column(L["col.level"], 1),
                             Column(L["col.target"], 1), Column(L["col.status"], 1.2)], rows))
        needs = [n for n in s.needs if n.org_id == org_id]
        needs += [n for n in s.left_out if n.org_id == org_id]
        if not needs:
            continue
        blocks.append(Heading(L["h.evidence"], 3))
        for need in needs:
            state = (s.state(s.cohort_of(need), need.month)
                     if need.status == SCHEDULED else
                     L["status.left_out"] if need.status == DROPPED else L["status.unfit"])
            blocks.append(Para(f"{need.module_code} — {s.module_title(need.module_code)} "
                               f"({state})", "lead"))
            blocks.append(Bullets(tuple(s.evidence(need))))
    return Section("annex", L["h.annex"], blocks)
