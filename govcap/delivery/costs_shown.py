"""A course's costs as its reader may see them, the delivery page and the API alike: the
engagement's people read them (a viewer of some organisations only, their share, as the
results count it); a training provider none (the plan's money is the engagement's).

Worked out for many courses at once (``costs_shown_many``: a page of the API's list) in a
fixed number of queries, whatever the number of courses."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count

from govcap.accounts import scoping
from govcap.delivery import access, pages, services
from govcap.delivery.core.costs import planned_share
from govcap.delivery.models import Delivery, Trainee
from govcap.orgs.models import Organisation


@dataclass(frozen=True)
class CostsShown:
    planned_cents: int
    cost_cents: int | None  # None: not recorded
    share: float  # of the actual cost (1: all of it)
    planned_share: float  # of the planned cost, on the plan's seats
    shared: bool  # a share of the reader's organisations, not the course's whole cost


def costs_shown(user, delivery: Delivery) -> CostsShown | None:
    """None: the reader sees no cost of this course."""
    return costs_shown_many(user, [delivery])[delivery.pk]


def costs_shown_many(user, deliveries: Sequence[Delivery]) -> dict[int, CostsShown | None]:
    """Delivery id → its costs as ``user`` reads them (None: no cost shown), by the rule
    of ``costs_shown``: the reader's scope and providers read once, the narrowed viewers'
    nominee counts and organisations in one query each."""
    scope = scoping.scope_of(user)
    seen = access.visible_orgs_many(user, deliveries)
    out: dict[int, CostsShown | None] = {}
    narrowed: dict[int, tuple[Delivery, frozenset[int]]] = {}
    for d in deliveries:
        orgs = seen[d.pk]
        if not (scope.reads_everything or d.engagement_id in scope.engagement_ids):
            out[d.pk] = None  # a training provider's course: the money is the engagement's
        elif orgs is None:
            out[d.pk] = CostsShown(d.planned_cost_cents, d.cost_cents, 1.0, 1.0, False)
        else:
            narrowed[d.pk] = (d, orgs)
    if not narrowed:
        return out
    nominees: dict[int, dict[int, int]] = defaultdict(dict)
    for delivery_id, org_id, n in (Trainee.objects.filter(delivery_id__in=list(narrowed))
                                   .values_list("delivery_id", "organisation_id")
                                   .annotate(n=Count("id")).order_by()):
        nominees[delivery_id][org_id] = n
    wanted = set().union(*(orgs for _d, orgs in narrowed.values()))
    uuids = {pk: str(u) for pk, u in Organisation.objects.filter(pk__in=list(wanted))
             .values_list("pk", "uuid")}
    # the plan's seats of a course count those of the courses merged into it, whose
    # nominees it took in (one query per level of merges)
    merged = services.merged_in_many([d for d, _orgs in narrowed.values()])
    for pk, (d, orgs) in narrowed.items():
        keys = frozenset(uuids[o] for o in orgs if o in uuids)
        theirs = services.planned_participants(d, keys, merged[pk])
        seats = services.planned_participants(d, None, merged[pk])
        counts = nominees.get(pk, {})
        share = pages.cost_share(sum(n for o, n in counts.items() if o in orgs),
                                 sum(counts.values()), theirs, seats)
        planned = planned_share(theirs, seats)
        out[pk] = CostsShown(round(d.planned_cost_cents * planned),
                             None if d.cost_cents is None else round(d.cost_cents * share),
                             share, planned, True)
    return out
