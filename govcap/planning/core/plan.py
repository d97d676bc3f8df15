"""The plan data: what generation returns and what documents, screens and diffs read.

Every line carries the identifiers it came from (organisation, section, rating, session,
module, cohort), so a renderer can show the rationale and a diff can match lines across
regenerations. ``PlanData.to_json()`` is canonical — sorted keys, no whitespace, money in
integer cents — so the same inputs give byte-identical output.
"""

from __future__ import annotations

import gc
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from typing import Any

from govcap.planning.core.inputs import MonthBlock, PreviousCourse
from govcap.scale import Level

PLAN_SCHEMA_VERSION = 1

# Status of an organisation on a section, of a need, of a cohort, of an operation.
GAP, AT_TARGET, UNKNOWN = "gap", "at-target", "unknown"
SCHEDULED, UNFIT, DROPPED = "scheduled", "unfit", "dropped"
UNSCHEDULED = "unscheduled"


@dataclass(frozen=True)
class Organisation:
    org_id: str
    org_name: str
    language: str
    session_id: str
    session_date: str
    participants: int


@dataclass(frozen=True)
class SectionStatus:
    """Where one organisation stands on one section: ``gap``, ``at-target`` or ``unknown``."""

    org_id: str
    section_key: str
    status: str
    current: Level | None
    target: Level
    reason: str = ""
    previous: Level | None = None  # its level in the previous round, when assessed then
    change: str = ""  # improved | regressed | same, against ``previous`` ("" when unknown)


@dataclass(frozen=True)
class Gap:
    org_id: str
    org_name: str
    section_key: str
    section_number: int
    section_title: str
    current: Level
    target: Level
    size: int
    strategic: bool
    confidence: str | None
    session_id: str
    rating_id: str
    benchmark_text: str
    rationale: str
    # The shared wording only (assessments.sharing); a plan stored before sharing existed
    # carried the internal notes under "notes", which is not read back.
    shared_notes: str = ""
    shared_evidence: str = ""
    shared_dissent: str = ""
    shared_quotes: tuple[tuple[str, str], ...] = ()

    def said(self) -> tuple[tuple[str, str, str], ...]:
        """What the session shared about this gap, as every document and page quotes it,
        in their order: (kind, who, text), kind "notes", "evidence", "dissent" or "quote"
        (`who` a quote's participant code, "" when unattributed or not a quote). Only the
        shared wording: never the internal notes (`assessments.sharing`)."""
        texts = (("notes", self.shared_notes), ("evidence", self.shared_evidence),
                 ("dissent", self.shared_dissent))
        return (*((kind, "", text) for kind, text in texts if text),
                *(("quote", who, text) for who, text in self.shared_quotes))


@dataclass(frozen=True)
class Unknown:
    """A section that was not assessed (or not rated): listed, never guessed."""

    org_id: str
    org_name: str
    section_key: str
    reason: str
    session_id: str = ""
    rating_id: str = ""


@dataclass(slots=True)
class Need:
    """One organisation taking one module; built during generation, then left alone.

    ``origin`` is ``gap`` (closes a gap on ``sections``), ``prerequisite`` (needed first by
    the modules in ``required_by``) or ``added`` (an edit). ``after`` lists the modules
    this organisation takes before this one.
    """

    org_id: str
    org_name: str
    module_code: str
    domain: str
    step: str
    language: str
    participants: int
    origin: str
    sections: tuple[str, ...] = ()
    required_by: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    score: float = 0.0
    rank: int = 0
    rating_ids: tuple[str, ...] = ()
    rationale: tuple[str, ...] = ()
    status: str = SCHEDULED
    cohort_id: str | None = None
    month: str | None = None
    op_id: str | None = None
    # An intervention (coaching, on-the-job project, training of trainers) that replaces
    # courses the organisation had in an earlier round while its gap persists: those courses
    follows: tuple[PreviousCourse, ...] = ()
    # The same course in an earlier round, which the organisation did not have (cancelled,
    # or none of its people completed it): why it is planned again
    retried: tuple[PreviousCourse, ...] = ()


@dataclass(frozen=True)
class Alternative:
    """Another way to close a gap no cohort of this plan can hold.

    ``kind``: ``join-cohort`` (a cohort of the same module and language in another
    engagement's plan, ``places_free`` there), ``in-house`` (the module for this
    organisation alone), ``coaching`` or ``e-learning`` (the catalogue intervention
    ``module_code``). ``cost_cents``: what it would cost this organisation (joining:
    its participant-days only). ``country``: the other engagement's country by its ISO
    code (a plan stored before kept its name), named in the reader's language when shown.
    """

    kind: str
    module_code: str
    cost_cents: int = 0
    engagement_name: str = ""
    country: str = ""
    month: str | None = None
    places_free: int = 0
    enough_places: bool = True


@dataclass(frozen=True)
class Blocker:
    """A rule (core.reasons) that kept a course out of ``months`` of the plan's open months,
    with its facts in the first of them — the organisation it names, its days and limit —
    so a reader learns which organisation's calendar was full when others had room;
    ``rule`` ``closed-months``: months closed to training."""

    rule: str
    facts: dict[str, Any]
    months: int


@dataclass(frozen=True)
class Unfit:
    """A need the plan could not place, with the reason; never silently dropped.

    ``module_code`` is None when the catalogue has no module for ``section_key`` at
    ``step``. Reason codes: ``no-module``, ``below-minimum``, ``over-maximum``,
    ``prerequisite-unfit``, ``capacity``, ``horizon``, ``later-round`` (an earlier round's
    plan once the next round reassesses its organisations: it plans nothing new).
    """

    org_id: str
    org_name: str
    module_code: str | None
    section_key: str | None
    step: str
    reason: str
    message: str
    cohort_id: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    # ``capacity``: what kept its course out of the plan's months, rule by rule (core.reasons)
    blocked: tuple[Blocker, ...] = ()
    # ``prerequisite-unfit``: the module it waits for, which could not be placed (its own
    # line in ``PlanData.unfit`` says why)
    waits_for: str = ""


@dataclass(frozen=True)
class CohortMember:
    org_id: str
    participants: int
    cost_cents: int = 0


@dataclass(slots=True)
class Cohort:
    cohort_id: str
    module_code: str
    domain: str
    language: str
    members: tuple[CohortMember, ...]
    priority: float
    participants: int = 0
    month: str | None = None
    status: str = UNSCHEDULED
    locked: bool = False
    pinned: bool = False
    topped_up: bool = False  # members send extra participants to reach the minimum
    cost_cents: int = 0
    # Kept from an earlier version because its delivery is under way or done (core.committed):
    # that delivery's status (planned | in_progress | completed) and the version it was in.
    delivery: str = ""
    carried_from: int = 0
    # The months its training days fall in, with the days (core.schedule.spread): a course's
    # all in its month, coaching and an on-the-job project's spread over later months.
    # Empty while it has no month (and in a plan stored before it was kept: its month).
    day_months: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        self.set_members(self.members)

    @property
    def last_month(self) -> str | None:
        """The month of its last training day (its month for a course held in one)."""
        return self.day_months[-1][0] if self.day_months else self.month

    def set_members(self, members: tuple[CohortMember, ...]) -> None:
        self.members = tuple(sorted(members, key=lambda m: m.org_id))
        self.participants = sum(m.participants for m in self.members)

    @property
    def org_ids(self) -> tuple[str, ...]:
        return tuple(m.org_id for m in self.members)


@dataclass(frozen=True)
class Budget:
    """Costs of the scheduled cohorts in integer cents of ``currency``.

    ``total_cents`` equals the sum of every breakdown. ``unscheduled_estimate_cents`` is
    the participant cost of the unfit needs that have a module (no cohort fixed costs:
    ``budget.need_cents``, as their alternatives are costed), ``unscheduled_by_org`` the
    same per organisation (empty in plans stored before it).
    """

    currency: str
    total_cents: int
    by_domain: dict[str, int]
    by_module: dict[str, int]
    by_org: dict[str, int]
    by_month: dict[str, int]
    unscheduled_estimate_cents: int
    # The cost model's lines (planning.core.budget): each ``quantity × unit_cents``; their
    # sum is ``subtotal_cents``, and ``contingency_cents`` (``contingency_percent`` of it,
    # rounded half up to the cent) makes ``total_cents``. ``by_category`` sums to the
    # total (contingency its own category) and ``org_categories`` gives each organisation's
    # share per category (summing to ``by_org``). Plans stored before the cost model have
    # no lines and read back with these defaults.
    lines: tuple[BudgetLine, ...] = ()
    by_category: dict[str, int] = field(default_factory=dict)
    org_categories: dict[str, dict[str, int]] = field(default_factory=dict)
    subtotal_cents: int = 0
    contingency_percent: str = "0"
    contingency_cents: int = 0
    rate_card: str = ""  # "KE 2026.1"; empty: catalogue prices only
    rate_card_source: str = ""
    rate_card_source_translations: dict[str, str] = field(default_factory=dict)
    rate_card_currency: str = ""
    rate_card_effective_from: str = ""
    rate_card_city: str = ""
    travelling_share_percent: int = 0
    # Unit rates in cents of ``currency`` (after the exchange rate), by rate key
    unit_rates: dict[str, int] = field(default_factory=dict)
    # the part of ``total_cents`` (with its contingency) spent on courses already under way
    # or done, kept from an earlier version (core.committed)
    committed_cents: int = 0
    unscheduled_by_org: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class BudgetLine:
    """One costed quantity: ``amount_cents == quantity × unit_cents``.

    Cohort lines carry the cohort, module, domain and month; reassessment lines the
    organisation and month. ``rate`` names the unit rate: a key of ``Budget.unit_rates``
    (the card's), or ``course-day`` / ``course-cohort`` for a module priced by the catalogue
    or an engagement override (their unit is the line's own ``unit_cents``).
    """

    category: str
    rate: str
    quantity: int
    unit_cents: int
    amount_cents: int
    month: str | None = None
    cohort_id: str | None = None
    module_code: str | None = None
    domain: str | None = None
    org_id: str | None = None


@dataclass(frozen=True)
class Indicator:
    """How a gap is checked: the section's level at reassessment against the target."""

    org_id: str
    org_name: str
    section_key: str
    indicator: str
    baseline: Level
    target: Level
    modules: tuple[str, ...]
    last_training_month: str | None
    reassess_month: str | None
    status: str  # on-plan | partly-unfit | unfit
    # A later round reassesses it (its name; ``reassess_month`` is then None): the plan of an
    # earlier round re-generated once the next round exists schedules no reassessment.
    reassessed_by: str = ""


@dataclass(frozen=True)
class EvaluationLevel:
    level: str  # reaction | learning | behaviour | results
    method: str
    from_month: str | None
    to_month: str | None
    measures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    """Kirkpatrick's four levels for one module across its scheduled cohorts."""

    module_code: str
    cohorts: tuple[str, ...]
    levels: tuple[EvaluationLevel, ...]


@dataclass(frozen=True)
class ActionRow:
    """A line of the action table programmes use."""

    module_code: str
    domain: str
    measure: str
    responsibility: str
    timeline_from: str
    timeline_to: str
    total_funding_cents: int
    funding_source: str
    technical_assistance: str
    organisations: tuple[str, ...]


@dataclass(frozen=True)
class OrgLoad:
    """One organisation's training load per plan month (aligned with ``PlanData.months``).

    ``days``: training days of its cohorts starting that month; ``limits``: the days it
    can take that month (its monthly limit, less in a month partly blocked, 0 in a closed
    one); ``away``: its participants in that month's cohorts. The quarterly limit applies
    to calendar quarters.
    """

    org_id: str
    org_name: str
    days_per_month: int
    days_per_quarter: int
    staff_away: int
    days: tuple[int, ...]
    limits: tuple[int, ...]
    away: tuple[int, ...]


def replaces_op_id(op_id: str) -> str:
    """The op ID of the removal a "Plan X instead" edit is saved with: the two are one action
    of the coordinator's, counted and said once."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"replaces:{op_id}"))


@dataclass(frozen=True)
class OperationResult:
    """What replaying one stored edit did: applied, noop, missing (target gone) or conflict.

    ``message`` is English (the command line); when it did not apply, ``rule`` and
    ``facts`` say why as data (``core.reasons``), for a page to say in its reader's words.
    """

    op_id: str
    kind: str
    status: str
    message: str
    rule: str = ""
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanData:
    catalogue_key: str
    catalogue_version: str
    currency: str
    months: tuple[str, ...]
    blackout_months: tuple[str, ...]
    settings: dict[str, Any]
    organisations: tuple[Organisation, ...]
    sections: tuple[SectionStatus, ...]
    gaps: tuple[Gap, ...]
    unknowns: tuple[Unknown, ...]
    needs: tuple[Need, ...]
    unfit: tuple[Unfit, ...]
    cohorts: tuple[Cohort, ...]
    budget: Budget
    indicators: tuple[Indicator, ...]
    evaluations: tuple[Evaluation, ...]
    actions: tuple[ActionRow, ...]
    operations: tuple[OperationResult, ...]
    # Each organisation's load per month, and the months holidays, Ramadan or the fiscal
    # year-end block (plans stored before these existed have none).
    load: tuple[OrgLoad, ...] = ()
    month_blocks: tuple[MonthBlock, ...] = ()
    schema_version: int = PLAN_SCHEMA_VERSION
    extra: dict[str, Any] = field(default_factory=dict)
    # what the organisations had in earlier rounds (read from those rounds' approved plans)
    previous_courses: tuple[PreviousCourse, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        with collector_paused():
            data: dict[str, Any] = plain(self)
        return data

    def to_json(self) -> str:
        return canonical_json(self.to_dict())


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a plan is built or serialised.

    Generation allocates hundreds of thousands of small objects that form no reference
    cycles; the collector would rescan all of them again and again as they accumulate,
    which made large plans grow faster than linearly. Reference counting still frees
    everything; the collector is switched back on (if it was on) when generation ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """Dataclasses, tuples, levels and decimals → JSON-ready dicts, lists and scalars."""
    if value is None or isinstance(value, (str, bool, float)):
        return value
    if isinstance(value, Level):
        return value.key
    if isinstance(value, int):
        return value
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, Decimal):
        return str(value)
    if is_dataclass(value):
        names = _FIELD_NAMES.get(type(value))
        if names is None:
            names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
        return {name: plain(getattr(value, name)) for name in names}
    raise TypeError(f"cannot put {type(value).__name__} into plan data")
