"""The minister's brief of Djibouti's approved version 1, read on 5 December 2026, listed
"Priority n: AGL-101 …, from September 2026" among what the plan proposes, for courses whose
month had passed with nothing recorded as run — said in the same brief as overdue. Its
priorities are what is still to run; the overdue courses are said as what they are ("due
September 2026, not recorded as run"), once."""

from __future__ import annotations

import re

import pytest

from govcap.reports import documents
from tests.reports.helpers import normalise
from tests.reports.test_approved_overdue import NONE, djibouti  # noqa: F401
from tests.reports.test_docx import docx_text


@pytest.mark.django_db
def test_the_briefs_priorities_are_courses_still_to_run(djibouti):  # noqa: F811
    brief = normalise(docx_text(documents.render(djibouti, "brief-docx", language="en")))
    priorities = re.findall(r"Priority \d+: ([A-Z]+-\d+) [^.]*?, from ([A-Z][a-z]+ \d{4})",
                            brief)
    assert priorities  # the plan still has courses to come
    assert not [code for code, _month in priorities if code in NONE]
    assert all(month.endswith("2027") or month == "December 2026"
               for _code, month in priorities), priorities
    for code, month in NONE.items():  # said once, as what they are
        assert brief.count(f"{code} ") == 1, code
        assert f"due {month}, not recorded as run" in brief, code
