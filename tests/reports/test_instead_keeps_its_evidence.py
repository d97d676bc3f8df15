"""An intervention the coordinator plans instead of a course ("Plan POL-901 instead" for the
Ministry of Health's POL-103, Kenya's follow-up) serves the gap the course served: the needs
table and the annex said only "Added by the coordinator." — no rating, confidence or notes —
and "Who to nominate" had nobody in its "For" column. It carries the gap, with its evidence,
and the roles of the courses it stands for."""

from __future__ import annotations

import dataclasses

from govcap.planning import Constraints, Targets, generate_plan, wording
from govcap.planning.core.edits import AddModule, DropModule
from govcap.planning.core.plan import replaces_op_id
from govcap.reports.labels import Labels
from govcap.reports.nominations import nominations
from govcap.reports.scope import Scope
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, org_rows
from tests.reports.helpers import context


def _instead():
    rows = org_rows("moh", {"digital-strategic-plan": Level.BASIC}, name="Ministry of Health",
                    notes="No costed strategy.")
    ops = (AddModule("a1", "moh", "POL-901"), DropModule("d1", "moh", "POL-103"))
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"), ops)
    need = next(n for n in plan.needs if n.module_code == "POL-901")
    return plan, need


def test_the_coordinators_intervention_carries_the_gap_it_serves() -> None:
    plan, need = _instead()
    assert need.origin == "added" and need.month is not None
    assert need.rating_ids == ("session-moh:digital-strategic-plan",)
    lines = wording.need_reasons(need, plan, wording.Namer(CATALOGUE, plan))
    # said as the priorities table and the brief say it (issue 14, fresh eyes 7)
    # named with its title, as elsewhere (fresh eyes: "instead of POL-103")
    assert lines[0] == ("Planned by the coordinator instead of GovTech and digital public "
                        "infrastructure for policy makers (POL-103).")
    assert any(line.startswith("Rated Basic on ") and "(high confidence)" in line
               and "No costed strategy." in line for line in lines), lines
    s = Scope(plan, context("en"), CATALOGUE, Labels("en"))
    annex = s.evidence(need)
    # the annex says it as the page does (issue 14, second fresh eyes 7)
    assert annex[0] == ("Planned by the coordinator instead of POL-103 GovTech and digital "
                        "public infrastructure for policy makers.") and any(
        line.startswith("Rated Basic on ") and "high confidence" in line for line in annex)


def test_who_to_nominate_names_the_roles_of_the_courses_it_stands_for() -> None:
    plan, need = _instead()
    plan = dataclasses.replace(plan, extra={**plan.extra, "women_target_percent": 50})
    s = Scope(plan, context("en"), CATALOGUE, Labels("en"))
    table = next(b for b in nominations(s).blocks if hasattr(b, "rows"))
    (row,) = [r for r in table.rows if any("POL-901" in str(c) for c in r)]
    roles = row[[c.label for c in table.columns].index("For")]
    # POL-101's and POL-103's people: the courses of its domain on the gap's level step
    assert roles == ("Leaders and senior managers, CIOs and CTOs, policy makers, finance and "
                     "procurement officers"), row


def test_a_course_added_for_no_course_left_out_is_said_added() -> None:
    rows = org_rows("moh", {"digital-strategic-plan": Level.BASIC}, name="Ministry of Health")
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"),
                         (AddModule("a1", "moh", "POL-901"),))
    need = next(n for n in plan.needs if n.module_code == "POL-901")
    lines = wording.need_reasons(need, plan, wording.Namer(CATALOGUE, plan))
    assert lines[0] == "Added by the coordinator."


def test_a_plan_instead_counts_as_one_edit_applied() -> None:
    """The workbook's "Edits applied" said 4 for three clicks of the coordinator: a "Plan
    POL-901 instead" is saved as an addition and a removal, and the Edits list says it once."""
    rows = org_rows("moh", {"digital-strategic-plan": Level.BASIC}, name="Ministry of Health")
    ops = (AddModule("a1", "moh", "POL-901"), DropModule(replaces_op_id("a1"), "moh", "POL-103"))
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"), ops)
    assert [op.status for op in plan.operations] == ["applied", "applied"]
    assert Scope(plan, context("en"), CATALOGUE, Labels("en")).edits_applied == 1
    apart = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"),
                          (AddModule("a1", "moh", "POL-901"), DropModule("d1", "moh", "POL-103")))
    assert Scope(apart, context("en"), CATALOGUE, Labels("en")).edits_applied == 2
