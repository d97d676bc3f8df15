"""Reassessments the monitoring chapter promises fall in months open to a focus group (not a
blackout, Ramadan-closed month nor a fiscal year-end, which comes back after the horizon),
each is paid once, and the documents state the period that holds them."""

from __future__ import annotations

import pytest

from govcap.orgs.models import Engagement
from govcap.planning import Constraints, Targets, generate_plan, services
from govcap.planning.core.committed import CommittedCohort
from govcap.planning.core.inputs import MonthBlock
from govcap.planning.core.ratecard import country_rate_card
from govcap.reports import documents
from govcap.reports.labels import Labels
from govcap.scale import Level
from tests.demo.helpers import demo_data
from tests.reports.test_docx import docx_text

from .helpers import CATALOGUE, ROOMY, everyone

B = Level.BASIC


def _constraints(**kwargs) -> Constraints:
    return Constraints(
        "2026-07", blackout_months=frozenset({"2027-02"}), month_blocks=(
            MonthBlock("2026-12", 23, 23, ("fiscal-year-end",)),
            MonthBlock("2027-02", 20, 15, ("ramadan:15",))), **ROOMY, **kwargs)


def test_no_reassessment_in_a_closed_month_or_a_fiscal_year_end() -> None:
    rows = everyone(3, {"enterprise-architecture": B, "change-management": B,
                        "agile-methodology": B, "project-management": B})
    for after in range(1, 13):
        constraints = _constraints(reassess_after_months=after)
        plan = generate_plan(rows, CATALOGUE, Targets(), constraints)
        due = {i.reassess_month for i in plan.indicators if i.reassess_month}
        assert due, after
        assert not due & constraints.closed_months, after
        assert not any(m.endswith("-12") for m in due), (after, due)
        for i in plan.indicators:
            if i.reassess_month:
                assert i.reassess_month >= i.last_training_month


def test_every_reassessment_promised_is_paid_once() -> None:
    rows = everyone(3, {"enterprise-architecture": B, "change-management": B,
                        "agile-methodology": B, "project-management": B})
    plan = generate_plan(rows, CATALOGUE, Targets(default=Level.HIGH), _constraints(
        rate_card=country_rate_card("KE", "2026-12-04")))
    promised = sorted({(i.org_id, i.reassess_month) for i in plan.indicators
                       if i.reassess_month})
    paid = sorted((line.org_id, line.month) for line in plan.budget.lines
                  if line.category == "reassessment")
    assert paid == promised and len(paid) == len({org for org, _ in paid})  # one each


@pytest.mark.django_db
def test_the_documents_state_the_period_that_holds_the_reassessments():
    demo_data()
    somalia = Engagement.objects.get(slug="somalia-baseline-2026")
    plan = services.generate(somalia, None)
    data = plan.plan_data()
    due = sorted(i.reassess_month for i in data.indicators if i.reassess_month)
    assert due and not set(due) & set(data.blackout_months)
    promised = sorted({(i.org_id, i.reassess_month) for i in data.indicators
                       if i.reassess_month})
    paid = sorted((line.org_id, line.month) for line in data.budget.lines
                  if line.category == "reassessment")
    assert paid == promised
    L = Labels("en")
    docx = docx_text(documents.render(plan, "docx"))
    assert (f"The reassessments run from {L.month(due[0])} to {L.month(due[-1])}, after "
            "the training, which runs from") in docx


def test_a_course_kept_from_before_is_not_reassessed_in_the_past() -> None:
    rows = everyone(6, {"change-management": B})
    first = generate_plan(rows, CATALOGUE, Targets(), Constraints("2025-07", **ROOMY))
    done = [CommittedCohort(c.cohort_id, c.module_code, c.language, c.month, "completed",
                            tuple((m.org_id, m.participants) for m in c.members), 1)
            for c in first.cohorts if c.month]
    later = _constraints()
    second = generate_plan(rows, CATALOGUE, Targets(), later, committed=done)
    due = [i.reassess_month for i in second.indicators if i.reassess_month]
    assert due and min(due) >= later.months[0]  # the courses ended in 2025
