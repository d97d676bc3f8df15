"""Names inside translated sentences are set apart (issue 15, fresh eyes): on the Arabic
delivery page "رشّحت 4 Ministère de la Santé؛ وتنصّ الخطة على 3." — the count joined the
Latin name's left-to-right run and read stuck to it."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation

from govcap.delivery.core import nominations as n
from govcap.delivery.texts import finding_text

NAMES = {"o1": "Ministère de la Santé"}


def test_the_organisation_in_a_nomination_finding_is_isolated_in_arabic():
    with translation.override("ar"):
        said = finding_text(n.Finding(n.OVER_PLAN, "o1", count=4, of=3), NAMES)
    assert "\u2068Ministère de la Santé\u2069" in said
    with translation.override("fr"):
        said = finding_text(n.Finding(n.UNDER_PLAN, "o1", count=2, of=3), NAMES)
    assert "\u2068" not in said and "Ministère de la Santé" in said


def test_a_name_in_a_translated_template_sentence_is_a_bdi():
    page = Template(
        "{% load i18n govcap %}{% blocktranslate with name=n|bdi %}Results of "
        "{{ name }}{% endblocktranslate %}"
    )
    with translation.override("ar"):
        html = page.render(Context({"n": "Djibouti <2026>"}))
    assert "<bdi>Djibouti &lt;2026&gt;</bdi>" in html
