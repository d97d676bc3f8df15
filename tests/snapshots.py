"""Costly set-ups run once per test process: the rows a set-up wrote are kept, and a later
test that starts from the same database gets them written again instead of the set-up run
afresh (the demo data set takes ~2.5 s of CPU, each plan generated after it 0.5–3 s).

A set-up is replayed only when the database holds exactly the rows it held when the set-up
first ran, every value alike, so a test that wrote rows of its own first (the `world`'s
random uuids, a PostgreSQL sequence that moved its keys) gets the set-up run for real. The
set-up must only add rows, and what it returns is given to each test as a deep copy."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models

T = TypeVar("T")


@dataclass(frozen=True)
class _Snapshot:
    rows: dict[type[models.Model], list[dict[str, Any]]]
    result: Any


_SNAPSHOTS: dict[tuple[str, frozenset[tuple[str, str]]], _Snapshot] = {}


def replay(key: str, build: Callable[[], T]) -> T:
    """What `build()` returns, its rows in the database: from the kept snapshot when one was
    taken under `key` from the same database state, else by running `build` and keeping
    what it wrote."""
    keys, state = _state()
    found = _SNAPSHOTS.get((key, state))
    if found is not None:
        _write(found.rows)
        return copy.deepcopy(found.result)
    result = build()
    if _state(only=keys)[1] == state:  # it only added rows: what it wrote can be replayed
        _SNAPSHOTS[key, state] = _Snapshot(_rows_since(keys), copy.deepcopy(result))
    return result


def _tables() -> list[type[models.Model]]:
    return [m for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy]


def _state(only: dict[type[models.Model], set] | None = None,
           ) -> tuple[dict[type[models.Model], set], frozenset[tuple[str, str]]]:
    """The primary keys in each table, and a digest of every table's rows (of the rows whose
    keys `only` gives, when given)."""
    keys, digests = {}, set()
    for model in _tables():
        names = [f.attname for f in model._meta.local_concrete_fields]
        at = names.index(model._meta.pk.attname)
        rows = list(model._base_manager.order_by("pk").values_list(*names))
        if only is not None:
            rows = [row for row in rows if row[at] in only[model]]
        keys[model] = {row[at] for row in rows}
        if rows:
            digests.add((model._meta.label, hashlib.sha256(repr(rows).encode()).hexdigest()))
    return keys, frozenset(digests)


def _rows_since(before: dict[type[models.Model], set]) -> dict[type[models.Model], list]:
    rows = {}
    for model in _tables():
        names = [f.attname for f in model._meta.local_concrete_fields]
        new = [row for row in model._base_manager.order_by("pk").values(*names)
               if row[model._meta.pk.attname] not in before[model]]
        if new:
            rows[model] = new
    return rows


def _write(rows: dict[type[models.Model], list[dict[str, Any]]]) -> None:
    """Insert the rows as they were (a raw insert, as `loaddata` does: no auto_now, no
    signals); the constraints are checked at the test's end, so the order does not matter."""
    for model, values in rows.items():
        fields = model._meta.local_concrete_fields
        objs = [model(**row) for row in values]
        size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
        for start in range(0, len(objs), size):
            model._base_manager._insert(objs[start:start + size], fields=fields, raw=True)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(rows)):
            cursor.execute(statement)
