"""A session's audit trail in words: "Changed the notes of 4. Change management",
"Participant P3: role", with field names and values in the reader's language (levels,
statuses, seniority, organisation names) — never model or field names. The raw trail
(accounts.history) stays as written; this only reads it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from govcap import labels, localise
from govcap.accounts import history
from govcap.accounts.models import AuditEvent
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.assessments.texts import reader_instrument
from govcap.orgs.models import Organisation


def field_labels() -> dict[str, str]:
    return {
        "level": _("agreed level"), "confidence": _("confidence"),
        "not_assessed_reason": _("reason, if not assessed"), "notes": _("notes"),
        "evidence": _("evidence mentioned"), "dissent": _("dissent"),
        "code": _("code"), "role_title": _("role"), "seniority": _("seniority"),
        "gender": _("gender"), "organisation": _("organisation"), "revision": _("revision"),
        "text": _("text"), "participant": _("speaker"), "section": _("section"),
        "quotes": _("quotes"), "status": _("status"), "consent_given": _("consent given"),
        "recording_allowed": _("recording allowed"), "consent_note": _("consent note"),
        "note": _("consent note"),  # as consent events wrote it before they said consent_note
        "shared_notes": _("shared wording of the notes"),
        "shared_evidence": _("shared wording of the evidence"),
        "shared_dissent": _("shared wording of the dissent"),
        "shared_quote": _("shared wording of the quote"),
        "identity_removed": _("name and contact removed"), "quotes_removed": _("quotes removed"),
        "events_redacted": _("trail entries blanked"), "operator": _("done by"),
        "name_changed": _("name changed"), "date": _("date"), "scheduled_date": _("date"),
        "place": _("place"), "language": _("language"), "note_taker": _("note-taker"),
        "section_key": _("section"), "rater": _("rater"), "source": _("source"),
        "file": _("file"), "peer": _("from"), "created": _("created"),
        "start": _("start of the passage"), "end": _("end of the passage"),
        "memo": _("memo"), "origin": _("how it was coded"),
        "basic": _("votes for %(level)s") % {"level": labels.level_label("basic")},
        "moderate": _("votes for %(level)s") % {"level": labels.level_label("moderate")},
        "high": _("votes for %(level)s") % {"level": labels.level_label("high")},
        "abstain": _("abstentions"),
    }

# Fields that only count versions: not what a reader means by "what changed".
BOOKKEEPING = frozenset({"revision"})


def value_labels() -> dict[str, dict[str, str]]:
    return {
        "level": {key: labels.level_label(key) for key in labels.LEVELS},
        "confidence": {key: labels.confidence_label(key) for key in labels.CONFIDENCE},
        "status": {c.value: str(c.label) for c in Session.Status},
        "seniority": {c.value: str(c.label) for c in Participant.Seniority},
        "gender": {c.value: str(c.label) for c in Participant.Gender},
        # analysis.models.Source and CodedSegment.Origin (a layer above), and a bundle file
        "source": {"notes": _("Notes"), "quote": _("Quote"), "bundle": _("a bundle file")},
        "origin": {"manual": _("Coded by hand"), "suggested": _("Accepted suggestion")},
        "language": {code: str(name) for code, name in settings.LANGUAGES},
    }


def sentence(action: str, thing: str) -> str:
    """An audit event's action in words, about ``thing`` ("Added participant P3"): the
    session's history and a delivery's changes say them alike."""
    sentences = {
        "create": _("Added %(thing)s"), "update": _("Changed %(thing)s"),
        "delete": _("Removed %(thing)s"), "restore": _("Brought back %(thing)s"),
        "consent": _("Recorded the participants' consent"),
        "transition": _("Changed the status of the session"),
        "share": _("Shared a wording of %(thing)s for documents"),
        "unshare": _("Made %(thing)s internal again"),
        "erase": _("Erased the personal data of %(thing)s"),
        "import": _("Imported %(thing)s from a file"),
        "sync": _("Received %(thing)s from a field laptop"),
        "code": _("Coded a passage of %(thing)s"),
        "uncode": _("Removed a code from %(thing)s"),
        "suggest": _("Suggested codes for %(thing)s"),
        "accept": _("Accepted a suggested code for %(thing)s"),
    }
    words = sentences.get(action)
    if words is None:
        return _("Recorded a change to %(thing)s") % {"thing": thing}
    return words % {"thing": thing}


def rating_sentence(field: str) -> str:
    """One field of a section's rating changed, as a whole sentence per field, so that a
    translation gives the field its own article ("A modifié le niveau convenu de la section
    6 « … »", "les notes", "la confiance"); ``%(number)s`` and ``%(title)s`` (quoted) say
    the section; another field: ``%(field)s``."""
    # Each call spells its context out: xgettext extracts only a literal context.
    sentences = {
        "level": pgettext("history: one field of a section's rating changed",
                          "Changed the agreed level of section %(number)s %(title)s"),
        "confidence": pgettext("history: one field of a section's rating changed",
                               "Changed the confidence of section %(number)s %(title)s"),
        "not_assessed_reason": pgettext(
            "history: one field of a section's rating changed",
            "Changed why section %(number)s %(title)s was not assessed"),
        "notes": pgettext("history: one field of a section's rating changed",
                          "Changed the notes of section %(number)s %(title)s"),
        "evidence": pgettext("history: one field of a section's rating changed",
                             "Changed the evidence mentioned in section %(number)s %(title)s"),
        "dissent": pgettext("history: one field of a section's rating changed",
                            "Changed the dissent noted in section %(number)s %(title)s"),
    }
    return sentences.get(field) or pgettext(
        "history: one field of a section's rating changed",
        "Changed the %(field)s of section %(number)s %(title)s")


@dataclass(frozen=True)
class Line:
    """One change of one event, as a reader sees it."""

    event: AuditEvent
    what: str  # "Changed the notes of 4. Change management"
    field: str  # "notes", translated; "" when the event changed no named field
    before: str
    after: str
    raw: history.Change


class Reader:
    """Turns a session's events into lines; looks objects up once per session."""

    def __init__(self, session: Session):
        self.session = session
        instrument = self._instrument(session)
        self.sections = {s.key: f"{s.number}. {s.title}" for s in instrument.sections}
        self.numbered = {s.key: (s.number, str(s.title)) for s in instrument.sections}
        uuids = set(history.events_of(session).values_list("object_uuid", flat=True))
        # looked up by an event's object_uuid, which is None for an event about no object
        self.rating_section: dict[uuid.UUID | None, str] = dict(
            Rating.objects.filter(uuid__in=uuids).values_list("uuid", "section_key"))
        self.quote_section: dict[uuid.UUID | None, str] = dict(
            Quote.objects.filter(uuid__in=uuids).values_list("uuid", "section_key"))
        self.participant_code: dict[uuid.UUID | None, str] = dict(
            Participant.objects.filter(session=session).values_list("uuid", "code"))
        self.fields, self.values = field_labels(), value_labels()
        self._orgs: dict[int, str] | None = None

    @staticmethod
    def _instrument(session: Session):
        """The instrument in the reader's language when it is translated to it (section
        titles then read as the rest of the page), else in the session's."""
        return reader_instrument(session)

    def org_name(self, pk: Any) -> str:
        if self._orgs is None:
            self._orgs = dict(Organisation.objects.values_list("pk", "name"))
        return self._orgs.get(pk, str(pk)) if isinstance(pk, int) else str(pk)

    def section(self, key: str | None) -> str:
        return self.sections.get(key or "", key or _("a section"))

    def section_words(self, key: str | None) -> dict[str, Any]:
        """A section as a sentence says it, its number apart and its title in the reader's
        quotation marks ("section 6 “Capacity…”"): "of 6. Capacity…" ran the field into
        the number and the title into a new sentence."""
        number, title = self.numbered.get(key or "", ("", self.section(key)))
        return {"number": number, "title": localise.quote(title)}

    def thing(self, event: AuditEvent) -> str:
        """What the event is about, in words."""
        kind = event.object_type
        if kind == "assessments.session":
            return _("the session")
        if kind == "assessments.rating":
            return pgettext("history: what changed", "section %(number)s %(title)s") % (
                self.section_words(self.rating_section.get(event.object_uuid)))
        if kind == "assessments.quote":
            key = self.quote_section.get(event.object_uuid) or (event.before or event.after
                                                                or {}).get("section")
            return _("a quote in %(section)s") % {"section": self.section(key)}
        if kind == "assessments.participant":
            code = self.participant_code.get(event.object_uuid) or (
                event.after or event.before or {}).get("code", "")
            return _("participant %(code)s") % {"code": code or "?"}
        state = event.after or event.before or {}
        if kind == "analysis.codedsegment":
            return _("a coded passage of %(section)s") % {
                "section": self.section(state.get("section"))}
        if kind == "analysis.votetally":
            return _("the votes on %(section)s") % {"section": self.section(state.get("section"))}
        return _("a record")

    def what(self, event: AuditEvent) -> str:
        return sentence(event.action, self.thing(event))

    def shown(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if field == "organisation":
            return self.org_name(value)
        if field in ("section_key", "section"):
            return self.section(str(value))
        if field == "participant":  # a quote's speaker: its code, or its uuid from a laptop
            try:
                return self.participant_code.get(uuid.UUID(str(value)), str(value))
            except ValueError:
                return str(value)
        if isinstance(value, list):
            return localise.join(str(v) for v in value)
        if isinstance(value, dict):  # counts per kind of record (an import)
            return localise.join(localise.labelled(k, v) for k, v in value.items())
        return self.values.get(field, {}).get(str(value), str(value))

    def lines(self, event: AuditEvent) -> list[Line]:
        what = self.what(event)
        # a field recorded with the same value before and after did not change (a consent
        # saved again as it was): no "no → no" row; the event itself stays, with no field
        changed = [c for c in history.changes(event)
                   if not c.field or c.before != c.after] or [history.Change("", None, None)]
        named = [c.field for c in changed if c.field not in BOOKKEEPING]
        if event.action == "update" and len(named) == 1 and named[0] in self.fields:
            # one field: "Changed the role of participant P3"
            if event.object_type == "assessments.rating":
                what = rating_sentence(named[0]) % {
                    "field": self.fields[named[0]],
                    **self.section_words(self.rating_section.get(event.object_uuid))}
            else:
                what = _("Changed the %(field)s of %(thing)s") % {
                    "field": self.fields[named[0]], "thing": self.thing(event)}
        return [Line(event, what, self.fields.get(c.field, c.field.replace("_", " ")),
                     self.shown(c.field, c.before), self.shown(c.field, c.after), c)
                if c.field else Line(event, what, "", "", "", c)
                for c in changed]


def lines_of(session: Session, *, bookkeeping: bool = True) -> Iterator[list[Line]]:
    """Per event, its lines (one per changed field), oldest first; without ``bookkeeping``,
    no line for a revision number beside the fields that changed (the page)."""
    reader = Reader(session)
    for event in history.events_of(session):
        lines = reader.lines(event)
        if not bookkeeping:
            lines = [ln for ln in lines if ln.raw.field not in BOOKKEEPING] or lines
        yield lines


# the trail as written, for analysts: kept (a script may join on them), after the human
# columns and headed as technical in the reader's words so a coordinator in Excel can tell
TECHNICAL = ("object_type", "object_uuid", "field_key", "before_raw", "after_raw", "op_id")


def technical(column: str) -> str:
    """A technical column's header: "technical: field_key", "technique : field_key"."""
    return localise.labelled(pgettext("history CSV column prefix", "technical"), column)


def csv_header() -> list[str]:
    return [_("when"), _("who"), _("what"), _("field"), _("before"), _("after"),
            *(technical(c) for c in TECHNICAL)]


def csv_rows(session: Session) -> Iterator[list[Any]]:
    # as the page: a revision number's step is the record's bookkeeping, not a change made
    for event_lines in lines_of(session, bookkeeping=False):
        for line in event_lines:
            e = line.event
            yield [e.at.isoformat(), e.user.username if e.user else "", line.what, line.field,
                   line.before, line.after, e.object_type, str(e.object_uuid or ""),
                   line.raw.field, line.raw.before, line.raw.after, str(e.op_id or "")]
