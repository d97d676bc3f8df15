"""What a multilingual reviewer saw on the delivery pages in Arabic (and Swahili): Latin
names in a breadcrumb or subtitle that swapped places, numbers written with a decimal comma
on one page only, a bracket wrapped alone onto its line, a supervisor told they are the
participant."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from govcap.delivery import evaluation as ev
from govcap.delivery.models import Delivery, Trainee
from tests.security.helpers import client_for

RLM = "\u200f"


def crumbs(page: str) -> str:
    return page.split('<p class="crumbs', 1)[1].split("</p>", 1)[0]


def test_an_arabic_delivery_breadcrumb_keeps_each_latin_step_in_its_place(course):
    page = client_for(course.coordinator).get(
        reverse("delivery", args=[course.delivery.uuid]), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    trail = crumbs(page)
    # each step its own isolate: "Kenya — baseline 2025" and "POL-103/en/01" no longer run
    # together left to right, the later step shown first
    assert f"<bdi>{course.engagement.name}</bdi>" in trail
    # the course as the plan's documents name it (its title and code), not its internal id
    with translation.override("ar"):
        label = Delivery.objects.get(pk=course.delivery.pk).course.label
    assert f"<bdi>{escape(label)}</bdi>" in trail and course.delivery.cohort_id not in trail
    # and the separator is held in the page's direction either side of its arrow
    seps = re.findall(r'(.)<span class="sep" aria-hidden="true" dir="ltr">(.)</span>(.)', trail)
    assert seps and all(s == (RLM, "‹", RLM) for s in seps), seps


def test_the_evaluation_subtitle_isolates_the_engagement_and_the_dates(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 12, 15), end_date=dt.date(2025, 12, 16))
    page = client_for(course.coordinator).get(
        reverse("delivery-evaluation", args=[course.delivery.uuid]), HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    subtitle = page.split("</h1>", 1)[1].split("</p>", 1)[0]
    assert f"<bdi>{course.engagement.name}</bdi> · <bdi>15–16" in subtitle


def test_the_evaluation_page_writes_numbers_as_every_other_page(course):
    ev.record_answers(course.coordinator, course.delivery, [
        ev.ReactionAnswer("T1", 4, 5, 3, 4),
        ev.LearningAnswer("T1", "pre", correct=2, out_of=8),
        ev.LearningAnswer("T1", "post", correct=6, out_of=8)], source="paper")
    client = client_for(course.coordinator)
    url = reverse("delivery-evaluation", args=[course.delivery.uuid])
    for language in ("ar", "sw", "en"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert ">4.0<" in page and ">5.0<" in page and "4,0" not in page, language
        assert "25%" in page and "75%" in page and "25 %" not in page, language
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert ">4,0<" in french and "25\u202f%" in french


def test_the_deliveries_list_keeps_a_figure_and_its_bracket_on_one_line(course):
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="dropped")
    page = client_for(course.coordinator).get(
        reverse("deliveries-engagement", args=[course.engagement.slug]),
        HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    cell = re.search(r'<td class="([^"]*)">0 <span class="muted">\((.*?)\)</span></td>', page)
    assert cell and "nowrap" in cell.group(1).split(), page
    assert cell.group(2).startswith("<bdi>") and cell.group(2).endswith("</bdi>")


def test_a_supervisors_own_follow_up_address_says_whose_supervisor_they_are(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7), status="completed")
    course.delivery.refresh_from_db()
    Trainee.objects.filter(delivery=course.delivery).update(completion="completed")
    ev.sync_follow_ups(course.delivery)
    phone = client_for(None)
    for respondent, says in (("supervisor", "as the supervisor of participant T1"),
                             ("participant", "as participant T1")):
        link = ev.open_link(course.coordinator, course.delivery, 3, respondent=respondent)
        listing = client_for(course.coordinator).get(
            reverse("evaluation-link", args=[course.delivery.uuid, link.uuid])).content.decode()
        address = re.findall(r'<code class="address">http://testserver/q/([^/]+)/</code>',
                             listing)[0]
        form = phone.get(reverse("evaluation-answer", args=[address])).content.decode()
        assert says in form, respondent
        if respondent == "supervisor":
            assert "yours alone, as participant" not in form


def test_every_breadcrumb_isolates_each_name_it_shows():
    """Every breadcrumb outside the planning pages: a name or code shown in a step is its own
    isolate, whatever script it is written in."""
    from pathlib import Path

    import govcap

    root = Path(govcap.__file__).parent
    loose = []
    for template in root.glob("**/templates/**/*.html"):
        if "planning" in template.parts or "results" in template.parts:
            continue
        for line in template.read_text().splitlines():
            if 'class="crumbs' not in line:
                continue
            shown = re.sub(r'"[^"]*"', '""', line)  # not the addresses in attributes
            loose += [f"{template.name}: {m}" for m in re.findall(
                r"(?<!<bdi>)\{\{ [^}]+ \}\}", shown)]
    assert not loose, loose
