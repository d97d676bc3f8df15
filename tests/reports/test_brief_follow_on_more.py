"""The brief counts the coaching-instead-of-the-course cases it does not name (issue 14):
version 4 of the Kenya follow-up had 5 (ICT Authority CHG-901, the Immigration department's
CHG-901 and AGL-901, the Treasury's and ODPC's POL-901); its brief named 3, with no word of
the other 2 nor where to read them."""

from __future__ import annotations

import re

import pytest

from govcap.orgs.models import Engagement
from govcap.planning.services import generate
from govcap.reports import documents
from tests.demo.helpers import demo_data
from tests.reports.helpers import normalise
from tests.reports.test_docx import docx_text

LINE = re.compile(r"[^:.]+: (?:Had|Completed) [^:]*? instead of repeating the course")


@pytest.mark.django_db
def test_the_cases_not_named_are_counted_with_where_to_read_them() -> None:
    demo_data()
    plan = generate(Engagement.objects.get(slug="kenya-follow-up-2026"), None)
    follows = [n for n in plan.plan_data().needs if n.follows and n.status == "scheduled"]
    brief = normalise(docx_text(documents.render(plan, "brief-docx", language="en")))
    named = len(LINE.findall(brief))
    assert 0 < named < len(follows)
    more = len(follows) - named
    said = ("1 more gap outlived its course and gets another intervention instead: the full "
            "plan says it" if more == 1 else f"{more} more gaps outlived their course and get "
            "another intervention instead: the full plan says each")
    assert f"{said} under its organisation in “Annex: organisation profiles and evidence”." \
        in brief
    whole = normalise(docx_text(documents.render(plan, "docx", language="en")))
    annex = whole.split("Annex: organisation profiles and evidence")[-1]
    assert len(re.findall("instead of repeating the course", annex)) >= len(follows)
