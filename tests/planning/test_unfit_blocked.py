"""A course that found no month says which organisation's calendar (or which rule) kept it
out: 'No month with free capacity' alone let a reader see free months for the organisation
in the load table and wonder why."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcap.orgs.models import Engagement
from govcap.planning import Constraints, Targets, generate_plan, services, wording
from govcap.planning.core.inputs import OrgCapacity
from govcap.reports import documents
from govcap.scale import Level
from tests.demo.helpers import demo_data
from tests.planning.test_plan_page_path import text_of
from tests.reports.test_docx import docx_text

from .helpers import CATALOGUE, everyone, org_rows

B = Level.BASIC


def test_a_need_not_placed_names_the_organisation_whose_calendar_kept_its_course_out():
    # Issue 14's re-check: the others' course went without the busy ministry (before, all
    # four were left out, the others told it was the busy ministry's calendar).
    rows = everyone(3, {"enterprise-architecture": B}) + org_rows(
        "busy", {"enterprise-architecture": B}, name="Ministry of Busy Days")
    days = CATALOGUE.by_code["EA-101"].days
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints(
        "2026-07", horizon_months=3, max_parallel=6,
        capacity_overrides={"busy": OrgCapacity(days_per_month=days - 1)}))
    placed = {n.org_id: n.month for n in plan.needs if n.module_code == "EA-101"}
    assert all(placed[f"org{i:02d}"] for i in range(3)) and placed["busy"] is None
    unfit = next(u for u in plan.unfit if u.org_id == "busy" and u.module_code == "EA-101")
    assert unfit.reason == "capacity"
    assert [b.facts["org"] for b in unfit.blocked] == ["busy"]
    words = wording.unfit_reason(unfit, plan, wording.Namer(CATALOGUE, plan))
    assert "Ministry of Busy Days" in words and f"({days - 1})" in words
    assert words.startswith("No month in the plan has room for it: ")


def test_a_month_rule_is_said_with_its_organisation_and_how_many_months_it_stopped():
    # Each organisation left out of EA-101 is told of its own calendar: CHG-201 (July) and
    # CHG-202 (August) leave it too few days in both months of the plan.
    rows = everyone(3, {"enterprise-architecture": B}) + org_rows(
        "busy", {"enterprise-architecture": B, "change-management": B})
    plan = generate_plan(rows, CATALOGUE, Targets(
        strategic_sections=frozenset({"change-management"})), Constraints(
        "2026-07", horizon_months=2, max_parallel=6,
        capacity_overrides={"busy": OrgCapacity(days_per_month=3)}))
    for org in ("org00", "org01"):
        unfit = next(u for u in plan.unfit if u.org_id == org and u.module_code == "EA-101")
        assert unfit.reason == "capacity"
        assert {(b.rule, b.facts["org"], b.months) for b in unfit.blocked} == {
            ("org-month-days", org, 2)}
        words = wording.unfit_reason(unfit, plan, wording.Namer(CATALOGUE, plan))
        assert (f"in 2 months, e.g. Ministry {org} would have 7 training days in "
                f"{wording.month_label('2026-07')}, its limit is 5") in words


@pytest.mark.django_db
def test_the_page_and_the_documents_say_which_organisation_blocked_it(client,
                                                                      django_user_model):
    demo_data()
    admin = django_user_model.objects.create_superuser("reader", password="pw-1-tests")
    somalia = Engagement.objects.get(slug="somalia-baseline-2026")
    plan = services.generate(somalia, admin)
    data = plan.plan_data()
    names = {o.org_id: o.org_name for o in data.organisations}
    blocked = [u for u in data.unfit if u.reason == "capacity" and u.blocked]
    assert blocked
    client.force_login(admin)
    page = " ".join(text_of(client.get(reverse("plan", args=[somalia.slug])
                                       + f"?v={plan.version}").content.decode()).split())
    docx = docx_text(documents.render(plan, "docx"))
    assert "No month with free capacity in the horizon." not in docx
    for u in blocked:
        org = names[u.blocked[0].facts["org"]]
        assert f"e.g. {org} would have" in page
        assert f"e.g. {org} would have" in docx
    assert "No month in the plan has room for it: in " in page
    assert "No month in the plan had room for it: in " in docx
