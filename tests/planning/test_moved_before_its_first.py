"""A coordinator who moves a course before the lower-numbered course its organisations take
first (a 102 before its 101) is told at the move that it reverses the order, and the plan
page and the PDF annex then say the coordinator's move is why — not that no later month had
room for it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from govcap.planning import services, wording
from govcap.reports import documents
from govcap.reports.build import build_document
from tests.planning.test_catalogue_name import texts

from .test_edits_on_the_page import EA1, EA2, courses, months, move, page, said
from .test_plan_views import planned  # noqa: F401  (the fixture)


@pytest.mark.django_db
def test_a_102_moved_before_its_101_says_the_coordinator_placed_it(client,
                                                                   planned) -> None:  # noqa: F811
    client.force_login(planned.coordinator)
    second = courses(planned)["EA-102"]["month"]
    late = min(m for m in months(planned) if m > second)
    message = said(move(client, planned, "late", "EA-101", late))
    assert "reverses" not in message  # the schedule kept EA-102 after it
    message = said(move(client, planned, "early", "EA-102", second))
    assert courses(planned)["EA-102"]["month"] == second < courses(planned)["EA-101"]["month"]
    who = "ICT Authority, Ministry of ICT"
    assert (f"After this move, {EA2} in {wording.month_label(second)} comes before {EA1} in "
            f"{wording.month_label(late)}, the reverse of the order they are taught in, for "
            f"these organisations: {who}.") in message, message
    shown = page(client, planned).split("Needs by priority")[1]
    assert "no later month had room" not in shown
    assert (f"Placed before {EA1} by the coordinator (moved to "
            f"{wording.month_label(second)}).") in shown.replace("( ", "(").replace(" )", ")")
    plan = services.latest_plan(planned.engagement)
    annex = " ".join(texts(build_document(plan.plan_data(), documents._context(plan, None, "en"),
                                          plan.catalogue.parsed("en"))))
    assert "no later month had room" not in annex
    assert (f"Placed before EA-101 by the coordinator (moved to "
            f"{wording.month_label(second)}).") in annex


@pytest.mark.django_db
def test_the_cohort_cap_says_it_counts_classes_only(client, planned) -> None:  # noqa: F811
    # coaching and e-learning take none of a month's cohorts (planning.core.schedule): the
    # documents and the settings say so, and the order by number allows the coordinator's move
    plan = services.latest_plan(planned.engagement)
    text = " ".join(texts(build_document(plan.plan_data(), documents._context(plan, None, "en"),
                                         plan.catalogue.parsed("en"))))
    assert ("cohorts running in one month, counting classes only: coaching, on-the-job "
            "projects and e-learning are not counted.") in text
    assert ("in the same month, counting classes only: coaching, on-the-job projects and "
            "e-learning are not counted.") in text
    assert "e-learning count their training days but take nobody away" in text  # the load annex
    assert "finds no month in that order, or that the coordinator moved, runs" in text
    client.force_login(planned.coordinator)
    settings = client.get(reverse("plan-settings", args=[planned.engagement.slug]))
    assert "classes only, coaching and e-learning not counted" in settings.content.decode()


@pytest.mark.django_db
def test_the_edits_list_keeps_that_the_move_reversed_the_order(client,
                                                               planned) -> None:  # noqa: F811
    # the list kept only "This also moved: …" of the move's message; the reversal was lost
    client.force_login(planned.coordinator)
    second = courses(planned)["EA-102"]["month"]
    late = min(m for m in months(planned) if m > second)
    move(client, planned, "late", "EA-101", late)
    move(client, planned, "early", "EA-102", second)
    kept = page(client, planned).split("Edits kept for this engagement")[1]
    row = kept.split(f"Move {EA2}")[1]
    assert (f"When it was saved: After this move, {EA2} in {wording.month_label(second)} "
            f"comes before {EA1} in {wording.month_label(late)}, the reverse of the order "
            f"they are taught in, for these organisations: ICT Authority, Ministry of "
            f"ICT.") in row, row
    assert "reverses" not in kept.split(f"Move {EA2}")[0]  # the first move reversed nothing
