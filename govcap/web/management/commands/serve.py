"""`govcap serve`: Django's threaded server for one laptop, gunicorn with --production."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Serve govcap on HOST:PORT: a threaded server for a laptop, or with --production "
            "gunicorn with workers from the CPU count (for a server behind a reverse proxy).")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--production", action="store_true")
        parser.add_argument("--workers", type=int, default=None,
                            help="gunicorn workers (default: 2 × CPUs + 1)")

    def handle(self, *args, host, port, production, workers, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        if not production:
            self.stdout.write(f"govcap is serving on http://{host}:{port}/  (Ctrl+C to stop)")
            call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)
            return
        try:
            from gunicorn.app.wsgiapp import run
        except ImportError:
            raise CommandError("--production needs gunicorn (Linux or macOS).") from None
        workers = workers or 2 * (os.cpu_count() or 1) + 1
        self.stdout.write(f"govcap (gunicorn, {workers} workers) on http://{host}:{port}/")
        # gunicorn reads its options from sys.argv.
        sys.argv = ["gunicorn", "govcap.wsgi:application", f"--bind={host}:{port}",
                    f"--workers={workers}", "--access-logfile=-", "--timeout=60"]
        run(prog="govcap serve --production")
