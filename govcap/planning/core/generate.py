"""Plan generation: a pure, deterministic function of its inputs.

    assessments + catalogue + targets + constraints (+ stored edit operations)
        → positions and gaps → needs (+ prerequisites) → priority → cohorts
        → schedule → budget → indicators, evaluations, action table → PlanData

Nothing here reads a clock, a database or a random source, and every collection is
walked in a sorted order, so the same inputs give byte-identical ``PlanData.to_json()``
whatever order the assessments come in. The work is near-linear in the number of
organisations (see ``bench/plan_scale.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from govcap.planning.core.alternatives import with_alternatives
from govcap.planning.core.budget import cost_cohorts, make_budget
from govcap.planning.core.catalogue import Catalogue
from govcap.planning.core.cohorts import form_cohorts
from govcap.planning.core.committed import (
    CommittedCohort,
    carry_committed,
    held_needs,
    renumber_clashes,
)
from govcap.planning.core.edits import (
    LockCohort,
    Operation,
    apply_additions,
    apply_drops,
    apply_member_moves,
    check_operations,
    drop_targets,
    refuse_new_training,
    report_unmatched_drops,
    requested_pins,
)
from govcap.planning.core.inputs import (
    Assessment,
    Constraints,
    OpenCohort,
    PreviousCourse,
    Targets,
    month_number,
)
from govcap.planning.core.monitoring import make_actions, make_evaluations, make_indicators
from govcap.planning.core.needs import (
    assess_positions,
    close_prerequisites,
    finish_needs,
    gap_needs,
    history_of,
)
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    UNFIT,
    Cohort,
    Need,
    OperationResult,
    PlanData,
    Unfit,
    collector_paused,
    plain,
)
from govcap.planning.core.priority import score_needs
from govcap.planning.core.schedule import org_loads, schedule_regrouping, spread
from govcap.scale import SECTION_KEYS

_UNFIT_ORDER = {"no-module": 0, "prerequisite-unfit": 1, "below-minimum": 2,
                "over-maximum": 3, "horizon": 4, "capacity": 5, "later-round": 6}


def _settings(targets: Targets, constraints: Constraints) -> dict[str, object]:
    return {
        "targets": {
            "default": targets.default, "strategic_level": targets.strategic_level,
            "strategic_sections": sorted(targets.strategic_sections),
            "strategic_weight": targets.strategic_weight, "sustain_high": targets.sustain_high,
            "overrides": {org: {s: lvl for s, lvl in sorted(sections.items())}
                          for org, sections in sorted(targets.overrides.items())},
        },
        "constraints": {
            "start_month": constraints.start_month,
            "first_month": constraints.first_month,
            "not_before": constraints.not_before,
            # the month the lead time alone gives; not_before is on from it when it is closed
            "lead_month": constraints.lead_month,
            # why the months from lead_month to not_before are closed (the documents say so)
            "lead_closed": {b.month: list(b.reasons) for b in constraints.month_blocks
                            if constraints.lead_month <= b.month < constraints.not_before},
            "plan_date": constraints.plan_date,
            "lead_weeks": constraints.lead_weeks,
            "horizon_months": constraints.horizon_months,
            "max_parallel": constraints.max_parallel,
            "max_parallel_per_domain": (dict(sorted(constraints.max_parallel_per_domain.items()))
                                        if isinstance(constraints.max_parallel_per_domain,
                                                      Mapping)
                                        else constraints.max_parallel_per_domain),
            "blackout_months": sorted(constraints.blackout_months),
            "participants_per_org": constraints.participants_per_org,
            "participants_overrides": dict(sorted(constraints.participants_overrides.items())),
            "max_participants_per_org": constraints.max_participants_per_org,
            "currency": constraints.currency, "exchange_rate": constraints.exchange_rate,
            "cost_overrides": {code: {"per_participant_day": o.per_participant_day,
                                      "per_cohort": o.per_cohort}
                               for code, o in sorted(constraints.cost_overrides.items())},
            "reassess_after_months": constraints.reassess_after_months,
            "reassessed_by": constraints.reassessed_by,
            "rate_card": constraints.rate_card.label if constraints.rate_card else "",
            "travelling_share_percent": constraints.travelling_share_percent,
            "responsibility": constraints.responsibility,
            "funding_source": constraints.funding_source,
            "days_per_month": constraints.days_per_month,
            "days_per_quarter": constraints.days_per_quarter,
            "staff_away": constraints.staff_away,
            "capacity_overrides": {org: {"days_per_month": c.days_per_month,
                                         "days_per_quarter": c.days_per_quarter,
                                         "staff_away": c.staff_away}
                                   for org, c in sorted(constraints.capacity_overrides.items())},
        },
    }


def _unfit_key(u: Unfit) -> tuple[str, int, str, str, str]:
    section_rank = SECTION_KEYS.index(u.section_key) if u.section_key else 99
    return (u.org_id, _UNFIT_ORDER.get(u.reason, 9), u.module_code or "",
            f"{section_rank:02d}", u.step)


def generate_plan(assessments: Iterable[Assessment], catalogue: Catalogue, targets: Targets,
                  constraints: Constraints, operations: Sequence[Operation] = (),
                  section_titles: Mapping[str, str] | None = None,
                  previous_courses: Iterable[PreviousCourse] = (),
                  open_cohorts: Iterable[OpenCohort] = (),
                  committed: Iterable[CommittedCohort] = ()) -> PlanData:
    """Generate the training plan. Pure: same inputs → byte-identical ``to_json()``.

    ``previous_courses``: what the organisations had in earlier rounds (a persisting gap
    then gets a follow-on intervention, not the same course); ``open_cohorts``: other
    engagements' cohorts with places free, offered to needs no cohort here can hold;
    ``committed``: this engagement's courses already under way or done (core.committed),
    kept in their month and not planned again.
    """
    with collector_paused():
        return _generate(assessments, catalogue, targets, constraints, tuple(operations),
                         section_titles, tuple(previous_courses), tuple(open_cohorts),
                         tuple(committed))


def _generate(assessments: Iterable[Assessment], catalogue: Catalogue, targets: Targets,
              constraints: Constraints, operations: tuple[Operation, ...],
              section_titles: Mapping[str, str] | None,
              previous_courses: tuple[PreviousCourse, ...] = (),
              open_cohorts: tuple[OpenCohort, ...] = (),
              committed: tuple[CommittedCohort, ...] = ()) -> PlanData:
    check_operations(operations)
    results: dict[str, OperationResult] = {}

    pos = assess_positions(assessments, targets, constraints, section_titles)
    history = {k: v for k, v in history_of(previous_courses).items()
               if k[0] in pos.organisations}
    needs, unfit = gap_needs(pos, catalogue, targets, history)
    # A later round of the country reassesses these organisations (its plan takes their
    # gaps up): this version keeps what is under way or done and plans nothing new.
    later = bool(constraints.reassessed_by)
    if later:
        refuse_new_training(operations, results)
    else:
        apply_additions(operations, needs, pos, catalogue, results)
    apply_drops(operations, needs, results)
    skipped = close_prerequisites(needs, pos, catalogue, drop_targets(operations), history)
    report_unmatched_drops(operations, needs, skipped, results)
    needs = dict(sorted(needs.items()))
    finish_needs(needs, catalogue)
    score_needs(needs, pos, catalogue, targets)

    locks = [op for op in operations if isinstance(op, LockCohort)]
    away = {org: constraints.capacity(org)[2] for org in pos.organisations}
    fixed = carry_committed(committed, needs, catalogue, pos.organisations)
    needs = dict(sorted(needs.items()))
    asked = constraints  # the settings the plan was made with (its documents say them)
    if later:
        cohorts = dict(fixed)
        unfit = sorted(unfit + _left_to_later_round(needs, fixed), key=_unfit_key)
        # its months are those of the courses it keeps, not a new schedule from its date
        constraints = _kept_calendar(constraints, fixed.values(), catalogue)
    else:
        with held_needs(needs, fixed):  # set aside while the new cohorts are formed
            cohorts, cohort_unfit = form_cohorts(needs, catalogue, locks, results,
                                                 constraints.max_participants_per_org, away)
        cohorts = renumber_clashes(cohorts, fixed, needs)
        apply_member_moves(operations, cohorts, needs, catalogue, results)
        pins = requested_pins(operations, cohorts, constraints, results)
        cohorts = {**fixed, **cohorts}
        schedule_unfit = schedule_regrouping(
            cohorts, needs, catalogue, constraints, pins, results,
            {cid: c.month for cid, c in fixed.items() if c.month},
            constraints.max_participants_per_org, away)
        unfit = sorted(unfit + cohort_unfit + schedule_unfit, key=_unfit_key)
        unfit = with_alternatives(unfit, needs, catalogue, constraints, open_cohorts,
                                  cohorts.values())

    for cohort in cohorts.values():  # where its training days fall (coaching: months on)
        cohort.day_months = (tuple(spread(catalogue.by_code[cohort.module_code], cohort.month,
                                          constraints.closed_months))
                             if cohort.month and cohort.status == SCHEDULED else ())
    cost_cohorts(cohorts.values(), catalogue, constraints)
    gaps = list(pos.gaps.values())
    indicators = make_indicators(gaps, needs, unfit, constraints, cohorts)
    budget = make_budget(cohorts.values(), needs, unfit, catalogue, constraints, indicators)
    order = {op.op_id: i for i, op in enumerate(operations)}
    plan_months = constraints.months if not later or fixed else ()
    months = set(plan_months)
    # The months closed inside the horizon, and any closed by hand; the calendar past it
    # is there only to keep the reassessments out of closed months.
    closed = constraints.blackout_months | (constraints.closed_months & months)

    return PlanData(
        catalogue_key=catalogue.key, catalogue_version=catalogue.version,
        currency=constraints.currency, months=plan_months,
        blackout_months=tuple(sorted(closed)),
        settings=plain(_settings(targets, asked)),
        organisations=tuple(pos.organisations.values()),
        sections=tuple(pos.statuses), gaps=tuple(gaps), unknowns=tuple(pos.unknowns),
        needs=tuple(sorted(needs.values(), key=lambda n: (n.org_id, n.module_code))),
        unfit=tuple(unfit), cohorts=tuple(cohorts.values()), budget=budget,
        indicators=tuple(indicators),
        evaluations=tuple(make_evaluations(cohorts.values(), catalogue, indicators)),
        actions=tuple(make_actions(cohorts.values(), catalogue, constraints)),
        operations=tuple(sorted(results.values(), key=lambda r: order[r.op_id])),
        load=(org_loads(tuple(pos.organisations.values()), cohorts, catalogue, constraints)
              if plan_months else ()),
        month_blocks=tuple(b for b in constraints.month_blocks if b.month in months),
        previous_courses=tuple(c for rows in history.values() for c in rows),
    )


def _left_to_later_round(needs: dict[tuple[str, str], Need],
                         kept: Mapping[str, Cohort]) -> list[Unfit]:
    """The needs no kept course holds, in an earlier round's plan once the next round
    reassesses its organisations: not placed, and why (that round's plan takes them up);
    no other way is offered, as that plan is where new training is planned."""
    out = []
    for need in needs.values():
        if need.status == DROPPED or need.cohort_id in kept:
            continue
        need.status, need.cohort_id, need.month = UNFIT, None, None
        out.append(Unfit(
            need.org_id, need.org_name, need.module_code,
            need.sections[0] if need.sections else None, need.step, "later-round",
            f"{need.module_code} for {need.org_name}: left to the next assessment round, "
            "which reassesses the organisation; this version plans nothing new."))
    return out


def _kept_calendar(constraints: Constraints, kept: Iterable[Cohort],
                   catalogue: Catalogue) -> Constraints:
    """The months of the courses a plan that plans nothing new keeps: from the first one's
    month to the last training day's (a kept course is dated when it runs, whatever the
    plan's date); unchanged when it keeps none (the plan then has no months at all)."""
    used = sorted({m for c in kept if c.month
                   for m in (c.month, *(month for month, _ in spread(
                       catalogue.by_code[c.module_code], c.month, constraints.closed_months)))})
    if not used:
        return constraints
    span = month_number(used[-1]) - month_number(used[0]) + 1
    # undated: the months are the courses' own, not those a lead time leaves after a date
    return replace(constraints, start_month=used[0], horizon_months=min(span, 120),
                   plan_date="")
