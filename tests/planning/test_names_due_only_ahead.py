"""A course's "Names due by" asks the reader to name its participants: on Djibouti's approved
version 1, read on 5 December 2026, it still stood under AGL-101 (September), AGL-102
(October) and DST-101 (November), whose months had passed, beside "Due September 2026, not
recorded as run". It is shown only while it asks something: the course's month is not past
and no delivery records it running, done or cancelled."""

from __future__ import annotations

import re

import pytest

from govcap.planning import delivered, pages, views, wording
from govcap.planning.core.plan import Cohort
from tests.reports.test_approved_overdue import DAY, NONE, _page, djibouti  # noqa: F401

MONTHS = {"September 2026", "October 2026", "November 2026", "December 2026", "January 2027",
          "February 2027", "March 2027", "April 2027", "May 2027", "June 2027", "August 2026"}


def names_asked_under(page: str) -> dict[str, int]:
    """Each month of the cohorts table → how many of its courses ask for names."""
    found: dict[str, int] = {}
    for month, rest in re.findall(r'<tr id="course-\d+"><td class="nowrap">([^<]+)(.{0,40})',
                                  page):
        found[month] = found.get(month, 0) + ("Names due by" in rest)
    return found


@pytest.mark.django_db
def test_names_are_asked_only_for_courses_still_ahead(client, djibouti):  # noqa: F811
    asked = names_asked_under(_page(client, "demo-coordinator-dj", djibouti))
    assert set(NONE.values()) <= set(asked)
    assert not [m for m in NONE.values() if asked[m]]  # past, not recorded as run: no ask
    ahead = [m for m in asked if m in MONTHS and m not in NONE.values() and "2026" not in m]
    assert ahead and all(asked[m] for m in ahead)  # a course to come still asks


def _row(month: str) -> pages.CohortRow:
    cohort = Cohort("c1", "AGL-101", "agile", "en", (), 1.0, month=month)
    return pages.CohortRow(cohort, "Agile", "USD 1.00", (), names_due="1 November 2026")


def test_a_course_recorded_as_running_or_done_asks_no_names(monkeypatch):
    monkeypatch.setattr(wording, "_today", lambda: DAY)
    for status in ("in_progress", "completed", "cancelled"):
        record = delivered.DeliveredCohort("", "/d/1", status, month="2026-12")
        assert views._names_asked(_row("2026-12"), record).names_due == "", status
    being_prepared = delivered.DeliveredCohort("", "/d/1", "planned", month="2026-12")
    assert views._names_asked(_row("2026-12"), being_prepared).names_due == "1 November 2026"
    assert views._names_asked(_row("2027-01"), None).names_due == "1 November 2026"
    assert views._names_asked(_row("2026-11"), None).names_due == ""
