"""A version made after another says in its documents what the plan page says changed
("What changed since version 1": courses moved, the budget before and now): Somalia's
approved v2 cost more than v1 and its PDF/DOCX/brief never said why."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from govcap.orgs.models import Engagement
from govcap.planning import services, wording
from govcap.planning.core.edits import DropModule
from govcap.planning.models import Plan
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text


@pytest.mark.django_db
def test_documents_say_what_changed_since_the_version_before():
    demo_data()
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


@pytest.mark.django_db
def test_documents_name_the_edits_that_changed_instead_of_a_missing_edits_chapter():
    # the baseline's v2 PDF said "2 edits are new or turned out differently; see Edits.":
    # the documents have no Edits chapter (issue 14)
    demo_data()
    somalia = Engagement.objects.get(slug="somalia-baseline-2026")
    draft = services.generate(somalia, None)  # a draft after the approved version
    need = draft.data["needs"][0]
    coordinator = get_user_model().objects.get(username="demo-coordinator-so")
    services.add_edit(somalia, coordinator,
                      DropModule("drop-1", need["org_id"], need["module_code"]))
    plan = services.latest_plan(somalia)
    assert plan.based_on_id and plan.data["operations"]
    ops = plan.data["operations"]
    # the replay's outcome of these edits differs from the version before (as the stored
    # diff of a re-generated version says it)
    plan.diff = {**(plan.diff or {}), "is_empty": False, "operations_changed": [
        {"key": op["op_id"], "before": {"status": "conflict", "message": ""},
         "after": {"status": op["status"], "message": op["message"]}} for op in ops]}
    changed = len(ops)
    text = normalise(docx_text(documents.render(plan, "docx", language="en")))
    assert "see Edits" not in text
    said = f"{changed} edit{'s are' if changed > 1 else ' is'} new or turned out differently: "
    assert said in text
    listed = text.split(said, 1)[1].split(".", 1)[0]
    assert listed.count("(done)") + listed.count("(conflicts)") + listed.count(
        "(no longer applies)") + listed.count("(nothing to change)") == changed


@pytest.mark.django_db
def test_documents_name_the_round_before_in_their_language():
    # the Swahili and Arabic briefs said "Tangu Baseline" / "منذ Baseline" (issue 14)
    from django.utils import translation

    from govcap.orgs.names import round_name

    demo_data()
    later = Engagement.objects.filter(round_number__gt=0).order_by("pk").first()
    plan = services.generate(later, None)
    assert plan.data["extra"]["previous_round"]
    before = Engagement.objects.filter(country=plan.engagement.country,
                                       round_number__lt=plan.engagement.round_number
                                       ).order_by("-round_number").first()
    with translation.override("fr"):
        french = round_name(before.round_number, before.start_date.year)
    assert french != plan.data["extra"]["previous_round"]
    text = normalise(docx_text(documents.render(plan, "brief-docx", language="fr")))
    assert normalise(f"Depuis {french}") in text, text
    assert f"Depuis {plan.data['extra']['previous_round']} " not in text
