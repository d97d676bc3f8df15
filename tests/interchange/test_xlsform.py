"""The XLSForm: converts cleanly with pyxform in every language set, and says what it must."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import trans_real
from openpyxl import load_workbook

from govcap.instruments.document import load_translation_file, localise
from govcap.interchange.formspec import build_form
from govcap.interchange.formtexts import EN, Contextual
from govcap.interchange.xlsform import xlsform_bytes
from tests.interchange.conftest import _FRENCH, _SOURCE, DATA, LOCALISED
from tests.interchange.xform import XF, to_xform

LANGUAGE_SETS = [["en"], ["fr"], ["en", "fr"], ["fr", "en"]]


def sheets(data: bytes) -> dict[str, list[list]]:
    wb = load_workbook(io.BytesIO(data))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}


@pytest.mark.parametrize("languages", LANGUAGE_SETS, ids="+".join)
def test_the_xlsform_converts_without_errors_or_warnings(languages):
    xform = to_xform(xlsform_bytes(build_form(LOCALISED, languages)))
    assert xform.warnings == []
    translations = [t.attrib["lang"] for t in xform.root.iter(f"{XF}translation")]
    expected = {"en": "English (en)", "fr": "French (fr)"}
    assert translations == [expected[lang] for lang in languages]


@pytest.mark.parametrize("languages", LANGUAGE_SETS, ids="+".join)
def test_settings_carry_form_id_version_and_default_language(languages):
    settings = sheets(xlsform_bytes(build_form(LOCALISED, languages)))["settings"]
    row = dict(zip(settings[0], settings[1], strict=True))
    assert row["form_id"] == "govstack-rsa"
    assert row["version"] == "1.0"
    assert row["default_language"] == {"en": "English (en)", "fr": "French (fr)"}[languages[0]]
    xform = to_xform(xlsform_bytes(build_form(LOCALISED, languages)))
    data = xform.data()
    assert (data.attrib["id"], data.attrib["version"]) == ("govstack-rsa", "1.0")


def test_every_language_has_a_label_column_filled_on_every_labelled_row():
    survey = sheets(xlsform_bytes(build_form(LOCALISED, ["en", "fr"])))["survey"]
    header = survey[0]
    assert "label::English (en)" in header and "label::French (fr)" in header
    en, fr = header.index("label::English (en)"), header.index("label::French (fr)")
    for row in survey[1:]:
        assert bool(row[en]) == bool(row[fr]), row[:2]


def test_consent_is_the_required_first_question_and_gates_the_rest():
    xform = to_xform(xlsform_bytes(build_form(LOCALISED, ["en"])))
    assert xform.leaves()[0] == ("consent",)
    binds = xform.binds()
    assert binds["/data/consent"]["required"] == "true()"
    assert "/data/consent" in binds["/data/session"]["relevant"]
    assert "/data/consent" in binds["/data/s8"]["relevant"]


def test_one_group_per_section_with_benchmark_notes_and_the_capture_questions():
    xform = to_xform(xlsform_bytes(build_form(LOCALISED, ["en"])))
    groups = [p[0] for p in xform.leaves() if len(p) == 2 and p[0] not in ("session", "meta")]
    assert list(dict.fromkeys(groups)) == [f"s{n}" for n in range(1, 9)]
    s4 = [p[1] for p in xform.leaves() if p[0] == "s4"]
    assert s4 == ["s4_high", "s4_moderate", "s4_basic", "s4_questions", "s4_level",
                  "s4_na_reason", "s4_confidence", "s4_notes", "s4_evidence", "s4_dissent",
                  "s4_quotes", "s4_quote_codes"]
    assert {("s4", "s4_high"), ("s4", "s4_basic")} <= xform.note_paths()
    binds = xform.binds()
    assert binds["/data/s4/s4_level"]["type"] == "string"  # select_one
    assert binds["/data/s4/s4_level"]["required"] == "true()"
    assert binds["/data/session/session_date"]["type"] == "date"
    assert binds["/data/session/participants"]["type"] == "int"


def test_benchmark_notes_quote_the_instrument_with_its_items():
    survey = sheets(xlsform_bytes(build_form(LOCALISED, ["en", "fr"])))["survey"]
    by_name = {r[1]: r for r in survey[1:]}
    header = survey[0]
    note = by_name["s4_high"][header.index("label::English (en)")]
    assert "There is a common team approach to change" in note
    assert "secure buy-in and align individual behavior" in note  # an item of the statement
    french = by_name["s1_level"][header.index("label::French (fr)")]
    assert french == "1.1 Niveau convenu"


def test_question_labels_are_unique_so_label_headers_can_be_read_back():
    spec = build_form(LOCALISED, ["en", "fr"])
    for lang in ("en", "fr"):
        labels = [f.labels[lang] for f in spec.fields() if f.labels and f.type != "note"]
        assert len(labels) == len(set(labels)), lang


def test_cells_starting_with_a_formula_character_are_neutralised():
    spec = build_form(LOCALISED, ["en"])
    evil = replace(spec, title="=HYPERLINK(\"http://x\")")
    settings = sheets(xlsform_bytes(evil))["settings"]
    assert settings[1][0] == "'=HYPERLINK(\"http://x\")"


def test_the_command_writes_the_xlsform(db, tmp_path):
    out = tmp_path / "govstack.xlsx"
    call_command("xlsform", "export", "--languages", "fr,en", "--out", str(out))
    xform = to_xform(out)
    assert xform.warnings == []
    assert xform.data().attrib["version"] == "1.0"
    assert sheets(out.read_bytes())["settings"][1][3] == "French (fr)"


@pytest.mark.parametrize("args, message", [
    (["--languages", "de"], "has no de translation"),
    (["--version", "9.9"], "No instrument 'govstack-rsa' version '9.9'"),
])
def test_the_command_refuses_unknown_languages_and_versions(db, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("xlsform", "export", *args, "--out", str(tmp_path / "f.xlsx"))


def test_the_command_wants_an_xlsx_in_an_existing_folder(db, tmp_path):
    with pytest.raises(CommandError, match="an XLSForm is an .xlsx file"):
        call_command("xlsform", "export", "--out", str(tmp_path / "f.csv"))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("xlsform", "export", "--out", str(tmp_path / "missing" / "f.xlsx"))


def test_the_warning_check_has_teeth():
    """A language without a valid IANA code makes pyxform warn: the checks above would fail."""
    xform = to_xform(xlsform_bytes(build_form({**LOCALISED, "qq": LOCALISED["en"]},
                                              ["en", "qq"])))
    assert any("valid machine-readable codes" in w for w in xform.warnings)


_ARABIC = localise(_SOURCE, load_translation_file(
    DATA / "translations" / "govstack-rsa-1.0.ar.yaml", _SOURCE))
_SWAHILI = localise(_SOURCE, load_translation_file(
    DATA / "translations" / "govstack-rsa-1.0.sw.yaml", _SOURCE))
ALL_LANGUAGES = {**LOCALISED, "ar": _ARABIC, "sw": _SWAHILI}
TRANSLATED = ["fr", "ar", "sw"]
_CODE_OR_NUMBER = re.compile(r"^[\W\d_]*$")  # no letter: numbers, codes like "1.", "-"
# Words spelt the same in English and the language (after a question's number "1.4 ").
_SAME_WORD = {"fr": {"Notes"}, "ar": set(), "sw": set()}


def _translated_columns(rows: list[list], language: str) -> list[tuple[int, int]]:
    """(English column, the language's column) pairs of a sheet's translatable columns."""
    header = rows[0]
    pairs = []
    for i, name in enumerate(header):
        base, _, column = str(name).partition("::")
        if column.endswith(f"({language})"):
            pairs.append((header.index(f"{base}::English (en)"), i))
    return pairs


@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translated_form_has_no_english_left_in_its_language_columns(language):
    """Every label, hint, choice label and constraint message exists in the language and
    differs from the English, except codes and numbers."""
    form = sheets(xlsform_bytes(build_form(ALL_LANGUAGES, ["en", language])))
    for sheet in ("survey", "choices"):
        rows = form[sheet]
        pairs = _translated_columns(rows, language)
        kinds = {str(rows[0][i]).partition("::")[0] for _, i in pairs}
        assert kinds == ({"label", "hint", "constraint_message"} if sheet == "survey"
                         else {"label"})
        for row in rows[1:]:
            for en, other in pairs:
                if not row[en]:
                    continue
                assert row[other], (sheet, row[:2], rows[0][other])
                if row[other] == row[en]:
                    word = re.sub(r"^[\d.]+ ", "", row[en])
                    assert _CODE_OR_NUMBER.match(row[en]) or word in _SAME_WORD[language], (
                        sheet, row[:2], row[en])


def test_the_arabic_form_converts_and_says_yes_no_and_confidence_in_arabic():
    spec = build_form(ALL_LANGUAGES, ["ar", "en"])
    xform = to_xform(xlsform_bytes(spec))
    assert xform.warnings == []
    assert [c.labels["ar"] for c in spec.choices["yes_no"]] == ["نعم", "لا"]
    assert [c.labels["ar"] for c in spec.choices["confidence"]] == [
        "منخفضة", "متوسطة", "مرتفعة"]
    messages = [f.constraint_messages["ar"] for f in spec.fields() if f.constraint_messages]
    assert messages and not any(re.search("[A-Za-z]{3,}", m) for m in messages)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_form_word_is_translated(language):
    catalog = trans_real.translation(language)._catalog  # what gettext will find
    def found(message):
        if isinstance(message, Contextual):
            return f"{message.context}\x04{message.message}" in catalog
        return message in catalog
    assert [key for key, message in EN.items() if not found(message)] == []


def test_the_form_keeps_its_french_wording_where_the_pages_say_it_otherwise():
    spec = build_form(LOCALISED, ["fr"])
    fields = {f.name: f for f in spec.fields()}
    assert spec.groups()[0].labels["fr"] == "Séance"
    assert fields["facilitator"].labels["fr"] == "Facilitateur ou facilitatrice"  # the glossary


@pytest.mark.parametrize("language", ["fr", "ar", "sw"])
def test_the_form_says_a_confidence_as_the_pages_do(language):
    # the form said "Moyen / Élevé" (its own messages) where the app says "Moyenne / Élevée"
    from django.utils import translation

    from govcap.labels import confidence_choices

    spec = build_form(ALL_LANGUAGES, ["en", language])
    fields = {f.name: f for f in spec.fields()}
    with translation.override(language):
        pages = [label for _key, label in confidence_choices()]
        question = translation.gettext("Confidence in this level")
    assert [c.labels[language] for c in spec.choices["confidence"]] == pages
    assert fields["s1_confidence"].labels[language].endswith(" " + question)
    if language == "fr":
        assert pages == ["Faible", "Moyenne", "Élevée"]


def test_a_language_without_a_catalogue_says_the_form_words_in_english():
    spec = build_form({**LOCALISED, "om": _FRENCH}, ["en", "om"])
    consent = next(spec.fields())
    assert consent.labels["om"] == consent.labels["en"] == (
        "Did every participant give informed consent to take part in this discussion?")
    assert [c.labels["om"] for c in spec.choices["yes_no"]] == ["Yes", "No"]


def test_every_language_column_carries_the_constraint_messages_odk_and_kobo_show():
    languages = ["en", *TRANSLATED]
    spec = build_form(ALL_LANGUAGES, languages)
    xform = to_xform(xlsform_bytes(spec))
    assert xform.warnings == []
    itext = {t.attrib["lang"]: {x.attrib["id"]: "".join(v.text or "" for v in x)
                                for x in t.iter(f"{XF}text")}
             for t in xform.root.iter(f"{XF}translation")}
    assert list(itext) == ["English (en)", "French (fr)", "Arabic (ar)", "Swahili (sw)"]
    constrained = [f for f in spec.fields() if f.constraint]
    assert [f.name for f in constrained] == ["participants", *(f"s{n}_quote_codes"
                                                              for n in range(1, 9))]
    binds = xform.binds()
    for f in constrained:
        path = f"/data/{f.group}/{f.name}"
        message_id = f"{path}:jr:constraintMsg"
        assert binds[path]["{http://openrosa.org/javarosa}constraintMsg"] == (
            f"jr:itext('{message_id}')")
        messages = [itext[column][message_id] for column in itext]
        assert messages == [f.constraint_messages[lang] for lang in languages]
        assert len(set(messages)) == len(languages), messages  # none left in English
