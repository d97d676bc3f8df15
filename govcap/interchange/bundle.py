"""A JSON bundle of one engagement: schema-versioned, checksummed, reproducible.

`build_bundle` reads an engagement into plain JSON data: its country, instrument versions
(with translations), organisations, sessions with participants, consensus and raters'
ratings and quotes — every record by its UUID, every person by user name. Nothing in it
depends on the moment or the database it came from (no export time, no row IDs), so a
bundle imported into an empty database and exported again is the same bundle, byte for
byte. Demo data are refused unless asked for; participants' identities are left out
unless asked for (`identified`). `bundle_bytes` writes it as canonical JSON with a SHA-256
of each part and of the whole; `write_bundle` writes the same bytes to a file holding one
session at a time; `bundleio.import_bundle` reads it back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext as _

from govcap.assessments.models import Session
from govcap.instruments.models import Instrument
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


class _Gathered:
    """What the sessions name, gathered while they are read: organisations, instrument
    versions, people."""

    def __init__(self, engagement: Engagement) -> None:
        self.org_ids = set(engagement.organisations.values_list("pk", flat=True))
        self.instruments: dict[int, Instrument] = {engagement.instrument_id: engagement.instrument}
        self.people: set[str] = set()

    def instrument(self, pk: int) -> Instrument:
        if pk not in self.instruments:
            self.instruments[pk] = Instrument.objects.get(pk=pk)
        return self.instruments[pk]


def _sessions(engagement: Engagement, options: BundleOptions, gathered: _Gathered
              ) -> Iterator[dict]:
    """The sessions' data in UUID order, read 100 at a time."""
    sessions = (
        Session.objects.filter(engagement=engagement)
        .filter(**({} if options.include_demo else {"is_demo": False}))
        .select_related("organisation", "consent_recorded_by", "submitted_by", "validated_by")
        .prefetch_related("facilitators", "participants__identity", "participants__organisation",
                          "ratings__rater", "ratings__updated_by", "quotes__participant")
        .order_by("uuid"))
    for s in sessions.iterator(chunk_size=100):
        gathered.org_ids.add(s.organisation_id)
        data = _session(s, gathered.instrument(s.instrument_id), options, gathered.people)
        gathered.org_ids.update(p.organisation_id for p in s.participants.all())
        yield data


def refuse_demo(engagement: Engagement, options: BundleOptions) -> None:
    """A demo engagement is bundled only when asked (raises BundleError)."""
    if engagement.is_demo and not options.include_demo:
        raise BundleError(_("%(engagement)s is demo data: pass --include-demo to bundle it.")
                          % {"engagement": engagement.slug})


def _content(engagement: Engagement, gathered: _Gathered, sessions: list) -> dict:
    orgs = _with_parents(gathered.org_ids)
    return {
        "country": {"uuid": str(engagement.country.uuid), "code": engagement.country.code,
                    "name": engagement.country.name, "is_demo": engagement.country.is_demo},
        "instruments": sorted((_instrument(i) for i in gathered.instruments.values()),
                              key=lambda i: (i["key"], i["version"])),
        "organisations": sorted((_organisation(o) for o in orgs), key=lambda o: o["uuid"]),
        "engagement": _engagement(engagement),
        "people": sorted(gathered.people),
        "sessions": sessions,
    }


def build_bundle(engagement: Engagement, options: BundleOptions = BundleOptions()) -> dict:
    """The bundle of an engagement as JSON data (see the module's docstring)."""
    refuse_demo(engagement, options)
    gathered = _Gathered(engagement)
    content = _content(engagement, gathered, list(_sessions(engagement, options, gathered)))
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "identified": options.identified,
        "content": content,
        "checksums": {"parts": {p: checksum(content[p]) for p in PARTS},
                      "content": checksum(content)},
    }


@dataclass(frozen=True)
class WrittenBundle:
    organisations: int
    sessions: int
    content_checksum: str


def write_bundle(engagement: Engagement, out: IO[bytes],
                 options: BundleOptions = BundleOptions()) -> WrittenBundle:
    """Write the bundle file to `out` — the bytes `bundle_bytes(build_bundle(…))` gives —
    holding one session at a time. The checksums come first in the file but depend on every
    session, so the sessions are written to two temporary files as they are read (canonical,
    for the checksums; indented, for the file), then copied after the checksums."""
    refuse_demo(engagement, options)
    gathered = _Gathered(engagement)
    sessions_sum = hashlib.sha256(b"[")
    n = 0
    with tempfile.TemporaryFile() as flat, tempfile.TemporaryFile() as pretty:
        for data in _sessions(engagement, options, gathered):
            piece = canonical(data)
            sessions_sum.update(b"," + piece if n else piece)
            flat.write(b"," + piece if n else piece)
            pretty.write((b",\n" if n else b"") + _SESSION_INDENT + _indented(data, 3))
            n += 1
        sessions_sum.update(b"]")
        head = _content(engagement, gathered, [])
        del head["sessions"]  # the last of the sorted keys: the checksum's text continues
        content_sum = hashlib.sha256(canonical(head)[:-1] + b',"sessions":[')
        flat.seek(0)
        _copy(flat, content_sum.update)
        content_sum.update(b"]}")
        parts = {p: checksum(head[p]) for p in PARTS if p != "sessions"}
        parts["sessions"] = sessions_sum.hexdigest()
        marker = f"sessions-{uuid.uuid4().hex}"
        bundle = {
            "format": FORMAT, "schema_version": SCHEMA_VERSION,
            "identified": options.identified,
            "content": {**head, "sessions": marker},
            "checksums": {"parts": parts, "content": content_sum.hexdigest()},
        }
        before, after = bundle_bytes(bundle).split(f'"{marker}"'.encode(), 1)
        out.write(before)
        if n:
            out.write(b"[\n")
            pretty.seek(0)
            _copy(pretty, out.write)
            out.write(b"\n  ]")
        else:
            out.write(b"[]")
        out.write(after)
    return WrittenBundle(len(head["organisations"]), n, content_sum.hexdigest())


_SESSION_INDENT = b"   "  # a session sits at depth 3: the bundle, its content, the list


def _indented(value: Any, depth: int) -> bytes:
    """`value` as `bundle_bytes` writes it at that depth (JSON strings hold no raw line
    break, so every line break is the indentation's)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1,
                      default=_json_default)
    return text.replace("\n", "\n" + " " * depth).encode("utf-8")


def _copy(source: IO[bytes], sink: Any) -> None:
    while chunk := source.read(256 * 1024):
        sink(chunk)


def bundle_bytes(bundle: dict) -> bytes:
    """The bundle as a file: canonical JSON (sorted keys, UTF-8), one trailing newline."""
    return json.dumps(bundle, sort_keys=True, ensure_ascii=False, indent=1,
                      default=_json_default).encode("utf-8") + b"\n"


def verify(bundle: Any) -> dict:
    """The bundle's content after checking its format, version and checksums."""
    if not isinstance(bundle, dict) or bundle.get("format") != FORMAT:
        raise BundleError(_("This is not a govcap bundle (no \"format\": \"govcap-bundle\")."))
    version = bundle.get("schema_version")
    if version != SCHEMA_VERSION:
        raise BundleError(_("Bundle schema version %(found)s is not supported; this govcap "
                            "reads version %(version)s.")
                          % {"found": repr(version), "version": SCHEMA_VERSION})
    content = bundle.get("content")
    sums = bundle.get("checksums") or {}
    if not isinstance(content, dict) or set(content) != set(PARTS):
        raise BundleError(_("The bundle's content must hold exactly: %(parts)s.")
                          % {"parts": ", ".join(PARTS)})
    # Hashed piece by piece (a list item by item): the bundle is never held twice.
    whole = hashlib.sha256(b"{")
    for n, part in enumerate(sorted(PARTS)):  # canonical JSON sorts the keys
        whole.update((b"," if n else b"") + canonical(part) + b":")
        part_sum = hashlib.sha256()
        for piece in _canonical_pieces(content[part]):
            part_sum.update(piece)
            whole.update(piece)
        if (sums.get("parts") or {}).get(part) != part_sum.hexdigest():
            raise BundleError(_("The checksum of “%(part)s” does not match: the bundle was "
                                "changed or damaged.") % {"part": part})
    whole.update(b"}")
    if sums.get("content") != whole.hexdigest():
        raise BundleError(_("The bundle's checksum does not match: it was changed or "
                            "damaged."))
    return content


def _canonical_pieces(value: Any) -> Iterator[bytes]:
    """`canonical(value)` in pieces: a list item by item."""
    if not isinstance(value, list):
        yield canonical(value)
        return
    yield b"["
    for i, item in enumerate(value):
        yield (b"," if i else b"") + canonical(item)
    yield b"]"


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
            "parent": str(o.parent.uuid) if o.parent else None, "is_demo": o.is_demo}


def _engagement(e: Engagement) -> dict:
    return {"uuid": str(e.uuid), "slug": e.slug, "name": e.name,
            "round_number": e.round_number, "start_date": _iso(e.start_date),
            "end_date": _iso(e.end_date), "project_name": e.project_name,
            "language": e.language, "status": e.status, "is_demo": e.is_demo,
            "instrument": {"key": e.instrument.key, "version": e.instrument.version},
            "organisations": sorted(str(u) for u in e.organisations.values_list("uuid",
                                                                                 flat=True))}


def _session(s: Session, instrument: Instrument, options: BundleOptions, people: set[str]
             ) -> dict:
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
        "instrument": {"key": instrument.key, "version": instrument.version},
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
            "participant": str(q.participant.uuid) if q.participant else None,
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
