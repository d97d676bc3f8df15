"""A course the coordinator adds says what it goes without (fresh eyes, Kenya's follow-up):
PRJ-201 added for the Kenya Revenue Authority, at its target on project execution and never
given PRJ-101, was saved with a bare "Saved", planned first. The plan counts a prerequisite
as done where the organisation already shows the level it brings (the generator's rule,
docs/coordinator-guide.md): the message names it, and the missing gap."""

from __future__ import annotations

from django.urls import reverse

from govcap.planning import services
from tests.planning.test_plan_edit_moves_others import kenya, said  # noqa: F401  (fixture)


def test_adding_a_course_names_the_prerequisite_counted_as_done_and_the_missing_gap(
        client, kenya):  # noqa: F811
    plan = services.latest_plan(kenya).plan_data()
    kra = next(o.org_id for o in plan.organisations if o.org_name == "Kenya Revenue Authority")
    response = client.post(reverse("plan-edit", args=[kenya.slug, "add-module"]),
                           {"op_id": "e" * 32, "organisation": kra, "module": "PRJ-201",
                            "part": "edits"}, follow=True)
    assert response.redirect_chain[-1][0].endswith("#messages")  # opened where it is said
    message = " ".join(said(response).split())
    assert "Saved: " in message
    assert "Kenya Revenue Authority is already at its target on" in message
    assert "requires" in message and "PRJ-101" in message
    assert "the plan counts it as done because Kenya Revenue Authority is already rated " \
           "High on" in message
