"""Compose facilitator notes, evidence, dissent and quotes from the text templates.

Plain functions over a seeded `random.Random`: the same generator state gives the same
text. Templates are filled with `str.format_map`; a missing placeholder is a bug and
raises KeyError rather than leaving braces in the data.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

from govcap.demo import quotes, text_en, text_fr
from govcap.scale import Level


@dataclass(frozen=True)
class Texts:
    language: str
    labels: Mapping[str, str]
    level_names: Mapping[str, str]
    said: Mapping[str, Mapping[str, Sequence[str]]]
    reading: Mapping[str, Mapping[str, Sequence[str]]]
    evidence: Mapping[str, Mapping[str, Sequence[str]]]
    no_evidence: Sequence[str]
    dissent: Mapping[str, Mapping[str, str]]
    not_assessed: Sequence[str]
    observations: Sequence[str]
    partial: str
    consent: Sequence[str]
    recording: Mapping[bool, str]
    quotes: Mapping[str, Mapping[str, Sequence[str]]]


def _texts(language: str, module: ModuleType) -> Texts:
    return Texts(
        language=language,
        labels=module.LABELS,
        level_names=module.LEVEL_NAMES,
        said=module.SAID,
        reading=module.READING,
        evidence=module.EVIDENCE,
        no_evidence=module.NO_EVIDENCE,
        dissent=module.DISSENT,
        not_assessed=module.NOT_ASSESSED,
        observations=module.OBSERVATIONS,
        partial=module.PARTIAL,
        consent=module.CONSENT,
        recording=module.RECORDING,
        quotes=quotes.QUOTES[language],
    )


TEXTS: dict[str, Texts] = {"en": _texts("en", text_en), "fr": _texts("fr", text_fr)}

# How often a section's consensus comes with evidence, by level.
EVIDENCE_RATE = {"high": 0.9, "moderate": 0.6, "basic": 0.25}


class Composer:
    """Text for one session: its language, the country's words and the participant codes."""

    def __init__(self, rng: random.Random, language: str, context: Mapping[str, str],
                 codes: Sequence[str]) -> None:
        self.rng = rng
        self.t = TEXTS[language]
        self.context = dict(context)
        self.codes = list(codes)

    def fill(self, template: str, **extra: str) -> str:
        pa, pb = self.rng.sample(self.codes, 2) if len(self.codes) >= 2 else ("P1", "P2")
        return template.format_map({**self.context, "pa": pa, "pb": pb, **extra})

    def notes(self, section: str, level: str) -> str:
        said_pool = self.t.said[section][level]
        count = 3 if len(said_pool) > 3 and self.rng.random() < 0.4 else 2
        said = " ".join(self.fill(s) for s in self.rng.sample(list(said_pool), count))
        parts = [f"{self.t.labels['said']} {said}"]
        if self.rng.random() < 0.2:
            parts.append(self.fill(self.rng.choice(self.t.observations)))
        parts.append(f"{self.t.labels['reading']} {self.reading(section, level)}")
        return "\n\n".join(parts)

    def reading(self, section: str, level: str) -> str:
        return self.fill(self.rng.choice(self.t.reading[section][level]))

    def partial_notes(self, section: str, level: str) -> str:
        said = self.fill(self.rng.choice(self.t.said[section][level]))
        return f"{self.t.labels['said']} {said}\n\n{self.t.partial}"

    def evidence(self, section: str, level: str) -> str:
        if self.rng.random() >= EVIDENCE_RATE[level]:
            return ""
        if level == "basic":  # nothing that would show more than Basic capacity
            return self.fill(self.rng.choice(self.t.no_evidence))
        count = 2 if level == "high" and self.rng.random() < 0.5 else 1
        items = self.rng.sample(list(self.t.evidence[section][level]), count)
        return "\n".join(self.fill(e) for e in items)

    def dissent(self, section: str, level: str) -> str:
        value = Level.from_key(level)
        directions = [d for d, ok in (("lower", value > Level.BASIC), ("higher", value < Level.HIGH))
                      if ok]
        direction = self.rng.choice(directions)
        other = Level(value - 1 if direction == "lower" else value + 1)
        return self.fill(self.t.dissent[section][direction], p=self.rng.choice(self.codes),
                         level=self.t.level_names[other.key])

    def not_assessed_reason(self) -> str:
        return self.fill(self.rng.choice(self.t.not_assessed))

    def quotes(self, section: str, level: str, suffix: str = "") -> list[tuple[str, str]]:
        """1–3 (participant code, text) pairs."""
        count = self.rng.choices((1, 2, 3), weights=(55, 30, 15))[0]
        texts = self.rng.sample(list(self.t.quotes[section][level]), count)
        speakers = self.rng.sample(self.codes, min(count, len(self.codes)))
        out = []
        for i, text in enumerate(texts):
            if suffix and self.rng.random() < 0.35:
                text = f"{text} {suffix}"
            out.append((speakers[i % len(speakers)], text))
        return out

    def consent_note(self, recording_allowed: bool) -> str:
        return f"{self.rng.choice(self.t.consent)} {self.t.recording[recording_allowed]}"

    def confidence(self, *, evidence: bool, dissent: bool, participants: int) -> str:
        score = 1 + (0.7 if evidence else 0) - (0.8 if dissent else 0)
        score += (0.3 if participants >= 6 else 0) + self.rng.uniform(-0.6, 0.6)
        return "high" if score >= 1.6 else "medium" if score >= 0.6 else "low"


def shareable_notes(notes: str, language: str) -> str:
    """What a coordinator of the demo shares of a section's notes: what was said and the
    reading, not the remarks on the room (each left-out paragraph marked "…")."""
    labels = TEXTS[language].labels
    kept: list[str] = []
    for paragraph in notes.split("\n\n"):
        if paragraph.startswith((labels["said"], labels["reading"])):
            kept.append(paragraph)
        elif not kept or kept[-1] != "…":
            kept.append("…")
    return "\n\n".join(kept).strip("…\n ")


def evidence_is_shared(text: str, language: str) -> bool:
    """Evidence shown in the room is shared; a note that none was (and who is to send it)
    is the facilitator's follow-up, kept internal."""
    return not any(re.fullmatch(re.escape(line).replace(r"\{pa\}", ".+"), text.strip())
                   for line in TEXTS[language].no_evidence)


def quote_is_shared(text: str) -> bool:
    """About four quotes in five are shared in the demo; the same ones on every load."""
    return zlib.crc32(text.encode()) % 5 != 0
