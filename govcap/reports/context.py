"""What a plan document needs beside the plan data: names, language, currency, section
titles, the heatmap of levels, and whose plan it is (the whole plan or one organisation's)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanDocumentContext:
    title: str
    country: str
    engagement: str
    round_label: str
    language: str  # "en" or "fr"
    currency: str
    generated_on: datetime.date
    status: str  # "draft" | "approved"
    version: int
    organisation_id: str | None  # set → the per-organisation plan
    section_titles: dict[str, str]  # section key → "1. Using systems thinking …"
    heatmap: list[tuple[str, dict[str, str | None]]]  # (organisation, {section: level key})
    instrument_title: str
    project_name: str
    is_demo: bool = False  # demo data: real ministry names, invented ratings
