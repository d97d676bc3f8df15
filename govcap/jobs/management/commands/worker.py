"""`govcap worker`: run background jobs (django-tasks-db's worker, every queue, no reload).

On a server, run it as a service next to `govcap serve --production` (see the operator
guide for a systemd unit). SIGTERM lets the running job finish; a second one stops it, and
the job then shows as interrupted. Unless it runs one batch, it also prunes finished jobs
older than GOVCAP_JOB_KEEP_DAYS shortly after it starts, then once a day (a log line says
how many went).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from govcap.jobs import pruning


class Command(BaseCommand):
    help = "Run background jobs (plan packs, large exports and imports) until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true",
                            help="run the jobs waiting now, then exit")
        parser.add_argument("--max-tasks", type=int, default=None,
                            help="exit after this many jobs (a supervisor restarts it)")
        parser.add_argument("--interval", type=float, default=1.0,
                            help="seconds between looks at the queue when it is empty")

    def handle(self, *args: Any, batch: bool, max_tasks: int | None, interval: float,
               verbosity: int, **options: Any) -> None:
        argv = ["--queue-name=*", "--no-reload", f"--interval={interval}"]
        if batch:
            argv += ["--batch", "--no-startup-delay"]
        if max_tasks:
            argv.append(f"--max-tasks={max_tasks}")
        prune = None if batch else self.start_scheduled_prune()
        try:
            call_command("db_worker", *argv, verbosity=verbosity, stdout=self.stdout)
        finally:
            if prune is not None:
                prune.stop()

    def start_scheduled_prune(self) -> pruning.ScheduledPrune | None:
        log = logging.getLogger("govcap.jobs")
        if log.level == logging.NOTSET:  # the prune's daily line, unless configured otherwise
            log.setLevel(logging.INFO)
        return pruning.start_scheduled_prune(settings.GOVCAP_JOB_KEEP_DAYS)
