"""Jobs on the command line: a rich progress bar that follows a job (polling its row, or
fed directly when the job runs in the foreground), and the one-line and full views."""

from __future__ import annotations

import time
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from govcap.jobs.models import Job


def console_for(stream) -> Console:
    console = Console(file=stream, highlight=False)
    if not console.is_terminal:
        console.width = 120  # a log or a pipe: room for the bar's last frame
    return console


@contextmanager
def progress_bar(stream, label: str):
    """``update(job)`` moves the bar to the job's done/total and message."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[message]}"))
    with Progress(*columns, console=console_for(stream), transient=False) as bar:
        task = bar.add_task(label, total=None, message="")

        def update(job: Job) -> None:
            bar.update(task, completed=job.done, total=job.total or None,
                       message=(job.message or "")[-60:])

        yield update


def wait(job_id: int, stream, *, poll: float = 1.0, timeout: float | None = None) -> Job:
    """Follow a job until it finishes (or ``timeout`` seconds pass); the job as it is then."""
    job = Job.objects.get(pk=job_id)
    deadline = None if timeout is None else time.monotonic() + timeout
    with progress_bar(stream, job.label) as update:
        while True:
            update(job)
            if job.is_finished or (deadline is not None and time.monotonic() > deadline):
                return job
            time.sleep(poll)
            job.refresh_from_db()


def one_line(job: Job) -> str:
    owner = job.owner.get_username() if job.owner else "(command line)"
    progress = f"{job.done}/{job.total}" if job.total else "-"
    started = job.started_at.strftime("%Y-%m-%d %H:%M") if job.started_at else "-"
    return f"{job.pk:>5}  {job.state:<11} {progress:>9}  {started:<16}  {owner:<20} {job.label}"


def details(job: Job, *, with_traceback: bool = False) -> list[str]:
    lines = [f"job {job.pk}: {job.label}",
             f"  kind      {job.kind}  {job.params}",
             f"  status    {job.state}" + status_note(job),
             f"  progress  {job.done}/{job.total}  {job.message}",
             f"  owner     {job.owner.get_username() if job.owner else '(command line)'}",
             f"  asked     {job.created_at:%Y-%m-%d %H:%M:%S}"]
    for name in ("started_at", "finished_at", "heartbeat_at", "cancel_requested_at"):
        value = getattr(job, name)
        if value:
            lines.append(f"  {name.split('_')[0]:<9} {value:%Y-%m-%d %H:%M:%S}")
    if job.result_file:
        lines.append(f"  result    {job.result_file} ({job.result_size} bytes)")
    if job.summary:
        lines.append(f"  summary   {job.summary}")
    if job.error:
        lines.append("  error     " + job.error.replace("\n", "\n            "))
    if with_traceback and job.traceback:
        lines += ["", job.traceback.rstrip()]
    if job.can_cancel:
        lines.append(f"  `govcap jobs cancel {job.pk}` cancels it.")
    if job.can_run_again:
        lines.append(f"  `govcap jobs again {job.pk}` runs it again.")
    return lines


def status_note(job: Job) -> str:
    if job.is_stale:
        return " (running, no heartbeat: its worker died)"
    if job.is_cancelling:
        return " (cancel asked: it stops at its next step)"
    if job.state == Job.Status.CANCELLED:
        return f" ({job.cancel_note})"
    return ""
