"""The sessions a user may see, as a queryset: the rule is ``accounts.scoping``'s
(``sessions_in``), applied here to the session table, which belongs to this package."""

from __future__ import annotations

from django.db.models import QuerySet

from govcap.accounts import scoping
from govcap.assessments.models import Session


def sessions(user) -> QuerySet:
    """Every session the user may see, with its engagement, organisation and country."""
    qs = Session.objects.select_related("engagement", "organisation", "engagement__country")
    return scoping.sessions_in(user, qs)
