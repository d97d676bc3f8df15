"""Load: simulated facilitators autosaving and coordinators reading, against the production
server (`govcap serve --production`) on loopback, with the two ceilings beside it.

Run: ``.venv/bin/python bench/load.py`` (from the project root). For each database — a
SQLite file in a temporary directory, and PostgreSQL in a dedicated database ``govcap_load``
created and dropped on the server GOVCAP_DATABASE_URL names (when set) — it:

1. prepares the data (`govcap up --no-serve`: the demo; then bench/_load_fixture.py: one
   facilitator account and one consented session per simulated facilitator);
2. starts `govcap serve --production` on 127.0.0.1 with GOVCAP_BENCH_CEILINGS=1, which
   mounts the two ceilings (govcap/web/bench_ceilings.py) in front of govcap;
3. logs every simulated person in (the login form, CSRF token and all), opens their page;
4. mixed load, for N = 10, 50, 200 facilitators (``--levels``), ``--duration`` seconds each:
   every facilitator autosaves one field of their own session every 2–4 s (the next section
   and field in turn, with the revision the previous answer gave, one save at a time as
   autosave.js sends them), and 2 + N/50 coordinators open the engagement's heatmap or its
   training plan every 3–6 s;
5. saturation, ``--clients`` clients with no think time, ``--saturation`` seconds each: the
   autosave, the framework floor (/_bench/floor/: a logged-in JSON POST through all of
   govcap's middleware to a view doing nothing), then the ceilings — a view with no
   database (/_bench/nodb) and a minimal write (/_bench/write: one UPDATE of one row in a
   transaction, no middleware) — and prints the autosave's throughput as a ratio of each.

It prints throughput, p50/p95/p99 latency and errors (any answer but the expected one, or
no answer) per phase, the server's CPU time per request (its processes' user + system time,
which other work on the machine does not inflate), the share of the machine's CPU used
(/proc/stat) and of one core used by the load generator itself (it runs on the same
machine), and the goals: zero errors,
autosave p99 under 100 ms at 200 facilitators, autosave at least 0.5 of the minimal write.
``--markdown`` prints the tables for docs/performance.md; ``--quick`` is a short smoke run.
Server options pass through: ``--worker-class``, ``--workers``, ``--threads``.

Everything stays on 127.0.0.1; each phase is bounded in time and in requests
(``--max-requests``); the server is stopped by its own process ID and its data removed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from scripts._server import free_port, wait_for  # noqa: E402

VENV = ROOT / ".venv" / "bin"
GOVCAP = str(VENV / "govcap")
PYTHON = str(VENV / "python")
PASSWORD = "bench-load-password-1"
LOAD_DB = "govcap_load"
HOST = "127.0.0.1"
CAPTURE_FIELDS = ("notes", "evidence", "level", "dissent", "confidence")
LEVELS = ("basic", "moderate", "high")
CONFIDENCES = ("low", "medium", "high")
WORDS = ("budget", "vendor", "training", "cloud", "procurement", "security", "data",
         "interoperability", "staff", "retention", "policy", "registry", "payments")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- figures --------------------------------------------------------------------------------

@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)  # seconds, answered as expected
    errors: int = 0
    samples: list[str] = field(default_factory=list)  # the first few errors, to show

    def ok(self, seconds: float) -> None:
        self.latencies.append(seconds)

    def fail(self, what: str) -> None:
        self.errors += 1
        if len(self.samples) < 3:
            self.samples.append(what[:200])

    @property
    def count(self) -> int:
        return len(self.latencies) + self.errors

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] * 1000


@dataclass
class Row:
    database: str
    phase: str
    kind: str
    seconds: float
    tally: Tally
    machine_cpu: float
    client_cpu: float
    server_cpu_s: float  # CPU seconds used by the server's processes during the phase

    @property
    def throughput(self) -> float:
        return len(self.tally.latencies) / self.seconds

    @property
    def server_cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_s / max(1, self.tally.count)


def machine_busy() -> tuple[int, int]:
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of the server: gunicorn's master and its workers. Unlike
    latency, it does not depend on what else the machine runs."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:  # fields[1]: the parent's ID
            total += int(fields[11]) + int(fields[12])
    return total / ticks


@contextlib.contextmanager
def measured(pid: int) -> Iterator[dict]:
    out: dict = {}
    busy0, total0 = machine_busy()
    server0 = server_cpu(pid)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    yield out
    busy1, total1 = machine_busy()
    out["server_cpu"] = server_cpu(pid) - server0
    out["seconds"] = time.perf_counter() - wall0
    out["client_cpu"] = (time.process_time() - cpu0) / out["seconds"]
    out["machine_cpu"] = (busy1 - busy0) / max(1, total1 - total0)


# --- simulated people -----------------------------------------------------------------------

@dataclass
class Person:
    username: str
    http: aiohttp.ClientSession
    csrf: str = ""
    session: str = ""  # a facilitator's session UUID
    revisions: dict = field(default_factory=dict)
    turn: int = 0


async def log_in(base: str, username: str) -> Person:
    # An idle connection is dropped after 1 s, before gunicorn drops it (2 s): otherwise a
    # request sent on a connection the server is closing fails, a race no browser behind a
    # reverse proxy meets.
    http = aiohttp.ClientSession(base_url=base, cookie_jar=aiohttp.CookieJar(unsafe=True),
                                 connector=aiohttp.TCPConnector(keepalive_timeout=1.0),
                                 timeout=aiohttp.ClientTimeout(total=30))
    async with http.get("/login/") as r:
        token = CSRF.search(await r.text()).group(1)
    async with http.post("/login/", allow_redirects=False, data={
            "username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}) as r:
        if r.status != 302:
            raise SystemExit(f"{username} could not log in ({r.status})")
    return Person(username=username, http=http)


async def open_capture(person: Person, section: str) -> None:
    async with person.http.get(f"/s/{person.session}/section/{section}/") as r:
        if r.status != 200:
            raise SystemExit(f"{person.username}: capture page answered {r.status}")
        person.csrf = CSRF.search(await r.text()).group(1)


def next_edit(person: Person, sections: list[str], rng: random.Random) -> tuple[str, str, str]:
    section = sections[(person.turn // len(CAPTURE_FIELDS)) % len(sections)]
    name = CAPTURE_FIELDS[person.turn % len(CAPTURE_FIELDS)]
    person.turn += 1
    if name == "level":
        return section, name, LEVELS[person.turn % 3]
    if name == "confidence":
        return section, name, CONFIDENCES[person.turn % 3]
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120)))
    return section, name, f"{person.turn}: {words}"


async def autosave(person: Person, ctx: dict, tally: Tally, rng: random.Random) -> None:
    section, name, value = next_edit(person, ctx["sections"], rng)
    # A fresh operation ID each time: a repeated one would be answered from the server's
    # record of it (an idempotent replay), not saved.
    body = {"op_id": str(uuid.uuid4()), "section": section, "instrument": ctx["instrument"],
            "field": name, "value": value,
            "base_revision": person.revisions.get((section, name), 0)}
    started = time.perf_counter()
    try:
        async with person.http.post(
                f"/s/{person.session}/save/field/", json=body, allow_redirects=False,
                headers={"X-CSRFToken": person.csrf, "Accept": "application/json"}) as r:
            data = await r.json(content_type=None) if r.status < 500 else await r.text()
            elapsed = time.perf_counter() - started
    except (TimeoutError, aiohttp.ClientError, ValueError) as error:
        tally.fail(f"autosave: {type(error).__name__}: {error}")
        return
    if (r.status == 200 and isinstance(data, dict) and data.get("status") == "saved"
            and not data.get("replayed")):
        person.revisions[(section, name)] = data["revision"]
        tally.ok(elapsed)
    else:
        tally.fail(f"autosave: {r.status} {data}")


async def fetch(person: Person, path: str, tally: Tally, *, post_json: bool = False) -> None:
    """GET a page; or, with post_json, a logged-in JSON POST with the page's CSRF token."""
    started = time.perf_counter()
    request = (person.http.post(path, json={}, allow_redirects=False,
                                headers={"X-CSRFToken": person.csrf,
                                         "Accept": "application/json"})
               if post_json else person.http.get(path, allow_redirects=False))
    try:
        async with request as r:
            await r.read()
            elapsed = time.perf_counter() - started
    except (TimeoutError, aiohttp.ClientError) as error:
        tally.fail(f"{path}: {type(error).__name__}: {error}")
        return
    if r.status == 200:
        tally.ok(elapsed)
    else:
        tally.fail(f"{path}: {r.status}")


# --- phases ---------------------------------------------------------------------------------

class Budget:
    """A phase ends at its deadline or after its maximum number of requests."""

    def __init__(self, seconds: float, max_requests: int) -> None:
        self.deadline = time.perf_counter() + seconds
        self.left = max_requests

    def take(self) -> bool:
        if self.left <= 0 or time.perf_counter() >= self.deadline:
            return False
        self.left -= 1
        return True

    async def sleep(self, seconds: float) -> bool:
        remaining = self.deadline - time.perf_counter()
        await asyncio.sleep(max(0.0, min(seconds, remaining)))
        return time.perf_counter() < self.deadline


async def mixed(ctx: dict, facilitators: list[Person], coordinators: list[Person],
                seconds: float, max_requests: int) -> dict[str, Tally]:
    saves, pages = Tally(), Tally()
    budget = Budget(seconds, max_requests)
    pages_to_open = [f"/analysis/e/{ctx['engagement']}/", f"/plans/e/{ctx['engagement']}/"]

    async def facilitator(person: Person, seed: int) -> None:
        rng = random.Random(seed)
        if not await budget.sleep(rng.uniform(0, 3)):  # arrivals spread over a think time
            return
        while budget.take():
            await autosave(person, ctx, saves, rng)
            if not await budget.sleep(rng.uniform(2, 4)):
                return

    async def coordinator(person: Person, seed: int) -> None:
        rng = random.Random(seed)
        if not await budget.sleep(rng.uniform(0, 3)):
            return
        while budget.take():
            await fetch(person, pages_to_open[seed % 2], pages)
            seed += 1
            if not await budget.sleep(rng.uniform(3, 6)):
                return

    await asyncio.gather(*(facilitator(p, i) for i, p in enumerate(facilitators)),
                         *(coordinator(p, 1000 + i) for i, p in enumerate(coordinators)))
    return {"autosave": saves, "heatmap and plan pages": pages}


async def saturate(ctx: dict, people: list[Person], what: str, seconds: float,
                   max_requests: int) -> Tally:
    tally = Tally()
    budget = Budget(seconds, max_requests)

    async def client(person: Person, i: int) -> None:
        rng = random.Random(i)
        while budget.take():
            if what == "autosave":
                await autosave(person, ctx, tally, rng)
            elif what == "nodb":
                await fetch(person, "/_bench/nodb", tally)
            elif what == "floor":  # a view doing nothing, behind all the middleware
                await fetch(person, "/_bench/floor/", tally, post_json=True)
            else:
                await fetch(person, f"/_bench/write?row={i}", tally)

    await asyncio.gather(*(client(p, i) for i, p in enumerate(people)))
    return tally


async def drive(base: str, ctx: dict, args, database: str) -> list[Row]:
    rows: list[Row] = []
    most = max(max(args.levels), args.clients)
    facilitators = []
    sem = asyncio.Semaphore(4)  # logins check an Argon2 hash: a few at a time

    async def enter(entry: dict) -> Person:
        async with sem:
            person = await log_in(base, entry["username"])
        person.session = entry["session"]
        await open_capture(person, ctx["sections"][0])
        return person

    facilitators = await asyncio.gather(*(enter(e) for e in ctx["facilitators"][:most]))
    coordinators = []
    for i in range(2 + max(args.levels) // 50):
        person = await log_in(base, ctx["coordinators"][i % len(ctx["coordinators"])])
        coordinators.append(person)
    try:
        for n in args.levels:
            with measured(ctx["server_pid"]) as m:
                tallies = await mixed(ctx, facilitators[:n], coordinators[:2 + n // 50],
                                      args.duration, args.max_requests)
            for kind, tally in tallies.items():
                rows.append(Row(database, f"{n} facilitators", kind, m["seconds"], tally,
                                m["machine_cpu"], m["client_cpu"], m["server_cpu"]))
            report_progress(rows[-2:])
        for what in ("autosave", "floor", "nodb", "write"):
            with measured(ctx["server_pid"]) as m:
                tally = await saturate(ctx, facilitators[:args.clients], what,
                                       args.saturation, args.max_requests)
            rows.append(Row(database, f"saturation, {args.clients} clients", what,
                            m["seconds"], tally, m["machine_cpu"], m["client_cpu"],
                            m["server_cpu"]))
            report_progress(rows[-1:])
    finally:
        await asyncio.gather(*(p.http.close() for p in (*facilitators, *coordinators)))
    return rows


def report_progress(rows: list[Row]) -> None:
    for row in rows:
        print(f"  {row.phase:28} {row.kind:24} {row.throughput:7.1f}/s "
              f"p50 {row.tally.percentile(50):6.1f} p95 {row.tally.percentile(95):6.1f} "
              f"p99 {row.tally.percentile(99):6.1f} ms  errors {row.tally.errors}  "
              f"server CPU {row.server_cpu_s:.1f} s"
              + (f"  e.g. {row.tally.samples}" if row.tally.samples else ""),
              file=sys.stderr, flush=True)


# --- the server -----------------------------------------------------------------------------

def postgres_admin(url: str):
    import psycopg

    parts = urlparse(url)
    admin = urlunparse(parts._replace(path="/postgres"))
    return psycopg.connect(admin, autocommit=True), urlunparse(parts._replace(path=f"/{LOAD_DB}"))


@contextlib.contextmanager
def prepared_server(database: str, args) -> Iterator[tuple[str, dict, Path]]:
    data_dir = Path(tempfile.mkdtemp(prefix="govcap-load-"))
    env = {**os.environ, "GOVCAP_DATA_DIR": str(data_dir), "GOVCAP_ADMIN_PASSWORD": PASSWORD,
           "GOVCAP_DEMO_PASSWORD": PASSWORD, "GOVCAP_DEBUG": "0", "GOVCAP_ADMIN_2FA": "0",
           "GOVCAP_BENCH_CEILINGS": "1", "GOVCAP_LAPTOP_WORKER": "0"}
    for name in ("GOVCAP_DATABASE_URL", "GOVCAP_SQLITE_PATH", "GOVCAP_STATIC_ROOT",
                 "GOVCAP_HTTPS", "GOVCAP_PRODUCTION"):
        env.pop(name, None)
    admin = None
    if database == "PostgreSQL":
        admin, url = postgres_admin(os.environ["GOVCAP_DATABASE_URL"])
        admin.execute(f"DROP DATABASE IF EXISTS {LOAD_DB}")
        admin.execute(f"CREATE DATABASE {LOAD_DB}")
        env["GOVCAP_DATABASE_URL"] = url
    server = None
    log = data_dir / "server.log"
    try:
        started = time.perf_counter()
        subprocess.run([GOVCAP, "up", "--no-serve"], env=env, check=True,
                       stdout=subprocess.DEVNULL, timeout=900)
        fixture = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "_load_fixture.py"),
             str(max(max(args.levels), args.clients)), PASSWORD],
            env=env, capture_output=True, text=True, timeout=900)
        if fixture.returncode:
            raise SystemExit(f"bench/_load_fixture.py failed:\n{fixture.stderr}")
        ctx = json.loads(fixture.stdout)
        print(f"[{database}] data ready in {time.perf_counter() - started:.0f} s",
              file=sys.stderr, flush=True)
        port = free_port()
        command = [GOVCAP, "serve", "--production", "--host", HOST, "--port", str(port),
                   "--worker-class", args.worker_class]
        if args.workers:
            command += ["--workers", str(args.workers)]
        if args.threads:
            command += ["--threads", str(args.threads)]
        with open(log, "w") as out:
            server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        base = f"http://{HOST}:{port}"
        wait_for(base + "/healthz", server)
        ctx["server_pid"] = server.pid  # `govcap serve` execs gunicorn: the same process
        yield base, ctx, log
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if admin is not None:
            admin.execute(f"DROP DATABASE IF EXISTS {LOAD_DB} WITH (FORCE)")
            admin.close()
        shutil.rmtree(data_dir, ignore_errors=True)


def server_errors(log: Path) -> list[str]:
    """Lines the server logged at error level (its JSON lines, or gunicorn's own)."""
    bad = []
    for line in log.read_text(errors="replace").splitlines():
        if '"level": "error"' in line or "[ERROR]" in line or "[CRITICAL]" in line:
            bad.append(line[:300])
    return bad


# --- report ---------------------------------------------------------------------------------

def print_tables(rows: list[Row], args, markdown: bool) -> None:
    by_db: dict[str, list[Row]] = {}
    for row in rows:
        by_db.setdefault(row.database, []).append(row)
    for database, db_rows in by_db.items():
        title = f"{database} — gunicorn {args.plan}"
        print(f"\n{title}\n" if markdown else f"\n=== {title} ===")
        if markdown:
            print("| load | requests | throughput | p50 | p95 | p99 | errors | server CPU per "
                  "request | CPU (machine / load generator) |")
            print("|---|---|---|---|---|---|---|---|---|")
        for r in db_rows:
            t = r.tally
            cells = (f"{r.phase}: {r.kind}", f"{t.count:,}", f"{r.throughput:,.0f}/s",
                     f"{t.percentile(50):.0f} ms", f"{t.percentile(95):.0f} ms",
                     f"{t.percentile(99):.0f} ms", str(t.errors),
                     f"{r.server_cpu_ms_per_request:.1f} ms" if r.phase.startswith("saturation")
                     else "—",
                     f"{r.machine_cpu:.0%} / {r.client_cpu:.0%}")
            if markdown:
                print("| " + " | ".join(cells) + " |")
            else:
                print(f"{cells[0]:58} {cells[1]:>7} {cells[2]:>8} {cells[3]:>7} {cells[4]:>7} "
                      f"{cells[5]:>7} {cells[6]:>4} {cells[7]:>8}  {cells[8]}")
        sat = {r.kind: r for r in db_rows if r.phase.startswith("saturation")}
        if {"autosave", "nodb", "write"} <= sat.keys():
            ours = sat["autosave"].throughput
            floor = sat.get("floor")
            print(("\n" if markdown else "") +
                  f"Autosave at saturation: {ours:,.0f}/s = **{ours / sat['write'].throughput:.2f}**"
                  f" of the minimal write view ({sat['write'].throughput:,.0f}/s) and "
                  f"**{ours / sat['nodb'].throughput:.2f}** of the view without database "
                  f"({sat['nodb'].throughput:,.0f}/s)".replace("**", "**" if markdown else "")
                  + (f"; the framework floor (a logged-in POST to a view doing nothing) "
                     f"runs {floor.throughput:,.0f}/s = {floor.throughput / sat['write'].throughput:.2f}"
                     f" of the minimal write, and the autosave is "
                     f"{ours / floor.throughput:.2f} of it." if floor else "."))
            print(f"Server CPU per request: autosave "
                  f"{sat['autosave'].server_cpu_ms_per_request:.1f} ms, "
                  + (f"framework floor {floor.server_cpu_ms_per_request:.1f} ms, " if floor else "")
                  + f"minimal write {sat['write'].server_cpu_ms_per_request:.1f} ms, no database "
                  f"{sat['nodb'].server_cpu_ms_per_request:.1f} ms.")
    print()
    goals(rows)


def goals(rows: list[Row]) -> None:
    errors = sum(r.tally.errors for r in rows)
    print(f"goal: zero errors: {errors} {'ok' if errors == 0 else 'MISSED'}")
    for r in rows:
        if r.phase.startswith("200 ") and r.kind == "autosave":
            p99 = r.tally.percentile(99)
            print(f"goal: {r.database} autosave p99 at 200 facilitators < 100 ms: {p99:.0f} ms "
                  f"{'ok' if p99 < 100 else 'MISSED'}")
    for database in dict.fromkeys(r.database for r in rows):
        sat = {r.kind: r for r in rows if r.database == database
               and r.phase.startswith("saturation")}
        if {"autosave", "write"} <= sat.keys():
            ratio = sat["autosave"].throughput / sat["write"].throughput
            print(f"goal: {database} autosave / minimal write >= 0.5: {ratio:.2f} "
                  f"{'ok' if ratio >= 0.5 else 'MISSED'}")


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                  if line.startswith("model name")), "unknown CPU")
    return f"{os.cpu_count()} CPUs ({model}), Python {sys.version.split()[0]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="10,50,200",
                        help="numbers of simulated facilitators (comma-separated)")
    parser.add_argument("--duration", type=float, default=25.0, help="seconds per load level")
    parser.add_argument("--saturation", type=float, default=10.0,
                        help="seconds per saturation run")
    parser.add_argument("--clients", type=int, default=16,
                        help="clients without think time in the saturation runs")
    parser.add_argument("--max-requests", type=int, default=200_000,
                        help="requests at most per phase")
    parser.add_argument("--database", choices=("both", "sqlite", "postgresql"), default="both",
                        help="both: SQLite, and PostgreSQL when GOVCAP_DATABASE_URL is set")
    parser.add_argument("--worker-class", choices=("gthread", "sync"), default="gthread")
    parser.add_argument("--workers", type=int)
    parser.add_argument("--threads", type=int)
    parser.add_argument("--quick", action="store_true", help="a short smoke run")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    args.levels = [int(n) for n in args.levels.split(",")]
    if args.quick:
        args.levels, args.duration, args.saturation, args.clients = [10], 4.0, 3.0, 4
    from govcap.web.serving import worker_plan

    args.plan = worker_plan(os.cpu_count() or 1, args.workers, args.threads, args.worker_class)
    databases = []
    if args.database in ("both", "sqlite"):
        databases.append("SQLite")
    if args.database in ("both", "postgresql"):
        if os.environ.get("GOVCAP_DATABASE_URL", "").startswith("postgres"):
            databases.append("PostgreSQL")
        elif args.database == "postgresql":
            raise SystemExit("--database postgresql needs GOVCAP_DATABASE_URL")
    rows: list[Row] = []
    print(f"{machine()}; gunicorn {args.plan}", file=sys.stderr, flush=True)
    for database in databases:
        with prepared_server(database, args) as (base, ctx, log):
            rows += asyncio.run(drive(base, ctx, args, database))
            for line in server_errors(log)[:5]:
                print(f"[{database}] server error: {line}", file=sys.stderr)
    print(f"\nMachine: {machine()}.")
    print_tables(rows, args, args.markdown)


if __name__ == "__main__":
    main()
