"""`govcap analysis seed-demo-coding | tally [--check | --rebuild]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from govcap.analysis import tally
from govcap.analysis.demo import seed_demo_coding


class Command(BaseCommand):
    help = "Analysis data: demo coding and votes, and the level tally behind the programme view."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True,
                                    metavar="{seed-demo-coding,tally}")
        sub.add_parser("seed-demo-coding",
                       help="add coded segments, suggestions and participants' votes to the "
                            "demo sessions (is_demo); a second run adds nothing")
        tally = sub.add_parser("tally", help="check or rebuild the engagement × section × "
                                             "level tally kept by database triggers")
        mode = tally.add_mutually_exclusive_group()
        mode.add_argument("--check", action="store_true",
                          help="compare the tally with a recount (the default)")
        mode.add_argument("--rebuild", action="store_true",
                          help="reinstall the triggers and recount the tally")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "seed-demo-coding":
            self.seed()
        else:
            self.tally(rebuild=options["rebuild"])

    def seed(self) -> None:
        s = seed_demo_coding()
        if not s.sessions and not s.vote_tallies:
            self.stdout.write("No demo session to seed (or already seeded); nothing added.")
            return
        self.stdout.write(self.style.SUCCESS(
            f"Demo analysis: {s.segments} coded segments, {s.suggestions_pending} suggestions "
            f"to review, {s.suggestions_rejected} rejected, {s.vote_tallies} vote tallies, "
            f"in {len(s.sessions)} sessions; {s.codebooks} codebooks created."))

    def tally(self, *, rebuild: bool) -> None:
        if rebuild:
            tally.install(connection)
            tally.rebuild(connection)
            self.stdout.write(self.style.SUCCESS("Tally triggers installed and tally rebuilt."))
            return
        if not tally.installed(connection):
            raise CommandError("The tally's triggers are missing: run `govcap analysis tally "
                               "--rebuild`.")
        drift = tally.drift(connection)
        if drift:
            for (engagement, section, level), (stored, expected) in sorted(drift.items())[:20]:
                self.stdout.write(f"engagement {engagement}, {section}, {level or '(empty)'}: "
                                  f"tally {stored}, ratings {expected}")
            raise CommandError(f"The tally differs from the ratings in {len(drift)} places: "
                               "run `govcap analysis tally --rebuild`.")
        self.stdout.write(self.style.SUCCESS("The tally matches the ratings."))
