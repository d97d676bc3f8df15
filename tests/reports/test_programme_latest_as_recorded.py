"""The donor's programme counted a delivered course as its delivery records it (the cost
spent, the participants nominated) only on an earlier round's row: a latest round whose
courses ran still said its planned budget and seats. One rule now, whatever the round: a
delivered course with a record as recorded, one without as planned, and the row says so.
And its places are the courses' seats: Kenya's follow-up counted its coaching participants
among them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from govcap.orgs.models import Engagement
from govcap.planning.core.plan import SCHEDULED
from govcap.planning.services import generate
from govcap.reports.model import Money, Table
from govcap.reports.programme import CountryPlan, build_programme
from tests.demo.helpers import demo_data
from tests.reports.helpers import catalogue
from tests.reports.helpers import plan as base_plan
from tests.reports.test_programme_delivered_as_recorded import recorded

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 12, 5)


def _summary(document) -> Table:
    return next(b for b in document.sections[0].blocks if isinstance(b, Table))


def _domains(document) -> Table:
    return next(b for b in document.sections[1].blocks if isinstance(b, Table))


def _latest(recorded_all: bool):
    data = base_plan()
    done = [c for c in data.cohorts if c.status == SCHEDULED and c.month
            and c.month < "2026-12"][:2]
    records, actuals = recorded(done, recorded_all)
    latest = CountryPlan("Kenya", "Kenya — follow-up 2026", "follow-up 2026", 1,
                         dt.date(2026, 1, 15), data, records=records, actuals=actuals)
    return build_programme([latest], "Programme", "en", [], today=DAY), done, latest


def _seats(cohort) -> int:
    return sum(m.participants for m in cohort.members)


def test_a_latest_round_counts_its_delivered_courses_as_recorded() -> None:
    document, done, latest = _latest(recorded_all=True)
    row = _summary(document).rows[0]
    assert row[2].endswith("courses delivered, as recorded; the rest of the plan as "
                           "planned")
    budget = latest.data.budget.total_cents
    planned = sum(c.cost_cents for c in done)
    assert isinstance(row[8], Money) and row[8].cents == budget - planned + 123_456 + 98_765
    assert row[6] == latest.places - sum(_seats(c) for c in done) + 11 + 7
    assert _summary(document).total[6] == row[6]
    domains = _domains(document)
    assert domains.total[1] == row[6] and domains.total[-1].cents == row[9].cents
    notes = " ".join(b.text for b in document.sections[0].blocks if hasattr(b, "text"))
    assert ("A delivered course is counted, whatever its round, at the cost its delivery "
            "records") in notes and "a course with no record is counted as planned" in notes


def test_a_latest_rounds_course_without_a_record_is_counted_as_planned_and_said_so() -> None:
    document, done, latest = _latest(recorded_all=False)
    row = _summary(document).rows[0]
    assert row[2].endswith("as recorded; 1 cohort with no record and the rest of the "
                           "plan as planned")
    assert row[8].cents == latest.data.budget.total_cents - done[0].cost_cents + 123_456
    assert row[6] == latest.places - _seats(done[0]) + 11


def test_places_are_the_courses_seats_not_the_coachings_participants() -> None:
    demo_data()
    draft = generate(Engagement.objects.get(slug="kenya-follow-up-2026"),
                     get_user_model().objects.get(username="demo-coordinator-ke"))
    data = draft.plan_data()
    by_code = catalogue("en").by_code
    scheduled = [c for c in data.cohorts if c.status == SCHEDULED and c.month]
    seats = sum(_seats(c) for c in scheduled if by_code[c.module_code].is_course)
    assert seats < sum(_seats(c) for c in scheduled), "the plan has coaching participants"
    p = CountryPlan("Kenya", "Kenya — follow-up 2026", "follow-up 2026", draft.version,
                    dt.date(2026, 12, 1), data, records={}, actuals={})
    document = build_programme([p], "Programme", "en", [], today=DAY)
    assert _summary(document).rows[0][6] == _summary(document).total[6] == seats
    assert _domains(document).total[1] == seats
    lead = document.sections[0].blocks[0].text.replace("\xa0", " ")
    assert f"for {seats} participant places" in lead
