"""Who an engagement's plan covers: the organisations engaged, those in the plan (their
latest validated session counts) and, named by where their assessment stands, those not in
it yet — stored with the plan when it was generated (``extra.coverage``, from
``inputs_db``: (name, session status) for each organisation engaged).

One reading for the plan page (``pages``) and the documents (reports.build.coverage): the
Kenya follow-up's page said "8 organisations" and no word of the Data Protection
Commissioner awaiting validation nor eCitizen's session under way, which its PDF, DOCX and
brief named.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# the states an organisation not in the plan is named by, in the order they are said
NOT_COVERED = ("submitted", "in_progress", "draft", "none")


@dataclass(frozen=True)
class Coverage:
    engaged: int
    validated: int  # in the plan
    not_covered: tuple[tuple[str, tuple[str, ...]], ...]  # (state, names), none empty


def of(plan: Any) -> Coverage | None:
    """``plan``'s coverage (a PlanData); None for a plan stored before coverage was kept."""
    rows = [tuple(row) for row in plan.extra.get("coverage", ())]
    if not rows:
        return None
    groups = tuple((state, tuple(name for name, held in rows if held == state))
                   for state in NOT_COVERED)
    return Coverage(engaged=len(rows),
                    validated=sum(1 for _name, held in rows if held == "validated"),
                    not_covered=tuple((state, names) for state, names in groups if names))
