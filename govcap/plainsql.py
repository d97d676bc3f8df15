"""The autosave's statements as plain SQL, giving and taking the same model instances as the
ORM.

Django builds and compiles a query anew each time it runs one. For the dozen small
statements of an autosave (login session, user, roles, the locked session and rating, the
operation ID, the writes) that building was about 60% of the request's CPU, and running the
SQL 3%. Here each statement is built once per shape and database. Rows read go through the
converters the ORM applies (dates, UUIDs, JSON, booleans on SQLite), then `Model.from_db`;
values written go through each field's `pre_save` and `get_db_prep_save`, as `save()` does.

Reads: equality, comparison and IS NULL conditions on a model's own columns. Writes: one
row by primary key, for models no save signal listens to (checked). Anything richer
belongs in the ORM.

It leans on Django internals — `Model._meta`, `Field.get_col`, the backends'
`ops.get_db_converters`, `Model.from_db`, `_state` — so it is pinned to the Django it is
tested with: 5.2 (`TESTED_WITH`; the patch release pinned in pyproject.toml, 5.2.19 now).
`tests/serving/test_plainsql.py` compares it with the ORM on every model it serves
(sessions, ratings, applied operations, audit events, instruments, users, role
assignments, login sessions; two-factor devices by table name), reads and writes. On a
Django upgrade, before anything else run

    .venv/bin/pytest tests/serving tests/assessments tests/analysis/test_tally.py
    GOVCAP_DATABASE_URL=postgres://…/test .venv/bin/pytest tests/serving

and raise `TESTED_WITH` once they pass; if they cannot, delete this module's callers' use
of it (each is one ORM call away) rather than patch around the new internals.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from django.db import connections
from django.db.models import Field, Model, signals

M = TypeVar("M", bound=Model)

TESTED_WITH = "5.2"  # the Django minor release the comparison tests ran on (see above)

OPERATORS = frozenset({"=", ">", "<", ">=", "<="})

# A condition: (field name, operator, value); a value of None means IS NULL.
Condition = tuple[str, str, Any]


def column_field(model: type[Model], name: str) -> Field[Any, Any]:
    """A field of `model` stored in a column of its table (not a reverse relation)."""
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or field.column is None:
        raise ValueError(f"plainsql: {model.__name__}.{name} is not a column of its table")
    return field


def column_name(model: type[Model], name: str) -> str:
    column = column_field(model, name).column
    assert column is not None  # column_field checked it
    return column


@functools.lru_cache(maxsize=256)
def _select_sql(model: type[Model], fields: tuple[str, ...], where: tuple[tuple[str, str, bool], ...],
                annotations: tuple[str, ...], lock: bool, using: str, vendor: str) -> str:
    quote = connections[using].ops.quote_name
    table = quote(model._meta.db_table)
    columns = [f"{table}.{quote(column_name(model, name))}" for name in fields]
    clauses = []
    for name, operator, is_null in where:
        if operator not in OPERATORS:
            raise ValueError(f"plainsql: operator {operator!r} is not supported")
        column = f"{table}.{quote(column_name(model, name))}"
        clauses.append(f"{column} IS NULL" if is_null else f"{column} {operator} %s")
    sql = f"SELECT {', '.join([*columns, *annotations])} FROM {table}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    if lock and vendor != "sqlite":  # SQLite's writes are serialised by BEGIN IMMEDIATE
        sql += " FOR UPDATE OF " + table
    return sql


@functools.lru_cache(maxsize=256)
def _converters(model: type[Model], fields: tuple[str, ...], using: str,
                vendor: str) -> list[tuple[int, list, Any]]:
    # Kept per alias, not per thread's connection: the converters depend on the backend and
    # settings (time zone), which every connection of one alias shares.
    connection = connections[using]
    table = model._meta.db_table
    out = []
    for position, name in enumerate(fields):
        column = column_field(model, name).get_col(table)
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if converters:
            out.append((position, converters, column))
    return out


def concrete_fields(model: type[Model]) -> tuple[str, ...]:
    return tuple(f.name for f in model._meta.concrete_fields)


def select(model: type[Model], where: Iterable[Condition], *, fields: Sequence[str] | None = None,
           annotate: dict[str, tuple[str, Sequence[Any]]] | None = None, lock: bool = False,
           using: str = "default") -> list[list[Any]]:
    """Rows of `fields` (all concrete fields by default), converted as the ORM would, each
    followed by the values of `annotate` (name → (SQL expression, its parameters))."""
    connection = connections[using]
    fields = tuple(fields or concrete_fields(model))
    where = tuple(where)
    annotate = annotate or {}
    params: list[Any] = [value for _sql, values in annotate.values() for value in values]
    for name, _operator, value in where:
        if value is not None:
            params.append(column_field(model, name).get_db_prep_value(value, connection))
    shape = tuple((name, operator, value is None) for name, operator, value in where)
    sql = _select_sql(model, fields, shape, tuple(expression for expression, _ in annotate.values()),
                      lock, using, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [list(row) for row in cursor.fetchall()]
    if rows:
        for position, converters, column in _converters(model, fields, using, connection.vendor):
            for row in rows:
                value = row[position]
                for converter in converters:
                    value = converter(value, column, connection)
                row[position] = value
    return rows


def one(model: type[M], where: Iterable[Condition], *, fields: Sequence[str] | None = None,
        annotate: dict[str, tuple[str, Sequence[Any]]] | None = None, lock: bool = False,
        using: str = "default") -> M | None:
    """The first matching row as a model instance (fields left out are deferred, loaded on
    access as the ORM's `only()` does), with each annotation set as an attribute."""
    fields = tuple(fields or concrete_fields(model))
    rows = select(model, where, fields=fields, annotate=annotate, lock=lock, using=using)
    if not rows:
        return None
    row = rows[0]
    found = instance(model, fields, row, using=using)
    for name, value in zip(annotate or {}, row[len(fields):], strict=True):
        setattr(found, name, value)
    return found


def instance(model: type[M], fields: Sequence[str], row: Sequence[Any], *,
             using: str = "default") -> M:
    """A model instance from a row `select` read (its first `len(fields)` values; any
    annotations after them are the caller's), built as the ORM builds one: the fields left
    out deferred."""
    attnames = [column_field(model, name).attname for name in fields]
    return model.from_db(using, attnames, list(row[:len(fields)]))


def table(model: type[Model], field: str | None = None, *, using: str = "default") -> str:
    """A model's quoted table name, or `table.column` of one of its fields, for annotations."""
    quote = connections[using].ops.quote_name
    name = quote(model._meta.db_table)
    return name if field is None else f"{name}.{quote(column_name(model, field))}"


def _check_no_listeners(model: type[Model]) -> None:
    if signals.pre_save.has_listeners(model) or signals.post_save.has_listeners(model):
        raise RuntimeError(f"plainsql would skip the save signals of {model.__name__}: "
                           "use the ORM for it")


@functools.lru_cache(maxsize=64)
def _insert_sql(model: type[Model], columns: tuple[str, ...], using: str, vendor: str) -> str:
    connection = connections[using]
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    if connection.features.can_return_columns_from_insert:
        sql += f" RETURNING {quote(column_name(model, model._meta.pk.name))}"
    return sql


def insert(instance: Model, *, using: str = "default") -> None:
    """INSERT a new instance as `save()` would (defaults, auto_now_add), setting its pk."""
    model = type(instance)
    _check_no_listeners(model)
    connection = connections[using]
    fields = [f for f in model._meta.concrete_fields
              if not (f.primary_key and getattr(instance, f.attname) is None)]
    values = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in fields]
    sql = _insert_sql(model, tuple(f.column for f in fields), using, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        if instance.pk is None:
            instance.pk = (cursor.fetchone()[0] if connection.features.can_return_columns_from_insert
                           else connection.ops.last_insert_id(cursor, model._meta.db_table,
                                                              column_name(model, model._meta.pk.name)))
    instance._state.adding = False
    instance._state.db = using


@functools.lru_cache(maxsize=64)
def _update_sql(model: type[Model], columns: tuple[str, ...], using: str, vendor: str) -> str:
    quote = connections[using].ops.quote_name
    assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
    return (f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
            f"WHERE {quote(column_name(model, model._meta.pk.name))} = %s")


def update(instance: Model, fields: Sequence[str], *, using: str = "default") -> None:
    """UPDATE the named fields of a stored instance, as `save(update_fields=...)` would
    (auto_now fields named are stamped)."""
    model = type(instance)
    _check_no_listeners(model)
    connection = connections[using]
    chosen = [column_field(model, name) for name in fields]
    values = [f.get_db_prep_save(f.pre_save(instance, False), connection) for f in chosen]
    sql = _update_sql(model, tuple(f.column for f in chosen), using, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, model._meta.pk.get_db_prep_value(instance.pk, connection)])
        if cursor.rowcount != 1:
            # the stubs declare DoesNotExist on each model class, not on Model
            raise model.DoesNotExist(  # type: ignore[attr-defined]
                f"{model.__name__} {instance.pk} was not updated")
