"""Read endpoints: engagements, organisations, sessions, ratings, plans — all through
accounts.scoping, so the API shows exactly what the web shows the same user."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router

from govcap.accounts import scoping
from govcap.api.schemas import (
    SLUG,
    EngagementOut,
    EngagementPage,
    Error,
    OrganisationPage,
    PlanDetail,
    PlanPage,
    RatingPage,
    SessionOut,
    SessionPage,
)
from govcap.assessments import access, sharing
from govcap.assessments.models import Rating
from govcap.planning.models import Plan
from govcap.scale import NOT_ASSESSED, Level

router = Router(tags=["read"])
ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error, 422: Error}
Limit = Query(50, ge=1, le=200, description="items per page (at most 200)")
Offset = Query(0, ge=0, le=1_000_000, description="items to skip")
Status = Literal["draft", "in_progress", "submitted", "validated"]


def page(qs: QuerySet, limit: int, offset: int, out) -> dict:
    return {"count": qs.count(), "limit": limit, "offset": offset,
            "items": [out(x) for x in qs[offset:offset + limit]]}


def engagement_out(e) -> dict:
    return {"uuid": e.uuid, "slug": e.slug, "name": e.name, "country_code": e.country.code,
            "country": e.country.name, "round_number": e.round_number,
            "start_date": e.start_date, "end_date": e.end_date, "status": e.status,
            "language": e.language, "project_name": e.project_name,
            "instrument_key": e.instrument.key, "instrument_version": e.instrument.version,
            "is_demo": e.is_demo}


def organisation_out(o) -> dict:
    return {"uuid": o.uuid, "name": o.name, "code": o.code, "kind": o.kind,
            "sector": o.sector, "country_code": o.country.code,
            "parent": o.parent.uuid if o.parent_id else None}


def session_out(s) -> dict:
    return {"uuid": s.uuid, "engagement": s.engagement.slug, "organisation": s.organisation.uuid,
            "organisation_name": s.organisation.name, "scheduled_date": s.scheduled_date,
            "place": s.place, "language": s.language, "status": s.status,
            "instrument_version": s.instrument.version, "consent_given": s.consent_given,
            "submitted_at": s.submitted_at, "validated_at": s.validated_at,
            "source_instance_id": s.source_instance_id, "is_demo": s.is_demo}


def rating_out(r) -> dict:
    score = Level.from_key(r.level).value if r.level and r.level != NOT_ASSESSED else None
    return {"uuid": r.uuid, "session": r.session.uuid, "section_key": r.section_key,
            "consensus": r.rater_id is None, "rater": r.rater.username if r.rater_id else None,
            "level": r.level, "level_score": score,
            "not_assessed_reason": r.not_assessed_reason, "confidence": r.confidence,
            "notes": r.notes, "evidence": r.evidence, "dissent": r.dissent,
            "updated_at": r.updated_at}


def plan_out(p) -> dict:
    return {"uuid": p.uuid, "engagement": p.engagement.slug, "version": p.version,
            "status": p.status, "checksum": p.checksum, "created_at": p.created_at,
            "approved_at": p.approved_at}


def engagement_of(request, slug: str):
    return scoping.engagement_or_404(request.auth, slug)


@router.get("engagements", response={200: EngagementPage, **ERRORS},
            summary="Engagements you can see")
def list_engagements(request, limit: int = Limit, offset: int = Offset,
                     include_demo: bool = False):
    qs = scoping.engagements(request.auth).select_related("instrument").order_by("slug")
    if not include_demo:
        qs = qs.filter(is_demo=False)
    return page(qs, limit, offset, engagement_out)


@router.get("engagements/{slug}", response={200: EngagementOut, **ERRORS},
            summary="One engagement")
def get_engagement(request, slug: str = Path(..., pattern=SLUG)):
    return engagement_out(engagement_of(request, slug))


@router.get("engagements/{slug}/organisations", response={200: OrganisationPage, **ERRORS},
            summary="The organisations of an engagement")
def list_organisations(request, slug: str = Path(..., pattern=SLUG), limit: int = Limit,
                       offset: int = Offset):
    engagement = engagement_of(request, slug)
    qs = (scoping.organisations(request.auth).filter(engagements=engagement)
          .select_related("parent").order_by("name", "id"))
    return page(qs, limit, offset, organisation_out)


@router.get("sessions", response={200: SessionPage, **ERRORS}, summary="Sessions you can see")
def list_sessions(request, engagement: str | None = Query(None, pattern=SLUG),
                  status: Status | None = None, include_demo: bool = False,
                  limit: int = Limit, offset: int = Offset):
    qs = access.sessions(request.auth).select_related("instrument")
    if engagement is not None:
        qs = qs.filter(engagement=engagement_of(request, engagement))
    if status is not None:
        qs = qs.filter(status=status)
    if not include_demo:
        qs = qs.filter(is_demo=False, engagement__is_demo=False)
    return page(qs.order_by("scheduled_date", "id"), limit, offset, session_out)


@router.get("sessions/{uuid}", response={200: SessionOut, **ERRORS}, summary="One session")
def get_session(request, uuid: UUID):
    return session_out(get_object_or_404(access.sessions(request.auth).select_related(
        "instrument"), uuid=uuid))


@router.get("ratings", response={200: RatingPage, **ERRORS},
            summary="Ratings of the sessions you can see")
def list_ratings(request, engagement: str | None = Query(None, pattern=SLUG),
                 session: UUID | None = None, consensus: bool | None = None,
                 include_demo: bool = False, limit: int = Limit, offset: int = Offset):
    sessions = access.sessions(request.auth)
    if engagement is not None:
        sessions = sessions.filter(engagement=engagement_of(request, engagement))
    if session is not None:
        sessions = sessions.filter(uuid=session)
    if not include_demo:
        sessions = sessions.filter(is_demo=False, engagement__is_demo=False)
    qs = Rating.objects.filter(session__in=sessions.values("pk")).select_related(
        "session", "rater").prefetch_related("shared_texts")
    if consensus is not None:
        qs = qs.filter(rater__isnull=consensus)
    internal = sharing.internal_sessions(request.auth, sessions)

    def out(r) -> dict:
        row = rating_out(r)
        if internal is not None and r.session_id not in internal:  # a viewer: shared only
            shared = {t.field: t.text for t in r.shared_texts.all()}
            row.update({name: shared.get(name, "") for name in sharing.RATING_FIELDS})
        return row

    return page(qs.order_by("session__scheduled_date", "session_id", "section_key", "id"),
                limit, offset, out)


@router.get("engagements/{slug}/plans", response={200: PlanPage, **ERRORS},
            summary="Training plan versions of an engagement")
def list_plans(request, slug: str = Path(..., pattern=SLUG), limit: int = Limit,
               offset: int = Offset):
    engagement = engagement_of(request, slug)
    qs = scoping.scoped(request.auth, Plan.objects.filter(engagement=engagement))
    return page(qs.select_related("engagement").order_by("version"), limit, offset, plan_out)


@router.get("engagements/{slug}/plans/{version}", response={200: PlanDetail, **ERRORS},
            summary="One plan version with its data")
def get_plan(request, slug: str = Path(..., pattern=SLUG),
             version: int = Path(..., ge=1, le=1_000_000)):
    engagement = engagement_of(request, slug)
    plan = get_object_or_404(scoping.scoped(request.auth, Plan.objects.filter(
        engagement=engagement)).select_related("engagement"), version=version)
    return {**plan_out(plan), "data": plan.data}
