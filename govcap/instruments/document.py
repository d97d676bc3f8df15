"""An instrument version as plain, frozen data, and its localisation.

Every translatable string is a :class:`Text`: a ``str`` that also carries its stable ID,
its language and whether it fell back to English. Templates print it as a string and can
mark fallbacks simply::

    <p{% if s.text.fallback %} lang="en" class="fallback"{% endif %}>{{ s.text }}</p>
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from govcap.instruments.schema import (
    COLUMNS,
    FIXED_TEXTS,
    LEVEL_ORDER,
    WHEN,
    InstrumentError,
    read_yaml,
    validate_instrument,
    validate_translation,
)

__all__ = [
    "LEVEL_ORDER", "WHEN", "Instruction", "Instrument", "InstrumentError", "Question",
    "Section", "Statement", "Text", "document_checksum", "load_instrument_file",
    "load_translation_file", "localise", "parse_instrument", "summarise",
]


class Text(str):
    """A translatable string: its ID, its language, and whether it fell back to English."""

    id: str
    lang: str
    fallback: bool

    def __new__(cls, value: str, id: str = "", lang: str = "en", fallback: bool = False) -> Text:
        obj = super().__new__(cls, value)
        obj.id = id
        obj.lang = lang
        obj.fallback = fallback
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (str(self), self.id, self.lang, self.fallback))

    def numbered(self, number: object) -> Text:
        """"N. text", still marked as this text (its language, whether it fell back to
        English): a chart's section label says lang="en" as the pages do."""
        return Text(f"{number}. {self}", self.id, self.lang, self.fallback)


@dataclass(frozen=True)
class Statement:
    """A benchmark statement; a lead-in statement carries its list in ``items``."""

    id: str
    level: str
    text: Text
    items: tuple[Statement, ...] = ()
    added: bool = False
    seed_text: str | None = None  # the seed's words, when the text was edited


@dataclass(frozen=True)
class Question:
    id: str
    text: Text
    added: bool = False
    seed_text: str | None = None


@dataclass(frozen=True)
class Instruction:
    """An instruction for the consultant (never read aloud)."""

    id: str
    when: str  # before, during, each-section, closing
    title: Text
    text: Text
    added: bool = False
    seed_text: str | None = None


@dataclass(frozen=True)
class Section:
    number: int
    key: str  # govcap.scale.SECTION_KEYS
    title: Text
    domain_key: str  # govcap.scale.DOMAINS
    domain_title: Text
    benchmarks: Mapping[str, tuple[Statement, ...]]  # 'high', 'moderate', 'basic'
    questions: tuple[Question, ...]
    notes_prompt: Text

    def statements(self, level: str) -> tuple[Statement, ...]:
        return self.benchmarks[level]

    @property
    def levels(self) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
        """(level, statements) in the seed's column order: high, moderate, basic."""
        return tuple((lv, self.benchmarks[lv]) for lv in LEVEL_ORDER)


@dataclass(frozen=True)
class Instrument:
    key: str
    version: str
    language: str  # the language shown: the source's, or a translation's
    source_language: str
    title: Text
    subtitle: Text | None
    purpose: Text
    definition: Text
    introduction: Text  # narrative read aloud; contains {project}
    legend: tuple[Text, ...]
    columns: Mapping[str, Text]  # the seed's table headings
    level_names: Mapping[str, Text]
    instructions: tuple[Instruction, ...]
    sections: tuple[Section, ...]
    source: Mapping[str, str]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def instructions_for(self, when: str) -> tuple[Instruction, ...]:
        if when not in WHEN:
            raise ValueError(f"{when!r} is not one of: {', '.join(WHEN)}")
        return tuple(i for i in self.instructions if i.when == when)

    def introduction_for(self, project: str) -> Text:
        """The introduction with the engagement's project name in place of {project}."""
        t = self.introduction
        return Text(t.replace("{project}", project), t.id, t.lang, t.fallback)

    def texts(self) -> dict[str, Text]:
        """Every translatable string by ID."""
        found: dict[str, Text] = {}
        _collect(self, found)
        return found

    def fallbacks(self) -> tuple[str, ...]:
        """IDs of the strings shown in English because the translation lacks them."""
        return tuple(tid for tid, t in self.texts().items() if t.fallback)


# --- parsing ------------------------------------------------------------------------------


def _text(node: Mapping[str, Any] | str, tid: str, lang: str) -> Text:
    value = node if isinstance(node, str) else node["text"]
    return Text(value.strip(), tid, lang)


def _statement(node: Mapping[str, Any], level: str, lang: str) -> Statement:
    return Statement(
        id=node["id"],
        level=level,
        text=_text(node, node["id"], lang),
        items=tuple(_statement(i, level, lang) for i in node.get("items", ())),
        added=bool(node.get("added", False)),
        seed_text=node.get("seed_text"),
    )


def parse_instrument(doc: Mapping[str, Any]) -> Instrument:
    """Build the dataclasses from a document already checked by validate_instrument."""
    lang = doc["language"]
    domains = {k: _text(v, f"domain.{k}", lang) for k, v in doc["domains"].items()}
    sections = tuple(
        Section(
            number=s["number"],
            key=s["key"],
            title=_text(s["title"], f"s{s['number']}.title", lang),
            domain_key=s["domain"],
            domain_title=domains[s["domain"]],
            benchmarks={lv: tuple(_statement(st, lv, lang) for st in s["benchmarks"][lv])
                        for lv in LEVEL_ORDER},
            questions=tuple(
                Question(q["id"], _text(q, q["id"], lang), bool(q.get("added", False)),
                         q.get("seed_text"))
                for q in s["questions"]
            ),
            notes_prompt=_text(s["notes_prompt"], f"s{s['number']}.notes", lang),
        )
        for s in doc["sections"]
    )
    fixed = {name: _text(doc[name], tid, lang) for name, tid in FIXED_TEXTS.items() if name in doc}
    return Instrument(
        key=doc["key"],
        version=doc["version"],
        language=lang,
        source_language=lang,
        title=fixed["title"],
        subtitle=fixed.get("subtitle"),
        purpose=fixed["purpose"],
        definition=fixed["definition"],
        introduction=fixed["introduction"],
        legend=tuple(_text(e, e["id"], lang) for e in doc.get("legend", ())),
        columns={c: _text(doc["columns"][c], f"column.{c}", lang) for c in COLUMNS},
        level_names={lv: _text(doc["levels"][lv], f"level.{lv}", lang) for lv in LEVEL_ORDER},
        instructions=tuple(
            Instruction(i["id"], i["when"], _text(i["title"], f"{i['id']}.title", lang),
                        _text(i, i["id"], lang), bool(i.get("added", False)),
                        i.get("seed_text"))
            for i in doc["instructions"]
        ),
        sections=sections,
        source=dict(doc.get("source", {})),
    )


# --- localisation -------------------------------------------------------------------------

T = TypeVar("T")


def _map_texts(value: T, fn: Any) -> T:
    """Apply fn to every Text inside value (dataclasses, tuples, mappings)."""
    if isinstance(value, Text):
        return fn(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _map_texts(getattr(value, f.name), fn) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return type(value)(_map_texts(v, fn) for v in value)
    if isinstance(value, Mapping):
        return cast(T, {k: _map_texts(v, fn) for k, v in value.items()})
    return value


def _collect(value: object, found: dict[str, Text]) -> None:
    def keep(t: Text) -> Text:
        found[t.id] = t
        return t

    _map_texts(value, keep)


def localise(instrument: Instrument, translation: Mapping[str, Any] | None,
             catalogue: Callable[[str], str | None] | None = None) -> Instrument:
    """The instrument in the translation's language, per string: the translation's text;
    else, for a string the application's own catalogue translates word for word (a level
    name, "Section", a training domain), that translation (``catalogue``: the source text
    → its translation in the language, or None); else the source (English) text with
    ``fallback=True``, which pages mark ``lang="en"``.
    ``translation`` is a validated translation document (or None: the source as is).
    """
    if translation is None:
        return instrument
    if (translation["instrument"], translation["version"]) != (instrument.key, instrument.version):
        raise InstrumentError(
            f"the translation is for {translation['instrument']} v{translation['version']}, "
            f"not {instrument.key} v{instrument.version}"
        )
    lang: str = translation["language"]
    strings: Mapping[str, str] = translation["strings"]

    def translate(t: Text) -> Text:
        if t.lang != instrument.source_language:  # already localised: start from the source
            raise ValueError("localise() takes the source instrument, not a localised one")
        value = strings.get(t.id, "")
        if value.strip():
            return Text(value.strip(), t.id, lang)
        said = catalogue(str(t)) if catalogue is not None else None
        if said and said.strip() and said != str(t):
            return Text(said.strip(), t.id, lang)
        return Text(t, t.id, t.lang, fallback=True)

    return dataclasses.replace(_map_texts(instrument, translate), language=lang)


# --- files and checksums ------------------------------------------------------------------


def document_checksum(doc: Mapping[str, Any]) -> str:
    """sha256 of the canonical JSON of a document (sorted keys, no whitespace)."""
    canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_instrument_file(path: str | Path) -> dict[str, Any]:
    """Read and validate an instrument file; InstrumentError names the path of a problem."""
    doc = read_yaml(path)
    validate_instrument(doc, source=path)
    return doc


def load_translation_file(path: str | Path, instrument: Instrument | None = None) -> dict[str, Any]:
    """Read and validate a translation file, against the instrument's IDs when given."""
    doc = read_yaml(path)
    validate_translation(doc, source=path)
    if instrument is not None:
        if (doc["instrument"], doc["version"]) != (instrument.key, instrument.version):
            raise InstrumentError(
                f"the translation is for {doc['instrument']} v{doc['version']}, "
                f"not {instrument.key} v{instrument.version}", source=str(path))
        if doc["language"] == instrument.source_language:
            raise InstrumentError(f"language: {doc['language']!r} is the instrument's own "
                                  "language", source=str(path))
        validate_translation(doc, dict(instrument.texts()), source=path)
    return doc


# --- summary (CLI, admin) -----------------------------------------------------------------


def summarise(instrument: Instrument) -> dict[str, Any]:
    """Sections, levels, statement counts and which lines were added or edited."""
    added: list[str] = []
    edited: list[str] = []

    def note(obj: Statement | Question | Instruction) -> None:
        if obj.added:
            added.append(obj.id)
        if obj.seed_text is not None:
            edited.append(obj.id)

    sections = []
    for s in instrument.sections:
        levels = {}
        for lv, statements in s.levels:
            items = [i for st in statements for i in st.items]
            for st in (*statements, *items):
                note(st)
            levels[lv] = {
                "statements": len(statements),
                "items": len(items),
                "added": [x.id for x in (*statements, *items) if x.added],
            }
        for q in s.questions:
            note(q)
        sections.append({
            "number": s.number, "key": s.key, "title": s.title, "domain": s.domain_key,
            "domain_title": s.domain_title, "levels": levels, "questions": len(s.questions),
            "questions_added": sum(q.added for q in s.questions),
        })
    for ins in instrument.instructions:
        note(ins)
    texts = instrument.texts()
    return {
        "key": instrument.key,
        "version": instrument.version,
        "language": instrument.language,
        "title": instrument.title,
        "sections": sections,
        "instructions": {w: len(instrument.instructions_for(w)) for w in WHEN},
        "added": added,
        "edited": edited,
        "strings": len(texts),
        "fallbacks": [tid for tid, t in texts.items() if t.fallback],
    }
