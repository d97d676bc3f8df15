"""One organisation's priorities carry the national plan's numbers everywhere, said as such
(fresh eyes, Kenya's follow-up): the Ministry of Health's page ranked its courses 1 and 2
where its PDF said 2 and 3; its brief listed its coaching before the course the coaching
follows, and the School of Government's brief gave its only course "Priority 4" unsaid."""

from __future__ import annotations

import types

from django.utils import translation

from govcap.planning import pages
from govcap.reports.brief import _after_its_course
from govcap.reports.labels import Labels
from govcap.reports.plan import render_brief
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, plan
from tests.reports.test_docx import docx_text


def test_an_organisations_page_numbers_its_priorities_as_its_documents(db):
    data = plan()
    scope = Scope(data, context("en", "org-c"), catalogue("en"), Labels("en"))
    with translation.override("en"):
        view = pages.overview(data, catalogue("en"), "org-c")
    shown = {row.need.module_code: row.priority for row in view.needs if row.priority}
    assert shown and min(shown.values()) > 1  # this organisation's first is not the plan's
    assert shown == {code: scope.ranks[code] for code in shown}


def test_an_organisations_brief_says_its_numbers_are_the_national_plans(db):
    text = docx_text(render_brief(plan(), context("en", "org-c"), "docx",
                                  catalogue=catalogue("en")))
    assert "of the national plan: " in text
    assert "Priority 1: " not in text


def test_a_coaching_is_listed_after_the_course_it_follows():
    s = types.SimpleNamespace(catalogue=types.SimpleNamespace(
        coached_after={"POL-901": ("POL-101", "POL-102")}))
    assert _after_its_course(s, ["CHG-101", "POL-901", "POL-102", "SVC-101"]) == [
        "CHG-101", "POL-102", "POL-901", "SVC-101"]
    assert _after_its_course(s, ["POL-901", "SVC-101"]) == ["POL-901", "SVC-101"]
