"""The plan page names the instrument's sections in the reader's language (the instrument's
translation layer), whatever language the engagement's plan is written in: an Arabic page
of a French engagement read "المستوى في Utiliser un cadre d'architecture…"."""

from __future__ import annotations

from django.urls import reverse

from govcap.instruments.services import localised
from govcap.orgs.models import Engagement
from govcap.planning import services

from .test_plan_views import planned  # noqa: F401  (the fixture)


def titles(world, language: str) -> dict[str, str]:
    return {s.key: str(s.title)
            for s in localised(world.engagement.instrument, language).sections}


def test_an_arabic_reader_of_a_french_plan_reads_the_arabic_section_titles(
        client, planned) -> None:  # noqa: F811
    Engagement.objects.filter(pk=planned.engagement.pk).update(language="fr")
    planned.engagement.refresh_from_db()
    services.generate(planned.engagement, planned.coordinator)
    french, arabic = titles(planned, "fr"), titles(planned, "ar")
    key = "enterprise-architecture"
    assert french[key] != arabic[key]
    client.force_login(planned.coordinator)
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("plan", args=[planned.engagement.slug])).content.decode()
    assert 'lang="ar"' in page
    assert arabic[key] in page
    assert french[key] not in page.replace("&#x27;", "'").replace("&#39;", "'")
    # in English, the instrument's own titles (not the French plan's)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("plan", args=[planned.engagement.slug])).content.decode()
    assert titles(planned, "en")[key] in page.replace("&#x27;", "'")
    assert french[key] not in page.replace("&#x27;", "'").replace("&#39;", "'")
