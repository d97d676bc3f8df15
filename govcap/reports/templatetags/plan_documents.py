"""``{% document_languages engagement as languages %}``: the languages a plan's documents
are written in, each named in itself, the reader's language marked ``selected`` (else the
engagement's); ``{% engagement_language engagement %}``: the engagement's language, named
for a reader whose choice starts on another;
``{{ fmt|format_name }}``: a document format as the download buttons name it;
``{{ fmt|preparing }}``: what its button says while the file is made."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from govcap.reports.documents import LANGUAGES, document_language

register = template.Library()


def _preselected(engagement) -> str:
    """The reader's interface language when the documents are written in it (an Arabic
    reader of a French engagement reads Arabic documents), else the engagement's (with no
    engagement, every one the reader sees: English, as ``start_plan_pack`` writes them)."""
    reader = (get_language() or "").lower()
    reader = reader if reader in LANGUAGES else reader.split("-")[0]
    return reader if reader in LANGUAGES else document_language(
        engagement.language if engagement is not None else None)


@register.simple_tag
def document_languages(engagement) -> list[dict[str, object]]:
    default = _preselected(engagement)
    return [{"code": code, "name": get_language_info(code)["name_local"],
             "selected": code == default} for code in LANGUAGES]


@register.simple_tag
def engagement_language(engagement) -> str:
    """The engagement's language named in the reader's ("French"), when the documents'
    choice starts on another; "" when it starts on the engagement's own."""
    own = document_language(engagement.language)
    if own == _preselected(engagement):
        return ""
    return str(get_language_info(own)["name_translated"])


# The same words as the results page's downloads (govcap/results/views.py)
FORMAT_NAMES = {"pdf": _("PDF"), "docx": _("Word document (DOCX)"),
                "xlsx": _("Workbook (XLSX)"), "json": _("Data (JSON)")}


@register.filter
def format_name(fmt: str) -> str:
    return str(FORMAT_NAMES.get(fmt.removeprefix("brief-"), fmt.upper()))


# What a download says while its file is made, a whole sentence for each format: French
# writes "Préparation du PDF…" but "Préparation des données (JSON)…", which gluing a format's
# name into one "Preparing the %s…" could not say (it read « Préparation du Données (JSON)… »)
PREPARING = {"pdf": _("Preparing the PDF…"),
             "docx": _("Preparing the Word document (DOCX)…"),
             "xlsx": _("Preparing the workbook (XLSX)…"),
             "json": _("Preparing the data (JSON)…")}


@register.filter
def preparing(fmt: str) -> str:
    said = PREPARING.get(fmt.removeprefix("brief-"))
    if said is not None:
        return str(said)
    # Translators: a download being made; the sentence must not depend on the format's name
    return _("Preparing the file: %(format)s…") % {"format": format_name(fmt)}
