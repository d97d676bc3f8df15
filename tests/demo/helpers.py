"""Helpers of the demo tests: run the command, and dump what it loaded in a canonical form."""

from __future__ import annotations

import os
from io import StringIO

from django.core.management import call_command
from django.db import transaction

from govcap.assessments.models import Rating
from govcap.delivery.models import Trainee
from tests import snapshots


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def demo_data() -> str:
    """The demo data set, as `govcap demo` (without a password) loads it; the command runs
    once per test process and later tests starting from the same database get its rows
    written again (tests.snapshots). Returns the command's output. Tests of the command
    itself, or of a set-up that changes what it loads, call `run_demo`."""
    password = os.environ.get("GOVCAP_DEMO_PASSWORD", "")  # the command reads it
    return snapshots.replay(f"demo {password}", run_demo)


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
