"""Reading the database into the plain inputs of plan generation.

Only validated sessions count, and per organisation only its deciding one — the latest
validated, by the one rule of `analysis.core.org_level`; the consensus rating (no rater)
of each section is used. A section not assessed is passed as unknown with its reason. The
rationale carries the first benchmark statement of the rated level in the session's
instrument; the evidence, only what the session shared for documents (assessments.sharing)
— never its internal notes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import F, Q
from django.utils import timezone

from govcap.analysis.core import org_level
from govcap.assessments import sharing
from govcap.assessments.models import Participant, Rating, Session
from govcap.instruments.services import localised
from govcap.orgs.models import Engagement
from govcap.orgs.names import round_name
from govcap.planning.catalogues import latest_catalogue
from govcap.planning.core import blackouts
from govcap.planning.core.catalogue import Catalogue as CatalogueData
from govcap.planning.core.edits import Operation, operation_from_dict, operation_to_dict
from govcap.planning.core.inputs import (
    LEAD_WEEKS,
    Assessment,
    Constraints,
    CostOverride,
    OpenCohort,
    OrgCapacity,
    PreviousCourse,
    Targets,
    add_months,
    first_allowed_month,
    month_name,
    month_number,
)
from govcap.planning.core.plan import canonical_json, plain
from govcap.planning.core.ratecard import country_rate_card
from govcap.planning.models import Catalogue, Plan, PlanEdit, PlanSettings
from govcap.scale import LEVEL_KEYS, SECTION_KEYS, Level


@dataclass(frozen=True)
class Inputs:
    assessments: tuple[Assessment, ...]
    targets: Targets
    constraints: Constraints
    catalogue_row: Catalogue
    catalogue: CatalogueData
    operations: tuple[Operation, ...]
    section_titles: dict[str, str]
    checksum: str
    # every organisation engaged, by name, and how far its assessment got (COVERAGE)
    coverage: tuple[tuple[str, str], ...] = ()
    gender_mix: dict[str, dict[str, int]] = field(default_factory=dict)  # see gender_mix()
    previous_courses: tuple[PreviousCourse, ...] = ()  # see previous_courses()
    open_cohorts: tuple[OpenCohort, ...] = ()  # see open_cohorts()
    # what the checksum was made of, item by item and small (see manifest_of): stored with
    # the version, so its page can say what changed since, not only that something did
    manifest: dict[str, Any] = field(default_factory=dict)


def default_start_month(engagement, today: dt.date | None = None) -> str:
    """The first month the default lead time allows after the engagement's assessments end
    (or after today): a plan made when they end starts there, not "moved forward"."""
    day = engagement.end_date or engagement.start_date or today or dt.date.today()
    return first_allowed_month(day, LEAD_WEEKS)


def plan_date() -> dt.date:
    """The plan's date: the day a version is generated (its documents carry that date, and
    its schedule starts no earlier than the settings' lead time after it)."""
    return timezone.localdate()


def ensure_settings(engagement) -> PlanSettings:
    settings = PlanSettings.objects.filter(engagement=engagement).first()
    if settings is None:
        code = engagement.country.code.upper()
        settings, _ = PlanSettings.objects.get_or_create(
            engagement=engagement,
            defaults={"start_month": default_start_month(engagement),
                      "fiscal_year_end_month": blackouts.FISCAL_YEAR_END.get(code),
                      "block_ramadan": code in blackouts.RAMADAN_BLOCKED})
    return settings


def targets_of(settings: PlanSettings) -> Targets:
    overrides = {org: {s: Level.from_key(lv) for s, lv in sections.items() if lv}
                 for org, sections in settings.target_overrides.items()}
    return Targets(default=Level.from_key(settings.default_level),
                   strategic_level=Level.from_key(settings.strategic_level),
                   strategic_sections=frozenset(settings.strategic_sections),
                   overrides={k: v for k, v in overrides.items() if v},
                   sustain_high=settings.sustain_high)


def engagement_targets(engagement) -> Targets:
    """The engagement's targets from its plan settings (defaults when there are none)."""
    settings = PlanSettings.objects.filter(engagement=engagement).first()
    return targets_of(settings) if settings else Targets()


def _money(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _capacity(value: Any) -> OrgCapacity:
    def number(name: str) -> int | None:
        return int(value[name]) if value.get(name) not in (None, "") else None
    return OrgCapacity(number("days_per_month"), number("days_per_quarter"), number("staff_away"))


def constraints_of(settings: PlanSettings, day: dt.date | None = None) -> Constraints:
    """The settings as constraints for a plan dated ``day`` (today when None); a later
    round of the country, when there is one, reassesses the plan (``reassessed_by``)."""
    day = day or plan_date()
    costs = {code: CostOverride(_money(c.get("per_participant_day")), _money(c.get("per_cohort")))
             for code, c in settings.cost_overrides.items()}
    plain_constraints = Constraints(start_month=settings.start_month,
                                    horizon_months=settings.horizon_months,
                                    plan_date=day.isoformat(), lead_weeks=settings.lead_weeks)
    # The calendar from the start month before closed months move it on (to the first
    # month open to training), with a year more so the moved calendar is covered too.
    calendar = plain_constraints.calendar_months
    later = later_round(settings.engagement, day)
    if later is not None and settings.start_month < calendar[0]:
        # an earlier round's plan keeps its courses in their own months (planning.core
        # .generate): its calendar starts with the months in the settings
        calendar = tuple(month_name(m) for m in range(month_number(settings.start_month),
                                                      month_number(calendar[-1]) + 1))
    blocks = blackouts.month_blocks(
        settings.engagement.country.code,
        calendar + tuple(add_months(calendar[-1], i + 1) for i in range(12)),
        settings.fiscal_year_end_month, settings.block_ramadan, settings.block_holidays)
    return Constraints(
        plan_date=day.isoformat(), lead_weeks=settings.lead_weeks, month_blocks=blocks,
        days_per_month=settings.days_per_month, days_per_quarter=settings.days_per_quarter,
        staff_away=settings.staff_away,
        capacity_overrides={k: _capacity(v) for k, v in settings.capacity_overrides.items()},
        start_month=settings.start_month, horizon_months=settings.horizon_months,
        max_parallel=settings.max_parallel,
        max_parallel_per_domain=settings.max_parallel_per_domain,
        blackout_months=frozenset(settings.blackout_months),
        participants_per_org=settings.participants_per_org,
        participants_overrides={k: int(v) for k, v in settings.participants_overrides.items()},
        max_participants_per_org=max(settings.max_participants_per_org,
                                     settings.participants_per_org),
        currency=settings.currency, exchange_rate=Decimal(settings.exchange_rate),
        cost_overrides=costs, funding_source=settings.funding_source,
        # The country's current rate card on the plan's date (planning.core.ratecard)
        # (or the version the engagement pins), and its share of travelling participants
        rate_card=country_rate_card(settings.engagement.country.code, day.isoformat(),
                                    settings.rate_card_version),
        travelling_share_percent=settings.travelling_share_percent,
        reassessed_by=later.name if later is not None else "",
    )


def latest_validated_sessions(engagement) -> list[Session]:
    """Per organisation, its deciding session — the latest validated one of the engagement,
    by the one rule of `analysis.core.org_level` (a provisional level never enters a plan)."""
    sessions = {s.pk: s for s in Session.objects.filter(
        engagement=engagement, status=Session.Status.VALIDATED)
        .select_related("organisation", "instrument")}
    decided = org_level.decide(
        (org_level.SessionRef(s.pk, s.organisation_id, s.status, s.scheduled_date,
                              s.validated_at, s.engagement_id) for s in sessions.values()),
        provisional=False)
    return [sessions[decided[key].session_id] for key in sorted(decided, key=lambda k: k[1])]


def _benchmark(section, level: str) -> str:
    if section is None or level not in LEVEL_KEYS:
        return ""
    statements = section.statements(level)
    return str(statements[0].text) if statements else ""


def previous_round(engagement):
    """The same country's engagement of the round before (None for a first round)."""
    return (Engagement.objects.filter(country_id=engagement.country_id,
                                      round_number__lt=engagement.round_number)
            .order_by("-round_number", "-id").first())


def later_round(engagement, day: dt.date | None = None):
    """The same country's engagement of the next round that has begun by ``day`` (today
    when None; one without a start date has), or None: an earlier round's plan re-generated
    after it is reassessed by it, and plans nothing new. A plan dated before that round
    began (the demo's baseline, approved in April 2025) is an ordinary plan."""
    if engagement.pk is None:  # settings read apart from the database: no rounds known
        return None
    day = day or plan_date()
    return (Engagement.objects.filter(country_id=engagement.country_id,
                                      round_number__gt=engagement.round_number)
            .filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
            .order_by("round_number", "id").first())


def later_round_label(engagement, stored: str | None) -> str:
    """The later round that reassesses a plan (its stored name, plan data
    ``extra.later_round``) as pages and documents name a round: "Follow-up 1 (2026)" in the
    active language (`govcap.orgs.names.round_name`), not the engagement's stored name
    ("Kenya — follow-up 2026"); the stored name when that round is gone, "" for none."""
    if not stored:
        return ""
    later = (Engagement.objects.filter(country_id=engagement.country_id, name=stored)
             .order_by("round_number", "id").first())
    if later is None:
        return stored
    return round_name(later.round_number, later.start_date.year if later.start_date else None)


def previous_levels(engagement) -> dict[tuple[int, str], str]:
    """(organisation id, section) → the level its deciding session of the previous round
    gave (not-assessed sections left out)."""
    before = previous_round(engagement)
    if before is None:
        return {}
    sessions = latest_validated_sessions(before)
    org_of = {s.pk: s.organisation_id for s in sessions}
    return {(org_of[session_id], key): level for session_id, key, level in
            Rating.objects.filter(session__in=sessions, rater__isnull=True,
                                  level__in=LEVEL_KEYS).values_list(
                "session_id", "section_key", "level")}


def assessments_for(engagement, sessions: list[Session] | None = None) -> list[Assessment]:
    """`sessions`: the engagement's deciding sessions when the caller has them already."""
    rows: list[Assessment] = []
    if sessions is None:
        sessions = latest_validated_sessions(engagement)
    before = previous_levels(engagement)
    ratings = (Rating.objects.filter(session__in=sessions, rater__isnull=True,
                                     section_key__in=SECTION_KEYS)
               .order_by("session_id", "section_key"))
    by_session: dict[int, list[Rating]] = {}
    for r in ratings:
        by_session.setdefault(r.session_id, []).append(r)
    shared = sharing.for_sessions(s.pk for s in sessions)
    for session in sessions:
        instrument = localised(session.instrument, engagement.language)
        day = session.scheduled_date or (session.validated_at.date() if session.validated_at
                                         else None)
        for r in by_session.get(session.pk, []):
            if not r.level:
                continue  # never rated: the core reports the section as unknown
            assessed = r.level in LEVEL_KEYS
            said = shared.get((session.pk, r.section_key)) or sharing.Shared()
            rows.append(Assessment(
                org_id=str(session.organisation.uuid), org_name=session.organisation.name,
                section_key=r.section_key,
                level=Level.from_key(r.level) if assessed else None,
                confidence=r.confidence or None, session_id=str(session.uuid),
                rating_id=str(r.uuid),
                benchmark_text=_benchmark(instrument.section(r.section_key), r.level),
                shared_notes=said.notes, shared_evidence=said.evidence,
                shared_dissent=said.dissent, shared_quotes=tuple(said.quotes),
                not_assessed_reason="" if assessed else (r.not_assessed_reason.strip()
                                                         or "not assessed"),
                language=session.language or engagement.language or "en",
                session_date=day.isoformat() if day else "", validated=True,
                previous_level=(Level.from_key(before[(session.organisation_id, r.section_key)])
                                if (session.organisation_id, r.section_key) in before
                                else None),
            ))
    return rows


@dataclass(frozen=True)
class DeliveredCourses:
    """What the delivery records say of earlier rounds: courses completed (``delivered``
    records) and (organisation, module, round) the approved plan scheduled but the
    organisation did not have — the course was cancelled, or none of its people completed
    it — so its plan record no longer counts."""

    delivered: tuple[PreviousCourse, ...] = ()
    not_had: frozenset[tuple[str, str, int]] = frozenset()
    # the same, as records (PreviousCourse.outcome): the next plan says why it plans it again
    not_completed: tuple[PreviousCourse, ...] = ()


# Delivery is a package above planning, which never imports it: it says how to read its
# records (``read_deliveries_with``, from its AppConfig.ready()). Without it: plans only.
_delivery_reader: Callable[[list[Engagement]], DeliveredCourses] | None = None


def read_deliveries_with(reader: Callable[[list[Engagement]], DeliveredCourses]) -> None:
    global _delivery_reader
    _delivery_reader = reader


def previous_courses(engagement) -> tuple[PreviousCourse, ...]:
    """What each organisation had in the earlier rounds of the same country: the modules
    scheduled for it in each earlier round's latest approved plan (with the month), as the
    delivery records correct them — a completed course is a ``delivered`` record (with its
    actual month), which the generator prefers for the same round; a cancelled course, or
    one none of the organisation's people completed, was not had: its record says so
    (``PreviousCourse.outcome``), so the next plan says why it plans the course again."""
    earlier = Engagement.objects.filter(country_id=engagement.country_id,
                                        round_number__lt=engagement.round_number)
    found: list[PreviousCourse] = []
    for before in earlier.order_by("round_number", "id"):
        plan = (Plan.objects.filter(engagement=before, status=Plan.Status.APPROVED)
                .order_by("-version").first())
        if plan is None:
            continue
        data = plan.data
        for cohort in data.get("cohorts", ()):
            if cohort.get("status") != "scheduled":
                continue
            for member in cohort.get("members", ()):
                found.append(PreviousCourse(
                    org_id=member["org_id"], module_code=cohort["module_code"],
                    month=cohort.get("month"), engagement_name=before.name,
                    round_number=before.round_number, plan_version=plan.version))
    if _delivery_reader is not None:
        records = _delivery_reader(list(earlier))
        found = [c for c in found
                 if (c.org_id, c.module_code, c.round_number) not in records.not_had]
        found += records.delivered + records.not_completed
    return tuple(sorted(found, key=lambda c: (c.org_id, c.module_code, c.round_number,
                                              c.source)))


def _course_summary(course: PreviousCourse) -> dict[str, Any]:
    """A previous course as the checksum reads it: the fields added for a course not had
    left out while empty, so a plan made before them is not out of date for it."""
    return {k: v for k, v in plain(course).items()
            if k not in ("outcome", "completed", "participants") or v not in ("", None)}


def open_cohorts(engagement) -> tuple[OpenCohort, ...]:
    """Scheduled cohorts of every other engagement's latest plan (approved if it has one,
    else its latest draft) that have places free, up to the module's maximum in the
    catalogue that plan used."""
    found: list[OpenCohort] = []
    parsed: dict[int, CatalogueData] = {}
    others = Engagement.objects.exclude(pk=engagement.pk).select_related("country")
    for other in others.order_by("id"):
        plans = Plan.objects.filter(engagement=other).order_by("-version")
        plan = plans.filter(status=Plan.Status.APPROVED).first() or plans.first()
        if plan is None:
            continue
        data = plan.data
        row = Catalogue.objects.filter(key=data.get("catalogue_key"),
                                       version=data.get("catalogue_version")).first()
        if row is None:
            continue
        catalogue = parsed.get(row.pk) or parsed.setdefault(row.pk, row.parsed())
        for cohort in data.get("cohorts", ()):
            module = catalogue.by_code.get(cohort["module_code"])
            if cohort.get("status") != "scheduled" or module is None or not cohort["month"]:
                continue
            free = module.max_cohort - int(cohort["participants"])
            if free > 0:
                # the country by its code: named in the reader's language where shown
                found.append(OpenCohort(other.name, other.country.code,
                                        module.code, cohort["language"], cohort["month"],
                                        free, tuple(sorted(m["org_id"] for m in
                                                           cohort.get("members", ())))))
    return tuple(found)


def section_titles(engagement) -> dict[str, str]:
    instrument = localised(engagement.instrument, engagement.language)
    return {s.key: str(s.title) for s in instrument.sections}


def stored_operations(engagement) -> tuple[Operation, ...]:
    edits = PlanEdit.objects.filter(engagement=engagement, withdrawn=False).order_by("seq")
    return tuple(operation_from_dict(e.operation) for e in edits)


# How far an organisation's assessment got, furthest first: only "validated" enters the plan.
COVERAGE = ("validated", "submitted", "in_progress", "draft", "none")


def gender_mix(engagement, sessions: list[Session] | None = None) -> dict[str, dict[str, int]]:
    """Per organisation (uuid), the genders its people recorded in its deciding session's
    focus group ("female", "male", "other", "" for not stated): what the plan's nominations
    set beside their gender-balance target. Only the session that assessed the organisation
    counts its people: two Ministry of ICT participants in the focus group of the Office of
    the Data Protection Commissioner changed "Its focus groups" of every Ministry of ICT
    course ("3 women of 10" → "3 women of 12") though that session rated only the ODPC."""
    mix: dict[str, dict[str, int]] = {}
    if sessions is None:
        sessions = latest_validated_sessions(engagement)
    for org_uuid, gender in Participant.objects.filter(
            session__in=sessions, organisation=F("session__organisation")).values_list(
            "organisation__uuid", "gender"):
        counts = mix.setdefault(str(org_uuid), {})
        counts[gender] = counts.get(gender, 0) + 1
    return mix


def coverage_of(engagement) -> tuple[tuple[str, str], ...]:
    """Every organisation of the engagement and the furthest status of its sessions in it
    ("none": no session yet), by name: what the document's summary says was covered."""
    furthest: dict[int, str] = {}
    for org_id, status in Session.objects.filter(engagement=engagement).values_list(
            "organisation_id", "status"):
        held = furthest.get(org_id, "none")
        if COVERAGE.index(status) < COVERAGE.index(held):
            furthest[org_id] = status
    orgs = engagement.organisations.order_by("name", "id").values_list("id", "name")
    return tuple((name, furthest.get(org_id, "none")) for org_id, name in orgs)


def gather(engagement, day: dt.date | None = None) -> Inputs:
    settings = ensure_settings(engagement)
    constraints = constraints_of(settings, day)
    row = settings.catalogue or latest_catalogue()
    catalogue = row.parsed(engagement.language)
    deciding = latest_validated_sessions(engagement)  # read once for both below
    assessments = tuple(assessments_for(engagement, deciding))
    operations = stored_operations(engagement)
    titles = section_titles(engagement)
    coverage = coverage_of(engagement)
    mix = gender_mix(engagement, deciding)
    earlier, spare = previous_courses(engagement), open_cohorts(engagement)
    summary = {
        "assessments": [plain(a) for a in assessments], "settings": settings.as_dict(),
        "catalogue": [row.checksum, engagement.language],
        # the whole rate card, so a new card (or an edited one) makes a new version
        "rate_card": plain(constraints.rate_card),
        # the month the schedule starts in: a draft whose start has passed is out of date
        "first_month": constraints.first_month,
        "operations": [operation_to_dict(op) for op in operations], "titles": titles,
        "coverage": coverage, "gender_mix": mix,
        # other engagements' spare places are offered but never make this plan out of date
        "previous_courses": [_course_summary(c) for c in earlier],
    }
    # (a later round appearing, constraints.reassessed_by, leaves an approved plan of this
    # round as it was approved: not in the checksum; services.generate compares it apart)
    digest = hashlib.sha256(canonical_json(summary).encode()).hexdigest()
    return Inputs(assessments, targets_of(settings), constraints, row, catalogue,
                  operations, titles, digest, coverage, mix, earlier, spare,
                  manifest_of(deciding, assessments, summary))


def _short(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()[:16]


def manifest_of(deciding: list[Session], assessments: tuple[Assessment, ...],
                summary: dict[str, Any]) -> dict[str, Any]:
    """The inputs item by item, from what ``gather`` read (no query of its own): each
    organisation's deciding session and when it was validated, each section's level and
    confidence, the hashes of its shareable notes and of each shareable quote, the earlier
    rounds' delivered courses, and one hash per other input (settings, edits, catalogue,
    rate card, first month, coverage). ``services.evidence_changes`` compares two."""
    sessions = {str(s.organisation.uuid): [str(s.uuid), s.validated_at.isoformat()
                                           if s.validated_at else ""] for s in deciding}
    levels, notes, quotes = {}, {}, {}
    for a in assessments:
        key = f"{a.org_id}:{a.section_key}"
        levels[key] = f"{a.level.key if a.level else ''}|{a.confidence or ''}"
        notes[key] = _short([a.shared_notes, a.shared_evidence, a.shared_dissent])
        if a.shared_quotes:
            quotes[key] = sorted(_short(list(q)) for q in a.shared_quotes)
    return {"sessions": sessions, "levels": levels, "notes": notes, "quotes": quotes,
            "deliveries": sorted(_short(c) for c in summary["previous_courses"]),
            **{k: _short(summary[k]) for k in ("settings", "operations", "catalogue",
                                                "rate_card", "first_month", "coverage")}}
