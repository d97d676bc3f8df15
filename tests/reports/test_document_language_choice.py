"""The documents' language starts on the reader's (issue 15): an Arabic reader of
Djibouti's French engagement was offered French documents, with nothing saying why."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.planning.test_plan_views import planned  # noqa: F401  (fixture)


def chosen(page: str) -> str:
    select = re.search(r'<select name="lang">(.*?)</select>', page, re.S)
    assert select
    return re.findall(r'<option value="(\w+)"[^>]*\bselected\b', select.group(1))[0]


def note(page: str) -> str:
    """The line under the documents' language choice, "" for none."""
    form = re.search(r'<form[^>]*class="document-downloads".*?</form>', page, re.S)
    assert form
    found = re.search(r'<p class="note">([^<]*)</p>', form.group(0))
    return found.group(1) if found else ""


def page_for(client, world, language: str) -> str:
    client.force_login(world.viewer)
    client.cookies["django_language"] = language
    return client.get(reverse("plan", args=[world.engagement.slug])).content.decode()


def test_an_arabic_reader_of_a_french_engagement_starts_on_arabic_documents(
    client,
    planned,  # noqa: F811
):
    planned.engagement.language = "fr"
    planned.engagement.save(update_fields=["language"])
    page = page_for(client, planned, "ar")
    assert chosen(page) == "ar"
    # one line says the engagement's own language, named in the reader's
    assert "الفرنسية" in note(page)


def test_a_reader_in_the_engagements_language_is_told_nothing_more(
    client,
    planned,  # noqa: F811
):
    planned.engagement.language = "fr"
    planned.engagement.save(update_fields=["language"])
    page = page_for(client, planned, "fr")
    assert chosen(page) == "fr"
    assert note(page) == ""
    page = page_for(client, planned, "en")
    assert chosen(page) == "en" and note(page) == "Language of the engagement: French."
