"""A large submissions import run as a job: the same all-or-nothing
``interchange.services.import_submissions``; its problems are kept on the failed job. A
cancel asked while it imports undoes it: the last look, just before the import commits,
reads the job's row itself rather than wait for the heartbeat."""

from __future__ import annotations

import secrets

from django.utils.translation import gettext as _

from govcap.accounts import scoping
from govcap.interchange.services import import_submissions
from govcap.jobs import service
from govcap.jobs.files import upload_path, uploads_dir
from govcap.jobs.models import Job
from govcap.jobs.outcome import Outcome
from govcap.jobs.progress import Progress
from govcap.orgs.models import Engagement


class ImportRefused(Exception):
    pass


def run_submissions_import(job: Job, progress: Progress) -> Outcome:
    engagement = Engagement.objects.filter(slug=job.params["engagement"]).first()
    if engagement is None or (job.owner is not None
                              and not scoping.can_manage_engagement(job.owner, engagement)):
        raise ImportRefused(_("Only the engagement's coordinators import submissions."))
    source = upload_path(job)
    name = job.params.get("name") or source.name
    progress.start(1, name)
    report = import_submissions(
        source, engagement, user=job.owner, name=name,
        before_commit=lambda: progress.stop_if_cancelled(ask_the_database=True))
    # Committed: a cancel now comes too late, so no more steps (a step would stop the job
    # and show it cancelled with its sessions imported). The runner marks it done.
    source.unlink(missing_ok=True)  # kept after a failure, so the job can run again
    return Outcome(summary={"created": len(report.created),
                            "skipped": len(report.plan.skipped)})


def hand_to_job(user, engagement: Engagement, data: bytes, name: str) -> Job:
    """A large upload: imported by a job (all or nothing), its problems on the job's page."""
    token = secrets.token_hex(16)
    (uploads_dir() / token).write_bytes(data)
    label = _("Submissions import: %(file)s into %(name)s") % {"file": name,
                                                              "name": engagement.local_name}
    return service.start(Job.Kind.SUBMISSIONS_IMPORT,
                         {"engagement": engagement.slug, "file": token, "name": name},
                         owner=user, label=label)
