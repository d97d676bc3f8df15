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


def _answered_with_free_text(course):
    from govcap.delivery import evaluation as ev
    from govcap.delivery.models import Delivery, FollowUp

    Delivery.objects.filter(pk=course.delivery.pk).update(end_date=dt.date(2025, 6, 3))
    Trainee.objects.filter(pk=course.trainee.pk).update(completion="completed")
    course.delivery.refresh_from_db()
    ev.sync_follow_ups(course.delivery)
    ev.record_answers(course.coordinator, course.delivery, [
        ev.ReactionAnswer("T1", relevance=5, comment="Amina here, from the registry unit"),
        ev.FollowUpAnswer("T1", "participant", "yes", "I, Amina, mapped our registry"),
        ev.FollowUpAnswer("T1", "supervisor", "partly", "Amina's director approved it")],
        source="paper")
    return FollowUp


def test_erasing_a_trainee_blanks_the_free_text_of_their_answers(course):
    from govcap.delivery.models import Reaction

    FollowUp = _answered_with_free_text(course)
    out = io.StringIO()
    call_command("deliveries", "erase-trainee", str(course.delivery.uuid), "T1", stdout=out)
    assert "free text was blanked: 3" in out.getvalue()
    reaction = Reaction.objects.get(trainee=course.trainee)
    assert (reaction.comment, reaction.relevance) == ("", 5)  # the rating still counts
    assert sorted(FollowUp.objects.values_list("respondent", "applied", "example")) == [
        ("participant", "yes", ""), ("supervisor", "partly", "")]
    erased = AuditEvent.objects.get(object_uuid=course.trainee.uuid, action="erase")
    assert erased.after["answers_blanked"] == 3
    assert "Amina" not in str(list(AuditEvent.objects.values_list("before", "after")))


def test_the_retention_purge_blanks_the_free_text_of_answers_too(course, settings):
    from govcap.delivery.models import Reaction

    FollowUp = _answered_with_free_text(course)
    TraineeIdentity.objects.all().delete()  # nothing else identified: the text alone counts
    settings.GOVCAP_RETENTION_MONTHS = 12
    Engagement.objects.filter(pk=course.engagement.pk).update(
        status=Engagement.Status.CLOSED, end_date=dt.date(2020, 1, 31))
    plan = assessments_privacy.purge_plan(today=dt.date(2026, 12, 1))
    assert [i.identities for i in plan.items] == [3]
    assessments_privacy.purge(plan)
    assert list(Reaction.objects.values_list("comment", "relevance")) == [("", 5)]
    assert set(FollowUp.objects.values_list("example", flat=True)) == {""}
    assert FollowUp.objects.filter(answered_at__isnull=False).count() == 2
    assert assessments_privacy.purge_plan(today=dt.date(2026, 12, 1)).items == []


def test_the_operator_guide_says_how_to_erase_a_trainee_what_goes_and_what_stays():
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "operator-guide.md").read_text(
        "utf-8")
    section = guide[guide.index("## Participant privacy"):]
    section = " ".join(section[:section.index("\n## ", 5)].split())
    assert "govcap deliveries erase-trainee DELIVERY_UUID T3" in section
    for blanked in ("name, contact and supervisor's contact", "role title", "gender",
                    "seniority", "level-1 comment", "follow-up examples", "[erased]"):
        assert blanked in section, blanked
    for kept in ("the code", "organisation", "attendance", "completion", "ratings",
                 "learning scores"):
        assert kept in section, kept
    # the fields the command blanks are those the guide names
    assert privacy.IDENTIFYING == {"role_title", "gender", "seniority", "persona",
                                   "completion_reason"}
