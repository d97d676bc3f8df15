"""Builders, hypothesis strategies and plan invariants shared by the planning tests."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Mapping

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from govcap.planning import Assessment, Catalogue, Constraints, PlanData, Targets, load_catalogue
from govcap.planning.core.budget import rates
from govcap.planning.core.inputs import (
    MAX_LEAD_WEEKS,
    MonthBlock,
    OrgCapacity,
    add_months,
    month_start,
    nominations_due,
    quarter_of,
)
from govcap.planning.core.needs import required_steps
from govcap.planning.core.plan import DROPPED, SCHEDULED, UNFIT
from govcap.planning.core.schedule import spread
from govcap.scale import SECTION_KEYS, Level

# Bounded so the suite stays fast on two cores; raise with GOVCAP_PLANNING_EXAMPLES.
settings.register_profile(
    "govcap-planning",
    max_examples=int(os.environ.get("GOVCAP_PLANNING_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PLANNING = settings.get_profile("govcap-planning")

CATALOGUE = load_catalogue()
EA_BASIC = ("Digital services are deployed in an adhoc and uncoordinated manner without any "
            "sort of guiding standards or frameworks.")


def org_rows(org_id: str, levels: Mapping[str, Level | None], name: str | None = None,
             language: str = "en", session_id: str = "", session_date: str = "2026-01-10",
             confidence: str | None = "high", validated: bool = True,
             notes: str = "") -> list[Assessment]:
    """One organisation's consensus ratings; sections left out are Moderate."""
    session_id = session_id or f"session-{org_id}"
    rows = []
    for section in SECTION_KEYS:
        level = levels.get(section, Level.MODERATE)
        rows.append(Assessment(
            org_id=org_id, org_name=name or f"Ministry {org_id}", section_key=section,
            level=level, confidence=confidence, session_id=session_id,
            rating_id=f"{session_id}:{section}",
            benchmark_text=f"Benchmark of {section} at {level.key if level else 'none'}.",
            shared_notes=notes, not_assessed_reason="" if level else "nobody could speak to it",
            language=language, session_date=session_date, validated=validated,
        ))
    return rows


def everyone(count: int, levels: Mapping[str, Level | None], prefix: str = "org",
             **kwargs: object) -> list[Assessment]:
    rows: list[Assessment] = []
    for i in range(count):
        rows += org_rows(f"{prefix}{i:02d}", levels, **kwargs)  # type: ignore[arg-type]
    return rows


MONTHS = [add_months("2026-01", i) for i in range(12)]
# Kinds that hold no class: at the workplace (coaching, an on-the-job project) or self-paced
# (e-learning). They take none of a month's cohorts and nobody away.
NO_CLASS = ("coaching", "on-the-job", "e-learning")
# Organisation limits loose enough not to bind: for tests of the other rules.
ROOMY = {"days_per_month": 60, "days_per_quarter": 180, "staff_away": 60}


@st.composite
def engagements(draw: st.DrawFn) -> tuple[list[Assessment], Targets, Constraints]:
    """Random assessments (including not-assessed sections), targets and constraints."""
    count = draw(st.integers(1, 10))
    rows: list[Assessment] = []
    for i in range(count):
        levels = {s: draw(st.sampled_from([None, Level.BASIC, Level.MODERATE, Level.HIGH]))
                  for s in SECTION_KEYS}
        rows += org_rows(f"org{i:02d}", levels, language=draw(st.sampled_from(["en", "fr"])),
                         confidence=draw(st.sampled_from([None, "low", "medium", "high"])))
    targets = Targets(
        strategic_sections=draw(st.frozensets(st.sampled_from(SECTION_KEYS), max_size=4)),
        sustain_high=draw(st.booleans()),
        default=draw(st.sampled_from([Level.MODERATE, Level.MODERATE, Level.HIGH])),
    )
    horizon = draw(st.integers(1, 12))
    per_month = draw(st.integers(2, 12))
    overrides = {}
    for i in draw(st.sets(st.integers(0, count - 1), max_size=3)):
        own_month = draw(st.one_of(st.none(), st.integers(2, 10)))
        overrides[f"org{i:02d}"] = OrgCapacity(
            own_month, draw(st.one_of(st.none(), st.integers(max(own_month or 2, 5), 30))),
            draw(st.one_of(st.none(), st.integers(1, 10))))
    blocks = tuple(MonthBlock(m, 20, draw(st.integers(0, 20)), ("holiday",))
                   for m in draw(st.sets(st.sampled_from(MONTHS), max_size=4)))
    constraints = Constraints(
        start_month="2026-01", horizon_months=horizon,
        max_parallel=draw(st.integers(1, 8)),
        max_parallel_per_domain=draw(st.sampled_from([None, 1, 2, 3])),
        blackout_months=draw(st.frozensets(st.sampled_from(MONTHS[:horizon]), max_size=2)),
        participants_per_org=draw(st.integers(1, 6)),
        days_per_month=per_month,
        days_per_quarter=per_month + draw(st.integers(0, 20)),
        staff_away=draw(st.integers(1, 12)),
        capacity_overrides=overrides, month_blocks=blocks,
        # undated, or dated from before the start month to well into the plan
        plan_date=draw(st.one_of(st.just(""), st.dates(dt.date(2025, 9, 1),
                                                       dt.date(2026, 4, 30)).map(str))),
        lead_weeks=draw(st.one_of(st.integers(0, 13), st.integers(0, MAX_LEAD_WEEKS))),
    )
    return rows, targets, constraints


def check_load(plan: PlanData, constraints: Constraints,
               catalogue: Catalogue = CATALOGUE) -> None:
    """No organisation over its days a month or a quarter or its staff away at once; nothing
    before the first month or in a closed month; the load table says the same."""
    scheduled = [c for c in plan.cohorts if c.status == SCHEDULED]
    days: Counter[tuple[str, str]] = Counter()
    quarter: Counter[tuple[str, int]] = Counter()
    away: Counter[tuple[str, str]] = Counter()
    for c in scheduled:
        assert c.month is not None
        module = catalogue.by_code[c.module_code]
        for m in c.members:  # coaching's days spread over its months, nobody away
            for month, part in spread(module, c.month, constraints.closed_months):
                days[(m.org_id, month)] += part
                quarter[(m.org_id, quarter_of(month))] += part
            away[(m.org_id, c.month)] += 0 if module.kind in NO_CLASS else m.participants
    for (org, month), used in days.items():
        assert used <= constraints.days_in(org, month), (org, month, used)
    for (org, q), used in quarter.items():
        assert used <= constraints.capacity(org)[1], (org, q, used)
    for (org, month), used in away.items():
        assert used <= constraints.capacity(org)[2], (org, month, used)
    first = constraints.first_month
    assert plan.months[0] == first and (not constraints.not_before
                                        or first >= constraints.not_before)
    assert first >= constraints.start_month
    assert all(c.month >= first and c.month not in constraints.closed_months  # type: ignore[operator]
               for c in scheduled)
    for row in plan.load:
        assert len(row.days) == len(row.away) == len(row.limits) == len(plan.months)
        for i, month in enumerate(plan.months):
            assert row.days[i] == days[(row.org_id, month)] <= row.limits[i]
            assert row.away[i] == away[(row.org_id, month)] <= row.staff_away
            assert row.limits[i] == constraints.days_in(row.org_id, month)
    if constraints.plan_date:
        check_lead_time(plan, constraints)


def check_lead_time(plan: PlanData, constraints: Constraints) -> None:
    """Every course starts in a month that begins after the plan's date and at least the lead
    time after it, and the schedule begins no later than it must (the month before the first
    is too soon, unless the settings asked for a later start); every course's names are due
    between the plan's date and the day its month begins."""
    day = dt.date.fromisoformat(constraints.plan_date)
    earliest = day + dt.timedelta(weeks=constraints.lead_weeks)
    assert plan.settings["constraints"]["lead_weeks"] == constraints.lead_weeks
    first = plan.months[0]
    assert month_start(first) > day and month_start(first) >= earliest
    if first != constraints.start_month:
        before = add_months(first, -1)  # too soon, or closed to training
        assert (month_start(before) <= day or month_start(before) < earliest
                or before in constraints.closed_months)
    for c in plan.cohorts:
        if c.status != SCHEDULED or c.month is None:
            continue
        begins = month_start(c.month)
        assert begins > day and begins >= earliest, (c.cohort_id, c.month)
        assert day <= nominations_due(day, c.month) < begins, (c.cohort_id, c.month)


def check_invariants(plan: PlanData, rows: Iterable[Assessment], targets: Targets,
                     constraints: Constraints, catalogue: Catalogue = CATALOGUE,
                     edited: bool = False) -> None:
    """Every rule a generated plan must keep; fails with the broken one.

    With ``edited``, needs may be dropped or added by operations, so coverage and "no
    module at target" only apply to the needs the edits left alone.
    """
    levels = {(a.org_id, a.section_key): a.level for a in rows}
    needs = {(n.org_id, n.module_code): n for n in plan.needs}
    unfit_lines = {(u.org_id, u.module_code) for u in plan.unfit if u.module_code}
    uncovered = {(u.org_id, u.section_key, u.step) for u in plan.unfit if not u.module_code}
    cohorts = {c.cohort_id: c for c in plan.cohorts}

    # Every gap is covered by a module or listed as unfit.
    for gap in plan.gaps:
        for step in required_steps(gap.current, gap.target, targets.sustain_high):
            codes = catalogue.for_section_step.get((gap.section_key, step), ())
            if not codes:
                assert (gap.org_id, gap.section_key, step) in uncovered
            for code in codes:
                need = needs[(gap.org_id, code)]
                assert gap.section_key in need.sections
                if edited and need.status == DROPPED:
                    continue
                if need.status == SCHEDULED:
                    assert need.month and need.cohort_id
                    assert gap.org_id in cohorts[need.cohort_id].org_ids
                else:
                    assert need.status == UNFIT and (gap.org_id, code) in unfit_lines
    for need in plan.needs:
        if edited and need.status == DROPPED:
            continue
        assert need.status in (SCHEDULED, UNFIT)
        assert (need.status == UNFIT) == ((need.org_id, need.module_code) in unfit_lines)

    # No module for a section already at target (or not assessed).
    for need in plan.needs:
        if edited and (need.status == DROPPED or need.origin == "added"):
            continue
        for section in need.sections:
            level = levels[(need.org_id, section)]
            assert level is not None and level < targets.target(need.org_id, section)
        if need.origin == "prerequisite":
            module = catalogue.by_code[need.module_code]
            assert any((levels[(need.org_id, s)] or 0) < module.to_level
                       for s in module.sections)
        else:
            assert need.origin == "gap" and need.sections

    # Prerequisites and level order are respected.
    for need in plan.needs:
        if need.status != SCHEDULED:
            continue
        module = catalogue.by_code[need.module_code]
        for pre in module.prerequisites:
            first = needs.get((need.org_id, pre))
            if edited and (first is None or first.status == DROPPED):
                continue  # a drop may keep a prerequisite out; checked without edits
            if first is None:
                pre_module = catalogue.by_code[pre]
                assert all((levels[(need.org_id, s)] or 0) >= pre_module.to_level
                           for s in pre_module.sections)
            else:
                assert first.status == SCHEDULED and (first.month or "~") < (need.month or "")
        for earlier in need.after:
            assert (needs[(need.org_id, earlier)].month or "~") < (need.month or "")
    # One left out for its own calendar names that calendar only.
    for u in plan.unfit:
        if u.reason == "capacity" and u.cohort_id is None:
            assert {b.facts.get("org") for b in u.blocked} - {None} == {u.org_id}

    # Capacity, horizon and blackout months.
    scheduled = [c for c in plan.cohorts if c.status == SCHEDULED]
    # the month's cohorts are its classes: coaching, on-the-job projects and e-learning
    # take nobody away and are not counted (planning/core/schedule.py)
    classes = [c for c in scheduled if catalogue.by_code[c.module_code].in_class]
    per_month = Counter(c.month for c in classes)
    per_domain = Counter((c.month, c.domain) for c in classes)
    assert all(v <= constraints.max_parallel for v in per_month.values())
    assert all(v <= constraints.domain_limit(d) for (_, d), v in per_domain.items())
    assert all(c.month in constraints.months and c.month not in constraints.closed_months
               for c in scheduled)

    # Cohort sizes and membership.
    for c in plan.cohorts:
        assert c.members
        module = catalogue.by_code[c.module_code]
        assert module.min_cohort <= c.participants <= module.max_cohort
        assert c.participants == sum(m.participants for m in c.members)
        for m in c.members:
            need = needs[(m.org_id, c.module_code)]
            assert need.cohort_id == c.cohort_id and need.language == c.language
    seen = Counter((m.org_id, c.module_code) for c in plan.cohorts for m in c.members)
    assert all(v == 1 for v in seen.values())

    check_load(plan, constraints, catalogue)
    check_budget(plan, constraints, catalogue)


def check_budget(plan: PlanData, constraints: Constraints,
                 catalogue: Catalogue = CATALOGUE) -> None:
    budget = plan.budget
    scheduled = [c for c in plan.cohorts if c.status == SCHEDULED]
    total = sum(c.cost_cents for c in scheduled)
    assert budget.total_cents == total
    for table in (budget.by_org, budget.by_domain, budget.by_module, budget.by_month):
        assert sum(table.values()) == total
    for c in scheduled:
        module = catalogue.by_code[c.module_code]
        per_day, fixed = rates(module, constraints)
        assert c.cost_cents == c.participants * module.days * per_day + fixed
        assert sum(m.cost_cents for m in c.members) == c.cost_cents
    assert sum(a.total_funding_cents for a in plan.actions) == total
