"""A plan pack: every training plan of an engagement, or of the whole programme (every
engagement the person may see), as DOCX, PDF and XLSX — the whole plan and each
organisation's own — in one ZIP with a manifest (file, plan version and status, SHA-256).

The stored latest version of each plan is rendered as stored (``reports.documents``),
never regenerated. A viewer narrowed to some organisations gets only their plans.
"""

from __future__ import annotations

import csv
import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass

from django.utils.text import slugify

from govcap.accounts import scoping
from govcap.cells import neutralise_row
from govcap.jobs.files import new_result_path
from govcap.jobs.models import Job
from govcap.jobs.outcome import Outcome
from govcap.jobs.progress import Progress
from govcap.orgs.models import Engagement
from govcap.planning.models import Plan
from govcap.planning.services import latest_plan
from govcap.reports import documents

FORMATS = ("docx", "pdf", "xlsx")
MANIFEST_HEADER = ["file", "engagement", "organisation", "format", "plan_version",
                   "plan_status", "bytes", "sha256", "note"]


class NothingToPack(Exception):
    pass


@dataclass(frozen=True)
class Planned:
    """One document to render."""

    path: str  # inside the ZIP
    plan: Plan
    org_id: str | None
    org_name: str
    fmt: str


def engagements_of(job: Job) -> list[Engagement]:
    qs = scoping.engagements(job.owner) if job.owner is not None else (
        Engagement.objects.select_related("country"))
    slug = job.params.get("engagement")
    if slug:
        qs = qs.filter(slug=slug)
        if not qs.exists():
            raise NothingToPack(f"No engagement {slug!r} in this person's scope.")
    return list(qs.order_by("country__name", "round_number", "name"))


def _readable(owner, engagement: Engagement) -> set[str] | None:
    """The organisations (uuids) whose plans a viewer narrowed to them may read; None for
    a reader of the whole plan."""
    narrowed = (scoping.scope_of(owner).viewer_orgs.get(engagement.id)
                if owner is not None else None)
    if narrowed is None:
        return None
    return {str(u) for u in engagement.organisations.filter(pk__in=narrowed)
            .values_list("uuid", flat=True)}


def has_documents_for(owner, engagement: Engagement) -> bool:
    """Whether a pack of the engagement's latest plan would hold a document for ``owner``
    (a viewer narrowed to organisations the plan does not include gets none)."""
    plan = latest_plan(engagement)
    if plan is None:
        return False
    allowed = _readable(owner, engagement)
    return allowed is None or any(o["org_id"] in allowed for o in plan.data["organisations"])


def plan_documents(owner, engagements: list[Engagement], formats=FORMATS,
                   version: int | None = None) -> tuple[list[Planned], list[list]]:
    """What the pack holds, and the manifest lines of the engagements without a plan: each
    engagement's latest version, or ``version`` (one engagement's pack, from the page of
    that version: the approved one in force while a new draft is made)."""
    planned: list[Planned] = []
    notes: list[list] = []
    for engagement in engagements:
        plan = (latest_plan(engagement) if version is None else
                Plan.objects.filter(engagement=engagement, version=version).first())
        if plan is None:
            notes.append(["", engagement.slug, "", "", "", "", "", "", "no plan generated"])
            continue
        allowed = _readable(owner, engagement)
        codes = dict(engagement.organisations.values_list("uuid", "code"))
        folder = engagement.slug
        if allowed is None:
            for fmt in formats:
                planned.append(Planned(f"{folder}/{documents.filename(plan, fmt)}", plan, None,
                                       "", fmt))
            for fmt in _briefs(formats):  # the minister's one page, beside the plan
                planned.append(Planned(f"{folder}/{documents.filename(plan, fmt)}", plan, None,
                                       "", fmt))
        used: set[str] = set()
        for org in sorted(plan.data["organisations"], key=lambda o: o["org_name"].casefold()):
            if allowed is not None and org["org_id"] not in allowed:
                continue
            stem = slugify(_code(codes, org) or org["org_name"])[:60] or org["org_id"][:8]
            if stem in used:
                stem = f"{stem}-{org['org_id'][:8]}"
            used.add(stem)
            for fmt in formats:
                planned.append(Planned(f"{folder}/organisations/{stem}.{fmt}", plan,
                                       org["org_id"], org["org_name"], fmt))
            for fmt in _briefs(formats):
                suffix = fmt.removeprefix("brief-")
                planned.append(Planned(f"{folder}/organisations/{stem}-brief.{suffix}", plan,
                                       org["org_id"], org["org_name"], fmt))
    return planned, notes


def _briefs(formats) -> list[str]:
    """The brief in each asked format it has (DOCX, PDF; a brief is no workbook)."""
    return [f"brief-{fmt}" for fmt in formats if f"brief-{fmt}" in documents.BRIEF_FORMATS]


def _code(codes: dict, org: dict) -> str:
    try:
        return codes.get(uuid.UUID(org["org_id"]), "") or ""
    except ValueError:
        return ""


def pack_name(job: Job) -> str:
    slug = job.params.get("engagement")
    return f"plans-{slug}.zip" if slug else "plans-programme.zip"


def run_plan_pack(job: Job, progress: Progress) -> Outcome:
    formats = [f for f in job.params.get("formats", FORMATS) if f in FORMATS] or list(FORMATS)
    engagements = engagements_of(job)
    version = job.params.get("version") if job.params.get("engagement") else None
    language = job.params.get("language")  # None (a command's, an older job's): each its own
    planned, manifest = plan_documents(job.owner, engagements, formats,
                                       int(version) if version else None)
    if not planned:
        if engagements and not manifest:  # plans exist, none holds what this person reads
            raise NothingToPack("Nothing to pack: the organisations you read are not in the "
                                "plan yet (their sessions are not validated).")
        raise NothingToPack("No training plan to pack: generate a plan first.")
    progress.start(len(planned))
    path, relative = new_result_path(job, pack_name(job))
    total_bytes = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        for item in planned:
            data = documents.render(item.plan, item.fmt, item.org_id, language)
            pack.writestr(item.path, data)
            total_bytes += len(data)
            manifest.append([item.path, item.plan.engagement.slug, item.org_name, item.fmt,
                             item.plan.version, item.plan.status, len(data),
                             hashlib.sha256(data).hexdigest(), ""])
            progress.step(item.path)
        pack.writestr("manifest.csv", manifest_csv(manifest))
    return Outcome(path=path, relative=relative, name=pack_name(job), summary={
        "documents": len(planned), "engagements": len({p.plan.engagement_id for p in planned}),
        "bytes": total_bytes})


def manifest_csv(lines: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MANIFEST_HEADER)
    for line in sorted(lines, key=lambda x: (x[1], x[0])):
        writer.writerow(neutralise_row(line))
    return "\ufeff" + out.getvalue()
