"""The plan's documents on the web: a download (DOCX, PDF, XLSX or JSON of a stored plan
version, whole or one organisation's) and the button that starts a plan pack (a job).

Objects come through ``accounts.scoping`` as on the plan pages (out of scope is a 404).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from govcap.accounts import scoping
from govcap.jobs import service
from govcap.jobs.models import Job
from govcap.jobs.views import posted_engagement
from govcap.planning.models import Plan
from govcap.planning.views import get_engagement, get_plan, narrowed_orgs
from govcap.reports import documents, pack
from govcap.reports import plan as reports_plan


def asked_language(request) -> str | None:
    """The document language a link asks for: ``?lang=`` (or ``?language=``), else None."""
    return request.GET.get("lang") or request.GET.get("language") or None


def unknown_language(asked: str) -> HttpResponse:
    names = ", ".join(documents.LANGUAGES)
    return HttpResponseBadRequest(
        _("Plan documents are not written in “%(asked)s”; ask for one of: %(languages)s.")
        % {"asked": asked[:20], "languages": names}, content_type="text/plain; charset=utf-8")


@require_GET
@login_required
def download(request, slug, fmt):
    """A plan document, in ``?lang=`` (en, fr, ar, sw) or else the engagement's language
    when the documents are written in it, else English."""
    engagement = get_engagement(request, slug)
    if fmt not in documents.FORMATS + documents.BRIEF_FORMATS:
        raise Http404
    plan = get_plan(request, engagement)
    if plan is None:
        raise Http404(_("This engagement has no plan yet."))
    org_id = request.GET.get("org") or None
    narrowed = narrowed_orgs(request.user, engagement)
    if org_id is not None:
        organisation = get_object_or_404(engagement.organisations, uuid=org_id)
        if narrowed is not None and organisation.pk not in narrowed:
            raise Http404
        org_id = str(organisation.uuid)
        if not any(o["org_id"] == org_id for o in plan.data.get("organisations", ())):
            raise Http404(_("This organisation is not in this version of the plan."))
    elif narrowed is not None:
        raise Http404
    asked = asked_language(request)
    try:
        language = documents.document_language(engagement.language, asked)
        body = documents.render(plan, fmt, org_id, language)
    except documents.UnknownLanguage:
        return unknown_language(asked or "")
    except documents.DocumentUnavailable as exc:
        return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type=documents.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{documents.filename(plan, fmt, org_id, language)}"')
    response["Content-Language"] = language
    return response


@require_GET
@login_required
def programme_download(request, fmt):
    """Every approved plan the user may see, side by side, for a donor (?project= narrows
    to one project's engagements), in ``?lang=`` or else the reader's language."""
    if fmt not in reports_plan.FORMATS or not documents.programme_engagements(
            request.user).exists():
        # a training provider's staff, say: no engagement, no programme plan; a viewer
        # narrowed to organisations reads no engagement whole, so none either (as the whole
        # plan's download above: not found)
        raise Http404
    project = request.GET.get("project", "")
    asked = asked_language(request)
    try:
        body = documents.render_programme(request.user, fmt, request.LANGUAGE_CODE, project,
                                          asked)
    except documents.UnknownLanguage:
        return unknown_language(asked or "")
    response = HttpResponse(body, content_type=documents.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="programme-plan.{fmt}"'
    return response


@require_POST
@login_required
def start_plan_pack(request):
    engagement = posted_engagement(request)
    plans = scoping.scoped(request.user, Plan.objects.all())
    if engagement is not None:
        plans = plans.filter(engagement=engagement)
    if not plans.exists():
        messages.error(request, _("There is no training plan to pack yet: generate one "
                                  "first."))
        return redirect("plan", slug=engagement.slug) if engagement else redirect("jobs")
    formats = [f for f in request.POST.getlist("formats") if f in pack.FORMATS]
    params = {"engagement": engagement.slug if engagement else None,
              "formats": formats or list(pack.FORMATS)}
    # the language chosen on the page (as its single documents), else the reader's when the
    # documents are written in it: never each engagement's own, which the reader may not read
    asked = request.POST.get("lang") or None
    reader = request.LANGUAGE_CODE
    if reader not in documents.written_in() and engagement is not None:
        reader = engagement.language  # as the page's choice starts (plan_documents)
    try:
        params["language"] = documents.document_language(reader, asked)
    except documents.UnknownLanguage:
        return unknown_language(asked or "")
    version = request.POST.get("version", "")
    if engagement is not None and version.isdigit():  # the version on screen, not the latest
        params["version"] = int(version)
    label = (_("Plan pack: %(name)s") % {"name": engagement.local_name} if engagement
             else _("Plan pack: every engagement you can see"))
    job = service.start(Job.Kind.PLAN_PACK, params, owner=request.user, label=label)
    return redirect("job", pk=job.pk)
