"""Costs of the plan, in integer cents so every breakdown adds up exactly.

A scheduled cohort costs ``participants × days × rate + fixed``, with the module's
catalogue rates (converted with ``Constraints.exchange_rate``) unless the engagement
overrides them (already in the engagement currency). Each organisation pays for its own
participant-days plus a share of the fixed cost in proportion to its participants;
shares are rounded by the largest-remainder method so they sum to the fixed cost.
The total equals the sum by cohort, by organisation, by domain, by module and by month.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal

from govcap.planning.core.catalogue import Catalogue, Module
from govcap.planning.core.inputs import Constraints
from govcap.planning.core.plan import SCHEDULED, Budget, Cohort, CohortMember, Need, Unfit


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def rates(module: Module, constraints: Constraints) -> tuple[int, int]:
    """(cost per participant-day, fixed cost per cohort) in cents of the engagement currency."""
    per_day = module.cost_per_participant_day * constraints.exchange_rate
    fixed = module.cost_per_cohort * constraints.exchange_rate
    override = constraints.cost_overrides.get(module.code)
    if override is not None:
        if override.per_participant_day is not None:
            per_day = Decimal(override.per_participant_day)
        if override.per_cohort is not None:
            fixed = Decimal(override.per_cohort)
    return to_cents(per_day), to_cents(fixed)


def split_fixed(fixed: int, members: tuple[CohortMember, ...]) -> list[int]:
    """Shares of ``fixed`` proportional to participants, summing exactly to ``fixed``."""
    total = sum(m.participants for m in members)
    raw = [(fixed * m.participants, m.org_id) for m in members]
    shares = [r // total for r, _ in raw]
    short = fixed - sum(shares)
    by_remainder = sorted(range(len(raw)), key=lambda i: (-(raw[i][0] % total), raw[i][1]))
    for i in by_remainder[:short]:
        shares[i] += 1
    return shares


def cost_cohorts(cohorts: Iterable[Cohort], catalogue: Catalogue,
                 constraints: Constraints) -> None:
    """Set ``cost_cents`` on every scheduled cohort and its members."""
    for cohort in cohorts:
        if cohort.status != SCHEDULED:
            cohort.cost_cents = 0
            cohort.set_members(tuple(CohortMember(m.org_id, m.participants)
                                     for m in cohort.members))
            continue
        module = catalogue.by_code[cohort.module_code]
        per_day, fixed = rates(module, constraints)
        shares = split_fixed(fixed, cohort.members)
        members = tuple(
            CohortMember(m.org_id, m.participants, m.participants * module.days * per_day + s)
            for m, s in zip(cohort.members, shares, strict=True))
        cohort.set_members(members)
        cohort.cost_cents = sum(m.cost_cents for m in members)


def _add(table: dict[str, int], key: str, amount: int) -> None:
    table[key] = table.get(key, 0) + amount


def make_budget(cohorts: Iterable[Cohort], needs: Mapping[tuple[str, str], Need],
                unfit: Iterable[Unfit], catalogue: Catalogue,
                constraints: Constraints) -> Budget:
    by_domain: dict[str, int] = {}
    by_module: dict[str, int] = {}
    by_org: dict[str, int] = {}
    by_month: dict[str, int] = {}
    total = 0
    for cohort in cohorts:
        if cohort.status != SCHEDULED or cohort.month is None:
            continue
        total += cohort.cost_cents
        _add(by_domain, cohort.domain, cohort.cost_cents)
        _add(by_module, cohort.module_code, cohort.cost_cents)
        _add(by_month, cohort.month, cohort.cost_cents)
        for m in cohort.members:
            _add(by_org, m.org_id, m.cost_cents)
    estimate = 0
    for line in unfit:
        if line.module_code is None:
            continue
        need = needs[(line.org_id, line.module_code)]
        module = catalogue.by_code[line.module_code]
        estimate += need.participants * module.days * rates(module, constraints)[0]
    return Budget(
        currency=constraints.currency, total_cents=total,
        by_domain=dict(sorted(by_domain.items())), by_module=dict(sorted(by_module.items())),
        by_org=dict(sorted(by_org.items())), by_month=dict(sorted(by_month.items())),
        unscheduled_estimate_cents=estimate,
    )
