"""The IATI 2.03 activity file: valid against the standard's schema, with the indicators as
results; demo data refused unless asked for, and then marked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from govcap.orgs.models import Engagement

# The standards live beside the checkout (../shared/standards, named in the brief), or where
# GOVCAP_STANDARDS_DIR says; a clone elsewhere on the machine finds them at /work/shared.
STANDARDS = [Path(os.environ["GOVCAP_STANDARDS_DIR"])] if os.environ.get(
    "GOVCAP_STANDARDS_DIR") else []
STANDARDS += [Path(__file__).resolve().parents[2].parent / "shared" / "standards",
              Path("/work/shared/standards")]
SCHEMA_DIR = next((d / "iati-2.03" for d in STANDARDS if (d / "iati-2.03").is_dir()),
                  STANDARDS[0] / "iati-2.03")
ORG = "XM-DAC-41114"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    path = SCHEMA_DIR / "iati-activities-schema.xsd"
    if not path.is_file():
        pytest.fail(f"the IATI 2.03 schema is missing: looked in {', '.join(map(str, STANDARDS))}"
                    " (set GOVCAP_STANDARDS_DIR)")
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture
def reporting_org(settings):
    settings.GOVCAP_IATI_REPORTING_ORG = ORG
    settings.GOVCAP_IATI_REPORTING_ORG_NAME = "UNDP"


def iati(tmp_path, *args: str) -> etree._ElementTree:
    out = tmp_path / "activities.xml"
    call_command("results", "iati", *args, "--out", str(out))
    return etree.parse(str(out))


def test_the_file_is_valid_iati_203_with_a_result_per_indicator(programme, reporting_org,
                                                                 schema, tmp_path):
    tree = iati(tmp_path, "--engagement", programme.engagement.slug)
    schema.assertValid(tree)
    [activity] = tree.findall("iati-activity")
    assert activity.findtext("iati-identifier") == f"{ORG}-{programme.engagement.slug}"
    # the plan's months are its planned start (1) and end (3); its first course has run
    # (an actual start, 2), the second has not: no actual end (4) yet
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == [
        ("1", "2027-02-01"), ("3", "2028-01-31"), ("2", "2026-06-01")]
    trained = next(r for r in activity.findall("result")
                   if r.findtext("title/narrative") == "Officials trained")
    indicator = trained.find("indicator")
    assert indicator.get("measure") == "1"
    assert indicator.find("baseline").get("value") == "0"
    period = indicator.find("period")
    # the target is the whole plan's: its period runs to the end of the plan's months, not
    # the first course's end (2026-06-02), and holds the course run (here before them)
    months = programme.plan.data["months"]
    assert months[-1] > "2026-06"
    assert period.find("period-start").get("iso-date") == "2026-06-01"
    assert period.find("period-end").get("iso-date")[:7] == months[-1]
    assert period.find("target").get("value") == "16"  # the approved plan's participants
    actuals = period.findall("actual")
    assert actuals[0].get("value") == "2"  # T1 and T3 completed
    assert [(a.get("value"), a.find("dimension").get("value")) for a in actuals[1:]] == [
        ("2", "female")]
    completion = next(r for r in activity.findall("result")
                      if r.findtext("title/narrative") == "Completion rate")
    actual = completion.find("indicator/period/actual")
    assert actual.get("value") == "67" and actual.findtext("comment/narrative") == "2 of 3"


def test_the_actual_end_comes_once_every_course_of_the_plan_is_done_or_cancelled(
        programme, reporting_org, schema, tmp_path):
    from govcap.delivery import services
    from govcap.delivery.models import Delivery

    second = programme.plan.data["cohorts"][1]["cohort_id"]
    other = services.create_delivery(programme.coordinator, programme.plan, second)

    def dates() -> list[tuple[str, str]]:
        tree = iati(tmp_path, "--engagement", programme.engagement.slug)
        schema.assertValid(tree)
        return [(d.get("type"), d.get("iso-date"))
                for d in tree.findall("iati-activity/activity-date")]

    assert "4" not in dict(dates())  # the second course is being prepared
    Delivery.objects.filter(pk=other.pk).update(status=Delivery.Status.CANCELLED)
    assert dict(dates())["4"] == "2026-06-02"  # the one course that ran ended then


def test_the_programme_file_holds_one_activity_per_planned_engagement(
        programme, reporting_org, schema, tmp_path):
    tree = iati(tmp_path, "--programme")
    schema.assertValid(tree)
    # Kenya's baseline has an approved plan; Somalia's has none yet
    assert [a.find("recipient-country").get("code")
            for a in tree.findall("iati-activity")] == ["KE"]


def test_demo_data_is_refused_without_include_demo(programme, reporting_org, tmp_path):
    Engagement.objects.filter(pk=programme.engagement.pk).update(is_demo=True)
    out = tmp_path / "activities.xml"
    with pytest.raises(CommandError, match="demo data"):
        call_command("results", "iati", "--engagement", programme.engagement.slug,
                     "--out", str(out))
    with pytest.raises(CommandError, match="1 demo engagement left out"):
        call_command("results", "iati", "--programme", "--out", str(out))
    assert not out.exists()


def test_a_demo_preview_says_demo_data_in_every_title_and_description(
        programme, reporting_org, schema, tmp_path):
    Engagement.objects.filter(pk=programme.engagement.pk).update(is_demo=True)
    tree = iati(tmp_path, "--programme", "--include-demo")
    schema.assertValid(tree)
    activities = tree.findall("iati-activity")
    assert activities
    for activity in activities:
        assert activity.findtext("title/narrative").startswith("DEMO DATA")
        assert activity.findtext("description/narrative").startswith("DEMO DATA")


def test_no_file_without_the_reporting_organisation(programme, settings, tmp_path):
    settings.GOVCAP_IATI_REPORTING_ORG = ""
    with pytest.raises(CommandError, match="GOVCAP_IATI_REPORTING_ORG"):
        iati(tmp_path, "--programme")


def test_a_baseline_not_measured_is_said_not_written_without_a_value(
        programme, reporting_org, schema, tmp_path):
    # IATI 2.03: a quantitative baseline's @value "must be included"; a valueless
    # <baseline year> read as a baseline of nothing
    tree = iati(tmp_path, "--engagement", programme.engagement.slug)
    schema.assertValid(tree)
    results = tree.findall("iati-activity/result")
    assert all(b.get("value") is not None for b in tree.iter("baseline"))
    completion = next(r for r in results
                      if r.findtext("title/narrative") == "Completion rate")
    assert completion.find("indicator/baseline") is None
    assert completion.findtext("indicator/description/narrative").endswith(
        "Baseline: not measured.")
    trained = next(r for r in results if r.findtext("title/narrative") == "Officials trained")
    assert trained.find("indicator/baseline").get("value") == "0"
    assert "not measured" not in trained.findtext("indicator/description/narrative")


def test_level_4_is_reported_once_under_the_round_whose_training_it_was(
        programme, reporting_org, schema, tmp_path):
    """The baseline's training measured at the follow-up is a result of the baseline's
    activity, with the baseline's year; the follow-up's activity does not repeat it (an
    aggregator adding the activities' results would count it twice) and says where it is."""
    import datetime as dt

    from govcap.planning.models import Plan

    Engagement.objects.filter(pk=programme.engagement.pk).update(start_date=dt.date(2025, 2, 10))
    # the follow-up has its own approved plan: both rounds are activities of the file
    Plan.objects.create(engagement=programme.later, version=1, status=Plan.Status.APPROVED,
                        catalogue=programme.plan.catalogue, data_json=programme.plan.data_json)
    tree = iati(tmp_path, "--programme")
    schema.assertValid(tree)
    activities = {a.findtext("iati-identifier"): a for a in tree.findall("iati-activity")}
    baseline = activities[f"{ORG}-{programme.engagement.slug}"]
    later = activities[f"{ORG}-{programme.later.slug}"]

    def level_4(activity) -> list:
        return [r for r in activity.findall("result")
                if "level 4" in r.findtext("title/narrative")]

    assert level_4(later) == []
    assert programme.engagement.slug in later.findtext("description/narrative")
    [moving] = level_4(baseline)
    indicator = moving.find("indicator")
    assert indicator.find("baseline").get("year") == "2025"
    period = indicator.find("period")
    assert period.find("period-start").get("iso-date") == "2025-02-10"
    assert period.find("actual").get("value") == "100"
    # once in the whole file
    titles = [r.findtext("title/narrative") for a in activities.values()
              for r in a.findall("result")]
    assert titles.count(moving.findtext("title/narrative")) == 1


def test_the_iati_button_says_beforehand_that_the_setting_is_missing(programme, settings):
    import re

    from django.test import Client

    client = Client()
    client.force_login(programme.manager)
    settings.GOVCAP_IATI_REPORTING_ORG = ""
    page = client.get("/indicators/").content.decode()
    assert re.search(r'<button class="button" type="button" aria-disabled="true"[^>]*>'
                     r'IATI activity file', page)
    assert "the server&#x27;s operator sets GOVCAP_IATI_REPORTING_ORG" in page
    settings.GOVCAP_IATI_REPORTING_ORG = ORG
    page = client.get("/indicators/").content.decode()
    assert re.search(r'<button class="button">IATI activity file', page)
    assert "GOVCAP_IATI_REPORTING_ORG" not in page


def test_a_share_reads_in_the_file_as_on_the_results_page(programme, reporting_org, schema,
                                                          tmp_path):
    """A donor comparing the page and the file reads the same figure: the page's "67% (2 of
    3)" is 67 in the file (its comment "2 of 3"), not 66.7; a gain keeps its one decimal."""
    from govcap.results import document
    from govcap.results.build import build
    from govcap.results.core import indicators as ind

    tree = iati(tmp_path, "--engagement", programme.engagement.slug)
    schema.assertValid(tree)
    results = build(None, programme.engagement)
    page = {document.name(i): i for i in results.indicators}
    compared = 0
    for result in tree.iterfind("iati-activity/result"):
        i = page[result.findtext("title/narrative")]
        if i.unit not in (ind.PERCENT, ind.POINTS):
            continue
        for kind, value in (("target", i.target), ("actual", i.value)):
            written = result.find(f"indicator/period/{kind}")
            if value is None:
                assert written is None
                continue
            shown = (document.target(i, value) if kind == "target"
                     else document.actual(i))  # "67% (2 of 3)", "+42.1 points (n = 2)"
            figure = shown.split("%")[0] if i.unit == ind.PERCENT else shown.split()[0]
            assert written.get("value") == figure.lstrip("+").replace("−", "-"), (i.key, shown)
            compared += 1
    assert compared >= 3
