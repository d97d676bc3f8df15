"""The web twin of `govcap submissions import`: upload a KoboToolbox / ODK Central export,
see a dry run (what would be created, every problem by row and column, the organisations
that match none), then confirm. Coordinators of the engagement and administrators only.

Between the preview and the confirmation the file waits in GOVCAP_UPLOAD_DIR under a random
name that only the uploader's session knows; it is removed once imported or after a day.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from pathlib import Path
from typing import TypedDict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from govcap import localise
from govcap.accounts import scoping
from govcap.accounts.uploads import UploadError, check_upload, read_limited
from govcap.interchange.import_job import hand_to_job
from govcap.interchange.plan import ImportPlan
from govcap.interchange.problems import ImportProblem, Problem
from govcap.interchange.services import import_submissions
from govcap.orgs.models import Engagement, Organisation

SESSION_KEY = "govcap_pending_imports"
KEEP_SECONDS = 24 * 3600
KINDS = {".csv": "csv", ".xlsx": "xlsx", ".zip": None}
def upload_dir() -> Path:
    folder = Path(getattr(settings, "GOVCAP_UPLOAD_DIR", settings.DATA_DIR / "uploads"))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _clean_stale(folder: Path) -> None:
    limit = time.time() - KEEP_SECONDS
    for old in folder.glob("pending-*"):
        if old.stat().st_mtime < limit:
            old.unlink(missing_ok=True)


def checked_bytes(upload) -> bytes:
    """The uploaded file's bytes after the size and type checks (by content)."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in KINDS:
        raise UploadError(_("Choose a CSV, XLSX or ODK Central ZIP file."))
    kind = KINDS[suffix]
    if kind is None:
        data = read_limited(upload)
        if not data.startswith(b"PK"):
            raise UploadError(_("This is not a ZIP file."))
        return data
    return check_upload(upload, kind)


class UploadPage(TypedDict, total=False):
    """The context of interchange/upload.html: the form, then what the file gave."""

    engagement: Engagement
    organisations: list[Organisation]  # in the reader's order of their names
    error: str  # the file could not be read
    problems: tuple[Problem, ...]  # the file was read but cannot be imported
    filename: str
    unmatched: list[tuple[str, list[int]]]
    plan: ImportPlan  # what importing it would do, to confirm
    token: str


def unmatched_organisations(problems: tuple[Problem, ...]) -> list[tuple[str, list[int]]]:
    """Names in the file that match no organisation of the engagement, with their rows."""
    found: dict[str, list[int]] = {}
    for p in problems:
        if p.unmatched:
            found.setdefault(p.unmatched, []).append(p.row or 0)
    return sorted(found.items())


def _pending(request) -> dict:
    return request.session.get(SESSION_KEY, {})


@require_http_methods(["GET", "POST"])
@login_required
def submissions_upload(request, slug: str):
    engagement = scoping.engagement_or_404(request.user, slug)
    scoping.require(scoping.can_manage_engagement(request.user, engagement),
                    _("Only the engagement's coordinators import submissions."))
    context: UploadPage = {"engagement": engagement,
                           "organisations": localise.sorted_names(
                               engagement.organisations.all(), key=lambda o: o.name)}
    if request.method == "GET":
        return render(request, "interchange/upload.html", context)
    if request.POST.get("token"):
        return _confirm(request, engagement, context)
    upload = request.FILES.get("file")
    if upload is None:
        context["error"] = _("Choose a file.")
        return render(request, "interchange/upload.html", context, status=400)
    try:
        data = checked_bytes(upload)
        if len(data) > settings.GOVCAP_IMPORT_JOB_BYTES:  # too slow for one request: a job
            return redirect("job", pk=hand_to_job(request.user, engagement, data,
                                                  Path(upload.name).name).pk)
        report = import_submissions(data, engagement, user=request.user, dry_run=True,
                                    name=Path(upload.name).name)
    except UploadError as exc:
        context["error"] = str(exc)
        return render(request, "interchange/upload.html", context, status=400)
    except ImportProblem as exc:
        context |= {"problems": exc.problems, "filename": Path(upload.name).name,
                    "unmatched": unmatched_organisations(exc.problems)}
        return render(request, "interchange/upload.html", context, status=422)
    folder = upload_dir()
    _clean_stale(folder)
    token = secrets.token_urlsafe(24)
    (folder / f"pending-{token}").write_bytes(data)
    pending = _pending(request)
    pending[token] = {"engagement": engagement.pk, "name": Path(upload.name).name,
                      "sha256": hashlib.sha256(data).hexdigest()}
    request.session[SESSION_KEY] = pending
    context |= {"plan": report.plan, "token": token, "filename": Path(upload.name).name}
    return render(request, "interchange/upload.html", context)


def _confirm(request, engagement: Engagement, context: UploadPage):
    token = request.POST["token"]
    pending = _pending(request)
    entry = pending.get(token)
    path = upload_dir() / f"pending-{token}"
    if (entry is None or entry["engagement"] != engagement.pk or not re.fullmatch(r"[\w-]+", token)
            or not path.is_file()):
        messages.error(request, _("This upload has expired: choose the file again."))
        return redirect("submissions-upload", slug=engagement.slug)
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        messages.error(request, _("This upload has expired: choose the file again."))
        return redirect("submissions-upload", slug=engagement.slug)
    try:
        report = import_submissions(data, engagement, user=request.user, name=entry["name"])
    except ImportProblem as exc:
        context |= {"problems": exc.problems, "filename": entry["name"],
                    "unmatched": unmatched_organisations(exc.problems)}
        return render(request, "interchange/upload.html", context, status=422)
    path.unlink(missing_ok=True)
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending
    skipped = len(report.plan.skipped)
    messages.success(request, _("%(file)s: %(n)d submitted sessions created, %(skipped)d "
                                "skipped.") % {"file": entry["name"], "n": len(report.created),
                                               "skipped": skipped})
    return redirect("engagement", slug=engagement.slug)
