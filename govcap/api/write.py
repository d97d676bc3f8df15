"""Write endpoint: submissions exported from KoboToolbox / ODK Central into an engagement,
the API twin of `govcap submissions import` (coordinators of the engagement)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import File, Form, Path, Router, Status
from ninja.files import UploadedFile

from govcap.accounts import audit, scoping
from govcap.accounts.uploads import UploadError
from govcap.api.schemas import (
    SLUG,
    EngagementNamesIn,
    EngagementOut,
    Error,
    SubmissionsOut,
    SubmissionsRefused,
)
from govcap.interchange.problems import ImportProblem
from govcap.interchange.services import import_submissions
from govcap.interchange.upload_views import checked_bytes
from govcap.orgs.models import clean_names

router = Router(tags=["write"])
UPLOAD = File(..., description="the CSV, XLSX or ODK Central ZIP export")


@router.post("engagements/{slug}/submissions",
             response={200: SubmissionsOut, 400: Error, 401: Error, 403: Error, 404: Error,
                       422: SubmissionsRefused},
             summary="Import submissions (CSV, XLSX or ODK Central ZIP)")
def import_file(request, slug: str = Path(..., pattern=SLUG), file: UploadedFile = UPLOAD,
                dry_run: bool = Form(False)):
    """All or nothing, once per submission: as `govcap submissions import`. With
    `dry_run`, nothing is written and the answer says what would be created."""
    engagement = scoping.engagement_or_404(request.auth, slug)
    scoping.require(scoping.can_manage_engagement(request.auth, engagement),
                    _("Only the engagement's coordinators import submissions."))
    name = PurePath((file.name or "upload").replace("\x00", "")).name[:200] or "upload"
    try:
        data = checked_bytes(file)
        report = import_submissions(data, engagement, user=request.auth, dry_run=dry_run,
                                    name=name)
    except UploadError as exc:
        return Status(400, {"message": str(exc), "field": "file"})
    except ImportProblem as exc:
        return Status(422, {
            # in the request's language (Accept-Language), as the page import says it, the
            # words of the CLI's and the page's count: the list follows in "problems"
            "message": ngettext("%(n)d problem; nothing was imported:",
                                "%(n)d problems; nothing was imported:",
                                len(exc.problems)) % {"n": len(exc.problems)},
            "field": "file", "problems": [{"message": p.reason, "row": p.row, "field": p.column}
                                          for p in exc.problems]})
    plan = report.plan
    result: dict[str, Any] = {
        "dry_run": report.dry_run, "tool": plan.columns.tool,
        "created": [{"row": p.submission.row, "organisation": p.organisation_name,
                     "date": p.submission.date, "participants": p.submission.participants,
                     "instance_id": p.submission.instance_id} for p in plan.sessions],
        "sessions": [s.uuid for s in report.created],
        "skipped": [{"row": s.row, "instance_id": s.instance_id, "reason": s.reason}
                    for s in plan.skipped],
        "notices": list(plan.notices),
    }
    return result


@router.put("engagements/{slug}/names",
            response={200: EngagementOut, 400: Error, 401: Error, 403: Error, 404: Error,
                      422: Error},
            summary="Set the engagement's name per language")
def set_names(request, body: EngagementNamesIn, slug: str = Path(..., pattern=SLUG)):
    """Replaces the names per language (as the engagement's settings page): pages and
    documents in a language show its name, else the engagement's `name`."""
    engagement = scoping.engagement_or_404(request.auth, slug)
    scoping.require(scoping.can_manage_engagement(request.auth, engagement),
                    _("Only the engagement's coordinators name it."))
    try:
        names = clean_names(body.names)
    except ValueError as exc:
        return Status(422, {"message": str(exc), "field": "names"})
    before = audit.snapshot(engagement, ["names"])
    engagement.names = names
    engagement.save(update_fields=["names"])
    audit.record_changes(request.auth, "update", engagement, before,
                         audit.snapshot(engagement, ["names"]))
    return engagement
