"""Priority of each need: which training comes first when not everything fits.

The score of an organisation's need for a module is::

    score = max over the sections s the need closes of  gap(s) × weight(s) × confidence(s)
            × (1 + share)

where

* ``gap(s)`` = target − current consensus level on s (1 or 2 levels);
* ``weight(s)`` = ``Targets.strategic_weight`` (default 2) when the coordinator marked s
  strategic, else 1;
* ``confidence(s)`` = how sure the group was of the rating: high 1.0, medium 0.8,
  low 0.6, not recorded 0.8 — a shaky rating is still planned for, only later;
* ``share`` = organisations in the plan needing this module ÷ organisations in the plan
  (0 < share ≤ 1): a need many organisations share gives fuller cohorts and a programme-
  wide effect, so it comes earlier.

Scores range from 0.6 (one level, low confidence, rare need) to 8 (two levels on a
strategic section, high confidence, everyone needs it); they are rounded to 4 decimals.

* A module added by an edit scores as the organisation's gaps it serves (an e-learning
  planned instead of a course scores as that course's gap, not above it); one that serves
  none of them scores as if each of its sections had a gap of one level (unknown sections:
  medium confidence).
* A prerequisite scores at least as high as the highest need that requires it, since
  that need cannot start before it.

Ties are broken by level step (Basic → Moderate first), then module code, then
organisation id, which gives every active need a unique ``rank`` (1 = first).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from govcap.planning.core.catalogue import STEP_INDEX, Catalogue
from govcap.planning.core.inputs import Targets
from govcap.planning.core.needs import NeedKey, Positions
from govcap.planning.core.plan import DROPPED, Need

CONFIDENCE_FACTOR: dict[str | None, float] = {"high": 1.0, "medium": 0.8, "low": 0.6, None: 0.8}


def section_factor(pos: Positions, targets: Targets, org_id: str, section: str,
                   floor_one: bool = False) -> float:
    """gap × weight × confidence for one organisation and section (0 when no gap)."""
    gap = pos.gaps.get((org_id, section))
    if gap is not None:
        return gap.size * targets.weight(section) * CONFIDENCE_FACTOR[gap.confidence]
    if not floor_one:
        return 0.0
    rating = pos.ratings.get((org_id, section))
    confidence = rating.confidence if rating is not None and rating.level is not None else None
    return 1 * targets.weight(section) * CONFIDENCE_FACTOR[confidence]


def score_needs(needs: dict[NeedKey, Need], pos: Positions, catalogue: Catalogue,
                targets: Targets) -> None:
    """Set ``score`` and ``rank`` on every active need (dropped needs keep 0)."""
    active = [n for n in needs.values() if n.status != DROPPED]
    sharing = Counter(n.module_code for n in active)
    total = max(1, len(pos.organisations))
    for need in active:
        if need.origin == "added":
            sections = catalogue.by_code[need.module_code].sections
            base = (max((section_factor(pos, targets, need.org_id, s) for s in sections),
                        default=0.0)
                    or max(section_factor(pos, targets, need.org_id, s, floor_one=True)
                           for s in sections))
        else:
            base = max((section_factor(pos, targets, need.org_id, s) for s in need.sections),
                       default=0.0)
        need.score = round(base * (1 + sharing[need.module_code] / total), 4)
    # Requirers before their prerequisites: reverse catalogue order.
    position = {code: i for i, code in enumerate(catalogue.order)}
    for need in sorted(active, key=lambda n: (-position[n.module_code], n.org_id)):
        for later in need.required_by:
            other = needs.get((need.org_id, later))
            if other is not None and other.status != DROPPED and other.score > need.score:
                need.score = other.score
    ordered = sorted(active, key=lambda n: (-n.score, STEP_INDEX[n.step], n.module_code,
                                            n.org_id))
    for rank, need in enumerate(ordered, start=1):
        need.rank = rank


def module_ranks(needs: Iterable[Need]) -> dict[str, int]:
    """Module code → its priority (1 = first), by the best rank of its needs: one number
    per module, the same on the plan page, in the documents' priorities table and in the
    minister's brief. A module whose needs have no rank (all left out) comes last."""
    best: dict[str, int] = {}
    for need in needs:
        best[need.module_code] = min(best.get(need.module_code, 10**9), need.rank or 10**9)
    ordered = sorted(best, key=lambda code: (best[code], code))
    return {code: i for i, code in enumerate(ordered, start=1)}
