"""The page's language writes its own punctuation and direction around what it shows:
French puts a narrow no-break space before a colon ("Notes :"); an Arabic page points its
breadcrumb the other way, keeps a French section title's number in front of it and a
Latin quote inside its marks."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from govcap.assessments.models import Quote, Rating

SECTION = "project-execution"


@pytest.fixture
def french_session(consented):
    w = consented
    w.session.language = "fr"
    w.session.save(update_fields=["language"])
    Rating.objects.create(session=w.session, section_key=SECTION, level="moderate",
                          notes="Délais tenus.", evidence="Rapport 2025.", dissent="Aucun.")
    Quote.objects.create(session=w.session, section_key=SECTION,
                         text="L'agilité, c'est livrer souvent.")
    return w


def read(client, user, url, language):
    client.force_login(user)
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def test_a_french_page_writes_a_no_break_space_before_a_colon(client, french_session):
    w = french_session
    summary = read(client, w.facilitator, reverse("session-summary", args=[w.session.uuid]),
                   "fr")
    labels = re.findall(r"<strong>([^<]*)</strong>(?: <span class=\"tag internal\">)?", summary)
    colons = [label for label in labels if label.endswith(":")]
    assert len(colons) >= 3, labels  # notes, evidence, dissent
    assert all(label.endswith("\u202f:") for label in colons), colons
    account = read(client, w.facilitator, reverse("account"), "fr")
    assert account.count("</a>\u202f: ") >= 2 and "</a>: " not in account
    english = read(client, w.facilitator, reverse("session-summary", args=[w.session.uuid]),
                   "en")
    assert "Notes:</strong>" in english


@pytest.mark.parametrize("route", ["engagement", "plan", "plan-settings"])
def test_an_arabic_breadcrumb_points_the_other_way(client, world, route):
    url = reverse(route, args=[world.engagement.slug])
    crumbs = read(client, world.coordinator, url, "ar").split('<p class="crumbs', 1)[1]
    crumbs = crumbs.split("</p>", 1)[0]
    assert '<span class="sep" aria-hidden="true" dir="ltr">‹</span>' in crumbs
    assert "›" not in crumbs
    english = read(client, world.coordinator, url, "en").split('<p class="crumbs', 1)[1]
    assert '<span class="sep" aria-hidden="true" dir="ltr">›</span>' in english.split("</p>")[0]


def test_an_arabic_page_isolates_a_french_sessions_titles_and_quotes(client, french_session):
    w = french_session
    summary = read(client, w.facilitator, reverse("session-summary", args=[w.session.uuid]),
                   "ar")
    assert 'dir="rtl"' in summary.split(">", 2)[1]  # the page reads right to left
    # the titles in the reader's Arabic (issue 15), the number inside the title's isolate
    titles = re.findall(r'<bdi lang="ar" dir="rtl">(\d+)\. [^<]+', summary)
    assert titles and len(titles) == 2 * len(set(titles)), titles  # table and headings
    assert not re.search(r"\d+\. <bdi", summary)
    # the quote isolated inside the page's marks, which then stay on either side of it
    assert ("<blockquote><bdi dir=\"auto\">L&#x27;agilité, c&#x27;est livrer souvent.</bdi>"
            "</blockquote>") in summary
    section = read(client, w.facilitator, reverse("section", args=[w.session.uuid, SECTION]),
                   "ar")
    assert "<blockquote><bdi dir=\"auto\">L&#x27;agilité" in section


def test_a_refused_field_is_named_by_its_label_with_the_languages_colon(client, world):
    client.force_login(world.coordinator)
    client.cookies["django_language"] = "fr"
    page = client.post(reverse("engagement-add-session", args=[world.engagement.slug]),
                       {"organisation": "", "language": "fr"}, follow=True).content.decode()
    assert "organisation: " not in page  # the form's field name, in English
    assert re.search(r"Organisation\u202f: ", page), page.split("<main", 1)[-1][:2000]


def test_an_arabic_session_overview_joins_consent_and_participants_with_an_arabic_comma(
        client, consented):
    w = consented
    page = read(client, w.facilitator, reverse("session", args=[w.session.uuid]), "ar")
    consent = f'<li><a href="{reverse("session-consent", args=[w.session.uuid])}">'
    step = page.split(consent, 1)[1].split("</li>", 1)[0]
    assert "</strong>، " in step and "</strong>, " not in step
    english = read(client, w.facilitator, reverse("session", args=[w.session.uuid]), "en")
    assert "</strong>, " in english.split(consent, 1)[1].split("</li>", 1)[0]


def test_an_arabic_page_of_a_french_session_names_levels_and_domains_in_arabic(
        client, french_session):
    """What is read aloud in the room (statements, questions) stays in the session's
    language; the words of the interface, a level as its radio button names it and
    the training domain as the results pages name it, are the reader's."""
    from django.utils import translation

    from govcap.scale import DOMAINS, SECTION_DOMAIN

    w = french_session
    section = read(client, w.facilitator, reverse("section", args=[w.session.uuid, SECTION]),
                   "ar")
    with translation.override("ar"):
        domain = translation.gettext(DOMAINS[SECTION_DOMAIN[SECTION]])
    assert domain != DOMAINS[SECTION_DOMAIN[SECTION]]
    assert f"<bdi>{domain}</bdi>" in section.split('<p class="domain">', 1)[1].split("</p>")[0]
    headings = re.findall(r'<div class="b-(\w+)"><h3>(.*?)</h3>', section)
    assert [key for key, _ in headings] == ["high", "moderate", "basic"]
    assert '<bdi lang="ar" dir="rtl">مرتفع</bdi>' in headings[0][1]
    assert '<bdi lang="fr" dir="ltr">Élevé</bdi>' in headings[0][1]  # the word said aloud
    # the statements are French, left to right, in cards that run the Arabic page's way
    # (the direction is the text's, not the row's: issue 15)
    assert '<div class="bench">' in section
    assert '<ul class="statements" lang="fr" dir="ltr">' in section
    overview = read(client, w.facilitator, reverse("session", args=[w.session.uuid]), "ar")
    assert f"<td><bdi>{domain}</bdi></td>" in overview
    french = read(client, w.facilitator, reverse("section", args=[w.session.uuid, SECTION]),
                  "fr")
    high = re.findall(r'<div class="b-high"><h3>(.*?)</h3>', french)
    assert high == ['<bdi lang="fr" dir="ltr">Élevé</bdi>'], high  # one word, once
