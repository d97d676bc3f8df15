"""The programme read each approved plan's deliveries twice, once for the courses' states
(``course_states.recorded``) and once for their recorded cost and participants
(``delivered_figures.actuals``): the same rows, two queries a plan. One read gives both."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from govcap.planning.models import Plan
from govcap.reports import course_states, delivered_figures
from govcap.reports.documents import programme_plans
from tests.demo.helpers import demo_data

pytestmark = pytest.mark.django_db


def test_each_plans_deliveries_are_read_once():
    demo_data()
    manager = get_user_model().objects.get(username="demo-manager")
    with CaptureQueriesContext(connection) as done:
        found = programme_plans(manager)
    plans = [*found.plans, *found.earlier]
    assert len(plans) >= 3
    reads = [q["sql"] for q in done.captured_queries
             if 'FROM "delivery_delivery"' in q["sql"]]
    print(f"\nprogramme_plans: {len(done.captured_queries)} queries, "
          f"{len(reads)} of deliveries, {len(plans)} plans")
    assert len(reads) == len(plans)
    # and what each reads is what the two gave apart
    for stored in Plan.objects.filter(status=Plan.Status.APPROVED):
        row = next(p for p in plans if (p.engagement, p.version)
                   == (stored.engagement.local_name, stored.version))
        assert row.records == course_states.recorded(stored)
        assert row.actuals == delivered_figures.actuals(stored)
    assert any(p.actuals for p in plans), "a plan with deliveries recorded"
