"""Large portfolios: 20 countries × 500 organisations × 4 rounds, and a tenth of it.

Run: ``.venv/bin/python bench/portfolio_scale.py`` (from the project root). For each size —
a tenth (50 organisations per country, 4,000 sessions) and the whole (500, 40,000
sessions) — it builds the portfolio with `govcap demo --scale`'s builder
(govcap/demo/scale.py) in a throw-away database: a SQLite file in a temporary directory
and, when GOVCAP_DATABASE_URL names a PostgreSQL server, a dedicated database
``govcap_bench_portfolio`` created and dropped on that server. Then each step runs in its
own process and reports its time and its peak memory:

- build: the whole portfolio, from an empty migrated database;
- heatmap: one engagement's page model with its SVG charts (best of 3, warm);
- programme: every country and round, page model (best of 3, warm);
- plan: generating the training plan of one engagement (a country's round);
- tidy XLSX and CSV: the whole programme, written to a file (`govcap results export`);
- bundle export and import of one engagement (`govcap bundle`), the import into the
  database after that engagement was deleted.

Peak memory is the child process's high-water resident set (``resource.getrusage``
``ru_maxrss``), shown with what the step added above the process as it was before the step
(Django loaded, connected, migrated): "peak (+step)". The growth ratio full/tenth is given
for time and for what the step added. ``--in-memory`` adds the in-memory variants (the
export held whole in memory as `export_bytes` and `bundle_bytes` do) for comparison.
``--markdown`` prints the tables for docs/performance.md. The whole run takes about 5
minutes per database on 2 cores; each step is stopped after ``--step-timeout`` seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_DB = "govcap_bench_portfolio"
SCALES = ("tenth", "large")
STEPS = ("heatmap", "programme", "plan", "xlsx", "csv", "bundle export", "bundle import")
IN_MEMORY = ("xlsx in memory", "csv in memory", "bundle export in memory")


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")
    import django

    django.setup()


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def best_of(fn: Callable[[], object], repeats: int = 3) -> float:
    fn()  # warm: the instrument's parse, the user's roles
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


# --- the steps, each in its own process ---------------------------------------------------


def out_dir() -> Path:
    return Path(os.environ["GOVCAP_DATA_DIR"])


def engagement_for(purpose: str):
    """The plan's engagement: the last country's last round; the bundle's: the first
    country's last round (it is deleted before the import)."""
    from govcap.orgs.models import Engagement

    rounds = Engagement.objects.select_related("country", "instrument").order_by(
        "country__code", "round_number")
    return rounds.last() if purpose == "plan" else rounds.filter(
        country=rounds.first().country).last()


def manager():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="bench-manager")


def step_build() -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from govcap.accounts.models import Role, RoleAssignment
    from govcap.demo.scale import build_portfolio, parse_scale

    portfolio = parse_scale(os.environ["BENCH_SCALE"])
    _frame, stats = build_portfolio(portfolio)
    user = get_user_model().objects.create_user("bench-manager")
    RoleAssignment.objects.create(user=user, role=Role.PROGRAMME_MANAGER)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"seconds": stats.seconds["total"], "sessions": stats.sessions,
            "ratings": stats.ratings, "participants": stats.participants,
            "quotes": stats.quotes, "phases": dict(stats.seconds)}


def step_heatmap() -> dict:
    from django.utils import translation

    from govcap.analysis import queries
    from govcap.analysis.pages_levels import Filters, engagement_report

    translation.activate("en")
    user, engagement = manager(), engagement_for("plan")
    titles = queries.section_titles(engagement)

    def page():
        data = queries.engagement_levels(user, engagement)
        engagement_report(data, titles, Filters(sort="gap"), lambda o: "")

    return {"seconds": best_of(page), "organisations": engagement.organisations.count()}


def step_programme() -> dict:
    from django.utils import translation

    from govcap.accounts import scoping
    from govcap.analysis import queries
    from govcap.analysis.pages_programme import programme_report
    from govcap.scale import SECTION_KEYS

    translation.activate("en")
    user = manager()
    titles = queries.section_titles(engagement_for("plan"))

    def page():
        engagements = list(scoping.engagements(user))
        counts = queries.programme_counts(user, engagements)
        programme_report(engagements, counts, titles, round_choice="latest",
                         section=SECTION_KEYS[0], country_url=lambda c: "")

    return {"seconds": best_of(page)}


def step_plan() -> dict:
    from govcap.planning import services
    from govcap.planning.catalogues import ensure_default_catalogue

    ensure_default_catalogue()
    engagement = engagement_for("plan")
    started = time.perf_counter()
    plan = services.generate(engagement, None)
    return {"seconds": time.perf_counter() - started,
            "organisations": engagement.organisations.count(), "plan_version": plan.version}


def _export(fmt: str, in_memory: bool) -> dict:
    from govcap.interchange.exports import ExportOptions, export_bytes, write_export

    options = ExportOptions(include_demo=True)
    path = out_dir() / f"results.{fmt}"
    started = time.perf_counter()
    if in_memory:
        data, rows = export_bytes(None, None, fmt, options)
        path.write_bytes(data)
    else:
        with path.open("wb") as f:
            rows = write_export(None, None, fmt, f, options)
    return {"seconds": time.perf_counter() - started, "bytes": path.stat().st_size,
            "rows": rows}


def _bundle_export(in_memory: bool) -> dict:
    from govcap.interchange.bundle import BundleOptions, build_bundle, bundle_bytes, write_bundle

    engagement = engagement_for("bundle")
    options = BundleOptions(include_demo=True)
    path = out_dir() / "bundle.json"
    started = time.perf_counter()
    if in_memory:
        path.write_bytes(bundle_bytes(build_bundle(engagement, options)))
    else:
        with path.open("wb") as f:
            write_bundle(engagement, f, options)
    return {"seconds": time.perf_counter() - started, "bytes": path.stat().st_size,
            "organisations": engagement.organisations.count()}


def step_bundle_import() -> dict:
    from django.db import connection

    from govcap.analysis import tally
    from govcap.assessments.models import Session
    from govcap.interchange.bundleio import import_bundle, read_bundle

    engagement = engagement_for("bundle")
    Session.objects.filter(engagement=engagement).delete()
    engagement.delete()
    started = time.perf_counter()
    report = import_bundle(read_bundle(out_dir() / "bundle.json"), name="bundle.json")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "sessions": report.created["sessions"],
            "tally_drift": len(tally.drift(connection))}


RUN: dict[str, Callable[[], dict]] = {
    "build": step_build,
    "heatmap": step_heatmap,
    "programme": step_programme,
    "plan": step_plan,
    "xlsx": lambda: _export("xlsx", False),
    "csv": lambda: _export("csv", False),
    "bundle export": lambda: _bundle_export(False),
    "bundle import": step_bundle_import,
    "xlsx in memory": lambda: _export("xlsx", True),
    "csv in memory": lambda: _export("csv", True),
    "bundle export in memory": lambda: _bundle_export(True),
}


def child(step: str) -> None:
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    if step == "build":
        call_command("migrate", verbosity=0)
    connection.ensure_connection()
    before = peak_mib()
    result = RUN[step]()
    result.update(step=step, peak_mib=peak_mib(), before_mib=before)
    print("RESULT " + json.dumps(result))


# --- the parent: a database per size, a process per step ----------------------------------


def run_child(step: str, env: dict[str, str], timeout: float) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", step], env=env,
                          capture_output=True, text=True, timeout=timeout)
    if proc.returncode:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"the step {step!r} failed ({proc.returncode})")
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def run_scale(scale: str, env: dict[str, str], steps: tuple[str, ...], timeout: float
              ) -> dict[str, dict]:
    env = {**env, "BENCH_SCALE": scale}
    results = {}
    for step in ("build", *steps):
        results[step] = run_child(step, env, timeout)
        print(f"  {scale:6} {step:24} {results[step]['seconds']:8.2f} s "
              f"{results[step]['peak_mib']:7.0f} MiB", file=sys.stderr)
    return results


def sqlite_backend(base_env: dict[str, str], scales, steps, timeout) -> dict:
    out = {"vendor": "sqlite", "scales": {}}
    for scale in scales:
        data_dir = tempfile.mkdtemp(prefix="govcap-portfolio-")
        try:
            env = {**base_env, "GOVCAP_DATA_DIR": data_dir, "TMPDIR": data_dir}
            out["scales"][scale] = run_scale(scale, env, steps, timeout)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    return out


def postgres_backend(url: str, base_env: dict[str, str], scales, steps, timeout) -> dict:
    import psycopg

    parts = urlparse(url)
    admin = psycopg.connect(urlunparse(parts._replace(path="/postgres")), autocommit=True)
    bench_url = urlunparse(parts._replace(path=f"/{BENCH_DB}"))
    out = {"vendor": "postgresql", "scales": {}}
    try:
        for scale in scales:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
            admin.execute(f"CREATE DATABASE {BENCH_DB}")
            data_dir = tempfile.mkdtemp(prefix="govcap-portfolio-")
            try:
                env = {**base_env, "GOVCAP_DATA_DIR": data_dir, "TMPDIR": data_dir,
                       "GOVCAP_DATABASE_URL": bench_url}
                out["scales"][scale] = run_scale(scale, env, steps, timeout)
            finally:
                shutil.rmtree(data_dir, ignore_errors=True)
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        admin.close()
    return out


# --- the report ---------------------------------------------------------------------------


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} KB"


def _time(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.1f} s"


def _cell(r: dict) -> str:
    size = f", {_size(r['bytes'])}" if "bytes" in r else ""
    added = max(0.0, r["peak_mib"] - r["before_mib"])
    return f"{_time(r['seconds'])}{size}; {r['peak_mib']:.0f} MiB (+{added:.0f})"


def _ratio(a: float, b: float) -> str:
    return f"{b / a:.1f}" if a > 0.001 else "—"


def report(results: list[dict], markdown: bool) -> None:
    for r in results:
        tenth, full = list(r["scales"].values())
        b = full["build"]
        head = (f"{r['vendor']}: {b['sessions']:,} sessions, {b['ratings']:,} ratings, "
                f"{b['participants']:,} participants, {b['quotes']:,} quotes at full size")
        print(f"\n{head}\n" if markdown else f"\n=== {head} ===")
        if markdown:
            print("| step | a tenth: time, size; peak (+step) | all: time, size; peak (+step) "
                  "| time ×  | memory × |")
            print("|---|---|---|---|---|")
        for step in tenth:
            a, z = tenth[step], full[step]
            grow_a = max(1.0, a["peak_mib"] - a["before_mib"])
            grow_z = max(1.0, z["peak_mib"] - z["before_mib"])
            cells = (step, _cell(a), _cell(z), _ratio(a["seconds"], z["seconds"]),
                     f"{grow_z / grow_a:.1f}")
            print("| " + " | ".join(cells) + " |" if markdown
                  else f"{cells[0]:24} {cells[1]:34} {cells[2]:34} ×{cells[3]:>5} ×{cells[4]:>5}")
        for name, r in (("a tenth", tenth["build"]), ("all", b)):
            phases = ", ".join(f"{k} {v:.1f} s" for k, v in r.get("phases", {}).items()
                               if k != "total")
            print(f"{'- ' if markdown else ''}build of {name}: {phases}; "
                  f"{r['ratings'] / r['seconds']:,.0f} ratings/s")
        drift = full.get("bundle import", {}).get("tally_drift")
        if drift is not None:
            print(f"{'- ' if markdown else ''}tally drift after the import: {drift}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--markdown", action="store_true", help="print tables for the docs")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--in-memory", action="store_true",
                        help="also the in-memory exports, for comparison")
    parser.add_argument("--sizes", default=",".join(SCALES),
                        help="the two sizes compared (default: tenth,large; any --scale of "
                             "`govcap demo`, e.g. 2x5x2,2x50x2 for a quick try)")
    parser.add_argument("--save", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--load", type=Path, help="report the results saved by --save")
    parser.add_argument("--step-timeout", type=float, default=1200,
                        help="seconds after which a step is stopped (default 1200)")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.load:
        report(json.loads(args.load.read_text()), args.markdown)
        return
    sizes = tuple(args.sizes.split(","))
    steps = STEPS[:-1] + (IN_MEMORY if args.in_memory else ()) + STEPS[-1:]
    base_env = {k: v for k, v in os.environ.items()
                if k not in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH")}
    base_env.update(GOVCAP_DEBUG="0", PYTHONPATH=str(ROOT))
    results = []
    if not args.no_sqlite:
        results.append(sqlite_backend(base_env, sizes, steps, args.step_timeout))
    url = os.environ.get("GOVCAP_DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        results.append(postgres_backend(url, base_env, sizes, steps, args.step_timeout))
    if args.save:
        args.save.write_text(json.dumps(results, indent=1))
    report(results, args.markdown)


if __name__ == "__main__":
    main()
