"""`govcap up`: everything `make run` needs, in order, on any database state."""

import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand

from govcap.accounts.admins import ensure_admin
from govcap.instruments.services import ensure_default_instrument
from govcap.orgs.models import Engagement, Organisation

DEMO_PASSWORD_ENV = "GOVCAP_DEMO_PASSWORD"  # read by `govcap demo` (a layer above)


class Command(BaseCommand):
    help = ("Migrate, load the instrument (and the demo data on an empty database), create the "
            "administrator if missing, then serve.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-demo", action="store_true", help="never load demo data")
        parser.add_argument("--no-serve", action="store_true", help="prepare only")

    def handle(self, *args, host, port, no_demo, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        instrument = ensure_default_instrument()
        self.stdout.write(f"Instrument: {instrument.title} v{instrument.version}")
        _, password = ensure_admin()
        empty = not Engagement.objects.exists() and not Organisation.objects.exists()
        # an operator who set the demo users' own password gets it, not the admin's
        own_demo_password = bool(os.environ.get(DEMO_PASSWORD_ENV))
        demo_shares_password = bool(password and passes_rules(password)) and not own_demo_password
        if empty and not no_demo:
            demo_args = ["--password", password] if demo_shares_password else []
            call_command("demo", *demo_args, stdout=self.stdout)
        self.stdout.write("")
        self.stdout.write(f"  Open   http://{host}:{port}/")
        if password:
            self.stdout.write(f"  Log in as admin with the password {password}")
            if empty and not no_demo and demo_shares_password:
                self.stdout.write("  Demo users (demo-coordinator-ke, demo-facilitator-ke-1, …) "
                                  "use the same password.")
            elif empty and not no_demo and own_demo_password:
                self.stdout.write(f"  Demo users (demo-coordinator-ke, …) use ${DEMO_PASSWORD_ENV}.")
            self.stdout.write("  (shown once: note it now; `govcap changepassword admin` resets it)")
        else:
            self.stdout.write("  Log in as admin with the password you set before "
                              "(`govcap changepassword admin` resets it)")
        self.stdout.write("")
        if not no_serve:
            call_command("serve", host=host, port=port)


def passes_rules(password: str) -> bool:
    try:
        validate_password(password)
    except ValidationError:
        return False
    return True
