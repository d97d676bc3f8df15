"""The pseudo-locales (govcap/translations.py) and `govcap translations status`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from govcap.translations import PSEUDO_LOCALES, RLO, pseudo
from tests.security.helpers import client_for


def test_pseudo_accents_and_brackets_and_keeps_placeholders_tags_and_entities():
    assert pseudo("Save") == "[Ŝåṽé]"
    text = pseudo("Hello %(name)s, <b>%s</b> {count} &amp; 50%% https://x.org/a")
    assert text.startswith("[") and text.endswith("]")
    for kept in ("%(name)s", "<b>", "%s", "</b>", "{count}", "&amp;", "%%", "https://x.org/a"):
        assert kept in text
    assert "Hello" not in text
    assert pseudo("") == ""
    assert pseudo(pseudo("Save")) == "[Ŝåṽé]"  # not transformed twice


def test_words_the_code_splits_at_commas_are_each_in_brackets():
    with translation.override("en-xa"):
        # Django's yesno splits "yes,no,maybe": each word a message of its own
        assert Template("{{ True|yesno }} {{ False|yesno }}").render(Context()) == "[ýéŝ] [ñö]"
    assert pseudo("Save, then close") == "[Ŝåṽé, ţĥéñ çļöŝé]"  # a sentence stays one


def test_documents_are_written_in_a_pseudo_locale_only_with_the_setting(settings):
    from govcap.reports import documents

    settings.GOVCAP_PSEUDO_LOCALES = False
    with pytest.raises(documents.UnknownLanguage):
        documents.document_language("en", "en-xa")
    assert documents.document_language("en-xa") == "en"
    settings.GOVCAP_PSEUDO_LOCALES = True
    assert documents.document_language("en", "en-xa") == "en-xa"
    assert documents.document_language("en-xa") == "en-xa"
    assert documents.document_language("fr-ca") == "fr"
    assert "en-xa" not in documents.LANGUAGES  # the choices people see


def test_the_rtl_pseudo_locale_reverses_each_word():
    assert pseudo("Save it", rtl=True).count(RLO) == 2


def test_gettext_ngettext_and_pgettext_answer_in_the_pseudo_locale():
    with translation.override("en-xa"):
        assert gettext("Save") == "[Ŝåṽé]"
        assert ngettext("%(n)s quote", "%(n)s quotes", 1) == "[%(n)s ǫüöţé]"
        assert ngettext("%(n)s quote", "%(n)s quotes", 3) == "[%(n)s ǫüöţéŝ]"
        assert pgettext("confidence", "High") == "[Ĥîĝĥ]"
        assert translation.get_language() == "en-xa"
        assert not translation.get_language_bidi()
    with translation.override("ar-xb"):
        assert translation.get_language_bidi()


@pytest.fixture
def pseudo_languages(settings):
    settings.LANGUAGES = [*settings.LANGUAGES,
                          *((code, name) for code, (name, _) in PSEUDO_LOCALES.items())]


def test_without_the_setting_a_pseudo_locale_cannot_be_chosen(world, settings):
    assert not {code for code, _ in settings.LANGUAGES} & set(PSEUDO_LOCALES)
    client = client_for(world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-xa"
    page = client.get("/").content.decode()
    assert '<html lang="en"' in page and "[Éñĝåĝéɱéñţŝ]" not in page


def test_with_the_setting_pages_speak_pseudo_and_the_menu_never_offers_it(
        world, settings, pseudo_languages):
    client = client_for(world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-xa"
    page = client.get("/").content.decode()
    assert '<html lang="en-xa" dir="ltr"' in page
    assert "[Éñĝåĝéɱéñţŝ]" in page
    assert 'value="en-xa"' not in page and 'value="ar-xb"' not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar-xb"
    assert '<html lang="ar-xb" dir="rtl"' in client.get("/").content.decode()


def test_translations_status_lists_every_catalogue_with_its_share(instrument):
    out = StringIO()
    call_command("translations", "status", "--json", stdout=out)
    report = json.loads(out.getvalue())
    rows = {r["language"]: r for r in report["interface"]}
    assert set(rows) == {"fr", "ar", "sw", "so", "am"}
    for language in ("fr", "ar", "sw"):
        assert rows[language]["share"] == 100.0 and rows[language]["offered"]
    for language in ("so", "am"):
        assert rows[language]["share"] < report["minimum"] and not rows[language]["offered"]
        assert rows[language]["empty"] == rows[language]["messages"] - rows[language]["translated"]
    layers = {r["language"]: r for r in report["instrument"]}
    assert {"fr", "ar"} <= set(layers)
    assert all(0 < r["translated"] <= r["strings"] for r in layers.values())
