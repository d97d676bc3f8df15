"""A course's costs as its reader may see them, the delivery page and the API alike: the
engagement's people read them (a viewer of some organisations only, their share, as the
results count it); a training provider none (the plan's money is the engagement's)."""

from __future__ import annotations

from dataclasses import dataclass

from govcap.accounts import scoping
from govcap.delivery import access, pages, services
from govcap.delivery.core.costs import planned_share
from govcap.delivery.models import Delivery, Trainee


@dataclass(frozen=True)
class CostsShown:
    planned_cents: int
    cost_cents: int | None  # None: not recorded
    share: float  # of the actual cost (1: all of it)
    planned_share: float  # of the planned cost, on the plan's seats
    shared: bool  # a share of the reader's organisations, not the course's whole cost


def costs_shown(user, delivery: Delivery) -> CostsShown | None:
    """None: the reader sees no cost of this course."""
    if not scoping.engagements(user).filter(pk=delivery.engagement_id).exists():
        return None
    narrowed = access.visible_orgs(user, delivery)
    if narrowed is None:
        return CostsShown(delivery.planned_cost_cents, delivery.cost_cents, 1.0, 1.0, False)
    keys = pages.org_keys(narrowed)
    theirs = pages.planned_for(services.cohort(delivery.plan, delivery.cohort_id) or {}, keys)
    share = pages.cost_share(access.trainees(user, delivery).count(),
                             Trainee.objects.filter(delivery=delivery).count(), theirs,
                             delivery.planned_participants)
    planned = planned_share(theirs, delivery.planned_participants)
    return CostsShown(round(delivery.planned_cost_cents * planned),
                      None if delivery.cost_cents is None else round(delivery.cost_cents * share),
                      share, planned, True)
