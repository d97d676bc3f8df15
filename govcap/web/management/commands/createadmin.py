from django.core.management.base import BaseCommand

from govcap.accounts.admins import ensure_admin


class Command(BaseCommand):
    help = "Create an administrator (password from --password, GOVCAP_ADMIN_PASSWORD, or generated)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", help="default: GOVCAP_ADMIN_PASSWORD or a generated one")

    def handle(self, *args, username, password, **options):
        user, new_password = ensure_admin(username, password)
        if new_password is None:
            self.stdout.write(f"{username} already exists; nothing changed.")
        else:
            self.stdout.write(f"Administrator {username} created. Password: {new_password}")
