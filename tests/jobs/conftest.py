"""A world with a generated plan, job results in a private folder, and no heartbeat thread
(the test's open transaction would make it wait on SQLite's write lock)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(autouse=True)
def job_settings(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.GOVCAP_JOB_HEARTBEAT_SECONDS = 0
    return settings


@pytest.fixture
def planned(world):
    from govcap.planning.catalogues import ensure_default_catalogue
    from govcap.planning.services import generate
    from tests.planning.test_plan_models import validated

    ensure_default_catalogue()
    validated(world, world.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "basic"})
    validated(world, world.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    world.plan = generate(world.engagement, world.coordinator)
    return world


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch):
    """The worker closes old connections between tasks, as a request does; in a test that
    would close the connection holding the test's transaction."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
