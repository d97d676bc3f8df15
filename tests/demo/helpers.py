"""Helpers of the demo tests: run the command, and dump what it loaded in a canonical form."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.db import transaction

from govcap.assessments.models import Rating
from govcap.delivery.models import Trainee


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def dump() -> list[tuple[str, ...]]:
    """(engagement, organisation, section, rater, level, notes) for every demo rating, then
    (engagement, course, trainee, organisation, completion) for every trainee of the demo's
    deliveries (who completed decides who counts as trained between Kenya's rounds)."""
    ratings = sorted(
        (r.session.engagement.name, r.session.organisation.name, r.section_key,
         r.rater.username if r.rater else "", r.level, r.notes)
        for r in Rating.objects.filter(session__is_demo=True).select_related(
            "session__engagement", "session__organisation", "rater")
    )
    trainees = sorted(
        (t.delivery.engagement.name, t.delivery.module_code, t.code, t.organisation.name,
         t.completion)
        for t in Trainee.objects.filter(delivery__engagement__is_demo=True).select_related(
            "delivery__engagement", "organisation")
    )
    return ratings + trainees


def load_into_fresh_database() -> list[tuple[str, ...]]:
    """Load the demo, dump it, and roll the database back to where it was."""
    with transaction.atomic():
        run_demo()
        rows = dump()
        transaction.set_rollback(True)
    return rows
