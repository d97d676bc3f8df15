"""The analysis pages through the HTTP stack: what each shows, downloads, and the forms."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from govcap.analysis.models import Code, CodedSegment, VoteTally
from govcap.assessments.models import Rating
from tests.analysis.conftest import NOTES


@pytest.fixture
def client_as(client):
    def log_in(user):
        client.force_login(user)
        return client
    return log_in


def test_the_engagement_page_has_the_heatmap_distribution_domains_and_gaps(analysed,
                                                                         client_as) -> None:
    w = analysed
    page = client_as(w.coordinator).get(reverse("analysis-engagement", args=[w.engagement.slug]))
    html = page.content.decode()
    for text in ("Organisations by section", "Levels per section", "By training domain",
                 "Gap to target per section", w.ministry.name, w.agency.name, "<svg"):
        assert text in html
    assert 'style="' not in html.split("<main", 1)[1]  # strict CSP: no inline style
    chart = html.split('<figure class="chart">', 1)[1].split("</figure>", 1)[0]
    profile = reverse("analysis-organisation", args=[w.ministry.uuid])
    assert f'<a href="{profile}' in chart  # a heatmap row opens the organisation's profile
    type(w.agency).objects.filter(pk=w.agency.pk).update(kind="agency")
    gap = client_as(w.coordinator).get(reverse("analysis-engagement", args=[w.engagement.slug])
                                       + "?sort=gap&kind=ministry")
    assert w.agency.name not in gap.content.decode().split("Organisations by section")[1][:20000]


def test_downloads_give_the_chart_and_its_table(analysed, client_as) -> None:
    w = analysed
    c = client_as(w.coordinator)
    base = reverse("analysis-engagement", args=[w.engagement.slug])
    svg = c.get(base + "download/heatmap.svg")
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.startswith(b"<svg") and b"<script" not in svg.content
    table = c.get(base + "download/heatmap.csv")
    assert table["Content-Disposition"].endswith('-heatmap.csv"')
    assert w.ministry.name in table.content.decode("utf-8-sig")
    assert c.get(base + "download/gaps.svg").status_code == 404  # a table only
    assert c.get(base + "download/nothing.csv").status_code == 404


def test_the_profile_shows_levels_against_targets_and_the_trend(analysed, client_as) -> None:
    from govcap.assessments.models import Session
    from govcap.orgs.models import Engagement

    w = analysed
    follow_up = Engagement.objects.create(country=w.engagement.country, name="Kenya follow-up",
                                          round_number=1, instrument=w.instrument)
    follow_up.organisations.add(w.ministry)
    later = Session.objects.create(engagement=follow_up, organisation=w.ministry,
                                   instrument=w.instrument, status="validated")
    Rating.objects.create(session=later, section_key="change-management", level="high")
    page = client_as(w.admin).get(reverse("analysis-organisation", args=[w.ministry.uuid]))
    html = page.content.decode()
    assert "Level per section against its target" in html and "Change over rounds" in html
    assert "+2" in html  # change-management: Basic → High
    country = client_as(w.admin).get(reverse("analysis-country", args=["KE"])).content.decode()
    assert "The same organisations" in country


def test_the_programme_compares_countries_and_rounds(analysed, client_as) -> None:
    html = client_as(analysed.manager).get(reverse("analysis-programme")).content.decode()
    assert "Countries side by side, per section" in html
    assert "Kenya" in html and "Somalia" in html
    coordinator = client_as(analysed.coordinator).get(reverse("analysis-programme"))
    assert "Somalia" not in coordinator.content.decode()


def test_agreement_flags_and_insufficient_data(analysed, client_as) -> None:
    w = analysed
    url = reverse("analysis-agreement", args=[w.engagement.slug])
    html = client_as(w.coordinator).get(url).content.decode()
    assert "No session of this engagement has independent ratings yet" in html
    for rater, levels in ((w.facilitator, ("basic", "high")), (w.coordinator, ("high", "high"))):
        for key, level in zip(("change-management", "project-execution"), levels, strict=True):
            Rating.objects.create(session=w.session, section_key=key, rater=rater, level=level)
    html = client_as(w.coordinator).get(url).content.decode()
    assert "insufficient data" in html  # one section: every level the same, or one unit
    assert "Where raters disagreed" in html and "facilitator: Basic" in html
    assert "below threshold" in html
    assert "The budget was cut" in html  # the consensus's notes, to the session's people
    viewer = client_as(w.viewer).get(url).content.decode()
    assert "facilitator: Basic" in viewer and "The budget was cut" not in viewer


def test_my_rating_and_votes_save_through_their_forms(analysed, client_as) -> None:
    w = analysed
    c = client_as(w.facilitator)
    url = reverse("analysis-my-rating", args=[w.session.uuid])
    assert "My independent rating" in c.get(url).content.decode()
    c.post(url, {"page_op": str(uuid.uuid4()), "change-management-level": "moderate",
                 "change-management-level-rev": "0", "change-management-notes": "Because."})
    mine = Rating.objects.get(session=w.session, rater=w.facilitator)
    assert (mine.level, mine.notes) == ("moderate", "Because.")
    stale = c.post(url, {"page_op": str(uuid.uuid4()), "change-management-level": "high",
                         "change-management-level-rev": "0"})
    assert stale.status_code == 409 and "Saved meanwhile" in stale.content.decode()
    votes = reverse("analysis-votes", args=[w.session.uuid])
    for code in ("P2", "P3", "P4", "P5"):
        w.session.participants.create(code=code, organisation=w.ministry)
    c.post(votes, {"page_op": str(uuid.uuid4()), "change-management-basic": "4",
                   "change-management-high": "1", "change-management-rev": "0"})
    tally = VoteTally.objects.get(session=w.session)
    assert (tally.basic, tally.moderate, tally.high) == (4, 0, 1)
    page = client_as(w.coordinator).get(reverse("analysis-consensus",
                                                args=[w.engagement.slug])).content.decode()
    assert "Areas of least consensus across the engagement" in page


def test_coding_through_the_page(analysed, client_as) -> None:
    w = analysed
    c = client_as(w.facilitator)
    url = reverse("analysis-coding", args=[w.session.uuid])
    html = c.get(url).content.decode()
    assert "Code a span of this section" in html and "coding.js" in html
    funding = Code.objects.get(codebook__engagement=w.engagement, name="Funding")
    rating = w.notes["change-management"]
    c.post(reverse("analysis-apply", args=[w.session.uuid]), {
        "op_id": str(uuid.uuid4()), "source": f"notes:{rating.uuid}", "text": "budget was cut",
        "codes": [str(funding.uuid)], "start": "", "end": ""})
    segment = CodedSegment.objects.get()
    assert (segment.coder, segment.text) == (w.facilitator, "budget was cut")
    html = c.get(url).content.decode()
    assert '<mark title="Funding">budget was cut</mark>' in html
    c.post(reverse("analysis-suggest-session", args=[w.session.uuid]))
    assert "Accept" in c.get(url).content.decode()
    themes = c.get(reverse("analysis-themes") + f"?engagement={w.engagement.slug}")
    assert "Which themes go with Basic ratings?" in themes.content.decode()
    code_page = c.get(reverse("analysis-code", args=[funding.uuid])).content.decode()
    assert "budget was cut" in code_page


def test_the_codebook_page_edits_and_exports(analysed, client_as) -> None:
    w = analysed
    c = client_as(w.coordinator)
    url = reverse("analysis-codebook", args=[w.engagement.slug])
    assert "Donor dependency" in c.get(url).content.decode()
    c.post(url, {"name": "Gender", "definition": "Women in ICT.", "colour": "#123456"})
    assert Code.objects.filter(name="Gender", colour="#123456").exists()
    qdc = c.get(reverse("analysis-export", args=[w.engagement.slug, "codebook.qdc"]))
    assert b"urn:QDA-XML:codebook:1.0" in qdc.content and b"Gender" in qdc.content
    assert c.get(reverse("analysis-export", args=[w.engagement.slug, "x.doc"])).status_code == 404
    viewer = client_as(w.viewer).get(url).content.decode()
    assert "Add a code" not in viewer


def test_search_page_highlights_and_links(analysed, client_as) -> None:
    html = client_as(analysed.coordinator).get(reverse("analysis-search") + "?q=memo")
    body = html.content.decode()
    assert "<mark>memo</mark>" in body and "1 result" in body


def test_more_votes_than_participants_are_refused_for_the_whole_page(analysed,
                                                                      client_as) -> None:
    w = analysed
    for code in ("P2", "P3", "P4", "P5"):
        w.session.participants.create(code=code, organisation=w.ministry)
    c = client_as(w.facilitator)
    votes = reverse("analysis-votes", args=[w.session.uuid])
    answer = c.post(votes, {"page_op": str(uuid.uuid4()),
                            "change-management-basic": "2", "change-management-rev": "0",
                            "project-execution-basic": "5", "project-execution-high": "3",
                            "project-execution-rev": "0"}, follow=True)
    page = answer.content.decode()
    assert "8 votes for 5 participants" in page
    assert "each participant votes once or abstains" in page
    assert not VoteTally.objects.filter(session=w.session).exists()  # not even the valid one


def test_a_section_not_rated_yet_is_not_drawn_as_not_assessed(analysed, client_as) -> None:
    # The provisional row (a session under way) drew its unrated sections "Non évalué", the
    # word of a group's choice not to rate; the validated agency's missing ones stay so
    import csv
    import io

    w = analysed
    base = reverse("analysis-engagement", args=[w.engagement.slug])
    c = client_as(w.coordinator)
    rows = {r[0]: r[1:9] for r in csv.reader(io.StringIO(
        c.get(base + "download/heatmap.csv").content.decode("utf-8-sig")))}
    ministry = next(v for k, v in rows.items() if w.ministry.name in k)
    agency = rows[w.agency.name]
    rated = len({*NOTES, "project-execution"})
    assert ministry.count("Not rated yet") == 8 - rated and "Not assessed" not in ministry
    assert agency.count("Not assessed") == 6 and "Not rated yet" not in agency
    chart = c.get(base + "download/heatmap.svg").content.decode()
    assert ">Not rated yet</text>" in chart and ">Not assessed</text>" in chart  # legend


def test_the_heatmap_by_name_sorts_as_a_french_reader_does(analysed, client_as) -> None:
    from govcap.assessments.models import Rating, Session
    from govcap.orgs.models import Organisation

    w = analysed
    for name in ("Ministère de l'Intérieur", "Ministère de l'Économie"):
        org = Organisation.objects.create(country=w.engagement.country, name=name)
        w.engagement.organisations.add(org)
        s = Session.objects.create(engagement=w.engagement, organisation=org,
                                   instrument=w.instrument, status=Session.Status.VALIDATED)
        Rating.objects.create(session=s, section_key="project-execution", level="high")
    page = client_as(w.coordinator).get(
        reverse("analysis-engagement", args=[w.engagement.slug]) + "?sort=name")
    names = [row[0].text for row in page.context["report"].blocks[0].table.rows]
    assert names.index("Ministère de l'Économie") < names.index("Ministère de l'Intérieur")
    assert names[0] == w.agency.name  # "ICT Authority" before "Ministry…", "Ministère…"


def test_levels_per_section_count_not_rated_yet_apart_from_not_assessed(analysed,
                                                                         client_as) -> None:
    # Kenya's follow-up counted eCitizen's sections, its session under way, as "Not
    # assessed" in "Levels per section"; a group's choice not to rate is another thing
    import csv
    import io

    w = analysed
    base = reverse("analysis-engagement", args=[w.engagement.slug])
    c = client_as(w.coordinator)
    table = list(csv.reader(io.StringIO(
        c.get(base + "download/distribution.csv").content.decode("utf-8-sig"))))
    head = table[0]
    assert head[4:6] == ["Not assessed", "Not rated yet"]
    unrated = next(row for row in table[1:] if row[0].startswith("7."))  # neither rated it
    assert unrated[4:6] == ["1", "1"]  # the agency's choice; the ministry's session under way
    rated = next(row for row in table[1:] if row[0].startswith("3."))  # project execution
    assert rated[1:6] == ["0", "1", "1", "0", "0"]
    chart = c.get(base + "download/distribution.svg").content.decode()
    assert "– = Not rated yet</text>" in chart and "n/a = Not assessed</text>" in chart
    page = c.get(base).content.decode()
    assert "– = Not rated yet" in page


def test_gap_to_target_counts_not_rated_yet_apart_from_not_assessed(analysed,
                                                                     client_as) -> None:
    # "Gap to target per section" counted the sections of a session under way as "Not
    # assessed", as "Levels per section" did before it counted them apart
    import csv
    import io

    w = analysed
    base = reverse("analysis-engagement", args=[w.engagement.slug])
    table = list(csv.reader(io.StringIO(client_as(w.coordinator).get(
        base + "download/gaps.csv").content.decode("utf-8-sig"))))
    assert table[0][3:5] == ["Not assessed", "Not rated yet"]
    unrated = next(row for row in table[1:] if row[0].startswith("7."))  # neither rated it
    assert unrated[3:5] == ["1", "1"]  # the agency's choice; the ministry's session under way
    rated = next(row for row in table[1:] if row[0].startswith("3."))
    assert rated[3:5] == ["0", "0"]
