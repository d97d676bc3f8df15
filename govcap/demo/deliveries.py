"""The demo's deliveries: Kenya's baseline 2025 plan delivered (nominations, attendance with
realistic drop-outs, completions), Djibouti's and Somalia's first courses under way.

Each engagement's plan is generated from its validated sessions and stored approved (the
demo's clock is not today's, so approval's "has the schedule begun" check is skipped).
Every random choice is seeded by what it is for, as in ``demo.plan``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from govcap.delivery.core.attendance import suggested_completion
from govcap.delivery.models import (
    Attendance,
    Delivery,
    ProviderMember,
    Trainee,
    TraineeIdentity,
    TrainingProvider,
)
from govcap.demo.countries import COUNTRIES, REFERENCE_DATE, SEED
from govcap.demo.evaluations import evaluate_demo
from govcap.demo.people import FAMILY_NAMES, GIVEN_NAMES
from govcap.orgs.models import Engagement
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import Plan
from govcap.planning.services import generate

# country → (name, kind, contact, accreditation notes, venue)
PROVIDERS = {
    "KE": ("Kenya School of Government", "government_school", "training@ksg.example.org",
           "Public-service training institute (KSG Act, 2012).", "KSG Lower Kabete, Nairobi"),
    "DJ": ("Institut National d'Administration Publique", "government_school",
           "formation@inap.example.dj", "Institut public de formation des fonctionnaires.",
           "INAP, Djibouti"),
    "SO": ("Somali National University — ICT Centre", "university", "ict@snu.example.so",
           "Short courses certified by the university senate.", "SNU campus, Mogadishu"),
}
# engagement key → how many of its plan's courses are delivered (None: those dated before
# the demo's reference date)
DELIVERED = {"ke-2025": None, "dj-2026": 2, "so-2026": 2}
COORDINATORS = {"ke-2025": "demo-coordinator-ke", "dj-2026": "demo-coordinator-dj",
                "so-2026": "demo-coordinator-so"}
PROVIDER_USERS = {"KE": ("demo-provider-ke", "Grace", "Wanjiru")}
REASONS = ("Called back to the office for the budget submission", "Illness",
           "Transferred to another ministry", "Travel with the minister")


def _rng(*parts: str) -> random.Random:
    return random.Random("|".join((str(SEED), "delivery", *parts)))


def _start(month: str, rng: random.Random) -> dt.date:
    year, number = (int(p) for p in month.split("-"))
    day = rng.randint(3, max(3, calendar.monthrange(year, number)[1] - 10))
    start = dt.date(year, number, day)
    while start.weekday() >= 5:
        start += dt.timedelta(days=1)
    return start


def _end(start: dt.date, days: int) -> dt.date:
    end, left = start, days - 1
    while left > 0:
        end += dt.timedelta(days=1)
        if end.weekday() < 5:
            left -= 1
    return end


# A trainee's role in the engagement's language (English; French, masculine and feminine):
# the French engagement of Djibouti listed "Procurement officer", "Director of ICT".
TRAINEE_ROLES: tuple[tuple[str, str, str], ...] = (
    ("ICT officer", "Chargé des TIC", "Chargée des TIC"),
    ("Systems administrator", "Administrateur systèmes", "Administratrice systèmes"),
    ("Director of ICT", "Directeur des TIC", "Directrice des TIC"),
    ("Programme officer", "Chargé de programme", "Chargée de programme"),
    ("Data analyst", "Analyste de données", "Analyste de données"),
    ("Procurement officer", "Chargé des marchés publics", "Chargée des marchés publics"),
)


def _trainee_role(index: int, language: str, gender: str) -> str:
    english, masculine, feminine = TRAINEE_ROLES[index]
    if language != "fr":
        return english
    return feminine if gender == "female" else masculine


def _person(rng: random.Random, country: str, gender: str) -> str:
    return f"{rng.choice(GIVEN_NAMES[country][gender])} {rng.choice(FAMILY_NAMES[country])}"


def _attendance(rng: random.Random, days: int) -> list[bool]:
    """Most attend throughout; some miss a day, some drop out, a few never come."""
    roll = rng.random()
    if roll < 0.72 or days == 1 and roll < 0.9:
        return [True] * days
    if roll < 0.86:
        missed = rng.randrange(days)
        return [d != missed for d in range(days)]
    if roll < 0.96:
        return [True] + [False] * (days - 1)
    return [False] * days


def load_demo_deliveries(engagements: dict[str, Engagement],
                         password: str | None) -> tuple[int, list[str]]:
    """Create the demo's providers, plans and deliveries; returns how many deliveries and
    the providers' demo users."""
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=COORDINATORS.values())}
    providers: dict[str, TrainingProvider] = {}
    for code, (name, kind, contact, notes, _venue) in PROVIDERS.items():
        country = next((e.country for e in engagements.values() if e.country.code == code), None)
        if country is not None:
            # the same provider may be registered already (demo loaded beside real data)
            providers[code] = TrainingProvider.objects.get_or_create(
                country=country, name=name, defaults={
                    "kind": kind, "contact": contact, "accreditation_notes": notes,
                    "is_demo": True})[0]
    provider_users = []
    for code, (username, first, last) in PROVIDER_USERS.items():
        if code in providers:
            provider_users.append(username)
            user = User.objects.create(
                username=username, first_name=first, last_name=last,
                email=f"{username}@example.org", password=make_password(password or None))
            ProviderMember.objects.create(user=user, provider=providers[code])
    ensure_default_catalogue()
    count = 0
    for key, how_many in DELIVERED.items():
        engagement = engagements.get(key)
        if engagement is None or engagement.country.code not in providers:
            continue
        with transaction.atomic():
            # dated when the round's assessments ended, as the coordinator would have
            coordinator = users.get(COORDINATORS[key])
            plan = generate(engagement, coordinator, engagement.end_date)
            # approved by the country's coordinator on the plan's date, as a reader expects
            day = engagement.end_date or timezone.localdate()
            approved_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
            Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.APPROVED,
                                                   approved_by=coordinator,
                                                   approved_at=approved_at)
            plan.refresh_from_db()
        count += _deliver(plan, engagement, providers[engagement.country.code], how_many)
    return count, provider_users


def _deliver(plan: Plan, engagement: Engagement, provider: TrainingProvider,
             how_many: int | None) -> int:
    catalogue = plan.catalogue.parsed()
    orgs = {str(o.uuid): o for o in engagement.organisations.all()}
    cohorts = sorted(plan.data["cohorts"], key=lambda c: (c.get("month") or "9999", c["cohort_id"]))
    reference = f"{REFERENCE_DATE:%Y-%m}"
    if how_many is None:
        chosen = [c for c in cohorts if c.get("month") and c["month"] < reference]
    else:
        chosen = [c for c in cohorts if c.get("month")][:how_many]
    code = engagement.country.code
    language = next((c.language for c in COUNTRIES if c.code == code), "en")
    venue = PROVIDERS[code][4]
    trainees: list[Trainee] = []
    names: list[tuple[Trainee, str]] = []
    marks: list[tuple[Trainee, list[bool]]] = []
    for n, c in enumerate(chosen):
        rng = _rng(engagement.slug, c["cohort_id"])
        module = catalogue.by_code.get(c["module_code"])
        days = module.days if module else 2
        start = _start(c["month"], rng)
        done = how_many is None
        status = (Delivery.Status.COMPLETED if done
                  else Delivery.Status.IN_PROGRESS if n == 0 else Delivery.Status.PLANNED)
        planned = c.get("cost_cents", 0)
        delivery = Delivery.objects.create(
            engagement=engagement, plan=plan, cohort_id=c["cohort_id"],
            module_code=c["module_code"], status=status, start_date=start,
            end_date=_end(start, days), days=days, venue=venue,
            mode=rng.choice(["in_person"] * 4 + ["blended", "online"]), provider=provider,
            trainers=_person(rng, code, rng.choice(["female", "male"])),
            planned_cost_cents=planned, planned_participants=c.get("participants", 0),
            planned_month=c["month"], currency=plan.data.get("currency", "USD"),
            cost_cents=round(planned * rng.uniform(0.85, 1.12)) if done else None)
        audience = module.audience if module else ()
        number = 0
        # by name: the plan lists members in the order of their random UUIDs, and the
        # seeded draws must fall to the same organisations on every load
        members = [(orgs[m["org_id"]], m) for m in c["members"] if m["org_id"] in orgs]
        for org, member in sorted(members, key=lambda pair: pair[0].name):
            sent = max(0, member["participants"] + rng.choice([0, 0, 0, -1, 1]))
            for _ in range(sent):
                number += 1
                trainee = Trainee(
                    delivery=delivery, code=f"T{number}", organisation=org,
                    persona=rng.choice(audience) if audience and rng.random() < 0.85 else "",
                    role_title=str(rng.randrange(len(TRAINEE_ROLES))),  # worded below
                    seniority=rng.choice(["senior", "middle", "technical", "technical"]),
                    gender=rng.choice(["female", "male", "male"]))
                trainee.role_title = _trainee_role(int(trainee.role_title), language,
                                                   trainee.gender)
                trainees.append(trainee)
                names.append((trainee, _person(rng, code, trainee.gender)))
                if status != Delivery.Status.PLANNED:
                    attended = _attendance(rng, days)
                    if not done:
                        attended = attended[:1]  # under way: the first day is recorded
                    marks.append((trainee, attended))
                    if done:
                        trainee.completion = suggested_completion(days, sum(attended))
                        if trainee.completion != "completed":
                            trainee.completion_reason = rng.choice(REASONS)
    Trainee.objects.bulk_create(trainees)
    TraineeIdentity.objects.bulk_create(TraineeIdentity(trainee=t, name=name)
                                        for t, name in names)
    Attendance.objects.bulk_create(
        Attendance(trainee=t, day=day, present=present)
        for t, attended in marks for day, present in enumerate(attended, start=1))
    evaluate_demo(engagement)  # levels 1–3 of the courses it completed
    return len(chosen)
