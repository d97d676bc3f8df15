"""A small engagement (five organisations, two with hostile names) and its plan documents."""

from __future__ import annotations

import dataclasses
import datetime
import re
from functools import cache
from pathlib import Path

from govcap.instruments.document import (
    load_instrument_file,
    load_translation_file,
    localise,
    parse_instrument,
)
from govcap.planning import Constraints, PlanData, Targets, generate_plan, load_catalogue
from govcap.planning.core.catalogue import Catalogue
from govcap.reports.context import PlanDocumentContext
from govcap.scale import Level
from tests.planning.helpers import org_rows

B, M, H = Level.BASIC, Level.MODERATE, Level.HIGH
FORMULA_NAME = '=HYPERLINK("http://x")'
SCRIPT_NAME = "<script>alert(1)</script> Agency"
INSTRUMENTS = Path(__file__).resolve().parents[2] / "govcap" / "instruments" / "data"

ORGS = [
    ("org-a", "Ministry of Digital Economy", {"systems-design-thinking": B,
                                              "change-management": B,
                                              "enterprise-architecture": B}),
    ("org-b", "Revenue Authority", {"systems-design-thinking": B, "project-execution": B,
                                    "enterprise-architecture": M, "policy-influence": None}),
    ("org-c", "Ministry of Health", {"change-management": B, "processes-services": B,
                                     "systems-design-thinking": B}),
    ("org-d", FORMULA_NAME, {"change-management": B, "project-execution": B,
                             "processes-services": B, "distributed-leadership": H}),
    ("org-e", SCRIPT_NAME, {"systems-design-thinking": B, "processes-services": B,
                            "digital-strategic-plan": B, "change-management": B}),
]


@cache
def section_titles(language: str) -> dict[str, str]:
    instrument = parse_instrument(load_instrument_file(INSTRUMENTS / "govstack-rsa-1.0.yaml"))
    if language != "en":
        layer = INSTRUMENTS / "translations" / f"govstack-rsa-1.0.{language}.yaml"
        instrument = localise(instrument, load_translation_file(layer, instrument))
    return {s.key: f"{s.number}. {s.title}" for s in instrument.sections}


@cache
def catalogue(language: str) -> Catalogue:
    return load_catalogue(language=language)


@cache
def plan() -> PlanData:
    rows = []
    for org_id, name, levels in ORGS:
        rows += org_rows(org_id, levels, name=name,
                         notes="The PMO has no defined role." if org_id == "org-b" else "")
    made = generate_plan(rows, load_catalogue(),
                         Targets(strategic_sections=frozenset({"enterprise-architecture"})),
                         Constraints(start_month="2026-03", horizon_months=12,
                                     participants_per_org=4))
    # what planning.services keeps with a stored version beside the generated plan
    mix = {org_id: {"female": i, "male": 6 - i} for i, (org_id, _n, _l) in enumerate(ORGS)}
    return dataclasses.replace(made, extra={**made.extra, "women_target_percent": 40,
                                            "gender_mix": mix})


def context(language: str = "en", organisation_id: str | None = None) -> PlanDocumentContext:
    data = plan()
    names = {o.org_id: o.org_name for o in data.organisations}
    levels: dict[str, dict[str, str | None]] = {o: {} for o in names}
    for row in data.sections:
        levels[row.org_id][row.section_key] = row.current.key if row.current else None
    title = "Training plan — Testland 2026" if language == "en" else "Plan de formation — Testland"
    return PlanDocumentContext(
        title=title, country="Testland", engagement="Testland baseline 2026",
        round_label="Baseline", language=language, currency="USD",
        generated_on=datetime.date(2026, 3, 1), status="draft", version=2,
        organisation_id=organisation_id, section_titles=section_titles(language),
        heatmap=[(names[o], levels[o]) for o in sorted(names, key=lambda o: names[o])],
        instrument_title="Skills Assessment Focus Group Discussion", project_name="IDGC",
        today=datetime.date(2026, 3, 1))  # read on the plan's date: no month is past yet


def normalise(text: str) -> str:
    """Spaces of every kind as one space, so formatted amounts compare across formats."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def scheduled_modules(data: PlanData, org_id: str | None = None) -> set[str]:
    return {c.module_code for c in data.cohorts if c.status == "scheduled" and c.month
            and (org_id is None or org_id in c.org_ids)}
