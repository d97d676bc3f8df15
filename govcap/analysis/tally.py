"""The engagement × section × level tally of consensus ratings, kept by database triggers.

The programme view compares every country and round; counting 320,000 ratings for it on
each request takes about a second on SQLite. Instead, table ``analysis_level_tally`` holds
how many consensus ratings (rater empty) each (engagement, section, level) has, and
triggers on ``assessments_rating`` and ``assessments_session`` change it *in the same
statement* as the rating — whichever code writes (autosave, the Kobo/ODK importer, bundles,
the demo loader, ``bulk_create``), the tally moves in the same transaction.

It is deliberately not a Django model: a backup restored row by row rebuilds it through
the triggers, so it must not be in backups. A migration that rebuilds the ratings or
sessions table on SQLite drops that table's triggers; `after_migrate` (run after every
``migrate``) puts them back and rebuilds the tally when any was missing.
`govcap analysis tally --rebuild` recomputes it from the ratings and `--check` compares.

Levels are stored as they are in ratings ('basic', 'moderate', 'high', 'not_assessed',
'' for not rated yet). Counts are of *ratings*; when an organisation has several sessions
in one engagement, `queries` corrects the counts to one resolved level per organisation.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "analysis_level_tally"
TRIGGERS = ("analysis_tally_rating_insert", "analysis_tally_rating_delete",
            "analysis_tally_rating_update", "analysis_tally_session_move",
            "analysis_tally_session_delete")
PG_TRIGGERS = ("analysis_tally_rating", "analysis_tally_session", "analysis_tally_truncate")

CREATE_TABLE = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    engagement_id bigint NOT NULL,
    section_key varchar(60) NOT NULL,
    level varchar(14) NOT NULL,
    n integer NOT NULL DEFAULT 0,
    PRIMARY KEY (engagement_id, section_key, level)
)"""

_SQLITE_ADD = f"""INSERT INTO {TABLE} (engagement_id, section_key, level, n)
    SELECT engagement_id, NEW.section_key, NEW.level, 1 FROM assessments_session
    WHERE id = NEW.session_id AND NEW.rater_id IS NULL
    ON CONFLICT (engagement_id, section_key, level) DO UPDATE SET n = n + 1;"""
_SQLITE_REMOVE = f"""UPDATE {TABLE} SET n = n - 1
    WHERE OLD.rater_id IS NULL AND section_key = OLD.section_key AND level = OLD.level
    AND engagement_id = (SELECT engagement_id FROM assessments_session WHERE id = OLD.session_id);"""
_SQLITE_SUBTRACT_SESSION = f"""UPDATE {TABLE} SET n = n - (
        SELECT COUNT(*) FROM assessments_rating r WHERE r.session_id = OLD.id
        AND r.rater_id IS NULL AND r.section_key = {TABLE}.section_key
        AND r.level = {TABLE}.level)
    WHERE engagement_id = OLD.engagement_id;"""

SQLITE = [
    CREATE_TABLE,
    f"""CREATE TRIGGER IF NOT EXISTS analysis_tally_rating_insert
    AFTER INSERT ON assessments_rating WHEN NEW.rater_id IS NULL
    BEGIN {_SQLITE_ADD} END""",
    f"""CREATE TRIGGER IF NOT EXISTS analysis_tally_rating_delete
    AFTER DELETE ON assessments_rating WHEN OLD.rater_id IS NULL
    BEGIN {_SQLITE_REMOVE} END""",
    f"""CREATE TRIGGER IF NOT EXISTS analysis_tally_rating_update
    AFTER UPDATE ON assessments_rating
    WHEN (OLD.rater_id IS NULL OR NEW.rater_id IS NULL)
     AND (OLD.level IS NOT NEW.level OR OLD.section_key IS NOT NEW.section_key
          OR OLD.session_id IS NOT NEW.session_id OR OLD.rater_id IS NOT NEW.rater_id)
    BEGIN {_SQLITE_REMOVE} {_SQLITE_ADD} END""",
    f"""CREATE TRIGGER IF NOT EXISTS analysis_tally_session_move
    AFTER UPDATE OF engagement_id ON assessments_session
    WHEN OLD.engagement_id IS NOT NEW.engagement_id
    BEGIN
    {_SQLITE_SUBTRACT_SESSION}
    INSERT INTO {TABLE} (engagement_id, section_key, level, n)
        SELECT NEW.engagement_id, section_key, level, COUNT(*) FROM assessments_rating
        WHERE session_id = NEW.id AND rater_id IS NULL GROUP BY section_key, level
        ON CONFLICT (engagement_id, section_key, level) DO UPDATE SET n = n + excluded.n;
    END""",
    # Django deletes a session's ratings before the session; this only matters for raw
    # deletes in the other order (a test database being flushed, say).
    f"""CREATE TRIGGER IF NOT EXISTS analysis_tally_session_delete
    AFTER DELETE ON assessments_session
    BEGIN {_SQLITE_SUBTRACT_SESSION} END""",
]

POSTGRESQL = [
    CREATE_TABLE,
    f"""CREATE OR REPLACE FUNCTION analysis_tally_bump(e bigint, s varchar, l varchar, d integer)
    RETURNS void AS $$
    BEGIN
        IF e IS NULL OR d = 0 THEN RETURN; END IF;
        INSERT INTO {TABLE} (engagement_id, section_key, level, n) VALUES (e, s, l, d)
        ON CONFLICT (engagement_id, section_key, level)
        DO UPDATE SET n = {TABLE}.n + EXCLUDED.n;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION analysis_tally_rating() RETURNS trigger AS $$
    DECLARE
        old_e bigint; new_e bigint;
        old_s varchar; new_s varchar; old_l varchar; new_l varchar;
    BEGIN
        IF TG_OP <> 'INSERT' AND OLD.rater_id IS NULL THEN
            SELECT engagement_id INTO old_e FROM assessments_session WHERE id = OLD.session_id;
            old_s := OLD.section_key; old_l := OLD.level;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.rater_id IS NULL THEN
            SELECT engagement_id INTO new_e FROM assessments_session WHERE id = NEW.session_id;
            new_s := NEW.section_key; new_l := NEW.level;
        END IF;
        IF old_e IS NOT DISTINCT FROM new_e AND old_s IS NOT DISTINCT FROM new_s
           AND old_l IS NOT DISTINCT FROM new_l THEN
            RETURN NULL;
        END IF;
        -- rows are always changed in key order, so two saves cannot deadlock
        IF new_e IS NOT NULL AND old_e IS NOT NULL
           AND (new_e, new_s, new_l) < (old_e, old_s, old_l) THEN
            PERFORM analysis_tally_bump(new_e, new_s, new_l, 1);
            PERFORM analysis_tally_bump(old_e, old_s, old_l, -1);
        ELSE
            PERFORM analysis_tally_bump(old_e, old_s, old_l, -1);
            PERFORM analysis_tally_bump(new_e, new_s, new_l, 1);
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION analysis_tally_session() RETURNS trigger AS $$
    DECLARE r record;
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.engagement_id = NEW.engagement_id THEN RETURN NULL; END IF;
        FOR r IN SELECT section_key, level, COUNT(*)::integer AS c FROM assessments_rating
                 WHERE session_id = OLD.id AND rater_id IS NULL
                 GROUP BY section_key, level ORDER BY section_key, level LOOP
            PERFORM analysis_tally_bump(OLD.engagement_id, r.section_key, r.level, -r.c);
            IF TG_OP = 'UPDATE' THEN
                PERFORM analysis_tally_bump(NEW.engagement_id, r.section_key, r.level, r.c);
            END IF;
        END LOOP;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION analysis_tally_truncate() RETURNS trigger AS $$
    BEGIN TRUNCATE {TABLE}; RETURN NULL; END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS analysis_tally_rating ON assessments_rating",
    """CREATE TRIGGER analysis_tally_rating AFTER INSERT OR UPDATE OR DELETE
    ON assessments_rating FOR EACH ROW EXECUTE FUNCTION analysis_tally_rating()""",
    "DROP TRIGGER IF EXISTS analysis_tally_session ON assessments_session",
    """CREATE TRIGGER analysis_tally_session AFTER UPDATE OF engagement_id OR DELETE
    ON assessments_session FOR EACH ROW EXECUTE FUNCTION analysis_tally_session()""",
    "DROP TRIGGER IF EXISTS analysis_tally_truncate ON assessments_rating",
    """CREATE TRIGGER analysis_tally_truncate AFTER TRUNCATE ON assessments_rating
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_tally_truncate()""",
]

RECOUNT = """SELECT s.engagement_id, r.section_key, r.level, COUNT(*)
    FROM assessments_rating r JOIN assessments_session s ON s.id = r.session_id
    WHERE r.rater_id IS NULL GROUP BY s.engagement_id, r.section_key, r.level"""
REBUILD = [
    f"DELETE FROM {TABLE}",
    f"INSERT INTO {TABLE} (engagement_id, section_key, level, n) {RECOUNT}",
]

UNINSTALL_SQLITE = [f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS]
UNINSTALL_POSTGRESQL = [
    "DROP TRIGGER IF EXISTS analysis_tally_rating ON assessments_rating",
    "DROP TRIGGER IF EXISTS analysis_tally_session ON assessments_session",
    "DROP TRIGGER IF EXISTS analysis_tally_truncate ON assessments_rating",
]


def _statements(connection: BaseDatabaseWrapper, sqlite: list[str], pg: list[str]) -> list[str]:
    if connection.vendor == "sqlite":
        return sqlite
    if connection.vendor == "postgresql":
        return pg
    raise NotImplementedError(f"the analysis tally supports SQLite and PostgreSQL, "
                              f"not {connection.vendor}")


def _run(connection: BaseDatabaseWrapper, statements: Iterable[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def installed(connection: BaseDatabaseWrapper) -> bool:
    """True when the table and every trigger exist."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table') "
                           "AND name LIKE 'analysis\\_%' ESCAPE '\\'")
            wanted = {TABLE, *TRIGGERS}
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'analysis_tally%%' "
                           "UNION SELECT tablename FROM pg_tables WHERE tablename = %s "
                           "AND schemaname = current_schema()", [TABLE])
            wanted = {TABLE, *PG_TRIGGERS}
        return wanted <= {row[0] for row in cursor.fetchall()}


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the table and the triggers (idempotent)."""
    _run(connection, _statements(connection, SQLITE, POSTGRESQL))


def uninstall_triggers(connection: BaseDatabaseWrapper) -> None:
    """Drop the triggers (the benchmark measures writes with and without them)."""
    _run(connection, _statements(connection, UNINSTALL_SQLITE, UNINSTALL_POSTGRESQL))


def rebuild(connection: BaseDatabaseWrapper) -> None:
    """Recompute the whole tally from the ratings, in one transaction."""
    from django.db import transaction

    with transaction.atomic(using=connection.alias):
        _run(connection, REBUILD)


def counts(connection: BaseDatabaseWrapper,
           engagement_ids: Iterable[int]) -> dict[tuple[int, str, str], int]:
    """{(engagement_id, section_key, level): n} for the given engagements (non-zero only)."""
    ids = sorted(set(engagement_ids))
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT engagement_id, section_key, level, n FROM {TABLE} "
                       f"WHERE engagement_id IN ({marks}) AND n <> 0", ids)
        return {(int(e), s, lv): int(n) for e, s, lv, n in cursor.fetchall()}


def recount(connection: BaseDatabaseWrapper) -> dict[tuple[int, str, str], int]:
    """The tally as it should be, counted from the ratings (for checks and tests)."""
    with connection.cursor() as cursor:
        cursor.execute(RECOUNT)
        return {(int(e), s, lv): int(n) for e, s, lv, n in cursor.fetchall() if n}


def drift(connection: BaseDatabaseWrapper) -> dict[tuple[int, str, str], tuple[int, int]]:
    """Keys where the tally differs from a recount: {key: (tally, recount)}."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT engagement_id, section_key, level, n FROM {TABLE} WHERE n <> 0")
        stored = {(int(e), s, lv): int(n) for e, s, lv, n in cursor.fetchall()}
    expected = recount(connection)
    return {key: (stored.get(key, 0), expected.get(key, 0))
            for key in stored.keys() | expected.keys()
            if stored.get(key, 0) != expected.get(key, 0)}


def after_migrate(sender, using: str = "default", **kwargs) -> None:
    """post_migrate: reinstall missing triggers and rebuild the tally they missed."""
    connection = connections[using]
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    tables = set(connection.introspection.table_names())
    if not {"assessments_rating", "assessments_session"} <= tables:
        return
    if not installed(connection):
        install(connection)
        rebuild(connection)
