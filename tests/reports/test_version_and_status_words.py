"""A plan document's footer says "version 2", not "v2"; its status mid-sentence is written in
lower case ("version 2 du plan (brouillon)", it read "(Brouillon)"); the plan's status has its
own context, so Arabic can say it of a plan (feminine: "معتمدة")."""

from __future__ import annotations

import dataclasses

from govcap.reports.brief import build_brief
from govcap.reports.build import build_document
from govcap.reports.labels import EN
from govcap.translations import Contextual
from tests.reports.helpers import catalogue, context, plan


def test_the_footer_says_version_in_words():
    doc = build_document(plan(), context("en"), catalogue("en"))
    assert " · version 2 · " in doc.footer and " v2 " not in f"{doc.footer} "


def test_the_brief_writes_the_status_in_lower_case_mid_sentence():
    doc = build_brief(plan(), context("en"), catalogue("en"))
    text = " ".join(str(b.text) for b in doc.sections[0].blocks if hasattr(b, "text"))
    assert "version 2 (draft)" in text
    approved = dataclasses.replace(context("en"), status="approved")
    doc = build_brief(plan(), approved, catalogue("en"))
    text = " ".join(str(b.text) for b in doc.sections[0].blocks if hasattr(b, "text"))
    assert "version 2 (approved)" in text


def test_the_plans_status_has_its_own_context():
    assert isinstance(EN["status.draft"], Contextual) and EN["status.draft"].context == (
        "plan status")
    # the cover's agrees with the plan, a sentence's with the version it follows (issue 15)
    assert EN["status.approved"].context == "status of a training plan, on its cover"
    for key in ("status.draft.version", "status.approved.version"):
        assert isinstance(EN[key], Contextual) and "plan version" in EN[key].context
