"""A participant answers levels 1 and 2 on a 360 px phone through the trainer's link, in
English and in Arabic (right to left), with JavaScript off: nothing scrolls sideways, the
answers are stored once."""

from __future__ import annotations

import pytest

from govcap.delivery import evaluation as ev
from govcap.delivery.models import LearningCheck, Reaction
from tests.browser.conftest import browser  # noqa: F401  (the fixture, shared with tests/browser)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_participant_answers_on_a_small_phone_without_javascript(
        browser, live_server, course, language, settings):  # noqa: F811  (the fixture above)
    # offered whatever the catalogues' completeness today: the layout is what is tested
    settings.LANGUAGES = [("en", "English"), ("ar", "العربية")]
    base = live_server.url
    reaction = ev.open_link(course.provider, course.delivery, 1)
    learning = ev.open_link(course.provider, course.delivery, 2, phase="post")
    n = len(ev.objectives(course.delivery))
    context = browser.new_context(viewport={"width": 360, "height": 740},
                                  java_script_enabled=False)
    context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page = context.new_page()
    try:
        page.goto(f"{base}/q/{reaction.token}/")
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.select_option("#id_code", "T1")
        page.locator("label[for=id_relevance_4]").click()  # the 5
        page.locator("label[for=id_trainer_3]").click()  # the 4
        page.fill("#id_comment", "مفيد" if language == "ar" else "Useful")
        page.locator("button.send").click()
        assert page.locator(".msg-success").count() == 1

        page.goto(f"{base}/q/{learning.token}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.select_option("#id_code", "T1")
        for i in range(1, n + 1):
            page.locator(f"label[for=id_o{i}_{0 if i > 1 else 1}]").click()  # o1 not yet
        page.locator("button.send").click()
        assert page.locator(".msg-success").count() == 1

        page.goto(f"{base}/q/{reaction.token}/")
        page.select_option("#id_code", "T1")
        page.locator("label[for=id_quality_0]").click()
        page.locator("button.send").click()
        assert page.locator(".phone .msg").count() == 1  # kindly refused
    finally:
        context.close()
    r = Reaction.objects.get()
    assert (r.relevance, r.trainer, r.quality) == (5, 4, None)
    check = LearningCheck.objects.get()
    assert (check.phase, check.correct, check.out_of) == ("post", n - 1, n)
