"""The jobs pages: "Your jobs", one job (polled with htmx while it runs), its download,
cancelling it, running it again. The buttons that start a pack or an export are the owning
apps' (``reports.views.start_plan_pack``, ``interchange.views.start_results_export``).

A job is found through ``service.visible`` (one's own; administrators: all), so another
person's job is a 404. Starting a job checks the same rights as the page it replaces.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from govcap.accounts import scoping
from govcap.jobs import kinds, service
from govcap.jobs.models import Job

LIST_LIMIT = 50


def _job(request, pk: int) -> Job:
    return get_object_or_404(service.visible(request.user), pk=pk)


def _context(request, job: Job) -> dict:
    return {"job": job, "is_admin": scoping.is_admin(request.user),
            "is_own": job.owner_id == request.user.pk}


@require_GET
@login_required
def jobs_page(request):
    jobs = list(service.visible(request.user)[:LIST_LIMIT])
    context = {"jobs": jobs, "polling": any(not j.is_finished for j in jobs),
               "is_admin": scoping.is_admin(request.user), "export_formats": kinds.formats_of(Job.Kind.RESULTS_EXPORT)}
    if request.htmx:
        return render(request, "jobs/_jobs_table.html", context)
    return render(request, "jobs/jobs.html", context)


@require_GET
@login_required
def job_page(request, pk: int):
    job = _job(request, pk)
    template = "jobs/_job.html" if request.htmx else "jobs/job.html"
    return render(request, template, _context(request, job))


@require_GET
@login_required
def job_download(request, pk: int):
    job = _job(request, pk)
    path = job.result_file
    if job.status != Job.Status.SUCCEEDED or path is None or not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), as_attachment=True, filename=job.result_name)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def job_cancel(request, pk: int):
    job = _job(request, pk)
    try:
        service.cancel(job, by=request.user)
    except service.NotCancellable:
        messages.error(request, _("This job has already finished: there is nothing to "
                                  "cancel."))
        return render(request, "jobs/job.html", _context(request, job), status=409)
    return redirect("job", pk=job.pk)


@require_POST
@login_required
def job_again(request, pk: int):
    job = _job(request, pk)
    if not job.can_run_again:
        messages.error(request, _("Only a failed, interrupted or cancelled job can run "
                                  "again."))
        return redirect("job", pk=job.pk)
    again = service.run_again(job)
    return redirect("job", pk=again.pk)


def posted_engagement(request):
    """The engagement a button that starts a job names (``engagement`` in the POST), if the
    user may see it; None for every engagement the user can see."""
    slug = request.POST.get("engagement", "")
    if not slug:
        return None
    return scoping.engagement_or_404(request.user, slug)
