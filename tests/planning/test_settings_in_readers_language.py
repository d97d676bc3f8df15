"""The plan settings page and the catalogue's French as a French or Arabic reader sees them
(issue 15): level names and the catalogue's name in the reader's language, the French
layer's apostrophes as the interface writes them, audience lists in lower case after the
first name — all without changing what a plan's checksum holds."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.planning import load_catalogue
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.catalogue import audience_names, parse_translation, translate_catalogue
from govcap.planning.models import CatalogueTranslation
from govcap.planning.services import current_checksum
from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)


def options(page: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, name
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(1))


def settings_page(client, world, language: str) -> str:
    client.force_login(world.coordinator)
    client.cookies["django_language"] = language
    return client.get(reverse("plan-settings", args=[world.engagement.slug])).content.decode()


def test_a_french_reader_chooses_targets_and_the_catalogue_in_french(client, planned):  # noqa: F811
    page = settings_page(client, planned, "fr")
    assert options(page, "default_level") == ["De base", "Modéré", "Élevé"]
    assert options(page, "strategic_level") == ["De base", "Modéré", "Élevé"]
    org = planned.ministry.pk
    assert options(page, f"target_{org}_enterprise-architecture") == [
        "—",
        "De base",
        "Modéré",
        "Élevé",
    ]
    assert ">Basic<" not in page and ">High<" not in page
    catalogue = options(page, "catalogue")[1]
    assert catalogue == (
        "Renforcement des capacités de l’administration numérique — "
        "catalogue de formation par défaut (v1.1)"
    )


def test_an_arabic_reader_chooses_them_in_arabic(client, planned):  # noqa: F811
    page = settings_page(client, planned, "ar")
    assert options(page, "default_level") == ["أساسي", "متوسط", "مرتفع"]
    assert options(page, "catalogue")[1].startswith("بناء قدرات الحكومة الرقمية")
    page = settings_page(client, planned, "en")
    assert options(page, "default_level") == ["Basic", "Moderate", "High"]
    assert options(page, "catalogue")[1] == (
        "Digital government capacity building — default training catalogue (v1.1)"
    )


def test_the_french_catalogue_writes_typographic_apostrophes():
    french = load_catalogue(language="fr")
    texts = [french.title, *french.personas.values()]
    for m in french.modules + french.interventions:
        texts += [m.title, m.summary, m.follow_up, *m.objectives]
    assert not [t for t in texts if re.search(r"\w'\w", t)]
    titles = {m.title for m in french.modules}
    assert "Fondamentaux de l’agilité pour les équipes du secteur public" in titles
    assert "L’essentiel de la gestion de projets TIC" in titles


def test_a_layer_stored_with_straight_apostrophes_is_shown_with_typographic_ones(planned):  # noqa: F811
    """A database keeps the layer it stored (a stored layer is never replaced): the
    apostrophes are set when the layer is read, so neither the catalogue nor any plan's
    checksum changes."""
    row = ensure_default_catalogue()
    before = current_checksum(planned.engagement)
    layer = CatalogueTranslation.objects.get(catalogue=row, language="fr")
    old = {**layer.document, "title": "Catalogue de l'essentiel"}
    old["personas"] = {**old["personas"], "project-manager": "Chefs d'équipe"}
    layer.document = old
    layer.save(update_fields=["document"])
    translated = translate_catalogue(row.parsed(), parse_translation(old))
    assert translated.title == "Catalogue de l’essentiel"
    assert translated.personas["project-manager"] == "Chefs d’équipe"
    assert current_checksum(planned.engagement) == before


def test_an_audience_list_is_lower_case_after_its_first_name():
    french = load_catalogue(language="fr")
    names = audience_names(french, ["project-manager", "service-designer", "leader"])
    assert ", ".join(names) == (
        "Chefs de projet, concepteurs de services et analystes "
        "métier, dirigeants et cadres supérieurs"
    )
    english = load_catalogue()
    # an acronym keeps its capitals
    assert audience_names(english, ["leader", "cio-cto"]) == [
        "Leaders and senior managers",
        "CIOs and CTOs",
    ]
