"""The demo's Kenya baseline 2025 courses carry evaluation answers: most participants
answered levels 1 and 2, some did not; follow-ups exist for those who completed, some
answered, some still open for the reminders."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from govcap.delivery import evaluation as ev
from govcap.delivery.models import Delivery, FollowUp, LearningCheck, Reaction, Trainee
from tests.demo.helpers import demo_data, run_demo
from tests.security.helpers import client_for


@pytest.mark.django_db
def test_the_demo_evaluates_kenyas_delivered_baseline():
    demo_data()
    kenya = Delivery.objects.filter(engagement__slug__startswith="kenya-baseline-2025")
    trainees = Trainee.objects.filter(delivery__in=kenya)
    reactions = Reaction.objects.filter(trainee__in=trainees).count()
    assert 0.6 * trainees.count() < reactions < trainees.count()  # some missing
    pre = LearningCheck.objects.filter(trainee__in=trainees, phase="pre").count()
    post = LearningCheck.objects.filter(trainee__in=trainees, phase="post").count()
    assert 0 < post < pre < trainees.count()
    for d in kenya:
        gain = ev.summary(d).learning.mean_gain
        assert gain is not None and gain > 10  # learning shows
    completed = trainees.filter(completion="completed").count()
    follow_ups = FollowUp.objects.filter(trainee__in=trainees)
    assert follow_ups.count() == 2 * completed
    answered = follow_ups.exclude(answered_at=None)
    assert 0 < answered.count() < follow_ups.count()
    assert set(answered.values_list("applied", flat=True)) == {"yes", "partly", "no"}
    assert not Reaction.objects.exclude(trainee__delivery__in=kenya).exists()
    # every demo course's follow-ups are in step already: reading pages creates none
    stored = sorted(FollowUp.objects.values_list("trainee_id", "respondent", "due_date"))
    assert sum(ev.sync_follow_ups(d) for d in Delivery.objects.all()) == 0
    assert sorted(FollowUp.objects.values_list("trainee_id", "respondent", "due_date")) == stored
    # the viewer of the Kenya Revenue Authority only: its trainees' answers, nobody else's
    kra_viewer = get_user_model().objects.get(username="demo-viewer-ke-kra")
    shown = [d for d in kenya if d.trainees.exclude(organisation__code__iexact="kra").exists()
             and d.trainees.filter(organisation__code__iexact="kra").exists()]
    assert shown  # a course with KRA's trainees and others'
    for d in shown[:2]:
        page = client_for(kra_viewer).get(reverse("delivery-evaluation", args=[d.uuid]))
        kra = d.trainees.filter(organisation__code__iexact="kra")
        assert page.context["summary"].trainees == kra.count() < d.trainees.count()
        assert page.context["summary"].reactions == Reaction.objects.filter(
            trainee__in=kra).count()
    run_demo("--remove")
    assert not Reaction.objects.exists() and not FollowUp.objects.exists()
