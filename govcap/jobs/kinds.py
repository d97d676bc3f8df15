"""Each kind of job and the function that does its work: ``work(job, progress) → Outcome``.

The apps that own the work register it from their ``AppConfig.ready()`` (reports: plan
packs; interchange: results exports and submissions imports), so this package imports
nothing above it: it runs whatever was registered under a job's kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from govcap.jobs.models import Job
from govcap.jobs.outcome import Outcome
from govcap.jobs.progress import Progress

Work = Callable[[Job, Progress], Outcome]


@dataclass(frozen=True)
class Kind:
    """A registered kind: its work, and the formats it can write (for the buttons that
    start it)."""

    work: Work
    formats: tuple[str, ...] = ()


_registry: dict[str, Kind] = {}


def register(kind: str, work: Work, *, formats: Sequence[str] = ()) -> None:
    """Say which function does the work of ``kind`` (one of ``Job.Kind``). Registering the
    same function again changes nothing; another one for a kind already taken is a mistake."""
    if kind not in Job.Kind.values:
        raise ValueError(f"unknown job kind {kind!r}")
    entry = Kind(work, tuple(formats))
    if _registry.get(kind, entry) != entry:
        raise ValueError(f"job kind {kind!r} is already registered")
    _registry[kind] = entry


def work_for(kind: str) -> Work:
    try:
        return _registry[kind].work
    except KeyError:
        raise ValueError(f"unknown job kind {kind!r}") from None


def formats_of(kind: str) -> tuple[str, ...]:
    """The formats the registered work of ``kind`` writes (none when it is not registered)."""
    entry = _registry.get(kind)
    return entry.formats if entry else ()
