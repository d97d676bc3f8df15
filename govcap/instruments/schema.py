"""The instrument and translation file formats: JSON Schema, semantic checks, ID scheme.

Validation happens in two passes. The JSON Schema checks the shape; the semantic checks
(which assume the shape) check what a schema cannot say simply: the eight sections of
govcap.scale in order, unique and well-formed IDs, non-empty text, known placeholders.
Every problem names its place in the file (``sections[3].benchmarks.high[1]: empty
statement``); indexes are 0-based, as in the file's lists.

The ID scheme (stable across versions; translations are keyed by it):

    title  subtitle  purpose  definition  intro        fixed texts
    legend.<slug>                                      the seed's legend lines
    column.<section|high|moderate|basic|questions|rating>  table headings
    level.<high|moderate|basic>                        level names
    domain.<domain key>                                training domains
    instr.<slug>  instr.<slug>.title                   consultant instructions
    s<n>.title  s<n>.notes                             section title, notes prompt
    s<n>.<level>.<k>  s<n>.<level>.<k>.item.<j>        benchmark statements and their items
    s<n>.q.<k>                                         supporting questions
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from govcap.scale import DOMAINS, SECTION_DOMAIN, SECTION_KEYS

INSTRUMENT_FORMAT = "govcap-instrument/1"
TRANSLATION_FORMAT = "govcap-translation/1"
LEVEL_ORDER = ("high", "moderate", "basic")  # the seed's column order
WHEN = ("before", "during", "each-section", "closing")
COLUMNS = ("section", "high", "moderate", "basic", "questions", "rating")
PLACEHOLDERS = frozenset({"project"})
FIXED_TEXTS = {"title": "title", "subtitle": "subtitle", "purpose": "purpose",
               "definition": "definition", "introduction": "intro"}

PathPart = str | int


# --- errors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InstrumentError(ValueError):
    """An invalid instrument or translation; carries every problem with its path."""

    def __init__(self, problems: Iterable[Problem] | str, *, source: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._render())

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(p.path for p in self.problems)

    def with_source(self, source: str | Path) -> InstrumentError:
        return type(self)(self.problems, source=str(source))

    def _render(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{prefix}{self.problems[0]}"
        lines = [f"{prefix}{len(self.problems)} problems:"]
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)


def format_path(parts: Iterable[PathPart]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", part):
            out += f".{part}" if out else part
        else:
            out += f'["{part}"]'
    return out


# --- YAML ---------------------------------------------------------------------------------

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """Safe loader that refuses duplicate keys (YAML would silently keep the last one)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: str | Path) -> Any:
    """Parse a YAML file safely; syntax errors name the file's line and column."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_StrictLoader)  # a SafeLoader subclass
    except OSError as exc:
        raise InstrumentError(f"cannot read the file: {exc.strerror}", source=str(path)) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = ": ".join(x for x in (exc.context, exc.problem) if x)
        raise InstrumentError([Problem(where, f"YAML syntax error: {what}")], source=str(path)) from exc
    except yaml.YAMLError as exc:
        raise InstrumentError(f"YAML error: {exc}", source=str(path)) from exc


# --- JSON Schema --------------------------------------------------------------------------

_NONBLANK = {"type": "string"}  # emptiness is a semantic check, so it is reported per node
_ID = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9.-]*$"}
_SLUG = {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 80}


def _node(*required: str, **properties: Any) -> dict[str, Any]:
    props = {"text": _NONBLANK, "seed_text": _NONBLANK, "added": {"type": "boolean"}}
    props.update(properties)
    return {"type": "object", "required": ["text", *required],
            "properties": props, "additionalProperties": False}


_ITEM = _node("id", id=_ID)
_STATEMENT = _node("id", id=_ID, items={"type": "array", "items": _ITEM, "minItems": 1})
_INSTRUCTION = _node("id", "when", "title", id=_ID, when={"enum": list(WHEN)}, title=_NONBLANK)

INSTRUMENT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "govcap instrument",
    "type": "object",
    "required": ["schema", "key", "version", "language", "title", "purpose", "definition",
                 "introduction", "columns", "levels", "domains", "instructions", "sections"],
    "additionalProperties": False,
    "properties": {
        "schema": {"const": INSTRUMENT_FORMAT},
        "key": _SLUG,
        "version": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)*([-.][a-z0-9]+)?$",
                    "maxLength": 40},
        "language": {"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
        "source": {"type": "object", "additionalProperties": {"type": "string"}},
        **{name: _node() for name in FIXED_TEXTS},
        "legend": {"type": "array", "items": _node("id", id=_ID)},
        "columns": {"type": "object", "required": list(COLUMNS), "additionalProperties": False,
                    "properties": {c: _node() for c in COLUMNS}},
        "levels": {"type": "object", "required": list(LEVEL_ORDER), "additionalProperties": False,
                   "properties": {lv: _node() for lv in LEVEL_ORDER}},
        "domains": {"type": "object", "minProperties": 1, "propertyNames": _SLUG,
                    "additionalProperties": _node()},
        "instructions": {"type": "array", "items": _INSTRUCTION},
        "sections": {"type": "array", "items": {
            "type": "object",
            "required": ["number", "key", "title", "domain", "benchmarks", "questions",
                         "notes_prompt"],
            "additionalProperties": False,
            "properties": {
                "number": {"type": "integer", "minimum": 1},
                "key": _SLUG,
                "title": _node(),
                "domain": _SLUG,
                "benchmarks": {
                    "type": "object", "required": list(LEVEL_ORDER), "additionalProperties": False,
                    "properties": {lv: {"type": "array", "minItems": 1, "items": _STATEMENT}
                                   for lv in LEVEL_ORDER},
                },
                "questions": {"type": "array", "items": _node("id", id=_ID)},
                "notes_prompt": _node(),
            },
        }},
    },
}

TRANSLATION_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "govcap instrument translation",
    "type": "object",
    "required": ["schema", "instrument", "version", "language", "strings"],
    "additionalProperties": False,
    "properties": {
        "schema": {"const": TRANSLATION_FORMAT},
        "instrument": _SLUG,
        "version": INSTRUMENT_SCHEMA["properties"]["version"],
        "language": INSTRUMENT_SCHEMA["properties"]["language"],
        "translator": {"type": "string"},
        "note": {"type": "string"},
        "strings": {"type": "object", "propertyNames": _ID, "additionalProperties": {"type": "string"}},
    },
}

_JSON_TYPES = {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
               int: "a number", float: "a number", type(None): "nothing"}
_SCHEMA_TYPES = {"object": "a mapping", "array": "a list", "string": "text",
                 "boolean": "true/false", "integer": "a whole number", "number": "a number"}


def _schema_problems(schema: Mapping[str, Any], doc: object) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema)
    problems: list[Problem] = []
    for err in validator.iter_errors(doc):
        parts: list[PathPart] = list(err.absolute_path)
        inst = err.instance
        if err.validator == "required":
            m = re.match(r"^'(.+)' is a required property$", err.message)
            problems.append(Problem(format_path([*parts, m.group(1) if m else "?"]), "missing"))
            continue
        if err.validator == "additionalProperties" and isinstance(inst, dict):
            known = err.schema.get("properties", {})
            for extra in (k for k in inst if k not in known):
                problems.append(Problem(format_path([*parts, str(extra)]), "unknown field"))
            continue
        if err.validator == "type":
            found = _JSON_TYPES.get(type(inst), type(inst).__name__)
            wanted = _SCHEMA_TYPES.get(str(err.validator_value), str(err.validator_value))
            msg = f"expected {wanted}, found {found}"
            if err.validator_value == "string" and type(inst) in (int, float):
                msg += " (put it in quotes)"
            problems.append(Problem(format_path(parts), msg))
            continue
        if err.validator == "minItems" and err.validator_value == 1:
            msg = "no statements" if parts and parts[-1] in LEVEL_ORDER else "must not be empty"
        elif err.validator == "enum":
            msg = f"{inst!r} is not one of: {', '.join(map(str, err.validator_value))}"
        elif err.validator == "const":
            msg = f"expected {err.validator_value!r}, found {inst!r}"
        elif err.validator == "pattern":
            msg = f"{inst!r} is not a valid {parts[-1] if parts and isinstance(parts[-1], str) else 'value'}"
        else:
            msg = err.message
        problems.append(Problem(format_path(parts), msg))
    return sorted(set(problems), key=lambda p: (p.path, p.message))


# --- the ID walker ------------------------------------------------------------------------


@dataclass(frozen=True)
class TextRef:
    """One translatable string of an instrument document."""

    id: str
    path: tuple[PathPart, ...]  # the node whose text this is
    kind: str  # statement, question, instruction, title or text
    text: str


def iter_texts(doc: Mapping[str, Any]) -> Iterator[TextRef]:
    """Every translatable string of a (schema-valid) instrument document, in file order."""
    for name, tid in FIXED_TEXTS.items():
        if name in doc:
            yield TextRef(tid, (name,), "text", doc[name]["text"])
    for i, entry in enumerate(doc.get("legend", [])):
        yield TextRef(entry["id"], ("legend", i), "text", entry["text"])
    for col in COLUMNS:
        yield TextRef(f"column.{col}", ("columns", col), "text", doc["columns"][col]["text"])
    for lv in LEVEL_ORDER:
        yield TextRef(f"level.{lv}", ("levels", lv), "text", doc["levels"][lv]["text"])
    for dkey, node in doc["domains"].items():
        yield TextRef(f"domain.{dkey}", ("domains", dkey), "text", node["text"])
    for i, ins in enumerate(doc["instructions"]):
        yield TextRef(f"{ins['id']}.title", ("instructions", i, "title"), "title", ins["title"])
        yield TextRef(ins["id"], ("instructions", i), "instruction", ins["text"])
    for si, sec in enumerate(doc["sections"]):
        n = sec["number"]
        yield TextRef(f"s{n}.title", ("sections", si, "title"), "text", sec["title"]["text"])
        for lv in LEVEL_ORDER:
            for k, st in enumerate(sec["benchmarks"][lv]):
                spath = ("sections", si, "benchmarks", lv, k)
                yield TextRef(st["id"], spath, "statement", st["text"])
                for j, item in enumerate(st.get("items", [])):
                    yield TextRef(item["id"], (*spath, "items", j), "statement", item["text"])
        for k, q in enumerate(sec["questions"]):
            yield TextRef(q["id"], ("sections", si, "questions", k), "question", q["text"])
        yield TextRef(f"s{n}.notes", ("sections", si, "notes_prompt"), "text",
                      sec["notes_prompt"]["text"])


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{([^{}]*)\}", text))


# --- semantic checks ----------------------------------------------------------------------


def _expected_id(ref: TextRef, doc: Mapping[str, Any]) -> str | None:
    """The pattern an explicit ID must follow at its place, or None if the ID is derived."""
    p = ref.path
    if p[0] == "legend":
        return r"legend\.[a-z0-9-]+"
    if p[0] == "instructions" and len(p) == 2:
        return r"instr\.[a-z0-9-]+"
    if p[0] == "sections" and len(p) >= 5 and p[2] == "benchmarks":
        n = doc["sections"][p[1]]["number"]
        own = rf"s{n}\.{p[3]}\.[1-9][0-9]*"
        if len(p) == 5:
            return own
        parent = doc["sections"][p[1]]["benchmarks"][p[3]][p[4]]["id"]
        return rf"{re.escape(parent)}\.item\.[1-9][0-9]*"
    if p[0] == "sections" and len(p) == 4 and p[2] == "questions":
        return rf"s{doc['sections'][p[1]]['number']}\.q\.[1-9][0-9]*"
    return None


def _semantic_problems(doc: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    sections = doc["sections"]
    if len(sections) != len(SECTION_KEYS):
        problems.append(Problem("sections", f"expected {len(SECTION_KEYS)} sections "
                                f"(govcap.scale.SECTION_KEYS), found {len(sections)}"))
    for i, sec in enumerate(sections):
        if sec["number"] != i + 1:
            problems.append(Problem(f"sections[{i}].number", f"expected {i + 1}, found {sec['number']}"))
        if i < len(SECTION_KEYS) and sec["key"] != SECTION_KEYS[i]:
            problems.append(Problem(f"sections[{i}].key",
                                    f"expected {SECTION_KEYS[i]!r}, found {sec['key']!r}"))
        dom = sec["domain"]
        if dom not in DOMAINS:
            problems.append(Problem(f"sections[{i}].domain", f"unknown training domain {dom!r}"))
        elif sec["key"] in SECTION_DOMAIN and dom != SECTION_DOMAIN[sec["key"]]:
            problems.append(Problem(f"sections[{i}].domain", f"section {sec['key']!r} belongs to "
                                    f"{SECTION_DOMAIN[sec['key']]!r} in govcap.scale, not {dom!r}"))
        if dom not in doc["domains"]:
            problems.append(Problem(f"sections[{i}].domain", f"{dom!r} is not listed under domains"))
    for dkey in doc["domains"]:
        if dkey not in DOMAINS:
            problems.append(Problem(f"domains.{dkey}", "unknown training domain (govcap.scale.DOMAINS)"))

    first_seen: dict[str, str] = {}
    for ref in iter_texts(doc):
        where = format_path(ref.path)
        explicit = _expected_id(ref, doc)
        id_path = f"{where}.id"
        if explicit is not None and not re.fullmatch(explicit, ref.id):
            problems.append(Problem(id_path, f"ID {ref.id!r} does not fit its place "
                                    f"(expected the form {explicit.replace(chr(92), '')})"))
        if ref.id in first_seen:
            problems.append(Problem(id_path if explicit else where,
                                    f"duplicate ID {ref.id!r} (first at {first_seen[ref.id]})"))
        else:
            first_seen[ref.id] = where
        if not ref.text.strip():
            problems.append(Problem(where, f"empty {ref.kind}"))
        unknown = placeholders(ref.text) - PLACEHOLDERS
        if unknown:
            problems.append(Problem(where, "unknown placeholder " +
                                    ", ".join("{" + u + "}" for u in sorted(unknown))))
    return problems


def validate_instrument(doc: object, *, source: str | Path | None = None) -> None:
    """Raise InstrumentError naming every problem of an instrument document."""
    src = str(source) if source is not None else None
    problems = _schema_problems(INSTRUMENT_SCHEMA, doc)
    if not problems:
        assert isinstance(doc, Mapping)
        problems = _semantic_problems(doc)
    if problems:
        raise InstrumentError(problems, source=src)


def validate_translation(doc: object, source_texts: Mapping[str, str] | None = None, *,
                         source: str | Path | None = None) -> None:
    """Raise InstrumentError for a malformed translation.

    With source_texts (the instrument's English strings by ID) also refuse unknown IDs,
    empty strings and placeholders that differ from the English. Missing IDs are allowed:
    they fall back to English.
    """
    src = str(source) if source is not None else None
    problems = _schema_problems(TRANSLATION_SCHEMA, doc)
    if not problems and source_texts is not None:
        assert isinstance(doc, Mapping)
        for tid, text in doc["strings"].items():
            where = format_path(["strings", tid])
            if tid not in source_texts:
                problems.append(Problem(where, f"unknown ID (not in {doc['instrument']} "
                                        f"v{doc['version']})"))
            elif not text.strip():
                problems.append(Problem(where, "empty translation (leave the ID out to fall "
                                        "back to English)"))
            elif placeholders(text) != placeholders(source_texts[tid]):
                want = ", ".join("{" + p + "}" for p in sorted(placeholders(source_texts[tid])))
                problems.append(Problem(where, f"placeholders must match the English ({want or 'none'})"))
    if problems:
        raise InstrumentError(problems, source=src)
