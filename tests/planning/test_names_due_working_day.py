"""Names are asked by a working day of the plan's country (fresh eyes, Kenya's follow-up):
its documents asked for them by Saturday 3 April and Sunday 4 July 2027. A day on the
weekend or a public holiday moves to the working day before."""

from __future__ import annotations

import datetime as dt

from govcap.planning.core import blackouts
from govcap.planning.core.inputs import nominations_due
from govcap.reports.labels import Labels
from govcap.reports.nominations import due_day
from govcap.reports.scope import Scope
from tests.reports.helpers import catalogue, context, plan

MADE = dt.date(2026, 12, 5)


def test_a_day_on_the_weekend_moves_to_the_friday_before():
    assert nominations_due(MADE, "2027-05") == dt.date(2027, 4, 3)  # a Saturday
    assert blackouts.names_due(MADE, "2027-05", "KE") == dt.date(2027, 4, 2)
    assert blackouts.names_due(MADE, "2027-08", "KE") == dt.date(2027, 7, 2)  # not Sunday 4
    # Djibouti's weekend is Friday and Saturday: Saturday 3 April goes to Thursday 1 April
    assert blackouts.names_due(MADE, "2027-05", "DJ") == dt.date(2027, 4, 1)


def test_a_public_holiday_moves_to_the_working_day_before(monkeypatch):
    friday = dt.date(2027, 4, 2)
    monkeypatch.setattr(blackouts, "_public_days", lambda country, year: frozenset({friday}))
    assert blackouts.names_due(MADE, "2027-05", "KE") == dt.date(2027, 4, 1)


def test_the_plans_country_is_read_from_its_data():
    assert blackouts.country_of("KE 2026.1") == "KE"
    assert blackouts.country_of("", ["ramadan:3", "holiday:DJ:2027-01-01"]) == "DJ"
    assert blackouts.plan_country(plan()) in ("", *blackouts.WEEKENDS)


def test_the_documents_name_a_working_day():
    scope = Scope(plan(), context(), catalogue("en"), Labels("en"))
    made = dt.date(2026, 3, 1)  # the plan's date, a Sunday: its first month's names, that day
    days = [due_day(scope, c.month) for c in scope.cohorts]
    assert days and all(d.weekday() < 5 for d in days if d != made), days
