"""What every plan document must say, in each language."""

from __future__ import annotations

from govcap.reports.build_parts import action_headers
from govcap.reports.labels import Labels
from govcap.reports.load import WORDS
from tests.reports.helpers import plan, scheduled_modules

CHAPTERS = ("h.summary", "h.method", "h.assumptions", "h.findings", "h.priorities", "h.modules", "h.schedule",
            "h.nominations", "h.budget", "h.monitoring", "h.actions", "h.annex")


def headings(language: str) -> list[str]:
    labels = Labels(language)
    titles = [labels[key] for key in CHAPTERS] + [Labels(labels.language, WORDS)["heading"]]
    return [f"{n}. {title}" for n, title in enumerate(titles, start=1)]


def total_text(language: str, org: str | None = None) -> str:
    budget = plan().budget
    cents = budget.total_cents if org is None else budget.by_org[org]
    return Labels(language).money(cents, "USD")


def must_contain(language: str, org: str | None = None) -> list[str]:
    """Cover title, chapter headings, module codes, the total and the action headers."""
    title = "Training plan — Testland 2026" if language == "en" else "Plan de formation — Testland"
    return [title, *headings(language), *sorted(scheduled_modules(plan(), org)),
            total_text(language, org), *action_headers(Labels(language))]
