"""What became of a plan's courses, said beside them on the plan page: delivered (when, by
whom, how many completed, at what cost against the plan), running, being prepared,
cancelled. Delivery is a package above planning, which never imports it: it says how to
read its records (``read_with``, from its AppConfig.ready()), within what the reader may
see; without it, nothing is said."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DeliveredCohort:
    words: str  # in the reader's language
    url: str  # the delivery's page
    status: str  # the delivery's status code, for styling
    state: str = ""  # the same in a word, for a table's status column: "Delivered", "Running"
    nominated: int | None = None  # its participants the reader may see (None: not said)
    # said by the plan page when the course runs with more than the plan counts (views)
    warning: str = ""
    # the month it runs in: its first day's, else the plan's ("2026-08"); "" when not said
    month: str = ""
    # its month has passed and nothing records it as run (planning.wording.course_late):
    # the page says ``state`` first, as the documents do
    late: bool = False


_reader: Callable[[Any, Any], dict[str, DeliveredCohort]] | None = None


def read_with(reader: Callable[[Any, Any], dict[str, DeliveredCohort]]) -> None:
    global _reader
    _reader = reader


def for_plan(user: Any, plan: Any) -> dict[str, DeliveredCohort]:
    """Cohort ID → what its delivery says, for the deliveries ``user`` may see."""
    return _reader(user, plan) if _reader is not None else {}
