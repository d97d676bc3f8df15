"""What a job's work returns: its result file (if any) and a few figures to show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Outcome:
    path: Path | None = None  # the result file, written under files.jobs_dir()
    relative: str = ""
    name: str = ""  # the download's file name
    summary: dict[str, Any] = field(default_factory=dict)
