"""The session and engagement pages as a French or Arabic reader saw them (issue 15): a
quote typed with its marks shown with the page's marks too, a note starting with a
participant code laid out left to right in Arabic, the facilitators of a session read in
reverse order, sections not rated yet drawn "Not assessed", names sorted by code point."""

from __future__ import annotations

import re
import uuid

import pytest
from django.conf import settings

from govcap.assessments import capture
from govcap.localise import NNBSP
from govcap.orgs.models import Organisation
from govcap.scale import SECTION_KEYS
from tests.security.helpers import client_for

pytestmark = pytest.mark.django_db


def reader(user, language: str):
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def quote(world, text: str, key: str = SECTION_KEYS[0], code: str = "") -> None:
    capture.save_quote(
        world.facilitator,
        world.session,
        capture.QuoteSave(
            op_id=uuid.uuid4(),
            section_key=key,
            quote_uuid=uuid.uuid4(),
            text=text,
            participant_code=code,
            base_revision=0,
        ),
    )


def field(world, key: str, name: str, value: str) -> None:
    capture.save_field(
        world.facilitator,
        world.session,
        capture.FieldSave(
            op_id=uuid.uuid4(), section_key=key, field=name, value=value, base_revision=0
        ),
    )


def test_a_quote_typed_with_its_marks_is_shown_between_the_pages_marks_only(consented):
    quote(consented, "« On travaille encore en silos… »", code="P1")
    quote(consented, "«ما زلنا نعمل في جزر منعزلة»")
    for path in (
        f"/s/{consented.session.uuid}/section/{SECTION_KEYS[0]}/",
        f"/s/{consented.session.uuid}/summary/",
    ):
        page = reader(consented.facilitator, "fr").get(path).content.decode()
        shown = re.findall(r"<blockquote><bdi dir=\"auto\">(.*?)</bdi></blockquote>", page)
        assert sorted(shown) == ["On travaille encore en silos…", "ما زلنا نعمل في جزر منعزلة"]


def test_a_note_that_starts_with_a_participant_code_reads_in_the_direction_of_its_words(consented):
    key = SECTION_KEYS[1]
    field(consented, key, "dissent", "P2: لم تُشرك الجهة في إعداد السياسة.")
    field(consented, key, "notes", "P1 a donné deux exemples.")
    def arabic(page: str) -> str:
        return reader(consented.facilitator, "ar").get(
            f"/s/{consented.session.uuid}/{page}/").content.decode()

    section = arabic(f"section/{key}")
    assert re.search(r'<textarea id="f-dissent" name="dissent" rows="4" dir="rtl"', section)
    assert re.search(r'<textarea id="f-notes" name="notes" rows="4" dir="ltr"', section)
    # a field without a leading code follows what is typed in it
    assert re.search(r'<textarea id="f-evidence" name="evidence" rows="4" dir="auto"', section)
    summary = arabic("summary")
    assert '<bdi dir="rtl">P2: لم تُشرك' in summary
    assert '<bdi dir="ltr">P1 a donné' in summary
    consent = arabic("consent")
    assert re.search(r'<textarea name="consent_note"[^>]* dir="auto"', consent)
    assert re.search(r'<input type="text" name="role_title"[^>]* dir="auto"', consent)


def test_the_summary_chart_tells_not_rated_yet_from_not_assessed(consented):
    field(consented, SECTION_KEYS[0], "level", "basic")
    field(consented, SECTION_KEYS[1], "level", "not_assessed")
    chart = (
        reader(consented.facilitator, "en")
        .get(f"/s/{consented.session.uuid}/summary/")
        .context["summary"]
        .chart_svg
    )
    titles = [t for t in re.findall(r"<title>([^<]*)</title>", chart) if ": " in t]
    said = {t.split(": ")[-1] for t in titles}
    assert said == {"Basic", "Not assessed", "Not rated yet"}
    assert sum(": Not rated yet" in t for t in titles) == len(SECTION_KEYS) - 2
    assert ">Not rated yet</text>" in chart  # its legend entry
    assert 'stroke-dasharray="1 3"' in chart  # dotted, unlike the dashed not assessed


def test_the_french_summary_chart_puts_a_no_break_space_before_its_colons(consented):
    field(consented, SECTION_KEYS[0], "level", "basic")
    chart = (
        reader(consented.facilitator, "fr")
        .get(f"/s/{consented.session.uuid}/summary/")
        .context["summary"]
        .chart_svg
    )
    title = re.search(r"<title id=[^>]*>([^<]*)</title>", chart).group(1)
    assert title.startswith(f"Ministry of ICT{NNBSP}: ")
    hovers = re.findall(r"<title>([^<]*)</title>", chart)
    # the section named in the reader's French, as the page around it (issue 15)
    assert f"1. Recourir à la pensée systémique et au design thinking{NNBSP}: De base" in hovers
    assert not any(" :" in t for t in [title, *hovers])


def test_the_engagement_lists_facilitators_each_isolated_and_sessions_by_name(world):
    world.session.facilitators.add(world.colleague)
    country = world.engagement.country
    for name in ("Ministère de l'Intérieur", "Ministère de l'Économie"):
        org = Organisation.objects.create(country=country, name=name)
        world.engagement.organisations.add(org)
        world.session.__class__.objects.create(
            engagement=world.engagement, organisation=org, instrument=world.instrument
        )
    page = reader(world.coordinator, "ar").get(f"/e/{world.engagement.slug}/").content.decode()
    assert (
        '<bdi class="nowrap">colleague</bdi>، <bdi class="nowrap">facilitator</bdi>' in page
        or '<bdi class="nowrap">facilitator</bdi>، <bdi class="nowrap">colleague</bdi>' in page
    )
    sessions = page.split("<tbody>")[1]
    assert sessions.index("l&#x27;Économie") < sessions.index("l&#x27;Intérieur")
    organisations = page.split("<tbody>")[2]
    assert organisations.index("l&#x27;Économie") < organisations.index("l&#x27;Intérieur")


def test_the_participants_organisation_menu_is_sorted_by_name(consented):
    country = consented.engagement.country
    for name in ("Ministère de l'Intérieur", "Ministère de l'Économie"):
        Organisation.objects.create(country=country, name=name)
    page = (
        reader(consented.facilitator, "fr")
        .get(f"/s/{consented.session.uuid}/consent/")
        .context["participant_form"]
    )
    names = [label for value, label in page.fields["organisation"].choices if value != ""]
    assert names.index("Ministère de l'Économie") < names.index("Ministère de l'Intérieur")
