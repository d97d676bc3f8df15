"""The summary's regressions in the document's punctuation (issue 15): each was joined by
hand, "organisation, section", with a Latin comma in an Arabic plan."""
from __future__ import annotations

import dataclasses

from govcap.reports.labels import Labels
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, plan


def test_a_regression_names_the_organisation_and_section_with_the_languages_comma():
    from govcap.reports.build import change_in_words
    from govcap.scale import Level

    data = plan()
    first = data.sections[0]
    data = dataclasses.replace(data, sections=(
        dataclasses.replace(first, current=Level(1), previous=Level(2), change="regressed"),
        *data.sections[1:]))
    ctx = dataclasses.replace(context("ar"), previous_round="خط الأساس 2025")
    scope = Scope(data, ctx, catalogue("ar"), Labels("ar"))
    [_since, regressions] = change_in_words(scope)
    assert f"{scope.names[first.org_id]}، " in regressions.replace("\u2069", "")
    assert "," not in regressions, regressions
