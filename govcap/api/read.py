"""Read endpoints: engagements, organisations, sessions, ratings, plans — all through
accounts.scoping, so the API shows exactly what the web shows the same user."""

# No `from __future__ import annotations`: ninja's `paginate` wraps each endpoint and reads
# its parameters' annotations in ninja's own module, where a string like "SessionStatus"
# would not resolve.

import copy
from collections.abc import Callable
from typing import Any, Literal
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import PaginationBase, paginate

from govcap.accounts import scoping
from govcap.api.schemas import (
    SLUG,
    EngagementOut,
    Error,
    OrganisationOut,
    Page,
    PlanDetail,
    PlanOut,
    RatingOut,
    SessionOut,
)
from govcap.assessments import access, sharing
from govcap.assessments.models import Rating
from govcap.planning.models import Plan

router = Router(tags=["read"])
ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error, 422: Error}
SessionStatus = Literal["draft", "in_progress", "submitted", "validated"]


class Shown:
    """A queryset whose rows go through `show` as a page is cut from it: what a viewer is
    shown of a rating is not what is stored."""

    def __init__(self, queryset: QuerySet, show: Callable[[Any], Any]) -> None:
        self.queryset, self.show = queryset, show

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, cut: slice) -> list[Any]:
        return [self.show(row) for row in self.queryset[cut]]


class PageQuery(Schema):
    limit: int = Field(50, ge=1, le=200, description="items per page (at most 200)")
    offset: int = Field(0, ge=0, le=1_000_000, description="items to skip")


class LimitOffset(PaginationBase):
    """Ninja's limit/offset pagination, answering `{count, limit, offset, items}` (the
    limit and offset given back, as the API always did) with at most 200 items a page."""

    Input = PageQuery  # type: ignore[assignment]  # named for the OpenAPI document

    class Output(Page):  # ninja names each endpoint's `Paged<ItemSchema>`
        items: list[Any]

    def paginate_queryset(self, queryset: QuerySet | Shown, pagination: PageQuery,
                          request: HttpRequest, **params: Any) -> dict[str, Any]:
        limit, offset = pagination.limit, pagination.offset
        return {"count": queryset.count(), "limit": limit, "offset": offset,
                "items": queryset[offset:offset + limit]}


def engagement_of(request, slug: str):
    return get_object_or_404(scoping.engagements(request.auth), slug=slug)


@router.get("engagements", response={200: list[EngagementOut], **ERRORS},
            summary="Engagements you can see")
@paginate(LimitOffset)
def list_engagements(request, include_demo: bool = False):
    qs = scoping.engagements(request.auth).select_related("instrument").order_by("slug")
    if not include_demo:
        qs = qs.filter(is_demo=False)
    return qs


@router.get("engagements/{slug}", response={200: EngagementOut, **ERRORS},
            summary="One engagement")
def get_engagement(request, slug: str = Path(..., pattern=SLUG)):
    return engagement_of(request, slug)


@router.get("engagements/{slug}/organisations", response={200: list[OrganisationOut], **ERRORS},
            summary="The organisations of an engagement")
@paginate(LimitOffset)
def list_organisations(request, slug: str = Path(..., pattern=SLUG)):
    engagement = engagement_of(request, slug)
    return (scoping.organisations(request.auth).filter(engagements=engagement)
            .select_related("parent").order_by("name", "id"))


@router.get("sessions", response={200: list[SessionOut], **ERRORS},
            summary="Sessions you can see")
@paginate(LimitOffset)
def list_sessions(request, engagement: str | None = Query(None, pattern=SLUG),
                  status: SessionStatus | None = None, include_demo: bool = False):
    qs = access.sessions(request.auth).select_related("instrument")
    if engagement is not None:
        qs = qs.filter(engagement=engagement_of(request, engagement))
    if status is not None:
        qs = qs.filter(status=status)
    if not include_demo:
        qs = qs.filter(is_demo=False, engagement__is_demo=False)
    return qs.order_by("scheduled_date", "id")


@router.get("sessions/{uuid}", response={200: SessionOut, **ERRORS}, summary="One session")
def get_session(request, uuid: UUID):
    return get_object_or_404(access.sessions(request.auth).select_related("instrument"),
                             uuid=uuid)


@router.get("ratings", response={200: list[RatingOut], **ERRORS},
            summary="Ratings of the sessions you can see")
@paginate(LimitOffset)
def list_ratings(request, engagement: str | None = Query(None, pattern=SLUG),
                 session: UUID | None = None, consensus: bool | None = None,
                 include_demo: bool = False):
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

    qs = qs.order_by("session__scheduled_date", "session_id", "section_key", "id")
    if internal is None:
        return qs

    def shown(r: Rating) -> Rating:
        if r.session_id in internal:
            return r
        shared = {t.field: t.text for t in r.shared_texts.all()}
        seen = copy.copy(r)  # a viewer reads the shared wording only; nothing is saved
        for name in sharing.RATING_FIELDS:
            setattr(seen, name, shared.get(name, ""))
        return seen

    return Shown(qs, shown)


@router.get("engagements/{slug}/plans", response={200: list[PlanOut], **ERRORS},
            summary="Training plan versions of an engagement")
@paginate(LimitOffset)
def list_plans(request, slug: str = Path(..., pattern=SLUG)):
    engagement = engagement_of(request, slug)
    qs = scoping.scoped(request.auth, Plan.objects.filter(engagement=engagement))
    return qs.select_related("engagement").order_by("version")


@router.get("engagements/{slug}/plans/{version}", response={200: PlanDetail, **ERRORS},
            summary="One plan version with its data")
def get_plan(request, slug: str = Path(..., pattern=SLUG),
             version: int = Path(..., ge=1, le=1_000_000)):
    engagement = engagement_of(request, slug)
    plan = get_object_or_404(scoping.scoped(request.auth, Plan.objects.filter(
        engagement=engagement)).select_related("engagement"), version=version)
    return plan
