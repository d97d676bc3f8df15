"""A participant answers levels 1 and 2 on a 360 px phone through the trainer's link, in
English and in Arabic (right to left), with JavaScript off: nothing scrolls sideways, the
answers are stored once. And the trainer's side: from the evaluation page a link is opened
and its QR code shown (again after a reload); the phone is kindly refused a second answer
and finds the form closed once the trainer closes it; paper answers are typed in after."""

from __future__ import annotations

import re

import pytest

from govcap.delivery import evaluation as ev
from govcap.delivery.models import EvaluationLink, LearningCheck, Reaction
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_participant_answers_on_a_small_phone_without_javascript(
        browser, live_server, course, language, settings):
    # offered whatever the catalogues' completeness today: the layout is what is tested
    settings.LANGUAGES = [("en", "English"), ("ar", "العربية")]
    base = live_server.url
    reaction = ev.open_link(course.provider, course.delivery, 1)
    learning = ev.open_link(course.provider, course.delivery, 2, phase="post")
    n = len(ev.objectives(course.delivery))
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  java_script_enabled=False)
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    tab, early = context.new_page(), context.new_page()
    try:
        early.goto(f"{base}/q/{reaction.token}/")  # a page opened before T1 answers
        tab.goto(f"{base}/q/{reaction.token}/")
        assert tab.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360
        tab.select_option("#id_code", "T1")
        tab.locator("label[for=id_relevance_4]").click()  # the 5
        tab.locator("label[for=id_trainer_3]").click()  # the 4
        tab.fill("#id_comment", "مفيد" if language == "ar" else "Useful")
        tab.locator("button.send").click()
        assert tab.locator(".msg-success").count() == 1

        tab.goto(f"{base}/q/{learning.token}/")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360
        tab.select_option("#id_code", "T1")
        for i in range(1, n + 1):
            tab.locator(f"label[for=id_o{i}_{0 if i > 1 else 1}]").click()  # o1 not yet
        tab.locator("button.send").click()
        assert tab.locator(".msg-success").count() == 1

        tab.goto(f"{base}/q/{reaction.token}/")
        assert tab.locator("#id_code option[value=T1]").count() == 0  # answered: not offered
        early.select_option("#id_code", "T1")
        early.locator("label[for=id_quality_0]").click()
        early.locator("button.send").click()
        assert early.locator(".phone .msg").count() == 1  # kindly refused
    finally:
        context.close()
    r = Reaction.objects.get()
    assert (r.relevance, r.trainer, r.quality) == (5, 4, None)
    check = LearningCheck.objects.get()
    assert (check.phase, check.correct, check.out_of) == ("post", n - 1, n)


def test_the_trainer_opens_a_link_shows_it_closes_it_and_types_in_paper(
        browser, page, live_server, course):
    from govcap.delivery import services

    services.nominate(course.coordinator, course.delivery, services.Nomination(
        organisation_id=course.agency.pk))
    base = live_server.url
    log_in(page, base, "coordinator")
    page.goto(f"{base}/deliveries/{course.delivery.uuid}/evaluation/")
    page.select_option("#id_form", "reaction")
    page.fill("#id_hours", "1")
    page.get_by_role("button", name="Open a link").click()
    page.wait_for_url(re.compile(r".*/evaluation/links/[0-9a-f-]+/$"))
    assert page.locator(".qr svg").count() == 1
    address = page.locator(".address code").inner_text().strip()
    assert re.fullmatch(rf"{re.escape(base)}/q/[A-Za-z0-9_-]{{22}}/", address)
    assert EvaluationLink.objects.get().token_hash not in address

    phone_context = browser.new_context(viewport={"width": 360, "height": 740},
                                        java_script_enabled=False)
    phone, early = phone_context.new_page(), phone_context.new_page()
    try:
        early.goto(address)  # opened before T2 answers
        phone.goto(address)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        phone.select_option("#id_code", "T2")
        phone.locator("label[for=id_quality_3]").click()  # the 4
        phone.locator("button.send").click()
        assert phone.locator(".msg-success").count() == 1
        early.select_option("#id_code", "T2")
        early.locator("label[for=id_quality_0]").click()
        early.locator("button.send").click()
        assert "already recorded" in early.locator(".phone .msg").inner_text()

        page.reload()  # the QR code shows again while the link is open
        assert page.locator(".address code").inner_text().strip() == address
        page.get_by_role("button", name="Close the link now").click()
        phone.goto(address)
        assert "closed" in phone.locator(".phone .msg").inner_text()
    finally:
        phone.context.close()

    page.goto(f"{base}/deliveries/{course.delivery.uuid}/evaluation/paper/reaction/")
    assert "Answered on a phone" in page.locator("tbody tr", has_text="T2").inner_text()
    page.select_option("select[name=T1-relevance]", "5")
    page.fill("input[name=T1-comment]", "On paper")
    page.get_by_role("button", name="Save the answers").click()
    page.wait_for_url(f"{base}/deliveries/{course.delivery.uuid}/evaluation/")
    assert "1 answer saved." in page.content()
    assert sorted(Reaction.objects.values_list("trainee__code", "source", "quality",
                                               "relevance")) == [
        ("T1", "paper", None, 5), ("T2", "link", 4, None)]
