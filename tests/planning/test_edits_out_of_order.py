"""Moving a course before (or into the month of) the course its organisations take first —
a 201 before its 101, or a module before one the catalogue declares its prerequisite — is
said plainly: when the move is saved, in its message (or the
schedule's reason when it refuses the move), and on the page beside the courses."""

from __future__ import annotations

import json

from govcap.planning import services, wording
from govcap.planning.models import Plan

from .test_edits_on_the_page import EA1, EA2, courses, move, page, said
from .test_plan_views import planned  # noqa: F401  (the fixture)


def test_a_102_moved_into_its_101s_month_is_not_out_of_order(client,
                                                               planned) -> None:  # noqa: F811
    # EA-101 and EA-102 are one step's modules and the catalogue declares neither the
    # other's prerequisite: they complement each other, either may come first
    client.force_login(planned.coordinator)
    first = courses(planned)["EA-101"]["month"]
    message = said(move(client, planned, "early", "EA-102", first))
    assert courses(planned)["EA-102"]["month"] == first, message
    assert "should come before it" not in message and "prerequisite" not in message


def test_the_page_says_which_courses_are_out_of_the_catalogues_order(client,
                                                                     planned) -> None:  # noqa: F811
    plan = services.latest_plan(planned.engagement)
    data = json.loads(plan.data_json)
    first = next(n["month"] for n in data["needs"] if n["module_code"] == "EA-101")
    early = [n for n in data["needs"] if n["module_code"] == "EA-102"]
    for need in early:  # as a hand move the schedule let stand would leave it, with a
        need["month"] = first  # catalogue where EA-102 builds on EA-101
        need["after"] = ["EA-101"]
    Plan.objects.filter(pk=plan.pk).update(data_json=json.dumps(data))
    client.force_login(planned.coordinator)
    shown = page(client, planned).split("Courses by month")[1]
    who = ", ".join(sorted(n["org_name"] for n in early))
    assert "Not in the order the catalogue sets:" in shown
    assert (f"For {who}, {EA2} is in the same month as {EA1}, which should come before it: "
            f"{wording.month_label(first)}.") in shown, shown[:1500]
    later = [m for m in data["months"] if m > first]
    for need in early:
        need["month"] = later[0]
    Plan.objects.filter(pk=plan.pk).update(data_json=json.dumps(data))
    assert "Not in the order" not in page(client, planned)
