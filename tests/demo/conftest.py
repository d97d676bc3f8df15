"""Fixtures of the demo tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.demo.helpers import run_demo


@pytest.fixture
def demo(db) -> Callable[..., str]:
    """Run `govcap demo` with the given options; returns its output."""
    return run_demo
