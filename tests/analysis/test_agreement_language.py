"""The agreement page in the reader's language: its table headers went untranslated, and a
French page wrote alpha "0.509" beside text that writes "0,5"."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from govcap.analysis.pages_raters import HEADER
from govcap.assessments.models import Rating
from govcap.translations import pseudo


@pytest.fixture
def rated(analysed):
    w = analysed
    for rater, levels in ((w.facilitator, ("basic", "high", "moderate")),
                          (w.coordinator, ("high", "high", "moderate"))):
        for key, level in zip(("change-management", "project-execution", "policy-and-strategy"),
                              levels, strict=True):
            Rating.objects.create(session=w.session, section_key=key, rater=rater, level=level)
    return w


def page(client, user, slug, language, settings, path=""):
    settings.GOVCAP_PSEUDO_LOCALES = True
    settings.LANGUAGES = [*settings.LANGUAGES, ("en-xa", "Pseudo")]
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse("analysis-agreement", args=[slug]) + path)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")
def test_the_headers_of_the_agreement_tables_are_extracted_for_the_translators():
    # makemessages runs xgettext with Django's keywords: a string only passed to _() at run
    # time ("_(h) for h in HEADER") never reached the catalogue, so French showed English
    source = Path(__file__).parents[2] / "govcap" / "analysis" / "pages_raters.py"
    extracted = subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "--keyword=gettext_noop",
         "--keyword=_", "--output=-", str(source)],
        capture_output=True, text=True, check=True).stdout.replace('"\n"', "")
    for header in HEADER:
        assert f'msgid "{header}"' in extracted, header


def test_the_headers_of_the_agreement_tables_go_through_gettext(rated, client, settings):
    html = page(client, rated.coordinator, rated.engagement.slug, "en-xa", settings
                ).content.decode()
    for header in HEADER:
        assert f'<th scope="col">{pseudo(header)}</th>'.replace("'", "&#x27;") in html, header
        assert f">{header}<".replace("'", "&#x27;") not in html


def test_a_french_page_writes_alpha_and_shares_as_french_does_the_csv_as_data(
        rated, client, settings):
    html = page(client, rated.coordinator, rated.engagement.slug, "fr", settings
                ).content.decode()
    tables = html.split("<main", 1)[1]
    cells = re.findall(r'<td class="num">(?:<strong class="flag">)?([^<]*)', tables)
    assert any(re.fullmatch(r"−?\d,\d{3}", c.strip()) for c in cells), cells  # alpha
    assert not any(re.fullmatch(r"−?\d\.\d+", c.strip()) for c in cells), cells
    assert any(c.strip().endswith("\u202f%") for c in cells), cells  # percent agreement
    csv = page(client, rated.coordinator, rated.engagement.slug, "fr", settings,
               "download/overall.csv").content.decode("utf-8-sig")
    assert re.search(r",-?\d\.\d{3},\d+%,", csv), csv  # a spreadsheet reads the numbers


@pytest.mark.parametrize("language", ["ar", "sw", "fr"])
def test_the_tab_and_the_heading_name_the_raters_alike(rated, client, settings, language):
    # the tab said "المقيّمين" / "wakadiriaji" and the heading "الميسّرين" / "wawezeshaji"
    html = page(client, rated.coordinator, rated.engagement.slug, language, settings
                ).content.decode()
    tab = re.search(r'aria-current="page">([^<]+)</a>', html).group(1)
    heading = re.search(r"<h1[^>]*>([^<]+)</h1>", html).group(1)
    assert tab.strip() == heading.strip()
