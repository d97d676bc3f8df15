"""The coordinator's guide says how long a follow-up link stays open as the code keeps it
(``evaluation.open_link``): to the end of the 3-to-6-month window, not a flat 30 days."""

from __future__ import annotations

import re
from pathlib import Path

from govcap.delivery.core import evaluation as rules

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "coordinator-guide.md"


def _follow_ups_paragraph() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("**Follow-ups (level 3).**")
    return " ".join(text[start:text.index("\n\n", start)].split())


def test_the_guide_keeps_a_follow_up_link_open_through_its_window() -> None:
    said = _follow_ups_paragraph()
    assert "(30 days)" not in said
    assert (f"open until the end of its follow-ups' window (23:59, in the course's country, "
            f"on the day {rules.FOLLOW_UP_CLOSE_MONTHS} months after the course ended), and "
            f"at least {rules.FOLLOW_UP_LINK_DAYS} days from when it is opened") in said


def test_the_guide_names_the_window_the_level_3_figure_counts() -> None:
    said = _follow_ups_paragraph()
    window = f"{rules.FOLLOW_UP_DUE_MONTHS} to {rules.FOLLOW_UP_CLOSE_MONTHS} months"
    assert window in said and "reported apart" in said
    # every number of months the paragraph gives is one of the rules'
    months = {int(n) for n in re.findall(r"(\d+) months", said)}
    assert months <= {rules.FOLLOW_UP_DUE_MONTHS, rules.FOLLOW_UP_CLOSE_MONTHS}, months
