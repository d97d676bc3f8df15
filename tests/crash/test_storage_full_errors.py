"""Which database errors mean "the storage is full" — and which do not."""

from __future__ import annotations

import sqlite3

import psycopg.errors
import pytest
from django.db import OperationalError

from govcap.web.storage_full import is_storage_full


def wrapped(cause: BaseException) -> OperationalError:
    """As Django raises a driver's error: its own class, the driver's error as the cause."""
    try:
        raise OperationalError(str(cause)) from cause
    except OperationalError as error:
        return error


def sqlite_error(message: str, code: int | None) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    if code is not None:
        error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize("error", [
    sqlite_error("database or disk is full", sqlite3.SQLITE_FULL),
    sqlite_error("database or disk is full", None),
    psycopg.errors.DiskFull("could not extend file: No space left on device"),
])
def test_storage_full(error):
    assert is_storage_full(error)
    assert is_storage_full(wrapped(error))


@pytest.mark.parametrize("error", [
    sqlite_error("database is locked", sqlite3.SQLITE_BUSY),
    sqlite_error("no such table: x", sqlite3.SQLITE_ERROR),
    psycopg.errors.OutOfMemory("out of memory"),
    psycopg.errors.TooManyConnections("too many clients"),
    psycopg.errors.SerializationFailure("could not serialize"),
    ValueError("database or disk is full"),  # words alone, from elsewhere
])
def test_not_storage_full(error):
    assert not is_storage_full(error)
    assert not is_storage_full(wrapped(error))
