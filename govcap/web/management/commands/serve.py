from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve govcap on HOST:PORT (a threaded server for one laptop or a small team)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, host, port, **options):
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"govcap is serving on http://{host}:{port}/  (Ctrl+C to stop)")
        call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)
