"""The programme's indicators, from plain rows: each with the count behind it (``n``), its
baseline, target and period. The shell words them (definitions, labels) and reads the rows.

Counting rules (the definitions the documents print say the same):

- a **participant** is one trainee record: one official on one course (an official who
  took two courses counts twice — trainees are recorded per course, without a person id);
- **officials trained**: participants recorded *completed* (attended at least 80 % of the
  days, ``delivery.core.attendance``), broken down by sex, organisation, country, training
  domain and seniority;
- **completion rate**: completed ÷ participants of the deliveries marked completed (a
  participant whose completion is not recorded counts as not completed, and is counted);
- **satisfaction (level 1)**: share of respondents whose mean rating over the items they
  answered is at least 4 of 5;
- **learning gain (level 2)**: mean of post − pre scores (percentage points) over the
  participants with both checks;
- **application (level 3)**: share of participants' follow-ups answered 3 to 6 months
  after the course (``FollowUpRow.in_window``) saying the course was applied (yes or
  partly); supervisors' answers are given beside, not added; answers given before or after
  that window are counted apart (``outside_window`` …), never in the figure;
- **organisations moving up**: trained organisations up at least one level in at least one
  section of a domain they were trained in, between two validated rounds (``l4.moved_up``);
- **cost per participant** and **per completed participant**: the cost recorded of the
  deliveries that have one (``courses_with_cost`` of the ``courses_run``), divided by
  their participants (completed ones), per currency —
  amounts in different currencies are never added. A reader who sees some organisations
  only counts their share of each course's cost: the cost times their participants ÷ all
  its participants (``DeliveryRow.nominees``), so cost and participants are of the same
  courses and seats; the target is the plan's cost per planned seat of the same courses,
  on the plan's own base: their share of the planned cost is the seats the plan gives their
  organisations ÷ all its seats (``planned_share``, as the delivery pages say it).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from govcap.delivery.core.costs import planned_share, seat_share

COMPLETED = "completed"
CLOSED = ("cancelled", "merged")  # deliveries that never ran as such
RAN = ("in_progress", COMPLETED)  # deliveries that have run, or begun: a planned one has not
SATISFIED_FROM = 4  # a mean rating of 4 or 5 (of 5) counts as satisfied
APPLIED = ("yes", "partly")
PARTICIPANT = "participant"
SUPERVISOR = "supervisor"

# indicator keys, in the order of the reports
OFFICIALS_TRAINED = "officials-trained"
WOMEN_SHARE = "women-share"
COMPLETION_RATE = "completion-rate"
SATISFACTION = "l1-satisfaction"
LEARNING_GAIN = "l2-gain"
APPLICATION = "l3-application"
MOVING_UP = "organisations-moving-up"
COST_PER_PARTICIPANT = "cost-per-participant"
COST_PER_COMPLETED = "cost-per-completed"
KEYS = (OFFICIALS_TRAINED, WOMEN_SHARE, COMPLETION_RATE, SATISFACTION, LEARNING_GAIN,
        APPLICATION, MOVING_UP, COST_PER_PARTICIPANT, COST_PER_COMPLETED)

# units
COUNT, PERCENT, POINTS, MONEY = "count", "percent", "points", "money"
# breakdown dimensions of officials trained
DIMENSIONS = ("sex", "organisation", "country", "domain", "seniority")

# The decimals each figure is written with on the results page and in the documents (a
# count and a share whole, "29%"; a gain in points to one decimal, "+42.1"), and given
# with in the JSON, rounded alike (``rounded``): a program reads the figure a reader reads,
# 75, not 74.99999999999999. Money is to the cent (``amount``).
DIGITS = {COUNT: 0, PERCENT: 0, POINTS: 1}
FACT_DIGITS = {"mean_rating": 2, "mean_pre": 0, "mean_post": 0}

# The facts each indicator gives beside its figure, the same keys whatever the scope: a
# count is 0 when there is none (``Indicator`` fills it in); a mean (``FACT_DIGITS``) is
# absent when there is nothing to average, and the JSON gives it null (``serialise``).
_COST_FACTS = ("courses_with_cost", "courses_run", "cost_cents", "share_of_cost")
FACT_KEYS: dict[str, tuple[str, ...]] = {
    OFFICIALS_TRAINED: ("nominated",),
    WOMEN_SHARE: ("not_recorded",),
    COMPLETION_RATE: ("partial", "dropped", "not_recorded"),
    SATISFACTION: ("mean_rating",),
    LEARNING_GAIN: ("mean_pre", "mean_post", "pre_only", "post_only"),
    APPLICATION: ("supervisors", "supervisors_applied", "outside_window",
                  "outside_window_applied", "supervisors_outside_window",
                  "supervisors_outside_window_applied"),
    MOVING_UP: (),
    COST_PER_PARTICIPANT: _COST_FACTS,
    COST_PER_COMPLETED: _COST_FACTS,
}


@dataclass(frozen=True)
class DeliveryRow:
    id: Hashable
    status: str
    currency: str
    planned_participants: int
    planned_cost_cents: int
    cost_cents: int | None
    start: dt.date | None = None
    end: dt.date | None = None
    # all its participants, whoever reads; None: the trainee rows given are all of them
    nominees: int | None = None
    # the seats the plan's cohort gives the reader's organisations (None: the reader sees
    # every organisation, all ``planned_participants``)
    planned_theirs: int | None = None


@dataclass(frozen=True)
class TraineeRow:
    id: Hashable
    delivery: Hashable
    organisation: str
    country: str
    domain: str
    gender: str = ""
    seniority: str = ""
    completion: str = ""


@dataclass(frozen=True)
class ReactionRow:
    trainee: Hashable
    ratings: tuple[int | None, ...]  # 1–5 each, None where left out


@dataclass(frozen=True)
class LearningRow:
    trainee: Hashable
    pre: float | None  # percent of the objectives met
    post: float | None


@dataclass(frozen=True)
class FollowUpRow:
    trainee: Hashable
    respondent: str  # participant | supervisor
    applied: str  # yes | partly | no
    # answered 3 to 6 months after the course (``delivery.core.evaluation.in_window``): an
    # answer given earlier or later is reported apart, not in the level-3 figure
    in_window: bool = True


@dataclass(frozen=True)
class Targets:
    """What the programme aims at (None: no target set)."""

    participants: int | None = None  # the approved plans' participants
    women_percent: float | None = None
    completion_percent: float | None = None
    satisfaction_percent: float | None = None
    gain_points: float | None = None
    application_percent: float | None = None
    moving_up_percent: float | None = None
    # currency → planned cost per participant, in cents (the plans' own yardstick)
    cost_per_participant_cents: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Share:
    """One line of a breakdown: ``count`` of ``of``."""

    dimension: str
    key: str
    count: int
    of: int


@dataclass(frozen=True)
class Indicator:
    key: str
    unit: str
    value: float | None  # None: nothing to count yet
    n: int  # what the value is counted over (participants, respondents, organisations…)
    numerator: int | None = None  # for shares: how many of n
    baseline: float | None = None
    target: float | None = None
    currency: str = ""
    period: tuple[dt.date, dt.date] | None = None
    breakdown: tuple[Share, ...] = ()
    facts: Mapping[str, float | int] = field(default_factory=dict)  # further counts shown

    def __post_init__(self) -> None:
        # every count of the indicator's ``FACT_KEYS``, 0 when none: a reader of the JSON
        # finds the same keys for every engagement (a mean stays absent: nothing averaged)
        counts = {k: 0 for k in FACT_KEYS.get(self.key, ()) if k not in FACT_DIGITS}
        object.__setattr__(self, "facts", {**counts, **self.facts})


def whole_cents(value: float) -> int:
    """An amount in cents rounded to a whole cent, half up as money is (1,812.625 is
    1,812.63), not to the even one as ``round`` does."""
    return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def amount(cents: float) -> str:
    """An amount in cents as the currency's units rounded to the cent, half up, a decimal
    string with two decimals ("803.18"): the JSON's and the IATI file's money."""
    units, rest = divmod(whole_cents(cents), 100)
    return f"{units}.{rest:02d}"


def rounded(value: float | None, digits: int) -> float | int | None:
    """``value`` to ``digits`` decimals as the page writes it (a whole number when none)."""
    if value is None:
        return None
    return int(round(value)) if digits == 0 else round(value, digits)


def percent(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def in_scope(deliveries: Iterable[DeliveryRow], trainees: Sequence[TraineeRow] | None = None
             ) -> list[DeliveryRow]:
    """The deliveries of the reader's scope: with ``trainees`` (those the reader sees), not
    those with participants of whom the reader sees none (a course of other organisations,
    for a reader who sees some organisations only)."""
    rows = list(deliveries)
    if trainees is None:
        return rows
    mine = Counter(t.delivery for t in trainees)
    return [d for d in rows
            if mine[d.id] or not (d.nominees if d.nominees is not None else mine[d.id])]


def period(deliveries: Iterable[DeliveryRow], trainees: Sequence[TraineeRow] | None = None
           ) -> tuple[dt.date, dt.date] | None:
    """From the first start to the last end (or start) of the deliveries that ran, of the
    reader's scope (``in_scope``)."""
    days = [d for row in in_scope(deliveries, trainees) if row.status in RAN
            for d in (row.start, row.end) if d is not None]
    return (min(days), max(days)) if days else None


def _breakdown(rows: Sequence[TraineeRow], of: int) -> tuple[Share, ...]:
    out: list[Share] = []
    for dimension in DIMENSIONS:
        attr = "gender" if dimension == "sex" else dimension
        counts = Counter(getattr(r, attr) for r in rows)
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(Share(dimension, key, count, of))
    return tuple(out)


def indicators(
    deliveries: Sequence[DeliveryRow],
    trainees: Sequence[TraineeRow],
    reactions: Sequence[ReactionRow] = (),
    learning: Sequence[LearningRow] = (),
    follow_ups: Sequence[FollowUpRow] = (),
    moving_up: tuple[int, int] = (0, 0),
    targets: Targets = Targets(),
    rounds_period: tuple[dt.date, dt.date] | None = None,
) -> list[Indicator]:
    """Every indicator, in ``KEYS`` order (the cost indicators once per currency). Level 4's
    period is ``rounds_period``, the span of the rounds it compares (None: no later round
    yet), whatever the courses' dates."""
    by_id = {d.id: d for d in deliveries}
    ran = [t for t in trainees if by_id[t.delivery].status in RAN]
    when = period(deliveries, trainees)
    completed = [t for t in ran if t.completion == COMPLETED]
    out = [Indicator(OFFICIALS_TRAINED, COUNT, float(len(completed)), len(ran),
                     len(completed), 0.0,
                     None if targets.participants is None else float(targets.participants),
                     period=when, breakdown=_breakdown(completed, len(completed)),
                     facts={"nominated": len(ran)})]
    women = sum(t.gender == "female" for t in completed)
    out.append(Indicator(WOMEN_SHARE, PERCENT, percent(women, len(completed)), len(completed),
                         women, None, targets.women_percent, period=when,
                         facts={"not_recorded": sum(not t.gender for t in completed)}))
    finished = [t for t in ran if by_id[t.delivery].status == COMPLETED]
    done = sum(t.completion == COMPLETED for t in finished)
    out.append(Indicator(COMPLETION_RATE, PERCENT, percent(done, len(finished)), len(finished),
                         done, None, targets.completion_percent, period=when,
                         facts={"partial": sum(t.completion == "partial" for t in finished),
                                "dropped": sum(t.completion == "dropped" for t in finished),
                                "not_recorded": sum(not t.completion for t in finished)}))
    # evaluations of courses that ran only, as for the officials trained: a course cancelled
    # afterwards left every count but these
    taken = {t.id for t in ran}
    out.append(_satisfaction([r for r in reactions if r.trainee in taken], targets, when))
    out.append(_gain([r for r in learning if r.trainee in taken], targets, when))
    out.append(_application([f for f in follow_ups if f.trainee in taken], targets, when))
    up, of = moving_up
    out.append(Indicator(MOVING_UP, PERCENT, percent(up, of), of, up, 0.0,
                         targets.moving_up_percent, period=rounds_period))
    out.extend(_costs(deliveries, trainees, targets, when))
    return out


def _satisfaction(reactions: Sequence[ReactionRow], targets: Targets,
                  when: tuple[dt.date, dt.date] | None) -> Indicator:
    means = [sum(given) / len(given) for r in reactions
             if (given := [v for v in r.ratings if v is not None])]
    happy = sum(m >= SATISFIED_FROM for m in means)
    return Indicator(SATISFACTION, PERCENT, percent(happy, len(means)), len(means), happy,
                     None, targets.satisfaction_percent, period=when,
                     facts={"mean_rating": round(sum(means) / len(means), 2)} if means else {})


def _gain(learning: Sequence[LearningRow], targets: Targets,
          when: tuple[dt.date, dt.date] | None) -> Indicator:
    pairs = [(r.pre, r.post) for r in learning if r.pre is not None and r.post is not None]
    facts: dict[str, float | int] = {}
    value = None
    if pairs:
        value = sum(post - pre for pre, post in pairs) / len(pairs)
        facts = {"mean_pre": sum(p for p, _ in pairs) / len(pairs),
                 "mean_post": sum(q for _, q in pairs) / len(pairs)}
    facts["pre_only"] = sum(r.pre is not None and r.post is None for r in learning)
    facts["post_only"] = sum(r.post is not None and r.pre is None for r in learning)
    return Indicator(LEARNING_GAIN, POINTS, value, len(pairs), None, 0.0, targets.gain_points,
                     period=when, facts=facts)


def _application(follow_ups: Sequence[FollowUpRow], targets: Targets,
                 when: tuple[dt.date, dt.date] | None) -> Indicator:
    answered = [f for f in follow_ups if f.applied and f.in_window]
    own = [f for f in answered if f.respondent == PARTICIPANT]
    bosses = [f for f in answered if f.respondent == SUPERVISOR]
    applied = sum(f.applied in APPLIED for f in own)
    breakdown = tuple(Share(respondent, key, sum(f.applied == key for f in group), len(group))
                      for respondent, group in ((PARTICIPANT, own), (SUPERVISOR, bosses))
                      if group for key in ("yes", "partly", "no"))
    facts: dict[str, float | int] = {
        "supervisors": len(bosses),
        "supervisors_applied": sum(f.applied in APPLIED for f in bosses)}
    # answered before 3 months or after 6: reported apart, never in the figure
    outside = [f for f in follow_ups if f.applied and not f.in_window]
    for prefix, who in (("", PARTICIPANT), ("supervisors_", SUPERVISOR)):
        theirs = [f for f in outside if f.respondent == who]
        if theirs:
            facts[f"{prefix}outside_window"] = len(theirs)
            facts[f"{prefix}outside_window_applied"] = sum(f.applied in APPLIED for f in theirs)
    return Indicator(APPLICATION, PERCENT, percent(applied, len(own)), len(own), applied,
                     None, targets.application_percent, period=when, breakdown=breakdown,
                     facts=facts)


def shares(deliveries: Iterable[DeliveryRow], trainees: Sequence[TraineeRow]
           ) -> dict[Hashable, float]:
    """Delivery id → the reader's share of its seats: their participants ÷ all its
    participants (1 when the reader sees them all, and for a course without any)."""
    mine = Counter(t.delivery for t in trainees)
    out: dict[Hashable, float] = {}
    for d in deliveries:
        whole = d.nominees if d.nominees is not None else mine[d.id]
        out[d.id] = seat_share(mine[d.id], whole)
    return out


def _costs(deliveries: Sequence[DeliveryRow], trainees: Sequence[TraineeRow],
           targets: Targets, when: tuple[dt.date, dt.date] | None) -> list[Indicator]:
    ran = [d for d in in_scope(deliveries, trainees) if d.status in RAN]
    costed = [d for d in ran if d.cost_cents is not None]
    share = shares(costed, trainees)
    # without a cost recorded, the courses' currency all the same (the row says why)
    currencies = (sorted({d.currency for d in costed})
                  or sorted({d.currency for d in in_scope(deliveries, trainees) if d.currency})
                  or [""])
    out: list[Indicator] = []
    for currency in currencies:
        mine = [d for d in costed if d.currency == currency]
        ids = {d.id for d in mine}
        spent = sum((d.cost_cents or 0) * share[d.id] for d in mine)
        people = [t for t in trainees if t.delivery in ids]
        done = sum(t.completion == COMPLETED for t in people)
        target = targets.cost_per_participant_cents.get(currency)
        # the courses whose cost is counted, of all those that ran (of any currency): the
        # others have no cost recorded yet
        facts: dict[str, float | int] = {"courses_with_cost": len(mine), "courses_run": len(ran),
                                         "cost_cents": whole_cents(spent)}
        if any(share[d.id] < 1 for d in mine):
            facts["share_of_cost"] = 1  # the reader's organisations' share, not the whole
        out.append(Indicator(COST_PER_PARTICIPANT, MONEY,
                             spent / len(people) if people else None, len(people), None,
                             None, target, currency, when, facts=facts))
        out.append(Indicator(COST_PER_COMPLETED, MONEY, spent / done if done else None, done,
                             None, None, target, currency, when, facts=facts))
    return out


def planned_cost_per_participant(deliveries: Iterable[DeliveryRow],
                                 trainees: Sequence[TraineeRow] | None = None
                                 ) -> dict[str, float]:
    """currency → planned cost ÷ planned participants of the deliveries whose actual cost
    is counted (the target of the same courses); with ``trainees`` (those the reader sees),
    of the courses of the reader's scope (``in_scope``), each course's planned cost times
    the plan's seats of the reader's organisations ÷ all its seats (``planned_share``) over
    those seats (``DeliveryRow.planned_theirs``)."""
    costed = [d for d in (deliveries if trainees is None else in_scope(deliveries, trainees))
              if d.status in RAN and d.cost_cents is not None]
    cost: dict[str, float] = defaultdict(float)
    people: dict[str, float] = defaultdict(float)
    for d in costed:
        seats = d.planned_participants if d.planned_theirs is None else d.planned_theirs
        cost[d.currency] += d.planned_cost_cents * planned_share(seats, d.planned_participants)
        people[d.currency] += seats
    return {c: cost[c] / people[c] for c in cost if people[c]}
