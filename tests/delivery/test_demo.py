"""The demo's deliveries: Kenya's baseline plan delivered with drop-outs, Djibouti and
Somalia under way, a provider user who sees only its own."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from govcap.delivery import access
from govcap.delivery.models import Attendance, Delivery, Trainee
from tests.demo.helpers import demo_data, run_demo


@pytest.mark.django_db
def test_the_demo_delivers_kenyas_baseline_and_starts_djibouti_and_somalia():
    out = demo_data()
    kenya = Delivery.objects.filter(engagement__slug__startswith="kenya-baseline-2025")
    assert kenya.count() >= 3 and set(kenya.values_list("status", flat=True)) == {"completed"}
    assert all(d.plan.status == "approved" and d.cost_cents for d in kenya)
    trainees = Trainee.objects.filter(delivery__in=kenya)
    completions = {c: trainees.filter(completion=c).count()
                   for c in ("completed", "partial", "dropped")}
    # most complete (the programme aims at 80%), some do not: about one in four or five
    assert completions["completed"] > 2 * (completions["partial"] + completions["dropped"]) > 0
    assert not trainees.filter(completion__in=["partial", "dropped"], completion_reason="")
    assert 0.2 < trainees.filter(gender="female").count() / trainees.count() < 0.5
    for country in ("djibouti", "somalia"):
        under_way = Delivery.objects.filter(engagement__slug__startswith=country)
        assert sorted(under_way.values_list("status", flat=True)) == ["in_progress", "planned"]
        assert Attendance.objects.filter(trainee__delivery__in=under_way).exists()
    provider = get_user_model().objects.get(username="demo-provider-ke")
    assert set(access.deliveries(provider)) == set(kenya)
    run_demo("--remove")
    assert not Delivery.objects.exists() and not Trainee.objects.exists()
    assert "Removed" not in out
