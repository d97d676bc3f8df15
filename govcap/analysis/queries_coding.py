"""Reading notes, quotes and their coding for a user — through `access.sessions` only, so
nothing from outside the user's scope can appear in a theme, a search or an export."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q, QuerySet

from govcap.accounts import scoping
from govcap.analysis import tally
from govcap.analysis.core.programme import level_value
from govcap.analysis.core.themes import CodedUnit
from govcap.analysis.models import Code, CodedSegment, Source, Suggestion
from govcap.analysis.queries import whole_engagements
from govcap.assessments import access
from govcap.assessments.models import Quote, Rating
from govcap.scale import Level

MAX_RESULTS = 200


def visible_sessions(user, engagement=None) -> QuerySet:
    """The sessions whose notes and quotes the user reads (never a viewer's: they read only
    what was shared)."""
    sessions = access.internal_sessions(user)
    return sessions.filter(engagement=engagement) if engagement is not None else sessions


@dataclass
class SourceText:
    kind: str  # notes / quote
    obj: Rating | Quote
    text: str
    label: str
    segments: list[CodedSegment] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)


def session_sources(session) -> dict[str, list[SourceText]]:
    """Section key → the consensus notes and the quotes of a session, with their codings
    and pending suggestions (4 queries)."""
    out: dict[str, list[SourceText]] = {}
    by_rating: dict[int, SourceText] = {}
    by_quote: dict[int, SourceText] = {}
    for rating in Rating.objects.filter(session=session, rater__isnull=True).exclude(notes=""):
        item = SourceText(Source.NOTES, rating, rating.notes, "")
        by_rating[rating.id] = item
        out.setdefault(rating.section_key, []).append(item)
    for quote in Quote.objects.filter(session=session).select_related("participant"):
        item = SourceText(Source.QUOTE, quote, quote.text,
                          quote.participant.code if quote.participant else "")
        by_quote[quote.id] = item
        out.setdefault(quote.section_key, []).append(item)
    for segment in CodedSegment.objects.filter(session=session).select_related("code", "coder"):
        holder = _holder(segment, by_rating, by_quote)
        if holder is not None:
            holder.segments.append(segment)
    for suggestion in Suggestion.objects.filter(
            session=session, status=Suggestion.Status.PENDING).select_related("code"):
        holder = _holder(suggestion, by_rating, by_quote)
        if holder is not None:
            holder.suggestions.append(suggestion)
    return out


def _holder(span: CodedSegment | Suggestion, by_rating: dict[int, SourceText],
            by_quote: dict[int, SourceText]) -> SourceText | None:
    """The note or quote a span was taken from, if it is shown."""
    if span.rating_id is not None:
        return by_rating.get(span.rating_id)
    return by_quote.get(span.quote_id) if span.quote_id is not None else None


@dataclass(frozen=True)
class SegmentRow:
    uuid: str
    code: str
    code_uuid: str
    section: str
    source: str
    text: str
    memo: str
    coder: str
    origin: str
    start: int
    end: int
    session_uuid: str
    organisation: str
    organisation_id: int
    country: str
    engagement: str
    participant: str
    level: Level | None
    unit: tuple[int, str]
    created_at: dt.datetime
    text_changed: bool

    def as_unit(self) -> CodedUnit:
        return CodedUnit(self.code, self.section, self.organisation, self.country, self.unit,
                         self.level)


def segment_rows(user, engagement=None, code: Code | None = None) -> list[SegmentRow]:
    """Coded segments of the sessions the user sees, with what theme tables need (2 queries)."""
    segments = CodedSegment.objects.filter(
        session__in=visible_sessions(user, engagement).values("pk")).select_related(
        "code", "coder", "session__organisation", "session__engagement__country", "rating",
        "quote__participant").order_by("session__organisation__name", "session_id",
                                       "section_key", "start")
    if code is not None:
        segments = segments.filter(code=code)
    found = list(segments)
    levels = dict(((s, k), level_value(lv)) for s, k, lv in Rating.objects.filter(
        rater__isnull=True, session_id__in={s.session_id for s in found}).values_list(
        "session_id", "section_key", "level"))
    rows = []
    for s in found:
        level = levels.get((s.session_id, s.section_key))
        rows.append(SegmentRow(
            str(s.uuid), s.code.name, str(s.code.uuid), s.section_key, s.source, s.text, s.memo,
            s.coder.username, s.origin, s.start, s.end, str(s.session.uuid),
            s.session.organisation.name, s.session.organisation_id,
            s.session.engagement.country.local_name, s.session.engagement.local_name,
            s.quote.participant.code
            if s.quote is not None and s.quote.participant is not None else "",
            Level(level) if level else None, (s.session_id, s.section_key), s.created_at,
            s.text_changed))
    return rows


def unit_levels(user, engagement=None) -> dict[str, int]:
    """How many rated units (session × section) of the user's scope are at each level —
    the base rate themes are compared with. Read from the tally for engagements the user
    sees whole, counted from ratings for the others."""
    engagements = (scoping.engagements(user).filter(pk=engagement.pk) if engagement is not None
                   else scoping.engagements(user))
    ids = set(engagements.values_list("id", flat=True))
    whole = whole_engagements(user, ids)
    out: Counter[str] = Counter()
    for (_e, _s, level), n in tally.counts(connection, whole).items():
        out[level] += n
    partial = ids - whole
    if partial:
        for level in Rating.objects.filter(
                rater__isnull=True, session__in=access.sessions(user).filter(
                    engagement_id__in=partial).values("pk")).values_list("level", flat=True):
            out[level] += 1
    return dict(out)


@dataclass(frozen=True)
class Hit:
    kind: str  # notes / evidence / dissent / quote
    session_uuid: str
    organisation: str
    engagement: str
    section: str
    participant: str
    text: str


def search(user, query: str, engagement=None) -> tuple[list[Hit], bool]:
    """Notes (with evidence and dissent) and quotes containing `query` (any case), in the
    sessions the user sees. icontains works on SQLite and PostgreSQL alike; the result is
    capped at MAX_RESULTS (the second value says whether it was)."""
    query = query.strip()
    if len(query) < 2:
        return [], False
    sessions = visible_sessions(user, engagement).values("pk")
    hits: list[Hit] = []
    ratings = (Rating.objects.filter(rater__isnull=True, session__in=sessions)
               .filter(Q(notes__icontains=query) | Q(evidence__icontains=query)
                       | Q(dissent__icontains=query))
               .select_related("session__organisation", "session__engagement")
               .order_by("session__organisation__name", "section_key")[:MAX_RESULTS + 1])
    lowered = query.lower()
    for r in ratings:
        for kind in ("notes", "evidence", "dissent"):
            text = getattr(r, kind)
            if lowered in text.lower():
                hits.append(Hit(kind, str(r.session.uuid), r.session.organisation.name,
                                r.session.engagement.local_name, r.section_key, "", text))
    quotes = (Quote.objects.filter(session__in=sessions, text__icontains=query)
              .select_related("session__organisation", "session__engagement", "participant")
              .order_by("session__organisation__name", "section_key")[:MAX_RESULTS + 1])
    for q in quotes:
        hits.append(Hit("quote", str(q.session.uuid), q.session.organisation.name,
                        q.session.engagement.local_name, q.section_key,
                        q.participant.code if q.participant else "", q.text))
    return hits[:MAX_RESULTS], len(hits) > MAX_RESULTS
