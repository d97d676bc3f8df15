from django.core.management.base import BaseCommand

from govcap.accounts import audit, lockout


class Command(BaseCommand):
    help = "Lift the login lock of a user at once (after too many failed logins)."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="+")

    def handle(self, *args, **options):
        from django.contrib.auth import get_user_model

        for username in options["username"]:
            removed = lockout.unlock(username)
            user = get_user_model().objects.filter(username=username).first()
            if user is not None:
                audit.record(None, "unlock", user, None, {"user": username, "by": "cli"})
            self.stdout.write(f"{username}: {removed} failed-login record(s) removed; "
                              "the user can log in again.")
