"""What a native reader noticed (issue 15), in the helpers every page and document uses:
Latin items listed in Arabic read in reverse order ("P2، P1"), a quote typed with its own
marks was quoted twice (« « … » »), French names sorted by code point put "l'Intérieur"
before "l'Économie", and a note starting with a participant code ("P2: لم…") was laid out
left to right."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

from govcap import localise
from govcap.direction import input_direction, text_direction

FSI, PDI, NBSP = "\u2068", "\u2069", "\u00a0"


def shown_order(text: str) -> list[str]:
    """The isolated items of a plain-text Arabic list, in reading order: each isolate holds
    one item, so the bidi algorithm lays the items out right to left, first to last."""
    return [piece.split(PDI)[0] for piece in text.split(FSI)[1:]]


def test_latin_items_listed_in_arabic_are_each_isolated_so_they_read_in_order():
    said = localise.join(["demo-facilitator-dj-1", "demo-facilitator-dj-2"], "ar")
    assert said == f"{FSI}demo-facilitator-dj-1{PDI}، {FSI}demo-facilitator-dj-2{PDI}"
    assert shown_order(localise.join(["P1", "P2"], "ar")) == ["P1", "P2"]
    # Arabic items need nothing; other languages are unchanged
    assert localise.join(["أ", "ب"], "ar") == "أ، ب"
    assert localise.join(["P1", "P2"], "fr") == "P1, P2"


def test_a_template_list_in_arabic_puts_each_latin_item_in_its_own_bdi():
    template = Template('{% load govcap %}{{ items|listed }}|{% join_items "P1" "P2" %}')
    with translation.override("ar"):
        said = template.render(Context({"items": ["foo", "bar", "أ"]}))
    assert said == "<bdi>foo</bdi>، <bdi>bar</bdi>، أ|<bdi>P1</bdi>، <bdi>P2</bdi>"
    with translation.override("en"):
        assert template.render(Context({"items": ["a<b", "c"]})) == "a&lt;b, c|P1, P2"


def test_a_quote_typed_with_its_marks_is_quoted_once():
    assert localise.quote("« On travaille encore en silos… »", "fr") == (
        f"«{NBSP}On travaille encore en silos…{NBSP}»"
    )
    assert localise.quote("«ما زلنا نعمل»", "ar") == "«ما زلنا نعمل»"
    assert localise.quote("“Agility is theirs.”", "en") == "“Agility is theirs.”"
    for typed in ('"a"', "‘a’", "„a“", "‹ a ›", "»a«"):
        assert localise.unquoted(typed) == "a", typed
    # marks around part of the text only are the text's own
    assert localise.unquoted("« a » et « b »") == "« a » et « b »"
    assert localise.unquoted("Il a dit « non »") == "Il a dit « non »"


def test_names_are_sorted_without_regard_to_accents_or_case():
    names = [
        "Ministère de l'Intérieur",
        "Ministère de la Santé",
        "Ministère de l'Économie et des Finances",
        "ministère de l’Éducation",
        "Agence Nationale",
    ]
    assert localise.sorted_names(names) == [
        "Agence Nationale",
        "Ministère de l'Économie et des Finances",
        "ministère de l’Éducation",
        "Ministère de l'Intérieur",
        "Ministère de la Santé",
    ]
    assert sorted(names) != localise.sorted_names(names)  # code points put É after I


def test_a_note_is_laid_out_in_the_direction_of_its_first_word_after_participant_codes():
    assert text_direction("P2: لم تُشرك الجهة.", "fr") == "rtl"
    assert text_direction("P1, P4 — لم يوافقوا", "fr") == "rtl"
    assert text_direction("P2 a dit que non.", "ar") == "ltr"
    assert text_direction("Audio autorisé, pour la prise de notes.", "ar") == "ltr"
    # no word but codes, or nothing: the session's language decides
    assert text_direction("P2", "ar") == "rtl" and text_direction("", "fr") == "ltr"


def test_a_field_follows_what_is_typed_unless_it_starts_with_a_participant_code():
    assert input_direction("") == "auto" and input_direction("ملاحظات") == "auto"
    assert input_direction("Notes P2") == "auto"
    assert input_direction("P2: لم تُشرك") == "rtl" and input_direction("P2 a dit") == "ltr"
    assert input_direction("P2: ") == "auto"
