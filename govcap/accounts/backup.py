"""A portable backup: govcap's data and accounts as one JSON file with a checksum header.

The first line is `govcap-backup 1 sha256=<hex of the rest> created=<ISO time>`; the rest
is Django's JSON serialisation (natural keys for content types and permissions), so a
backup taken on SQLite restores on PostgreSQL and the other way round. Browser sessions,
login-attempt records and derived tables (content types, permissions) are left out.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

MAGIC = "govcap-backup"
VERSION = "1"
EXTRA_APPS = ("auth", "otp_totp", "otp_static")
LEFT_OUT = {"accounts.loginsession", "auth.permission"}


class BackupError(Exception):
    """A message for the operator."""


def model_labels() -> list[str]:
    labels = []
    for config in apps.get_app_configs():
        if config.name.startswith("govcap.") or config.label in EXTRA_APPS:
            for model in config.get_models():
                label = model._meta.label_lower
                if label not in LEFT_OUT and not model._meta.proxy:
                    labels.append(label)
    return labels


def dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", *model_labels(), use_natural_foreign_keys=True, indent=None,
                 stdout=out)
    return out.getvalue()


def write_backup(path: Path) -> int:
    """Write the backup; returns its size in bytes."""
    body = dump()
    header = (f"{MAGIC} {VERSION} sha256={hashlib.sha256(body.encode('utf-8')).hexdigest()} "
              f"created={timezone.now().isoformat()}\n")
    data = (header + body).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def read_backup(path: Path) -> str:
    """The JSON body of a backup file whose checksum holds."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BackupError(f"{path}: cannot be read ({error}).") from None
    header, _, body = text.partition("\n")
    parts = dict(p.split("=", 1) for p in header.split()[2:] if "=" in p)
    if not header.startswith(f"{MAGIC} ") or header.split()[1:2] != [VERSION]:
        raise BackupError(f"{path}: not a govcap backup (line 1 should start “{MAGIC} {VERSION}”).")
    if hashlib.sha256(body.encode("utf-8")).hexdigest() != parts.get("sha256"):
        raise BackupError(f"{path}: the checksum does not match: the file is damaged or edited.")
    return body


def database_is_empty() -> bool:
    return not any(apps.get_model(label).objects.exists() for label in model_labels())


def restore(path: Path, *, force: bool = False) -> int:
    """Load a backup into this database. Refuses a database holding data unless `force`,
    which empties it first. Returns how many objects were loaded."""
    body = read_backup(path)
    if not database_is_empty() and not force:
        raise BackupError("This database already holds data: restore into an empty database, "
                          "or pass --force to replace everything in it.")
    with tempfile.TemporaryDirectory() as tmp:
        fixture = Path(tmp) / "govcap-backup.json"
        fixture.write_text(body, encoding="utf-8")
        with transaction.atomic():
            if force:
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:  # TRUNCATE needs no pending checks
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                call_command("flush", interactive=False, verbosity=0)
            out = io.StringIO()
            call_command("loaddata", str(fixture), verbosity=1, stdout=out)
    digits = [int(w) for w in out.getvalue().split() if w.isdigit()]
    return digits[0] if digits else 0
