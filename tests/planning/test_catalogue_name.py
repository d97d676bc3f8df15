"""A catalogue is named in its reader's language (issue 15): a language layer stored before
layers carried the catalogue's name is given it, and the catalogue page, the settings menu
and the documents print the name through one accessor — a French reader saw
"govcap-default" or "Digital government capacity building — default training catalogue"."""

from __future__ import annotations

import dataclasses
import io

from django.urls import reverse
from openpyxl import load_workbook

from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core.catalogue import load_catalogue
from govcap.planning.models import CatalogueTranslation
from govcap.reports.build import build_document
from govcap.reports.plan import render_plan
from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)
from tests.planning.test_settings_in_readers_language import options, settings_page
from tests.reports.helpers import context, plan

FRENCH = ("Renforcement des capacités de l’administration numérique — catalogue de "
          "formation par défaut")
ARABIC = "بناء قدرات الحكومة الرقمية — كتالوج التدريب الافتراضي"
ENGLISH = "Digital government capacity building — default training catalogue"


def forget_names() -> None:
    """The layers as a database made before layers had a name stored them."""
    for layer in CatalogueTranslation.objects.all():
        layer.document = {k: v for k, v in layer.document.items() if k != "title"}
        layer.save(update_fields=["document"])


def test_a_layer_stored_without_its_name_is_given_it(planned):  # noqa: F811
    forget_names()
    row = ensure_default_catalogue()
    assert row.name("fr") == FRENCH and row.name("ar") == ARABIC
    assert row.name("en") == ENGLISH
    assert CatalogueTranslation.objects.get(catalogue=row, language="sw").document[
        "title"].startswith("Kujenga uwezo")


def test_the_settings_menu_the_plan_and_the_catalogue_page_name_it_in_the_readers_language(client, planned):  # noqa: F811
    forget_names()
    ensure_default_catalogue()
    assert options(settings_page(client, planned, "fr"), "catalogue")[1] == f"{FRENCH} (v1.1)"
    for url in (reverse("plan", args=[planned.engagement.slug]),
                reverse("plan-organisation", args=[planned.engagement.slug,
                                                   planned.plan.data["organisations"][0]["org_id"]])):
        page = client.get(url).content.decode()
        assert f"{FRENCH}, version 1.1" in page and "govcap-default" not in page
    client.force_login(planned.admin)
    page = client.get(reverse("plan-catalogue")).content.decode()
    assert f"<h1>{FRENCH} — v1.1</h1>" in page
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("plan-catalogue")).content.decode()
    assert f"<h1>{ARABIC} — v1.1</h1>" in page


def texts(value: object) -> list[str]:
    """Every string of a document's blocks."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) for t in texts(getattr(value, f.name))]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in texts(v)]
    return []


def test_a_french_document_cites_the_catalogue_by_its_french_name():
    ctx = dataclasses.replace(context("fr"), language="fr")
    document = build_document(plan(), ctx, load_catalogue(language="fr"))
    said = [t for s in document.sections if s.key in ("assumptions", "budget")
            for t in texts(s.blocks)]
    assert [t for t in said if f"{FRENCH} version 1.1" in t]
    assert not [t for t in said if "govcap-default" in t]


def test_the_french_workbook_names_the_catalogue_in_french_on_its_first_sheet():
    ctx = dataclasses.replace(context("fr"), language="fr")
    book = load_workbook(io.BytesIO(render_plan(plan(), ctx, "xlsx",
                                                catalogue=load_catalogue(language="fr"))))
    cells = [str(c) for sheet in book.worksheets[:2]
             for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert f"{FRENCH} version 1.1" in cells
    assert not [c for c in cells if "govcap-default" in c]
