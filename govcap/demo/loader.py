"""Write the demo plan to the database, find it, and remove it again.

Demo rows are marked: `is_demo` on countries, organisations, engagements and sessions, and
usernames starting with "demo-". Removal deletes those rows and what hangs off them
(participants, identities, ratings, quotes, role assignments) and nothing else.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q, QuerySet

from govcap.accounts.models import AuditEvent, RoleAssignment
from govcap.analysis.models import CodedSegment, Suggestion, VoteTally
from govcap.assessments.models import (
    Participant,
    ParticipantIdentity,
    Quote,
    Rating,
    Session,
    SharedText,
)
from govcap.assessments.redaction import with_gaps_marked
from govcap.delivery.models import Delivery, TrainingProvider
from govcap.demo.compose import evidence_is_shared, quote_is_shared, shareable_notes
from govcap.demo.countries import EngagementSpec
from govcap.demo.deliveries import load_demo_deliveries
from govcap.demo.plan import DemoPlan, SessionPlan, Training, build_plan, later_rounds
from govcap.instruments.models import Instrument
from govcap.instruments.services import ensure_default_instrument
from govcap.orgs.models import Country, Engagement, Organisation, unique_slug
from govcap.results import queries as results

USER_PREFIX = "demo-"


@dataclass
class LoadSummary:
    countries: int = 0
    organisations: int = 0
    engagements: int = 0
    sessions: Counter[str] = field(default_factory=Counter)
    participants: int = 0
    ratings: int = 0  # the groups' consensus ratings
    rater_ratings: int = 0  # individual facilitators' ratings
    quotes: int = 0
    users: list[str] = field(default_factory=list)
    role_assignments: int = 0
    deliveries: int = 0
    reused_countries: list[str] = field(default_factory=list)
    renamed_organisations: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class RemoveSummary:
    countries: int = 0
    organisations: int = 0
    engagements: int = 0
    sessions: int = 0
    ratings: int = 0
    quotes: int = 0
    participants: int = 0
    users: int = 0
    role_assignments: int = 0
    audit_events_kept: int = 0
    kept_countries: list[str] = field(default_factory=list)


def demo_users():
    return get_user_model().objects.filter(username__startswith=USER_PREFIX)


def has_demo_data() -> bool:
    return (
        Country.objects.filter(is_demo=True).exists()
        or Organisation.objects.filter(is_demo=True).exists()
        or Engagement.objects.filter(is_demo=True).exists()
        or Session.objects.filter(is_demo=True).exists()
        or demo_users().exists()
    )


# --- load ---------------------------------------------------------------------------------


@transaction.atomic
def load_demo(password: str | None = None) -> LoadSummary:
    """Create the demo data set. The caller checks `has_demo_data()` first.

    In two steps, as the rounds happened: the first rounds' sessions and the training
    delivered after them, then the later rounds' sessions, whose levels move with what each
    organisation completed in between (as level 4 of the results counts it)."""
    started = time.perf_counter()
    plan = build_plan()
    later = later_rounds(plan.countries)
    summary = LoadSummary()
    instrument = ensure_default_instrument()

    countries: dict[str, Country] = {}
    orgs: dict[tuple[str, str], Organisation] = {}
    for spec in plan.countries:
        country = Country.objects.filter(code=spec.code).first()
        if country is None:
            country = Country.objects.create(code=spec.code, name=spec.name, is_demo=True)
            summary.countries += 1
        else:  # a real country of that code: the demo's organisations join it
            summary.reused_countries.append(country.name)
        countries[spec.code] = country
        taken = set(country.organisations.values_list("name", flat=True))
        for org in spec.orgs:
            name = org.name
            if name in taken:
                name = f"{org.name} (demo)"
                summary.renamed_organisations.append(name)
            orgs[spec.code, org.key] = Organisation(
                country=country, name=name, code=org.code, kind=org.kind, sector=org.sector,
                is_demo=True,
            )
    Organisation.objects.bulk_create(orgs.values())
    for spec in plan.countries:
        for org in spec.orgs:
            if org.parent:
                orgs[spec.code, org.key].parent = orgs[spec.code, org.parent]
    Organisation.objects.bulk_update([o for o in orgs.values() if o.parent], ["parent"])
    summary.organisations = len(orgs)

    engagements: dict[str, Engagement] = {}
    links = []
    for spec in plan.countries:
        for e in spec.engagements:
            engagement = Engagement.objects.create(
                slug=unique_slug(Engagement, e.name), country=countries[spec.code],
                name=e.name_in(spec.language), names={"en": e.name, **e.names},
                round_number=e.round_number, start_date=e.start, end_date=e.end,
                instrument=instrument, language=spec.language, status=e.status, is_demo=True,
            )
            engagements[e.key] = engagement
            links += [Engagement.organisations.through(
                engagement_id=engagement.pk, organisation_id=orgs[spec.code, key].pk)
                for key in e.orgs]
    Engagement.organisations.through.objects.bulk_create(links)
    summary.engagements = len(engagements)

    users = _create_users(plan, password)
    summary.users = list(users)
    roles = [
        RoleAssignment(
            user=users[u.username], role=role,
            engagement=engagements[engagement] if engagement else None,
            organisation=orgs[engagements[engagement].country.code, org] if org else None,
        )
        for u in plan.users
        for role, engagement, org in u.roles
    ]
    RoleAssignment.objects.bulk_create(roles)
    summary.role_assignments = len(roles)

    _create_sessions([s for s in plan.sessions if s.engagement_key not in later], instrument,
                     engagements, orgs, users, summary)
    summary.deliveries, provider_users = load_demo_deliveries(engagements, password)
    summary.users += provider_users
    training = _training(later, engagements, orgs)
    _create_sessions([s for s in build_plan(training).sessions if s.engagement_key in later],
                     instrument, engagements, orgs, users, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _create_users(plan: DemoPlan, password: str | None) -> dict[str, Any]:
    User = get_user_model()
    hashed = make_password(password) if password else None
    users = [
        User(username=u.username, first_name=u.first_name, last_name=u.last_name,
             email=f"{u.username}@example.org",
             password=hashed or make_password(None))  # make_password(None): unusable
        for u in plan.users
    ]
    User.objects.bulk_create(users)
    return {u.username: u for u in users}


def _training(later: dict[str, EngagementSpec], engagements: dict[str, Engagement],
              orgs: dict[tuple[str, str], Organisation]) -> Training:
    """What each organisation completed in the deliveries of the round before each later
    round (``results.queries.training``: the rule level 4 counts by)."""
    key_of = {o.pk: key for (_code, key), o in orgs.items()}
    out: dict[tuple[str, str], frozenset[str]] = {}
    for key, earlier in later.items():
        engagement = engagements[earlier.key]
        found = results.deliveries(None, [engagement])
        trained, _attended = results.training(engagement, found, results.trainees(None, found))
        out.update({(key, key_of[org]): domains for org, domains in trained.items()})
    return out


def _create_sessions(plan_sessions: list[SessionPlan], instrument: Instrument,
                     engagements: dict[str, Engagement],
                     orgs: dict[tuple[str, str], Organisation], users: dict[str, Any],
                     summary: LoadSummary) -> None:
    sessions = [
        Session(
            engagement=engagements[s.engagement_key], organisation=orgs[s.country_code, s.org_key],
            instrument=instrument, scheduled_date=s.scheduled_date, place=s.place,
            language=s.language, note_taker=s.note_taker, status=s.status,
            consent_given=s.consent_given, recording_allowed=s.recording_allowed,
            consent_note=s.consent_note, consent_recorded_at=s.consent_recorded_at,
            consent_recorded_by=users[s.facilitators[0]] if s.consent_given else None,
            submitted_at=s.submitted_at,
            submitted_by=users[s.facilitators[0]] if s.submitted_at else None,
            validated_at=s.validated_at,
            validated_by=users[s.validated_by] if s.validated_by else None,
            is_demo=True,
        )
        for s in plan_sessions
    ]
    Session.objects.bulk_create(sessions)
    Through = Session.facilitators.through
    Through.objects.bulk_create([
        Through(session_id=session.pk, user_id=users[name].pk)
        for session, s in zip(sessions, plan_sessions, strict=True)
        for name in s.facilitators
    ])

    participants: list[tuple[Participant, str, str]] = []  # with name and contact, kept apart
    for session, s in zip(sessions, plan_sessions, strict=True):
        participants += [
            (Participant(session=session, code=p.code, role_title=p.role_title,
                         organisation=orgs[s.country_code, p.org_key], seniority=p.seniority,
                         gender=p.gender), p.name, p.contact)
            for p in s.participants
        ]
    Participant.objects.bulk_create([p for p, _, _ in participants])
    ParticipantIdentity.objects.bulk_create([
        ParticipantIdentity(participant=p, name=name, contact=contact)
        for p, name, contact in participants if name
    ])
    by_code = {(p.session_id, p.code): p for p, _, _ in participants}

    ratings, quotes = [], []
    for session, s in zip(sessions, plan_sessions, strict=True):
        summary.sessions[s.status] += 1
        for r in s.ratings:
            rater = users[r.rater] if r.rater else None
            ratings.append(Rating(
                session=session, section_key=r.section_key, rater=rater, level=r.level,
                not_assessed_reason=r.not_assessed_reason, confidence=r.confidence,
                notes=r.notes, evidence=r.evidence, dissent=r.dissent, field_revisions={},
                updated_by=rater or users[s.facilitators[0]],
            ))
        quotes += [
            Quote(session=session, section_key=q.section_key,
                  participant=by_code[session.pk, q.participant_code], text=q.text)
            for q in s.quotes
        ]
    Rating.objects.bulk_create(ratings)
    Quote.objects.bulk_create(quotes)
    SharedText.objects.bulk_create(_shared_texts(plan_sessions, sessions, ratings, quotes, users))
    consensus = sum(1 for r in ratings if r.rater_id is None)
    summary.participants += len(participants)
    summary.ratings += consensus
    summary.rater_ratings += len(ratings) - consensus
    summary.quotes += len(quotes)


def _shared_texts(plan_sessions: list[SessionPlan], sessions: list[Session],
                  ratings: list[Rating], quotes: list[Quote], users: dict[str, Any]
                  ) -> list[SharedText]:
    """What the coordinators shared once sessions were submitted: the notes without the
    remarks on the room, evidence, dissent, and most quotes."""
    reviewed = {session.pk: (s, users[s.validated_by or s.facilitators[0]])
                for session, s in zip(sessions, plan_sessions, strict=True)
                if s.status in ("submitted", "validated")}
    out: list[SharedText] = []
    for rating in ratings:
        if rating.rater_id is not None or rating.session_id not in reviewed:
            continue
        s, by = reviewed[rating.session_id]
        for name in ("notes", "evidence", "dissent"):
            source = getattr(rating, name)
            if name == "evidence" and not evidence_is_shared(source, s.language):
                continue
            text = (with_gaps_marked(source, shareable_notes(source, s.language))
                    if name == "notes" else source)
            if text.strip():
                out.append(SharedText(session_id=rating.session_id, rating=rating, field=name,
                                      text=text, source=source, marked_by=by))
    out += [SharedText(session_id=q.session_id, quote=q, field="quote", text=q.text,
                       source=q.text, marked_by=reviewed[q.session_id][1])
            for q in quotes if q.session_id in reviewed and quote_is_shared(q.text)]
    return out


# --- remove -------------------------------------------------------------------------------


def _delete_session_rows(sessions: QuerySet) -> None:
    """Delete what hangs off the sessions, one statement per table, leaves first.

    Django's deletion collector loads every row it deletes, and every row pointing at it,
    into memory: minutes and gigabytes for a demo portfolio of 40,000 sessions (`govcap
    demo --scale`). These tables are deleted with their sessions anyway (CASCADE); what is
    left — the sessions and anything else pointing at them — goes through the collector.
    The level tally's triggers still see every rating deleted."""
    ids = sessions.values("pk")
    Quote.objects.filter(participant__session__in=ids).exclude(session__in=ids).update(
        participant=None)  # a quote elsewhere attributed to a participant deleted here
    for qs in (
        Suggestion.objects.filter(Q(session__in=ids) | Q(rating__session__in=ids)
                                  | Q(quote__session__in=ids) | Q(segment__session__in=ids)),
        CodedSegment.objects.filter(Q(session__in=ids) | Q(rating__session__in=ids)
                                    | Q(quote__session__in=ids)),
        VoteTally.objects.filter(session__in=ids),
        ParticipantIdentity.objects.filter(participant__session__in=ids),
        SharedText.objects.filter(session__in=ids),
        Quote.objects.filter(session__in=ids),
        Rating.objects.filter(session__in=ids),
        Participant.objects.filter(session__in=ids),
        Session.facilitators.through.objects.filter(session__in=ids),
    ):
        qs._raw_delete(qs.db)  # one DELETE … WHERE …, no rows loaded


@transaction.atomic
def remove_demo() -> RemoveSummary:
    """Delete every demo row. Audit events are never deleted: they keep pointing at the
    deleted sessions as they were (DO_NOTHING, no database constraint), their links to
    deleted users are cleared (SET_NULL), and they stay in the trail."""
    summary = RemoveSummary()
    users = demo_users()
    # A session cannot outlive its engagement, so any session in a demo engagement goes too.
    sessions = Session.objects.filter(Q(is_demo=True) | Q(engagement__is_demo=True))
    summary.sessions = sessions.count()
    summary.ratings = Rating.objects.filter(session__in=sessions).count()
    summary.quotes = Quote.objects.filter(session__in=sessions).count()
    summary.participants = Participant.objects.filter(session__in=sessions).count()
    summary.audit_events_kept = AuditEvent.objects.filter(
        Q(session__in=sessions) | Q(user__in=users)).count()
    _delete_session_rows(sessions)
    sessions.delete()

    # Role assignments narrowed to a deleted organisation go with it (CASCADE).
    roles = RoleAssignment.objects.filter(Q(user__in=users) | Q(engagement__is_demo=True))
    summary.role_assignments = roles.count()
    roles.delete()
    # Deliveries go before the plans they deliver (PROTECT), demo providers after them.
    Delivery.objects.filter(engagement__is_demo=True).delete()
    summary.engagements = Engagement.objects.filter(is_demo=True).delete()[1].get(
        "orgs.Engagement", 0)
    TrainingProvider.objects.filter(is_demo=True, deliveries__isnull=True).delete()
    # Organisations that real sessions or participants refer to stay, as real data.
    used = Q(sessions__is_demo=False) | Q(
        pk__in=Participant.objects.filter(session__is_demo=False).values("organisation"))
    Organisation.objects.filter(is_demo=True).filter(used).update(is_demo=False)
    Organisation.objects.filter(is_demo=True, children__is_demo=False).update(is_demo=False)
    summary.organisations = Organisation.objects.filter(is_demo=True).delete()[1].get(
        "orgs.Organisation", 0)
    # A demo country that real organisations or engagements joined stays, as real data.
    kept = Country.objects.filter(is_demo=True).filter(
        Q(organisations__isnull=False) | Q(engagements__isnull=False)).distinct()
    summary.kept_countries = list(kept.values_list("name", flat=True))
    Country.objects.filter(pk__in=kept.values("pk")).update(is_demo=False)
    summary.countries = Country.objects.filter(is_demo=True).delete()[1].get("orgs.Country", 0)
    summary.users = users.delete()[1].get(get_user_model()._meta.label, 0)
    return summary
