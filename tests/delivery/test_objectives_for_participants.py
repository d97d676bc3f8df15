"""The level-2 check puts each objective to the participant in stored words, per language
(govcap/delivery/data/objectives-for-participants.yaml), not rewritten by string rules: the
French and Arabic rules were unchecked, and the French one left 'de son propre ministère'."""

from __future__ import annotations

import re

from django.conf import settings
from django.urls import reverse

from govcap.delivery import evaluation as ev
from govcap.delivery import evaluation_xlsform
from govcap.delivery.models import Delivery
from tests.security.helpers import client_for

# The catalogue's words for the participant, in each of its languages: an objective holding
# them is written about the participant, for the plan's readers
ABOUT_THE_PARTICIPANT = {
    "en": re.compile(r"\bthe participant\b|\bthe participant's\b"),
    "fr": re.compile(r"\bdu participant\b|\bson propre ministère\b|\bpour son institution\b"),
    "ar": re.compile(r"(?<!ال)المشارك(?!ة|ين|ون)"),
    "sw": re.compile(r"\bmshiriki\b"),
}


def test_every_objective_about_the_participant_has_a_sentence_put_to_them(course):
    stored = ev.participant_wording()
    found = set()
    for language, about in ABOUT_THE_PARTICIPANT.items():
        catalogue = course.plan.catalogue.parsed(language)
        for module in catalogue.by_code.values():
            for text in module.objectives:
                if about.search(text):
                    found.add(text.replace("'", "\u2019"))
                    said = ev.participant_sentence(text)
                    assert said, (language, module.code, text)
                    assert not about.search(said), (language, module.code, said)
    assert found == set(stored)  # and every stored sentence is of a packaged objective


def _course_in(course, module: str, language: str) -> None:
    Delivery.objects.filter(pk=course.delivery.pk).update(
        module_code=module, cohort_id=f"{module}/{language}/01"
    )
    course.delivery.refresh_from_db()


def _objectives_on_the_form(course) -> str:
    link = ev.open_link(course.coordinator, course.delivery, 2, phase="pre")
    client = client_for(None)
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    return client.get(reverse("evaluation-answer", args=[link.token])).content.decode()


def test_a_french_participant_reads_the_objectives_in_french_as_put_to_them(course):
    _course_in(course, "AGL-101", "fr")
    page = _objectives_on_the_form(course)
    assert (
        "Comparer la livraison itérative à un plan séquentiel à partir d’un projet public "
        "que vous connaissez, et nommer deux risques que chaque approche réduit."
        in page.replace("&#x27;", "’").replace("'", "’")
    )
    assert "du participant" not in page
    _course_in(course, "CHG-301", "fr")
    page = _objectives_on_the_form(course)
    assert "Planifier une démultiplication des cours pour votre institution avec le nombre " in page
    assert "pour son institution" not in page


def test_an_arabic_participant_reads_the_objectives_in_arabic_as_put_to_them(course):
    _course_in(course, "DST-301", "ar")
    page = _objectives_on_the_form(course)
    assert "تكييف دراستَي حالة وتمرينين على الأقل مع سياق وزارتك ولغة العمل فيها." in page
    assert "وزارة المشارك" not in page
    _course_in(course, "AGL-101", "ar")
    page = _objectives_on_the_form(course)
    assert (
        "المقارنة بين التنفيذ التكراري والخطة المتسلسلة انطلاقًا من مشروع حكومي تعرفه، "
        "وتسمية خطرين يحدّ منهما كل نهج."
    ) in page
    assert "يعرفه المشارك" not in page


def test_the_xlsform_puts_the_same_sentences(course):
    _course_in(course, "CHG-301", "ar")
    spec = evaluation_xlsform.build_spec(course.delivery, 2, ("ar", "en"))
    o3 = next(f for f in spec.items if f.role == "o3")
    assert o3.labels["ar"] == (
        "3. التخطيط لسلسلة تتابعية من الدورات في مؤسستك، مع أعداد "
        "المتعلمين والمواعيد وطريقة التقييم."
    )
    assert o3.labels["en"] == (
        "3. Plan a cascade of courses for your institution with numbers "
        "of learners, dates and an evaluation method."
    )


def test_the_coordinators_results_keep_the_catalogues_words(course):
    _course_in(course, "CHG-301", "en")
    assert ev.objectives(course.delivery)[2].startswith(
        "Plan a cascade of courses for the participant's institution"
    )
