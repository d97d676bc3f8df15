"""Property tests over random assessments: the rules every generated plan keeps."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from govcap.planning import Assessment, Constraints, Targets, generate_plan

from .helpers import CATALOGUE, PLANNING, check_invariants, engagements

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
