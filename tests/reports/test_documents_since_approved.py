"""An approved version's documents are what a ministry and a donor read (fresh eyes, Kenya's
follow-up): they compared with version 1, a draft no one approved ("Changes since version 1:
7 edits are new or turned out differently …", the brief's "Since version 1: 9 changes"), and
the Cohorts' Month column read "Moved to March 2027 by the coordinator". They compare with
the version approved before, or say nothing; the Month column says the month."""

from __future__ import annotations

from govcap.planning import services
from govcap.planning.core.edits import MoveCohort
from govcap.planning.models import Plan
from govcap.reports import documents
from govcap.reports.labels import Labels
from govcap.reports.model import Table
from tests.planning.test_plan_views import planned  # noqa: F401  (the fixture)
from tests.reports.test_fresh_eyes_plan import document, kept


def _since(plan: Plan):
    return documents._context(plan, None, "en").changes_since


def _move(planned, plan: Plan, op_id: str, index: int) -> Plan:  # noqa: F811
    """``plan`` with one of its courses moved to another month (the draft changed in place)."""
    cohort = plan.data["cohorts"][index]
    month = next(m for m in reversed(plan.data["months"]) if m != cohort["month"])
    services.add_edit(planned.engagement, planned.coordinator, MoveCohort(
        op_id, cohort["cohort_id"], month, cohort["module_code"], cohort["language"]))
    return Plan.objects.get(pk=plan.pk)


def test_documents_compare_with_the_version_approved_before_or_say_nothing(planned):  # noqa: F811
    # version 1 stays a draft, never approved; version 2 is made after it, then edited
    planned.engagement.plan_settings.horizon_months += 1
    planned.engagement.plan_settings.save()
    second = services.generate(planned.engagement, planned.coordinator)
    second = _move(planned, second, "move-1", 0)
    assert second.version == 2 and second.based_on.version == 1
    assert not second.diff["is_empty"]  # it differs from the draft before it
    assert _since(second) is None  # nothing approved before it: nothing said
    services.approve(second, planned.coordinator)
    third = _move(planned, services.generate(planned.engagement, planned.coordinator),
                  "move-2", -1)
    assert _since(third) == 2  # the approved version 2


def test_the_cohorts_month_column_says_the_month_of_a_course_the_coordinator_moved():
    doc = document(kept())
    label = Labels("en")["col.month"]
    table = next(b for s in doc.sections for b in s.blocks if isinstance(b, Table)
                 and any(c.label == label for c in b.columns) and len(b.columns) > 4)
    column = [c.label for c in table.columns].index(label)
    months = [str(r[column]) for r in table.rows]
    assert "May 2026" in months
    assert not any("by the coordinator" in m for m in months)
