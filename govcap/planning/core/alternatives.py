"""Alternatives for a need no cohort of the plan can hold (issue 14, blocker 6).

An organisation alone on a module cannot fill its minimum cohort; left there, its gap would
never close. Each unfit need that has a course is offered, in this order:

* ``join-cohort`` — a cohort of the same module in the same language in another
  engagement's latest plan (this country's or another's) with places free, in a month of
  this plan, that the organisation is not already in; ``enough_places`` says whether the
  organisation's participants fit;
* ``in-house`` — the course delivered for this organisation alone (the cohort's fixed cost
  and its own participant-days, whatever the catalogue's minimum);
* ``coaching`` and ``e-learning`` — the catalogue's intervention of that kind for the
  course's section and step, when there is one.

Only what can be scheduled is offered: each alternative must fit the organisation's
months as the plan leaves them (its training days a month and a quarter, staff away, the
months closed to training; a course after the earlier courses it needs, and not while one
of those is left out itself), or the coordinator who takes it would leave the gap with
nothing (``schedule.Room``).

Costs are in cents of the plan's currency, costed line by line as the budget costs a
scheduled course (the rate card's trainers, venue, allowances…, or the catalogue's prices
without a card); joining another cohort costs only the participants' own lines, the
figure the budget gives the need not placed (``budget.need_cents``, one function for
both), at this plan's rates: travel to another country's course is not in it. An
intervention the organisation already has in this plan is not offered again. Words are the
caller's: this module returns codes and numbers only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from govcap.planning.core.budget import need_cents
from govcap.planning.core.catalogue import Catalogue, Module
from govcap.planning.core.inputs import Constraints, OpenCohort
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    Alternative,
    Cohort,
    Need,
    Unfit,
)
from govcap.planning.core.schedule import Room

JOIN, IN_HOUSE, COACHING, E_LEARNING = "join-cohort", "in-house", "coaching", "e-learning"


def _cost(module: Module, participants: int, constraints: Constraints,
          fixed_share: bool = True) -> int:
    """What the module would cost this organisation alone (``fixed_share``: with the
    course's own trainers and venue; else only its participants' lines, as the budget
    estimates the need not placed: ``budget.need_cents``)."""
    return need_cents(module, participants, constraints, whole_course=fixed_share)


def _ready_after(need: Need | None, needs: Mapping[tuple[str, str], Need]) -> str | None:
    """The month the need's course may come after: its earlier courses' last month (""
    when none); None while one of them is not scheduled."""
    last = ""
    for code in need.after if need is not None else ():
        before = needs.get((need.org_id, code)) if need is not None else None
        if before is None or before.status == DROPPED:
            continue
        if before.status != SCHEDULED or not before.month:
            return None
        last = max(last, before.month)
    return last


def alternatives_for(unfit: Unfit, need: Need | None, catalogue: Catalogue,
                     constraints: Constraints, open_cohorts: Iterable[OpenCohort],
                     planned: frozenset[str] = frozenset(), room: Room | None = None,
                     needs: Mapping[tuple[str, str], Need] | None = None,
                     ) -> tuple[Alternative, ...]:
    """Alternatives for one unfit line (none for a step with no module or a non-course);
    with ``room``, only those that fit the plan's months."""
    module = catalogue.by_code.get(unfit.module_code or "")
    if module is None or not module.is_course:
        return ()
    participants = need.participants if need is not None else constraints.participants(
        unfit.org_id)
    language = need.language if need is not None else ""
    after = _ready_after(need, needs or {})

    def fits(code: str, month: str | None = None, course: bool = True) -> bool:
        if room is None:
            return True
        if course and after is None:
            return False
        return room.fits(code, unfit.org_id, participants, (after or "") if course else "",
                         month)

    found: list[Alternative] = []
    open_cohorts = tuple(open_cohorts)
    months = frozenset(room.months if room is not None else constraints.months
                       if open_cohorts else ())
    for c in sorted(open_cohorts, key=lambda c: (c.month, -c.places_free, c.engagement_name)):
        if (c.module_code == module.code and c.language == language and c.month in months
                and unfit.org_id not in c.org_ids and fits(module.code, c.month)):
            found.append(Alternative(
                JOIN, module.code, _cost(module, participants, constraints, fixed_share=False),
                engagement_name=c.engagement_name, country=c.country, month=c.month,
                places_free=c.places_free, enough_places=c.places_free >= participants))
    if fits(module.code):
        found.append(Alternative(IN_HOUSE, module.code,
                                 _cost(module, participants, constraints)))
    section = unfit.section_key or module.sections[0]
    for kind in (COACHING, E_LEARNING):
        code = catalogue.intervention(section, module.step, (kind,))
        if code is not None and code not in planned and fits(code, course=False):
            found.append(Alternative(kind, code, _cost(catalogue.by_code[code], participants,
                                                       constraints)))
    return tuple(found)


def with_alternatives(unfit: Iterable[Unfit], needs: Mapping[tuple[str, str], Need],
                      catalogue: Catalogue, constraints: Constraints,
                      open_cohorts: Iterable[OpenCohort],
                      scheduled: Iterable[Cohort] | None = None) -> list[Unfit]:
    """``scheduled``: the plan's cohorts; given, an alternative is offered only when it
    fits the months they leave."""
    cohorts = tuple(open_cohorts)
    room = Room(scheduled, catalogue, constraints) if scheduled is not None else None
    planned: dict[str, set[str]] = {}
    for (org_id, code), need in needs.items():
        if need.status != DROPPED:
            planned.setdefault(org_id, set()).add(code)
    return [replace(u, alternatives=alternatives_for(
        u, needs.get((u.org_id, u.module_code or "")), catalogue, constraints, cohorts,
        frozenset(planned.get(u.org_id, ())), room, needs))
        for u in unfit]
