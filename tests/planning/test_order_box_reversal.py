"""The plan page's "Not in the order the catalogue sets" box lists a 102 a coordinator moved
before its 101 (issue 14): it listed only courses before a prerequisite, so after such a move
it stayed empty though the move had reversed the order the catalogue teaches them in."""

from __future__ import annotations

import pytest

from govcap.planning import wording

from .test_edits_on_the_page import EA1, EA2, courses, months, move, page
from .test_plan_views import planned  # noqa: F401  (the fixture)

BOX = "Not in the order the catalogue sets:"


@pytest.mark.django_db
def test_the_box_lists_a_102_moved_before_its_101(client, planned) -> None:  # noqa: F811
    client.force_login(planned.coordinator)
    second = courses(planned)["EA-102"]["month"]
    late = min(m for m in months(planned) if m > second)
    move(client, planned, "late", "EA-101", late)
    assert BOX not in page(client, planned)  # EA-102 still after EA-101: nothing to list
    move(client, planned, "early", "EA-102", second)
    shown = page(client, planned)
    assert BOX in shown
    box = shown.split(BOX)[1].split("</ul>")[0]
    assert (f"A move by the coordinator put {EA2} in {wording.month_label(second)} before "
            f"{EA1} in {wording.month_label(late)}, the reverse of the order they are taught "
            f"in, for these organisations: ICT Authority, Ministry of ICT.") in box, box
