"""Each document is rendered once per test session and shared (PDFs take a second or two)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from govcap.reports.plan import render_plan
from tests.reports.helpers import catalogue, context, plan

Render = Callable[[str, str, "str | None"], bytes]


@pytest.fixture(scope="session")
def render() -> Render:
    made: dict[tuple[str, str, str | None], bytes] = {}

    def get(fmt: str, language: str = "en", org: str | None = None) -> bytes:
        key = (fmt, language, org)
        if key not in made:
            made[key] = render_plan(plan(), context(language, org), fmt,
                                    catalogue=catalogue(language))
        return made[key]

    return get
