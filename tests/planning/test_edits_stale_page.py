"""An edit made from a plan page opened before the plan changed (in a second tab, or by
another coordinator) hits the course the page showed, or is refused and says why."""

from __future__ import annotations

import pytest

from .test_plan_views import planned  # noqa: F401  (the fixture)


def _said(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


@pytest.mark.django_db
def test_a_course_edit_from_a_page_opened_before_the_plan_changed_hits_the_course_shown(
        client, planned) -> None:  # noqa: F811
    """A second tab (or another coordinator) changed the plan after this page was opened:
    the form's course number may now be another course's. The organisations it showed
    find the course; when none has them, nothing is saved and the page says why."""
    from django.urls import reverse

    from govcap.planning import services
    from govcap.planning.models import PlanEdit

    client.force_login(planned.coordinator)
    url = reverse("plan", args=[planned.engagement.slug])
    shown = client.get(url).content.decode()
    ea = next(c for c in planned.plan.data["cohorts"] if c["module_code"] == "EA-101")
    members = ",".join(m["org_id"] for m in ea["members"])
    assert f'name="members" value="{members}"' in shown  # the form says who is in it
    month = next(m for m in planned.plan.data["months"] if m != ea["month"])
    edit = reverse("plan-edit", args=[planned.engagement.slug, "move-cohort"])
    # the page said course number 2, since renumbered to 1: moved all the same
    response = client.post(edit, {"op_id": "tab", "cohort": "EA-101/en/02",
                                  "members": members, "month": month}, follow=True)
    assert PlanEdit.objects.get(op_id="tab").operation["cohort_id"] == ea["cohort_id"]
    moved = next(c for c in services.latest_plan(planned.engagement).data["cohorts"]
                 if c["module_code"] == "EA-101")
    assert moved["month"] == month, _said(response)
    # a course whose organisations no longer take it: not saved, and said
    response = client.post(edit, {"op_id": "gone", "cohort": ea["cohort_id"],
                                  "members": "someone-else", "month": month}, follow=True)
    assert not PlanEdit.objects.filter(op_id="gone").exists()
    assert "the plan changed since this page was opened" in _said(response)
    # moving an organisation into a course chosen on a page older than the plan: refused
    need = f"{ea['members'][0]['org_id']}|EA-101"
    response = client.post(reverse("plan-edit", args=[planned.engagement.slug, "move-member"]),
                           {"op_id": "mm", "need": need, "cohort": ea["cohort_id"],
                            "seen": "an older checksum"}, follow=True)
    assert not PlanEdit.objects.filter(op_id="mm").exists()
    assert "choose the course again" in _said(response)
