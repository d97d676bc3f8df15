"""Reading levels from the database into plain rows — every queryset through `accounts.scoping`.

Levels are the consensus ratings (rater empty) of the sessions a user may see
(`access.sessions`). An organisation is *in the analysis* of an engagement when it has a
session there that has started (not a draft); one without a level for a section counts as
not assessed. Each function runs a fixed number of queries, whatever the number of
organisations (the benchmark checks it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db import connection
from django.db.models import Count
from django.utils.translation import get_language

from govcap.accounts import scoping
from govcap.analysis import tally
from govcap.analysis.core.aggregate import RatingRow
from govcap.analysis.core.programme import LevelCounts, level_counts, level_value
from govcap.analysis.models import VoteTally
from govcap.analysis.targets import TargetLookup, targets_of
from govcap.assessments import access, sharing
from govcap.assessments.models import Rating, Session
from govcap.instruments.services import latest_instrument, localised
from govcap.orgs.models import Organisation
from govcap.scale import SECTION_KEYS, Level

DRAFT = Session.Status.DRAFT


@dataclass(frozen=True)
class Org:
    id: int
    uuid: str
    name: str
    code: str
    kind: str
    kind_label: str
    sector: str


@dataclass
class EngagementLevels:
    engagement: object
    orgs: list[Org]
    rows: list[RatingRow]  # (org id, section key, level 1–3 or None, engagement id)
    targets: TargetLookup
    sessions_by_status: Counter[str] = field(default_factory=Counter)

    def target_map(self) -> dict[int, dict[str, Level]]:
        """{org id: {section key: target level}} for `aggregate.gaps`."""
        return {o.id: {key: self.targets.target(o.uuid, key) for key in SECTION_KEYS}
                for o in self.orgs}


def section_titles(engagement=None, instrument=None) -> dict[str, str]:
    """Section key → "N. Title" in the interface language (the engagement's instrument, or
    the latest one)."""
    parsed = localised(instrument or (engagement.instrument if engagement else
                                      latest_instrument()), get_language())
    return {s.key: f"{s.number}. {s.title}" for s in parsed.sections}


def _orgs(ids: Iterable[int]) -> dict[int, Org]:
    out = {}
    for o in Organisation.objects.filter(id__in=set(ids)).order_by("name"):
        out[o.id] = Org(o.id, str(o.uuid), o.name, o.code, o.kind, str(o.get_kind_display()),
                        o.sector)
    return out


def engagement_levels(user, engagement) -> EngagementLevels:
    """The levels of one engagement that the user may see (4 queries)."""
    sessions = access.sessions(user).filter(engagement=engagement)
    statuses: Counter[str] = Counter()
    in_analysis: set[int] = set()
    for org_id, status in sessions.values_list("organisation_id", "status"):
        statuses[status] += 1
        if status != DRAFT:
            in_analysis.add(org_id)
    rows = [RatingRow(org, key, level_value(level), engagement.id)
            for org, key, level in Rating.objects.filter(
                rater__isnull=True, session__in=sessions.values("pk"))
            .values_list("session__organisation_id", "section_key", "level")]
    orgs = _orgs(in_analysis | {r.org_id for r in rows})
    return EngagementLevels(engagement, list(orgs.values()), rows, targets_of(engagement),
                            statuses)


def organisation_history(user, organisation) -> tuple[list, list[RatingRow]]:
    """The engagements (rounds) in which the user sees the organisation's sessions, oldest
    first, and its consensus rows with the engagement id as round (2 queries)."""
    sessions = access.sessions(user).filter(organisation=organisation)
    rows = [RatingRow(organisation.id, key, level_value(level), engagement_id)
            for engagement_id, key, level in Rating.objects.filter(
                rater__isnull=True, session__in=sessions.values("pk"))
            .values_list("session__engagement_id", "section_key", "level")]
    engagements = list(scoping.engagements(user).filter(
        id__in=sessions.exclude(status=DRAFT).values("engagement_id"))
        .order_by("start_date", "round_number", "id"))
    return engagements, rows


def whole_engagements(user, ids: Iterable[int]) -> set[int]:
    """The engagements (of `ids`) of which the user sees every session — for those the
    database tally can be read as it is."""
    ids = set(ids)
    if scoping.scope_of(user).reads_everything:
        return ids
    visible = dict(access.sessions(user).filter(engagement_id__in=ids).order_by()
                   .values("engagement_id").annotate(n=Count("id", distinct=True))
                   .values_list("engagement_id", "n"))
    total = dict(Session.objects.filter(engagement_id__in=ids).order_by()
                 .values("engagement_id").annotate(n=Count("id"))
                 .values_list("engagement_id", "n"))
    return {e for e in ids if visible.get(e, 0) == total.get(e, 0)}


def programme_counts(user, engagements: list) -> dict[tuple[int, str], LevelCounts]:
    """Organisations per level for every (engagement, section) the user may see.

    Engagements the user sees whole are read from the tally (plus two queries over
    sessions for the number of organisations and those with several sessions); the others
    (a facilitator's own sessions, a viewer narrowed to some organisations) are counted
    from their rows. The number of queries does not grow with organisations or sessions.
    """
    ids = {e.id for e in engagements}
    whole = whole_engagements(user, ids)
    out: dict[tuple[int, str], LevelCounts] = {}
    if whole:
        started = Session.objects.filter(engagement_id__in=whole).exclude(status=DRAFT)
        n_orgs = dict(started.order_by().values("engagement_id")
                      .annotate(n=Count("organisation_id", distinct=True))
                      .values_list("engagement_id", "n"))
        repeated = list(Session.objects.filter(engagement_id__in=whole).order_by()
                        .values("engagement_id", "organisation_id").annotate(n=Count("id"))
                        .filter(n__gt=1).values_list("engagement_id", "organisation_id"))
        duplicates: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
        if repeated:
            pairs = set(repeated)
            orgs = {org for _, org in pairs}
            for e, org, key, level in Rating.objects.filter(
                    rater__isnull=True, session__engagement_id__in={e for e, _ in pairs},
                    session__organisation_id__in=orgs).values_list(
                    "session__engagement_id", "session__organisation_id", "section_key",
                    "level"):
                if (e, org) in pairs:
                    duplicates[e, org].append((key, level))
        out.update(level_counts(tally.counts(connection, whole),
                                {e: n_orgs.get(e, 0) for e in whole}, duplicates))
    partial = ids - whole
    if partial:
        sessions = access.sessions(user).filter(engagement_id__in=partial)
        started: dict[int, set[int]] = defaultdict(set)
        for e, org, status in sessions.values_list("engagement_id", "organisation_id",
                                                   "status"):
            if status != DRAFT:
                started[e].add(org)
        by_cell: dict[tuple[int, int, str], list[str]] = defaultdict(list)
        for e, org, key, level in Rating.objects.filter(
                rater__isnull=True, session__in=sessions.values("pk")).values_list(
                "session__engagement_id", "session__organisation_id", "section_key", "level"):
            by_cell[e, org, key].append(level)
            started[e].add(org)
        counted: Counter[tuple[int, str, str]] = Counter()
        dupes: dict[tuple[int, int], list[tuple[str, str]]] = defaultdict(list)
        for (e, org, key), levels in by_cell.items():
            for level in levels:
                counted[e, key, level] += 1
                dupes[e, org].append((key, level))
        out.update(level_counts(counted, {e: len(started.get(e, ())) for e in partial},
                                {k: v for k, v in dupes.items() if len(v) > len(
                                    {s for s, _ in v})}))
    return out


def country_rows(user, engagements: list) -> list[RatingRow]:
    """Consensus rows of several engagements (a country's rounds), round = engagement id."""
    sessions = access.sessions(user).filter(engagement__in=[e.id for e in engagements])
    return [RatingRow(org, key, level_value(level), e)
            for e, org, key, level in Rating.objects.filter(
                rater__isnull=True, session__in=sessions.values("pk")).values_list(
                "session__engagement_id", "session__organisation_id", "section_key", "level")]


@dataclass(frozen=True)
class UnitInfo:
    session_uuid: str
    organisation: str
    consensus: int | None
    consensus_key: str
    notes: str
    dissent: str


def rater_units(user, engagement) -> tuple[dict, dict[tuple[int, str], UnitInfo]]:
    """Individual raters' levels of the sessions the user sees in an engagement:
    ({(session id, section): {rater username: level}}, {unit: what the consensus was}).
    Three queries."""
    sessions = access.sessions(user).filter(engagement=engagement)
    units: dict[tuple[int, str], dict[str, int | None]] = defaultdict(dict)
    for session_id, key, username, level in Rating.objects.filter(
            rater__isnull=False, session__in=sessions.values("pk")).values_list(
            "session_id", "section_key", "rater__username", "level"):
        if level:
            units[session_id, key][username] = level_value(level)
    info: dict[tuple[int, str], UnitInfo] = {}
    if units:
        for session_id, uuid_, org, key, level, notes, dissent in Rating.objects.filter(
                rater__isnull=True, session_id__in={s for s, _k in units}).values_list(
                "session_id", "session__uuid", "session__organisation__name", "section_key",
                "level", "notes", "dissent"):
            info[session_id, key] = UnitInfo(str(uuid_), org, level_value(level), level,
                                             notes, dissent)
        internal = sharing.internal_sessions(user, sessions)
        outside = [s for s in {s for s, _k in info} if internal is not None and s not in internal]
        shared = sharing.for_sessions(outside) if outside else {}
        for unit in [u for u in info if u[0] in outside]:  # a viewer: what was shared only
            said = shared.get(unit) or sharing.Shared()
            info[unit] = replace(info[unit], notes=said.notes, dissent=said.dissent)
        missing = {s for s, _k in units} - {s for s, _k in info}
        for session_id, uuid_, org in Session.objects.filter(id__in=missing).values_list(
                "id", "uuid", "organisation__name"):
            for (s, key) in units:
                if s == session_id:
                    info[s, key] = UnitInfo(str(uuid_), org, None, "", "", "")
    return dict(units), info


@dataclass(frozen=True)
class SessionVotes:
    session_uuid: str
    organisation: str
    section_key: str
    levels: list[int | None]
    consensus: int | None


def engagement_votes(user, engagement) -> list[SessionVotes]:
    """Participants' votes per session and section, with the level agreed (2 queries)."""
    sessions = access.sessions(user).filter(engagement=engagement)
    tallies = list(VoteTally.objects.filter(session__in=sessions.values("pk"))
                   .select_related("session__organisation"))
    agreed = dict(((s, k), level_value(lv)) for s, k, lv in Rating.objects.filter(
        rater__isnull=True, session_id__in={t.session_id for t in tallies})
        .values_list("session_id", "section_key", "level"))
    return [SessionVotes(str(t.session.uuid), t.session.organisation.name, t.section_key,
                         t.levels, agreed.get((t.session_id, t.section_key)))
            for t in sorted(tallies, key=lambda t: (t.session.organisation.name,
                                                    t.session_id, t.section_key))]
