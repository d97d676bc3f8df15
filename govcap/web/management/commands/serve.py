"""`govcap serve`: Django's threaded server for one laptop; with --production, gunicorn
(workers from the CPU count) for a server behind a reverse proxy. See docs/operator-guide.md."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from govcap.web.serving import gunicorn_argv, worker_plan


class Command(BaseCommand):
    help = ("Serve govcap on HOST:PORT: a threaded server for a laptop, or with --production "
            "gunicorn with workers from the CPU count (for a server behind a reverse proxy).")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--production", action="store_true")
        parser.add_argument("--workers", type=int, default=None,
                            help="gunicorn worker processes (default: from the CPU count)")
        parser.add_argument("--threads", type=int, default=None,
                            help="threads per worker (default: from the CPU count)")
        parser.add_argument("--worker-class", choices=("gthread", "sync"), default="gthread",
                            help="gunicorn worker type (gthread: the measured choice)")

    def handle(self, *args, host, port, production, workers, threads, worker_class, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        if not production:
            from govcap.jobs.laptop import start_background_worker  # no second command

            start_background_worker(self.stdout)
            self.stdout.write(f"govcap is serving on http://{host}:{port}/  (Ctrl+C to stop)")
            call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)
            return
        try:
            import gunicorn  # noqa: F401
        except ImportError:
            raise CommandError("--production needs gunicorn (Linux or macOS).") from None
        plan = worker_plan(os.cpu_count() or 1, workers, threads, worker_class)
        self.stdout.write(f"govcap (gunicorn {plan}) on http://{host}:{port}/")
        self.stdout.flush()
        # A fresh process (same process ID, so a supervisor's signals reach gunicorn): the
        # settings, logging included, are read again with the production environment.
        env = {**os.environ, "GOVCAP_LOG_FORMAT": os.environ.get("GOVCAP_LOG_FORMAT", "json")}
        os.execve(sys.executable, gunicorn_argv(sys.executable, host, port, plan), env)
