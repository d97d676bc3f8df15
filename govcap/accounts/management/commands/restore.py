from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from govcap.accounts.backup import BackupError, restore


class Command(BaseCommand):
    help = "Load a `govcap backup` file into an empty database (--force replaces everything)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--force", action="store_true",
                            help="empty this database first, even if it holds data")

    def handle(self, *args, **options):
        try:
            n = restore(options["file"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{n} object(s) restored from {options['file']}. Everyone logs in again.")
