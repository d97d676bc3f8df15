"""The assumptions say how the modules of one step are ordered: companions, placed by
priority, the lower-numbered first among equals — a reader takes EA-102 before EA-101 for
an error otherwise."""

from __future__ import annotations

from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text


def test_the_assumptions_say_how_a_step_s_modules_are_ordered(render):
    text = normalise(docx_text(render("docx", "en")))
    assumptions = text.split("Assumptions")[-1]
    assert ("The modules of one step (such as EA-101 and EA-102) complement each other and "
            "neither requires the other: the schedule places them by priority") in assumptions
