"""The donor's "Cohorts by quarter" counted every course of an approved plan as planned,
those whose month had passed with no delivery recorded too: it counts them apart, by what
their delivery records say (course_states, the documents' rule)."""

from __future__ import annotations

import datetime

import pytest

from govcap.reports.course_states import Recorded
from govcap.reports.labels import Labels
from govcap.reports.programme import CountryPlan, _timeline, build_programme
from tests.reports.helpers import plan

DAY = datetime.date(2026, 10, 15)  # March to September 2026 are past


def _country(records):
    return CountryPlan(country="Kenya", engagement="Kenya — baseline", round_label="Baseline",
                       version=1, approved_on=datetime.date(2026, 2, 1), data=plan(),
                       records=records)


@pytest.mark.django_db  # the plan's catalogue tells its courses from coaching
def test_past_courses_with_nothing_recorded_are_not_counted_as_planned() -> None:
    records = {"EA-201/en/01": Recorded("completed", "2026-03"),
               "EA-202/en/01": Recorded("in_progress", "2026-04"),
               "EA-301/en/01": Recorded("planned", "2026-05"),  # being prepared, month gone
               "DST-101/en/01": Recorded("planned", "2026-11"),  # moved to November
               "CHG-101/en/01": Recorded("cancelled", "2026-07")}
    L = Labels("en")
    table = _timeline([_country(records)], L, DAY)
    quarters = [c.label for c in table.columns[2:]]
    rows = {r[1]: dict(zip(quarters, r[2:], strict=True)) for r in table.rows}
    assert list(rows) == ["Delivered", "Running", "Due, not recorded as run", "Planned",
                          "Cancelled"]
    assert rows["Delivered"]["2026 Q1"] == 1 and rows["Running"]["2026 Q2"] == 1
    # EA-301 (May, being prepared), EA-302 (June, nothing), CHG-102 (August, nothing)
    assert rows["Due, not recorded as run"] == {**dict.fromkeys(quarters, 0),
                                                 "2026 Q2": 2, "2026 Q3": 1}
    # DST-101 moved to November; DST-102, SVC-101, SVC-102, PRJ-101, PRJ-102 ahead
    assert sum(rows["Planned"].values()) == 6 and rows["Planned"]["2026 Q3"] == 1
    assert sum(sum(r.values()) for r in rows.values()) == len(_country(records).cohorts)


@pytest.mark.django_db  # the document reads the plan's catalogue when not cached
def test_the_note_says_what_the_count_means() -> None:
    document = build_programme([_country({})], "t", "en", [])
    timeline = next(s for s in document.sections if s.key == "timeline")
    assert "by what their delivery records say" in timeline.blocks[0].text
