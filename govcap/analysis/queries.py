"""Reading levels from the database into plain rows — every queryset through `accounts.scoping`.

Levels are the consensus ratings (rater empty) of each organisation's deciding session
among the sessions a user may see (`access.sessions`), by the one rule of
`analysis.core.org_level`: its latest validated session in the engagement, else —
provisional — its latest started one. An organisation is *in the analysis* of an
engagement when it has a session there that has started (not a draft); one without a level
for a section counts as not assessed. Each function runs a fixed number of queries, whatever the number of
organisations (the benchmark checks it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import cast

from django.db import connection
from django.db.models import Count, Q
from django.utils.translation import get_language

from govcap import localise
from govcap.accounts import scoping
from govcap.analysis import tally
from govcap.analysis.core import org_level
from govcap.analysis.core.aggregate import RatingRow
from govcap.analysis.core.programme import LevelCounts, level_counts, level_value
from govcap.analysis.models import VoteTally
from govcap.analysis.targets import TargetLookup, targets_of
from govcap.assessments import access, sharing
from govcap.assessments.models import Rating, Session
from govcap.instruments.services import latest_instrument, localised
from govcap.orgs.models import Engagement, Organisation
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
    engagement: Engagement
    orgs: list[Org]
    rows: list[RatingRow]  # (org id, section key, level 1–3 or None, engagement id)
    targets: TargetLookup
    sessions_by_status: Counter[str] = field(default_factory=Counter)
    provisional: frozenset[int] = frozenset()  # orgs whose levels come from an unvalidated session
    # (org id, section key) that the deciding session has not rated yet (a session under
    # way), drawn apart from "not assessed", which the group chose
    not_rated: frozenset[tuple[int, str]] = frozenset()

    def target_map(self) -> dict[int, dict[str, Level]]:
        """{org id: {section key: target level}} for `aggregate.gaps`."""
        return {o.id: {key: self.targets.target(o.uuid, key) for key in SECTION_KEYS}
                for o in self.orgs}


def section_titles(engagement=None, instrument=None) -> dict[str, str]:
    """Section key → "N. Title" in the interface language (the engagement's instrument, or
    the latest one), marked when it fell back to English (charts say lang="en")."""
    parsed = localised(instrument or (engagement.instrument if engagement else
                                      latest_instrument()), get_language())
    return {s.key: s.title.numbered(s.number) for s in parsed.sections}


def _orgs(ids: Iterable[int]) -> dict[int, Org]:
    out = {}
    for o in localise.sorted_names(Organisation.objects.filter(id__in=set(ids)),
                                   key=lambda o: o.name):
        out[o.id] = Org(o.id, str(o.uuid), o.name, o.code, o.kind, str(o.get_kind_display()),
                        o.sector)
    return out


SESSION_FIELDS = ("id", "organisation_id", "status", "scheduled_date", "validated_at",
                  "engagement_id")


def session_refs(sessions) -> list[org_level.SessionRef[int]]:
    """What `org_level` reads of each session of a queryset (one query)."""
    return [org_level.SessionRef(i, org, status, day, validated, e)
            for i, org, status, day, validated, e in sessions.values_list(*SESSION_FIELDS)]


def deciding_rows(sessions, refs: list[org_level.SessionRef[int]]) -> list[RatingRow]:
    """The consensus rows of the deciding sessions among `sessions`, round = engagement id
    (one query: every consensus rating of `sessions`, kept when its session decides)."""
    chosen = org_level.deciding_ids(refs)
    return [RatingRow(org, key, level_value(level), e)
            for session_id, e, org, key, level in Rating.objects.filter(
                rater__isnull=True, session__in=sessions.values("pk")).values_list(
                "session_id", "session__engagement_id", "session__organisation_id",
                "section_key", "level")
            if session_id in chosen]


def engagement_levels(user, engagement) -> EngagementLevels:
    """The levels of one engagement that the user may see (4 queries)."""
    sessions = access.sessions(user).filter(engagement=engagement)
    refs = session_refs(sessions)
    statuses: Counter[str] = Counter(r.status for r in refs)
    decided = org_level.decide(refs)
    rows = deciding_rows(sessions, refs)
    orgs = _orgs({org for _e, org in decided})
    provisional = frozenset(org for (_e, org), d in decided.items() if d.provisional)
    rated = set(Rating.objects.filter(
        rater__isnull=True, session_id__in=org_level.deciding_ids(refs),
        session__organisation_id__in=provisional).exclude(level="")
        .values_list("session__organisation_id", "section_key")) if provisional else set()
    not_rated = frozenset((org, key) for org in provisional for key in SECTION_KEYS
                          if (org, key) not in rated)
    return EngagementLevels(engagement, list(orgs.values()), rows, targets_of(engagement),
                            statuses, provisional, not_rated)


def organisation_history(user, organisation) -> tuple[list, list[RatingRow]]:
    """The engagements (rounds) in which the user sees the organisation's sessions, oldest
    first, and the consensus rows of its deciding session in each, with the engagement id
    as round (3 queries)."""
    sessions = access.sessions(user).filter(organisation=organisation)
    refs = session_refs(sessions)
    rows = deciding_rows(sessions, refs)
    engagements = list(scoping.engagements(user).filter(
        id__in={r.round for r in refs if r.status != DRAFT})
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

    Engagements the user sees whole are read from the tally, corrected for the
    organisations whose ratings are not all their deciding session's (several sessions, or
    a draft) — a few queries over sessions; the others (a facilitator's own sessions, a
    viewer narrowed to some organisations) are counted from their deciding rows. The
    number of queries does not grow with organisations or sessions.
    """
    ids = {e.id for e in engagements}
    whole = whole_engagements(user, ids)
    out: dict[tuple[int, str], LevelCounts] = {}
    if whole:
        in_whole = Session.objects.filter(engagement_id__in=whole)
        n_orgs = dict(in_whole.exclude(status=DRAFT).order_by().values("engagement_id")
                      .annotate(n=Count("organisation_id", distinct=True))
                      .values_list("engagement_id", "n"))
        mixed = set(in_whole.order_by().values("engagement_id", "organisation_id")
                    .annotate(n=Count("id"), drafts=Count("id", filter=Q(status=DRAFT)))
                    .filter(Q(n__gt=1) | Q(drafts__gt=0))
                    .values_list("engagement_id", "organisation_id"))
        corrections: dict[tuple[int, int], tuple[list, list]] = {}
        if mixed:
            around = in_whole.filter(engagement_id__in={e for e, _ in mixed},
                                     organisation_id__in={org for _, org in mixed})
            chosen = org_level.deciding_ids(
                r for r in session_refs(around) if (r.round, r.org_id) in mixed)
            for session_id, e, org, key, level in Rating.objects.filter(
                    rater__isnull=True, session__in=around.values("pk")).values_list(
                    "session_id", "session__engagement_id", "session__organisation_id",
                    "section_key", "level"):
                if (e, org) in mixed:
                    counted, deciding = corrections.setdefault((e, org), ([], []))
                    counted.append((key, level))
                    if session_id in chosen:
                        deciding.append((key, level))
        out.update(level_counts(tally.counts(connection, whole),
                                {e: n_orgs.get(e, 0) for e in whole}, corrections))
    partial = ids - whole
    if partial:
        sessions = access.sessions(user).filter(engagement_id__in=partial)
        refs = session_refs(sessions)
        started: dict[int, set[int]] = defaultdict(set)
        for e, org in org_level.decide(refs):
            started[e].add(org)
        tallied: Counter[tuple[int, str, str]] = Counter()
        for row in deciding_rows(sessions, refs):
            if row.level is not None:  # deciding_rows: the round is the engagement id
                tallied[cast(int, row.round), row.section_key, Level(row.level).key] += 1
        out.update(level_counts(tallied, {e: len(started.get(e, ())) for e in partial}))
    return out


def country_rows(user, engagements: list) -> list[RatingRow]:
    """Consensus rows of several engagements (a country's rounds), round = engagement id:
    each organisation's deciding session per round."""
    return country_levels(user, engagements)[0]


def country_levels(user, engagements: list,
                   ) -> tuple[list[RatingRow], frozenset[tuple[int, int]]]:
    """:func:`country_rows`, and the (round, organisation) pairs whose levels are
    provisional (no validated session in that round yet) — what a plan never counts."""
    sessions = access.sessions(user).filter(engagement__in=[e.id for e in engagements])
    refs = session_refs(sessions)
    provisional = frozenset(key for key, d in org_level.decide(refs).items() if d.provisional)
    return deciding_rows(sessions, refs), provisional


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
