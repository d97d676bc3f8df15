"""`govcap results indicators` and `export` through the one `results` noun."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from govcap.orgs.models import Engagement


def run(*args: str) -> str:
    out = StringIO()
    call_command("results", *args, stdout=out)
    return out.getvalue()


def test_json_to_standard_output_with_every_figure_and_its_n(programme):
    data = json.loads(run("indicators", "--format", "json", "--programme"))
    completion = next(i for i in data["indicators"] if i["key"] == "completion-rate")
    assert (completion["numerator"], completion["n"]) == (2, 3)
    [pair] = data["level4"]
    ea = next(s for s in pair["sections"] if s["section"] == "enterprise-architecture")
    assert ea["verdict"] == "too_few" and ea["test"] is None
    assert ea["paired"]["trained"] == [{"organisation": "Ministry of ICT", "before": 1,
                                        "after": 2, "change": 1}]
    # the agency attended a day without completing: in neither group
    assert [c["organisation"] for c in ea["paired"]["attended_not_completed"]] == [
        "ICT Authority"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf"])
def test_documents_are_written(programme, tmp_path, fmt):
    out = tmp_path / f"results.{fmt}"
    said = run("indicators", "--format", fmt, "--engagement", programme.engagement.slug,
               "--out", str(out))
    assert out.stat().st_size > 1000 and "1 round comparison." in said


def test_scope_is_required_and_a_provider_is_refused(programme, tmp_path):
    with pytest.raises(CommandError):
        call_command("results", "indicators", "--format", "json")
    with pytest.raises(CommandError, match="training provider"):
        run("indicators", "--format", "json", "--programme", "--user", "provider")


def test_a_users_scope_narrows_what_is_counted(programme):
    data = json.loads(run("indicators", "--format", "json", "--programme", "--user", "outsider"))
    assert data["engagements"] == [programme.other_engagement.slug] and data["level4"] == []


def test_demo_engagements_are_left_out_unless_included(programme):
    Engagement.objects.filter(pk=programme.engagement.pk).update(is_demo=True)
    data = json.loads(run("indicators", "--format", "json", "--programme"))
    assert programme.engagement.slug not in data["engagements"]
    with pytest.raises(CommandError, match="--include-demo"):
        run("indicators", "--format", "json", "--engagement", programme.engagement.slug)
    data = json.loads(run("indicators", "--format", "json", "--programme", "--include-demo"))
    assert data["demo"] is True


def test_export_is_still_the_tidy_ratings_export(world, tmp_path):
    out = tmp_path / "ratings.csv"
    said = run("export", "--out", str(out))
    assert out.exists()
    assert "rows (session × section)" in said
