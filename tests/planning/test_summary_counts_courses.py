"""The plan page's summary said "9 cohorts scheduled" for Kenya's follow-up where its key
figures and the approval said "Cohorts 3 / Coaching and other interventions 6": it counted
every scheduled module as a cohort. It counts as the documents do (reports.module_count): the
courses' cohorts, and the coaching and other interventions apart, one per organisation."""

from __future__ import annotations

import dataclasses

from govcap.planning.pages import overview
from govcap.reports import module_count
from govcap.reports.labels import Labels
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, plan


def test_the_summary_counts_courses_and_coaching_apart() -> None:
    data, cat = plan(), catalogue("en")
    first = next(c for c in data.cohorts if c.month)
    coaching = dataclasses.replace(cat.by_code[first.module_code], code="CHG-901",
                                   kind="coaching")
    cat = dataclasses.replace(cat, interventions=(*cat.interventions, coaching))
    data = dataclasses.replace(data, cohorts=tuple(
        dataclasses.replace(c, module_code=coaching.code) if c.cohort_id == first.cohort_id
        else c for c in data.cohorts))
    scheduled = [c for c in data.cohorts if c.status == "scheduled" and c.month]
    coached = len({m.org_id for m in first.members})
    counts = overview(data, cat).counts
    assert counts.cohorts == len(scheduled) - 1  # the coaching is not a cohort
    assert counts.interventions == coached > 1
    # the documents' key figures, for the same plan
    _courses, classes, interventions = module_count.counted(
        Scope(data, context("en"), cat, Labels("en")))
    assert (counts.cohorts, counts.interventions) == (classes, interventions)
