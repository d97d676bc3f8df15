"""The results pages and their downloads: the programme (every engagement the reader sees)
and one engagement. Thin: engagements come through ``accounts.scoping`` (out of scope is a
404), the figures from ``results.build``, the text from ``results.document`` — the page
shows the same sections as the DOCX and PDF. A training provider's staff has no results
page (their role is their own deliveries). The IATI activity file is for those who report to
donors (a programme manager, an administrator), as ``govcap results iati``: demo data only
when asked for, then marked."""

from __future__ import annotations

import datetime as dt
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from govcap.accounts import scoping
from govcap.delivery import access as delivery_access
from govcap.reports.model import Bullets, Heading, Para, Table
from govcap.results import document, iati, review, serialise
from govcap.results.build import build
from govcap.results.queries import engagements

DOWNLOADS = (*document.FORMATS, "json")
LABELS = {"xlsx": _("Workbook (XLSX)"), "docx": _("Word document (DOCX)"), "pdf": _("PDF"),
          "json": _("Data (JSON)")}


def may_write_iati(user) -> bool:
    """Reporting to donors is the programme's: a programme manager or an administrator."""
    return scoping.scope_of(user).reads_everything


def _languages() -> list[tuple[str, str]]:
    """The documents' languages the interface offers, each named in itself."""
    offered = dict(settings.LANGUAGES)
    return [(code, str(offered[code])) for code in document.DOCUMENT_LANGUAGES
            if code in offered]


def _asked_language(request) -> str:
    asked = request.GET.get("lang", "")
    if asked in document.DOCUMENT_LANGUAGES:
        return asked
    return document.document_language(request.LANGUAGE_CODE)


def _refuse_providers(request) -> None:
    if delivery_access.only_a_provider(request.user):
        raise Http404


def _engagement(request, slug: str | None):
    return scoping.engagement_or_404(request.user, slug) if slug else None


def _blocks(section) -> list[dict]:
    out: list[dict] = []
    for block in section.blocks:
        if isinstance(block, Table):
            out.append({"kind": "table", "columns": block.columns, "empty": block.empty,
                        "rows": [list(zip(row, block.columns, strict=True))
                                 for row in block.rows]})
        elif isinstance(block, Heading):
            out.append({"kind": "heading", "text": block.text, "level": block.level + 1})
        elif isinstance(block, Para):
            out.append({"kind": "para", "text": block.text, "style": block.kind})
        elif isinstance(block, Bullets):
            out.append({"kind": "bullets", "items": block.items})
    return out


@require_GET
@login_required
def page(request, slug: str | None = None):
    _refuse_providers(request)
    engagement = _engagement(request, slug)
    results = build(request.user, engagement)
    doc = document.document(results, full=True)
    return render(request, "results/page.html", {
        "doc": doc, "engagement": engagement, "results": results,
        "sections": [(s, _blocks(s)) for s in doc.sections],
        "choices": [] if engagement else list(engagements(request.user)
                                              .order_by("country__name", "round_number")),
        "formats": [(fmt, LABELS[fmt]) for fmt in DOWNLOADS],
        "documents_in": document.document_language(request.LANGUAGE_CODE),
        "languages": _languages(),
        "may_write_iati": may_write_iati(request.user),
        "iati_missing": "" if iati.configured() else _iati_unconfigured(),
        "words": document.review(results),
        "words_intro": document.texts_intro(),
        "words_withheld": document.texts_withheld_note() if results.texts_withheld else "",
    })


def may_mark_texts(user) -> bool:
    """Who marks the texts the documents may quote: those who read them
    (``queries.reads_texts``): a coordinator, a programme manager, an administrator."""
    scope = scoping.scope_of(user)
    return scope.reads_everything or bool(scope.coordinator_of)


@require_POST
@login_required
def words(request):
    """The texts of the page's "In the participants' words" that the donor's documents may
    quote: those ticked of those shown (audited, ``results.review``)."""
    _refuse_providers(request)
    if not may_mark_texts(request.user):
        raise PermissionDenied
    slug = request.POST.get("slug", "")
    engagement = _engagement(request, slug)
    changed = review.mark(request.user, request.POST.getlist("shown"),
                          request.POST.getlist("quotable"))
    messages.success(request, ngettext(
        "%(n)d text changed: the documents for the donor quote the texts ticked.",
        "%(n)d texts changed: the documents for the donor quote the texts ticked.",
        changed) % {"n": changed})
    back = (reverse("indicators-engagement", args=[engagement.slug]) if engagement
            else reverse("indicators"))
    return redirect(back + "#words")


@require_GET
@login_required
def download(request, fmt: str, slug: str | None = None):
    _refuse_providers(request)
    if fmt not in DOWNLOADS:
        raise Http404
    engagement = _engagement(request, slug)
    language = _asked_language(request)
    with translation.override(language):
        results = build(request.user, engagement)
        if fmt == "json":
            body = json.dumps(serialise.as_json(results), indent=2, ensure_ascii=False).encode()
        else:
            body = document.render(results, fmt)
    response = HttpResponse(body, content_type=document.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{document.filename(results, fmt, language)}"')
    return response


def _iati_unconfigured() -> str:
    return gettext("The IATI file needs the reporting organisation's IATI identifier: "
                   "the server's operator sets GOVCAP_IATI_REPORTING_ORG (see the "
                   "settings guide).")


def _iati_refusal(error: iati.IATIError) -> str:
    if error.kind == iati.REPORTING_ORG:
        return _iati_unconfigured()
    if error.kind == iati.DEMO:
        return gettext("This engagement is demo data: an IATI file never holds it unless "
                       "you tick 'include demo data' (a preview marked DEMO DATA).")
    if error.left_out:
        return gettext("No engagement to report: %(n)d with an approved plan are demo data. "
                       "Tick 'include demo data' for a preview marked DEMO DATA.") % {
            "n": error.left_out}
    return gettext("No engagement to report: none in scope has an approved plan.")


@require_GET
@login_required
def iati_download(request, slug: str | None = None):
    """The IATI 2.03 activity file (English, as the command writes it), for a programme
    manager or an administrator; demo data only with ``include_demo=1``."""
    _refuse_providers(request)
    if not may_write_iati(request.user):
        raise PermissionDenied
    engagement = _engagement(request, slug)
    include_demo = request.GET.get("include_demo") == "1"
    try:
        with translation.override("en"):
            body, _scope, _left = iati.write(request.user, engagement,
                                              include_demo=include_demo)
    except iati.IATIError as error:
        messages.error(request, _iati_refusal(error))
        back = (reverse("indicators-engagement", args=[engagement.slug]) if engagement
                else reverse("indicators"))
        return redirect(back)
    stem = f"iati-{engagement.slug}" if engagement is not None else "iati-programme"
    demo = "-demo" if include_demo else ""
    response = HttpResponse(body, content_type="application/xml")
    response["Content-Disposition"] = (
        f'attachment; filename="{stem}{demo}-{dt.date.today().isoformat()}.xml"')
    return response
