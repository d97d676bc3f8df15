"""Importing a bundle (govcap/interchange/bundle.py) in one transaction.

Records are matched by UUID: one already present is left as it is and counted as such, so
importing a bundle twice changes nothing. A country is also matched by code and an
organisation by name in its country. An instrument version present with another checksum is
refused. People are matched by user name; a missing one is created inactive, with no usable
password (an administrator may activate them and give them roles: a bundle carries no
roles). Nothing of a refused bundle is written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from govcap import jsonbody
from govcap.accounts import audit
from govcap.assessments.models import (
    Participant,
    ParticipantIdentity,
    Quote,
    Rating,
    Session,
)
from govcap.instruments.models import Instrument, InstrumentTranslation
from govcap.interchange.bundle import BundleError, verify
from govcap.orgs.models import Country, Engagement, Organisation

MAX_BUNDLE_BYTES = 200 * 1024 * 1024
MAX_BUNDLE_DEPTH = 64  # a bundle nests about 10 levels (an instrument's document the deepest)


@dataclass
class BundleReport:
    engagement: Engagement | None = None
    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    notices: list[str] = field(default_factory=list)


def _date(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


def _datetime(value: str | None) -> dt.datetime | None:
    return parse_datetime(value) if value else None


def read_bundle(path: Any) -> dict:
    """The bundle in a file, parsed; the file's bytes are let go as soon as it is."""
    with open(path, "rb") as f:
        return load_bundle(f.read())


def load_bundle(data: bytes) -> dict:
    """The bundle parsed, within the size and nesting limits: a damaged or hostile file
    (10 KB of `[[[[…`) is a `BundleError` saying what is wrong, never a traceback."""
    try:
        return jsonbody.loads(data, max_bytes=MAX_BUNDLE_BYTES, max_depth=MAX_BUNDLE_DEPTH)
    except jsonbody.JSONBodyError as exc:
        raise BundleError(_("This is not a JSON file govcap can read: %(error)s")
                          % {"error": exc}) from None


def import_bundle(bundle: Any, *, user: Any = None, name: str = "the bundle") -> BundleReport:
    content = verify(bundle)
    report = BundleReport()
    try:
        with transaction.atomic():
            _import(content, bool(bundle.get("identified")), report, user, name)
    except (KeyError, TypeError, ValueError, IntegrityError) as exc:
        if isinstance(exc, BundleError):
            raise
        raise BundleError(_("The bundle's content is not valid: %(error)s.")
                          % {"error": repr(exc)}) from None
    return report


def _import(content: dict, identified: bool, report: BundleReport, user: Any, name: str) -> None:
    users = _people(content["people"], report)
    instruments = {(i["key"], i["version"]): _instrument(i, report)
                   for i in content["instruments"]}
    country = _country(content["country"], report)
    orgs = _organisations(content["organisations"], country, report)
    engagement = _engagement(content["engagement"], country, instruments, orgs, report)
    report.engagement = engagement
    new_sessions = []
    for data in content["sessions"]:
        session = _session(data, engagement, instruments, orgs, users, identified, report)
        if session is not None:
            new_sessions.append(session)
    audit.record(user, "import", engagement, None, {
        "source": "bundle", "file": name, "created": dict(report.created),
        "present": dict(report.present)})
    for session in new_sessions:
        audit.record(user, "import", session, None, {"source": "bundle", "file": name},
                     session=session)


def _people(names: list[str], report: BundleReport) -> dict[str, Any]:
    User = get_user_model()
    found = {u.get_username(): u for u in User.objects.filter(username__in=names)}
    for username in names:
        if username not in found:
            new = User(username=username, is_active=False)
            new.set_unusable_password()
            new.save()
            found[username] = new
            report.created["people"] += 1
            report.notices.append(f"User {username} created, inactive: an administrator may "
                                  "activate them.")
    return found


def _instrument(data: dict, report: BundleReport) -> Instrument:
    existing = Instrument.objects.filter(key=data["key"], version=data["version"]).first()
    if existing is not None:
        if existing.checksum != data["checksum"]:
            raise BundleError(_("Instrument %(key)s v%(version)s is present here with "
                                "different text: it cannot be replaced.")
                              % {"key": data["key"], "version": data["version"]})
        report.present["instruments"] += 1
        instrument = existing
    else:
        instrument = Instrument.objects.create(
            uuid=data["uuid"], key=data["key"], version=data["version"], title=data["title"],
            document=data["document"], checksum=data["checksum"])
        report.created["instruments"] += 1
    for t in data["translations"]:
        if not instrument.translations.filter(language=t["language"]).exists():
            InstrumentTranslation.objects.create(instrument=instrument, language=t["language"],
                                                 document=t["document"], checksum=t["checksum"])
    return instrument


def _country(data: dict, report: BundleReport) -> Country:
    country = (Country.objects.filter(uuid=data["uuid"]).first()
               or Country.objects.filter(code=data["code"]).first())
    if country is not None:
        report.present["countries"] += 1
        return country
    report.created["countries"] += 1
    return Country.objects.create(uuid=data["uuid"], code=data["code"], name=data["name"],
                                  is_demo=data["is_demo"])


def _organisations(items: list[dict], country: Country, report: BundleReport
                   ) -> dict[str, Organisation]:
    orgs: dict[str, Organisation] = {}
    for data in items:
        if data["country"] != str(country.uuid) and not Country.objects.filter(
                uuid=data["country"]).exists():
            raise BundleError(_("Organisation %(name)s belongs to a country the bundle does "
                                "not hold.") % {"name": data["name"]})
        home = Country.objects.get(uuid=data["country"]) if data["country"] != str(
            country.uuid) else country
        org = (Organisation.objects.filter(uuid=data["uuid"]).first()
               or Organisation.objects.filter(country=home, name=data["name"]).first())
        if org is not None:
            report.present["organisations"] += 1
        else:
            org = Organisation.objects.create(
                uuid=data["uuid"], country=home, name=data["name"], code=data["code"],
                kind=data["kind"], sector=data["sector"], is_demo=data["is_demo"])
            report.created["organisations"] += 1
        orgs[data["uuid"]] = org
    for data in items:
        org = orgs[data["uuid"]]
        if data["parent"] and org.parent_id is None and data["parent"] in orgs:
            org.parent = orgs[data["parent"]]
            org.save(update_fields=["parent"])
    return orgs


def _engagement(data: dict, country: Country, instruments: dict, orgs: dict,
                report: BundleReport) -> Engagement:
    existing = Engagement.objects.filter(uuid=data["uuid"]).first()
    if existing is not None:
        report.present["engagements"] += 1
        engagement = existing
    else:
        slug = data["slug"]
        if Engagement.objects.filter(slug=slug).exists():
            raise BundleError(_("Another engagement here is already called %(slug)s.")
                              % {"slug": slug})
        engagement = Engagement.objects.create(
            uuid=data["uuid"], slug=slug, country=country, name=data["name"],
            round_number=data["round_number"], start_date=_date(data["start_date"]),
            end_date=_date(data["end_date"]),
            instrument=instruments[(data["instrument"]["key"], data["instrument"]["version"])],
            project_name=data["project_name"], language=data["language"],
            status=data["status"], is_demo=data["is_demo"])
        report.created["engagements"] += 1
    engagement.organisations.add(*(orgs[u] for u in data["organisations"]))
    return engagement


def _session(data: dict, engagement: Engagement, instruments: dict, orgs: dict,
             users: dict, identified: bool, report: BundleReport) -> Session | None:
    if Session.objects.filter(uuid=data["uuid"]).exists():
        report.present["sessions"] += 1
        return None

    def person(username: str | None) -> Any:
        return users[username] if username else None

    session = Session.objects.create(
        uuid=data["uuid"], engagement=engagement, organisation=orgs[data["organisation"]],
        instrument=instruments[(data["instrument"]["key"], data["instrument"]["version"])],
        scheduled_date=_date(data["scheduled_date"]), place=data["place"],
        language=data["language"], note_taker=data["note_taker"], status=data["status"],
        consent_given=data["consent_given"], recording_allowed=data["recording_allowed"],
        consent_note=data["consent_note"],
        consent_recorded_at=_datetime(data["consent_recorded_at"]),
        consent_recorded_by=person(data["consent_recorded_by"]),
        submitted_at=_datetime(data["submitted_at"]), submitted_by=person(data["submitted_by"]),
        validated_at=_datetime(data["validated_at"]), validated_by=person(data["validated_by"]),
        source_instance_id=data["source_instance_id"], is_demo=data["is_demo"])
    session.facilitators.add(*(users[u] for u in data["facilitators"]))
    participants = {p["uuid"]: Participant(
        uuid=p["uuid"], session=session, code=p["code"], role_title=p["role_title"],
        organisation=orgs[p["organisation"]], seniority=p["seniority"], gender=p["gender"])
        for p in data["participants"]}
    Participant.objects.bulk_create(participants.values())
    if identified:
        ParticipantIdentity.objects.bulk_create([
            ParticipantIdentity(participant=participants[p["uuid"]], **p["identity"])
            for p in data["participants"] if p.get("identity")])
    Rating.objects.bulk_create([Rating(
        uuid=r["uuid"], session=session, section_key=r["section_key"], rater=person(r["rater"]),
        level=r["level"], not_assessed_reason=r["not_assessed_reason"],
        confidence=r["confidence"], notes=r["notes"], evidence=r["evidence"],
        dissent=r["dissent"], field_revisions=r["field_revisions"],
        updated_by=person(r["updated_by"])) for r in data["ratings"]])
    quotes = Quote.objects.bulk_create([Quote(
        uuid=q["uuid"], session=session, section_key=q["section_key"],
        participant=participants.get(q["participant"]) if q["participant"] else None,
        text=q["text"], revision=q["revision"]) for q in data["quotes"]])
    dated = []
    for quote, q in zip(quotes, data["quotes"], strict=True):
        created_at = _datetime(q["created_at"])
        if created_at is not None:  # bulk_create stamped them now, as auto_now_add does
            quote.created_at = created_at
            dated.append(quote)
    Quote.objects.bulk_update(dated, ["created_at"])
    report.created["sessions"] += 1
    report.created["ratings"] += len(data["ratings"])
    report.created["quotes"] += len(data["quotes"])
    report.created["participants"] += len(data["participants"])
    return session
