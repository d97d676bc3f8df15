"""Issue #17's journey, through the pages only (the approved plan is the only setup): a
coordinator goes from the approved plan to its deliveries, records a course's delivery
(dates, venue, mode, provider, trainers), nominates two participants, marks attendance and
completion, and opens the evaluation links shown in the room; one participant answers the
checks before and after the course and the reaction form on a 360 px touch phone, where
nothing scrolls sideways and a second answer is kindly refused; the evaluation page and
the results page then count that participant's answers, with their n.

GOVCAP_JOURNEY_SHOTS=1 keeps a screenshot of each page in /tmp/journey-*.png."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest

from govcap import localise
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import violations
from tests.delivery.helpers import approved_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
THANKS = "Thank you. Your answers are recorded."
YES, NOT_YET = "Yes, I can do this", "Not yet"
RATINGS = {
    "Relevance to my work": "5",
    "Quality of the course": "4",
    "The trainer": "5",
    "Would recommend it to a colleague": "4",
}  # a mean of 4.5: satisfied


def shot(page, name: str) -> None:
    if os.environ.get("GOVCAP_JOURNEY_SHOTS") == "1":
        page.screenshot(path=f"/tmp/journey-{name}.png", full_page=True)


def fits_the_phone(tab) -> bool:
    return tab.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def message(page, text: str):
    """The page's message saying exactly ``text`` (the page before may say another)."""
    return page.locator("#messages p", has_text=re.compile(rf"^{re.escape(text)}$"))


def record_the_delivery(page, cohort_id: str) -> None:
    # the row is named as the plan's documents name the course; its id is the form's value
    page.locator("tbody tr", has=page.locator(f'input[name="cohort"][value="{cohort_id}"]')
                 ).get_by_role(
        "button", name="Record delivery"
    ).click()
    page.wait_for_url(re.compile(r".*/deliveries/[0-9a-f-]{36}/$"))
    page.get_by_text("Change the delivery").click()
    details = page.locator("form", has=page.get_by_role("heading", name="Details"))
    move = page.locator("form", has=page.get_by_role("heading", name="Move"))
    assert move.get_by_label("New start date").count() == 1  # its own, not the details' date
    details.get_by_label("Status").select_option(label="In progress")
    # the course ran this week: attendance is taken from its first day, not before
    start, end = dt.date.today() - dt.timedelta(days=3), dt.date.today() - dt.timedelta(days=2)
    details.get_by_label("Start date").fill(start.isoformat())
    details.get_by_label("End date").fill(end.isoformat())
    details.get_by_label("Days").fill("2")
    details.get_by_label("Venue").fill("Kenya School of Government, Lower Kabete")
    details.get_by_label("Mode").select_option(label="In person")
    details.get_by_label("Training provider").select_option(label="Kenya School of Government")
    details.get_by_label("Trainers").fill("J. Otieno, M. Wanjiru")
    details.get_by_role("button", name="Save").click()
    message(page, "Saved.").wait_for()
    facts = page.locator("dl.facts").inner_text()
    for fact in (
        localise.day_range(start, end),  # "1–2 December 2026", the month said once
        "Kenya School of Government, Lower Kabete",
        "In person",
        "J. Otieno, M. Wanjiru",
    ):
        assert fact in facts
    changes = page.locator("section", has=page.get_by_role("heading", name="Changes"))
    assert changes.locator("tbody td").nth(2).inner_text() == "Changed the course"  # worded


def nominate(page, organisation: str, role: str, gender: str, name: str, code: str) -> None:
    page.get_by_text("Add a nomination").click()
    form = page.locator("form.nominate")
    form.get_by_label("Organisation").select_option(label=organisation)
    form.get_by_label("Role or job title").fill(role)
    form.get_by_label("Gender").select_option(label=gender)
    form.get_by_label("Name (optional, kept apart)").fill(name)
    form.get_by_role("button", name="Nominate").click()
    message(page, f"Nominated as {code}.").wait_for()


def open_link(page, form: str) -> str:
    """On the delivery's evaluation page: open a link for the form; its address, as the
    page showing the QR code in the room gives it."""
    page.locator("form.eval-open").get_by_label("Form").select_option(label=form)
    page.get_by_role("button", name="Open a link").click()
    page.wait_for_url(re.compile(r".*/evaluation/links/[0-9a-f-]{36}/$"))
    assert page.locator(".qr svg").is_visible()
    shot(page, "qr-code")
    address = page.locator(".address code").inner_text().strip()
    page.get_by_role("link", name="Evaluation", exact=True).click()
    page.wait_for_url(re.compile(r".*/evaluation/$"))
    return address


def answer_the_check(tab, address: str, marks: list[str]) -> None:
    tab.goto(address)
    assert fits_the_phone(tab)
    tab.get_by_label("Your participant code").select_option("T1")
    objectives = tab.locator("fieldset.q")
    assert objectives.count() == len(marks)
    for objective, mark in zip(objectives.all(), marks, strict=True):
        objective.get_by_text(mark, exact=True).tap()
    tab.get_by_role("button", name="Send my answers").tap()
    tab.get_by_text(THANKS).wait_for()
    assert fits_the_phone(tab)


def indicator(page, name: str) -> tuple[str, str]:
    """(actual, n) of an indicator in the results page's table."""
    header = page.get_by_role("rowheader", name=name, exact=True)
    cells = page.locator("tr", has=header).locator("td")
    return cells.nth(2).inner_text(), cells.nth(3).inner_text()


def test_a_course_is_delivered_answered_on_a_phone_and_counted(browser, page, live_server, world):
    plan = approved_plan(world)
    cohort_id = plan.data["cohorts"][0]["cohort_id"]
    base = live_server.url

    # the coordinator: from the approved plan to its deliveries, the course delivered
    log_in(page, base, world.coordinator.username)
    page.get_by_role("link", name=world.engagement.name).click()
    page.get_by_role("link", name="Training plan").click()
    shot(page, "00-plan")
    page.locator(".actions").get_by_role("link", name="Deliveries").click()
    page.wait_for_url(f"{base}/deliveries/e/{world.engagement.slug}/")
    shot(page, "01-deliveries")
    record_the_delivery(page, cohort_id)
    nominate(page, "Ministry of ICT", "Systems analyst", "Female", "Amina W.", "T1")
    nominate(page, "ICT Authority", "Enterprise architect", "Male", "Brian K.", "T2")
    for box in ("T1, day 1", "T1, day 2", "T2, day 1"):
        page.get_by_label(box, exact=True).check()
    page.get_by_role("button", name="Save attendance").click()
    message(page, "4 marks saved.").wait_for()
    nominations = page.locator("section", has=page.get_by_role("heading", name="Nominations"))
    amina = nominations.locator("tbody tr", has_text="Amina W.")
    amina.get_by_label("Completion").select_option(label="Completed")
    amina.get_by_role("button", name="Save").click()
    message(page, "Saved.").wait_for()
    assert page.locator(".totals li", has_text="Completed").inner_text().split() == [
        "Completed",
        "1",
    ]
    shot(page, "02-delivery")
    # at 1024 px the nominees' table fits its card (at 1280 its "Remove" column was cut off)
    page.set_viewport_size({"width": 1024, "height": 900})
    remove, card = (nominations.get_by_role("link", name="Remove T2").bounding_box(),
                    nominations.bounding_box())
    assert remove and card and remove["x"] + remove["width"] <= card["x"] + card["width"]

    # the check before the course, its link shown in the room
    page.get_by_role("link", name="Evaluation: reaction, learning and follow-ups").click()
    pre = open_link(page, "Level 2: learning check before the course")
    phone = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2, locale="en-GB"
    )
    tab = phone.new_page()
    tab.set_default_timeout(15_000)
    try:
        tab.goto(pre)
        shot(tab, "03-phone-before")
        assert violations(tab, base) == []
        n = tab.locator("fieldset.q").count()
        assert n >= 3
        answer_the_check(tab, pre, [YES] + [NOT_YET] * (n - 1))

        # the end of the course: the check after it and the reaction
        post = open_link(page, "Level 2: learning check after the course")
        reaction = open_link(page, "Level 1: reaction at the end of the course")
        answer_the_check(tab, post, [YES] * (n - 1) + [NOT_YET])
        early = phone.new_page()  # the form opened on another phone before T1 answers
        early.set_default_timeout(15_000)
        early.goto(reaction)
        tab.goto(reaction)
        assert fits_the_phone(tab)
        assert violations(tab, base) == []
        tab.get_by_label("Your participant code").select_option("T1")
        for question, rating in RATINGS.items():
            tab.get_by_role("group", name=question).get_by_text(rating, exact=True).tap()
        tab.get_by_label("Anything else you want to tell us?").fill("More practice, please.")
        shot(tab, "04-phone-reaction")
        tab.get_by_role("button", name="Send my answers").tap()
        tab.get_by_text(THANKS).wait_for()

        # T1 has answered: the form no longer offers T1 (no one can answer as T1)
        tab.goto(reaction)
        assert tab.locator("#id_code option[value=T1]").count() == 0
        # the same code from the page opened before: kindly refused, the first answer kept
        early.get_by_label("Your participant code").select_option("T1")
        early.get_by_role("group", name="Relevance to my work").get_by_text(
            "1", exact=True).tap()
        early.get_by_role("button", name="Send my answers").tap()
        early.get_by_text("an answer for T1 is already recorded").wait_for()
        assert early.get_by_text(THANKS).count() == 0
        assert fits_the_phone(early)
        shot(early, "05-phone-already")
    finally:
        phone.close()

    # the coordinator's evaluation page: one of two answered, the refused answer not counted
    page.reload()
    shot(page, "06-evaluation")
    assert "1 participant of 2 answered." in page.locator("main").inner_text()
    relevance = page.locator("tr", has=page.get_by_role("rowheader", name="Relevance to my work"))
    assert relevance.locator("td").all_inner_texts() == ["5.0", "1"]

    # the results: satisfaction and learning gain counted over the one who answered
    page.get_by_role("link", name="Results", exact=True).click()
    page.wait_for_url(f"{base}/indicators/")
    shot(page, "07-indicators")
    before, after = 100 / n, 100 * (n - 1) / n
    assert indicator(page, "Participants satisfied with the course (level 1)") == (
        "100% (1 of 1)",
        "1",
    )
    assert indicator(page, "Self-assessed learning gain (level 2)") == (
        f"{after - before:+.1f} points (n = 1)",
        "1",
    )
    evaluation = page.locator("section#evaluation").inner_text()
    assert re.search(r"Level 1: mean rating 4\.50 of 5", evaluation)
    assert re.search(rf"Level 2 \(self-assessed\): the participant said they could do "
                     rf"{before:.0f}% .* before .* {after:.0f}% after", evaluation)
