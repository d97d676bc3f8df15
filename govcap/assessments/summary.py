"""What a session concluded, per section: level, confidence, notes, quotes, and a chart."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from govcap import localise
from govcap.assessments import sharing
from govcap.assessments.models import Quote, Rating, SharedText
from govcap.charts.data import SectionLevel
from govcap.charts.palette import NOT_RATED
from govcap.charts.svg import level_profile
from govcap.chartwords import chart_words
from govcap.instruments.document import Section


@dataclass(frozen=True)
class SectionResult:
    section: Section
    rating: Rating | None
    quotes: tuple[Quote, ...]
    # what of it documents may quote, for the page to mark the rest internal
    shared_fields: frozenset[str] = frozenset()  # "notes", "evidence", "dissent"
    shared_quotes: frozenset[uuid.UUID] = frozenset()

    @property
    def rated(self) -> bool:
        """The group gave the section a level or chose "not assessed"."""
        return self.rating is not None and self.rating.level != ""

    @property
    def level(self) -> str | None:
        """"high" / "moderate" / "basic", or None when not assessed or not rated yet."""
        if self.rating is None or self.rating.level in ("", Rating.LevelChoice.NOT_ASSESSED):
            return None
        return self.rating.level


@dataclass(frozen=True)
class SessionSummary:
    rows: tuple[SectionResult, ...]
    chart_svg: str


def session_summary(session, instrument, *, shared_only: bool = False) -> SessionSummary:
    """`shared_only`: notes, evidence, dissent and quotes as shared for documents only (what
    a viewer reads; assessments.sharing)."""
    consensus = list(Rating.objects.filter(session=session, rater=None))
    all_quotes = list(Quote.objects.filter(session=session).select_related("participant"))
    if shared_only:
        consensus, all_quotes = sharing.shared_only(session, consensus, all_quotes)
    ratings = {r.section_key: r for r in consensus}
    quotes: dict[str, list[Quote]] = {}
    for quote in all_quotes:
        quotes.setdefault(quote.section_key, []).append(quote)
    marked = SharedText.objects.filter(session=session)
    fields = {(t.rating_id, t.field) for t in marked if t.rating_id}
    quoted = frozenset(Quote.objects.filter(shared__in=marked).values_list("uuid", flat=True))
    rows = tuple(
        SectionResult(s, ratings.get(s.key), tuple(quotes.get(s.key, ())),
                      frozenset(name for name in sharing.RATING_FIELDS if ratings.get(s.key)
                                and (ratings[s.key].id, name) in fields), quoted)
        for s in instrument.sections
    )
    chart = level_profile(
        [SectionLevel(r.section.key, r.section.title.numbered(r.section.number),
                      r.level if r.rated else NOT_RATED) for r in rows],
        # the colon as the language writes it (French: a no-break space before it)
        title=localise.labelled(localise.isolate(session.organisation.name), pgettext(
            "chart title, after an organisation's name", "capacity level per section")),
        subtitle=session.engagement.local_name,
        chart_id=f"profile-{session.uuid}",
        words=chart_words(),
    )
    # The chart escapes every text it draws (organisation names included) itself.
    return SessionSummary(rows=rows, chart_svg=mark_safe(chart))  # noqa: S308
