"""The plan's Summary counts the needs its Needs table lists: a need left out by an edit is
counted and listed apart (as the documents do), not among the needs."""

from __future__ import annotations

import re

from .test_edits_on_the_page import page, url
from .test_plan_views import planned  # noqa: F401  (the fixture)


def test_the_needs_counted_are_the_rows_listed_and_left_out_ones_are_said_apart(
        client, planned) -> None:  # noqa: F811
    client.force_login(planned.coordinator)
    need = next(n for n in planned.plan.data["needs"] if n["module_code"] == "EA-102")
    client.post(url(planned, "plan-edit", "drop-module"),
                {"op_id": "drop", "need": f"{need['org_id']}|EA-102"})
    shown = page(client, planned)
    counted = int(re.search(r"(\d+) needs \(a course for one organisation each\)",
                            shown).group(1))
    table = shown.split("Needs by priority")[1].split("Left out of the plan by an edit")[0]
    rows = re.findall(r" (?:\d+|—) (?:ICT Authority|Ministry of ICT) ", table)
    assert counted == len(rows) == len(planned.plan.data["needs"]) - 1, (counted, table)
    assert "1 need left out by an edit (not counted above)" in shown
    apart = shown.split("Left out of the plan by an edit")[1][:200]
    assert apart.startswith(f" {need['org_name']} — Interoperability and standards "
                            "fundamentals (EA-102)"), apart
