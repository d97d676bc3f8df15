"""Participant privacy: the identified export, erasure on request, and retention.

Names and contacts live in ParticipantIdentity, apart from the codes that circulate.
Everything here is an operator's act (`govcap privacy …`) and leaves an audit event.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from govcap.accounts import audit
from govcap.accounts.exports import csv_text
from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Participant, ParticipantIdentity, Quote, Session
from govcap.orgs.models import Engagement

# Identified rows of other apps kept under the same retention rule, registered by those apps
# (govcap.delivery's trainees): each gives an engagement's rows to delete at the purge.
OTHER_IDENTIFIED: list[Callable[[Engagement], QuerySet]] = []

IDENTIFIED_HEADER = ["session", "organisation", "date", "code", "role_title", "name", "contact"]
ERASED = "erased"


class PrivacyError(Exception):
    """A message for the operator."""


def identified_rows(engagement: Engagement) -> list[list]:
    identities = (ParticipantIdentity.objects
                  .filter(participant__session__engagement=engagement)
                  .select_related("participant__session__organisation")
                  .order_by("participant__session__scheduled_date", "participant__session_id",
                            "participant_id"))
    return [[str(i.participant.session.uuid), i.participant.session.organisation.name,
             str(i.participant.session.scheduled_date or ""), i.participant.code,
             i.participant.role_title, i.name, i.contact] for i in identities]


def export_identified(engagement: Engagement, out: Path, *, actor=None, operator: str = "") -> int:
    """Write names and contacts with codes to a CSV file; audited. Returns the row count."""
    rows = identified_rows(engagement)
    with transaction.atomic():
        audit.record(actor, "export_identified", engagement, None, {
            "engagement": engagement.slug, "rows": len(rows), "file": out.name,
            "operator": operator})
        out.write_text(csv_text(IDENTIFIED_HEADER, rows), encoding="utf-8")
    return len(rows)


@dataclass
class Erasure:
    code: str
    identity_removed: bool
    quotes_removed: int
    events_redacted: int


def erase_participant(session: Session, code: str, *, actor=None, operator: str = "") -> Erasure:
    """Remove what identifies one participant of a session (name, contact, role title,
    gender, seniority) and the quotes attributed to them, also from the audit trail's
    copies. The session's ratings, notes and the code itself stay."""
    with transaction.atomic():
        participant = (Participant.objects.select_for_update()
                       .filter(session=session, code__iexact=code.strip()).first())
        if participant is None:
            raise PrivacyError(f"Session {session.uuid} has no participant {code}.")
        identity = ParticipantIdentity.objects.filter(participant=participant)
        had_identity = identity.exists()
        identity.delete()
        quotes = Quote.objects.filter(session=session, participant=participant)
        quote_uuids = list(quotes.values_list("uuid", flat=True))
        quotes.delete()
        participant.role_title = participant.gender = participant.seniority = ""
        participant.save(update_fields=["role_title", "gender", "seniority"])
        redacted = AuditEvent.redact([participant.uuid], {"role_title", "gender", "seniority"},
                                     ERASED)
        redacted += AuditEvent.redact(quote_uuids, {"text", "shared_quote"}, ERASED)
        result = Erasure(participant.code, had_identity, len(quote_uuids), redacted)
        audit.record(actor, "erase", participant, None, {
            "code": participant.code, "identity_removed": had_identity,
            "quotes_removed": len(quote_uuids), "events_redacted": redacted,
            "operator": operator}, session=session)
    return result


def months_before(when: dt.date, months: int) -> dt.date:
    year, month = divmod(when.year * 12 + when.month - 1 - months, 12)
    month += 1
    return dt.date(year, month, min(when.day, calendar.monthrange(year, month)[1]))


@dataclass
class PurgeItem:
    engagement: Engagement
    closed_on: dt.date
    identities: int


@dataclass
class PurgePlan:
    cutoff: dt.date | None
    items: list[PurgeItem] = field(default_factory=list)

    @property
    def identities(self) -> int:
        return sum(item.identities for item in self.items)


def closed_on(engagement: Engagement) -> dt.date:
    """When a closed engagement ended: its end date, else its last session change."""
    if engagement.end_date:
        return engagement.end_date
    last = engagement.sessions.aggregate(last=Max("updated_at"))["last"]
    return (last or engagement.created_at).date()


def purge_plan(today: dt.date | None = None, months: int | None = None) -> PurgePlan:
    months = settings.GOVCAP_RETENTION_MONTHS if months is None else months
    if months <= 0:
        return PurgePlan(cutoff=None)
    cutoff = months_before(today or timezone.localdate(), months)
    plan = PurgePlan(cutoff=cutoff)
    for engagement in Engagement.objects.filter(status=Engagement.Status.CLOSED).order_by("slug"):
        ended = closed_on(engagement)
        if ended <= cutoff:
            n = ParticipantIdentity.objects.filter(
                participant__session__engagement=engagement).count()
            n += sum(rows(engagement).count() for rows in OTHER_IDENTIFIED)
            if n:
                plan.items.append(PurgeItem(engagement, ended, n))
    return plan


def purge(plan: PurgePlan, *, operator: str = "") -> int:
    """Delete the identified data the plan lists; one audit event per engagement."""
    removed = 0
    with transaction.atomic():
        for item in plan.items:
            n, _ = ParticipantIdentity.objects.filter(
                participant__session__engagement=item.engagement).delete()
            for rows in OTHER_IDENTIFIED:
                n += rows(item.engagement).delete()[0]
            removed += n
            audit.record(None, "purge_identified", item.engagement, None, {
                "engagement": item.engagement.slug, "identities_removed": n,
                "closed_on": item.closed_on.isoformat(),
                "retention_months": settings.GOVCAP_RETENTION_MONTHS, "operator": operator})
    return removed
