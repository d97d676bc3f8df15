"""The results of one engagement or of the programme a reader sees: the indicators and the
level-4 comparisons, from ``queries`` through ``core``. The page, the exports, the IATI
file, the command and the API all start here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import get_language

from govcap.orgs.models import Engagement
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
    given = programme_targets()
    plans = queries.approved_plans(scope)
    targets = ind.Targets(
        participants=queries.planned_participants(plans, some),
        women_percent=_women_target(scope),
        completion_percent=given["completion_percent"],
        satisfaction_percent=given["satisfaction_percent"],
        gain_points=given["gain_points"],
        application_percent=given["application_percent"],
        moving_up_percent=given["moving_up_percent"],
        cost_per_participant_cents=ind.planned_cost_per_participant(delivery_rows,
                                                                    trainee_rows))
    # the change counts for the round whose training it was: the programme counts it once;
    # a follow-up's report says it is the earlier round's (``moving_from``)
    counted = [p for p in pairs if p.pair.earlier in scope]
    moving_from = None
    if engagement is not None and not counted:
        # its page shows the figure of its level-4 comparison: the earlier round's training
        counted = [p for p in pairs if p.pair.later == engagement][:1]
        moving_from = counted[0].pair.earlier if counted else None
    moving = l4.moved_up([c for p in counted for c in p.comparisons])
    found_indicators = ind.indicators(
        delivery_rows, trainee_rows, reactions, learning, follow_ups,
        moving, targets, _rounds_period(pairs))
    texts, withheld = queries.free_texts(user, found, people,
                                         (get_language() or "en").split("-")[0])
    return Results(engagement, scope, found_indicators, pairs, demo_left_out, bool(some),
                   queries.plan_period(plans), texts, withheld, moving_from,
                   0 if engagement is not None else queries.rounds_unseen(scope, include_demo),
                   queries.organisation_names(some))
