"""An edit recomputes the schedule, so other courses may change month: the coordinator is
told which, from which month to which, in the success message and in the Edits list, and
how to keep a course in its month ("Keep as it is"). An edit that moves nothing else says
nothing more."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from govcap.orgs.models import Engagement
from govcap.planning import inputs_db, services, wording
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.models import PlanEdit
from tests.demo.helpers import demo_data
from tests.planning.test_plan_page_path import text_of


@pytest.fixture
def kenya(client, django_user_model, monkeypatch):
    """The demo's Kenya follow-up plan, generated, with an administrator logged in; dated
    4 Nov 2026, so with the default 8 weeks' lead time it starts in January 2027."""
    for module in (inputs_db, services):
        monkeypatch.setattr(module, "plan_date", lambda: dt.date(2026, 11, 4))
    demo_data()
    ensure_default_catalogue()
    admin = django_user_model.objects.create_superuser("plan-mover", password="pw-1-tests")
    client.force_login(admin)
    engagement = Engagement.objects.get(slug="kenya-follow-up-2026")
    services.generate(engagement, admin)
    return engagement


def course(engagement, code: str):
    return next(c for c in services.latest_plan(engagement).plan_data().cohorts
                if c.module_code == code)


def said(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


@pytest.mark.django_db
def test_a_move_that_displaces_another_course_names_it_with_both_months(client, kenya):
    moved, svc102 = (course(kenya, c) for c in ("SVC-101", "SVC-102"))
    assert (moved.month, svc102.month) == ("2027-01", "2027-02")
    plan = services.latest_plan(kenya).plan_data()
    names = {o.org_id: o.org_name for o in plan.organisations}
    # "Ministry of Information, Communications and the Digital Economy" holds a comma:
    # the names are listed with semicolons
    whose = "; ".join(sorted(names[m.org_id] for m in svc102.members))
    response = client.post(reverse("plan-edit", args=[kenya.slug, "move-cohort"]),
                           {"op_id": "c" * 32, "cohort": moved.cohort_id, "month": "2027-03"},
                           follow=True)
    message = said(response)
    assert message.startswith("Saved: Move Defining and cataloguing government services "
                              "(SVC-101), January 2027 to March 2027.")
    after = {c: course(kenya, c).month for c in ("SVC-101", "SVC-102")}
    # SVC-102 is taught after SVC-101: it follows it past March
    assert after == {"SVC-101": "2027-03", "SVC-102": "2027-04"}
    assert ("This also moved: Business process analysis and simplification (SVC-102) for "
            f"{whose} from February 2027 to April 2027.") in message
    assert "(SVC-101) from" not in message  # the course asked for is not "also" moved
    assert ("To keep a course in its month, choose “Keep as it is” under it in Courses "
            "(“Change this course”).") in message
    # The Edits list keeps saying it with the edit's outcome.
    stored = PlanEdit.objects.get(op_id="c" * 32)
    assert {m["module_code"] for m in stored.moved_others} == {"SVC-102"}
    page = " ".join(text_of(client.get(reverse("plan", args=[kenya.slug])).content.decode())
                    .split())
    edits = page.split("Edits kept for this engagement")[1]
    assert ("When it was saved: This also moved: Business process analysis and "
            f"simplification (SVC-102) for {whose} from February 2027 to April 2027.") in edits
    assert "“Keep as it is”" in edits


@pytest.mark.django_db
def test_two_courses_moved_are_listed_and_the_advice_is_plural():
    catalogue = ensure_default_catalogue().parsed()
    said = wording.moved_others(
        [{"module_code": "SVC-102", "before": "2027-02", "after": "2027-01"},
         {"module_code": "POL-901", "before": "2027-03", "after": "2027-02"}],
        wording.Namer(catalogue))
    assert said == (
        "This also moved: Business process analysis and simplification (SVC-102) from "
        "February 2027 to January 2027; Coaching in digital policy and strategy (POL-901) "
        "from March 2027 to February 2027. To keep these courses in their months, choose "
        "“Keep as it is” under each in Courses (“Change this course”).")


@pytest.mark.django_db
def test_a_course_moved_names_the_organisations_whose_course_it_is():
    # "Plan POL-901 instead" for the Ministry of Health moved the Treasury's coaching: the
    # message said only "Coaching … (POL-901)", read as the Ministry's own
    catalogue = ensure_default_catalogue().parsed()
    names = wording.Namer(catalogue)
    names.orgs.update({"treasury": "The National Treasury", "health": "Ministry of Health"})
    said = wording.moved_others(
        [{"module_code": "POL-901", "before": "2027-02", "after": "2027-03",
          "orgs": ["treasury"]}], names)
    assert said.startswith("This also moved: Coaching in digital policy and strategy "
                           "(POL-901) for The National Treasury from February 2027 to "
                           "March 2027."), said


@pytest.mark.django_db
def test_an_edit_that_displaces_nothing_says_nothing_more(client, kenya):
    before = {c.cohort_id: c.month for c in services.latest_plan(kenya).plan_data().cohorts}
    catalogue = ensure_default_catalogue().parsed()
    kept = next(c for c in services.latest_plan(kenya).plan_data().cohorts if c.month
                and c.participants >= catalogue.by_code[c.module_code].min_cohort)
    response = client.post(reverse("plan-edit", args=[kenya.slug, "lock-cohort"]),
                           {"op_id": "d" * 32, "cohort": kept.cohort_id}, follow=True)
    after = {c.cohort_id: c.month for c in services.latest_plan(kenya).plan_data().cohorts}
    assert before == after
    message = said(response)
    assert message == (f"Saved: Keep {catalogue.by_code[kept.module_code].title} "
                       f"({kept.module_code}) as it is (members and month).")
    assert "also moved" not in message and "Keep as it is”" not in message
    assert PlanEdit.objects.get(op_id="d" * 32).moved_others == []
    page = text_of(client.get(reverse("plan", args=[kenya.slug])).content.decode())
    assert "When it was saved" not in page and "also moved" not in page
