"""An engagement's target levels, for the gaps the analysis pages show.

Targets are set with the engagement's plan settings, which belong to planning — a package
above analysis, which analysis never imports. So planning says how to read them
(:func:`read_with`, from its ``AppConfig.ready()``) and analysis asks :func:`targets_of`;
what comes back answers ``target(organisation UUID, section key)`` with a level.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from govcap.scale import Level


class TargetLookup(Protocol):
    def target(self, org_id: str, section_key: str) -> Level: ...


_reader: Callable[[Any], TargetLookup] | None = None


def read_with(reader: Callable[[Any], TargetLookup]) -> None:
    """Say how an engagement's targets are read (``reader(engagement)``)."""
    global _reader
    _reader = reader


def targets_of(engagement: Any) -> TargetLookup:
    """The engagement's targets (defaults when its plan settings set none)."""
    if _reader is None:
        raise RuntimeError("No reader of targets: govcap.planning registers it when its app "
                           "is installed.")
    return _reader(engagement)
