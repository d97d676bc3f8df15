"""How many modules a plan delivers, said alike by the plan's summary and the minister's
brief: the courses (the catalogue's modules of kind "course") counted as training modules,
the follow-on interventions (coaching at the workplace, on-the-job projects, training of
trainers, e-learning) by kind beside them. The plan said "8 training modules" where the
brief, for the same version, said "7 training modules and 1 follow-on coaching": the plan
counted every scheduled module as a training module."""

from __future__ import annotations

from govcap.reports.scope import Scope


def offered(s: Scope) -> tuple[int, str, str]:
    """(courses, the interventions in words — "" when none —, which sentence: "plan",
    "plan_with_interventions" or "plan_interventions_only") over the modules in scope."""
    L = s.L
    courses = [c for c in s.modules if getattr(s.module(c), "is_course", True)]
    kinds: dict[str, int] = {}  # the interventions by kind, named for what they are
    for code in s.modules:
        module = s.module(code)
        if module is not None and not module.is_course:
            kinds[module.kind] = kinds.get(module.kind, 0) + 1
    words = L.commas(
        L.count(f"n.follow_on.{kind}", n) if f"n.follow_on.{kind}" in L.table
        else L.count("n.interventions", n) for kind, n in sorted(kinds.items()))
    key = ("plan" if not kinds else "plan_with_interventions" if courses
           else "plan_interventions_only")
    return len(courses), words, key
