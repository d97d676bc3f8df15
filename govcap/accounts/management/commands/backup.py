from pathlib import Path

from django.core.management.base import BaseCommand

from govcap.accounts.backup import write_backup


class Command(BaseCommand):
    help = "Write all of govcap's data and accounts to one portable JSON file with a checksum."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="the backup file to write")

    def handle(self, *args, **options):
        size = write_backup(options["out"])
        self.stdout.write(f"Backup written to {options['out']} ({size:,} bytes).")
