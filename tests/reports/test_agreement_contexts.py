"""Words that agree with what they are said of have a context saying what that is (issue
15, fresh eyes): the French plan cover read "Statut : Approuvée" (the plan, "le plan", is
masculine; the status served "version 2 (approuvée)" too) above "Approuvé par : …,
Coordinateur" (a role's title with a gender); the plan page's "Statut" column mixed the
agreements of a need and an indicator; the delivery page's "Terminé 0" counted people."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import trans_real

from govcap.planning import wording
from govcap.reports.context import PlanDocumentContext
from govcap.reports.documents import approver_function
from govcap.reports.labels import Labels

SAID = {
    ("status of a training plan, on its cover", "Approved"): "Approuvé",
    (
        "status of a plan version, inside a sentence: “version 2 (approved)”",
        "approved",
    ): "approuvée",
    # the priorities' status column: a need's status and its course's state agree with one
    # noun, « formation » (f.), on the plan page and in the documents
    ("course state", "Not placed"): "Non placée",
    ("course state", "Scheduled"): "Programmée",
    ("course state", "Scheduled {month}"): "Programmée en {month}",
    ("course state", "Due {month}, not recorded as run"): "Prévue en {month}, non enregistrée",
    ("status of an indicator", "Not placed"): "Non atteint",
    (
        "the function of whoever approved a plan, after their name: “(coordination)”",
        "coordination",
    ): "coordination (fr)",
    ("number of participants who completed the course", "Completed"): "Ont terminé",
}


@pytest.fixture
def french() -> Iterator[None]:
    """French with the messages above (the lead translates the catalogue)."""
    with translation.override("fr"):
        catalogue = trans_real.translation("fr")._catalog  # type: ignore[attr-defined]
        keys = [f"{context}\x04{message}" for context, message in SAID]
        kept = {k: catalogue.get(k) for k in keys}
        for (context, message), text in SAID.items():
            catalogue[f"{context}\x04{message}"] = text
        try:
            yield
        finally:
            for key, text in kept.items():
                if text is None:
                    for part in catalogue._catalogs:
                        part.pop(key, None)
                else:
                    catalogue[key] = text


def plan_context(status: str) -> PlanDocumentContext:
    ctx = PlanDocumentContext.__new__(PlanDocumentContext)
    object.__setattr__(ctx, "status", status)
    object.__setattr__(ctx, "superseded_by", None)
    return ctx


def test_the_cover_and_a_sentence_say_the_status_each_with_its_agreement(french):
    words = Labels("fr")
    assert plan_context("approved").status_text(words) == "Approuvé"
    assert plan_context("approved").status_text(words, mid_sentence=True) == "approuvée"


def test_an_approver_is_named_with_a_function_not_a_gendered_title(french):
    assert approver_function("coordinator") == "coordination (fr)"


def test_a_need_and_an_indicator_have_statuses_of_their_own(french):
    assert str(wording.NEED_STATUS["unfit"]) == "Non placée"
    assert str(wording.INDICATOR_STATUS["unfit"]) == "Non atteint"


def test_one_status_column_agrees_with_one_noun_on_the_page_and_in_the_documents(french):
    """The French plan PDF's "5. Priorités" said "Prévue en août 2026, non enregistrée…"
    beside "Programmé en janvier 2027" and "Non placé", the page "Programmée" beside
    "Non placé": every status of the column now has the context "course state"."""
    assert [str(wording.NEED_STATUS[k]) for k in ("scheduled", "unfit")] == [
        "Programmée", "Non placée"]
    words = Labels("fr")
    assert words.t("status.scheduled", month="janvier 2027") == "Programmée en janvier 2027"
    assert words["status.unfit"] == "Non placée"
    assert words.t("status.not_run", month="août 2026") == "Prévue en août 2026, non enregistrée"


def test_the_delivery_pages_completed_counts_people(french):
    for name in ("delivery/delivery.html", "delivery/engagement.html"):
        with open(f"govcap/delivery/templates/{name}", encoding="utf-8") as page:
            source = page.read()
        assert (
            '{% translate "Completed" context "number of participants who completed the course" %}'
        ) in source, name
    said = Template(
        '{% load i18n %}{% translate "Completed" context "number of participants '
        'who completed the course" %}'
    ).render(Context())
    assert said == "Ont terminé"
