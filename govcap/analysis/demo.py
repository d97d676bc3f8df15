"""Demo coding and votes on the demo sessions, so every analysis page shows something real.

Only sessions marked `is_demo` are touched. Deterministic (seeded by each session's
organisation, engagement and section) and idempotent: a second run adds nothing. The rows
hang off the demo sessions and engagements, so `govcap demo --remove` deletes them too.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from django.db import transaction

from govcap.accounts.models import Role, RoleAssignment
from govcap.analysis.coding import ensure_codebook
from govcap.analysis.core.themes import keyword_spans
from govcap.analysis.models import CodedSegment, KeywordRule, Source, Suggestion, VoteTally
from govcap.assessments.models import Quote, Rating, Session
from govcap.scale import LEVEL_KEYS


@dataclass
class SeedSummary:
    codebooks: int = 0
    segments: int = 0
    suggestions_pending: int = 0
    suggestions_rejected: int = 0
    vote_tallies: int = 0
    sessions: set[int] = field(default_factory=set)


def rng_for(*parts: object) -> random.Random:
    digest = hashlib.sha256("/".join(str(p) for p in parts).encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def _coordinator(engagement):
    assignment = (RoleAssignment.objects.filter(engagement=engagement, role=Role.COORDINATOR)
                  .select_related("user").order_by("user__username").first())
    return assignment.user if assignment else None


def votes_for(level_key: str, participants: int, rng: random.Random) -> dict[str, int]:
    """A plausible anonymous vote around the agreed level: mostly at it, some a level apart,
    a few sections split (the areas of least consensus)."""
    n = max(3, participants)
    centre = LEVEL_KEYS.index(level_key) if level_key in LEVEL_KEYS else 1
    split = rng.random() < 0.2
    counts = dict.fromkeys(LEVEL_KEYS, 0)
    abstain = 1 if rng.random() < 0.15 else 0
    for _ in range(n - abstain):
        roll = rng.random()
        if split:
            index = rng.choice([0, 2, centre])
        elif roll < 0.65:
            index = centre
        else:
            index = min(2, max(0, centre + rng.choice([-1, 1])))
        counts[LEVEL_KEYS[index]] += 1
    return {**counts, "abstain": abstain}


@transaction.atomic
def seed_demo_coding() -> SeedSummary:
    summary = SeedSummary()
    sessions = list(Session.objects.filter(is_demo=True).exclude(status=Session.Status.DRAFT)
                    .select_related("engagement", "organisation")
                    .prefetch_related("facilitators", "participants").order_by("id"))
    engagements = {s.engagement_id: s.engagement for s in sessions}
    for engagement in engagements.values():
        had = hasattr(engagement, "codebook") and engagement.codebook is not None
        ensure_codebook(engagement, _coordinator(engagement))
        summary.codebooks += 0 if had else 1
    rules: dict[int, list[KeywordRule]] = {}
    for rule in KeywordRule.objects.filter(code__codebook__engagement__in=engagements.values(),
                                           code__is_active=True).select_related("code__codebook"):
        rules.setdefault(rule.code.codebook.engagement_id, []).append(rule)
    ratings: dict[int, list[Rating]] = {}
    for r in Rating.objects.filter(session__in=sessions, rater__isnull=True):
        ratings.setdefault(r.session_id, []).append(r)
    quotes: dict[int, list[Quote]] = {}
    for q in Quote.objects.filter(session__in=sessions):
        quotes.setdefault(q.session_id, []).append(q)
    seeded = set(CodedSegment.objects.filter(session__in=sessions).values_list("session_id",
                                                                              flat=True))
    seeded |= set(Suggestion.objects.filter(session__in=sessions).values_list("session_id",
                                                                            flat=True))
    segments, suggestions, tallies = [], [], []
    voted = set(VoteTally.objects.filter(session__in=sessions).values_list("session_id",
                                                                          flat=True))
    for session in sessions:
        coders = sorted(session.facilitators.all(), key=lambda u: u.username)
        if not coders:
            continue
        by_code: dict[int, tuple] = {}
        for rule in rules.get(session.engagement_id, []):
            by_code.setdefault(rule.code_id, (rule.code, []))[1].append(rule.keyword)
        texts: list[tuple[Rating | Quote, str]] = [
            (r, r.notes) for r in ratings.get(session.id, []) if r.notes]
        texts += [(q, q.text) for q in quotes.get(session.id, [])]
        stable = (session.engagement.slug, session.organisation.name, session.scheduled_date)
        if session.id not in seeded:
            for obj, text in texts:
                is_note = isinstance(obj, Rating)
                for code, keywords in by_code.values():
                    for start, end, keyword in keyword_spans(text, keywords):
                        roll = rng_for("code", *stable, code.name, text[:60], start).random()
                        common = dict(session=session, section_key=obj.section_key,
                                      source=Source.NOTES if is_note else Source.QUOTE,
                                      rating=obj if is_note else None,
                                      quote=None if is_note else obj, start=start, end=end,
                                      text=text[start:end], code=code)
                        coder = coders[int(roll * 1000) % len(coders)]
                        if roll < 0.7:
                            segments.append(CodedSegment(
                                **common, coder=coder, origin=CodedSegment.Origin.SUGGESTED))
                        elif roll < 0.8:
                            suggestions.append(Suggestion(
                                **common, keyword=keyword, status=Suggestion.Status.REJECTED,
                                decided_by=coder))
                        else:
                            suggestions.append(Suggestion(**common, keyword=keyword))
            summary.sessions.add(session.id)
        if session.id not in voted and session.consent_given:
            participants = len(session.participants.all()) or 6
            for r in ratings.get(session.id, []):
                if r.level in LEVEL_KEYS:
                    v = votes_for(r.level, participants,
                                  rng_for("votes", *stable, r.section_key))
                    tallies.append(VoteTally(session=session, section_key=r.section_key,
                                             revision=1, updated_by=coders[0], **v))
    CodedSegment.objects.bulk_create(segments, ignore_conflicts=True)
    Suggestion.objects.bulk_create(suggestions, ignore_conflicts=True)
    VoteTally.objects.bulk_create(tallies, ignore_conflicts=True)
    summary.segments = len(segments)
    summary.suggestions_pending = sum(1 for s in suggestions
                                      if s.status == Suggestion.Status.PENDING)
    summary.suggestions_rejected = len(suggestions) - summary.suggestions_pending
    summary.vote_tallies = len(tallies)
    return summary
