"""Qualitative coding over plain text — pure functions.

- the default codebook (names and definitions in English and French, keywords in both);
- finding a pasted span in a note or quote, and keyword matches (whole words, any case,
  accents kept) widened to their sentence, for suggestions an analyst then accepts or rejects;
- pieces of a text with its coded spans marked, and search snippets;
- theme tables: code frequency by any dimension, and how codes co-occur with levels.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from govcap.scale import Level


@dataclass(frozen=True)
class DefaultCode:
    name: dict[str, str]  # language → name
    definition: dict[str, str]
    keywords: tuple[str, ...]
    colour: str


DEFAULT_CODEBOOK: tuple[DefaultCode, ...] = (
    DefaultCode({"en": "Leadership support", "fr": "Soutien de la direction"},
                {"en": "Whether senior managers sponsor, champion or block digital work.",
                 "fr": "La direction parraine, porte ou freine le travail numérique."},
                ("leadership", "sponsor", "sponsorship", "senior management", "top management",
                 "from the top", "hiérarchie", "ministre"),
                "#1F4E89"),
    DefaultCode({"en": "Funding", "fr": "Financement"},
                {"en": "Budgets, cuts, cost and the money available for ICT and training.",
                 "fr": "Budgets, coupes, coûts et moyens disponibles pour le numérique."},
                ("budget", "budgets", "funding", "funds", "financement", "financière", "cost"),
                "#8A6D00"),
    DefaultCode({"en": "Skills shortage", "fr": "Manque de compétences"},
                {"en": "Missing skills, training never received, reliance on a few people.",
                 "fr": "Compétences absentes, formations jamais suivies, dépendance à "
                       "quelques personnes."},
                ("skills", "training", "formation", "compétences", "experienced people",
                 "personnes expérimentées"), "#D55E00"),
    DefaultCode({"en": "Staff turnover", "fr": "Rotation du personnel"},
                {"en": "People leaving, moving posts, knowledge walking out of the door.",
                 "fr": "Départs, mutations, savoir qui s'en va avec les personnes."},
                ("left", "turnover", "departure", "départ", "mutation", "resigned"), "#9A4200"),
    DefaultCode({"en": "Legal and policy framework", "fr": "Cadre juridique et politique"},
                {"en": "Laws, regulations, policies and strategies that enable or constrain.",
                 "fr": "Lois, règlements, politiques et stratégies qui permettent ou "
                       "contraignent."},
                ("policy", "regulation", "regulations", "law", "legal", "framework", "directive",
                 "loi", "décret", "cadre juridique", "politique"), "#1B6E3A"),
    DefaultCode({"en": "Infrastructure", "fr": "Infrastructures"},
                {"en": "Networks, data centres, connectivity, hardware and hosting.",
                 "fr": "Réseaux, centres de données, connectivité, matériel, hébergement."},
                ("data-centre", "data centre", "network", "connectivity", "hosting", "servers",
                 "réseau", "hébergement", "centre de données"), "#4D4D4D"),
    DefaultCode({"en": "Coordination across agencies", "fr": "Coordination entre administrations"},
                {"en": "Working with other ministries and agencies, or failing to.",
                 "fr": "Le travail avec les autres ministères et administrations, ou son "
                       "absence."},
                ("other agencies", "partner agencies", "ministries", "joint",
                 "autres administrations", "conjoints", "inter-agency"), "#5B3A8C"),
    DefaultCode({"en": "Vendor dependency", "fr": "Dépendance aux fournisseurs"},
                {"en": "Vendors or contractors holding the plan, the knowledge or the system.",
                 "fr": "Fournisseurs ou prestataires qui détiennent le plan, le savoir ou le "
                       "système."},
                ("vendor", "vendor's", "contractor", "supplier", "fournisseur", "prestataire"),
                "#B2182B"),
    DefaultCode({"en": "Data sharing", "fr": "Partage de données"},
                {"en": "Exchanging data between systems and bodies: APIs, spreadsheets, "
                       "interoperability.",
                 "fr": "Échange de données entre systèmes et organismes : API, tableurs, "
                       "interopérabilité."},
                ("data exchange", "exchanged", "interoperability", "APIs", "API", "data flows",
                 "interopérabilité", "partage de données", "échange de données",
                 "spreadsheets"), "#0072B2"),
    DefaultCode({"en": "Procurement", "fr": "Marchés publics"},
                {"en": "Buying systems and services: tenders, rules, delays.",
                 "fr": "Achat de systèmes et de services : appels d'offres, règles, délais."},
                ("procurement", "procured", "tender", "purchase", "achat", "marché",
                 "appel d'offres"), "#8C510A"),
    DefaultCode({"en": "Change resistance", "fr": "Résistance au changement"},
                {"en": "Reluctance to change, and how it is (not) handled.",
                 "fr": "Réticences au changement, et la façon dont elles sont (ou non) "
                       "traitées."},
                ("resistance", "résistance", "reluctance", "memo", "circular", "instruction"),
                "#C51B7D"),
    DefaultCode({"en": "Donor dependency", "fr": "Dépendance aux bailleurs"},
                {"en": "Work that happens only with a development partner's money or people.",
                 "fr": "Travail qui n'a lieu qu'avec l'argent ou les personnes d'un "
                       "partenaire technique et financier."},
                ("donor", "development partner", "partner support", "bailleur", "bailleurs",
                 "partenaire technique"), "#35978F"),
)


def default_codes(language: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    """(name, definition, keywords, colour) of the default codebook in a language (French
    for French engagements, English otherwise)."""
    lang = "fr" if (language or "").lower().startswith("fr") else "en"
    return [(c.name[lang], c.definition[lang], c.keywords, c.colour) for c in DEFAULT_CODEBOOK]


# --- spans ------------------------------------------------------------------------------


def _flexible(snippet: str) -> re.Pattern[str]:
    words = snippet.split()
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def locate_span(text: str, snippet: str, start: int | None = None,
                end: int | None = None) -> tuple[int, int]:
    """Offsets of `snippet` in `text`.

    Offsets sent by the page's helper are used when they hold the snippet; otherwise the
    snippet is searched (first occurrence, then with any run of white space matching any
    other, as a copy from a browser may change line breaks). ValueError when absent.
    """
    if not snippet.strip():
        raise ValueError("the span is empty")
    if start is not None and end is not None and 0 <= start < end <= len(text):
        if text[start:end] == snippet or " ".join(text[start:end].split()) == " ".join(
                snippet.split()):
            return start, end
    stripped = snippet.strip()
    index = text.find(stripped)
    if index >= 0:
        return index, index + len(stripped)
    match = _flexible(stripped).search(text)
    if match:
        return match.start(), match.end()
    raise ValueError("the span is not in this text")


def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """Whole-word, case-insensitive match of a word or phrase (spaces match any white space)."""
    words = keyword.split()
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


SENTENCE_END = re.compile(r"[.!?;\n]+\s*")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or clause ended by ; or a line break) that contains text[start:end]."""
    left = 0
    for m in SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    after = SENTENCE_END.search(text, end)
    if after is None:
        right = len(text)
    else:
        right = after.start() + (1 if text[after.start()] in ".!?" else 0)
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def keyword_spans(text: str, keywords: Iterable[str]) -> list[tuple[int, int, str]]:
    """Sentences of `text` holding any of the keywords: (start, end, first keyword found)."""
    found: dict[tuple[int, int], str] = {}
    for keyword in keywords:
        if not keyword.strip():
            continue
        for m in keyword_pattern(keyword).finditer(text):
            span = sentence_around(text, m.start(), m.end())
            if span[1] > span[0]:
                found.setdefault(span, keyword)
    return [(s, e, k) for (s, e), k in sorted(found.items())]


@dataclass(frozen=True)
class Piece:
    text: str
    codes: tuple[str, ...] = ()  # names of the codes covering this piece


def pieces(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Piece]:
    """The text cut at every span boundary, each piece with the codes covering it."""
    spans = [(max(0, s), min(len(text), e), c) for s, e, c in spans if e > s]
    cuts = sorted({0, len(text), *[s for s, _e, _c in spans], *[e for _s, e, _c in spans]})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        codes = tuple(dict.fromkeys(c for s, e, c in spans if s <= a and b <= e))
        out.append(Piece(text[a:b], codes))
    return out


def snippet(text: str, query: str, width: int = 90) -> list[Piece]:
    """Around the first match of `query` (any case): before, match (codes=("match",)), after."""
    index = text.lower().find(query.lower()) if query else -1
    if index < 0:
        return [Piece(text[: 2 * width] + ("…" if len(text) > 2 * width else ""))]
    a, b = max(0, index - width), min(len(text), index + len(query) + width)
    return [Piece(("…" if a else "") + text[a:index]),
            Piece(text[index:index + len(query)], ("match",)),
            Piece(text[index + len(query):b] + ("…" if b < len(text) else ""))]


# --- theme tables ---------------------------------------------------------------------


@dataclass(frozen=True)
class CodedUnit:
    """One coded segment reduced to what theme tables need."""

    code: str
    section: str
    organisation: Hashable
    country: Hashable
    unit: Hashable  # (session, section): the rated unit the segment belongs to
    level: Level | None  # the consensus level of that unit


def frequency(segments: Iterable[CodedUnit], by: str) -> dict[str, Counter[Hashable]]:
    """code → Counter of `by` ("section", "organisation", "country"): segments counted."""
    out: dict[str, Counter[Hashable]] = defaultdict(Counter)
    for s in segments:
        out[s.code][getattr(s, by)] += 1
    return dict(out)


@dataclass(frozen=True)
class LevelLink:
    code: str
    units: int  # distinct rated units the code appears in
    basic: int
    moderate: int
    high: int
    not_assessed: int
    share_basic: float | None  # among units with a level
    lift: float | None  # share_basic ÷ the share of Basic among all rated units


def basic_share(units: Mapping[Level | None, int]) -> float | None:
    """Share of Basic among rated units, from counts per level (None: not assessed)."""
    rated = sum(n for level, n in units.items() if level is not None)
    return units.get(Level.BASIC, 0) / rated if rated else None


def level_links(segments: Sequence[CodedUnit],
                units_by_level: Mapping[Level | None, int]) -> list[LevelLink]:
    """Which themes go with low levels: for each code, the levels of the distinct units it
    was applied in, and how much more often they are Basic than all rated units in scope
    (`units_by_level`, counts per level): lift > 1 means more often.
    Ordered by lift, then by number of units (codes with no rated unit last)."""
    base = basic_share(units_by_level)
    units: dict[str, dict[Hashable, Level | None]] = defaultdict(dict)
    for s in segments:
        units[s.code][s.unit] = s.level
    out = []
    for code, levels in units.items():
        values = list(levels.values())
        b = values.count(Level.BASIC)
        m = values.count(Level.MODERATE)
        h = values.count(Level.HIGH)
        known = b + m + h
        share = b / known if known else None
        lift = share / base if share is not None and base else None
        out.append(LevelLink(code, len(values), b, m, h, values.count(None), share, lift))
    return sorted(out, key=lambda x: (x.lift is None, -(x.lift or 0), -x.units, x.code))
