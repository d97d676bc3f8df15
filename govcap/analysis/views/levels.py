"""Level pages: programme, country rounds, engagement heatmap, organisation profile.

Thin: objects come through `accounts.scoping` (out of scope is a 404), rows through
`analysis.queries`, pages from `pages_levels` / `pages_programme`. Each page also answers
``download/NAME.svg`` (a chart) and ``download/NAME.csv`` (its data table).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from govcap.accounts import scoping
from govcap.analysis import queries
from govcap.analysis.labels import round_label
from govcap.analysis.pages_levels import SORTS, Filters, engagement_report, profile_report
from govcap.analysis.pages_programme import by_country, country_report, programme_report
from govcap.analysis.report import Report, download
from govcap.analysis.targets import targets_of
from govcap.orgs.models import Organisation
from govcap.orgs.names import round_name
from govcap.scale import SECTION_KEYS


def show(request, report: Report, template_context: dict, prefix: str,
         name: str | None, ext: str | None):
    """Render the report page, or one of its downloads."""
    if name is not None:
        return download(report, name, ext or "", prefix)
    return render(request, "analysis/report.html", {"report": report, **template_context})


def get_engagement(request, slug: str):
    return scoping.engagement_or_404(request.user, slug)


@require_GET
@login_required
def programme(request, name: str | None = None, ext: str | None = None):
    engagements = list(scoping.engagements(request.user))
    counts = queries.programme_counts(request.user, engagements)
    round_choice = request.GET.get("round", "latest")
    section = request.GET.get("section", SECTION_KEYS[0])
    titles = queries.section_titles()
    report = programme_report(
        engagements, counts, titles, round_choice=round_choice, section=section,
        country_url=lambda c: reverse("analysis-country", args=[c.code]))
    rounds = sorted({e.round_number for e in engagements})
    return show(request, report, {
        "page": "programme", "filters_template": "analysis/_programme_filters.html",
        "round_choice": round_choice, "rounds": [(r, round_name(r)) for r in rounds],
        "section": section, "sections": [(k, titles.get(k, k)) for k in SECTION_KEYS],
        "countries": by_country(engagements),
    }, "programme", name, ext)


@require_GET
@login_required
def country(request, code: str, name: str | None = None, ext: str | None = None):
    rounds = list(scoping.engagements(request.user).filter(country__code=code.upper())
                  .order_by("round_number", "start_date", "id"))
    if not rounds:
        raise Http404
    the_country = rounds[0].country
    counts = queries.programme_counts(request.user, rounds)
    rows, provisional = queries.country_levels(request.user, rounds)
    names = dict(scoping.organisations(request.user).filter(
        id__in={r.org_id for r in rows}).values_list("id", "name"))
    uuids = dict(Organisation.objects.filter(id__in=names).values_list("id", "uuid"))
    report = country_report(the_country, rounds, rows, counts,
                            queries.section_titles(rounds[-1]), names,
                            lambda i: reverse("analysis-organisation", args=[uuids[i]])
                            if i in uuids else "", provisional)
    return show(request, report, {"page": "country", "country": the_country,
                                  "rounds": rounds}, f"country-{the_country.code}", name, ext)


@require_GET
@login_required
def engagement_levels(request, slug: str, name: str | None = None, ext: str | None = None):
    engagement = get_engagement(request, slug)
    data = queries.engagement_levels(request.user, engagement)
    sort = request.GET.get("sort", "name")
    filters = Filters(
        sector=request.GET.get("sector", ""), kind=request.GET.get("kind", ""),
        sort=sort if sort in SORTS else "name",
        sectors=tuple(sorted({o.sector for o in data.orgs if o.sector})),
        kinds=tuple(sorted({(o.kind, o.kind_label) for o in data.orgs})))
    report = engagement_report(
        data, queries.section_titles(engagement), filters,
        lambda o: reverse("analysis-organisation", args=[o.uuid]) + f"?round={engagement.id}")
    not_validated = sum(n for status, n in data.sessions_by_status.items()
                        if status not in ("validated", "draft"))
    return show(request, report, {
        "page": "levels", "engagement": engagement, "filters": filters,
        "filters_template": "analysis/_engagement_filters.html",
        "not_validated": not_validated,
    }, engagement.slug, name, ext)


@require_GET
@login_required
def organisation_profile(request, uuid, name: str | None = None, ext: str | None = None):
    org = get_object_or_404(scoping.organisations(request.user), uuid=uuid)
    engagements, rows = queries.organisation_history(request.user, org)
    chosen = request.GET.get("round", "")
    selected = next((e for e in engagements if str(e.id) == chosen),
                    engagements[-1] if engagements else None)
    targets = targets_of(selected) if selected else None
    report = profile_report(org, engagements, rows, selected, targets,
                            queries.section_titles(selected))
    return show(request, report, {
        "page": "organisation", "organisation": org, "rounds": engagements,
        "selected": selected, "engagement": selected,
        "round_labels": {e.id: round_label(e) for e in engagements},
        "filters_template": "analysis/_profile_filters.html",
        "subtitle": _("%(country)s · %(sector)s") % {
            "country": org.country.local_name, "sector": org.sector_name or org.get_kind_display()},
    }, f"profile-{org.code or org.uuid}", name, ext)
