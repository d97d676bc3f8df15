"""Property tests over random assessments: the rules every generated plan keeps."""

from __future__ import annotations

import dataclasses
import random
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from govcap.planning import Assessment, Constraints, PlanData, Targets, generate_plan
from govcap.planning.core.inputs import quarter_of
from govcap.planning.core.plan import Cohort
from govcap.planning.core.ratecard import country_rate_card

from .helpers import CATALOGUE, NO_CLASS, PLANNING, check_invariants, engagements

Engagement = tuple[list[Assessment], Targets, Constraints]


@PLANNING
@given(engagements())
def test_it_keeps_every_rule_on_random_assessments(engagement: Engagement) -> None:
    rows, targets, constraints = engagement
    plan = generate_plan(rows, CATALOGUE, targets, constraints)
    check_invariants(plan, rows, targets, constraints)


@PLANNING
@given(engagements())
def test_it_lists_every_unassessed_section_as_unknown(engagement: Engagement) -> None:
    rows, targets, constraints = engagement
    plan = generate_plan(rows, CATALOGUE, targets, constraints)
    unknown = {(u.org_id, u.section_key) for u in plan.unknowns}
    assert unknown == {(a.org_id, a.section_key) for a in rows if a.level is None}
    assert not any(set(n.sections) & {s for o, s in unknown if o == n.org_id}
                   for n in plan.needs)
    assert len(plan.sections) == len(rows)


@PLANNING
@given(engagements(), st.integers(0, 2**32))
def test_it_is_deterministic_whatever_the_input_order(engagement: Engagement,
                                                      seed: int) -> None:
    rows, targets, constraints = engagement
    first = generate_plan(rows, CATALOGUE, targets, constraints).to_json()
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    again = generate_plan(shuffled, CATALOGUE, targets, constraints).to_json()
    assert first.encode() == again.encode()


def _predecessors(plan: PlanData, numbered: bool = True) -> dict[str, set[str]]:
    """Cohort → the cohorts its members take first (prerequisites, lower steps), and with
    ``numbered`` a step's lower-numbered course on a shared section when the schedule kept
    that order (it comes in an earlier month; when it had no room in that order the course
    runs before it, and says so: test_step_order)."""
    needs = {(n.org_id, n.module_code): n for n in plan.needs}
    month_of = {c.cohort_id: c.month for c in plan.cohorts}
    preds: dict[str, set[str]] = {c.cohort_id: set() for c in plan.cohorts}
    for c in plan.cohorts:
        for m in c.members:
            for first in needs[(m.org_id, c.module_code)].after:
                other = needs[(m.org_id, first)].cohort_id
                if other is not None and other in preds:
                    preds[c.cohort_id].add(other)
            for first in CATALOGUE.numbered_first.get(c.module_code, ()) if numbered else ():
                earlier = needs.get((m.org_id, first))
                then = month_of.get(earlier.cohort_id) if earlier and earlier.cohort_id else None
                if then and (c.month is None or then < c.month):
                    preds[c.cohort_id].add(earlier.cohort_id)  # type: ignore[union-attr, arg-type]
    return preds


def _phase_priority(plan: PlanData, preds: dict[str, set[str]]) -> dict[str, float]:
    """A cohort's priority raised to the highest of the cohorts waiting on it, directly or
    not (a prerequisite goes as early as what needs it)."""
    waiting: dict[str, set[str]] = {cid: set() for cid in preds}
    for cid, firsts in preds.items():
        for first in firsts:
            waiting[first].add(cid)
    own = {c.cohort_id: c.priority for c in plan.cohorts}
    memo: dict[str, float] = {}

    def of(cid: str) -> float:
        if cid not in memo:
            memo[cid] = max([own[cid], *(of(w) for w in waiting[cid])])
        return memo[cid]
    return {cid: of(cid) for cid in preds}


def _fits(constraints: Constraints, cohort: Cohort, month: str, before: list[Cohort]) -> bool:
    """Would ``cohort`` fit in ``month`` beside ``before`` — the cohorts placed before it was
    considered: earlier months, and the cohorts of that month ranked ahead of it?"""
    placed = [c for c in before if c.month == month]
    classes = [c for c in placed if CATALOGUE.by_code[c.module_code].kind not in NO_CLASS]
    in_class = CATALOGUE.by_code[cohort.module_code].kind not in NO_CLASS
    if in_class and len(classes) + 1 > constraints.max_parallel:
        return False
    if in_class and sum(c.domain == cohort.domain for c in classes) + 1 > \
            constraints.domain_limit(cohort.domain):
        return False
    length = CATALOGUE.by_code[cohort.module_code].days
    for m in cohort.members:
        _, per_quarter, staff = constraints.capacity(m.org_id)
        mine = [c for c in placed if m.org_id in c.org_ids]
        in_quarter = [c for c in before if c.month and m.org_id in c.org_ids
                      and quarter_of(c.month) == quarter_of(month)]
        days = sum(CATALOGUE.by_code[c.module_code].days for c in mine)
        if days + length > constraints.days_in(m.org_id, month):
            return False
        if sum(CATALOGUE.by_code[c.module_code].days for c in in_quarter) + length > per_quarter:
            return False
        if in_class and sum(x.participants for c in mine for x in c.members
                            if x.org_id == m.org_id
                            and CATALOGUE.by_code[c.module_code].kind not in NO_CLASS) \
                + m.participants > staff:
            return False
    return True


@PLANNING
@given(engagements())
def test_priority_order_is_kept_where_capacity_allows(engagement: Engagement) -> None:
    """Phasing by priority, precisely: whenever a cohort B runs in a month and a cohort A
    ranked ahead of it (higher phase priority, or equal and a smaller id) runs later or not
    at all, A could not have run in B's month — a cohort it waits for was not done before
    then, or A did not fit there beside what was placed before it came up (the earlier
    months, and that month's cohorts ranked ahead of A): overall, in its domain, or one of
    its organisations' days a month or a quarter, or staff away."""
    rows, targets, constraints = engagement
    plan = generate_plan(rows, CATALOGUE, targets, constraints)
    preds = _predecessors(plan)
    phase = _phase_priority(plan, preds)
    month_of = {c.cohort_id: c.month for c in plan.cohorts}
    ranked = sorted(plan.cohorts, key=lambda c: (-phase[c.cohort_id], c.cohort_id))
    rank = {c.cohort_id: i for i, c in enumerate(ranked)}
    for i, a in enumerate(ranked):
        for b in ranked[i + 1:]:
            if b.month is None or (a.month is not None and a.month <= b.month):
                continue
            ready = all((month_of[p] or "~") < b.month for p in preds[a.cohort_id])
            before = [c for c in plan.cohorts if c.month and (
                c.month < b.month or (c.month == b.month and rank[c.cohort_id] < i))]
            assert not ready or not _fits(constraints, a, b.month, before), (
                f"{a.cohort_id} (priority {phase[a.cohort_id]}) could have run in {b.month} "
                f"before {b.cohort_id} (priority {phase[b.cohort_id]})")


@PLANNING
@given(engagements())
def test_every_prerequisite_comes_in_an_earlier_month(engagement: Engagement) -> None:
    rows, targets, constraints = engagement
    plan = generate_plan(rows, CATALOGUE, targets, constraints)
    month_of = {c.cohort_id: c.month for c in plan.cohorts}
    for cid, firsts in _predecessors(plan, numbered=False).items():
        if month_of[cid] is not None:
            assert all((month_of[p] or "~") < month_of[cid] for p in firsts)  # type: ignore[operator]


@PLANNING
@given(engagements(), st.sampled_from(["KE", "DJ", "SO"]), st.integers(0, 100),
       st.decimals(0, 20, places=1), st.sampled_from([Decimal(1), Decimal("129.37")]))
def test_the_budget_is_unit_rates_times_quantities(engagement: Engagement, country: str,
                                                   share: int, percent: Decimal,
                                                   exchange: Decimal) -> None:
    """Total = Σ unit rate × quantity over the lines + contingency; contingency = the card's
    percentage of that subtotal, rounded half up to the cent; every breakdown sums to it."""
    rows, targets, constraints = engagement
    card = dataclasses.replace(country_rate_card(country), contingency_percent=percent)
    constraints = dataclasses.replace(constraints, rate_card=card, exchange_rate=exchange,
                                      travelling_share_percent=share)
    b = generate_plan(rows, CATALOGUE, targets, constraints).budget
    subtotal = sum(line.quantity * line.unit_cents for line in b.lines)
    assert all(line.amount_cents == line.quantity * line.unit_cents for line in b.lines)
    contingency = int((subtotal * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    assert (b.subtotal_cents, b.contingency_cents) == (subtotal, contingency)
    assert b.total_cents == subtotal + contingency
    for table in (b.by_category, b.by_domain, b.by_module, b.by_org, b.by_month):
        assert sum(table.values()) == b.total_cents
    assert all(sum(c.values()) == b.by_org[o] for o, c in b.org_categories.items())
    assert all(v >= 0 for v in b.by_org.values())
