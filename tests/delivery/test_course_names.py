"""The delivery pages name a course as the plan's documents do: its title and code, the
documents' cohort number, its month and its organisations — never the internal id.

A reviewer found Kenya follow-up's deliveries overview listing three POL-901 rows by id
("POL-901/en/01", "/en/02", "/en/03"), with no organisations: en/03 is the February coaching
for ODPC that the plan's PDF and workbook call "POL-901 cohort 1", en/01 and en/02 are
March's. A coordinator could record a delivery against the wrong cohort (which feeds the
next round's memory of what was delivered), and the provider's list showed "POL-102/en/01"."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.delivery import pages, services
from govcap.delivery.models import Delivery
from govcap.orgs.models import Engagement, Organisation
from govcap.planning.models import Plan
from govcap.planning.services import generate
from govcap.reports import cohort_numbers
from tests.demo.helpers import demo_data
from tests.security.helpers import client_for

ID = re.compile(r"\b[A-Z]{2,5}-\d{2,4}/[a-z]{2}/\d{2}\b")  # "POL-102/en/01"


def _text(page: str) -> str:
    inline = re.sub(r'<span class="code">([^<]*)</span>', r"\1", page)  # one-line codes
    inline = re.sub(r"</?bdi>", "", inline)  # a name set apart, not a word apart
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def _visible(page: str) -> str:
    """What a reader sees of a page: its text, without the forms' hidden values."""
    return _text(re.sub(r"<input[^>]*>", " ", page))


def _approved(engagement: Engagement, user) -> Plan:
    plan = generate(engagement, user)
    # approval refuses a schedule that has begun (the test's clock): the status is the point
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.APPROVED)
    plan.refresh_from_db()
    return plan


def _three_pol_901(plan: Plan) -> dict[str, dict]:
    """The reviewer's plan: POL-901's February coaching for ODPC is the last by its id
    (en/03), its two March cohorts en/01 and en/02 (KSG, then the Treasury)."""
    engagement = plan.engagement
    kenya = Organisation.objects.filter(country=engagement.country)
    engagement.organisations.add(*kenya.filter(name__in=[
        "Kenya School of Government", "The National Treasury and Economic Planning",
        "Office of the Data Protection Commissioner"]))
    org = {o.name: str(o.uuid) for o in kenya}
    cohorts = [c for c in plan.data["cohorts"] if c["module_code"] != "POL-901"]
    base = next(c for c in plan.data["cohorts"] if c["module_code"] == "POL-901")
    made = {}
    for n, (month, name) in enumerate([("2027-03", "Kenya School of Government"),
                                       ("2027-03", "The National Treasury and Economic Planning"),
                                       ("2027-02", "Office of the Data Protection Commissioner")],
                                      start=1):
        made[name] = {**base, "cohort_id": f"POL-901/en/0{n}", "month": month,
                      "status": "scheduled", "participants": 3,
                      "members": [{**base["members"][0], "org_id": org[name], "participants": 3}]}
    plan.data["cohorts"] = cohorts + list(made.values())
    Plan.objects.filter(pk=plan.pk).update(data_json=json.dumps(plan.data))
    plan.refresh_from_db()
    return made


@pytest.mark.django_db
def test_kenya_follow_up_names_pol_901_cohort_1_as_the_february_coaching_for_odpc():
    demo_data()
    engagement = Engagement.objects.get(slug="kenya-follow-up-2026")
    coordinator = get_user_model().objects.get(username="demo-coordinator-ke")
    plan = _approved(engagement, coordinator)
    made = _three_pol_901(plan)
    # the documents' numbers: the February one is cohort 1, though its id ends in 03
    numbered = cohort_numbers.numbers(plan.plan_data())
    assert numbered is not None
    assert [numbered[made[n]["cohort_id"]] for n in made] == [2, 3, 1]

    client = client_for(coordinator)
    page = client.get(reverse("deliveries-engagement", args=[engagement.slug])).content.decode()
    text = _visible(page)
    assert not ID.search(text), ID.findall(text)
    assert ("Coaching in digital policy and strategy (POL-901) cohort 1 "
            "Office of the Data Protection Commissioner February 2027") in text
    assert ("Coaching in digital policy and strategy (POL-901) cohort 2 "
            "Kenya School of Government March 2027") in text
    assert ("Coaching in digital policy and strategy (POL-901) cohort 3 "
            "The National Treasury and Economic Planning March 2027") in text
    # in the plan's order: cohort 1 (February) before cohorts 2 and 3
    assert text.index("(POL-901) cohort 1") < text.index("(POL-901) cohort 2") < text.index(
        "(POL-901) cohort 3")
    # recording cohort 1 records the ODPC's February coaching, named so on its page
    odpc = made["Office of the Data Protection Commissioner"]["cohort_id"]
    row = next(r for r in page.split("<tr>") if "(<span class=\"code\">POL-901</span>)" in r
               and '<span class="course-cohort">cohort 1</span>' in r)
    assert f'name="cohort" value="{odpc}"' in row
    delivery = services.create_delivery(coordinator, plan, odpc)
    course = _visible(client.get(reverse("delivery", args=[delivery.uuid])).content.decode())
    assert "Coaching in digital policy and strategy (POL-901), cohort 1" in course
    assert "planned for February 2027" in course
    assert "Organisations: Office of the Data Protection Commissioner" in course
    assert not ID.search(course), ID.findall(course)
    # its evaluation says which of POL-901's courses it evaluates
    evaluation = _visible(client.get(reverse("delivery-evaluation", args=[delivery.uuid]))
                          .content.decode())
    assert "Evaluation of Coaching in digital policy and strategy (POL-901), cohort 1" in evaluation


@pytest.mark.django_db
def test_every_demo_plan_numbers_its_courses_as_its_documents_and_the_provider_sees_no_ids():
    demo_data()
    admin = get_user_model().objects.create_superuser("numbers-reader", password="pw-1-tests")
    follow_up = Engagement.objects.get(slug="kenya-follow-up-2026")
    _approved(follow_up, admin)
    plans = list(Plan.objects.filter(status=Plan.Status.APPROVED).select_related("engagement"))
    assert len({p.engagement_id for p in plans}) == 4
    several = 0
    for plan in plans:
        documents = cohort_numbers.numbers(plan.plan_data())  # the PDF's Cohort column
        several += documents is not None
        deliveries = list(Delivery.objects.filter(plan=plan))
        rows = pages.course_rows(plan, deliveries, "en")
        assert rows
        for row in rows:
            assert row.course is not None
            assert row.course.number == (documents or {}).get(row.cohort_id), row.cohort_id
        for d in deliveries:
            assert d.course.number == (documents or {}).get(d.cohort_id)
    assert several  # a plan whose documents number its cohorts (Kenya follow-up's CHG-901)

    provider = get_user_model().objects.get(username="demo-provider-ke")
    page = client_for(provider).get(reverse("deliveries")).content.decode()
    text = _visible(page)
    assert "Policy engagement for digital government (POL-102)" in text
    assert "/en/" not in text and not ID.search(text), ID.findall(text)
    # each course with its organisations, as the plan's documents list them
    delivery = Delivery.objects.get(engagement__slug="kenya-baseline-2025",
                                    module_code="POL-102")
    members = {m["org_id"] for c in delivery.plan.data["cohorts"]
               if c["cohort_id"] == delivery.cohort_id for m in c["members"]}
    orgs = sorted(o.name for o in Organisation.objects.filter(uuid__in=members))
    assert len(orgs) > 1 and f"(POL-102) {', '.join(orgs)} Kenya — baseline 2025" in text
    sheet = _visible(client_for(provider).get(
        reverse("delivery-sign-in", args=[delivery.uuid, 1])).content.decode())
    assert "Policy engagement for digital government (POL-102)" in sheet
    assert not ID.search(sheet), ID.findall(sheet)
