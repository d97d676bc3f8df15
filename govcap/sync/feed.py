"""The change feed: what changed after a cursor, as a batch that can travel.

The audit trail is the change log: every write of assessment data adds an `AuditEvent` in
the same transaction (id = monotonic sequence; `object_type`, `object_uuid`, the session;
`delete` events are the tombstones). A batch holds the sessions touched after the cursor
(in the bundle's serialisation, with their participants, ratings and quotes), the
engagements they belong to (country, instruments, organisations, people: what is needed to
create them on the other side) and the tombstones: the records deleted after the cursor
that are still gone when the batch is built (a participant removed and the removal undone,
or a quote deleted and saved again under its UUID, travels as the record it is now, never
as a deletion). Demo data never enter a batch.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Max, QuerySet

from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Participant, Quote, Session
from govcap.interchange import bundle as b

FORMAT = "govcap-sync"
VERSION = 1
TOMBSTONE_TYPES = {"assessments.quote": "quote", "assessments.participant": "participant"}


def head() -> int:
    return AuditEvent.objects.aggregate(m=Max("id"))["m"] or 0


def changes_since(cursor: int, sessions: QuerySet[Session] | None = None,
                  known: set[str] | None = None) -> dict[str, Any]:
    """The batch of changes after `cursor` among `sessions` (default: every session).

    A session in `known` (one the other side already holds) travels as its header and the
    records changed after the cursor only (`"partial": true`); any other, whole."""
    upto = head()
    events = AuditEvent.objects.filter(id__gt=cursor, id__lte=upto, session__isnull=False)
    touched = set(events.values_list("session_id", flat=True))
    visible = (sessions if sessions is not None else Session.objects.all()).filter(
        pk__in=touched, is_demo=False, engagement__is_demo=False)
    chosen = list(Session.objects.filter(pk__in=visible.values("pk"))
                  .select_related("engagement", "organisation", "instrument")
                  .prefetch_related("facilitators", "participants__organisation",
                                    "ratings__rater", "ratings__updated_by",
                                    "quotes__participant")
                  .order_by("uuid"))
    chosen_ids = {s.pk for s in chosen}
    changed: dict[int, set[str]] = {}  # session id -> the records changed after the cursor
    if known is not None:
        for session_id, object_uuid in events.filter(session_id__in=chosen_ids).values_list(
                "session_id", "object_uuid"):
            changed.setdefault(session_id, set()).add(str(object_uuid))
    people: set[str] = set()
    engagements: dict[str, Any] = {}
    out_sessions = []
    for s in chosen:
        data = b._session(s, s.instrument, b.BundleOptions(), people)
        data["engagement"] = str(s.engagement.uuid)
        if known is not None and data["uuid"] in known:
            for part in ("participants", "ratings", "quotes"):
                data[part] = [r for r in data[part] if r["uuid"] in changed.get(s.pk, set())]
            data["partial"] = True
        out_sessions.append(data)
        entry = engagements.setdefault(data["engagement"], (s.engagement, set(), {}))
        entry[1].update({s.organisation_id, *(p.organisation_id for p in s.participants.all())})
        entry[2][s.instrument_id] = s.instrument
    deletions = list(events.filter(action="delete", object_type__in=TOMBSTONE_TYPES,
                                   session_id__in=chosen_ids).select_related("session"))
    skip = _present({e.object_uuid for e in deletions})  # a record alive is no tombstone
    tombstones: list[dict[str, str]] = []
    for e in deletions:
        assert e.session is not None  # the events are filtered on session__isnull=False
        if str(e.object_uuid) not in skip:
            skip.add(str(e.object_uuid))  # deleted twice (removed, restored, removed): once
            tombstones.append({"type": TOMBSTONE_TYPES[e.object_type],
                               "uuid": str(e.object_uuid), "session": str(e.session.uuid)})
    return {
        "format": FORMAT, "version": VERSION, "cursor": upto,
        "engagements": [_context(e, org_ids, instruments)
                        for e, org_ids, instruments in engagements.values()],
        "people": sorted(people),
        "sessions": out_sessions,
        "tombstones": tombstones,
    }


def _present(uuids: set[Any]) -> set[str]:
    """Which of these records exist now (restored since their deletion, say)."""
    return {str(u) for model in (Participant, Quote)
            for u in model.objects.filter(uuid__in=uuids).values_list("uuid", flat=True)}


def _context(engagement: Any, org_ids: set[int], instruments: dict[int, Any]
             ) -> dict[str, Any]:
    org_ids = org_ids | set(engagement.organisations.values_list("pk", flat=True))
    instruments = {engagement.instrument_id: engagement.instrument, **instruments}
    return {
        "country": {"uuid": str(engagement.country.uuid), "code": engagement.country.code,
                    "name": engagement.country.name, "is_demo": engagement.country.is_demo},
        "instruments": sorted((b._instrument(i) for i in instruments.values()),
                              key=lambda i: (i["key"], i["version"])),
        "organisations": sorted((b._organisation(o) for o in b._with_parents(org_ids)),
                                key=lambda o: o["uuid"]),
        "engagement": b._engagement(engagement),
    }


def records_of(session: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The records of a session payload, as (kind, payload): the session itself first."""
    return [("session", session), *(("participant", p) for p in session["participants"]),
            *(("rating", r) for r in session["ratings"]),
            *(("quote", q) for q in session["quotes"])]
