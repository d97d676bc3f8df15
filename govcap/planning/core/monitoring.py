"""Monitoring, evaluation and the action table.

* Indicators — for each gap: the section's consensus level at reassessment must reach the
  target. An organisation is reassessed once, in one focus group that rates every section
  with the same instrument (as its baseline was): ``Constraints.reassess_after_months``
  after its last training day (a coaching's days in later months included), whatever the
  section. So each of its trained sections'
  indicators gives that month, and the budget pays one session per organisation.
* Evaluations — for each scheduled module, Kirkpatrick's four levels: reaction (end of
  each cohort), learning (pre- and post-tests on the module's objectives), behaviour
  (3–6 months after the cohorts' last training day: a coaching's days run on for months)
  and results (the sections' levels at reassessment).
* Actions — one row per scheduled module in the form programmes use: strengthening
  measure, responsibility, timeline, total funding, funding source, technical assistance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.inputs import Constraints, add_months
from govcap.planning.core.narrow import attended
from govcap.planning.core.needs import NeedKey
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    ActionRow,
    Cohort,
    Evaluation,
    EvaluationLevel,
    Gap,
    Indicator,
    Need,
    PlanData,
    Unfit,
)

BEHAVIOUR_FROM, BEHAVIOUR_TO = 3, 6


def reassess_month(last: str, constraints: Constraints) -> str:
    """When a section trained last in ``last`` is reassessed: ``reassess_after_months`` on,
    or the first month after that open to a focus group — not a month the plan closes
    (blackout, Ramadan, holidays), nor a fiscal year-end, which comes back every year even
    after the horizon — and never before the plan's first month (a course kept from an
    earlier version may have ended long before it)."""
    closed = constraints.closed_months
    year_ends = {b.month[5:] for b in constraints.month_blocks
                 if "fiscal-year-end" in b.reasons}
    month = add_months(last, constraints.reassess_after_months)
    if constraints.months and month < constraints.months[0]:
        month = constraints.months[0]  # a course kept from before (core.committed): not past
    for _ in range(12):
        if month not in closed and month[5:] not in year_ends:
            break
        month = add_months(month, 1)
    return month


def make_indicators(gaps: Iterable[Gap], needs: Mapping[NeedKey, Need],
                    unfit: Iterable[Unfit], constraints: Constraints,
                    cohorts: Mapping[str, Cohort] | None = None) -> list[Indicator]:
    """``cohorts``: where each need's training days fall (``Cohort.day_months``); a
    coaching's last day may come months after the month it starts in."""
    by_section: dict[tuple[str, str], list[Need]] = {}
    for need in needs.values():
        for section in need.sections:
            by_section.setdefault((need.org_id, section), []).append(need)
    uncovered = {(u.org_id, u.section_key) for u in unfit if u.module_code is None}

    def last_day(need: Need) -> str | None:
        cohort = (cohorts or {}).get(need.cohort_id or "")
        return (cohort.last_month or need.month) if cohort is not None else need.month

    # One reassessment per organisation, after all its training (not one per section):
    # after its last training day, coaching and on-the-job days included.
    trained: dict[str, str] = {}
    for need in needs.values():
        end = last_day(need) if need.status == SCHEDULED else None
        if end:
            trained[need.org_id] = max(trained.get(need.org_id, end), end)
    # A later round exists: its focus groups are the reassessment, none is planned here.
    later = constraints.reassessed_by
    session = {org: None if later else reassess_month(last, constraints)
               for org, last in trained.items()}
    indicators = []
    for gap in gaps:
        key = (gap.org_id, gap.section_key)
        lines = sorted(by_section.get(key, ()), key=lambda n: n.module_code)
        live = [n for n in lines if n.status != DROPPED]
        months = [end for n in live if n.status == SCHEDULED and (end := last_day(n))]
        last = max(months) if months else None
        if not live and lines:
            status = "dropped"
        elif live and len(months) == len(live) and key not in uncovered:
            status = "on-plan"
        else:
            status = "partly-unfit" if months else "unfit"
        indicators.append(Indicator(
            org_id=gap.org_id, org_name=gap.org_name, section_key=gap.section_key,
            indicator=(f"Consensus level on {gap.section_number} — {gap.section_title} at "
                       f"reassessment: {gap.target.name.title()} or higher (baseline "
                       f"{gap.current.name.title()})"),
            baseline=gap.current, target=gap.target,
            modules=tuple(n.module_code for n in live), last_training_month=last,
            reassess_month=session[gap.org_id] if last else None,
            # the later round reassesses every gap, trained in this plan or left to it
            status=status, reassessed_by=later,
        ))
    return indicators


def level_months(runs: Iterable[Cohort], reassessed: Iterable[str]
                 ) -> dict[str, tuple[str | None, str | None]]:
    """When each of Kirkpatrick's levels is measured for a module's cohorts ``runs``, its
    results at the reassessments ``reassessed`` (months): level → (first, last) month."""
    runs = [c for c in runs if c.month]
    first = min(c.month for c in runs if c.month)
    last = max(c.month for c in runs if c.month)
    # a coaching's or on-the-job project's days run on for months: what is asked at
    # the end of the course, and the behaviour check after it, count from its last day
    ends = [c.last_month or c.month for c in runs if c.month]
    first_end, last_end = min(ends), max(ends)
    when = sorted(reassessed)
    return {"reaction": (first_end, last_end), "learning": (first, last),
            "behaviour": (add_months(first_end, BEHAVIOUR_FROM),
                          add_months(last_end, BEHAVIOUR_TO)),
            "results": (when[0], when[-1]) if when else (None, None)}


def own_evaluations(plan: PlanData, org_id: str) -> list[Evaluation]:
    """The evaluations of one organisation's plan: its modules, each measured when its own
    cohorts and reassessments make it (Kenya's Ministry of Health, coached May to August
    2027, had the national plan's behaviour check from July 2027, driven by another
    organisation's coaching in February)."""
    mine = {c.cohort_id: c for c in attended(plan.cohorts, org_id)
            if c.status == SCHEDULED and c.month}
    out = []
    for ev in plan.evaluations:
        runs = [mine[c] for c in ev.cohorts if c in mine]
        if not runs:
            continue
        months = level_months(runs, (i.reassess_month for i in plan.indicators
                                     if i.org_id == org_id and ev.module_code in i.modules
                                     and i.reassess_month))
        out.append(replace(ev, cohorts=tuple(c.cohort_id for c in runs), levels=tuple(
            replace(lvl, from_month=months[lvl.level][0], to_month=months[lvl.level][1])
            if lvl.level in months else lvl for lvl in ev.levels)))
    return out


def make_evaluations(cohorts: Iterable[Cohort], catalogue: Catalogue,
                     indicators: Iterable[Indicator]) -> list[Evaluation]:
    by_module: dict[str, list[Cohort]] = {}
    for cohort in cohorts:
        if cohort.status == SCHEDULED and cohort.month:
            by_module.setdefault(cohort.module_code, []).append(cohort)
    reassess: dict[str, list[str]] = {}
    for ind in indicators:
        for code in ind.modules:
            if ind.reassess_month:
                reassess.setdefault(code, []).append(ind.reassess_month)
    out = []
    for code in sorted(by_module):
        module = catalogue.by_code[code]
        runs = by_module[code]
        months = level_months(runs, reassess.get(code, []))
        levels = (
            EvaluationLevel("reaction", "End-of-course survey of every participant: relevance "
                            "to their work, quality of delivery, intention to apply.",
                            *months["reaction"]),
            EvaluationLevel("learning", "Pre-test at the start and post-test at the end of "
                            "each cohort, one item or task per learning objective; report "
                            "the average gain and the share of participants meeting each "
                            "objective.", *months["learning"], module.objectives),
            EvaluationLevel("behaviour", f"Follow-up with participants and their supervisors "
                            f"{BEHAVIOUR_FROM} to {BEHAVIOUR_TO} months after the course: are "
                            "the outputs named in the objectives in use at work?",
                            *months["behaviour"]),
            EvaluationLevel("results", "Reassessment of the sections the module serves with "
                            "the same instrument; compare the consensus levels with the "
                            "baseline.", *months["results"], module.sections),
        )
        out.append(Evaluation(code, tuple(c.cohort_id for c in runs), levels))
    return out


def make_actions(cohorts: Iterable[Cohort], catalogue: Catalogue,
                 constraints: Constraints) -> list[ActionRow]:
    by_module: dict[str, list[Cohort]] = {}
    for cohort in cohorts:
        if cohort.status == SCHEDULED and cohort.month:
            by_module.setdefault(cohort.module_code, []).append(cohort)
    rows = []
    for code, runs in by_module.items():
        module = catalogue.by_code[code]
        orgs = tuple(sorted({m.org_id for c in runs for m in c.members}))
        people = sum(c.participants for c in runs)
        months = sorted(c.month for c in runs if c.month)
        if module.at_workplace:  # one per organisation: said so, with each team's size
            sizes = sorted(c.participants for c in runs)
            size = f"{sizes[0]}" if sizes[0] == sizes[-1] else f"{sizes[0]} to {sizes[-1]}"
            measure = (f"{module.title} ({code}): one per organisation, {module.days} day(s) "
                       f"each, {module.delivery}, for {len(orgs)} organisation(s), a team of "
                       f"{size} participants each (at most {module.max_cohort})")
        else:
            measure = (f"{module.title} ({code}): {len(runs)} cohort(s) of {module.days} "
                       f"day(s), {module.delivery}, {people} participants from {len(orgs)} "
                       "organisation(s)")
        rows.append(ActionRow(
            module_code=code, domain=module.domain, measure=measure,
            responsibility=constraints.responsibility, timeline_from=months[0],
            timeline_to=months[-1], total_funding_cents=sum(c.cost_cents for c in runs),
            funding_source=constraints.funding_source,
            technical_assistance=module.follow_up, organisations=orgs,
        ))
    return sorted(rows, key=lambda r: (r.timeline_from, r.module_code))
