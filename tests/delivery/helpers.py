"""An approved plan of the `world` fixture and a delivery of its first course."""

from __future__ import annotations

import datetime as dt

from govcap.delivery import services
from govcap.delivery.models import Delivery
from govcap.planning.models import Plan


def approved_plan(w) -> Plan:
    from govcap.planning.catalogues import ensure_default_catalogue
    from govcap.planning.services import generate
    from tests.planning.test_plan_models import validated

    ensure_default_catalogue()
    validated(w, w.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "basic"})
    validated(w, w.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    plan = generate(w.engagement, w.coordinator)
    # approval refuses a schedule that has begun (the test's clock): the status is the point
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.APPROVED)
    plan.refresh_from_db()
    return plan


def delivered(w) -> dict:
    """The approved plan, its first course delivered by the world's provider with one
    nominee (T1, of the ministry)."""
    plan = approved_plan(w)
    cohort = plan.data["cohorts"][0]
    delivery = services.create_delivery(w.coordinator, plan, cohort["cohort_id"])
    Delivery.objects.filter(pk=delivery.pk).update(provider=w.training_provider, days=2)
    delivery.refresh_from_db()
    trainee = services.nominate(w.coordinator, delivery, services.Nomination(
        organisation_id=w.ministry.pk, role_title="Systems analyst", gender="female",
        name="Amina W."))
    return {"plan": plan, "delivery": delivery, "trainee": trainee, "cohort": cohort}
