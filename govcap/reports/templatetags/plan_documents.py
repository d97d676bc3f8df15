"""``{% document_languages engagement as languages %}``: the languages a plan's documents
are written in, each named in itself, the engagement's default first marked ``selected``;
``{{ fmt|format_name }}``: a document format as the download buttons name it."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from govcap.reports.documents import LANGUAGES, document_language

register = template.Library()


@register.simple_tag
def document_languages(engagement) -> list[dict[str, object]]:
    default = document_language(engagement.language)
    return [{"code": code, "name": get_language_info(code)["name_local"],
             "selected": code == default} for code in LANGUAGES]


# The same words as the results page's downloads (govcap/results/views.py)
FORMAT_NAMES = {"pdf": _("PDF"), "docx": _("Word document (DOCX)"),
                "xlsx": _("Workbook (XLSX)"), "json": _("Data (JSON)")}


@register.filter
def format_name(fmt: str) -> str:
    return str(FORMAT_NAMES.get(fmt.removeprefix("brief-"), fmt.upper()))
