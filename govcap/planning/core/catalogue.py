"""The training catalogue: modules that close capacity gaps, loaded from a validated file.

A module serves one or more assessment sections at one level step (``basic-moderate``,
``moderate-high`` or ``sustain-high``). The catalogue is data: the default ships as
``data/catalogue-1.1.yaml``; an engagement may import an edited copy. Translations are a
separate layer keyed by module code and field (``data/translations/catalogue-1.1.fr.yaml``)
so a language can be added without touching the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from govcap.planning.core.validation import (
    CATALOGUE_SCHEMA,
    INTERVENTION_KINDS,
    STEPS,
    TRANSLATION_SCHEMA,
    CatalogueError,
    schema_errors,
)
from govcap.scale import SECTION_DOMAIN, Level

DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # govcap/planning/data
DEFAULT_CATALOGUE = DATA_DIR / "catalogue-1.1.yaml"

# The level a step starts from and the level it brings an organisation to.
STEP_LEVELS: dict[str, tuple[Level, Level]] = {
    "basic-moderate": (Level.BASIC, Level.MODERATE),
    "moderate-high": (Level.MODERATE, Level.HIGH),
    "sustain-high": (Level.HIGH, Level.HIGH),
}
STEP_INDEX = {step: i for i, step in enumerate(STEPS)}
FOLLOW_ON_KINDS: dict[str, tuple[str, ...]] = {
    "basic-moderate": ("coaching", "on-the-job"),
    "moderate-high": ("on-the-job", "coaching"),
    "sustain-high": ("training-of-trainers", "on-the-job", "coaching"),
}


# Interventions at the organisation's workplace, their days spread over months as the
# catalogue describes them: coaching, "four coaching days over three months"; an on-the-job
# project, "ten working days over four months". Their participants work at their own desks
# (no staff away). Everything else is held in one month.
WORKPLACE_MONTHS: dict[str, int] = {"coaching": 3, "on-the-job": 4}


def _code_number(code: str) -> tuple[str, int] | None:
    """"EA-102" → ("EA", 102); None for a code without a trailing number."""
    prefix, _, digits = code.rpartition("-")
    return (prefix, int(digits)) if prefix and digits.isdigit() else None


def numbered_before(first: Module, then: Module) -> bool:
    """Whether ``first`` comes before ``then`` by its number: the same domain and level step,
    the same code prefix and a lower number (EA-101 before EA-102). Sharing a section is
    the caller's question."""
    a, b = _code_number(first.code), _code_number(then.code)
    return (a is not None and b is not None and a[0] == b[0] and a[1] < b[1]
            and first.domain == then.domain and first.step == then.step)


@dataclass(frozen=True)
class Module:
    code: str
    title: str
    summary: str
    domain: str
    sections: tuple[str, ...]
    step: str
    objectives: tuple[str, ...]
    audience: tuple[str, ...]
    competences: tuple[str, ...]
    days: int
    delivery: str
    prerequisites: tuple[str, ...]
    min_cohort: int
    max_cohort: int
    cost_per_participant_day: Decimal  # in the catalogue's currency
    cost_per_cohort: Decimal
    follow_up: str = ""
    # "course" for a module; an intervention's kind (coaching, on-the-job,
    # training-of-trainers, e-learning) and the level steps it serves
    kind: str = "course"
    steps: tuple[str, ...] = ()

    @property
    def is_course(self) -> bool:
        return self.kind == "course"

    @property
    def at_workplace(self) -> bool:
        """Coaching or an on-the-job project: at the organisation, nobody away."""
        return self.kind in WORKPLACE_MONTHS

    @property
    def self_paced(self) -> bool:
        """E-learning: online lessons each participant studies at their own pace and desk
        (the catalogue's delivery ``online``, with a tutor answering by message)."""
        return self.kind == "e-learning"

    @property
    def in_class(self) -> bool:
        """Held as a class with trainers (a course, training of trainers): it takes one of
        the month's cohorts and its participants away from their work. Coaching and an
        on-the-job project come to the workplace, e-learning is self-paced: neither."""
        return not self.at_workplace and not self.self_paced

    @property
    def day_parts(self) -> tuple[int, ...]:
        """Its days by month from its start: a course's all in its month; a workplace
        intervention's spread evenly over its months (four over three: 2, 1, 1)."""
        span = min(WORKPLACE_MONTHS.get(self.kind, 1), max(self.days, 1))
        base, extra = divmod(self.days, span)
        return tuple(base + (1 if i < extra else 0) for i in range(span))

    @property
    def step_index(self) -> int:
        return STEP_INDEX[self.step]

    @property
    def to_level(self) -> Level:
        """The level an organisation has shown once this module's step is behind it."""
        return STEP_LEVELS[self.step][1]


@dataclass(frozen=True)
class Catalogue:
    key: str
    version: str
    language: str
    title: str
    currency: str
    personas: Mapping[str, str]
    competences: Mapping[str, str]
    modules: tuple[Module, ...]
    translated_to: str = ""
    # Coaching, on-the-job projects, training of trainers and e-learning: never prescribed
    # for a gap by themselves; they follow a course an organisation already had when the
    # gap persists (``follow_on``) or stand in for a course no cohort can hold.
    interventions: tuple[Module, ...] = ()

    @cached_property
    def by_code(self) -> dict[str, Module]:
        return {m.code: m for m in self.modules + self.interventions}

    def intervention(self, section: str, step: str, kinds: tuple[str, ...]) -> str | None:
        """The first intervention of the first of ``kinds`` that serves ``section`` at
        ``step`` (by code), or None."""
        for kind in kinds:
            for m in sorted(self.interventions, key=lambda m: m.code):
                if m.kind == kind and section in m.sections and step in m.steps:
                    return m.code
        return None

    def follow_on(self, section: str, step: str) -> str | None:
        """What an organisation gets when its gap on ``section`` persists after the
        ``step`` course: coaching towards Moderate, an on-the-job project towards High,
        training of trainers to sustain High (each falling back to the next kind)."""
        return self.intervention(section, step, FOLLOW_ON_KINDS[step])

    def module(self, code: str) -> Module:
        return self.by_code[code]

    @cached_property
    def for_section_step(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """(section key, step) → codes of the modules serving it, in code order."""
        found: dict[tuple[str, str], list[str]] = {}
        for m in sorted(self.modules, key=lambda m: m.code):
            for section in m.sections:
                found.setdefault((section, m.step), []).append(m.code)
        return {k: tuple(v) for k, v in found.items()}

    @cached_property
    def predecessors(self) -> dict[str, frozenset[str]]:
        """Modules that must come before each module when an organisation takes both.

        The direct order: explicit prerequisites, and any module of an earlier level step
        on a section the two share (Basic → Moderate before Moderate → High). The modules
        of one step complement each other: one requires another only where the catalogue
        declares it a prerequisite; otherwise the lower-numbered comes first when it can
        (:attr:`numbered_first`), and POL-103 does not wait for a POL-101 that finds no
        month.
        """
        direct: dict[str, set[str]] = {m.code: set(m.prerequisites)
                                       for m in self.modules + self.interventions}
        for m in self.modules:
            for other in self.modules:
                if other.step_index < m.step_index and set(other.sections) & set(m.sections):
                    direct[m.code].add(other.code)
        return {code: frozenset(codes) for code, codes in direct.items()}

    @cached_property
    def numbered_first(self) -> dict[str, tuple[str, ...]]:
        """Within one step, the modules of the same domain on a section shared with each
        module and numbered lower (EA-102 → EA-101; POL-103 → POL-101, POL-102): the
        order training providers teach them in. The schedule keeps it for an organisation
        taking both, unless the lower-numbered course finds no month; it is not a
        prerequisite (the higher-numbered one runs without it then)."""
        out: dict[str, tuple[str, ...]] = {}
        for m in self.modules:
            firsts = sorted(o.code for o in self.modules if numbered_before(o, m)
                            and set(o.sections) & set(m.sections)
                            and o.code not in m.prerequisites)
            if firsts:
                out[m.code] = tuple(firsts)
        return out

    @cached_property
    def coached_after(self) -> dict[str, tuple[str, ...]]:
        """Each coaching's and on-the-job project's courses (``Module.at_workplace``): the
        courses of its domain, at a level step it serves, on a section it serves. The catalogue's coaching has the
        team apply "what the course taught to a live task", so for an organisation taking
        such a course in the same plan the schedule starts the coaching the month after
        it, never in the same month (the Treasury's POL-901 came in February with its
        POL-102). Not a prerequisite: the coaching also follows up an earlier round's
        course, and runs without the new one when that finds no month."""
        out: dict[str, tuple[str, ...]] = {}
        for m in self.interventions:
            if m.at_workplace:
                firsts = sorted(o.code for o in self.modules if o.is_course
                                and o.domain == m.domain and o.step in m.steps
                                and set(o.sections) & set(m.sections))
                if firsts:
                    out[m.code] = tuple(firsts)
        return out

    @cached_property
    def schedule_depth(self) -> dict[str, int]:
        """:attr:`depth`, with a coaching one deeper than the courses it comes after
        (:attr:`coached_after`): the order the schedule raises priorities in."""
        depth = dict(self.depth)
        for code, firsts in self.coached_after.items():
            depth[code] = max(depth[code], 1 + max(depth[f] for f in firsts))
        return depth

    @cached_property
    def ancestors(self) -> dict[str, frozenset[str]]:
        """The transitive closure of :attr:`predecessors`."""
        result: dict[str, frozenset[str]] = {}
        for code in self.order:
            acc: set[str] = set()
            for p in self.predecessors[code]:
                acc.add(p)
                acc |= result[p]
            result[code] = frozenset(acc)
        return result

    @cached_property
    def depth(self) -> dict[str, int]:
        """Length of the longest chain of predecessors before each module (0 = none)."""
        depth: dict[str, int] = {}
        for code in self.order:
            preds = self.predecessors[code]
            depth[code] = 1 + max(depth[p] for p in preds) if preds else 0
        return depth

    @cached_property
    def order(self) -> tuple[str, ...]:
        """Codes in an order where every module follows its predecessors (stable by code)."""
        done: list[str] = []
        placed: set[str] = set()
        pending = sorted(self.by_code)
        while pending:
            ready = [c for c in pending if self.predecessors[c] <= placed]
            if not ready:  # validated catalogues are acyclic
                raise ValueError(f"cycle among modules: {', '.join(pending)}")
            done.extend(ready)
            placed.update(ready)
            pending = [c for c in pending if c not in placed]
        return tuple(done)


def _money(value: Any) -> Decimal:
    return Decimal(str(value))


def _module(raw: Mapping[str, Any]) -> Module:
    return Module(
        code=raw["code"], title=raw["title"].strip(), summary=" ".join(raw["summary"].split()),
        domain=raw["domain"], sections=tuple(raw["sections"]), step=raw["step"],
        objectives=tuple(o.strip() for o in raw["objectives"]),
        audience=tuple(raw["audience"]), competences=tuple(raw.get("competences", ())),
        days=int(raw["days"]), delivery=raw["delivery"],
        prerequisites=tuple(raw.get("prerequisites", ())),
        min_cohort=int(raw["cohort"]["min"]), max_cohort=int(raw["cohort"]["max"]),
        cost_per_participant_day=_money(raw["cost"]["per_participant_day"]),
        cost_per_cohort=_money(raw["cost"]["per_cohort"]),
        follow_up=" ".join(str(raw.get("follow_up", "")).split()),
    )


def _intervention(raw: Mapping[str, Any]) -> Module:
    steps = tuple(sorted(raw["steps"], key=STEP_INDEX.__getitem__))
    return Module(
        code=raw["code"], title=raw["title"].strip(), summary=" ".join(raw["summary"].split()),
        domain=raw["domain"], sections=tuple(raw["sections"]), step=steps[0], objectives=(),
        audience=(), competences=(), days=int(raw["days"]), delivery=raw["delivery"],
        prerequisites=(), min_cohort=int(raw["cohort"]["min"]),
        max_cohort=int(raw["cohort"]["max"]),
        cost_per_participant_day=_money(raw["cost"]["per_participant_day"]),
        cost_per_cohort=_money(raw["cost"]["per_cohort"]), kind=raw["kind"], steps=steps,
    )


def _intervention_errors(doc: Mapping[str, Any], codes: set[str]) -> list[str]:
    errors: list[str] = []
    seen: set[str] = set()
    for i, m in enumerate(doc.get("interventions") or ()):
        where = f"interventions[{i}]"
        if m["code"] in codes or m["code"] in seen:
            errors.append(f"{where}.code: {m['code']!r} is already the code of a module or "
                          "an intervention")
        seen.add(m["code"])
        for j, s in enumerate(m["sections"]):
            if SECTION_DOMAIN[s] != m["domain"]:
                errors.append(f"{where}.sections[{j}]: section {s!r} belongs to domain "
                              f"{SECTION_DOMAIN[s]!r}, not {m['domain']!r}")
        if m["cohort"]["min"] > m["cohort"]["max"]:
            errors.append(f"{where}.cohort: min {m['cohort']['min']} is above "
                          f"max {m['cohort']['max']}")
        for key in ("per_participant_day", "per_cohort"):
            exponent = _money(m["cost"][key]).as_tuple().exponent
            if not isinstance(exponent, int) or exponent < -2:
                errors.append(f"{where}.cost.{key}: {m['cost'][key]!r} is not an amount with "
                              "at most two decimals")
    return errors


def _meaning_errors(doc: Mapping[str, Any]) -> list[str]:
    """What the schema cannot check: references, limits, cycles."""
    errors: list[str] = []
    personas, competences = doc["personas"], doc["competences"]
    first_at: dict[str, int] = {}
    for i, m in enumerate(doc["modules"]):
        where = f"modules[{i}]"
        if m["code"] in first_at:
            errors.append(f"{where}.code: {m['code']!r} repeats modules[{first_at[m['code']]}]")
        first_at.setdefault(m["code"], i)
        for j, s in enumerate(m["sections"]):
            if SECTION_DOMAIN[s] != m["domain"]:
                errors.append(f"{where}.sections[{j}]: section {s!r} belongs to domain "
                              f"{SECTION_DOMAIN[s]!r}, not {m['domain']!r}")
        for j, p in enumerate(m["audience"]):
            if p not in personas:
                errors.append(f"{where}.audience[{j}]: unknown persona {p!r} "
                              "(declare it under personas)")
        for j, c in enumerate(m.get("competences", ())):
            if c not in competences:
                errors.append(f"{where}.competences[{j}]: unknown competence {c!r} "
                              "(declare it under competences)")
        if m["cohort"]["min"] > m["cohort"]["max"]:
            errors.append(f"{where}.cohort: min {m['cohort']['min']} is above "
                          f"max {m['cohort']['max']}")
        for key in ("per_participant_day", "per_cohort"):
            exponent = _money(m["cost"][key]).as_tuple().exponent
            if not isinstance(exponent, int):  # "n", "N", "F": NaN or infinity (YAML .inf)
                errors.append(f"{where}.cost.{key}: {m['cost'][key]!r} is not an amount")
            elif exponent < -2:
                errors.append(f"{where}.cost.{key}: at most two decimals")
    for i, m in enumerate(doc["modules"]):
        for j, p in enumerate(m.get("prerequisites", ())):
            if p == m["code"]:
                errors.append(f"modules[{i}].prerequisites[{j}]: a module cannot require itself")
            elif p not in first_at:
                errors.append(f"modules[{i}].prerequisites[{j}]: unknown module {p!r}")
            else:
                other = doc["modules"][first_at[p]]
                if (STEP_INDEX[other["step"]] > STEP_INDEX[m["step"]]
                        and set(other["sections"]) & set(m["sections"])):
                    errors.append(f"modules[{i}].prerequisites[{j}]: {p!r} is a later level "
                                  "step on the same section")
    return errors + _intervention_errors(doc, set(first_at))


def _cycle_errors(catalogue: Catalogue) -> list[str]:
    try:
        catalogue.order  # noqa: B018 — computing the order detects cycles
    except ValueError as exc:
        return [f"modules: prerequisites form a {exc}"]
    return []


def parse_catalogue(document: Any, source: str = "<catalogue>") -> Catalogue:
    """Validate a parsed catalogue document and build the :class:`Catalogue`."""
    errors = schema_errors(document, CATALOGUE_SCHEMA)
    if errors:
        raise CatalogueError(source, errors)
    errors = _meaning_errors(document)
    if errors:
        raise CatalogueError(source, errors)
    catalogue = Catalogue(
        key=document["catalogue"], version=document["version"], language=document["language"],
        title=document["title"].strip(), currency=document["currency"],
        personas=dict(document["personas"]), competences=dict(document["competences"]),
        modules=tuple(_module(m) for m in document["modules"]),
        interventions=tuple(_intervention(m) for m in document.get("interventions") or ()),
    )
    errors = _cycle_errors(catalogue)
    if errors:
        raise CatalogueError(source, errors)
    return catalogue


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def catalogue_document(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue as a plain document (what a file holds and the database stores).

    ``parse_catalogue(catalogue_document(c))`` gives back an equal catalogue, so the app
    can edit a module, re-validate the whole document and store it as a new version.
    """
    document: dict[str, Any] = {
        "catalogue": catalogue.key, "version": catalogue.version,
        "language": catalogue.language, "title": catalogue.title,
        "currency": catalogue.currency, "personas": dict(catalogue.personas),
        "competences": dict(catalogue.competences),
        "modules": [{
            "code": m.code, "title": m.title, "summary": m.summary, "domain": m.domain,
            "sections": list(m.sections), "step": m.step, "objectives": list(m.objectives),
            "audience": list(m.audience), "competences": list(m.competences),
            "days": m.days, "delivery": m.delivery, "prerequisites": list(m.prerequisites),
            "cohort": {"min": m.min_cohort, "max": m.max_cohort},
            "cost": {"per_participant_day": _number(m.cost_per_participant_day),
                     "per_cohort": _number(m.cost_per_cohort)},
            "follow_up": m.follow_up,
        } for m in catalogue.modules],
    }
    if catalogue.interventions:
        document["interventions"] = [{
            "code": m.code, "kind": m.kind, "title": m.title, "summary": m.summary,
            "domain": m.domain, "sections": list(m.sections), "steps": list(m.steps),
            "days": m.days, "delivery": m.delivery,
            "cohort": {"min": m.min_cohort, "max": m.max_cohort},
            "cost": {"per_participant_day": _number(m.cost_per_participant_day),
                     "per_cohort": _number(m.cost_per_cohort)},
        } for m in catalogue.interventions]
    return document


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except OSError as exc:
        raise CatalogueError(str(path), [f"cannot read the file: {exc.strerror}"]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CatalogueError(str(path), [f"{where}not valid YAML ({problem})"]) from None


def load_catalogue(path: str | Path | None = None, language: str | None = None) -> Catalogue:
    """Load and validate a catalogue file (the shipped default when ``path`` is None).

    With ``language``, the matching file in ``translations/`` next to the catalogue
    (``<stem>.<language>.yaml``) is applied on top.
    """
    path = Path(path) if path is not None else DEFAULT_CATALOGUE
    catalogue = parse_catalogue(_read_yaml(path), source=path.name)
    if language and language != catalogue.language:
        layer = path.parent / "translations" / f"{path.stem}.{language}.yaml"
        catalogue = translate_catalogue(catalogue, load_translation(layer))
    return catalogue


# ── translations ───────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class CatalogueTranslation:
    key: str
    version: str
    language: str
    personas: Mapping[str, str] = field(default_factory=dict)
    # module code → field → text (or tuple of texts for objectives)
    modules: Mapping[str, Mapping[str, str | tuple[str, ...]]] = field(default_factory=dict)
    title: str = ""  # the catalogue's name in the language; empty: the source's


def parse_translation(document: Any, source: str = "<translation>") -> CatalogueTranslation:
    errors = schema_errors(document, TRANSLATION_SCHEMA)
    if errors:
        raise CatalogueError(source, errors)
    modules = {
        code: {k: (tuple(v) if isinstance(v, list) else " ".join(str(v).split()))
               for k, v in fields.items()}
        for code, fields in document["modules"].items()
    }
    return CatalogueTranslation(
        key=document["catalogue"], version=document["version"], language=document["language"],
        personas=dict(document.get("personas") or {}), modules=modules,
        title=" ".join(str(document.get("title") or "").split()),
    )


def load_translation(path: str | Path) -> CatalogueTranslation:
    path = Path(path)
    return parse_translation(_read_yaml(path), source=path.name)


def translation_errors(catalogue: Catalogue, layer: CatalogueTranslation) -> list[str]:
    """Mismatches between a translation layer and the catalogue it claims to translate."""
    errors: list[str] = []
    if (layer.key, layer.version) != (catalogue.key, catalogue.version):
        errors.append(f"catalogue: translates {layer.key} {layer.version}, not "
                      f"{catalogue.key} {catalogue.version}")
    for persona in layer.personas:
        if persona not in catalogue.personas:
            errors.append(f"personas.{persona}: not a persona of the catalogue")
    for code, fields in layer.modules.items():
        module = catalogue.by_code.get(code)
        if module is None:
            errors.append(f"modules.{code}: not a module of the catalogue")
            continue
        objectives = fields.get("objectives")
        if objectives is not None and len(objectives) != len(module.objectives):
            errors.append(f"modules.{code}.objectives: {len(module.objectives)} objectives "
                          f"expected, found {len(objectives)}")
    return errors


def missing_translations(catalogue: Catalogue, layer: CatalogueTranslation) -> list[str]:
    """``code.field`` for every translatable field the layer leaves to the source text."""
    missing = []
    for m in catalogue.modules + catalogue.interventions:
        fields = layer.modules.get(m.code, {})
        for name in ("title", "summary", "objectives", "follow_up"):
            if name not in fields and (name != "follow_up" or m.follow_up) and (
                    name != "objectives" or m.objectives):
                missing.append(f"{m.code}.{name}")
    missing += [f"personas.{p}" for p in catalogue.personas if p not in layer.personas]
    return missing


def translate_catalogue(catalogue: Catalogue, layer: CatalogueTranslation) -> Catalogue:
    """The catalogue with the layer's texts; fields the layer lacks keep the source text."""
    errors = translation_errors(catalogue, layer)
    if errors:
        raise CatalogueError(f"translation {layer.language}", errors)
    typeset = _typeset(layer.language)

    def translated(m: Module) -> Module:
        fields = layer.modules.get(m.code, {})
        return replace(
            m,
            title=typeset(str(fields.get("title", m.title))),
            summary=typeset(str(fields.get("summary", m.summary))),
            objectives=tuple(typeset(str(o)) for o in fields.get("objectives", m.objectives)),
            follow_up=typeset(str(fields.get("follow_up", m.follow_up))),
        )
    personas = {k: typeset(layer.personas.get(k, v)) for k, v in catalogue.personas.items()}
    return replace(catalogue, modules=tuple(translated(m) for m in catalogue.modules),
                   interventions=tuple(translated(m) for m in catalogue.interventions),
                   personas=personas, translated_to=layer.language,
                   title=typeset(layer.title or catalogue.title))


# Languages whose interface writes the typographic apostrophe (’): a stored layer typed
# with the straight one ("l'agilité") is shown as the interface writes it. Display only:
# the stored layer, and so any checksum, is unchanged.
_TYPOGRAPHIC_APOSTROPHE = frozenset({"fr"})
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")


def _typeset(language: str) -> Callable[[str], str]:
    if language.split("-")[0] in _TYPOGRAPHIC_APOSTROPHE:
        return lambda text: _STRAIGHT_APOSTROPHE.sub("\u2019", text)
    return lambda text: text


def audience_names(catalogue: Catalogue, personas: Iterable[str]) -> list[str]:
    """The personas' names for a list: "Chefs de projet, concepteurs de services…". The
    catalogue names each as a heading (capitalised); after the first the capital goes,
    unless the name opens with an acronym ("CIOs and CTOs")."""
    names = [catalogue.personas.get(p, p) for p in personas]
    return [name if i == 0 or not name[:1].isupper() or name[1:2].isupper()
            else name[:1].lower() + name[1:] for i, name in enumerate(names)]


__all__ = [
    "DEFAULT_CATALOGUE", "FOLLOW_ON_KINDS", "audience_names", "INTERVENTION_KINDS", "STEPS", "STEP_LEVELS", "Catalogue", "CatalogueError",
    "catalogue_document",
    "CatalogueTranslation", "Module", "load_catalogue", "load_translation",
    "missing_translations", "parse_catalogue", "parse_translation", "translate_catalogue",
    "translation_errors",
]
