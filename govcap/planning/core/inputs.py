"""What a plan is generated from: assessments, targets and constraints (plain data).

The web layer builds these from the database; tests and the bench build them directly.
Everything here is frozen and validated on construction, so generation never has to guess.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from govcap.planning.core.ratecard import RateCard
from govcap.scale import CONFIDENCE_KEYS, DOMAINS, SECTION_KEYS, Level

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class PlanInputError(ValueError):
    """Inputs that cannot make a plan; the message names the field and the value."""


@functools.lru_cache(maxsize=4096)
def month_number(month: str) -> int:
    """``"2026-03"`` → months since year 0 (so months subtract like integers). Remembered:
    the scheduler asks it of the same few dozen months hundreds of thousands of times."""
    match = _MONTH.match(month)
    if not match:
        raise PlanInputError(f"{month!r} is not a month; write it as YYYY-MM, e.g. 2026-03")
    return int(match.group(1)) * 12 + int(match.group(2)) - 1


def month_name(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def add_months(month: str, count: int) -> str:
    return month_name(month_number(month) + count)


def quarter_of(month: str) -> int:
    """Calendar quarter of a month, numbered so that quarters compare like integers."""
    return month_number(month) // 3


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_start(month: str) -> dt.date:
    number = month_number(month)
    return dt.date(number // 12, number % 12 + 1, 1)


# Weeks between a plan's date and its first course when the settings say nothing: time for
# each organisation to nominate its participants, release them and for a venue to be booked.
LEAD_WEEKS, MAX_LEAD_WEEKS = 8, 52
# Nominations are asked for this many weeks before a course's month begins, and organisations
# always get at least this many weeks after the plan's date to make them.
NOMINATION_WEEKS, NOMINATION_NOTICE_WEEKS = 4, 2


def first_allowed_month(plan_date: dt.date, lead_weeks: int) -> str:
    """The first month a course may start in, for a plan dated ``plan_date``.

    A course is dated by its month, so the month counts from its first day: the first month
    that begins after the plan's date and at least ``lead_weeks`` weeks after it. Dated
    4 Dec 2026 with 8 weeks: 29 Jan 2027 is the earliest day, so February 2027. Dated
    4 Dec with 4 weeks: 1 Jan 2027 is exactly 4 weeks on, so January 2027 (dated 5 Dec: February).
    With 0 weeks: the month after the plan's date (its own month has begun).
    """
    earliest = max(plan_date + dt.timedelta(weeks=lead_weeks), plan_date + dt.timedelta(days=1))
    month = month_of(earliest)
    return month if earliest.day == 1 else add_months(month, 1)


def nominations_due(plan_date: dt.date, month: str) -> dt.date:
    """The day organisations are asked to name a course's participants by.

    ``NOMINATION_WEEKS`` before the course's month begins, but no sooner than
    ``NOMINATION_NOTICE_WEEKS`` after the plan's date; always before the month begins and
    never before the plan's date (a course in a month that has begun: the plan's date).
    """
    start = month_start(month)
    due = max(start - dt.timedelta(weeks=NOMINATION_WEEKS),
              plan_date + dt.timedelta(weeks=NOMINATION_NOTICE_WEEKS))
    return max(plan_date, min(due, start - dt.timedelta(days=1)))


@dataclass(frozen=True)
class Assessment:
    """The consensus rating of one organisation on one section in one session.

    ``level`` None means "not assessed" (``not_assessed_reason`` says why); such a section
    is reported as unknown and never planned for. Only ``validated`` sessions count, and
    for each organisation only its latest one (by ``session_date``, then ``session_id``).
    """

    org_id: str
    org_name: str
    section_key: str
    level: Level | None
    confidence: str | None = None
    session_id: str = ""
    rating_id: str = ""
    benchmark_text: str = ""
    # What the session shared for documents (assessments.sharing): internal notes never
    # reach a plan. Quotes as (participant code, text).
    shared_notes: str = ""
    shared_evidence: str = ""
    shared_dissent: str = ""
    shared_quotes: tuple[tuple[str, str], ...] = ()
    not_assessed_reason: str = ""
    language: str = "en"
    session_date: str = ""
    validated: bool = True
    # The organisation's level on this section in the previous round (None: not assessed
    # then, or no previous round), so the plan can say what improved and what regressed.
    previous_level: Level | None = None

    def __post_init__(self) -> None:
        if not self.org_id:
            raise PlanInputError("assessment: org_id is empty")
        if self.previous_level is not None and not isinstance(self.previous_level, Level):
            object.__setattr__(self, "previous_level", Level(self.previous_level))
        if self.section_key not in SECTION_KEYS:
            raise PlanInputError(f"assessment of {self.org_id}: unknown section "
                                 f"{self.section_key!r}")
        if self.level is not None and not isinstance(self.level, Level):
            object.__setattr__(self, "level", Level(self.level))
        if self.confidence is not None and self.confidence not in CONFIDENCE_KEYS:
            raise PlanInputError(f"assessment of {self.org_id} on {self.section_key}: "
                                 f"confidence {self.confidence!r} is not one of "
                                 f"{', '.join(CONFIDENCE_KEYS)}")
        if not self.language:
            raise PlanInputError(f"assessment of {self.org_id}: language is empty")


# Where a record of an earlier round's training comes from: scheduled in that round's
# approved plan now; "delivered" once delivery records exist (issue 17) and win over it.
FROM_APPROVED_PLAN, FROM_DELIVERY = "approved-plan", "delivered"
# A course an earlier round's delivery records say the organisation did not have.
NOT_COMPLETED, CANCELLED = "not-completed", "cancelled"


@dataclass(frozen=True)
class PreviousCourse:
    """A module an organisation had in an earlier round of the same country.

    ``source`` says how it is known (``approved-plan``: scheduled in that round's approved
    plan; ``delivered``: recorded as delivered). ``month`` is when (None: not scheduled).
    ``outcome``: "" when the organisation had it; ``not-completed`` when the course ran
    but none of the organisation's ``participants`` completed it (``completed`` of them
    did), ``cancelled`` when it never ran — a delivery record the next round's plan
    explains the course again by, and never follows on from.
    """

    org_id: str
    module_code: str
    month: str | None
    engagement_name: str
    round_number: int
    source: str = FROM_APPROVED_PLAN
    plan_version: int = 0
    outcome: str = ""
    completed: int | None = None
    participants: int | None = None

    @property
    def had(self) -> bool:
        return not self.outcome

    def __post_init__(self) -> None:
        if not self.org_id or not self.module_code:
            raise PlanInputError("previous course: org_id and module_code are required")
        if self.month is not None:
            month_number(self.month)
        if self.source not in (FROM_APPROVED_PLAN, FROM_DELIVERY):
            raise PlanInputError(f"previous course of {self.org_id}: source {self.source!r} "
                                 f"is not {FROM_APPROVED_PLAN} or {FROM_DELIVERY}")
        if self.outcome not in ("", NOT_COMPLETED, CANCELLED):
            raise PlanInputError(f"previous course of {self.org_id}: outcome {self.outcome!r} "
                                 f"is not {NOT_COMPLETED} or {CANCELLED}")


@dataclass(frozen=True)
class OpenCohort:
    """A cohort of another engagement's latest plan that still has places free;
    ``country``: that engagement's country, by its ISO code (named where it is shown)."""

    engagement_name: str
    country: str
    module_code: str
    language: str
    month: str
    places_free: int
    # the organisations already in it: it is never offered to one of them
    org_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        month_number(self.month)
        if self.places_free < 1:
            raise PlanInputError(f"open cohort of {self.module_code} in "
                                 f"{self.engagement_name}: needs a place free")


@dataclass(frozen=True)
class Targets:
    """Target level per organisation and section.

    Default: ``default`` (Moderate) everywhere, ``strategic_level`` (High) on the sections
    the coordinator marks strategic; ``overrides`` (org id → section → level) win over
    both. With ``sustain_high``, a journey to High ends with the sustaining modules
    (trainers, communities of practice) so the level holds once reached.
    """

    default: Level = Level.MODERATE
    strategic_sections: frozenset[str] = frozenset()
    strategic_level: Level = Level.HIGH
    overrides: Mapping[str, Mapping[str, Level]] = field(default_factory=dict)
    strategic_weight: float = 2.0
    sustain_high: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "strategic_sections", frozenset(self.strategic_sections))
        unknown = sorted(set(self.strategic_sections) - set(SECTION_KEYS))
        if unknown:
            raise PlanInputError(f"targets: unknown strategic section(s) {', '.join(unknown)}")
        for org_id, sections in self.overrides.items():
            for section, level in sections.items():
                if section not in SECTION_KEYS:
                    raise PlanInputError(f"targets.overrides[{org_id}]: unknown section "
                                         f"{section!r}")
                if not isinstance(level, Level):
                    raise PlanInputError(f"targets.overrides[{org_id}][{section}]: "
                                         f"{level!r} is not a Level")
        if self.strategic_weight < 1:
            raise PlanInputError("targets.strategic_weight: must be at least 1")

    def target(self, org_id: str, section_key: str) -> Level:
        override = self.overrides.get(org_id, {}).get(section_key)
        if override is not None:
            return override
        return self.strategic_level if section_key in self.strategic_sections else self.default

    def weight(self, section_key: str) -> float:
        return self.strategic_weight if section_key in self.strategic_sections else 1.0


@dataclass(frozen=True)
class CostOverride:
    """Engagement costs for one module, in the engagement currency (None keeps the default)."""

    per_participant_day: Decimal | None = None
    per_cohort: Decimal | None = None


# Default load an organisation can take (engagement settings and per-organisation overrides
# change them): training days a month and a calendar quarter, and staff away at once.
DAYS_PER_MONTH, DAYS_PER_QUARTER, STAFF_AWAY = 5, 12, 4


@dataclass(frozen=True)
class OrgCapacity:
    """One organisation's own limits; None keeps the engagement's."""

    days_per_month: int | None = None
    days_per_quarter: int | None = None
    staff_away: int | None = None


@dataclass(frozen=True)
class MonthBlock:
    """Working days of one month lost to holidays, Ramadan or the fiscal year-end.

    A month whose blocked days are half its working days or more is closed to training;
    otherwise each organisation keeps ``days a month × free ÷ working`` training days,
    rounded to the nearest day (half up).
    """

    month: str
    working_days: int
    blocked_days: int
    reasons: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        month_number(self.month)
        if self.working_days < 1 or not 0 <= self.blocked_days <= self.working_days:
            raise PlanInputError(f"month block {self.month}: needs 0 ≤ blocked days ≤ "
                                 "working days, and at least one working day")

    @property
    def closed(self) -> bool:
        return self.blocked_days * 2 >= self.working_days

    def share(self, days: int) -> int:
        if self.closed:
            return 0
        free = self.working_days - self.blocked_days
        return (2 * days * free + self.working_days) // (2 * self.working_days)


@dataclass(frozen=True)
class Constraints:
    """Engagement settings that shape cohorts, the schedule and the budget.

    ``max_parallel`` caps cohorts running in one month overall and
    ``max_parallel_per_domain`` per training domain (one number for all, or domain key →
    number; a domain left out is capped only by the overall limit). Catalogue costs are in
    the catalogue's currency (USD for the shipped default); ``exchange_rate`` converts them
    to ``currency`` (units of ``currency`` per unit of the catalogue's), while
    ``cost_overrides`` are already in ``currency``. ``participants_per_org`` people per
    organisation attend each module (``participants_overrides`` per organisation); when the
    organisations needing a module are too few for its minimum cohort, each may send more,
    up to ``max_participants_per_org``, before the need is reported unfit.
    """

    start_month: str
    horizon_months: int = 12
    max_parallel: int = 6
    max_parallel_per_domain: int | Mapping[str, int] | None = 2
    blackout_months: frozenset[str] = frozenset()
    participants_per_org: int = 3
    participants_overrides: Mapping[str, int] = field(default_factory=dict)
    max_participants_per_org: int = 6
    currency: str = "USD"
    exchange_rate: Decimal = Decimal(1)
    cost_overrides: Mapping[str, CostOverride] = field(default_factory=dict)
    reassess_after_months: int = 6
    responsibility: str = ("Engagement coordinator, with the heads of the participating "
                           "organisations")
    funding_source: str = ""
    days_per_month: int = DAYS_PER_MONTH
    days_per_quarter: int = DAYS_PER_QUARTER
    staff_away: int = STAFF_AWAY
    capacity_overrides: Mapping[str, OrgCapacity] = field(default_factory=dict)
    month_blocks: tuple[MonthBlock, ...] = ()
    # The plan's date (ISO, "" for none) and the weeks its first course keeps from it
    # (``first_allowed_month``): no course before ``not_before``.
    plan_date: str = ""
    lead_weeks: int = LEAD_WEEKS
    # The country's rate card (planning.core.ratecard); None costs cohorts with the
    # catalogue's prices only. ``travelling_share_percent`` None takes the card's default.
    rate_card: RateCard | None = None
    travelling_share_percent: int | None = None
    # A later round of the same country exists (its name): its assessment is this plan's
    # reassessment, so the plan schedules and budgets none of its own.
    reassessed_by: str = ""

    def __post_init__(self) -> None:
        month_number(self.start_month)
        if self.plan_date:
            try:
                dt.date.fromisoformat(self.plan_date)
            except ValueError:
                raise PlanInputError(f"constraints.plan_date: {self.plan_date!r} is not a "
                                     "day; write it as YYYY-MM-DD") from None
        if not 0 <= self.lead_weeks <= MAX_LEAD_WEEKS:
            raise PlanInputError(f"constraints.lead_weeks: must be 0 to {MAX_LEAD_WEEKS}")
        object.__setattr__(self, "month_blocks", tuple(sorted(
            {b.month: b for b in self.month_blocks}.values(), key=lambda b: b.month)))
        for name in ("days_per_month", "days_per_quarter", "staff_away"):
            if getattr(self, name) < 1:
                raise PlanInputError(f"constraints.{name}: must be at least 1")
        for org_id, cap in self.capacity_overrides.items():
            for name in ("days_per_month", "days_per_quarter", "staff_away"):
                value = getattr(cap, name)
                if value is not None and value < 1:
                    raise PlanInputError(f"constraints.capacity_overrides[{org_id}].{name}: "
                                         "must be at least 1")
        object.__setattr__(self, "blackout_months", frozenset(self.blackout_months))
        for month in self.blackout_months:
            month_number(month)
        if not 1 <= self.horizon_months <= 120:
            raise PlanInputError("constraints.horizon_months: must be between 1 and 120")
        if self.max_parallel < 1:
            raise PlanInputError("constraints.max_parallel: must be at least 1")
        limits = self.max_parallel_per_domain
        if isinstance(limits, Mapping):
            for domain, limit in limits.items():
                if domain not in DOMAINS or limit < 1:
                    raise PlanInputError(f"constraints.max_parallel_per_domain[{domain}]: "
                                         "needs a known domain and a limit of at least 1")
        elif limits is not None and limits < 1:
            raise PlanInputError("constraints.max_parallel_per_domain: must be at least 1")
        if self.participants_per_org < 1 or any(
                n < 1 for n in self.participants_overrides.values()):
            raise PlanInputError("constraints: participants per organisation must be at least 1")
        if self.max_participants_per_org < 1:
            raise PlanInputError("constraints.max_participants_per_org: must be at least 1")
        if self.exchange_rate <= 0:
            raise PlanInputError("constraints.exchange_rate: must be positive")
        if self.travelling_share_percent is not None and not (
                0 <= self.travelling_share_percent <= 100):
            raise PlanInputError("constraints.travelling_share_percent: must be 0 to 100")
        if self.reassess_after_months < 0:
            raise PlanInputError("constraints.reassess_after_months: must not be negative")

    @property
    def lead_month(self) -> str:
        """The first month that begins ``lead_weeks`` after the plan's date
        (``first_allowed_month``), open to training or not; "" without a plan date."""
        if not self.plan_date:
            return ""
        return first_allowed_month(dt.date.fromisoformat(self.plan_date), self.lead_weeks)

    def open_from(self, month: str) -> str:
        """``month``, or the first month after it not closed to training (Ramadan, a fiscal
        year-end, a blackout): no course can start in a closed month."""
        closed = self.closed_months
        for _ in range(24):
            if month not in closed:
                break
            month = add_months(month, 1)
        return month

    @property
    def not_before(self) -> str:
        """The first month a course may start in: the first month open to training from
        ``lead_month`` on; "" without a plan date."""
        return self.open_from(self.lead_month) if self.plan_date else ""

    @property
    def first_month(self) -> str:
        """The first month new training can start in, the one every statement of the plan
        gives: the start month, moved forward to ``not_before`` when it lies before it,
        and on to the first month open to training."""
        start = self.start_month
        if self.not_before and month_number(self.not_before) > month_number(start):
            start = self.not_before
        return self.open_from(start)

    @property
    def months(self) -> tuple[str, ...]:
        start = month_number(self.first_month)
        return tuple(month_name(start + i) for i in range(self.horizon_months))

    @property
    def calendar_months(self) -> tuple[str, ...]:
        """The months the plan may date anything in: the horizon, then the months its
        reassessments can fall in (``reassess_after_months`` after the last course, and the
        year after that in which a closed month moves one on). ``month_blocks`` should cover
        them all, so a month past the horizon is known to be closed (Ramadan, a fiscal
        year-end, holidays) as well as one inside it."""
        start = month_number(self.first_month)
        return tuple(month_name(start + i)
                     for i in range(self.horizon_months + self.reassess_after_months + 12))

    @property
    def blocks(self) -> dict[str, MonthBlock]:
        return {b.month: b for b in self.month_blocks}

    @property
    def closed_months(self) -> frozenset[str]:
        """Blackout months given by hand, and months mostly blocked (``MonthBlock.closed``)."""
        return self.blackout_months | {b.month for b in self.month_blocks if b.closed}

    def capacity(self, org_id: str) -> tuple[int, int, int]:
        """(training days a month, training days a quarter, staff away at once)."""
        own = self.capacity_overrides.get(org_id, OrgCapacity())
        return (own.days_per_month or self.days_per_month,
                own.days_per_quarter or self.days_per_quarter,
                own.staff_away or self.staff_away)

    def days_in(self, org_id: str, month: str) -> int:
        """Training days ``org_id`` can take in ``month`` (0 in a closed month)."""
        if month in self.blackout_months:
            return 0
        own = self.capacity_overrides.get(org_id)
        days = (own.days_per_month if own is not None else None) or self.days_per_month
        block = next((b for b in reversed(self.month_blocks) if b.month == month), None)
        return block.share(days) if block is not None else days

    def domain_limit(self, domain: str) -> int:
        limits = self.max_parallel_per_domain
        if limits is None:
            return self.max_parallel
        if isinstance(limits, Mapping):
            return min(limits.get(domain, self.max_parallel), self.max_parallel)
        return min(limits, self.max_parallel)

    def participants(self, org_id: str) -> int:
        return self.participants_overrides.get(org_id, self.participants_per_org)
