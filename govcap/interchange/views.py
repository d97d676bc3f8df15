"""Interchange pages: the results export (one engagement or everything in scope), the button
that starts it as a job, and the engagement's XLSForm. Every object comes through
`accounts.scoping`."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from govcap.accounts import scoping
from govcap.interchange.exports import (
    DICTIONARY_HEADER,
    FORMATS,
    ExportOptions,
    csv_bytes,
    dictionary_rows,
    export_chunks,
    export_filename,
)
from govcap.interchange.services import available_languages, form_spec
from govcap.interchange.xlsform import xlsform_bytes
from govcap.jobs import service
from govcap.jobs.models import Job
from govcap.jobs.views import posted_engagement
from govcap.translations import accepted_pseudo_locales, is_pseudo

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _engagement(request, slug: str | None):
    if slug is None:
        return None
    return scoping.engagement_or_404(request.user, slug)


def _languages() -> list[tuple[str, str]]:
    """The languages the export can be written in (the interface's), each named in itself;
    a pseudo-locale is accepted when asked for, never offered."""
    return [(code, str(name)) for code, name in settings.LANGUAGES if not is_pseudo(code)]


def _export_language(request, asked: str) -> str:
    """The language chosen on the page (``lang``), else the page's: the dictionary, the
    sections' titles and the direction of the workbook are written in it."""
    if asked in dict(settings.LANGUAGES):
        return asked
    return request.LANGUAGE_CODE


def _attachment(data: bytes, fmt: str, filename: str) -> HttpResponse:
    return _headers(HttpResponse(data, content_type=CONTENT_TYPES[fmt]), filename)


def _headers(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@login_required
def results_page(request, slug: str | None = None):
    engagement = _engagement(request, slug)
    return render(request, "interchange/results.html", {
        "engagement": engagement,
        "formats": FORMATS,
        "is_admin": scoping.is_admin(request.user),
        "can_manage": engagement is not None
        and scoping.can_manage_engagement(request.user, engagement),
        "demo_default": bool(engagement and engagement.is_demo),
        "languages": _languages(),
        "export_in": request.LANGUAGE_CODE,
    })


@require_GET
@login_required
def results_download(request, fmt: str, slug: str | None = None):
    if fmt not in FORMATS:
        raise Http404
    engagement = _engagement(request, slug)
    identified = request.GET.get("identified") == "1"
    scoping.require(not identified or scoping.is_admin(request.user),
                    "Only administrators export identified data.")
    options = ExportOptions(include_demo=request.GET.get("demo") == "1", identified=identified)
    suffix = "-identified" if identified else ""
    # Streamed: a programme-wide export is hundreds of megabytes, never held in memory; the
    # pieces keep the language chosen on the page (export_chunks holds the active one).
    with translation.override(_export_language(request, request.GET.get("lang", ""))):
        chunks = export_chunks(request.user, engagement, fmt, options)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    return _headers(response, export_filename(engagement, fmt, suffix))


@require_GET
@login_required
def results_dictionary(request):
    identified = request.GET.get("identified") == "1"
    data, _rows = csv_bytes(dictionary_rows(ExportOptions(identified=identified)),
                            DICTIONARY_HEADER)
    return _attachment(data, "csv", "govcap-results-dictionary.csv")


@require_GET
@login_required
def xlsform_download(request, slug: str):
    engagement = _engagement(request, slug)
    instrument = engagement.instrument
    # the instrument's languages, the engagement's first: the form opens in it on the phone
    # (a Djibouti form opened in English) and its title is in it
    available = available_languages(instrument)
    languages = sorted(available, key=lambda language: language != engagement.language)
    if request.LANGUAGE_CODE in accepted_pseudo_locales():  # and a translator's pseudo-locale
        languages.append(request.LANGUAGE_CODE)
    data = xlsform_bytes(form_spec(instrument, languages))
    return _attachment(data, "xlsx", f"{instrument.key}-{instrument.version}-xlsform.xlsx")


@require_POST
@login_required
def start_results_export(request):
    engagement = posted_engagement(request)
    fmt = request.POST.get("format", "csv")
    if fmt not in FORMATS:
        raise Http404
    params = {"engagement": engagement.slug if engagement else None, "format": fmt,
              "include_demo": request.POST.get("demo") == "1",
              # the worker writes it in the language chosen on the page (jobs.runner)
              "language": _export_language(request, request.POST.get("lang", ""))}
    label = (_("Results export (%(fmt)s): %(name)s") % {"fmt": fmt.upper(),
                                                       "name": engagement.local_name}
             if engagement else
             _("Results export (%(fmt)s): every engagement you can see") % {
                 "fmt": fmt.upper()})
    job = service.start(Job.Kind.RESULTS_EXPORT, params, owner=request.user, label=label)
    return redirect("job", pk=job.pk)
