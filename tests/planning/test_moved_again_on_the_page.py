"""A course moved twice: the first move, replaced by the second, says so on the page
(nothing to change, and why) instead of "Done" beside a month the course is not in."""

from __future__ import annotations

from django.urls import reverse

from govcap.planning import services, wording
from govcap.planning.models import PlanEdit

from .test_edits_on_the_page import page
from .test_plan_views import planned  # noqa: F401  (the fixture)


def test_the_first_of_two_moves_of_a_course_says_a_later_edit_replaced_it(
        client, planned) -> None:  # noqa: F811
    client.force_login(planned.coordinator)
    ea = next(c for c in planned.plan.data["cohorts"] if c["module_code"] == "EA-101")
    blocked = set(planned.plan.data["blackout_months"])
    first, second = [m for m in planned.plan.data["months"]
                     if m != ea["month"] and m not in blocked][1:3]
    url = reverse("plan-edit", args=[planned.engagement.slug, "move-cohort"])
    members = ",".join(m["org_id"] for m in ea["members"])
    for op_id, month in (("first", first), ("second", second)):
        response = client.post(url, {"op_id": op_id, "cohort": ea["cohort_id"],
                                     "members": members, "month": month}, follow=True)
    said = " ".join(str(m) for m in response.context["messages"])
    later = f"a later edit puts this course in {wording.month_label(second)}"
    assert "This changed what an earlier edit does: #1" in said and later in said, said
    assert PlanEdit.objects.get(op_id="first").last_status == "noop"
    moved = next(c for c in services.latest_plan(planned.engagement).data["cohorts"]
                 if c["module_code"] == "EA-101")
    assert moved["month"] == second
    done = page(client, planned).split("What the edits did in this version")[1]
    assert "Nothing to change Move " in done and f"Why: {later}" in done, done[:600]


def test_each_move_in_the_edits_says_the_month_the_course_was_in_when_it_was_made(
        client, planned) -> None:  # noqa: F811
    client.force_login(planned.coordinator)
    ea = next(c for c in planned.plan.data["cohorts"] if c["module_code"] == "EA-101")
    blocked = set(planned.plan.data["blackout_months"])
    first, second = [m for m in planned.plan.data["months"]
                     if m != ea["month"] and m not in blocked][1:3]
    url = reverse("plan-edit", args=[planned.engagement.slug, "move-cohort"])
    members = ",".join(m["org_id"] for m in ea["members"])
    for op_id, month in (("first", first), ("second", second)):
        client.post(url, {"op_id": op_id, "cohort": ea["cohort_id"], "members": members,
                          "month": month})
    kept = page(client, planned).split("Edits kept for this engagement")[1]
    label = wording.month_label
    # the first move took the course from its generated month, not from where it is now
    assert (f"1 Move Enterprise architecture foundations for government (EA-101), "
            f"{label(ea['month'])} to {label(first)}") in kept, kept[:800]
    assert (f"2 Move Enterprise architecture foundations for government (EA-101), "
            f"{label(first)} to {label(second)}") in kept, kept[:800]
