"""Jobs run through the real django-tasks database backend, by the worker, in this process."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from govcap.jobs import service
from govcap.jobs.models import Job
from govcap.jobs.worker import run_pending


def pack(world, **params):
    return service.start(Job.Kind.PLAN_PACK, {"engagement": world.engagement.slug, **params},
                         owner=world.coordinator, label="pack")


def test_a_plan_pack_runs_through_the_database_queue(planned):
    job = pack(planned)
    queued = DBTaskResult.objects.get(id=job.task_id)
    assert queued.status == "READY" and queued.args_kwargs["args"] == [job.pk]

    assert run_pending() == 1

    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    # (whole plan + 2 organisations) × (3 formats + the brief as DOCX and PDF)
    assert (job.done, job.total) == (15, 15)
    assert job.started_at <= job.finished_at and job.heartbeat_at is not None
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"
    with zipfile.ZipFile(job.result_file) as z:
        names = set(z.namelist())
        slug = planned.engagement.slug
        # a draft's files say when it last changed
        draft = f"v1-draft-{timezone.localtime(planned.plan.updated_at):%Y%m%d-%H%M}"
        assert f"{slug}/plan-{slug}-{draft}.pdf" in names
        assert f"{slug}/organisations/moict.docx" in names
        assert f"{slug}/organisations/icta.xlsx" in names
        assert f"{slug}/brief-{slug}-{draft}.pdf" in names  # the minister's page is in it
        assert f"{slug}/organisations/icta-brief.docx" in names
        assert "manifest.csv" in names and len(names) == 16
        assert z.read(f"{slug}/plan-{slug}-{draft}.pdf").startswith(b"%PDF")
        manifest = z.read("manifest.csv").decode("utf-8-sig")
    assert manifest.count("\r\n") == 16 and "ICT Authority" in manifest
    assert job.summary == {"documents": 15, "engagements": 1, "bytes": job.summary["bytes"]}


def test_progress_is_recorded_document_by_document(planned, monkeypatch):
    from govcap.jobs import progress

    seen = []
    real = progress.Progress._write

    def spy(self, force):
        real(self, force)
        seen.append(Job.objects.values_list("done", "total").get(pk=self.job.pk))

    monkeypatch.setattr(progress.Progress, "_write", spy)
    pack(planned, formats=["xlsx"])
    run_pending()
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_a_failing_job_keeps_its_error_and_traceback(planned, monkeypatch):
    from govcap.reports import documents

    def broken(plan, fmt, org_id=None, language=None):
        raise RuntimeError("the PDF renderer ran out of fonts")

    monkeypatch.setattr(documents, "render", broken)
    job = pack(planned)
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "the PDF renderer ran out of fonts"
    assert "Traceback" in job.traceback and "RuntimeError" in job.traceback
    assert job.finished_at is not None and not job.result_path
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"
    assert job.can_run_again


def test_a_pack_without_a_plan_fails_with_a_plain_reason(world):
    job = service.start(Job.Kind.PLAN_PACK, {"engagement": world.engagement.slug},
                        owner=world.coordinator, label="pack")
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.error == "No training plan to pack: generate a plan first."


def test_a_programme_pack_holds_only_what_its_owner_may_see(planned):
    job = service.start(Job.Kind.PLAN_PACK, {"engagement": None}, owner=planned.outsider,
                        label="programme")
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED  # the outsider's engagement has no plan

    job = service.start(Job.Kind.PLAN_PACK, {"engagement": None, "formats": ["json", "xlsx"]},
                        owner=planned.manager, label="programme")
    run_pending()
    job.refresh_from_db()
    with zipfile.ZipFile(job.result_file) as z:
        manifest = z.read("manifest.csv").decode("utf-8-sig")
        assert {n.rsplit(".", 1)[-1] for n in z.namelist()} == {"xlsx", "csv"}
    assert planned.other_engagement.slug in manifest and "no plan generated" in manifest


def test_a_viewer_of_one_organisation_gets_its_plans_only(planned, make_user):
    from govcap.accounts.models import Role

    narrow = make_user("narrow", Role.VIEWER, planned.engagement, planned.agency)
    job = service.start(Job.Kind.PLAN_PACK, {"engagement": planned.engagement.slug,
                                             "formats": ["docx", "xlsx"]},
                        owner=narrow, label="pack")
    run_pending()
    job.refresh_from_db()
    with zipfile.ZipFile(job.result_file) as z:
        files = sorted(n for n in z.namelist() if n != "manifest.csv")
    slug = planned.engagement.slug
    assert files == [f"{slug}/organisations/icta-brief.docx",
                     *(f"{slug}/organisations/icta.{f}" for f in ("docx", "xlsx"))]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_programme_results_export_counts_its_rows(planned, fmt):
    job = service.start(Job.Kind.RESULTS_EXPORT, {"engagement": None, "format": fmt},
                        owner=planned.manager, label="export")
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED, job.error
    sections = len(planned.instrument.parsed.sections)
    # the world's 2 sessions and the 2 validated ones
    assert job.summary == {"rows": 4 * sections} and job.done == job.total == 4 * sections
    data = job.result_file.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbfengagement,") and data.count(b"\r\n") > 4 * sections
    else:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True)
        assert book.sheetnames == ["results", "dictionary"]
    assert job.result_name == f"govcap-results.{fmt}"


def test_an_export_is_scoped_to_its_owner(planned):
    job = service.start(Job.Kind.RESULTS_EXPORT, {"engagement": None, "format": "csv"},
                        owner=planned.outsider, label="export")
    run_pending()
    job.refresh_from_db()
    text = job.result_file.read_text(encoding="utf-8-sig")
    assert planned.other_engagement.slug in text and planned.engagement.slug not in text


def test_the_pack_of_the_version_on_screen_not_the_newest_draft(planned, client):
    from govcap.planning import services as plans
    from govcap.planning.models import Plan

    Plan.objects.filter(pk=planned.plan.pk).update(status=Plan.Status.APPROVED)
    draft = plans.generate(planned.engagement, planned.coordinator)
    assert draft.version == 2
    client.force_login(planned.coordinator)
    page = client.get(reverse("plan", args=[planned.engagement.slug]) + "?v=1").content.decode()
    assert '<input type="hidden" name="version" value="1">' in page
    client.post(reverse("job-start-plan-pack"), {"engagement": planned.engagement.slug,
                                                 "version": "1"})
    job = Job.objects.filter(kind=Job.Kind.PLAN_PACK).latest("pk")
    assert job.params["version"] == 1
    run_pending()
    job.refresh_from_db()
    with zipfile.ZipFile(job.result_file) as z:
        names = z.namelist()
        manifest = z.read("manifest.csv").decode("utf-8-sig")
    slug = planned.engagement.slug
    assert f"{slug}/plan-{slug}-v1.pdf" in names and not any("-v2" in n for n in names)
    assert ",draft," not in manifest and ",approved," in manifest


def test_a_viewer_whose_organisation_is_not_in_the_plan_is_told_why(planned, make_user):
    from govcap.accounts.models import Role
    from govcap.orgs.models import Organisation

    late = Organisation.objects.create(country=planned.ministry.country, name="Late Agency")
    planned.engagement.organisations.add(late)
    reader = make_user("late-reader", Role.VIEWER, planned.engagement, late)
    job = service.start(Job.Kind.PLAN_PACK, {"engagement": planned.engagement.slug},
                        owner=reader, label="pack")
    run_pending()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "not in the plan yet" in job.error and "generate a plan" not in job.error


def test_the_engagement_page_offers_the_pack_only_to_readers_it_has_documents_for(
        planned, make_user, client):
    from govcap.accounts.models import Role
    from govcap.orgs.models import Organisation

    late = Organisation.objects.create(country=planned.ministry.country, name="Late Agency")
    planned.engagement.organisations.add(late)
    page = reverse("engagement", args=[planned.engagement.slug])
    client.force_login(make_user("late-reader", Role.VIEWER, planned.engagement, late))
    assert "Plan pack (ZIP)" not in client.get(page).content.decode()
    client.force_login(make_user("moict-reader", Role.VIEWER, planned.engagement,
                                 planned.ministry))
    assert "Plan pack (ZIP)" in client.get(page).content.decode()
    client.force_login(planned.coordinator)
    assert "Plan pack (ZIP)" in client.get(page).content.decode()
