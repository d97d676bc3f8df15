"""A plan's PDF took 35–43 s on a loaded server with nothing on the page saying it was being
made: every download button and link of a plan document says "Preparing the PDF…" while it
is made (govcap/static/govcap/downloads.js, which disables it until the file arrives), and
without JavaScript each still downloads as before (a form's button, a plain link)."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from govcap.planning import services
from govcap.reports.templatetags.plan_documents import preparing
from tests.planning.test_plan_views import planned, url  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_each_download_says_it_is_being_prepared(client, planned):  # noqa: F811
    client.force_login(planned.coordinator)
    services.approve(planned.plan, planned.coordinator)
    services.generate(planned.engagement, planned.coordinator)  # two versions listed
    for page in (client.get(url("plan", planned)).content.decode(),
                 client.get(url("plan-organisation", planned, planned.ministry.uuid))
                 .content.decode()):
        assert "govcap/downloads.js" in page and 'id="download-status"' in page
        buttons = re.findall(r'<button formaction="([^"]+)" data-preparing="([^"]+)">', page)
        said = {action.rstrip("/").rsplit("/", 1)[1]: words for action, words in buttons}
        assert said["pdf"] == "Preparing the PDF…"
        assert said["docx"] == "Preparing the Word document (DOCX)…"
        assert said["json"] == "Preparing the data (JSON)…"  # not "the Data (JSON)"
        assert said["brief-docx"] == "Preparing the Word document (DOCX)…"
        assert set(said) >= {"pdf", "docx", "xlsx", "json", "brief-pdf", "brief-docx"}
    # the organisation page's list of versions: each one's PDF, a plain link
    assert re.search(r'download/pdf/\?v=1[^"]*" data-preparing="Preparing the PDF…"', page)
    assert finders.find("govcap/downloads.js")


def test_the_programme_plans_links_say_so_too(client, planned):  # noqa: F811
    client.force_login(planned.admin)
    home = client.get(reverse("home")).content.decode()
    for fmt, name, said in (("pdf", "PDF", "PDF"), ("docx", "DOCX", "Word document (DOCX)"),
                            ("xlsx", "XLSX", "workbook (XLSX)")):
        link = reverse("programme-plan-download", args=[fmt])
        assert f'<a href="{link}" data-preparing="Preparing the {said}…">{name}</a>' in home
    assert "govcap/downloads.js" in home


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx", "json", "brief-pdf", "brief-docx",
                                 "odt"])
def test_each_format_is_prepared_in_a_sentence_of_its_own(messages_asked, fmt):
    """French read « Préparation du Données (JSON)… »: the format's name was glued into
    "Preparing the %(format)s…", whose article cannot agree with every name. Each format has
    its whole sentence for the translators; one they have not met a sentence whose grammar
    does not hang on the name."""
    seen = messages_asked
    said = preparing(fmt)
    sentence = next(m for m in seen if m.startswith("Preparing"))
    assert "Preparing the %(format)s…" not in seen
    assert said.startswith("Preparing") and said.endswith("…")
    assert ("%(format)s" not in sentence) or sentence == "Preparing the file: %(format)s…"
