"""A small programme: the world's Kenya baseline with its approved plan and one course
delivered, and a follow-up round with validated levels (minimal data, built in the test
database)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from govcap.assessments.models import Session
from govcap.delivery.models import Attendance, Delivery, Trainee
from govcap.orgs.models import Engagement
from tests.delivery.helpers import delivered
from tests.planning.test_plan_models import rate


def validated_in(engagement, org, day: dt.date, levels: dict[str, str]) -> Session:
    session = Session.objects.create(
        engagement=engagement, organisation=org, instrument=engagement.instrument,
        scheduled_date=day, status=Session.Status.VALIDATED, validated_at=timezone.now())
    rate(session, levels)
    return session


@pytest.fixture
def programme(world):
    """Baseline (world.engagement): the ministry and the agency at Basic in enterprise
    architecture, the ministry at Basic in change management. Its first course (an
    enterprise-architecture module) ran: T1 (ministry, woman) completed, T2 (agency, man)
    attended day 1 and dropped, T3 (ministry, woman) completed. Follow-up: the ministry at
    Moderate in both, the agency still Basic; a third session only submitted."""
    world.__dict__.update(delivered(world))
    delivery = world.delivery
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.COMPLETED, start_date=dt.date(2026, 6, 1),
        end_date=dt.date(2026, 6, 2), cost_cents=300_000)
    delivery.refresh_from_db()
    t1 = world.trainee
    t2 = Trainee.objects.create(delivery=delivery, code="T2", organisation=world.agency,
                                gender="male", seniority="middle", completion="dropped",
                                completion_reason="Transferred")
    t3 = Trainee.objects.create(delivery=delivery, code="T3", organisation=world.ministry,
                                gender="female", seniority="senior", completion="completed")
    Trainee.objects.filter(pk=t1.pk).update(completion="completed", seniority="senior")
    for trainee, days in ((t1, (1, 2)), (t2, (1,)), (t3, (1, 2))):
        for day in days:
            Attendance.objects.create(trainee=trainee, day=day, present=True)
    later = Engagement.objects.create(country=world.engagement.country, round_number=1,
                                      name="Kenya — follow-up 2027", instrument=world.instrument,
                                      start_date=dt.date(2027, 2, 1))
    later.organisations.add(world.ministry, world.agency)
    validated_in(later, world.ministry, dt.date(2027, 2, 10),
                 {"enterprise-architecture": "moderate", "change-management": "moderate"})
    validated_in(later, world.agency, dt.date(2027, 2, 11),
                 {"enterprise-architecture": "basic"})
    world.later = later
    world.t2, world.t3 = t2, t3
    return world
