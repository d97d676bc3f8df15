"""``{% document_languages engagement as languages %}``: the languages a plan's documents
are written in, each named in itself, the engagement's default first marked ``selected``."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language_info

from govcap.reports.documents import LANGUAGES, document_language

register = template.Library()


@register.simple_tag
def document_languages(engagement) -> list[dict[str, object]]:
    default = document_language(engagement.language)
    return [{"code": code, "name": get_language_info(code)["name_local"],
             "selected": code == default} for code in LANGUAGES]
