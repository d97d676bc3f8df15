"""What the API returns, as typed schemas (they make the OpenAPI document)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from ninja import Schema

SLUG = r"^[-a-zA-Z0-9_]{1,120}$"


class Error(Schema):
    message: str
    field: str | None = None


class Page(Schema):
    count: int
    limit: int
    offset: int


class EngagementOut(Schema):
    uuid: UUID
    slug: str
    name: str
    country_code: str
    country: str
    round_number: int
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    language: str
    project_name: str
    instrument_key: str
    instrument_version: str
    is_demo: bool


class EngagementPage(Page):
    items: list[EngagementOut]


class OrganisationOut(Schema):
    uuid: UUID
    name: str
    code: str
    kind: str
    sector: str
    country_code: str
    parent: UUID | None


class OrganisationPage(Page):
    items: list[OrganisationOut]


class SessionOut(Schema):
    uuid: UUID
    engagement: str
    organisation: UUID
    organisation_name: str
    scheduled_date: dt.date | None
    place: str
    language: str
    status: str
    instrument_version: str
    consent_given: bool
    submitted_at: dt.datetime | None
    validated_at: dt.datetime | None
    source_instance_id: str
    is_demo: bool


class SessionPage(Page):
    items: list[SessionOut]


class RatingOut(Schema):
    uuid: UUID
    session: UUID
    section_key: str
    consensus: bool
    rater: str | None
    level: str
    level_score: int | None
    not_assessed_reason: str
    confidence: str
    notes: str
    evidence: str
    dissent: str
    updated_at: dt.datetime


class RatingPage(Page):
    items: list[RatingOut]


class PlanOut(Schema):
    uuid: UUID
    engagement: str
    version: int
    status: str
    checksum: str
    created_at: dt.datetime
    approved_at: dt.datetime | None


class PlanPage(Page):
    items: list[PlanOut]


class PlanDetail(PlanOut):
    data: dict[str, Any]


class ProblemOut(Schema):
    message: str
    row: int | None
    field: str | None


class PlannedOut(Schema):
    row: int
    organisation: str
    date: dt.date | None
    participants: int
    instance_id: str


class SkippedOut(Schema):
    row: int
    instance_id: str
    reason: str


class SubmissionsOut(Schema):
    dry_run: bool
    tool: str
    created: list[PlannedOut]
    sessions: list[UUID]
    skipped: list[SkippedOut]
    notices: list[str]


class SubmissionsRefused(Error):
    problems: list[ProblemOut] = []
