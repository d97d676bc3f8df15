"""What a session concluded, per section: level, confidence, notes, quotes, and a chart."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import mark_safe

from govcap.assessments import sharing
from govcap.assessments.models import Quote, Rating
from govcap.charts.data import SectionLevel
from govcap.charts.svg import level_profile
from govcap.instruments.document import Section


@dataclass(frozen=True)
class SectionResult:
    section: Section
    rating: Rating | None
    quotes: tuple[Quote, ...]

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
    rows = tuple(
        SectionResult(s, ratings.get(s.key), tuple(quotes.get(s.key, ())))
        for s in instrument.sections
    )
    chart = level_profile(
        [SectionLevel(r.section.key, f"{r.section.number}. {r.section.title}", r.level) for r in rows],
        title=f"{session.organisation.name}: capacity level per section",
        subtitle=session.engagement.name,
        chart_id=f"profile-{session.uuid}",
    )
    # The chart escapes every text it draws (organisation names included) itself.
    return SessionSummary(rows=rows, chart_svg=mark_safe(chart))  # noqa: S308
