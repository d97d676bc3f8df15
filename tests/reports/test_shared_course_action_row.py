"""One organisation's plan says a course it shares in the action table as its Cohorts table
does (issue 14): the whole course, with its own places and share of the cost in it — not
"4 participants from 1 organisation" beside its share as if the course were its own."""

from __future__ import annotations

import dataclasses

from govcap.reports.build import build_document
from govcap.reports.model import Table
from tests.reports.helpers import catalogue, context, normalise, plan


def _action_rows(org_id: str | None) -> list[list[str]]:
    ctx = dataclasses.replace(context("en", org_id), heatmap=[])
    doc = build_document(plan(), ctx, catalogue("en"))
    table = next(b for s in doc.sections if s.key == "actions" for b in s.blocks
                 if isinstance(b, Table))
    return [[normalise(str(x)) for x in row] for row in table.rows]


def test_a_shared_course_is_said_whole_with_its_places_and_share():
    data = plan()
    org = "org-a"
    shared = next(c for c in data.cohorts if c.status == "scheduled" and c.month
                  and org in c.org_ids and len(set(c.org_ids)) > 1
                  and sum(1 for x in data.cohorts if x.module_code == c.module_code
                          and x.status == "scheduled" and x.month) == 1)
    own = sum(m.participants for m in shared.members if m.org_id == org)
    whole = sum(m.participants for m in shared.members)
    others = len(set(shared.org_ids))
    row = next(r for r in _action_rows(org) if f"({shared.module_code})" in r[0])
    measure, money = row[0], row[3]
    assert f"{whole} participants from {others} organisations" in measure
    own_cents = sum(m.cost_cents for m in shared.members if m.org_id == org)
    whole_cents = sum(m.cost_cents for m in shared.members)
    assert f"; {own} participant places of them its own, its share USD {own_cents / 100:,.2f} " \
           f"of USD {whole_cents / 100:,.2f}" in measure
    assert money == f"USD {own_cents / 100:,.2f}"  # the column still adds up to its share
    # the whole plan's row says the course without a share
    whole_row = next(r for r in _action_rows(None) if f"({shared.module_code})" in r[0])
    assert "its share" not in whole_row[0]
