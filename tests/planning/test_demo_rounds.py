"""The Kenya follow-up plan remembers the baseline round (issue 14): ICT Authority, still
Basic on change management after its 2025 courses, gets coaching, not the same courses;
KSG is not given the course it had again; Ministry of ICT's drop on section 7 is flagged."""

from __future__ import annotations

import pytest

from govcap.orgs.models import Engagement
from govcap.planning.inputs_db import open_cohorts, previous_courses
from govcap.planning.services import generate
from tests.demo.helpers import demo_data


@pytest.mark.django_db
def test_the_kenya_follow_up_plan_changes_intervention_and_flags_the_regression() -> None:
    demo_data()
    follow_up = Engagement.objects.get(slug="kenya-follow-up-2026")
    earlier = previous_courses(follow_up)
    assert earlier and {c.engagement_name for c in earlier} == {"Kenya — baseline 2025"}
    # the baseline was delivered: its completed courses count over the plan's schedule
    assert {c.source for c in earlier} == {"approved-plan", "delivered"}
    data = generate(follow_up, None).data
    name = {o["org_id"]: o["org_name"] for o in data["organisations"]}
    org = {v: k for k, v in name.items()}
    had = {(c["org_id"], c["module_code"]) for c in data["previous_courses"]
           if not c["outcome"]}
    ict = org["ICT Authority"]
    assert {(ict, "CHG-101"), (ict, "CHG-102")} <= had
    ict_needs = {n["module_code"]: n for n in data["needs"] if n["org_id"] == ict}
    assert "CHG-101" not in ict_needs and "CHG-102" not in ict_needs
    coaching = ict_needs["CHG-901"]
    assert coaching["origin"] == "follow-on" and coaching["status"] == "scheduled"
    assert {f["module_code"] for f in coaching["follows"]} == {"CHG-101", "CHG-102"}
    # nobody is prescribed a course it had in the baseline round
    assert not any((n["org_id"], n["module_code"]) in had for n in data["needs"])
    # but a course none of its people completed is planned again, and says so: the
    # Treasury's two participants in POL-102 (November 2025) came only in part
    treasury = next(k for k, v in name.items() if v.startswith("The National Treasury"))
    again = next(n for n in data["needs"] if (n["org_id"], n["module_code"]) == (
        treasury, "POL-102"))
    assert again["origin"] == "gap" and [
        (r["outcome"], r["completed"], r["participants"], r["month"])
        for r in again["retried"]] == [("not-completed", 0, 2, "2025-11")]
    assert any("0 of 2 participants" in line and "planned again" in line
               for line in again["rationale"])
    moict = next(k for k, v in name.items() if v.startswith("Ministry of Information"))
    section7 = next(s for s in data["sections"] if s["org_id"] == moict
                    and s["section_key"] == "processes-services")
    assert (section7["previous"], section7["current"], section7["change"]) == (
        "moderate", "basic", "regressed")
    assert any(s["change"] == "improved" for s in data["sections"])
    # every line no cohort can hold offers at least the in-house session, unless it waits
    # for an earlier course left out too (then only what needs no earlier course)
    for line in data["unfit"]:
        if line["module_code"]:
            kinds = {a["kind"] for a in line["alternatives"]}
            if line["reason"] == "prerequisite-unfit":
                assert kinds and "in-house" not in kinds
            else:
                assert "in-house" in kinds
    # the other countries' plans have cohorts with places free to offer
    assert all(c.engagement_name != follow_up.name for c in open_cohorts(follow_up))
    # by their country's code, named in the reader's language where shown
    countries = {c.country for c in open_cohorts(follow_up)}
    assert countries and countries <= {"DJ", "SO", "KE"}


@pytest.mark.django_db
def test_the_kenya_follow_up_plan_page_flags_the_regression_and_says_why(client,
                                                                          django_user_model):
    import html
    import re

    from django.urls import reverse
    demo_data()
    admin = django_user_model.objects.create_superuser("rounds-reader", password="pw-1-tests")
    client.force_login(admin)
    follow_up = Engagement.objects.get(slug="kenya-follow-up-2026")
    generate(follow_up, admin)
    page = client.get(reverse("plan", args=[follow_up.slug])).content.decode()
    inline = re.sub(r'<span class="code">([^<]*)</span>', r"\1", page)  # one-line codes
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())
    assert "Since the previous round" in text
    assert "Moderate Basic Regressed" in text and 'class="regressed"' in page
    # the baseline plan is dated 30 Apr 2025, the day its assessments ended: 8 weeks on
    # is 25 Jun, so its courses start in July 2025
    assert ("ICT Authority completed Foundations of change management in government "
            "(CHG-101) (July 2025), Communicating and supporting change for digital services "
            "(CHG-102) (August 2025) in Kenya — baseline 2025 and the gap persists: coaching "
            "instead of repeating the course.") in text
    assert "Other ways:" in text and "in-house for this organisation alone" in text
    assert "follow-on" not in text and "join-cohort" not in text


@pytest.mark.django_db
def test_the_catalogue_page_lists_the_interventions_and_an_edit_keeps_them(client,
                                                                            django_user_model):
    from django.urls import reverse

    from govcap.planning.catalogues import ensure_default_catalogue, save_module_edit
    row = ensure_default_catalogue()
    admin = django_user_model.objects.create_superuser("catalogue-admin", password="pw-1-tests")
    client.force_login(admin)
    page = client.get(reverse("plan-catalogue")).content.decode()
    assert "Interventions other than a course" in page
    assert "CHG-901" in page and "Coaching in change management" in page
    assert "On-the-job project" in page and "from Moderate to High, to sustain High" in page
    edited = save_module_edit(row, "EA-101", {"days": 2}, user=admin)
    assert edited.version != row.version
    assert len(edited.parsed().interventions) == len(row.parsed().interventions) == 28
    assert edited.parsed("fr").by_code["EA-901"].title.startswith("Accompagnement")
