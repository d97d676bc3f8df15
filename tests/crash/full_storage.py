"""Making the test database's storage full, and freeing it again.

SQLite: the file is held at its current size (`GOVCAP_SQLITE_MAX_PAGES`, which every new
connection applies, and the same pragma on this one) and its free pages are filled with a
scratch table, so a save that needs one more page fails with SQLITE_FULL. Freeing lifts the
cap and drops the scratch table.

PostgreSQL: a disk cannot be filled safely on a shared server, so a trigger created in the
test database raises SQLSTATE 53100 (disk_full) on every write of a rating or a quote, as
PostgreSQL does when it cannot extend a file. Freeing drops the trigger.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.signals import request_started
from django.db import OperationalError, connection

from govcap.assessments.models import Quote, Rating

FILLER = "govcap_test_filler"
TRIGGER = "govcap_test_disk_full"
TABLES = [Rating._meta.db_table, Quote._meta.db_table]


class FullStorage:
    def __init__(self, settings) -> None:
        self.crumbs = 0
        self.settings = settings
        self.filled = False

    @property
    def sqlite(self) -> bool:
        return connection.vendor == "sqlite"

    def fill(self) -> None:
        self.filled = True
        if self.sqlite:
            self._fill_sqlite()
        else:
            self._inject_disk_full()

    def free(self) -> None:
        if not self.filled:
            return
        self.filled = False
        with connection.cursor() as cursor:
            if self.sqlite:
                self.settings.GOVCAP_SQLITE_MAX_PAGES = 0  # freed: fresh connections, no cap
                cursor.execute(f"DROP TABLE IF EXISTS {FILLER}")
                for n in range(self.crumbs):
                    cursor.execute(f"DROP TABLE IF EXISTS {FILLER}_{n}")
            else:
                for table in TABLES:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
        if self.sqlite:
            connection.close()  # the page cap was set on this connection: start afresh
            # (kept until the test ends, so the live server drops its capped connection)

    def _fill_sqlite(self) -> None:
        self.settings.GOVCAP_SQLITE_MAX_PAGES = 1  # below the file's size: held at its size
        # The cap is applied when a connection opens, and connections may outlive a request
        # (CONN_MAX_AGE): each request, the live server's included, opens a fresh one.
        request_started.connect(fresh_connection, dispatch_uid=FILLER)
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {FILLER} (b BLOB)")
            cursor.execute("PRAGMA max_page_count = 1")
            for size in (65536, 4096, 512, 64):  # big rows first, then the crumbs
                while True:
                    try:
                        cursor.execute(f"INSERT INTO {FILLER} VALUES (randomblob(%s))", [size])
                    except OperationalError:
                        break
            # A free page left over by earlier tests' deletes cannot always take a row (a
            # B-tree split needs two): a table of its own takes it, one page each.
            self.crumbs = 0
            while True:
                cursor.execute("PRAGMA freelist_count")
                if not cursor.fetchone()[0]:
                    break
                try:
                    cursor.execute(f"CREATE TABLE {FILLER}_{self.crumbs} (b BLOB)")
                except OperationalError:
                    break
                self.crumbs += 1
            cursor.execute("PRAGMA freelist_count")
            assert cursor.fetchone()[0] == 0

    def _inject_disk_full(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN RAISE EXCEPTION 'could not extend file: No space left on device "
                "(injected by a govcap test)' USING ERRCODE = 'disk_full'; END $$")
            for table in TABLES:
                cursor.execute(f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE ON {table} "
                               f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()")


def fresh_connection(**kwargs) -> None:
    connection.close()


def stop_fresh_connections() -> None:
    request_started.disconnect(fresh_connection, dispatch_uid=FILLER)


def integrity_ok() -> bool:
    """SQLite's own check of the whole file; PostgreSQL has none to run (True)."""
    if connection.vendor != "sqlite":
        return True
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        return [row[0] for row in cursor.fetchall()] == ["ok"]


def full_storage_for_a_test(settings) -> Iterator[FullStorage]:
    """For a fixture: .fill() fills the storage, .free() frees it; freed afterwards in any
    case, so no later test of this worker meets a full database."""
    storage = FullStorage(settings)
    try:
        yield storage
    finally:
        storage.free()
        stop_fresh_connections()
