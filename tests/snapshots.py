"""Costly set-ups run once per test process: the rows a set-up wrote are kept, and a later
test that starts from the same database gets them written again instead of the set-up run
afresh (the demo data set takes ~2.5 s of CPU, each plan generated after it 0.5–3 s).

A set-up is replayed only when the database holds exactly the rows it held when the set-up
first ran (the same primary keys in every table), so a test that wrote rows of its own
first, or a PostgreSQL sequence that moved them, gets the set-up run for real. The set-up
must only add rows, and what it returns is given to each test as a deep copy."""

from __future__ import annotations

import copy
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


_SNAPSHOTS: dict[tuple[str, frozenset], _Snapshot] = {}


def replay(key: str, build: Callable[[], T]) -> T:
    """What `build()` returns, its rows in the database: from the kept snapshot when one was
    taken under `key` from the same database state, else by running `build` and keeping
    what it wrote."""
    before = _state()
    found = _SNAPSHOTS.get((key, before))
    if found is not None:
        _write(found.rows)
        return copy.deepcopy(found.result)
    result = build()
    _SNAPSHOTS[key, before] = _Snapshot(_rows_since(dict(before)), copy.deepcopy(result))
    return result


def _tables() -> list[type[models.Model]]:
    return [m for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy]


def _state() -> frozenset:
    return frozenset((m, frozenset(m._base_manager.values_list("pk", flat=True)))
                     for m in _tables())


def _rows_since(before: dict[type[models.Model], frozenset]) -> dict[type[models.Model], list]:
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
