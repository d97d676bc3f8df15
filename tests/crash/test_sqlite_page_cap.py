"""GOVCAP_SQLITE_MAX_PAGES, from the environment, caps every new SQLite connection; a cap
below the file's size holds the file at its size."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def pragma(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchone()[0]


def test_the_environment_caps_each_new_connection(monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("an SQLite setting; PostgreSQL's disk is the operator's")
    uncapped = pragma("max_page_count")
    monkeypatch.setenv("GOVCAP_SQLITE_MAX_PAGES", "1")
    connection.close()
    try:
        assert pragma("max_page_count") == pragma("page_count") < uncapped
    finally:
        monkeypatch.delenv("GOVCAP_SQLITE_MAX_PAGES")
        connection.close()  # the next test's connection is uncapped
    assert pragma("max_page_count") == uncapped
