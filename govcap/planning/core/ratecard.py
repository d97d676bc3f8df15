"""Per-country rate cards: the unit rates a plan's budget is costed with.

A rate card is versioned catalogue data (``data/rate-cards/<COUNTRY>-<version>.yaml``),
validated by :data:`RATE_CARD_SCHEMA`. It states its currency, the date it takes effect
and where its figures come from; the shipped cards are indicative figures a programme
replaces. An engagement takes its country's current card (the highest version already in
effect on the plan's date) unless it pins a version.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from govcap.planning.core.validation import DELIVERY_MODES, CatalogueError, schema_errors

RATE_CARD_DIR = Path(__file__).resolve().parent.parent / "data" / "rate-cards"

_MONEY = {"type": "number", "minimum": 0}
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_TRAINERS = {"type": "object", "additionalProperties": False,
             "required": ["lead", "co_trainer"],
             "properties": {"lead": _MONEY, "co_trainer": _MONEY}}

RATE_CARD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["rate_card", "version", "country", "title", "currency", "effective_from",
                 "venue_city", "indicative", "source", "rates", "travel"],
    "properties": {
        "rate_card": _TEXT,
        "version": {"type": "string", "pattern": r"^[0-9]{4}\.[0-9]+$",
                    "description": "a version written YEAR.EDITION, e.g. 2026.1"},
        "country": {"type": "string", "pattern": r"^[A-Z]{2}$",
                    "description": "a two-letter country code, e.g. KE"},
        "title": _TEXT,
        "currency": {"type": "string", "pattern": r"^[A-Z]{3}$",
                     "description": "a three-letter currency code, e.g. USD"},
        "effective_from": {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                           "description": "a date written YYYY-MM-DD"},
        "venue_city": _TEXT,
        "indicative": {"type": "boolean"},
        "source": _TEXT,
        # the source in other languages, for documents in them: language → text
        "source_translations": {"type": "object", "additionalProperties": _TEXT},
        "rates": {
            "type": "object", "additionalProperties": False,
            "required": ["trainer_day", "venue_day", "materials_per_participant",
                         "participant_allowance_day", "travel_per_traveller",
                         "follow_up_coaching_per_org", "reassessment_per_org",
                         "contingency_percent"],
            "properties": {
                "trainer_day": {"type": "object", "additionalProperties": False,
                                "required": list(DELIVERY_MODES),
                                "properties": {m: _TRAINERS for m in DELIVERY_MODES}},
                "venue_day": _MONEY, "materials_per_participant": _MONEY,
                "participant_allowance_day": _MONEY, "travel_per_traveller": _MONEY,
                "follow_up_coaching_per_org": _MONEY, "reassessment_per_org": _MONEY,
                "contingency_percent": {"type": "number", "minimum": 0, "maximum": 50},
            },
        },
        "travel": {"type": "object", "additionalProperties": False,
                   "required": ["default_travelling_share_percent"],
                   "properties": {"default_travelling_share_percent": {
                       "type": "integer", "minimum": 0, "maximum": 100}}},
    },
}


@dataclass(frozen=True)
class RateCard:
    """Unit rates in ``currency`` (whole units, may carry cents)."""

    key: str
    version: str
    country: str
    title: str
    currency: str
    effective_from: str
    venue_city: str
    indicative: bool
    source: str
    source_translations: dict[str, str]
    lead_trainer_day: dict[str, Decimal]
    co_trainer_day: dict[str, Decimal]
    venue_day: Decimal
    materials_per_participant: Decimal
    participant_allowance_day: Decimal
    travel_per_traveller: Decimal
    follow_up_coaching_per_org: Decimal
    reassessment_per_org: Decimal
    contingency_percent: Decimal
    travelling_share_percent: int

    @property
    def label(self) -> str:
        return f"{self.key} {self.version}"


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def parse_rate_card(document: Any, source: str = "rate card") -> RateCard:
    errors = schema_errors(document, RATE_CARD_SCHEMA)
    if errors:
        raise CatalogueError(source, errors)
    r = document["rates"]
    return RateCard(
        key=document["rate_card"], version=document["version"], country=document["country"],
        title=document["title"], currency=document["currency"],
        effective_from=document["effective_from"], venue_city=document["venue_city"],
        indicative=bool(document["indicative"]), source=" ".join(document["source"].split()),
        source_translations={lang: " ".join(text.split()) for lang, text in
                             sorted(document.get("source_translations", {}).items())},
        lead_trainer_day={m: _dec(r["trainer_day"][m]["lead"]) for m in DELIVERY_MODES},
        co_trainer_day={m: _dec(r["trainer_day"][m]["co_trainer"]) for m in DELIVERY_MODES},
        venue_day=_dec(r["venue_day"]),
        materials_per_participant=_dec(r["materials_per_participant"]),
        participant_allowance_day=_dec(r["participant_allowance_day"]),
        travel_per_traveller=_dec(r["travel_per_traveller"]),
        follow_up_coaching_per_org=_dec(r["follow_up_coaching_per_org"]),
        reassessment_per_org=_dec(r["reassessment_per_org"]),
        contingency_percent=_dec(r["contingency_percent"]),
        travelling_share_percent=int(document["travel"]["default_travelling_share_percent"]),
    )


def load_rate_card(path: str | Path) -> RateCard:
    path = Path(path)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(path.name, [f"cannot read the rate card: {exc}"]) from None
    return parse_rate_card(document, source=path.name)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("."))


def country_rate_card(country: str, on_date: str = "", version: str = "",
                      directory: Path = RATE_CARD_DIR) -> RateCard | None:
    """The country's card: ``version`` when pinned, else the highest version in effect on
    ``on_date`` (any date when empty; the earliest card when none is in effect yet).
    None when the country has no card. A pinned version that does not exist is an error."""
    country = country.upper()
    cards = sorted((load_rate_card(p) for p in directory.glob(f"{country}-*.yaml")),
                   key=lambda c: _version_key(c.version))
    if version:
        for card in cards:
            if card.version == version:
                return card
        known = ", ".join(c.version for c in cards) or "none"
        raise CatalogueError(f"{country} rate card", [
            f"version {version!r} does not exist (versions: {known})"])
    if not cards:
        return None
    in_effect = [c for c in cards if not on_date or c.effective_from <= on_date]
    return (in_effect or cards)[-1]
