"""A move is previewed before it applies (issue 14): choosing the month shows what else the
move pushes (a later course that must follow it) and asks to confirm; the preview comes from
the replay that saves the move, so it names what the saved move then records; nothing
changes until confirmed; a preview of a plan that changed since is refused, and shown again
as the plan is now."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcap.accounts.models import AuditEvent
from govcap.planning import services, wording
from govcap.planning.core import edits
from govcap.planning.models import Plan, PlanEdit
from tests.planning.test_plan_page_path import text_of
from tests.planning.test_plan_views import planned  # noqa: F401  (the fixture)

EA2 = "Interoperability and standards fundamentals (EA-102)"


def course(world, code: str):
    return next(c for c in services.latest_plan(world.engagement).plan_data().cohorts
                if c.module_code == code)


def after_ea102(world) -> str:
    """A month after EA-102's: EA-101 moved there takes EA-102 after it."""
    months = services.latest_plan(world.engagement).data["months"]
    return months[months.index(course(world, "EA-102").month) + 1]


def written(world) -> tuple:
    plan = services.latest_plan(world.engagement)
    return (PlanEdit.objects.count(), Plan.objects.count(), plan.checksum, plan.version,
            AuditEvent.objects.count())


@pytest.mark.django_db
def test_the_preview_names_what_the_saved_move_then_records(planned):  # noqa: F811
    plan = services.latest_plan(planned.engagement).plan_data()
    ea101, ea102 = course(planned, "EA-101"), course(planned, "EA-102")
    month = after_ea102(planned)
    move = edits.move_cohort(plan, ea101.cohort_id, month, "p" * 32)
    nothing = written(planned)
    preview = services.preview_edit(planned.engagement, planned.coordinator, move)
    assert written(planned) == nothing  # a dry run: no edit, no version, no audit record
    assert [(m["module_code"], m["before"]) for m in preview.moved] == [
        ("EA-102", ea102.month)]
    assert preview.moved[0]["after"] > month  # it follows EA-101
    assert not preview.broken and preview.result.status == "applied"
    saved = services.add_edit(planned.engagement, planned.coordinator, move, seen=preview.seen)
    assert saved.moved_others == preview.moved  # what was shown is what the move did
    assert course(planned, "EA-102").month == preview.moved[0]["after"]


@pytest.mark.django_db
def test_a_preview_of_a_plan_changed_since_is_refused(planned):  # noqa: F811
    plan = services.latest_plan(planned.engagement).plan_data()
    move = edits.move_cohort(plan, course(planned, "EA-101").cohort_id, after_ea102(planned),
                             "p" * 32)
    preview = services.preview_edit(planned.engagement, planned.coordinator, move)
    # meanwhile another coordinator's edit: the move may now move other courses
    services.add_edit(planned.engagement, planned.coordinator,
                      edits.lock_cohort(plan, course(planned, "EA-102").cohort_id, "k" * 32))
    with pytest.raises(services.PlanStale, match="the plan changed since this preview"):
        services.add_edit(planned.engagement, planned.coordinator, move, seen=preview.seen)
    assert not PlanEdit.objects.filter(op_id="p" * 32).exists()


def _post(client, world, month: str, headers=None, **more):
    ea101 = course(world, "EA-101")
    return client.post(reverse("plan-edit", args=[world.engagement.slug, "move-cohort"]), {
        "op_id": "q" * 32, "cohort": ea101.cohort_id, "members": ",".join(ea101.org_ids),
        "month": month, "part": "cohorts", **more}, follow=True, headers=headers)


@pytest.mark.django_db
def test_the_move_form_asks_to_confirm_with_what_else_moves(client, planned):  # noqa: F811
    client.force_login(planned.coordinator)
    month, ea102 = after_ea102(planned), course(planned, "EA-102")
    nothing = written(planned)
    response = _post(client, planned, month, preview="1")
    shown = " ".join(text_of(response.content.decode()).split())
    assert written(planned) == nothing  # nothing changes until confirmed
    assert "Move this course?" in shown and "Confirm the move" in shown
    assert "Moving this also moves:" in shown
    assert ("Moving this also moves: Interoperability and standards fundamentals (EA-102) "
            f"for ICT Authority, Ministry of ICT from {wording.month_label(ea102.month)} "
            "to ") in shown, shown
    # with htmx: the same section alone, put under the form
    fragment = _post(client, planned, month, preview="1", headers={"HX-Request": "true"})
    assert b"<html" not in fragment.content and b"Moving this also moves:" in fragment.content
    # Confirm posts the move with the plan it was computed on
    seen = response.context["hidden"][-1]
    assert seen[0] == "seen" and seen[1]
    saved = _post(client, planned, month, seen=seen[1])
    message = " ".join(str(m) for m in saved.context["messages"])
    assert message.startswith("Saved: Move ") and f"This also moved: {EA2}" in message
    assert PlanEdit.objects.get(op_id="q" * 32).moved_others[0]["module_code"] == "EA-102"


@pytest.mark.django_db
def test_confirming_a_stale_preview_says_so_and_shows_it_again(client, planned):  # noqa: F811
    client.force_login(planned.coordinator)
    month = after_ea102(planned)
    seen = _post(client, planned, month, preview="1").context["hidden"][-1][1]
    plan = services.latest_plan(planned.engagement).plan_data()
    services.add_edit(planned.engagement, planned.coordinator,
                      edits.lock_cohort(plan, course(planned, "EA-102").cohort_id, "k" * 32))
    response = _post(client, planned, month, seen=seen)
    shown = " ".join(text_of(response.content.decode()).split())
    assert "Not saved: the plan changed since this preview was made" in shown
    assert "Here is what it does now: confirm it again, or cancel." in shown
    assert "Confirm the move" in shown  # the preview of the plan as it is now
    assert response.context["hidden"][-1][1] not in ("", seen)
    assert not PlanEdit.objects.filter(op_id="q" * 32).exists()
