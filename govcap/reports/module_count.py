"""How many modules a plan delivers, said alike by the plan's summary and the minister's
brief: the courses (the catalogue's modules of kind "course") counted as training modules,
in their cohorts; the interventions (coaching at the workplace, on-the-job projects,
training of trainers, e-learning) counted as a reader counts them, one per organisation
that has one, by kind, and those the coordinator planned instead of a course ("Plan X
instead") said apart from the follow-ons. The plan said "8 training modules" where the
brief, for the same version, said "7 training modules and 1 follow-on coaching": the plan
counted every scheduled module as a training module. Kenya's follow-up then said "3
training modules and 3 follow-on coaching assignments … in 9 cohorts" for 3 courses and 6
coaching assignments, one of them the coordinator's choice instead of a course."""

from __future__ import annotations

from govcap.reports.scope import Scope


def is_class(s: Scope, cohort) -> bool:
    """A cohort of a course, counted among cohorts; coaching, on-the-job projects, training
    of trainers and e-learning are not (a "Cohorts" column counts these only)."""
    return getattr(s.module(cohort.module_code), "is_course", True)


def classes(s: Scope, cohorts) -> int:
    """How many of ``cohorts`` a "Cohorts" column counts: the courses' (:func:`is_class`)."""
    return sum(1 for c in cohorts if is_class(s, c))


def counted(s: Scope) -> tuple[int, int, int]:
    """(courses, their cohorts, interventions — one per organisation that has one) over the
    cohorts in scope: the numbers :func:`offered` says, for the key figures to count alike
    (the PDF said "Modules 6, Cohorts 8" where the brief said 3 courses in 3 cohorts and
    the coaching assignments apart)."""
    courses = [c for c in s.modules if getattr(s.module(c), "is_course", True)]
    classes_ = classes(s, s.cohorts)
    interventions = sum(len({m.org_id for m in c.members if s.mine(m.org_id)})
                        for c in s.cohorts if (module := s.module(c.module_code)) is not None
                        and not module.is_course)
    return len(courses), classes_, interventions


def offered(s: Scope) -> tuple[int, int, str, str]:
    """(courses, their cohorts, the interventions in words — "" when none —, which
    sentence: "plan", "plan_with_interventions" or "plan_interventions_only") over the
    cohorts in scope."""
    L = s.L
    courses, classes, _ = counted(s)  # as the key figures count them
    added = {(n.org_id, n.module_code) for n in s.needs if n.origin == "added"}
    kinds: dict[str, int] = {}  # the follow-on interventions by kind, per organisation
    instead: list[str] = []  # the coordinator's, in place of a course
    for cohort in s.cohorts:
        module = s.module(cohort.module_code)
        if module is None or module.is_course:
            continue
        for org in sorted({m.org_id for m in cohort.members if s.mine(m.org_id)}):
            if (org, cohort.module_code) in added:
                instead.append(cohort.module_code)
            else:
                kinds[module.kind] = kinds.get(module.kind, 0) + 1
    parts = [L.count(f"n.follow_on.{kind}", n) if f"n.follow_on.{kind}" in L.table
             else L.count("n.interventions", n) for kind, n in sorted(kinds.items())]
    if instead:
        parts.append(L.t("n.instead", n=len(instead), codes=L.commas(sorted(set(instead)))))
    key = ("plan" if not parts else "plan_with_interventions" if courses
           else "plan_interventions_only")
    return courses, classes, L.commas(parts), key
