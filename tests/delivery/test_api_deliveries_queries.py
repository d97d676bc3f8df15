"""GET /api/deliveries works out every listed course's costs for its reader in a fixed
number of queries: 12 courses cost no more queries than 3 (it made one to six per course,
about 200 for a page of the demo); the plan page's "planned vs delivered" reads every
course's nominees in one query."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from govcap.delivery import plan_side, services
from govcap.delivery.models import Delivery
from tests.delivery import test_narrowed_courses
from tests.delivery.test_scoping import bearer

shared = test_narrowed_courses.shared  # the fixture


def _courses(w, n: int) -> None:
    """``n`` courses in all: copies of the first course (its plan's cohort, as another
    cohort id), each with a trainee of the agency and a cost recorded."""
    base = w.delivery
    have = Delivery.objects.filter(engagement=base.engagement).count()
    for i in range(n - have):
        d = Delivery.objects.create(
            engagement=base.engagement,
            plan=base.plan,
            cohort_id=f"{base.cohort_id}-{have + i}",
            module_code=base.module_code,
            provider=base.provider,
            days=2,
            planned_cost_cents=500_000,
            cost_cents=600_000,
            planned_participants=4,
            currency=base.currency,
        )
        services.nominate(w.coordinator, d, services.Nomination(organisation_id=w.agency.pk))


def _queries(user) -> int:
    client = bearer(user)
    with CaptureQueriesContext(connection) as done:
        got = client.get("/api/deliveries?include_demo=true&limit=100")
    assert got.status_code == 200
    return len(done.captured_queries)


@pytest.mark.parametrize("who", ["coordinator", "agency_viewer", "provider"])
def test_listing_more_courses_costs_no_more_queries(shared, who):
    user = getattr(shared, who)
    _courses(shared, 3)
    three = _queries(user)
    _courses(shared, 12)
    twelve = _queries(user)
    assert (who, twelve) == (who, three)


@pytest.mark.parametrize("who", ["coordinator", "agency_viewer", "provider"])
def test_the_plans_planned_beside_delivered_reads_nominees_in_fixed_queries(shared, who):
    user = getattr(shared, who)

    def queries() -> int:
        with CaptureQueriesContext(connection) as done:
            plan_side.deliveries_of(user, shared.plan)
        return len(done.captured_queries)

    _courses(shared, 3)
    queries()  # the first reading caches the user's scope
    three = queries()
    _courses(shared, 12)
    assert (who, queries()) == (who, three)
