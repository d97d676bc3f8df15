"""Each document is rendered once per test run and shared, by the xdist workers too (PDFs
take seconds): the first worker to need one renders it while the others wait for it."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable

import pytest

from govcap.reports.plan import render_plan
from tests.reports.helpers import catalogue, context, plan

Render = Callable[[str, str, "str | None"], bytes]


@pytest.fixture(scope="session")
def render(tmp_path_factory) -> Render:
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's directory, above each worker's own
    made: dict[tuple[str, str, str | None], bytes] = {}

    def get(fmt: str, language: str = "en", org: str | None = None) -> bytes:
        key = (fmt, language, org)
        if key not in made:
            path = root / f"plan-{language}-{org or 'all'}.{fmt}"
            part = path.with_name(path.name + ".part")
            with open(path.with_name(path.name + ".lock"), "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                if not path.exists():
                    data = render_plan(plan(), context(language, org), fmt,
                                       catalogue=catalogue(language))
                    part.write_bytes(data)
                    part.rename(path)  # whole or absent
                made[key] = path.read_bytes()
        return made[key]

    return get
