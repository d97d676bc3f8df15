"""The demo's evaluation answers: Kenya's delivered baseline 2025 courses get level 1 and
level 2 answers from most participants (some missing, as in a real room), and level 3
follow-ups for those who completed, answered by most participants and fewer supervisors
once due before the demo's reference date; the rest stay due or overdue for the reminders.

Every random choice is seeded by the delivery and trainee it is for, as in ``demo.deliveries``.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from govcap.delivery.core import evaluation as rules
from govcap.delivery.models import (
    Attendance,
    Delivery,
    FollowUp,
    LearningCheck,
    Reaction,
    Trainee,
)
from govcap.demo.countries import REFERENCE_DATE, SEED
from govcap.orgs.models import Engagement

COMMENTS = (
    "The exercises used our own ministry's services; very practical.",
    "Three days were too short for the second module.",
    "More time for group work, please.",
    "The trainer knew the public-sector context well.",
    "The venue was far from the office; online sessions would help.",
    "I would like the slides in Kiswahili too.",
)
EXAMPLES = {
    "yes": (
        "Mapped the services of the registry with the team and fixed two hand-offs.",
        "Used the charter template for the new e-procurement project.",
        "Runs a monthly review of the portfolio with the method from the course.",
    ),
    "partly": (
        "Started, but the approval of the director is still pending.",
        "Applied it on one project; the others have no budget this year.",
    ),
    "no": (
        "Moved to another department soon after the course.",
        "No project this quarter where it applies.",
    ),
}


def _rng(*parts: object) -> random.Random:
    return random.Random("|".join((str(SEED), "evaluation", *map(str, parts))))


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _rating(rng: random.Random) -> int | None:
    roll = rng.random()
    if roll < 0.06:
        return None  # left out
    return 5 if roll < 0.45 else 4 if roll < 0.82 else 3 if roll < 0.96 else 2


def evaluate_demo(engagement: Engagement) -> None:
    """Answers for the engagement's completed deliveries."""
    reactions: list[Reaction] = []
    checks: list[LearningCheck] = []
    follow_ups: list[FollowUp] = []
    for delivery in (Delivery.objects.filter(engagement=engagement, status="completed")
                     .exclude(end_date=None).select_related("plan", "plan__catalogue")
                     .order_by("cohort_id")):
        if delivery.start_date is None or delivery.end_date is None:
            continue
        module = delivery.plan.catalogue.parsed().by_code.get(delivery.module_code)
        n = len(module.objectives) if module else 0
        present = {(a.trainee_id, a.day) for a in Attendance.objects.filter(
            trainee__delivery=delivery, present=True)}
        due, close = rules.follow_up_dates(delivery.end_date)
        for t in Trainee.objects.filter(delivery=delivery).order_by("id"):
            rng = _rng(engagement.slug, delivery.cohort_id, t.code)
            first_day = (t.pk, 1) in present
            last_day = (t.pk, delivery.days) in present
            source = "paper" if rng.random() < 0.25 else "link"
            if last_day and rng.random() < 0.88:
                reactions.append(Reaction(
                    trainee=t, **{item: _rating(rng) for item in rules.REACTION_ITEMS},
                    comment=rng.choice(COMMENTS) if rng.random() < 0.3 else "",
                    source=source, answered_at=_at(delivery.end_date, 16)))
            if n and first_day and rng.random() < 0.9:
                met = tuple(rng.random() < 0.3 for _ in range(n))
                checks.append(LearningCheck(
                    trainee=t, phase=rules.PRE, objectives_met=list(met),
                    correct=sum(met), out_of=n, source=source,
                    answered_at=_at(delivery.start_date, 9)))
            if n and last_day and rng.random() < 0.82:
                met = tuple(rng.random() < 0.75 for _ in range(n))
                checks.append(LearningCheck(
                    trainee=t, phase=rules.POST, objectives_met=list(met),
                    correct=sum(met), out_of=n, source=source,
                    answered_at=_at(delivery.end_date, 15)))
            if t.completion != "completed":
                continue
            for who, answers in ((rules.PARTICIPANT, 0.72), (rules.SUPERVISOR, 0.5)):
                f = FollowUp(trainee=t, respondent=who, due_date=due, close_date=close)
                answered_on = due + dt.timedelta(days=rng.randint(3, 50))
                if answered_on < REFERENCE_DATE and rng.random() < answers:
                    roll = rng.random()
                    f.applied = "yes" if roll < 0.45 else "partly" if roll < 0.8 else "no"
                    f.example = rng.choice(EXAMPLES[f.applied]) if rng.random() < 0.7 else ""
                    f.source = "link" if who == rules.PARTICIPANT else "paper"
                    f.answered_at = _at(answered_on, 11)
                follow_ups.append(f)
    Reaction.objects.bulk_create(reactions)
    LearningCheck.objects.bulk_create(checks)
    FollowUp.objects.bulk_create(follow_ups)
