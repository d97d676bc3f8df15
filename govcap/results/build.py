"""The results of one engagement or of the programme a reader sees: the indicators and the
level-4 comparisons, from ``queries`` through ``core``. The page, the exports, the IATI
file, the command and the API all start here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import get_language

from govcap import localise
from govcap.orgs.models import Country, Engagement
from govcap.planning.models import PlanSettings
from govcap.results import queries
from govcap.results.core import indicators as ind
from govcap.results.core import l4
from govcap.results.targets import programme_targets


@dataclass
class PairResult:
    pair: queries.RoundPair
    comparisons: list[l4.SectionComparison[int]]


@dataclass
class CountryResult:
    """One country's figures on the programme's results: its engagements' (rounds')
    indicators, counted by the same arithmetic over their rows (``_measure``), so a
    country of one round reads as that round's page; and its courses by state, to say what
    is known so far where a figure cannot be counted yet."""

    country: Country
    engagements: list[Engagement]
    indicators: list[ind.Indicator]
    courses: dict[str, int] = field(default_factory=dict)  # delivery status → how many
    later_round: bool = False  # a later round of the country measures level 4

    def indicator(self, key: str) -> list[ind.Indicator]:
        return [i for i in self.indicators if i.key == key]


@dataclass
class Results:
    engagement: Engagement | None  # None: the programme (every engagement in scope)
    engagements: list[Engagement]
    indicators: list[ind.Indicator]
    pairs: list[PairResult] = field(default_factory=list)
    demo_left_out: int = 0  # demo engagements not counted (without --include-demo)
    # the reader sees some organisations of an engagement only: their figures, their share
    narrowed: bool = False
    # the approved plans' months: the period their targets are for (IATI's period)
    plan_period: tuple[dt.date, dt.date] | None = None
    # the trainees' comments (level 1) and examples (level 3), per course, for those who
    # may read them; ``texts_withheld``: some courses' were not shown to this reader
    texts: list[queries.CourseTexts] = field(default_factory=list)
    texts_withheld: bool = False
    # a follow-up's report with no training of its own measured yet: level 4's figure is
    # that of the earlier round's training, measured at this round (counted in the earlier
    # round's report and the programme's, not again)
    moving_from: Engagement | None = None
    # the programme's rounds of the countries in scope the reader does not see (0: every
    # round to date is here), and, for a reader who sees some organisations only, theirs
    rounds_unseen: int = 0
    organisations_seen: list[str] = field(default_factory=list)
    # the programme's (no engagement): each country in scope, with or without courses yet
    by_country: list[CountryResult] = field(default_factory=list)

    @property
    def is_demo(self) -> bool:
        return any(e.is_demo for e in self.engagements)

    @property
    def countries(self) -> list[str]:
        return sorted({e.country.local_name for e in self.engagements})

    def indicator(self, key: str, currency: str = "") -> ind.Indicator | None:
        return next((i for i in self.indicators if i.key == key
                     and (not currency or i.currency == currency)), None)


def _women_target(scope: Sequence[Engagement]) -> float | None:
    """The plans' share of women when every engagement in scope aims at the same one."""
    values = set(PlanSettings.objects.filter(engagement__in=[e.pk for e in scope])
                 .values_list("women_target_percent", flat=True))
    return float(values.pop()) if len(values) == 1 else None


def _rounds_period(pairs: Sequence[PairResult]) -> tuple[dt.date, dt.date] | None:
    """From the start of the earliest round compared to the end of the latest."""
    days = [day for p in pairs for day in (p.pair.earlier.start_date or p.pair.earlier.end_date,
                                           p.pair.later.end_date or p.pair.later.start_date)
            if day is not None]
    return (min(days), max(days)) if days else None


def build(user, engagement: Engagement | None = None, *, include_demo: bool = True
          ) -> Results:
    """``engagement`` must be one the reader sees (the caller found it through scoping).

    Levels 1–3 count the deliveries of the engagements in scope. Level 4 compares every
    pair of consecutive rounds an engagement in scope belongs to (``queries.round_pairs``):
    one engagement's report shows the comparison with the next round (what its training
    changed) and with the previous one (its levels against the earlier round's, that
    round's training deciding who counts as trained), so a baseline and its follow-up
    show the same comparison."""
    everything = list(queries.engagements(user))
    scope = [engagement] if engagement is not None else everything
    demo_left_out = 0
    if not include_demo:
        demo_left_out = sum(e.is_demo for e in scope)
        scope = [e for e in scope if not e.is_demo]
        everything = [e for e in everything if not e.is_demo]
    found = queries.deliveries(user, scope)
    people = queries.trainees(user, found)
    some = {e: orgs for e, orgs in queries.narrowed(user).items()
            if e in {x.pk for x in scope}}
    delivery_rows = queries.delivery_rows(found, some)
    trainee_rows = queries.trainee_rows(found, people)
    reactions, learning, follow_ups = queries.evaluation_rows(people)
    pairs = []
    for earlier, later in queries.round_pairs(scope, everything):
        earlier_found, earlier_people = found, people
        if earlier not in scope:  # a follow-up's report: the previous round's training
            earlier_found = queries.deliveries(user, [earlier])
            earlier_people = queries.trainees(user, earlier_found)
        pair = queries.round_pair(user, earlier, later, earlier_found, earlier_people)
        pairs.append(PairResult(pair, l4.compare(pair.before, pair.after, pair.trained,
                                                 pair.attended)))
    plans = queries.approved_plans(scope)
    # the change counts for the round whose training it was: the programme counts it once;
    # a follow-up's report says it is the earlier round's (``moving_from``)
    counted = [p for p in pairs if p.pair.earlier in scope]
    moving_from = None
    if engagement is not None and not counted:
        # its page shows the figure of its level-4 comparison: the earlier round's training
        counted = [p for p in pairs if p.pair.later == engagement][:1]
        moving_from = counted[0].pair.earlier if counted else None
    rows = Rows(delivery_rows, trainee_rows, reactions, learning, follow_ups)
    found_indicators = _measure(scope, plans, some, rows, counted, pairs)
    texts, withheld = queries.free_texts(user, found, people,
                                         (get_language() or "en").split("-")[0])
    return Results(engagement, scope, found_indicators, pairs, demo_left_out, bool(some),
                   queries.plan_period(plans), texts, withheld, moving_from,
                   0 if engagement is not None else queries.rounds_unseen(scope, include_demo),
                   queries.organisation_names(some),
                   [] if engagement is not None else _by_country(scope, found, plans, some,
                                                                 rows, counted, pairs))


@dataclass(frozen=True)
class Rows:
    """The plain rows the indicators are counted from (``ind.indicators``)."""

    deliveries: list[ind.DeliveryRow]
    trainees: list[ind.TraineeRow]
    reactions: list[ind.ReactionRow]
    learning: list[ind.LearningRow]
    follow_ups: list[ind.FollowUpRow]

    def of(self, deliveries: set) -> Rows:
        """The rows of these deliveries (ids) and of their trainees only."""
        people = {t.id for t in self.trainees if t.delivery in deliveries}
        return Rows([d for d in self.deliveries if d.id in deliveries],
                    [t for t in self.trainees if t.delivery in deliveries],
                    [r for r in self.reactions if r.trainee in people],
                    [r for r in self.learning if r.trainee in people],
                    [f for f in self.follow_ups if f.trainee in people])


def _measure(scope: Sequence[Engagement], plans: Sequence, some: dict[int, frozenset[int]],
             rows: Rows, counted: Sequence[PairResult], pairs: Sequence[PairResult]
             ) -> list[ind.Indicator]:
    """The indicators of ``scope`` from its rows, its approved plans (the targets) and the
    level-4 comparisons of its training (``counted``): the one arithmetic of the programme's
    figures, of an engagement's and of a country's."""
    given = programme_targets()
    targets = ind.Targets(
        participants=queries.planned_participants(plans, some),
        women_percent=_women_target(scope),
        completion_percent=given["completion_percent"],
        satisfaction_percent=given["satisfaction_percent"],
        gain_points=given["gain_points"],
        application_percent=given["application_percent"],
        moving_up_percent=given["moving_up_percent"],
        cost_per_participant_cents=ind.planned_cost_per_participant(rows.deliveries,
                                                                    rows.trainees))
    moving = l4.moved_up([c for p in counted for c in p.comparisons])
    return ind.indicators(rows.deliveries, rows.trainees, rows.reactions, rows.learning,
                          rows.follow_ups, moving, targets, _rounds_period(pairs))


def _by_country(scope: Sequence[Engagement], found: Sequence, plans: Sequence,
                some: dict[int, frozenset[int]], rows: Rows, counted: Sequence[PairResult],
                pairs: Sequence[PairResult]) -> list[CountryResult]:
    """Every country of ``scope``, in name order, each counted as its rounds' pages count
    them: a country with no course yet is there, saying so."""
    rounds: dict[int, list[Engagement]] = defaultdict(list)
    for e in scope:
        rounds[e.country_id].append(e)
    out = []
    for engagements in rounds.values():
        ids = {e.pk for e in engagements}
        mine = [d for d in found if d.engagement_id in ids]
        theirs = [p for p in pairs if p.pair.earlier.pk in ids or p.pair.later.pk in ids]
        courses: dict[str, int] = defaultdict(int)
        for d in mine:
            courses[d.status] += 1
        out.append(CountryResult(
            engagements[0].country, engagements,
            _measure(engagements, [p for p in plans if p.engagement_id in ids], some,
                     rows.of({d.pk for d in mine}),
                     [p for p in counted if p.pair.earlier.pk in ids], theirs),
            dict(courses), any(p.pair.earlier.pk in ids for p in theirs)))
    return sorted(out, key=lambda c: localise.sort_key(c.country.local_name))
