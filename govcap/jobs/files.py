"""Where job results live: DATA_DIR/jobs/<job id>-<random>/<file name>, private to govcap."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from django.conf import settings


def jobs_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "jobs"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def uploads_dir() -> Path:
    """Where an upload waits for the job that imports it (kept until that job is pruned)."""
    folder = jobs_dir() / "uploads"
    folder.mkdir(exist_ok=True, mode=0o700)
    return folder


def upload_path(job) -> Path:
    """The upload a submissions-import job reads (``params["file"]``)."""
    return jobs_dir() / "uploads" / job.params["file"]


def new_result_path(job, name: str) -> tuple[Path, str]:
    """An empty folder for the job's result and the file's path in it (absolute, relative)."""
    relative = f"{job.pk}-{secrets.token_hex(8)}/{Path(name).name}"
    path = jobs_dir() / relative
    path.parent.mkdir(mode=0o700)
    job.result_path = relative  # in memory: a failure removes the folder
    return path, relative


def remove_result(job) -> None:
    if job.result_path:
        shutil.rmtree((jobs_dir() / job.result_path).parent, ignore_errors=True)
