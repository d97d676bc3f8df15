"""Fixtures of the demo tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.demo.helpers import demo_data, run_demo


@pytest.fixture
def demo(db) -> Callable[..., str]:
    """Run `govcap demo` with the given options; returns its output. Without options the
    demo data set comes from `demo_data` (the command run once per test process)."""
    return lambda *args: run_demo(*args) if args else demo_data()
