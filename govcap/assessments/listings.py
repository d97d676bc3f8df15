"""Engagements and sessions as plain rows, for the CLI listings (and their --json)."""

from __future__ import annotations

from django.db.models import Count, Prefetch

from govcap.assessments.models import Rating, Session
from govcap.orgs.models import Engagement


def engagement_rows(engagements=None) -> list[dict]:
    qs = (engagements if engagements is not None else Engagement.objects.all()).select_related(
        "country", "instrument"
    ).annotate(n_orgs=Count("organisations", distinct=True), n_sessions=Count("sessions", distinct=True))
    return [
        {
            "slug": e.slug,
            "id": str(e.uuid),
            "name": e.name,
            "country": e.country.code,
            "round": e.round_number,
            "instrument": f"{e.instrument.key}@{e.instrument.version}",
            "organisations": e.n_orgs,
            "sessions": e.n_sessions,
            "status": e.status,
            "demo": e.is_demo,
        }
        for e in qs.order_by("country__name", "round_number", "name")
    ]


def session_rows(sessions=None) -> list[dict]:
    consensus = Prefetch("ratings", queryset=Rating.objects.filter(rater=None), to_attr="consensus")
    qs = (sessions if sessions is not None else Session.objects.all()).select_related(
        "engagement", "engagement__country", "organisation"
    ).prefetch_related(consensus)
    return [
        {
            "id": str(s.uuid),
            "engagement": s.engagement.slug,
            "country": s.engagement.country.code,
            "organisation": s.organisation.name,
            "date": s.scheduled_date.isoformat() if s.scheduled_date else None,
            "status": s.status,
            "levels": {r.section_key: r.level or None for r in s.consensus},
            "demo": s.is_demo,
        }
        for s in qs.order_by("engagement__slug", "organisation__name", "scheduled_date", "id")
    ]
