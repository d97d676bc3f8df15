"""Trainees' names follow the focus-group participants' rules: erasure and retention."""

from __future__ import annotations

import datetime as dt
import io

from django.core.management import call_command

from govcap.accounts.models import AuditEvent
from govcap.assessments import privacy as assessments_privacy
from govcap.delivery import privacy
from govcap.delivery.models import Trainee, TraineeIdentity
from govcap.orgs.models import Engagement


def test_erasing_a_trainee_removes_the_name_and_the_trails_copies(course):
    out = io.StringIO()
    call_command("deliveries", "erase-trainee", str(course.delivery.uuid), "t1", stdout=out)
    assert "T1: identity removed" in out.getvalue()
    t = Trainee.objects.get(pk=course.trainee.pk)
    assert not TraineeIdentity.objects.filter(trainee=t).exists()
    assert (t.role_title, t.gender, t.code) == ("", "", "T1")
    nominated = AuditEvent.objects.get(object_uuid=t.uuid, action="nominate")
    assert nominated.after["role_title"] == "[erased]" and nominated.after["gender"] == "[erased]"


def test_the_retention_purge_removes_trainees_names_with_the_participants(course, settings):
    settings.GOVCAP_RETENTION_MONTHS = 12
    Engagement.objects.filter(pk=course.engagement.pk).update(
        status=Engagement.Status.CLOSED, end_date=dt.date(2020, 1, 31))
    plan = assessments_privacy.purge_plan(today=dt.date(2026, 12, 1))
    assert [i.identities for i in plan.items] == [1]
    assert assessments_privacy.purge(plan) == 1
    assert not TraineeIdentity.objects.exists() and Trainee.objects.exists()
    assert privacy.identities_of in assessments_privacy.OTHER_IDENTIFIED
