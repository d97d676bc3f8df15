"""The courses of this engagement already under way or done, for the next version of its
plan (planning.core.committed), and what becomes of their deliveries when that version is
approved. Delivery is a package above planning, which never imports it: it says how to read
its records and how to carry them over (``read_with``, from its AppConfig.ready());
without it, nothing is committed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from govcap.planning.core.committed import CommittedCohort
from govcap.planning.core.plan import canonical_json, plain

_reader: Callable[[Any], tuple[CommittedCohort, ...]] | None = None
_carrier: Callable[[Any, Any], int] | None = None


def read_with(reader: Callable[[Any], tuple[CommittedCohort, ...]],
              carrier: Callable[[Any, Any], int]) -> None:
    """``reader(engagement)``: its committed cohorts; ``carrier(plan, user)``: link the
    deliveries of the cohorts ``plan`` carries to it, returning how many."""
    global _reader, _carrier
    _reader, _carrier = reader, carrier


def of(engagement) -> tuple[CommittedCohort, ...]:
    return _reader(engagement) if _reader is not None else ()


def checksum(base: str, committed: tuple[CommittedCohort, ...], legacy: bool = False) -> str:
    """The inputs' checksum with the committed courses in it (unchanged when there are
    none), so a course starting or ending makes the draft out of date. The version a
    course's delivery belongs to is left out: approving a version moves the deliveries of
    the courses it keeps to it, which changes no input (the approved plan read as out of
    date the moment it was approved)."""
    if not committed:
        return base
    courses = [{k: v for k, v in plain(c).items() if legacy or k != "plan_version"}
               for c in committed]  # legacy: as versions stored before 2026-12 count them
    return hashlib.sha256(canonical_json([base, courses]).encode()).hexdigest()


def carry_over(plan, user) -> int:
    return _carrier(plan, user) if _carrier is not None else 0
