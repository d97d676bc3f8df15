"""A large synthetic portfolio: countries × organisations × rounds, built with bulk inserts.

`govcap demo --scale large` loads 20 countries × 500 organisations × 4 rounds (40,000
sessions, 320,000 consensus ratings); the benchmarks in `bench/` build the same data in a
throw-away database. Every row is marked demo (`is_demo`, users named `demo-…`), so
`govcap demo --remove` deletes it and exports and bundles leave it out unless asked.

Deterministic: each session draws from its own seed (country, organisation, round), so a
portfolio built in steps (100 organisations per country, then 400 more) holds the same
levels as one built at once, and the tenth of a portfolio is part of the whole.

Organisations go in through `bulk_create`; sessions, ratings, participants, quotes and
link rows through multi-row INSERTs, without building model instances — several times
faster. The level tally's triggers
(analysis/tally.py) run for every rating inserted either way, so the programme view stays
exact without a rebuild.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import re
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connections, router, transaction
from django.db.models import Model
from django.utils import timezone

from govcap import plainsql
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.instruments.services import ensure_default_instrument
from govcap.orgs.models import Country, Engagement, Organisation, unique_slug
from govcap.scale import CONFIDENCE_KEYS, SECTION_KEYS

# ISO 3166 leaves these codes to users: no real country has them.
COUNTRY_CODES = tuple(f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + tuple(
    f"Q{c}" for c in "MNOPQRSTUVWXYZ")
# Weighted so that capacity sits mostly at basic and moderate; not assessed apart.
LEVELS = ("basic", "basic", "moderate", "moderate", "moderate", "high", "not_assessed")
KINDS = ("ministry", "agency", "authority")
SECTORS = ("Finance", "Health", "ICT", "Education")
NOTES = (
    "Notes taken during the discussion.",
    "Practice depends on two or three people.",
    "Procedures exist on paper, rarely followed.",
    "Good examples in the finance unit only.",
    "The group agreed quickly on this level.",
    "Tools are bought but staff lack training.",
)
QUOTES = (
    "We learn on the job, nobody trains us.",
    "Every project starts again from zero.",
    "We would need a team for this, not one person.",
    "Our director asks for it but there is no budget.",
)
ROLE_TITLES = ("Head of ICT", "Systems administrator", "Developer", "Network officer",
               "Data officer", "Project manager")
SENIORITY = ("senior", "middle", "technical", "technical")
GENDERS = ("female", "male", "female", "male", "")
USER_PREFIX = "demo-scale-"
BATCH = 5000


@dataclass(frozen=True)
class Portfolio:
    """What to build. Organisations are per country; each has a session per round."""

    countries: int = 20
    organisations: int = 500
    rounds: int = 4
    participants: int = 4  # per session
    quote_share: float = 0.25  # of the sections rated, how many get a participant's quote
    demo: bool = True

    @property
    def sessions(self) -> int:
        return self.countries * self.organisations * self.rounds

    @property
    def ratings(self) -> int:
        return self.sessions * len(SECTION_KEYS)

    def describe(self) -> str:
        return (f"{self.countries} countries × {self.organisations} organisations × "
                f"{self.rounds} rounds")


LARGE = Portfolio()
SCALES = {"large": LARGE, "tenth": replace(LARGE, organisations=LARGE.organisations // 10)}


def parse_scale(text: str) -> Portfolio:
    """`large`, `tenth`, a fraction of the large portfolio (`0.25`) or `CxOxR` (`2x5x2`)."""
    text = text.strip().lower()
    if text in SCALES:
        return SCALES[text]
    shape = re.fullmatch(r"(\d+)x(\d+)x(\d+)", text)
    if shape:
        countries, orgs, rounds = (int(g) for g in shape.groups())
        portfolio = replace(LARGE, countries=countries, organisations=orgs, rounds=rounds)
    else:
        try:
            fraction = float(text)
        except ValueError:
            raise ValueError(f"{text!r}: give large, tenth, a fraction such as 0.1, or "
                             "COUNTRIESxORGANISATIONSxROUNDS such as 2x5x2") from None
        if not 0 < fraction <= 1:
            raise ValueError(f"{text!r}: a fraction of the large portfolio is above 0, at most 1")
        portfolio = replace(LARGE, organisations=max(1, round(LARGE.organisations * fraction)))
    if not 1 <= portfolio.countries <= len(COUNTRY_CODES):
        raise ValueError(f"from 1 to {len(COUNTRY_CODES)} countries")
    if portfolio.organisations < 1 or not 1 <= portfolio.rounds <= 10:
        raise ValueError("at least one organisation, and 1 to 10 rounds")
    return portfolio


@dataclass
class Frame:
    """The countries, their engagements (one per round) and facilitators, before any
    organisation is added."""

    portfolio: Portfolio
    instrument: Any
    countries: list[Country]
    engagements: list[Engagement]  # by country, then round
    facilitators: dict[int, Any]  # country id → its demo facilitator (None when not demo)

    def rounds_of(self, country: Country) -> list[Engagement]:
        return [e for e in self.engagements if e.country_id == country.pk]


@dataclass
class BuildStats:
    organisations: int = 0
    sessions: int = 0
    ratings: int = 0
    participants: int = 0
    quotes: int = 0
    seconds: defaultdict[str, float] = field(  # per table written
        default_factory=lambda: defaultdict(float))

    def add(self, other: BuildStats) -> None:
        for name in ("organisations", "sessions", "ratings", "participants", "quotes"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name, spent in other.seconds.items():
            self.seconds[name] += spent


Advance = Callable[[int], None]  # told how many sessions were just written


def portfolio_codes(portfolio: Portfolio) -> list[str]:
    return list(COUNTRY_CODES[:portfolio.countries])


def has_portfolio() -> bool:
    return Country.objects.filter(code__in=COUNTRY_CODES, is_demo=True).exists()


def create_frame(portfolio: Portfolio) -> Frame:
    codes = portfolio_codes(portfolio)
    taken = sorted(Country.objects.filter(code__in=codes).values_list("code", flat=True))
    if taken:
        raise ValueError(f"countries {', '.join(taken)} are already there "
                         "(`govcap demo --remove` deletes a demo portfolio)")
    instrument = ensure_default_instrument()
    countries = Country.objects.bulk_create([
        Country(code=code, name=f"Portfolio country {i + 1:02d}", is_demo=portfolio.demo)
        for i, code in enumerate(codes)])
    engagements = []
    for country in countries:
        for r in range(portfolio.rounds):
            name = f"{country.name} — round {r}"
            engagements.append(Engagement(
                slug=unique_slug(Engagement, name), country=country, name=name,
                round_number=r, start_date=dt.date(2024 + r, 3, 1),
                end_date=dt.date(2024 + r, 6, 30), instrument=instrument,
                status="open" if r == portfolio.rounds - 1 else "closed",
                is_demo=portfolio.demo))
    Engagement.objects.bulk_create(engagements)
    facilitators: dict[int, Any] = {c.pk: None for c in countries}
    if portfolio.demo:
        User = get_user_model()
        unusable = make_password(None)
        users = User.objects.bulk_create([
            User(username=f"{USER_PREFIX}{c.code.lower()}", first_name="Facilitator",
                 last_name=c.code, password=unusable) for c in countries])
        facilitators = {c.pk: u for c, u in zip(countries, users, strict=True)}
    return Frame(portfolio, instrument, countries, engagements, facilitators)


def add_organisations(frame: Frame, start: int, stop: int,
                      advance: Advance | None = None) -> BuildStats:
    """Add organisations start..stop-1 to every country: a session per round, each with
    participants, a consensus rating per section, some quotes. One transaction per
    country."""
    stats = BuildStats()
    for index, country in enumerate(frame.countries):
        with transaction.atomic():
            stats.add(_country_block(frame, index, country, start, stop))
        if advance:
            advance((stop - start) * frame.portfolio.rounds)
    return stats


def build_portfolio(portfolio: Portfolio, advance: Advance | None = None
                    ) -> tuple[Frame, BuildStats]:
    started = time.perf_counter()
    with transaction.atomic():
        frame = create_frame(portfolio)
    with _large_sqlite_cache():
        stats = add_organisations(frame, 0, portfolio.organisations, advance)
    stats.seconds["total"] = time.perf_counter() - started
    return frame, stats


@contextlib.contextmanager
def _large_sqlite_cache(kib: int = 64 * 1024):
    """SQLite's page cache (2 MB by default) for the time of the build: the indexes of
    random UUIDs outgrow it, and every insert would then read pages back. 40,000 sessions
    build in about 40% less time."""
    connection = connections[router.db_for_write(Rating)]
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _timed(stats: BuildStats, name: str, work: Callable[[], Any]) -> Any:
    started = time.perf_counter()
    result = work()
    stats.seconds[name] += time.perf_counter() - started
    return result


def _country_block(frame: Frame, country_index: int, country: Country, start: int,
                   stop: int) -> BuildStats:
    p = frame.portfolio
    stats = BuildStats()
    rounds = frame.rounds_of(country)
    orgs = _timed(stats, "sessions", lambda: Organisation.objects.bulk_create([
        Organisation(country=country, name=f"Ministry {i:04d}", code=f"M{i}",
                     kind=KINDS[i % 3], sector=SECTORS[i % 4], is_demo=p.demo)
        for i in range(start, stop)], batch_size=BATCH))
    plans = [(e, o, i) for e in rounds for i, o in zip(range(start, stop), orgs, strict=True)]

    def sessions() -> list[tuple[int, int]]:
        """(session ID, organisation ID) in the order of `plans`."""
        _insert(Engagement.organisations.through, ("engagement", "organisation"),
                [(e.pk, o.pk) for e in rounds for o in orgs])
        _insert(Session, SESSION_FIELDS, [
            (uuid.uuid4(), e.pk, o.pk, frame.instrument.pk, "validated", True, "en",
             _start(e) + dt.timedelta(days=i % 60), f"{o.name}, meeting room",
             _noon(_start(e) + dt.timedelta(days=i % 60 + 1)),
             _noon(_start(e) + dt.timedelta(days=i % 60 + 3)), p.demo, now, now,
             "", False, "", "")
            for e, o, i in plans])
        ids = {(e_id, o_id): pk for pk, e_id, o_id in Session.objects.filter(
            engagement__in=rounds, organisation__country=country).values_list(
            "id", "engagement_id", "organisation_id")}
        made = [(ids[e.pk, o.pk], o.pk) for e, o, _i in plans]
        facilitator = frame.facilitators.get(country.pk)
        if facilitator is not None:
            _insert(Session.facilitators.through, ("session", "user"),
                    [(pk, facilitator.pk) for pk, _o in made])
        return made

    now = timezone.now()
    made = _timed(stats, "sessions", sessions)
    people = _timed(stats, "participants", lambda: _participants(made, p))
    ratings, quotes = [], []
    for (session_id, _org), (e, _o, i) in zip(made, plans, strict=True):
        rng = random.Random((country_index * 100_003 + i) * 16 + e.round_number)
        ratings += _ratings(session_id, e.round_number, rng, now)
        if people:
            quotes += _quotes(session_id, people[session_id], p.quote_share, rng, now)
    _timed(stats, "ratings", lambda: _insert(Rating, RATING_FIELDS, ratings))
    _timed(stats, "quotes", lambda: _insert(Quote, QUOTE_FIELDS, quotes))
    stats.organisations, stats.sessions, stats.ratings = len(orgs), len(made), len(ratings)
    stats.participants = sum(len(v) for v in people.values())
    stats.quotes = len(quotes)
    return stats


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


def _start(engagement: Engagement) -> dt.date:
    assert engagement.start_date is not None  # every demo round has its dates
    return engagement.start_date


def _insert(model: type[Model], fields: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT rows (values in the order of `fields`, as Python values), many rows per
    statement. Each value goes through its field's own conversion for the database (UUIDs,
    JSON, datetimes), so the rows are what `bulk_create` would have written."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    meta_fields = [plainsql.column_field(model, f) for f in fields]
    quote = connection.ops.quote_name
    head = (f"INSERT INTO {quote(model._meta.db_table)} "
            f"({', '.join(quote(plainsql.column_name(model, f)) for f in fields)}) VALUES ")
    one = f"({', '.join(['%s'] * len(fields))})"
    converters = [None if f.get_internal_type() in PLAIN_TYPES else f for f in meta_fields]
    # SQLite's statements take at most 999 parameters (as Django assumes); PostgreSQL more.
    per_statement = (max(1, 999 // len(fields)) if connection.vendor == "sqlite"
                     else max(1, 20_000 // len(fields)))
    with connection.cursor() as cursor:
        for begin in range(0, len(rows), per_statement):
            chunk = rows[begin:begin + per_statement]
            params = [v if c is None else c.get_db_prep_save(v, connection)
                      for row in chunk for v, c in zip(row, converters, strict=True)]
            cursor.execute(head + ", ".join([one] * len(chunk)), params)


PLAIN_TYPES = {"CharField", "TextField", "BigAutoField", "AutoField", "ForeignKey",
               "BooleanField", "PositiveIntegerField", "PositiveSmallIntegerField",
               "IntegerField", "BigIntegerField", "SlugField"}
SESSION_FIELDS = ("uuid", "engagement", "organisation", "instrument", "status", "consent_given",
                  "language", "scheduled_date", "place", "submitted_at", "validated_at",
                  "is_demo", "created_at", "updated_at", "note_taker", "recording_allowed",
                  "consent_note", "source_instance_id")
RATING_FIELDS = ("uuid", "session", "section_key", "level", "not_assessed_reason",
                 "confidence", "notes", "evidence", "dissent", "field_revisions", "updated_at")
PARTICIPANT_FIELDS = ("uuid", "session", "code", "role_title", "organisation", "seniority",
                      "gender", "revision")
QUOTE_FIELDS = ("uuid", "session", "section_key", "participant", "text", "revision",
                "created_at")


def _participants(sessions: list[tuple[int, int]], p: Portfolio) -> dict[int, list[int]]:
    """Participants P1… of every session; their IDs by session."""
    if not p.participants:
        return {}
    _insert(Participant, PARTICIPANT_FIELDS, [
        (uuid.uuid4(), pk, f"P{n + 1}", ROLE_TITLES[(pk + n) % len(ROLE_TITLES)],
         org, SENIORITY[(pk + n) % len(SENIORITY)], GENDERS[(pk * 3 + n) % len(GENDERS)], 1)
        for pk, org in sessions for n in range(p.participants)])
    people: dict[int, list[int]] = {pk: [] for pk, _o in sessions}
    ids = list(people)  # a range, not a list of IDs: a query has a limit of parameters
    for session_id, pk in (Participant.objects.filter(session__gte=min(ids), session__lte=max(ids))
                           .order_by("session_id", "id").values_list("session_id", "id")):
        if session_id in people:
            people[session_id].append(pk)
    return people


def _ratings(session_id: int, round_number: int, rng: random.Random,
             now: dt.datetime) -> list[tuple]:
    drift = min(2, round_number // 2)  # capacity grows over the rounds
    out: list[tuple] = []
    for key in SECTION_KEYS:
        level = (LEVELS[min(len(LEVELS) - 2, rng.randrange(len(LEVELS)) + drift)]
                 if rng.random() > 0.05 else "not_assessed")
        assessed = level != "not_assessed"
        out.append((uuid.uuid4(), session_id, key, level,
                    "" if assessed else "Time ran out before this section.",
                    CONFIDENCE_KEYS[rng.randrange(3)] if assessed else "",
                    NOTES[rng.randrange(len(NOTES))], "", "", {}, now))
    return out


def _quotes(session_id: int, people: list[int], share: float, rng: random.Random,
            now: dt.datetime) -> list[tuple]:
    return [(uuid.uuid4(), session_id, key, rng.choice(people),
             QUOTES[rng.randrange(len(QUOTES))], 1, now)
            for key in SECTION_KEYS if rng.random() < share]
