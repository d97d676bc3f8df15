"""Each language named one way wherever languages are listed: settings.LANGUAGES's names,
as each language writes its own in a menu."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language_info


def test_every_list_of_languages_names_them_as_the_switcher_does():
    # the documents' language choice said "français" and "العربيّة" (Django's names), the
    # switcher "Français" and "العربية"
    from govcap.reports.templatetags.plan_documents import document_languages

    names = dict(settings.CATALOGUE_LANGUAGES)
    assert names["fr"] == "Français" and names["ar"] == "العربية"
    engagement = type("E", (), {"language": "fr"})()
    for choice in document_languages(engagement):
        assert choice["name"] == names[choice["code"]]
    for code, name in names.items():
        assert get_language_info(code)["name_local"] == name
