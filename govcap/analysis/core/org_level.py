"""How an organisation's level is decided — the one rule, for analysis, plans and documents.

An organisation's level for a section in a round (an engagement) is the consensus rating
(no rater) of that section in its *deciding session*:

1. its **latest validated session** in the engagement — latest by scheduled date, then
   validation time, then creation order (the session's id);
2. while none is validated, its latest session that has **started** (in progress or
   submitted), by the same order — a **provisional** level: the analysis pages show it,
   marked provisional, and plans never use it;
3. draft sessions never count.

Ratings of the organisation's other sessions in that round are not combined with it: a
re-run FGD replaces the earlier one. Pure functions over plain `SessionRef` rows, so the
database readers (`analysis.queries`, `planning.inputs_db`) and the tests share them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

VALIDATED = "validated"
DRAFT = "draft"
STARTED = ("in_progress", "submitted", VALIDATED)

K = TypeVar("K", bound=Hashable)  # the ids: database ids, or a test's labels


@dataclass(frozen=True)
class SessionRef(Generic[K]):
    """What the rule reads of a session."""

    id: K
    org_id: K
    status: str
    scheduled_date: dt.date | None
    validated_at: dt.datetime | None
    round: K  # the engagement


@dataclass(frozen=True)
class Decision(Generic[K]):
    """The session that gives an organisation its levels in one round."""

    session_id: K
    provisional: bool  # no validated session yet: shown on the analysis pages, not planned


def _order(s: SessionRef[K]) -> tuple[dt.date, float, str]:
    when = s.validated_at
    stamp = when.timestamp() if when is not None else float("-inf")
    return (s.scheduled_date or dt.date.min, stamp, str(s.id).zfill(20))


def decide(sessions: Iterable[SessionRef[K]], *, provisional: bool = True
           ) -> dict[tuple[K, K], Decision[K]]:
    """{(round, organisation): its deciding session}.

    With ``provisional=False`` (plans) only organisations with a validated session appear.
    """
    best: dict[tuple[K, K], SessionRef[K]] = {}
    for s in sessions:
        if s.status not in STARTED or (not provisional and s.status != VALIDATED):
            continue
        key = (s.round, s.org_id)
        held = best.get(key)
        if held is None or ((s.status == VALIDATED, _order(s))
                            > (held.status == VALIDATED, _order(held))):
            best[key] = s
    return {key: Decision(s.id, s.status != VALIDATED) for key, s in best.items()}


def deciding_ids(sessions: Iterable[SessionRef[K]], *, provisional: bool = True) -> set[K]:
    """The ids of the deciding sessions."""
    return {d.session_id for d in decide(sessions, provisional=provisional).values()}
