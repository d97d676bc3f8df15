"""What the API returns, as typed schemas (they make the OpenAPI document)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from govcap.scale import NOT_ASSESSED, Level

SLUG = r"^[-a-zA-Z0-9_]{1,120}$"

# The `*Out` schemas read model instances (ninja's schemas read attributes): a dotted alias
# follows a relation, a `resolve_*` method computes a field. The JSON keys are the field
# names, as before the schemas read instances.


class Error(Schema):
    message: str
    field: str | None = None


class EngagementNamesIn(Schema):
    """The engagement's name per language, all of them: a language left out (or given an
    empty name) shows `name`."""

    names: dict[str, str]


class Page(Schema):
    """A page of a list (`api.read.LimitOffset` adds its `items`)."""

    count: int
    limit: int
    offset: int


class EngagementOut(Schema):
    uuid: UUID
    slug: str
    name: str
    names: dict[str, str] = Field(
        default_factory=dict, description="The name per language (code → name) where the "
        "coordinator gave one; a reader's page shows it, else `name`")
    country_code: str = Field(alias="country.code")
    country: str = Field(alias="country.name")
    round_number: int
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    language: str
    project_name: str
    instrument_key: str = Field(alias="instrument.key")
    instrument_version: str = Field(alias="instrument.version")
    is_demo: bool



class OrganisationOut(Schema):
    uuid: UUID
    name: str
    code: str
    kind: str
    sector: str
    country_code: str = Field(alias="country.code")
    parent: UUID | None

    @staticmethod
    def resolve_parent(o: Any) -> UUID | None:
        return o.parent.uuid if o.parent_id else None



class SessionOut(Schema):
    uuid: UUID
    engagement: str = Field(alias="engagement.slug")
    organisation: UUID = Field(alias="organisation.uuid")
    organisation_name: str = Field(alias="organisation.name")
    scheduled_date: dt.date | None
    place: str
    language: str
    status: str
    instrument_version: str = Field(alias="instrument.version")
    consent_given: bool
    submitted_at: dt.datetime | None
    validated_at: dt.datetime | None
    source_instance_id: str
    is_demo: bool



class RatingOut(Schema):
    uuid: UUID
    session: UUID = Field(alias="session.uuid")
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

    @staticmethod
    def resolve_consensus(r: Any) -> bool:
        return r.rater_id is None

    @staticmethod
    def resolve_rater(r: Any) -> str | None:
        return r.rater.username if r.rater_id else None

    @staticmethod
    def resolve_level_score(r: Any) -> int | None:
        return Level.from_key(r.level).value if r.level and r.level != NOT_ASSESSED else None



class PlanOut(Schema):
    uuid: UUID
    engagement: str = Field(alias="engagement.slug")
    version: int
    status: str
    checksum: str
    created_at: dt.datetime
    approved_at: dt.datetime | None



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
