"""The results pages and their downloads: the programme (every engagement the reader sees)
and one engagement. Thin: engagements come through ``accounts.scoping`` (out of scope is a
404), the figures from ``results.build``, the text from ``results.document`` — the page
shows the same sections as the DOCX and PDF. A training provider's staff has no results
page (their role is their own deliveries)."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from govcap.accounts import scoping
from govcap.delivery import access as delivery_access
from govcap.reports.model import Bullets, Heading, Para, Table
from govcap.results import document, serialise
from govcap.results.build import build
from govcap.results.queries import engagements

DOWNLOADS = (*document.FORMATS, "json")
LABELS = {"xlsx": _("Workbook (XLSX)"), "docx": _("Word document (DOCX)"), "pdf": _("PDF"),
          "json": _("Data (JSON)")}


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
    doc = document.document(results)
    return render(request, "results/page.html", {
        "doc": doc, "engagement": engagement, "results": results,
        "sections": [(s, _blocks(s)) for s in doc.sections],
        "choices": [] if engagement else list(engagements(request.user)
                                              .order_by("country__name", "round_number")),
        "formats": [(fmt, LABELS[fmt]) for fmt in DOWNLOADS],
        "documents_in": document.document_language(request.LANGUAGE_CODE),
    })


@require_GET
@login_required
def download(request, fmt: str, slug: str | None = None):
    _refuse_providers(request)
    if fmt not in DOWNLOADS:
        raise Http404
    engagement = _engagement(request, slug)
    with translation.override(document.document_language(request.LANGUAGE_CODE)):
        results = build(request.user, engagement)
        if fmt == "json":
            body = json.dumps(serialise.as_json(results), indent=2, ensure_ascii=False).encode()
        else:
            body = document.render(results, fmt)
    response = HttpResponse(body, content_type=document.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{document.filename(results, fmt)}"'
    return response
