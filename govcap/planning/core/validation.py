"""Schema and error messages for catalogue files and their translations.

The structural checks are a JSON Schema (so an editor or another tool can use the same
rules); what a schema cannot say — unknown personas, prerequisites that do not exist,
cycles — is checked in :mod:`govcap.planning.core.catalogue`. Every message starts with the
place inside the file, written the way a person reads it: ``modules[4].objectives: at
least 3 objectives required``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from govcap.scale import DOMAINS, SECTION_KEYS

STEPS = ("basic-moderate", "moderate-high", "sustain-high")
DELIVERY_MODES = ("in-person", "online", "blended")
# Interventions other than a course: what a persisting gap gets after its course, and what
# an organisation whose course no cohort can hold is offered instead.
INTERVENTION_KINDS = ("coaching", "on-the-job", "training-of-trainers", "e-learning")

MODULE_CODE = r"^[A-Z]{2,4}-[0-9]{3}$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"

_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_MONEY = {"type": "number", "minimum": 0}


def _texts(min_items: int) -> dict[str, Any]:
    return {"type": "array", "minItems": min_items, "items": _TEXT}


CATALOGUE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": [
        "catalogue", "version", "language", "title", "currency", "personas", "competences",
        "modules",
    ],
    "additionalProperties": False,
    "properties": {
        "catalogue": {"type": "string", "pattern": SLUG, "description": "a lower-case slug"},
        "version": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)*$",
                    "description": "a version such as \"1.0\" (quoted)"},
        "language": {"type": "string", "pattern": LANGUAGE,
                     "description": "a language code such as en or fr"},
        "title": _TEXT,
        "currency": {"type": "string", "pattern": "^[A-Z]{3}$",
                     "description": "an ISO 4217 code such as USD"},
        "personas": {
            "type": "object", "minProperties": 1,
            "propertyNames": {"pattern": SLUG}, "additionalProperties": _TEXT,
        },
        "competences": {
            "type": "object",
            "propertyNames": {"pattern": r"^[A-E]\.[0-9]{1,2}$"},
            "additionalProperties": _TEXT,
        },
        "modules": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/module"}},
        "interventions": {"type": "array", "items": {"$ref": "#/$defs/intervention"}},
    },
    "$defs": {
        "intervention": {
            "type": "object",
            "required": ["code", "kind", "title", "summary", "domain", "sections", "steps",
                         "days", "delivery", "cohort", "cost"],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "string", "pattern": MODULE_CODE,
                         "description": "a code such as CHG-901"},
                "kind": {"enum": list(INTERVENTION_KINDS)},
                "title": _TEXT,
                "summary": _TEXT,
                "domain": {"enum": sorted(DOMAINS)},
                "sections": {"type": "array", "minItems": 1, "uniqueItems": True,
                             "items": {"enum": list(SECTION_KEYS)}},
                "steps": {"type": "array", "minItems": 1, "uniqueItems": True,
                          "items": {"enum": list(STEPS)}},
                "days": {"type": "integer", "minimum": 1, "maximum": 60},
                "delivery": {"enum": list(DELIVERY_MODES)},
                "cohort": {"$ref": "#/$defs/module/properties/cohort"},
                "cost": {"$ref": "#/$defs/module/properties/cost"},
            },
        },
        "module": {
            "type": "object",
            "required": [
                "code", "title", "summary", "domain", "sections", "step", "objectives",
                "audience", "days", "delivery", "cohort", "cost",
            ],
            "additionalProperties": False,
            "properties": {
                "code": {"type": "string", "pattern": MODULE_CODE,
                         "description": "a code such as EA-101"},
                "title": _TEXT,
                "summary": _TEXT,
                "domain": {"enum": sorted(DOMAINS)},
                "sections": {"type": "array", "minItems": 1, "uniqueItems": True,
                             "items": {"enum": list(SECTION_KEYS)}},
                "step": {"enum": list(STEPS)},
                "objectives": _texts(3),
                "audience": {"type": "array", "minItems": 1, "uniqueItems": True,
                             "items": {"type": "string"}},
                "competences": {"type": "array", "uniqueItems": True,
                                "items": {"type": "string"}},
                "days": {"type": "integer", "minimum": 1, "maximum": 60},
                "delivery": {"enum": list(DELIVERY_MODES)},
                "prerequisites": {"type": "array", "uniqueItems": True,
                                  "items": {"type": "string", "pattern": MODULE_CODE,
                                            "description": "a module code such as EA-101"}},
                "cohort": {
                    "type": "object", "required": ["min", "max"], "additionalProperties": False,
                    "properties": {"min": {"type": "integer", "minimum": 1},
                                   "max": {"type": "integer", "minimum": 1}},
                },
                "cost": {
                    "type": "object", "required": ["per_participant_day", "per_cohort"],
                    "additionalProperties": False,
                    "properties": {"per_participant_day": _MONEY, "per_cohort": _MONEY},
                },
                "follow_up": {"type": "string"},
            },
        },
    },
}

TRANSLATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["catalogue", "version", "language", "modules"],
    "additionalProperties": False,
    "properties": {
        "catalogue": {"type": "string", "pattern": SLUG},
        "version": {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)*$"},
        "language": {"type": "string", "pattern": LANGUAGE,
                     "description": "a language code such as fr"},
        "title": _TEXT,
        "personas": {"type": "object", "additionalProperties": _TEXT},
        "modules": {
            "type": "object",
            "propertyNames": {"pattern": MODULE_CODE},
            "additionalProperties": {
                "type": "object", "additionalProperties": False,
                "properties": {"title": _TEXT, "summary": _TEXT, "objectives": _texts(1),
                               "follow_up": _TEXT},
            },
        },
    },
}

_TYPE_NAMES = {
    "object": "a mapping", "array": "a list", "string": "a text", "integer": "a whole number",
    "number": "a number", "boolean": "true or false", "null": "nothing",
}


def format_path(path: Iterable[Any]) -> str:
    """``("modules", 4, "objectives")`` → ``modules[4].objectives``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).replace("_", "").replace("-", "").isalnum():
            out += f".{part}" if out else str(part)
        else:
            out += f"[{str(part)!r}]"
    return out or "(top level)"


def _type_of(value: Any) -> str:
    for name, python in (("boolean", bool), ("object", dict), ("array", list),
                         ("string", str), ("integer", int), ("number", float)):
        if isinstance(value, python):
            return _TYPE_NAMES[name]
    return _TYPE_NAMES["null"] if value is None else type(value).__name__


def _messages(error: ValidationError) -> list[str]:
    path = list(error.absolute_path)
    where = format_path(path)
    kind = error.validator
    # set on every error iter_errors yields (the stubs allow them unset)
    expected: Any = error.validator_value
    value: Any = error.instance
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    if kind == "required":
        missing = [key for key in expected if key not in value]
        return [f"{format_path([*path, key])}: required field missing" for key in missing]
    if kind == "additionalProperties" and isinstance(value, dict):
        known = set(schema.get("properties", {}))
        return [f"{format_path([*path, key])}: unknown field" for key in value if key not in known]
    if kind == "propertyNames":
        hint = schema.get("propertyNames", {}).get("pattern", "")
        return [f"{where}: {value!r} is not an allowed key (expected the form {hint})"]
    if kind == "minItems":
        name = path[-1] if path and isinstance(path[-1], str) else "items"
        return [f"{where}: at least {expected} {name} required"]
    if kind == "minProperties":
        return [f"{where}: at least {expected} entries required"]
    if kind == "enum":
        shown = ", ".join(str(v) for v in expected[:12])
        return [f"{where}: {value!r} is not one of: {shown}"]
    if kind == "type":
        return [f"{where}: expected {_TYPE_NAMES.get(expected, expected)}, got {_type_of(value)}"]
    if kind == "pattern":
        if isinstance(value, str) and not value.strip():
            return [f"{where}: must not be empty"]
        hint = schema.get("description") or f"the pattern {expected}"
        return [f"{where}: {value!r} is not {hint}"]
    if kind == "minLength":
        return [f"{where}: must not be empty"]
    if kind in ("minimum", "exclusiveMinimum"):
        return [f"{where}: must be at least {expected}"]
    if kind in ("maximum", "exclusiveMaximum"):
        return [f"{where}: must be at most {expected}"]
    if kind == "uniqueItems":
        return [f"{where}: entries must not repeat"]
    return [f"{where}: {error.message}"]


def schema_errors(document: Any, schema: Mapping[str, Any]) -> list[str]:
    """All structural errors of ``document``, ordered by their place in the file."""
    validator = Draft202012Validator(schema)
    found = sorted(validator.iter_errors(document),
                   key=lambda e: ([str(p) for p in e.absolute_path], e.validator))
    messages: list[str] = []
    for error in found:
        for message in _messages(error):
            if message not in messages:
                messages.append(message)
    return messages


class CatalogueError(ValueError):
    """A catalogue or translation file that cannot be used; ``errors`` lists every problem."""

    def __init__(self, source: str, errors: Sequence[str]):
        self.source = source
        self.errors = tuple(errors)
        shown = "\n".join(f"  {e}" for e in self.errors[:50])
        more = f"\n  … and {len(self.errors) - 50} more" if len(self.errors) > 50 else ""
        super().__init__(f"{source}: {len(self.errors)} problem(s):\n{shown}{more}")
