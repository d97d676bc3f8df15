"""`govcap demo [--remove | --reset] [--password PW] [--scale SIZE]`: load or remove the demo
data set, or a large synthetic portfolio."""

from __future__ import annotations

import os
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import ProtectedError

from govcap.analysis.demo import seed_demo_coding
from govcap.demo.loader import LoadSummary, RemoveSummary, has_demo_data, load_demo, remove_demo
from govcap.demo.scale import Portfolio, build_portfolio, has_portfolio, parse_scale

PASSWORD_ENV = "GOVCAP_DEMO_PASSWORD"


class Command(BaseCommand):
    help = (
        "Load a deterministic demo data set: Djibouti, Kenya and Somalia, their ministries "
        "and agencies, engagements, FGD sessions with ratings, notes and quotes, and demo- "
        "users. Does nothing if demo data is already there; --remove deletes every demo row "
        "and nothing else; --reset removes and loads again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--remove", action="store_true",
                            help="delete all demo data (real data is not touched)")
        action.add_argument("--reset", action="store_true",
                            help="delete the demo data and load it again")
        parser.add_argument(
            "--password",
            help=f"password for every demo user (default: ${PASSWORD_ENV}; without either, "
                 "demo users get unusable passwords and cannot log in)",
        )
        parser.add_argument(
            "--scale", metavar="SIZE",
            help="instead of the demo data set, a synthetic portfolio for load tests: large "
                 "(20 countries × 500 organisations × 4 rounds, 40,000 sessions), tenth "
                 "(50 organisations per country), a fraction such as 0.25, or "
                 "COUNTRIESxORGANISATIONSxROUNDS such as 2x5x2; marked demo",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["scale"]:
            try:
                portfolio = parse_scale(options["scale"])
            except ValueError as exc:
                raise CommandError(f"--scale {exc}") from exc
            if options["remove"]:
                raise CommandError("--scale loads a portfolio; --remove alone removes it")
            if options["reset"] and has_demo_data():
                self.report_removal(self.remove())
            self.load_portfolio(portfolio)
            return
        password = options["password"] or os.environ.get(PASSWORD_ENV) or None
        if password and not options["remove"]:
            try:
                validate_password(password)
            except ValidationError as exc:
                raise CommandError("The demo password is too weak: " + " ".join(exc.messages)) from exc
        removed: RemoveSummary | None = None
        loaded: LoadSummary | None = None
        try:
            with transaction.atomic():  # report only after the commit
                if (options["remove"] or options["reset"]) and has_demo_data():
                    removed = remove_demo()
                if not options["remove"] and not has_demo_data():
                    loaded = load_demo(password)
                    seed_demo_coding()  # codebooks, coded notes and votes for the analysis pages
        except ProtectedError as exc:
            blocking = sorted({f"{o._meta.verbose_name} {o}" for o in exc.protected_objects})[:5]
            raise CommandError(
                "Real data refers to demo data, so nothing was changed. Blocking: "
                + "; ".join(blocking)
            ) from exc
        if removed:
            self.report_removal(removed)
        elif options["remove"]:
            self.stdout.write("No demo data to remove.")
        if loaded:
            self.report_load(loaded, password_set=bool(password))
        elif not options["remove"]:
            self.stdout.write(
                "The database already has demo data; nothing was loaded. "
                "Use `govcap demo --reset` to load it afresh."
            )

    def remove(self) -> RemoveSummary:
        try:
            return remove_demo()
        except ProtectedError as exc:
            raise CommandError("Real data refers to demo data, so nothing was changed.") from exc

    def load_portfolio(self, portfolio: Portfolio) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        if has_portfolio():
            self.stdout.write("A demo portfolio is already there; nothing was loaded. Use "
                              "`govcap demo --reset --scale …` to load it afresh.")
            return
        # the stream OutputWrapper wraps (it would end each of rich's writes with a newline);
        # the stubs do not declare OutputWrapper._out
        console = Console(file=self.stdout._out, highlight=False)  # type: ignore[arg-type]
        columns = ("{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn())
        with Progress(*columns, console=console, transient=False) as bar:
            task = bar.add_task(f"{portfolio.describe()}: sessions", total=portfolio.sessions)
            try:
                _frame, stats = build_portfolio(portfolio, lambda n: bar.advance(task, n))
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        seconds = stats.seconds["total"]
        self.stdout.write(self.style.SUCCESS(
            f"Loaded a demo portfolio in {seconds:.1f} s ({stats.ratings / seconds:,.0f} "
            f"ratings/s): {portfolio.countries} countries, {stats.organisations:,} "
            f"organisations, {portfolio.countries * portfolio.rounds} engagements, "
            f"{stats.sessions:,} sessions (validated), {stats.participants:,} participants, "
            f"{stats.ratings:,} consensus ratings, {stats.quotes:,} quotes."))
        self.stdout.write("  Marked demo: `govcap demo --remove` deletes it; exports and "
                          "bundles leave it out unless asked.")

    def report_load(self, s: LoadSummary, *, password_set: bool) -> None:
        statuses = ", ".join(
            f"{s.sessions[k]} {label}"
            for k, label in (("validated", "validated"), ("submitted", "submitted"),
                             ("in_progress", "in progress"), ("draft", "draft"))
            if s.sessions[k]
        )
        self.stdout.write(self.style.SUCCESS(f"Loaded demo data in {s.seconds:.2f} s:"))
        self.stdout.write(
            f"  {s.countries} countries, {s.organisations} organisations, "
            f"{s.engagements} engagements\n"
            f"  {sum(s.sessions.values())} sessions ({statuses})\n"
            f"  {s.participants} participants, {s.ratings} consensus ratings, "
            f"{s.rater_ratings} individual raters' ratings, {s.quotes} quotes\n"
            f"  {len(s.users)} users, {s.role_assignments} role assignments: {', '.join(s.users)}"
        )
        if s.reused_countries:
            self.stdout.write(f"  Joined existing countries: {', '.join(s.reused_countries)}")
        if s.renamed_organisations:
            self.stdout.write("  Renamed to avoid clashes with real organisations: "
                              + "; ".join(s.renamed_organisations))
        if password_set:
            self.stdout.write(f"Demo users log in with the password given (--password or "
                              f"${PASSWORD_ENV}).")
        else:
            self.stdout.write(self.style.WARNING(
                "Demo users have unusable passwords and cannot log in; pass --password or set "
                f"{PASSWORD_ENV} (with --reset) to use them."
            ))

    def report_removal(self, s: RemoveSummary) -> None:
        self.stdout.write(self.style.SUCCESS(
            f"Removed demo data: {s.countries} countries, {s.organisations} organisations, "
            f"{s.engagements} engagements, {s.sessions} sessions, {s.participants} participants, "
            f"{s.ratings} ratings, {s.quotes} quotes, {s.users} users, "
            f"{s.role_assignments} role assignments."
        ))
        if s.audit_events_kept:
            self.stdout.write(
                f"  {s.audit_events_kept} audit events about demo sessions or users were kept "
                "(the audit trail is never deleted); their links to the deleted rows are cleared."
            )
        if s.kept_countries:
            self.stdout.write("  Kept as real data (real organisations or engagements use them): "
                              + ", ".join(s.kept_countries))
