"""Build the demo data set as plain dataclasses: no database, no clock.

Every random choice comes from a `random.Random` seeded with a string naming what it is
for (country, engagement, organisation, purpose), so the plan is the same on every run and
changing one part of the data does not reshuffle the rest.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from govcap.demo.compose import Composer
from govcap.demo.countries import (
    COUNTRIES,
    REFERENCE_DATE,
    SEED,
    CountrySpec,
    EngagementSpec,
    OrgSpec,
)
from govcap.demo.people import (
    FAMILY_NAME_PARTS,
    FAMILY_NAMES,
    GIVEN_NAMES,
    NOTE_TAKERS,
    ROLES_EN,
    ROLES_FR,
    SECONDING_ORGS,
    USERS,
    UserSpec,
)
from govcap.scale import SECTION_DOMAIN, SECTION_KEYS, Level

UTC = dt.UTC
# (engagement key, organisation key) → the training domains in which one of the
# organisation's officials completed a course between the previous round and that one
Training = Mapping[tuple[str, str], frozenset[str]]
# Working-day weekends: Kenya Saturday–Sunday, Djibouti Friday–Saturday, Somalia Friday.
WEEKENDS = {"KE": {5, 6}, "DJ": {4, 5}, "SO": {4}}


@dataclass
class RatingPlan:
    section_key: str
    level: str  # high / moderate / basic / not_assessed, or "" while discussion is open
    rater: str = ""  # username of an individual rater; "" for the group's consensus
    not_assessed_reason: str = ""
    confidence: str = ""
    notes: str = ""
    evidence: str = ""
    dissent: str = ""


@dataclass
class QuotePlan:
    section_key: str
    participant_code: str
    text: str


@dataclass
class ParticipantPlan:
    code: str
    role_title: str
    org_key: str
    seniority: str
    gender: str
    name: str = ""
    contact: str = ""


@dataclass
class SessionPlan:
    country_code: str
    engagement_key: str
    org_key: str
    scheduled_date: dt.date
    place: str
    language: str
    facilitators: tuple[str, ...]
    note_taker: str
    status: str
    consent_given: bool = False
    recording_allowed: bool = False
    consent_note: str = ""
    consent_recorded_at: dt.datetime | None = None
    submitted_at: dt.datetime | None = None
    validated_at: dt.datetime | None = None
    validated_by: str = ""
    participants: list[ParticipantPlan] = field(default_factory=list)
    ratings: list[RatingPlan] = field(default_factory=list)
    quotes: list[QuotePlan] = field(default_factory=list)


@dataclass
class DemoPlan:
    countries: tuple[CountrySpec, ...]
    users: tuple[UserSpec, ...]
    sessions: list[SessionPlan]


def rng_for(*parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in (SEED, *parts)))


# --- levels -------------------------------------------------------------------------------


def baseline_levels(country: CountrySpec, org: OrgSpec) -> dict[str, Level]:
    rng = rng_for("levels", country.code, org.key)
    levels = {}
    for section in SECTION_KEYS:
        mean = country.profile[section] + org.strength + org.bias.get(section, 0.0)
        levels[section] = _clamp(round(mean + rng.gauss(0, 0.4)))
    return levels


def round_levels(country: CountrySpec, engagement: EngagementSpec, org: OrgSpec,
                 training: Training | None = None) -> dict[str, Level]:
    """Levels in a round: the baseline, moved up (rarely down) in each later round — more
    often in the sections whose domain the organisation was trained in since the round
    before (``training``). Each section's draw is the same whatever the training, so
    training only changes the odds of the organisations it reached."""
    levels = baseline_levels(country, org)
    for later in country.engagements:
        if later.round_number == 0 or later.round_number > engagement.round_number:
            continue
        rng = rng_for("progress", later.key, org.key)
        trained = (training or {}).get((later.key, org.key), frozenset())
        for section in SECTION_KEYS:
            draw = rng.random()
            chance = (later.trained_improvement if SECTION_DOMAIN[section] in trained
                      else later.improvement.get(section, 0.08))
            if draw < chance:
                levels[section] = _clamp(levels[section] + 1)
            elif draw > 0.96:
                levels[section] = _clamp(levels[section] - 1)
    return levels


def _clamp(value: int) -> Level:
    return Level(min(int(Level.HIGH), max(int(Level.BASIC), value)))


# --- sessions -----------------------------------------------------------------------------


def build_plan(training: Training | None = None) -> DemoPlan:
    """The whole demo; ``training`` (what each organisation completed between rounds, read
    by the loader from the earlier round's deliveries) moves the later rounds' levels."""
    sessions = [
        build_session(country, engagement, index, training)
        for country in COUNTRIES
        for engagement in country.engagements
        for index in range(len(engagement.orgs))
    ]
    return DemoPlan(countries=COUNTRIES, users=USERS, sessions=sessions)


def later_rounds(countries: tuple[CountrySpec, ...] = COUNTRIES) -> dict[str, EngagementSpec]:
    """Engagement key → the previous round of the same country, for every engagement that
    follows another: the rounds whose levels depend on the training in between."""
    out = {}
    for country in countries:
        for e in country.engagements:
            before = [x for x in country.engagements if x.round_number < e.round_number]
            if before:
                out[e.key] = max(before, key=lambda x: x.round_number)
    return out


def build_session(country: CountrySpec, engagement: EngagementSpec, index: int,
                  training: Training | None = None) -> SessionPlan:
    org = _org(country, engagement.orgs[index])
    rng = rng_for("session", engagement.key, org.key)
    status = engagement.statuses[index] if index < len(engagement.statuses) else "validated"
    when = session_date(country, engagement, index, status)
    facilitators = [u.username for u in USERS if u.country == country.code]
    rng.shuffle(facilitators)
    if rng.random() < 0.2:
        facilitators = facilitators[:1]
    session = SessionPlan(
        country_code=country.code,
        engagement_key=engagement.key,
        org_key=org.key,
        scheduled_date=when,
        place=_place(rng, country, org),
        language=country.language,
        facilitators=tuple(facilitators),
        note_taker=rng.choice(NOTE_TAKERS[country.code]),
        status=status,
    )
    if status == "draft":
        return session  # planned: no consent, participants or ratings yet
    session.participants = _participants(rng, country, org)
    codes = [p.code for p in session.participants]
    text = Composer(rng, country.language, {**country.context, "unit": org.unit}, codes)
    session.consent_given = True
    session.recording_allowed = rng.random() < 0.6
    session.consent_note = text.consent_note(session.recording_allowed)
    session.consent_recorded_at = _at(when, 6, 10 + rng.randrange(20))
    if status in ("submitted", "validated"):
        submitted = _at(when + dt.timedelta(days=1 + rng.randrange(2)), 13, 30)
        session.submitted_at = submitted
        if status == "validated":
            session.validated_at = submitted + dt.timedelta(days=3 + rng.randrange(5))
            session.validated_by = f"demo-coordinator-{country.code.lower()}"
    levels = round_levels(country, engagement, org, training)
    _consensus(session, text, levels, country, engagement, org, rng)
    if (status == "validated" and len(session.facilitators) == 2
            and rng_for("raters", engagement.key, org.key).random() < 0.5):
        _individual_ratings(session, text, rng)
    return session


def session_date(country: CountrySpec, engagement: EngagementSpec, index: int,
                 status: str) -> dt.date:
    if status == "in_progress":
        return _workday(REFERENCE_DATE - dt.timedelta(days=3), country.code)
    if status == "draft":
        return _workday(REFERENCE_DATE + dt.timedelta(days=9), country.code)
    return _workday(engagement.start + dt.timedelta(days=3 * index), country.code)


def _workday(day: dt.date, country_code: str) -> dt.date:
    while day.weekday() in WEEKENDS[country_code]:
        day += dt.timedelta(days=1)
    return day


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=UTC)


def _org(country: CountrySpec, key: str) -> OrgSpec:
    return next(o for o in country.orgs if o.key == key)


def _place(rng: random.Random, country: CountrySpec, org: OrgSpec) -> str:
    if country.code == "DJ":
        options = [f"Salle de réunion, {org.code}, Djibouti", "INAP, salle de formation, Djibouti"]
    elif country.code == "KE":
        options = [f"{org.code} boardroom, Nairobi", "Kenya School of Government, Lower Kabete, Nairobi"]
    else:
        options = [f"{org.code} conference room, Mogadishu", "MoCT training room, Mogadishu"]
    return options[0] if rng.random() < 0.75 else options[1]


def _participants(rng: random.Random, country: CountrySpec, org: OrgSpec) -> list[ParticipantPlan]:
    count = rng.randint(4, 8)
    seconding = [k for k in SECONDING_ORGS[country.code] if k != org.key]
    named = rng.random() < 0.35
    names_left = rng.randint(1, 3) if named else 0
    used_titles: set[str] = set()
    people = []
    for i in range(count):
        if i == 0:
            seniority = "senior" if rng.random() < 0.85 else "middle"
        else:
            seniority = rng.choices(("senior", "middle", "technical", ""), (8, 32, 56, 4))[0]
        draw = rng.random()
        gender = "" if draw < 0.04 else "female" if draw < 0.04 + country.female_share else "male"
        title = _title(rng, country, seniority, gender, used_titles)
        person = ParticipantPlan(
            code=f"P{i + 1}", role_title=title,
            org_key=rng.choice(seconding) if i > 0 and rng.random() < 0.15 else org.key,
            seniority=seniority, gender=gender,
        )
        if names_left and rng.random() < 0.6:
            names_left -= 1
            person.name = _name(rng, country.code, gender)
            if rng.random() < 0.5:
                person.contact = _email(person.name)
        people.append(person)
    return people


def _title(rng: random.Random, country: CountrySpec, seniority: str, gender: str,
           used: set[str]) -> str:
    if country.language == "fr":
        pool = [(s, f if gender == "female" else m) for s, m, f in ROLES_FR]
    else:
        pool = list(ROLES_EN)
    candidates = [t for s, t in pool if (s == seniority or not seniority) and t not in used]
    title = rng.choice(candidates or [t for _, t in pool])
    used.add(title)
    return title


def _name(rng: random.Random, country_code: str, gender: str) -> str:
    given = GIVEN_NAMES[country_code][gender or rng.choice(("female", "male"))]
    family = rng.sample(FAMILY_NAMES[country_code], FAMILY_NAME_PARTS[country_code])
    return " ".join([rng.choice(given), *family])


def _email(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = ascii_name.lower().split()
    return f"{parts[0]}.{parts[-1]}@example.org"


# --- ratings ------------------------------------------------------------------------------


def _consensus(session: SessionPlan, text: Composer, levels: dict[str, Level],
               country: CountrySpec, engagement: EngagementSpec, org: OrgSpec,
               rng: random.Random) -> None:
    sections = list(SECTION_KEYS)
    open_at = len(sections)
    if session.status == "in_progress":
        open_at = rng.randint(3, 5)
    not_assessed = rng_for("not-assessed", engagement.key, org.key)
    for position, section in enumerate(sections[: open_at + 1]):
        level = levels[section].key
        if position == open_at:  # the section under discussion when the session broke
            session.ratings.append(RatingPlan(section, "", notes=text.partial_notes(section, level)))
            break
        if session.status != "in_progress" and not_assessed.random() < 0.025:
            session.ratings.append(RatingPlan(section, "not_assessed",
                                              not_assessed_reason=text.not_assessed_reason()))
            continue
        evidence = text.evidence(section, level)
        dissent_rate = 0.25 if level == "moderate" else 0.12
        dissent = text.dissent(section, level) if rng.random() < dissent_rate else ""
        session.ratings.append(RatingPlan(
            section, level,
            confidence=text.confidence(evidence=bool(evidence) and level != "basic",
                                       dissent=bool(dissent),
                                       participants=len(session.participants)),
            notes=text.notes(section, level), evidence=evidence, dissent=dissent,
        ))
        if rng.random() < 0.35:
            for code, quote in text.quotes(section, level, country.quote_suffix):
                session.quotes.append(QuotePlan(section, code, quote))


def _individual_ratings(session: SessionPlan, text: Composer, rng: random.Random) -> None:
    """Each facilitator's own rating, made before the group agreed; mostly the same level."""
    consensus = [r for r in session.ratings if r.level in ("high", "moderate", "basic")]
    for rater in session.facilitators:
        for rating in consensus:
            level = Level.from_key(rating.level)
            if rng.random() < 0.14:
                step = rng.choice((-1, 1))
                if not Level.BASIC <= level + step <= Level.HIGH:
                    step = -step
                level = Level(level + step)
            session.ratings.append(RatingPlan(
                rating.section_key, level.key, rater=rater,
                confidence=rng.choice(("medium", "medium", "high", "low")),
                notes=text.reading(rating.section_key, level.key),
            ))
