"""The rating scale shared by every part of govcap.

The seed rates each section High, Moderate or Basic. We order them so that gaps and
trends are arithmetic: Basic=1 < Moderate=2 < High=3. "Not assessed" is not a level: it
is stored as no level plus a reason, and every consumer must treat it as unknown.
"""

from __future__ import annotations

from enum import IntEnum


class Level(IntEnum):
    BASIC = 1
    MODERATE = 2
    HIGH = 3

    @property
    def key(self) -> str:
        return self.name.lower()

    @classmethod
    def from_key(cls, key: str) -> Level:
        try:
            return cls[key.strip().upper()]
        except KeyError:
            raise ValueError(
                f"{key!r} is not a level; use one of: high, moderate, basic"
            ) from None


LEVEL_KEYS = tuple(level.key for level in Level)  # ("basic", "moderate", "high")
NOT_ASSESSED = "not_assessed"
CONFIDENCE_KEYS = ("low", "medium", "high")

# Stable section keys: ratings, targets, plans and comparisons across rounds use these,
# never section numbers or titles, so a new instrument version keeps rounds comparable.
SECTION_KEYS = (
    "systems-design-thinking",
    "distributed-leadership",
    "project-execution",
    "change-management",
    "digital-strategic-plan",
    "policy-influence",
    "processes-services",
    "enterprise-architecture",
)

# The seed's training domains (section 5 and 6 share one).
DOMAINS = {
    "design-systems-thinking": "Design and Systems Thinking",
    "agile": "Agile Methodology",
    "project-management": "Project Management",
    "change-management": "Change Management",
    "digital-policy": "Policy for Digital Governments",
    "service-management": "Service Management and Business Analysis",
    "enterprise-architecture": "Enterprise Architecture",
}

SECTION_DOMAIN = {
    "systems-design-thinking": "design-systems-thinking",
    "distributed-leadership": "agile",
    "project-execution": "project-management",
    "change-management": "change-management",
    "digital-strategic-plan": "digital-policy",
    "policy-influence": "digital-policy",
    "processes-services": "service-management",
    "enterprise-architecture": "enterprise-architecture",
}
