"""Nominations against the plan: who the organisations sent, checked against the cohort's
numbers, the plan's share of women and the module's audience.

Findings are plain data (a kind and its numbers); ``govcap.delivery.texts`` words them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

WOMEN = "female"
# kinds of finding
FEW_WOMEN = "few_women"
OUTSIDE_AUDIENCE = "outside_audience"
OVER_PLAN = "over_plan"
UNDER_PLAN = "under_plan"
NOT_IN_PLAN = "not_in_plan"


@dataclass(frozen=True)
class Nominee:
    org_id: str
    gender: str = ""  # "female", "male", "other" or "" (not stated)
    persona: str = ""  # a catalogue persona key, or "" (not stated)


@dataclass(frozen=True)
class Finding:
    kind: str
    org_id: str = ""  # the organisation it is about ("" for the whole delivery)
    count: int = 0  # nominees concerned (women, outside the audience, nominated)
    of: int = 0  # out of how many (nominees with a gender stated, planned participants)
    target: int = 0  # the target in percent (FEW_WOMEN)
    personas: tuple[str, ...] = ()  # the personas outside the audience


def check_nominations(nominees: Sequence[Nominee], planned: Mapping[str, int],
                      women_target_percent: int, audience: Sequence[str]) -> list[Finding]:
    """What to warn the coordinator of: an organisation sending more or fewer than the plan
    says (or one the cohort does not have), fewer women than the target among nominees
    whose gender is stated, nominees whose role is outside the module's audience."""
    findings: list[Finding] = []
    sent = Counter(n.org_id for n in nominees)
    for org_id in sorted(planned.keys() | sent.keys()):
        wanted, got = planned.get(org_id, 0), sent.get(org_id, 0)
        if org_id not in planned:
            findings.append(Finding(NOT_IN_PLAN, org_id, got))
        elif got > wanted:
            findings.append(Finding(OVER_PLAN, org_id, got, wanted))
        elif got < wanted:
            findings.append(Finding(UNDER_PLAN, org_id, got, wanted))
    stated = [n for n in nominees if n.gender]
    women = sum(1 for n in stated if n.gender == WOMEN)
    # integer arithmetic: 1 of 2 meets a 50 % target exactly
    if stated and women * 100 < women_target_percent * len(stated):
        findings.append(Finding(FEW_WOMEN, count=women, of=len(stated),
                                target=women_target_percent))
    if audience:
        outside = [n.persona for n in nominees if n.persona and n.persona not in audience]
        if outside:
            findings.append(Finding(OUTSIDE_AUDIENCE, count=len(outside), of=len(nominees),
                                    personas=tuple(sorted(set(outside)))))
    return findings
