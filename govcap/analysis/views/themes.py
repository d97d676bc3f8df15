"""Theme pages (one engagement, or everything in scope), the quotes behind a code, and the
search across notes and quotes. Everything read through `accounts.scoping`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from govcap.accounts import scoping
from govcap.analysis.core.themes import snippet
from govcap.analysis.models import Code
from govcap.analysis.pages_coding import code_report, themes_report
from govcap.analysis.queries import section_titles
from govcap.analysis.queries_coding import search as run_search
from govcap.analysis.queries_coding import segment_rows, unit_levels
from govcap.analysis.views.levels import show
from govcap.analysis.views.raters import session_url


def _scope_engagement(request):
    slug = request.GET.get("engagement", "")
    if not slug:
        return None
    return scoping.engagement_or_404(request.user, slug)


@require_GET
@login_required
def themes(request, name: str | None = None, ext: str | None = None):
    engagement = _scope_engagement(request)
    rows = segment_rows(request.user, engagement)
    codes = {}
    if engagement is not None:
        codes = {c.name: c.uuid for c in Code.objects.filter(codebook__engagement=engagement)}

    def code_url(code_name: str) -> str:
        if code_name in codes:
            return reverse("analysis-code", args=[codes[code_name]])
        return reverse("analysis-search") + "?" + urlencode({"code": code_name})

    scope = engagement.local_name if engagement else _("all engagements you can see")
    report = themes_report(rows, unit_levels(request.user, engagement),
                           section_titles(engagement), scope, code_url)
    return show(request, report, {"page": "themes", "engagement": engagement},
                f"themes-{engagement.slug}" if engagement else "themes", name, ext)


@require_GET
@login_required
def code_detail(request, uuid, name: str | None = None, ext: str | None = None):
    code = get_object_or_404(Code.objects.filter(
        codebook__engagement__in=scoping.engagements(request.user)).select_related(
        "codebook__engagement"), uuid=uuid)
    engagement = code.codebook.engagement
    rows = segment_rows(request.user, engagement, code)
    report = code_report(code.name, code.definition, rows, section_titles(engagement),
                         session_url)
    return show(request, report, {"page": "themes", "engagement": engagement},
                f"code-{code.uuid}", name, ext)


@require_GET
@login_required
def search(request):
    engagement = _scope_engagement(request)
    query = request.GET.get("q", "").strip()
    code_name = request.GET.get("code", "").strip()
    hits, capped = run_search(request.user, query, engagement) if query else ([], False)
    titles = section_titles(engagement)
    results = [{"hit": h, "pieces": snippet(h.text, query), "section": titles.get(h.section,
                                                                                  h.section)}
               for h in hits]
    coded = []
    if code_name and not query:
        coded = [r for r in segment_rows(request.user, engagement) if r.code == code_name]
    return render(request, "analysis/search.html", {
        "page": "search", "engagement": engagement, "query": query, "results": results,
        "capped": capped, "code_name": code_name, "coded": coded, "titles": titles,
        "engagements": scoping.engagements(request.user),
    })
