"""Names shown on analysis pages, in the interface language."""

from __future__ import annotations

from django.utils.translation import gettext as _

from govcap import labels
from govcap.orgs.names import round_name
from govcap.scale import DOMAINS, Level


def level_label(level: Level | None) -> str:
    return labels.level_label(level.key if level is not None else None)


def domain_titles() -> dict[str, str]:
    """Training domain key → title (the scale's English titles, translated when a catalogue
    of translations has them)."""
    return {key: _(title) for key, title in DOMAINS.items()}


def round_label(engagement) -> str:
    """"Baseline (2025)", "Follow-up 1 (2026)": the round and the year it started
    (`govcap.orgs.names.round_name`)."""
    return round_name(engagement.round_number,
                      engagement.start_date.year if engagement.start_date else None)
