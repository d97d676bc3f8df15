"""Costs of the plan, in integer cents so every breakdown adds up exactly.

With a country rate card (``Constraints.rate_card``, planning.core.ratecard) each
scheduled cohort is costed in lines of ``quantity × unit rate``:

* ``trainers`` — lead and co-trainer, each for every course day, at the card's day rate
  for the module's delivery mode;
* ``venue`` — a venue day for every course day in person, for half the days (rounded up)
  of a blended course, none online;
* ``materials`` — per participant;
* ``allowance`` — the participant daily allowance for every participant and every day
  spent at the venue (in person and blended);
* ``travel`` — for the travelling share of each organisation's participants (the
  engagement's share, else the card's default; rounded half up per organisation and
  course), in person and blended only;
* ``coaching`` — the module's follow-up (``follow_up`` in the catalogue), once per
  organisation in the cohort; an entry that promises no follow-up (an intervention such
  as coaching itself) has none.

Coaching and on-the-job interventions happen in the organisation's own workplace with its
own team: one coach (the lead-trainer rate) for their days and the materials, no co-trainer,
venue, allowance or travel.

E-learning is self-paced: no trainer stands in a room, so it has no trainer days, venue,
printed materials, allowance, travel or follow-up coaching. Its cost is what the catalogue
prices it at (``cost`` in the catalogue, or the engagement's override): the platform
licence and the tutor who answers by message, per participant and day of study
(``e-learning-day``, category ``e-learning``), and a fixed price per cohort when the
catalogue sets one (``course-cohort``). A rate card has no e-learning rate, so the price is
the catalogue's converted at the engagement's exchange rate, as for a module it prices.

Then ``reassessment`` — one session per organisation and month the monitoring chapter
reassesses it in (its sections due that month are rated in the same focus group), so each
reassessment the chapter promises is paid once — and ``contingency``: the card's percentage of the
subtotal, computed once and rounded half up to the cent.

A module with an engagement cost override is priced by the override instead of the card's
trainers, venue and materials (``course`` lines: the override's, else the catalogue's,
price per participant-day and per cohort); allowances, travel and coaching still come from
the card, because they pay the participants and the follow-up, not the provider. Without a
card (tests, or a country with none) every cohort is priced by the catalogue, as ``course``
lines, and there is no contingency.

Card rates are converted to the plan's currency with ``Constraints.exchange_rate`` (when
the card's currency differs from it) and rounded to the cent once, so every line is
exactly ``quantity × unit``. Each organisation pays its own per-participant and
per-organisation lines and a share of the per-cohort lines (trainers, venue, fixed course
price) in proportion to its participants, by the largest-remainder method; contingency is
shared the same way in proportion to each organisation's subtotal. ``by_domain``,
``by_module`` and ``by_month`` carry the reassessment under ``REASSESSMENT`` and the
contingency under ``CONTINGENCY``, so every breakdown sums to the total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from govcap.planning.core.catalogue import Catalogue, Module
from govcap.planning.core.inputs import Constraints
from govcap.planning.core.plan import (
    SCHEDULED,
    Budget,
    BudgetLine,
    Cohort,
    CohortMember,
    Indicator,
    Need,
    Unfit,
)
from govcap.planning.core.validation import DELIVERY_MODES

# Categories in the order documents list them.
CATEGORIES = ("course", "e-learning", "trainers", "venue", "materials", "allowance", "travel", "coaching",
              "reassessment", "contingency")
REASSESSMENT, CONTINGENCY = "reassessment", "contingency"  # keys in by_domain/module/month


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def rates(module: Module, constraints: Constraints) -> tuple[int, int]:
    """(price per participant-day, fixed price per cohort) in cents of the engagement
    currency: the engagement's override, else the catalogue's price converted."""
    per_day = module.cost_per_participant_day * constraints.exchange_rate
    fixed = module.cost_per_cohort * constraints.exchange_rate
    override = constraints.cost_overrides.get(module.code)
    if override is not None:
        if override.per_participant_day is not None:
            per_day = Decimal(override.per_participant_day)
        if override.per_cohort is not None:
            fixed = Decimal(override.per_cohort)
    return to_cents(per_day), to_cents(fixed)


def card_rates(constraints: Constraints) -> dict[str, int]:
    """The card's unit rates in cents of the plan's currency, by rate key."""
    card = constraints.rate_card
    if card is None:
        return {}
    factor = Decimal(1) if card.currency == constraints.currency else constraints.exchange_rate
    out = {f"lead-trainer-{m}": to_cents(v * factor) for m, v in card.lead_trainer_day.items()}
    out |= {f"co-trainer-{m}": to_cents(v * factor) for m, v in card.co_trainer_day.items()}
    out |= {"venue-day": to_cents(card.venue_day * factor),
            "materials": to_cents(card.materials_per_participant * factor),
            "allowance-day": to_cents(card.participant_allowance_day * factor),
            "travel": to_cents(card.travel_per_traveller * factor),
            "coaching": to_cents(card.follow_up_coaching_per_org * factor),
            "reassessment": to_cents(card.reassessment_per_org * factor)}
    return out


def travelling_share(constraints: Constraints) -> int:
    if constraints.travelling_share_percent is not None:
        return constraints.travelling_share_percent
    card = constraints.rate_card
    return card.travelling_share_percent if card is not None else 0


def travellers(participants: int, share_percent: int) -> int:
    """Participants who travel: ``share`` of them, rounded half up."""
    return (2 * participants * share_percent + 100) // 200


def at_workplace(module: Module) -> bool:
    """Coaching and on-the-job projects come to the organisation's own team and work."""
    return module.kind in ("coaching", "on-the-job")


def venue_days(module: Module) -> int:
    if module.delivery == "online":
        return 0
    return -(-module.days // 2) if module.delivery == "blended" else module.days


def split(amount: int, weights: list[tuple[int, str]]) -> list[int]:
    """Shares of ``amount`` proportional to the weights, summing exactly to ``amount``
    (largest remainder; ties to the smaller key). All shares 0 when the weights are."""
    total = sum(w for w, _ in weights)
    if total == 0:
        return [0] * len(weights)
    raw = [amount * w for w, _ in weights]
    shares = [r // total for r in raw]
    short = amount - sum(shares)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] % total), weights[i][1]))
    for i in order[:short]:
        shares[i] += 1
    return shares


def split_fixed(fixed: int, members: tuple[CohortMember, ...]) -> list[int]:
    """Shares of ``fixed`` proportional to participants, summing exactly to ``fixed``."""
    return split(fixed, [(m.participants, m.org_id) for m in members])


_CATEGORY = {"course-day": "course", "course-cohort": "course", "e-learning-day": "e-learning",
             "venue-day": "venue",
             "materials": "materials", "allowance-day": "allowance", "travel": "travel",
             "coaching": "coaching", "reassessment": "reassessment"}
_CATEGORY |= {f"{who}-{mode}": "trainers" for who in ("lead-trainer", "co-trainer")
              for mode in DELIVERY_MODES}


def cohort_lines(cohort: Cohort, module: Module, constraints: Constraints,
                 unit: Mapping[str, int]) -> list[tuple[str, int, int, list[int]]]:
    """(rate key, quantity, unit cents, quantity per member) of one scheduled cohort.
    Per-cohort rates have no per-member quantities (their cost is shared)."""
    members = cohort.members
    people = [m.participants for m in members]
    days = module.days
    out: list[tuple[str, int, int, list[int]]] = []
    priced_by_course = constraints.rate_card is None or module.code in constraints.cost_overrides
    if module.self_paced and constraints.rate_card is not None:
        # self-paced: the catalogue's (or override's) licence-and-tutor price per participant
        # and day of study, nothing for trainers, venue, materials, allowance or travel
        per_day, fixed = rates(module, constraints)
        out.append(("e-learning-day", sum(people) * days, per_day, [p * days for p in people]))
        out.append(("course-cohort", 1, fixed, []))
        return [line for line in out if line[1] and line[2]]
    if priced_by_course:
        per_day, fixed = rates(module, constraints)
        out.append(("course-day", sum(people) * days, per_day, [p * days for p in people]))
        out.append(("course-cohort", 1, fixed, []))
    else:
        mode = module.delivery
        out.append((f"lead-trainer-{mode}", days, unit[f"lead-trainer-{mode}"], []))
        if not at_workplace(module):
            out.append((f"co-trainer-{mode}", days, unit[f"co-trainer-{mode}"], []))
            out.append(("venue-day", venue_days(module), unit["venue-day"], []))
        out.append(("materials", sum(people), unit["materials"], people))
    if constraints.rate_card is not None:
        at_venue = 0 if at_workplace(module) else venue_days(module)
        share = travelling_share(constraints) if at_venue else 0
        going = [travellers(p, share) for p in people]
        out.append(("allowance-day", sum(people) * at_venue, unit["allowance-day"],
                    [p * at_venue for p in people]))
        out.append(("travel", sum(going), unit["travel"], going))
        if module.follow_up:  # the follow-up the module promises (interventions promise none)
            out.append(("coaching", len(members), unit["coaching"], [1] * len(members)))
    return [line for line in out if line[1] and line[2]]


def need_cents(module: Module, participants: int, constraints: Constraints,
               whole_course: bool = False) -> int:
    """What ``participants`` of one organisation would cost in a course of ``module``,
    costed as the budget costs a scheduled one (the same lines, rate card and exchange
    rate): their own lines only — their participant-days at the catalogue's price, or with
    a card their materials, allowances, travel and the follow-up — as when they join a
    course held for others; ``whole_course`` adds the trainers, venue and fixed price of a
    course held for them alone. The estimate of the needs not placed and the alternatives
    offered for them (core.alternatives) are both this, so one need's people cost the same
    in both (the Ministry of Health's POL-103 was 210 not placed and 875 to join a cohort:
    catalogue prices against the card's)."""
    alone = Cohort("estimate", module.code, module.domain, "",
                   (CohortMember("org", participants),), 0.0)
    lines = cohort_lines(alone, module, constraints, card_rates(constraints))
    return sum(quantity * unit for _, quantity, unit, per_member in lines
               if whole_course or per_member)


def cost_cohorts(cohorts: Iterable[Cohort], catalogue: Catalogue,
                 constraints: Constraints) -> None:
    """Set ``cost_cents`` on every scheduled cohort and its members."""
    unit = card_rates(constraints)
    for cohort in cohorts:
        if cohort.status != SCHEDULED:
            cohort.cost_cents = 0
            cohort.set_members(tuple(CohortMember(m.org_id, m.participants)
                                     for m in cohort.members))
            continue
        shares = _member_shares(cohort, catalogue.by_code[cohort.module_code],
                                constraints, unit)
        members = tuple(CohortMember(m.org_id, m.participants, sum(shares[m.org_id].values()))
                        for m in cohort.members)
        cohort.set_members(members)
        cohort.cost_cents = sum(m.cost_cents for m in members)


def _member_shares(cohort: Cohort, module: Module, constraints: Constraints,
                   unit: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Organisation → category → its cents of this cohort."""
    out: dict[str, dict[str, int]] = {m.org_id: {} for m in cohort.members}
    for rate, quantity, cents, per_member in cohort_lines(cohort, module, constraints, unit):
        amount = quantity * cents
        parts = ([q * cents for q in per_member] if per_member
                 else split_fixed(amount, cohort.members))
        category = _CATEGORY[rate]
        for m, part in zip(cohort.members, parts, strict=True):
            _add(out[m.org_id], category, part)
    return out


def _add(table: dict[str, int], key: str, amount: int) -> None:
    table[key] = table.get(key, 0) + amount


def _sorted(table: dict[str, int]) -> dict[str, int]:
    return dict(sorted(table.items()))


def make_budget(cohorts: Iterable[Cohort], needs: Mapping[tuple[str, str], Need],
                unfit: Iterable[Unfit], catalogue: Catalogue, constraints: Constraints,
                indicators: Iterable[Indicator] = ()) -> Budget:
    cohorts = list(cohorts)
    unit = card_rates(constraints)
    lines: list[BudgetLine] = []
    by_domain: dict[str, int] = {}
    by_module: dict[str, int] = {}
    by_org: dict[str, int] = {}
    by_month: dict[str, int] = {}
    org_categories: dict[str, dict[str, int]] = {}
    for cohort in sorted(cohorts, key=lambda c: c.cohort_id):
        if cohort.status != SCHEDULED or cohort.month is None:
            continue
        module = catalogue.by_code[cohort.module_code]
        for rate, quantity, cents, _ in cohort_lines(cohort, module, constraints, unit):
            lines.append(BudgetLine(_CATEGORY[rate], rate, quantity, cents, quantity * cents,
                                    cohort.month, cohort.cohort_id, cohort.module_code,
                                    cohort.domain))
        _add(by_domain, cohort.domain, cohort.cost_cents)
        _add(by_module, cohort.module_code, cohort.cost_cents)
        _add(by_month, cohort.month, cohort.cost_cents)
        for org_id, categories in _member_shares(cohort, module, constraints, unit).items():
            for category, cents in categories.items():
                _add(org_categories.setdefault(org_id, {}), category, cents)
    if constraints.rate_card is not None and unit["reassessment"]:
        # one session per organisation and month the monitoring chapter reassesses it in
        # (its sections due that month rated together): every one promised is paid once
        sessions = sorted({(i.org_id, i.reassess_month) for i in indicators
                           if i.reassess_month is not None})
        for org_id, month in sessions:
            cents = unit["reassessment"]
            lines.append(BudgetLine("reassessment", "reassessment", 1, cents, cents, month,
                                    org_id=org_id))
            _add(by_domain, REASSESSMENT, cents)
            _add(by_module, REASSESSMENT, cents)
            _add(by_month, month, cents)
            _add(org_categories.setdefault(org_id, {}), "reassessment", cents)
    subtotal = sum(line.amount_cents for line in lines)
    percent = constraints.rate_card.contingency_percent if constraints.rate_card else Decimal(0)
    contingency = int((Decimal(subtotal) * percent / 100).quantize(
        Decimal(1), rounding=ROUND_HALF_UP))
    org_subtotals = sorted((sum(c.values()), org) for org, c in org_categories.items())
    for (_, org_id), share in zip(org_subtotals, split(
            contingency, [(t, o) for t, o in org_subtotals]), strict=True):
        if share:
            org_categories[org_id]["contingency"] = share
    if contingency:
        for table in (by_domain, by_module, by_month):
            table[CONTINGENCY] = contingency
    for org_id, categories in org_categories.items():
        by_org[org_id] = sum(categories.values())
    by_category: dict[str, int] = {}
    for line in lines:
        _add(by_category, line.category, line.amount_cents)
    if contingency:
        by_category["contingency"] = contingency
    estimate_by_org: dict[str, int] = {}
    for gap in unfit:
        if gap.module_code is None:
            continue
        need = needs[(gap.org_id, gap.module_code)]
        _add(estimate_by_org, gap.org_id, need_cents(catalogue.by_code[gap.module_code],
                                                     need.participants, constraints))
    estimate = sum(estimate_by_org.values())
    card = constraints.rate_card
    committed = sum(c.cost_cents for c in cohorts if c.delivery and c.status == SCHEDULED)
    committed += int((Decimal(committed) * percent / 100).quantize(Decimal(1),
                                                                   rounding=ROUND_HALF_UP))
    return Budget(
        currency=constraints.currency, total_cents=subtotal + contingency,
        by_domain=_sorted(by_domain), by_module=_sorted(by_module),
        by_org=_sorted(by_org), by_month=_sorted(by_month),
        unscheduled_estimate_cents=estimate, unscheduled_by_org=_sorted(estimate_by_org),
        lines=tuple(lines),
        by_category={k: by_category[k] for k in CATEGORIES if k in by_category},
        org_categories={o: {k: c[k] for k in CATEGORIES if k in c}
                        for o, c in sorted(org_categories.items())},
        subtotal_cents=subtotal, contingency_percent=str(percent),
        contingency_cents=contingency,
        rate_card=card.label if card else "", rate_card_source=card.source if card else "",
        rate_card_source_translations=dict(card.source_translations) if card else {},
        rate_card_currency=card.currency if card else "",
        rate_card_effective_from=card.effective_from if card else "",
        rate_card_city=card.venue_city if card else "",
        travelling_share_percent=travelling_share(constraints), unit_rates=unit,
        committed_cents=committed,
    )
