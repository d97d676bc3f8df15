"""The assumptions say how the modules of one step are ordered, as the scheduler and the
user guide do: companions, taught in their order — the lower-numbered first for the same
organisation, in an earlier month. They used to say "the higher-numbered may come first",
while the guide said "PRJ-101 before PRJ-102 — always in an earlier month"."""

from __future__ import annotations

from pathlib import Path

from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "coordinator-guide.md"


def test_the_assumptions_say_how_a_step_s_modules_are_ordered(render):
    text = normalise(docx_text(render("docx", "en")))
    assumptions = text.split("Assumptions")[-1]
    assert ("for the same organisation the lower-numbered comes first, in an earlier "
            "month") in assumptions
    assert "higher-numbered may come first" not in assumptions


def test_the_guide_says_the_same_order():
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    assert ("for the same organisation the lower-numbered comes first, in an earlier month "
            "— PRJ-101 before PRJ-102") in guide
    assert "(PRJ-102 without PRJ-101) is never planned" not in guide
