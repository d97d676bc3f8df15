"""The assumptions say the two limits on an organisation's people apart (fresh eyes, Kenya's
follow-up): "to reach a course's minimum, up to 6 from one organisation" and "at most 4 of
its staff away at once" read as one limit said twice, 6 against 4. One is the seats an
organisation may fill in one course short of its minimum, the other its people away in one
month, all its courses added up."""

from __future__ import annotations

from tests.reports.test_fresh_eyes_plan import base_plan, document, text


def test_the_course_top_up_and_the_month_s_staff_away_are_said_as_two_limits() -> None:
    said = " ".join(text(document(base_plan())).split())
    c = base_plan().settings["constraints"]
    assert (f"up to {c['max_participants_per_org']} from one organisation in that course, "
            "within that organisation's limit of staff away in the month") in said
    assert (f"at most {c['staff_away']} of its staff away in one month: its participants in "
            "all that month's courses, added up") in said
    assert "away at once" not in said
