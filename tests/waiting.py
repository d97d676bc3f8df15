"""Waiting on a condition, never for a length of time.

A test that waits for something in this process waits on it directly (a `threading.Event`
the code under test sets, a `Condition` notified when a list grows); in the browser it uses
Playwright's `expect` and `wait_for_*`. Only what another process does (a server starting,
a worker writing a file or a row, a process ending) is polled, with `wait_until`: it
returns as soon as the condition holds and fails, naming what it waited for, at the
deadline. The deadline is only for failing: a passing test waits no longer than it must.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

POLL_SECONDS = 0.05


def wait_until(condition: Callable[[], T], what: str | Callable[[], str],
               timeout: float) -> T:
    """Poll `condition` until it returns a true value (returned); an AssertionError naming
    `what` (or what a callable `what` says then, e.g. a log's tail) once `timeout` seconds
    have passed without it."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            said = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout:g} s waiting until {said}")
        time.sleep(POLL_SECONDS)
