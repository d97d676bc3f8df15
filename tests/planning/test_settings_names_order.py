"""The plan settings page lists names as a reader expects (issue 15): its per-organisation
table and its catalogue menu in the order of `localise.sort_key` — a French reader finds
"l'Économie" beside the other E's, not after "l'Intérieur"; an Arabic reader finds "اتحاد"
before "إدارة" (alef with or without hamza is one letter) — where the database ordered by
code point."""

from __future__ import annotations

import copy
import re

from django.urls import reverse

from govcap.orgs.models import Organisation
from govcap.planning.catalogues import ensure_default_catalogue, import_document
from tests.planning.test_settings_in_readers_language import options, settings_page


def table_rows(page: str) -> list[str]:
    body = re.search(r"<h2>[^<]*</h2>\s*<div class=\"month-grid\">.*?<tbody>(.*?)</tbody>",
                     page, re.S)
    assert body
    return [re.sub(r"&#x27;", "'", name)
            for name in re.findall(r"<tr><th><bdi>([^<]*)</bdi></th>", body.group(1))]


def test_the_per_organisation_table_is_in_the_readers_order_of_names(client, world):
    names = ["Ministère de l'Intérieur", "Ministère de l'Économie", "ministère de la Santé",
             "إدارة الضرائب", "اتحاد البلديات"]
    world.engagement.organisations.set(
        [Organisation.objects.create(country=world.engagement.country, name=n) for n in names])
    rows = table_rows(settings_page(client, world, "fr"))
    assert rows == ["Ministère de l'Économie", "Ministère de l'Intérieur",
                    "ministère de la Santé", "اتحاد البلديات", "إدارة الضرائب"]
    assert table_rows(settings_page(client, world, "ar")) == rows


def test_a_latin_name_ending_in_brackets_keeps_them_in_an_arabic_table(client, world):
    """Isolated (<bdi>), "Agence (ANSIE)" keeps its closing bracket at its end on a right-to-left
    page; without it the bracket took the page's direction and read "(Agence (ANSIE"."""
    world.agency.name = "Agence (ANSIE)"
    world.agency.save()
    assert "Agence (ANSIE)" in table_rows(settings_page(client, world, "ar"))


def test_the_catalogue_menu_is_in_the_readers_order_of_names_then_versions(client, world):
    default = ensure_default_catalogue()
    other = copy.deepcopy(default.document)
    other.update(catalogue="aaa-ecoles", title="Écoles du numérique", version="1.0")
    import_document(other)
    import_document({**other, "version": "1.0.10"})
    import_document({**other, "version": "1.0.9"})
    page = settings_page(client, world, "en")
    assert options(page, "catalogue")[1:] == [
        "Digital government capacity building — default training catalogue (v1.1)",
        "Écoles du numérique (v1.0)", "Écoles du numérique (v1.0.9)",
        "Écoles du numérique (v1.0.10)"]
    assert client.get(reverse("plan-settings", args=[world.engagement.slug])).status_code == 200
