"""`govcap migrate`: Django's migrate, after making the folder of a SQLite database file.

Importing the settings creates nothing, so the data directory (GOVCAP_DATA_DIR, ./var by
default) appears where the database is first written: here, which `govcap up` runs first.
Job files and uploads make their own folders when they first write."""

from pathlib import Path

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections


def make_database_folder(alias: str) -> None:
    """Create the folder of `alias`'s SQLite file if missing (SQLite makes the file, not
    its folder); nothing for PostgreSQL or an in-memory database."""
    database = connections[alias].settings_dict
    name = str(database.get("NAME") or "")
    if connections[alias].vendor != "sqlite" or not name or name.startswith("file:") \
            or name == ":memory:":
        return
    Path(name).parent.mkdir(parents=True, exist_ok=True)


class Command(DjangoMigrate):
    def execute(self, *args, **options):
        # Before the system checks, which already open the database.
        make_database_folder(options.get("database") or "default")
        return super().execute(*args, **options)
