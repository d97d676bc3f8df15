"""The plan and the brief counted modules differently for the same version: the plan's
summary called every scheduled module a training module ("8 training modules"), the brief
counted the courses and named the follow-on interventions beside them ("7 training modules
and 1 follow-on coaching assignment"). One definition now (module_count.offered): courses
are the training modules, interventions are counted by kind; both documents say it alike."""

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
    said = f"{courses} training modules and 1 follow-on coaching at the workplace"
    assert outcome(s)[0].startswith(f"The plan answers them with {said}, delivered in ")
    assert proposed(s)[0].startswith(f"{said} in ")


def test_without_interventions_both_count_every_module() -> None:
    s = Scope(plan(), context("en"), catalogue("en"), Labels("en"))
    n = len(s.modules)
    assert outcome(s)[0].startswith(f"The plan answers them with {n} training modules "
                                    "delivered in ")
    assert proposed(s)[0].startswith(f"{n} training modules in ")
