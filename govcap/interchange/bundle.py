"""A JSON bundle of one engagement: schema-versioned, checksummed, reproducible.

`build_bundle` reads an engagement into plain JSON data: its country, instrument versions
(with translations), organisations, sessions with participants, consensus and raters'
ratings and quotes — every record by its UUID, every person by user name. Nothing in it
depends on the moment or the database it came from (no export time, no row IDs), so a
bundle imported into an empty database and exported again is the same bundle, byte for
byte. Demo data are refused unless asked for; participants' identities are left out
unless asked for (`identified`). `bundle_bytes` writes it as canonical JSON with a SHA-256
of each part and of the whole; `bundleio.import_bundle` reads it back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from govcap.assessments.models import Session
from govcap.orgs.models import Engagement, Organisation

FORMAT = "govcap-bundle"
SCHEMA_VERSION = 1
PARTS = ("country", "instruments", "organisations", "engagement", "people", "sessions")


@dataclass(frozen=True)
class BundleOptions:
    include_demo: bool = False
    identified: bool = False


class BundleError(ValueError):
    """Why a bundle cannot be made or read, in the user's words."""


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=_json_default).encode("utf-8")


def checksum(value: Any) -> str:
    return hashlib.sha256(canonical(value)).hexdigest()


def _json_default(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def _user(user: Any) -> str | None:
    return user.get_username() if user is not None else None


def build_bundle(engagement: Engagement, options: BundleOptions = BundleOptions()) -> dict:
    """The bundle of an engagement as JSON data (see the module's docstring)."""
    if engagement.is_demo and not options.include_demo:
        raise BundleError(f"{engagement.slug} is demo data: pass --include-demo to bundle it.")
    sessions = list(
        Session.objects.filter(engagement=engagement)
        .filter(**({} if options.include_demo else {"is_demo": False}))
        .select_related("organisation", "instrument", "consent_recorded_by", "submitted_by",
                        "validated_by")
        .prefetch_related("facilitators", "participants__identity", "participants__organisation",
                          "ratings__rater", "ratings__updated_by", "quotes__participant")
        .order_by("uuid"))
    people: set[str] = set()
    org_ids = set(engagement.organisations.values_list("pk", flat=True))
    instruments = {engagement.instrument_id: engagement.instrument}
    session_data = []
    for s in sessions:
        org_ids.add(s.organisation_id)
        instruments[s.instrument_id] = s.instrument
        data = _session(s, options, people)
        org_ids.update(p.organisation_id for p in s.participants.all())
        session_data.append(data)
    orgs = _with_parents(org_ids)
    content = {
        "country": {"uuid": str(engagement.country.uuid), "code": engagement.country.code,
                    "name": engagement.country.name, "is_demo": engagement.country.is_demo},
        "instruments": sorted((_instrument(i) for i in instruments.values()),
                              key=lambda i: (i["key"], i["version"])),
        "organisations": sorted((_organisation(o) for o in orgs), key=lambda o: o["uuid"]),
        "engagement": _engagement(engagement),
        "people": sorted(people),
        "sessions": session_data,
    }
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "identified": options.identified,
        "content": content,
        "checksums": {"parts": {p: checksum(content[p]) for p in PARTS},
                      "content": checksum(content)},
    }


def bundle_bytes(bundle: dict) -> bytes:
    """The bundle as a file: canonical JSON (sorted keys, UTF-8), one trailing newline."""
    return json.dumps(bundle, sort_keys=True, ensure_ascii=False, indent=1,
                      default=_json_default).encode("utf-8") + b"\n"


def verify(bundle: Any) -> dict:
    """The bundle's content after checking its format, version and checksums."""
    if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
        raise BundleError("This is not a govcap bundle (no \"format\": \"govcap-bundle\").")
    version = bundle.get("schema_version")
    if version != SCHEMA_VERSION:
        raise BundleError(f"Bundle schema version {version!r} is not supported; this govcap "
                          f"reads version {SCHEMA_VERSION}.")
    content = bundle.get("content")
    sums = bundle.get("checksums") or {}
    if not isinstance(content, dict) or set(content) != set(PARTS):
        raise BundleError(f"The bundle's content must hold exactly: {', '.join(PARTS)}.")
    for part in PARTS:
        if (sums.get("parts") or {}).get(part) != checksum(content[part]):
            raise BundleError(f"The checksum of “{part}” does not match: the bundle was "
                              "changed or damaged.")
    if sums.get("content") != checksum(content):
        raise BundleError("The bundle's checksum does not match: it was changed or damaged.")
    return content


# --- the parts ----------------------------------------------------------------------------


def _instrument(i: Any) -> dict:
    return {"uuid": str(i.uuid), "key": i.key, "version": i.version, "title": i.title,
            "checksum": i.checksum, "document": i.document,
            "translations": [{"language": t.language, "checksum": t.checksum,
                              "document": t.document}
                             for t in i.translations.order_by("language")]}


def _with_parents(org_ids: set[int]) -> list[Organisation]:
    found: dict[int, Organisation] = {}
    wanted = set(org_ids)
    while wanted:
        batch = list(Organisation.objects.filter(pk__in=wanted).select_related("country"))
        found.update((o.pk, o) for o in batch)
        wanted = {o.parent_id for o in batch if o.parent_id and o.parent_id not in found}
    return list(found.values())


def _organisation(o: Organisation) -> dict:
    return {"uuid": str(o.uuid), "country": str(o.country.uuid), "name": o.name,
            "code": o.code, "kind": o.kind, "sector": o.sector,
            "parent": str(o.parent.uuid) if o.parent_id else None, "is_demo": o.is_demo}


def _engagement(e: Engagement) -> dict:
    return {"uuid": str(e.uuid), "slug": e.slug, "name": e.name,
            "round_number": e.round_number, "start_date": _iso(e.start_date),
            "end_date": _iso(e.end_date), "project_name": e.project_name,
            "language": e.language, "status": e.status, "is_demo": e.is_demo,
            "instrument": {"key": e.instrument.key, "version": e.instrument.version},
            "organisations": sorted(str(u) for u in e.organisations.values_list("uuid",
                                                                                 flat=True))}


def _session(s: Session, options: BundleOptions, people: set[str]) -> dict:
    def person(user: Any) -> str | None:
        name = _user(user)
        if name:
            people.add(name)
        return name

    participants = sorted(s.participants.all(), key=lambda p: str(p.uuid))
    ratings = sorted(s.ratings.all(), key=lambda r: str(r.uuid))
    quotes = sorted(s.quotes.all(), key=lambda q: str(q.uuid))
    return {
        "uuid": str(s.uuid), "organisation": str(s.organisation.uuid),
        "instrument": {"key": s.instrument.key, "version": s.instrument.version},
        "scheduled_date": _iso(s.scheduled_date), "place": s.place, "language": s.language,
        "facilitators": sorted(person(u) or "" for u in s.facilitators.all()),
        "note_taker": s.note_taker, "status": s.status,
        "consent_given": s.consent_given, "recording_allowed": s.recording_allowed,
        "consent_note": s.consent_note, "consent_recorded_at": _iso(s.consent_recorded_at),
        "consent_recorded_by": person(s.consent_recorded_by),
        "submitted_at": _iso(s.submitted_at), "submitted_by": person(s.submitted_by),
        "validated_at": _iso(s.validated_at), "validated_by": person(s.validated_by),
        "source_instance_id": s.source_instance_id, "is_demo": s.is_demo,
        "participants": [_participant(p, options) for p in participants],
        "ratings": [{
            "uuid": str(r.uuid), "section_key": r.section_key, "rater": person(r.rater),
            "level": r.level, "not_assessed_reason": r.not_assessed_reason,
            "confidence": r.confidence, "notes": r.notes, "evidence": r.evidence,
            "dissent": r.dissent, "field_revisions": r.field_revisions,
            "updated_by": person(r.updated_by)} for r in ratings],
        "quotes": [{
            "uuid": str(q.uuid), "section_key": q.section_key,
            "participant": str(q.participant.uuid) if q.participant_id else None,
            "text": q.text, "revision": q.revision, "created_at": _iso(q.created_at)}
            for q in quotes],
    }


def _participant(p: Any, options: BundleOptions) -> dict:
    data = {"uuid": str(p.uuid), "code": p.code, "role_title": p.role_title,
            "organisation": str(p.organisation.uuid), "seniority": p.seniority,
            "gender": p.gender}
    if options.identified:
        identity = getattr(p, "identity", None) if hasattr(p, "identity") else None
        data["identity"] = ({"name": identity.name, "contact": identity.contact}
                            if identity else None)
    return data
