"""`govcap deliveries show` says a course's nomination warnings in words, as its page does,
not by their kinds ("warning: under_plan")."""

from __future__ import annotations

import io

from django.core.management import call_command


def test_show_says_the_warnings_in_words(course):
    out = io.StringIO()
    call_command("deliveries", "show", str(course.delivery.uuid), stdout=out)
    warnings = [line for line in out.getvalue().splitlines() if "warning:" in line]
    assert warnings and not any("_plan" in line for line in warnings)
    assert any("the plan provides for" in line for line in warnings)
