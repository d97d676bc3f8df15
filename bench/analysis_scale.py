"""Analysis at scale: 20 countries × 500 organisations × 4 rounds — 40,000 sessions and
320,000 consensus ratings — in a throw-away database.

Run: ``.venv/bin/python bench/analysis_scale.py`` (from the project root). It builds the
data with govcap's portfolio builder (govcap/demo/scale.py, bulk inserts) on a SQLite file in a temporary directory, and — when
GOVCAP_DATABASE_URL names a PostgreSQL server — in a dedicated database ``govcap_bench``
created and dropped on that server. Each backend runs in its own process.

The data are built in two steps, 100 then 500 organisations per country, and at each size
it prints the time (best of 5, warm) and the number of queries of:

- the engagement heatmap (one engagement: its rows, targets, resolution, gaps; and the
  whole page model with its SVG charts);
- the programme view (every country and round from the level tally, then the page model);
- the trend queries (one organisation over its 4 rounds; one country's rounds with the same
  organisations followed from the baseline);

and the cost of the writes that keep the tally (triggers) in step: the bulk load, and 200
single-rating saves with and without the triggers. ``--markdown`` prints the table recorded
in docs/performance.md. Goal: every read under 300 ms with a query count that does not
depend on the number of organisations.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COUNTRIES, ROUNDS, SIZES = 20, 4, (100, 500)
BENCH_DB = "govcap_bench"


# --- the child: one backend -------------------------------------------------------------------


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")
    import django

    django.setup()


def build(n_from: int, n_to: int, state: dict) -> dict[str, float]:
    """Add organisations n_from..n_to-1 to every country, each with a session per round and
    a consensus rating per section (govcap/demo/scale.py, without participants or quotes
    so that the figures stay those of earlier runs)."""
    from govcap.demo.scale import add_organisations

    built = add_organisations(state["frame"], n_from, n_to)
    return {"sessions": built.seconds["sessions"], "ratings": built.seconds["ratings"],
            "ratings_n": built.ratings}


def base(state: dict) -> None:
    from django.contrib.auth import get_user_model

    from govcap.accounts.models import Role, RoleAssignment
    from govcap.demo.scale import Portfolio, create_frame

    frame = create_frame(Portfolio(countries=COUNTRIES, organisations=SIZES[-1], rounds=ROUNDS,
                                   participants=0, quote_share=0, demo=False))
    engagements = frame.engagements
    User = get_user_model()
    manager = User.objects.create_user("bench-manager")
    coordinator = User.objects.create_user("bench-coordinator")
    RoleAssignment.objects.create(user=manager, role=Role.PROGRAMME_MANAGER)
    RoleAssignment.objects.create(user=coordinator, role=Role.COORDINATOR,
                                  engagement=engagements[-1])
    state.update(frame=frame, instrument=frame.instrument, countries=frame.countries,
                 engagements=engagements, manager=manager, coordinator=coordinator)


def measure(fn, repeats: int = 5) -> tuple[float, int]:
    """Best time in ms of `repeats` warm runs, and the queries of one run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fn()  # warm: the user's roles, the instrument's parsed form
    with CaptureQueriesContext(connection) as captured:
        fn()
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best * 1000, len(captured)


def reads(state: dict) -> dict[str, tuple[float, int]]:
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from govcap.accounts import scoping
    from govcap.analysis import queries
    from govcap.analysis.core import aggregate
    from govcap.analysis.pages_levels import Filters, engagement_report, profile_report
    from govcap.analysis.pages_programme import country_report, programme_report
    from govcap.analysis.queries_coding import search
    from govcap.orgs.models import Engagement, Organisation
    from govcap.scale import SECTION_KEYS

    translation.activate("en")
    User = get_user_model()
    manager = User.objects.get(username="bench-manager")
    coordinator = User.objects.get(username="bench-coordinator")
    engagement = Engagement.objects.select_related("country", "instrument").get(
        pk=state["engagements"][-1].pk)
    rounds = list(Engagement.objects.filter(country=engagement.country).select_related(
        "country").order_by("round_number"))
    org = Organisation.objects.filter(country=engagement.country).order_by("id").first()
    titles = queries.section_titles(engagement)

    def heatmap_queries(user=manager):
        data = queries.engagement_levels(user, engagement)
        ids = [o.id for o in data.orgs]
        aggregate.resolve(data.rows, in_round=engagement.id, orgs=ids, sections=SECTION_KEYS)
        aggregate.gaps(data.rows, {}, in_round=engagement.id, org_targets=data.target_map(),
                       orgs=ids, sections=SECTION_KEYS)

    def heatmap_page():
        data = queries.engagement_levels(manager, engagement)
        engagement_report(data, titles, Filters(sort="gap"), lambda o: "")

    def programme_queries(user=manager):
        queries.programme_counts(user, list(scoping.engagements(user)))

    def programme_page():
        engagements = list(scoping.engagements(manager))
        counts = queries.programme_counts(manager, engagements)
        programme_report(engagements, counts, titles, round_choice="latest",
                         section=SECTION_KEYS[0], country_url=lambda c: "")

    def organisation_trend():
        engagements, rows = queries.organisation_history(manager, org)
        profile_report(org, engagements, rows, engagements[-1],
                       queries.targets_of(engagements[-1]), titles)

    def country_trend():
        rows = queries.country_rows(manager, rounds)
        counts = queries.programme_counts(manager, rounds)
        country_report(engagement.country, rounds, rows, counts, titles, {}, lambda i: "")

    return {
        "heatmap: rows, resolution, gaps (programme manager)": measure(heatmap_queries),
        "heatmap: the same as the engagement's coordinator": measure(
            lambda: heatmap_queries(coordinator)),
        "heatmap: whole page model with its SVG charts": measure(heatmap_page),
        "programme: counts of every country and round": measure(programme_queries),
        "programme: counts as a coordinator of one engagement": measure(
            lambda: programme_queries(coordinator)),
        "programme: whole page model with its SVG charts": measure(programme_page),
        "trend: one organisation over 4 rounds (page model)": measure(organisation_trend),
        "trend: one country's 4 rounds, paired changes (page model)": measure(country_trend),
        "search: a word found nowhere, whole programme (a full scan)": measure(
            lambda: search(manager, "zanzibar")),
        "search: one engagement": measure(lambda: search(manager, "zanzibar", engagement)),
    }


def writes(state: dict) -> dict[str, float]:
    """200 single saves of a consensus level, with the tally triggers and without."""
    from django.db import connection, transaction

    from govcap.analysis import tally
    from govcap.assessments.models import Rating

    ratings = list(Rating.objects.filter(rater__isnull=True).order_by("?")[:200])
    cycle = {"basic": "moderate", "moderate": "high", "high": "basic", "not_assessed": "basic"}

    def saves() -> float:
        started = time.perf_counter()
        for r in ratings:
            with transaction.atomic():
                r.level = cycle.get(r.level, "basic")
                r.save(update_fields=["level", "updated_at"])
        return (time.perf_counter() - started) / len(ratings) * 1000

    out = {"single save with triggers (ms)": saves()}
    tally.uninstall_triggers(connection)
    out["single save without triggers (ms)"] = saves()
    tally.install(connection)
    started = time.perf_counter()
    tally.rebuild(connection)
    out["full tally rebuild (ms)"] = (time.perf_counter() - started) * 1000
    out["tally drift after all writes"] = len(tally.drift(connection))
    return out


def child() -> None:
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    result: dict = {"vendor": connection.vendor, "migrate_s": time.perf_counter() - started,
                    "sizes": {}}
    state: dict = {}
    base(state)
    previous = 0
    for size in SIZES:
        built = build(previous, size, state)
        previous = size
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # both SQLite and PostgreSQL: fresh planner statistics
        result["sizes"][size] = {"build": built, "reads": reads(state)}
    result["writes"] = writes(state)
    print("RESULT " + json.dumps(result))


# --- the parent: one process per backend ---------------------------------------------------


def run_child(env: dict[str, str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child"], env=env, capture_output=True,
                          text=True, timeout=7200)
    if proc.returncode:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"the benchmark failed ({proc.returncode})")
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def postgres_admin(url: str):
    import psycopg

    parts = urlparse(url)
    admin = urlunparse(parts._replace(path="/postgres"))
    return psycopg.connect(admin, autocommit=True), urlunparse(parts._replace(
        path=f"/{BENCH_DB}"))


def report(results: list[dict], markdown: bool) -> None:
    for r in results:
        title = f"{r['vendor']} (migrate {r['migrate_s']:.1f} s)"
        print(f"\n## {title}\n" if markdown else f"\n=== {title} ===")
        if markdown:
            print("| read | 100 orgs/country | queries | 500 orgs/country | queries |")
            print("|---|---|---|---|---|")
        names = list(r["sizes"][str(SIZES[0])]["reads"])
        for name in names:
            a = r["sizes"][str(SIZES[0])]["reads"][name]
            b = r["sizes"][str(SIZES[1])]["reads"][name]
            if markdown:
                print(f"| {name} | {a[0]:.0f} ms | {a[1]} | {b[0]:.0f} ms | {b[1]} |")
            else:
                print(f"{name:62} {a[0]:8.1f} ms {a[1]:3d} q | {b[0]:8.1f} ms {b[1]:3d} q"
                      f"{'  OVER 300 ms' if b[0] > 300 else ''}"
                      f"{'  QUERIES GROW' if a[1] != b[1] else ''}")
        for size in SIZES:
            built = r["sizes"][str(size)]["build"]
            line = (f"load to {size} orgs/country: {built['ratings_n']:,} ratings in "
                    f"{built['ratings']:.1f} s with the triggers "
                    f"({built['ratings_n'] / built['ratings']:,.0f}/s); sessions "
                    f"{built['sessions']:.1f} s")
            print(f"- {line}" if markdown else line)
        for name, value in r["writes"].items():
            text = f"{name}: {value:.2f}" if isinstance(value, float) else f"{name}: {value}"
            print(f"- {text}" if markdown else text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--markdown", action="store_true", help="print tables for the docs")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args()
    if args.child:
        child()
        return
    results = []
    base_env = {k: v for k, v in os.environ.items()
                if k not in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH")}
    base_env.update(GOVCAP_DEBUG="0", PYTHONPATH=str(ROOT))
    if not args.no_sqlite:
        data_dir = tempfile.mkdtemp(prefix="govcap-bench-")
        try:
            results.append(run_child({**base_env, "GOVCAP_DATA_DIR": data_dir}))
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    url = os.environ.get("GOVCAP_DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        admin, bench_url = postgres_admin(url)
        try:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
            admin.execute(f"CREATE DATABASE {BENCH_DB}")
            data_dir = tempfile.mkdtemp(prefix="govcap-bench-")
            try:
                results.append(run_child({**base_env, "GOVCAP_DATA_DIR": data_dir,
                                          "GOVCAP_DATABASE_URL": bench_url}))
            finally:
                shutil.rmtree(data_dir, ignore_errors=True)
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
            admin.close()
    report(results, args.markdown)


if __name__ == "__main__":
    main()
