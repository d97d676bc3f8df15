"""The XLSForm of an instrument version, as plain data.

One description serves both directions: the XLSForm writer lays it out as survey, choices
and settings sheets, and the submissions importer reads it to recognise the columns and
values that KoboToolbox and ODK Central export for that form. Nothing here touches the
database: :func:`build_form` takes the instrument localised in each language.

Field names are unique in the whole form (``s3_level``, not ``level`` inside ``s3``), so a
column is recognised by its last path segment whatever group separator a tool uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from govcap import localise
from govcap.instruments.document import Instrument, Section, Statement
from govcap.interchange import formtexts
from govcap.scale import CONFIDENCE_KEYS, NOT_ASSESSED

# Importer roles of the fields that are not per section.
CONSENT, RECORDING = "consent", "recording"
COUNTRY, ORGANISATION, DATE, PLACE = "country", "organisation", "date", "place"
FACILITATOR, PARTICIPANTS = "facilitator", "participants"
FORM_INSTRUMENT, FORM_VERSION = "form_instrument", "form_version"

LEVEL_CHOICES = ("high", "moderate", "basic", NOT_ASSESSED)

Labels = Mapping[str, str]  # language code → text


@dataclass(frozen=True)
class Choice:
    name: str
    labels: Labels
    former: Labels = field(default_factory=dict)  # earlier forms' labels, still read


@dataclass(frozen=True)
class Field:
    type: str  # the XLSForm type: "text", "select_one level", "note", "calculate"…
    name: str
    labels: Labels = field(default_factory=dict)
    hints: Labels = field(default_factory=dict)
    required: bool = False
    relevant: str = ""
    constraint: str = ""
    constraint_messages: Labels = field(default_factory=dict)
    appearance: str = ""
    calculation: str = ""
    role: str = ""  # what the importer makes of it; "" for notes and tool metadata
    section_key: str = ""  # for per-section fields
    group: str = ""  # the enclosing group's name, "" at the top level
    former: Labels = field(default_factory=dict)  # earlier forms' labels, still read

    @property
    def list_name(self) -> str:
        kind, _, rest = self.type.partition(" ")
        return rest if kind in ("select_one", "select_multiple") else ""


@dataclass(frozen=True)
class Group:
    name: str
    labels: Labels
    fields: tuple[Field, ...]
    relevant: str = ""
    appearance: str = ""


@dataclass(frozen=True)
class FormSpec:
    form_id: str
    version: str
    title: str
    languages: tuple[str, ...]  # the first is the default language
    items: tuple[Field | Group, ...]
    choices: Mapping[str, tuple[Choice, ...]]
    instance_name: str
    section_keys: tuple[str, ...]
    titles: Mapping[str, str] = field(default_factory=dict)  # language → the form's title

    def name(self, language: str | None = None) -> str:
        """The form as messages name it to a reader: its title in `language` (default: the
        active one; else the form's own) between quotation marks, its id in brackets:
        “Skills Assessment…” (govstack-rsa)."""
        code = localise.language_of(language)
        title = next((t for lang, t in self.titles.items()
                      if localise.language_of(lang) == code), self.title)
        if not title:
            return self.form_id
        return f"{localise.quote(title, language)} ({localise.inside_quotes(self.form_id, language)})"

    def fields(self) -> Iterator[Field]:
        """Every field in form order, groups flattened."""
        for item in self.items:
            if isinstance(item, Group):
                yield from item.fields
            else:
                yield item

    def groups(self) -> tuple[Group, ...]:
        return tuple(i for i in self.items if isinstance(i, Group))


def build_form(localised: Mapping[str, Instrument], languages: Sequence[str]) -> FormSpec:
    """The form of an instrument version in ``languages`` (the first is the default).

    ``localised`` maps every language to the instrument localised in it
    (govcap.instruments.services.localised).
    """
    if not languages:
        raise ValueError("a form needs at least one language")
    missing = [lang for lang in languages if lang not in localised]
    if missing:
        raise ValueError(f"no localised instrument for: {', '.join(missing)}")
    first = localised[languages[0]]

    def fixed(key: str) -> dict[str, str]:
        return {lang: formtexts.text(key, lang) for lang in languages}

    consented = "${consent} = 'yes'"
    items: list[Field | Group] = [
        Field("select_one yes_no", "consent", fixed("consent"), fixed("consent.hint"),
              required=True, role=CONSENT),
        Field("select_one yes_no", "recording_consent", fixed("recording"), relevant=consented,
              role=RECORDING),
        Group("session", fixed("session"), relevant=consented, fields=(
            Field("text", "country", fixed("country"), role=COUNTRY, group="session"),
            Field("text", "organisation", fixed("organisation"), fixed("organisation.hint"),
                  required=True, role=ORGANISATION, group="session"),
            Field("date", "session_date", fixed("date"), required=True, role=DATE,
                  group="session"),
            Field("text", "place", fixed("place"), role=PLACE, group="session"),
            Field("text", "facilitator", fixed("facilitator"), fixed("facilitator.hint"),
                  required=True, role=FACILITATOR, group="session"),
            Field("integer", "participants", fixed("participants"), required=True,
                  constraint=". >= 1 and . <= 100",
                  constraint_messages=fixed("participants.constraint"), role=PARTICIPANTS,
                  group="session"),
        )),
    ]
    for section in first.sections:
        items.append(_section_group(section.number, section.key, localised, languages,
                                    consented))
    items += [
        Field("calculate", "govcap_instrument", calculation=f"'{first.key}'",
              role=FORM_INSTRUMENT),
        Field("calculate", "govcap_version", calculation=f"'{first.version}'",
              role=FORM_VERSION),
        Field("start", "start"),
        Field("end", "end"),
    ]
    choices = {
        "yes_no": (Choice("yes", fixed("yes")), Choice("no", fixed("no"))),
        "level": tuple(
            Choice(lv, fixed("not_assessed") if lv == NOT_ASSESSED
                   else {lang: str(localised[lang].level_names[lv]) for lang in languages})
            for lv in LEVEL_CHOICES
        ),
        "confidence": tuple(Choice(c, fixed(c), _former(c, languages))
                            for c in CONFIDENCE_KEYS),
    }
    return FormSpec(
        form_id=first.key,
        version=first.version,
        title=str(first.title),
        languages=tuple(languages),
        items=tuple(items),
        choices=choices,
        instance_name="concat(${organisation}, ' ', ${session_date})",
        section_keys=tuple(s.key for s in first.sections),
        titles={lang: str(localised[lang].title) for lang in languages},
    )


def _former(key: str, languages: Sequence[str]) -> dict[str, str]:
    return {lang: said for lang in languages if (said := formtexts.former(key, lang))}


def _section_group(number: int, key: str, localised: Mapping[str, Instrument],
                   languages: Sequence[str], consented: str) -> Group:
    p = f"s{number}"

    def sec(lang: str) -> Section:
        found = localised[lang].section(key)
        assert found is not None, key
        return found

    def numbered(i: int, text_key: str) -> dict[str, str]:
        return {lang: f"{number}.{i} {formtexts.text(text_key, lang)}" for lang in languages}

    def fixed(text_key: str) -> dict[str, str]:
        return {lang: formtexts.text(text_key, lang) for lang in languages}

    def benchmark_note(level: str) -> Field:
        labels = {lang: _benchmarks(str(localised[lang].columns[level]), sec(lang).statements(level))
                  for lang in languages}
        return Field("note", f"{p}_{level}", labels, group=p)

    questions = {lang: _bullets(str(localised[lang].columns["questions"]),
                                [str(q.text) for q in sec(lang).questions])
                 for lang in languages}
    not_assessed = f"${{{p}_level}} = '{NOT_ASSESSED}'"
    fields = (
        benchmark_note("high"),
        benchmark_note("moderate"),
        benchmark_note("basic"),
        Field("note", f"{p}_questions", questions, group=p),
        Field("select_one level", f"{p}_level", numbered(1, "level"), fixed("level.hint"),
              required=True, role="level", section_key=key, group=p),
        Field("text", f"{p}_na_reason", numbered(2, "na_reason"), required=True,
              relevant=not_assessed, appearance="multiline", role="not_assessed_reason",
              section_key=key, group=p),
        Field("select_one confidence", f"{p}_confidence", numbered(3, "confidence"),
              relevant=f"${{{p}_level}} != '{NOT_ASSESSED}'", role="confidence",
              section_key=key, group=p,
              former={lang: f"{number}.3 {text}"
                      for lang, text in _former("confidence", languages).items()}),
        Field("text", f"{p}_notes", numbered(4, "notes"),
              {lang: str(sec(lang).notes_prompt) for lang in languages},
              appearance="multiline", role="notes", section_key=key, group=p),
        Field("text", f"{p}_evidence", numbered(5, "evidence"), appearance="multiline",
              role="evidence", section_key=key, group=p),
        Field("text", f"{p}_dissent", numbered(6, "dissent"), appearance="multiline",
              role="dissent", section_key=key, group=p),
        Field("text", f"{p}_quotes", numbered(7, "quotes"), fixed("quotes.hint"),
              appearance="multiline", role="quotes", section_key=key, group=p),
        Field("text", f"{p}_quote_codes", numbered(8, "quote_codes"), fixed("quote_codes.hint"),
              relevant=f"string-length(${{{p}_quotes}}) > 0",
              constraint="regex(., '^[Pp0-9 ,;-]*$')",
              constraint_messages=fixed("quote_codes.constraint"), role="quote_codes",
              section_key=key, group=p),
    )
    labels = {lang: f"{number}. {sec(lang).title}" for lang in languages}
    return Group(p, labels, fields, relevant=consented, appearance="field-list")


def _benchmarks(heading: str, statements: Sequence[Statement]) -> str:
    lines = [f"**{heading}**"]
    for st in statements:
        lines.append(f"• {st.text}")
        lines += [f"    ◦ {item.text}" for item in st.items]
    return "\n".join(lines)


def _bullets(heading: str, items: Sequence[str]) -> str:
    return "\n".join([f"**{heading}**", *(f"• {i}" for i in items)])
