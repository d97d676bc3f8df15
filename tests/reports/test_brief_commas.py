"""The brief's course lines in the document's punctuation (issue 15): the Arabic brief read
"SVC-101 تعريف …, جارية", a Latin comma joined by hand between a course and its state."""
from __future__ import annotations

import dataclasses

import pytest

from govcap.reports.brief import proposed
from govcap.reports.labels import Labels
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, plan


@pytest.mark.parametrize(("language", "comma"), [("ar", "، "), ("en", ", ")])
def test_a_kept_course_and_its_state_are_joined_with_the_languages_comma(language, comma):
    data = plan()
    first = data.cohorts[0]
    data = dataclasses.replace(data, cohorts=(dataclasses.replace(first, delivery="in_progress"),
                                              *data.cohorts[1:]))
    scope = Scope(data, context(language), catalogue(language), Labels(language))
    line = next(t for t in proposed(scope) if first.module_code in t)
    title = scope.module_title(first.module_code)
    assert f"{title}{comma}" in line or f"{title}\u2069{comma}" in line, line
    if language == "ar":
        assert "," not in line, line

