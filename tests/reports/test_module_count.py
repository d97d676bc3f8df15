"""The plan and the brief counted modules differently for the same version: the plan's
summary called every scheduled module a training module ("8 training modules"), the brief
counted the courses and named the follow-on interventions beside them ("7 training modules
and 1 follow-on coaching assignment"). One definition now (module_count.offered): courses
are the training modules, interventions are counted by kind; both documents say it alike.

Kenya's follow-up then said "3 training modules and 3 follow-on coaching assignments … in 9
cohorts" for 3 courses in 3 cohorts and 6 coaching assignments (one per organisation), one of
them Ministry of Health's POL-901, which the coordinator planned instead of POL-103: a
reader counts courses by their cohorts and coaching by organisation, the coordinator's
apart."""

from __future__ import annotations

import dataclasses

from govcap.reports.brief import proposed
from govcap.reports.build import outcome
from govcap.reports.labels import Labels
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, plan


def _with_coaching() -> Scope:
    """The test plan with its first course's module a coaching one (CHG-901's kind)."""
    data, cat = plan(), catalogue("en")
    first = next(c for c in data.cohorts if c.month)
    module = cat.by_code[first.module_code]
    coaching = dataclasses.replace(module, code="CHG-901", kind="coaching")
    cat = dataclasses.replace(cat, interventions=(*cat.interventions, coaching))
    cohorts = tuple(dataclasses.replace(c, module_code=coaching.code)
                    if c.cohort_id == first.cohort_id else c for c in data.cohorts)
    return Scope(dataclasses.replace(data, cohorts=cohorts), context("en"), cat, Labels("en"))


def test_the_plan_and_the_brief_count_the_same_modules() -> None:
    s = _with_coaching()
    courses = len(s.modules) - 1
    coached = next(c for c in s.cohorts if c.module_code == "CHG-901")
    orgs = len({m.org_id for m in coached.members})
    assert orgs > 1  # one assignment per organisation, not one per module
    said = (f"{courses} training modules in {len(s.cohorts) - 1} cohorts and {orgs} "
            "follow-on coaching assignments at the workplace, for ")
    assert outcome(s)[0].startswith(f"The plan answers them with {said}")
    assert proposed(s)[0].startswith(said)


def test_an_intervention_planned_instead_of_a_course_is_said_apart() -> None:
    s = _with_coaching()
    coached = next(c for c in s.cohorts if c.module_code == "CHG-901")
    orgs = sorted({m.org_id for m in coached.members})
    # the coordinator's "Plan CHG-901 instead" for the first organisation
    needs = tuple(dataclasses.replace(n, module_code="CHG-901", origin="added")
                  if (n.org_id, n.cohort_id) == (orgs[0], coached.cohort_id) else n
                  for n in s.plan.needs)
    s = Scope(dataclasses.replace(s.plan, needs=needs), s.ctx, s.catalogue, Labels("en"))
    follow = len(orgs) - 1
    said = (f"{len(s.modules) - 1} training modules in {len(s.cohorts) - 1} cohorts and "
            f"{follow} follow-on coaching {'assignments' if follow > 1 else ''}".rstrip()
            + " at the workplace, 1 intervention planned by the coordinator instead of a "
            "course (CHG-901), for ")
    assert outcome(s)[0].startswith(f"The plan answers them with {said}"), outcome(s)[0]
    assert proposed(s)[0].startswith(said)


def test_without_interventions_both_count_every_module() -> None:
    s = Scope(plan(), context("en"), catalogue("en"), Labels("en"))
    n = len(s.modules)
    assert outcome(s)[0].startswith(f"The plan answers them with {n} training modules "
                                    f"delivered in {len(s.cohorts)} cohorts ")
    assert proposed(s)[0].startswith(f"{n} training modules in ")
