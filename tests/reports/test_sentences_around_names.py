"""The plan document's sentences that a French reader found built around a blank (issue
15): a name opening a sentence ("{org} has the most gaps"), an empty list said "aucun",
"(0 organisations with their own number)", a rate of "1.000000 per US dollar" in dollars."""

from __future__ import annotations

from decimal import Decimal

from govcap.planning import Constraints, Targets, generate_plan, load_catalogue
from govcap.planning.core.plan import PlanData
from govcap.reports.build import build_document
from govcap.reports.model import Bullets, Document, Para
from tests.planning.helpers import org_rows
from tests.reports.helpers import ORGS, catalogue, context, normalise
from tests.reports.helpers import plan as base_plan


def made(targets: Targets, constraints: Constraints) -> PlanData:
    rows = []
    for org_id, name, levels in ORGS:
        rows += org_rows(org_id, levels, name=name)
    return generate_plan(rows, load_catalogue(), targets, constraints)


def lines(doc: Document) -> list[str]:
    out: list[str] = []
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, Para):
                out.append(normalise(block.text))
            elif isinstance(block, Bullets):
                out += [normalise(item) for item in block.items]
    return out


def text(data: PlanData, language: str) -> str:
    return "\n".join(lines(build_document(data, context(language), catalogue(language))))


def test_the_organisation_with_the_most_gaps_is_named_after_the_label() -> None:
    english = text(base_plan(), "en")
    assert "Organisation with the most gaps: " in english
    assert "has the most gaps" not in english


def test_no_strategic_section_is_a_sentence_of_its_own() -> None:
    data = made(
        Targets(), Constraints(start_month="2026-03", horizon_months=12, participants_per_org=4)
    )
    english = text(data, "en")
    assert "a prerequisite ranks with the module that needs it. No section is strategic." in (
        english
    )
    assert "Every section aims at Moderate. No section is strategic." in english
    assert "Strategic sections: none" not in english and "High: none" not in english
    # with strategic sections the list is said, as before
    chosen = text(base_plan(), "en")
    assert "Strategic sections: 8. " in chosen and "No section is strategic" not in chosen


def test_no_own_number_and_dollars_say_nothing_of_either() -> None:
    data = made(
        Targets(), Constraints(start_month="2026-03", horizon_months=12, participants_per_org=4)
    )
    english = text(data, "en")
    assert "Each organisation sends 4 participants to each course it needs. A course short" in english
    assert "with a number of their own" not in english
    assert "in US dollars." in english and "per US dollar" not in english
    assert "1.000000" not in english


def test_a_rate_is_written_with_its_own_decimals() -> None:
    data = made(
        Targets(),
        Constraints(
            start_month="2026-03",
            horizon_months=12,
            participants_per_org=4,
            currency="KES",
            exchange_rate=Decimal("129.500000"),
            participants_overrides={"org-a": 6},
        ),
    )
    english = text(data, "en")
    assert "in KES at 129.5 per US dollar." in english
    assert "(1 organisation with a number of their own)" in english
