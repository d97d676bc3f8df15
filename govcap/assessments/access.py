"""The sessions a user may see, as a queryset: the rule is ``accounts.scoping``'s
(``sessions_in``), applied here to the session table, which belongs to this package."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from govcap.accounts import scoping
from govcap.assessments.models import Session


def sessions(user) -> QuerySet:
    """Every session the user may see, with its engagement, organisation and country."""
    qs = Session.objects.select_related("engagement", "organisation", "engagement__country")
    return scoping.sessions_in(user, qs)


def internal_sessions(user) -> QuerySet:
    """The sessions whose internal text (notes, evidence, dissent, quotes, their coding) the
    user reads: their facilitators and coordinators, and administrators. Programme managers
    and viewers read only what a session shared for documents (assessments.sharing)."""
    qs = sessions(user)
    scope = scoping.scope_of(user)
    if scope.is_admin:
        return qs
    assigned = Exists(Session.facilitators.through.objects.filter(
        session_id=OuterRef("pk"), user_id=user.pk))
    return qs.filter(Q(engagement_id__in=scope.coordinator_of)
                     | (Q(engagement_id__in=scope.facilitator_of) & Q(assigned)))
