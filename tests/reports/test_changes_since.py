"""A version made after another says in its documents what the plan page says changed
("What changed since version 1": courses moved, the budget before and now): Somalia's
approved v2 cost more than v1 and its PDF/DOCX/brief never said why."""

from __future__ import annotations

import pytest

from govcap.orgs.models import Engagement
from govcap.planning import services, wording
from govcap.planning.models import Plan
from govcap.reports import documents
from tests.demo.helpers import run_demo
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text


@pytest.mark.django_db
def test_documents_say_what_changed_since_the_version_before():
    run_demo()
    somalia = Engagement.objects.get(slug="somalia-baseline-2026")
    first = Plan.objects.filter(engagement=somalia).order_by("-version").first()
    plan = services.generate(somalia, None)
    assert plan.based_on_id == first.pk and plan.diff and not plan.diff.get("is_empty")
    before, after = plan.diff["total_before_cents"], plan.diff["total_after_cents"]
    assert before != after
    text = normalise(docx_text(documents.render(plan, "docx", language="en")))
    assert f"Changes since version {first.version}" in text
    budget = (f"Budget: {wording.money(before, plan.data['currency'])}, now "
              f"{wording.money(after, plan.data['currency'])}")
    assert normalise(budget) in text
    brief = normalise(docx_text(documents.render(plan, "brief-docx", language="en")))
    assert f"Since version {first.version}: " in brief
    assert normalise(f"budget {wording.money(before, plan.data['currency'])}, now") in brief
    # a first version has nothing to compare with
    if first.based_on_id is None:
        text = normalise(docx_text(documents.render(first, "docx", language="en")))
        assert "Changes since version" not in text
