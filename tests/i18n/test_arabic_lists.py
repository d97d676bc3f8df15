"""Lists joined in code or in a template are written with the page language's punctuation:
Arabic "،" and "؛", never a Latin "," or ";" between Arabic words."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from govcap.assessments.errors import CaptureError
from govcap.assessments.models import Session
from govcap.assessments.workflow import submit


def test_a_template_lists_in_the_page_language():
    template = Template("{% load govcap %}{{ items|listed }}|"
                        "{% for i in items %}{{ i }}{% if not forloop.last %}"
                        "{% list_separator %}{% endif %}{% endfor %}")
    with translation.override("ar"):
        assert template.render(Context({"items": ["أ", "ب"]})) == "أ، ب|أ، ب"
    with translation.override("fr"):
        assert template.render(Context({"items": [2, 3]})) == "2, 3|2, 3"


def test_an_arabic_submission_refused_lists_the_missing_sections_with_arabic_semicolons(world):
    Session.objects.filter(pk=world.session.pk).update(consent_given=True)
    world.session.refresh_from_db()
    with translation.override("ar"), pytest.raises(CaptureError) as refused:
        submit(world.facilitator, world.session)
    said = str(refused.value)
    assert "؛ " in said and "; " not in said
