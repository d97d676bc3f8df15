"""Search and themes show nothing from outside the user's scope."""

from __future__ import annotations

import uuid

import pytest

from govcap.analysis import coding
from govcap.analysis.models import Code
from govcap.analysis.queries_coding import search, segment_rows


def found(user, query: str, engagement=None) -> set[str]:
    hits, _capped = search(user, query, engagement)
    return {h.text for h in hits}


def test_search_finds_notes_evidence_dissent_and_quotes_in_any_case(analysed) -> None:
    w = analysed
    texts = found(w.coordinator, "BUDGET")
    assert any("budget was cut" in t for t in texts)
    assert "A budget line exists for change." in texts
    assert found(w.coordinator, "memo") == {"Change? We send a memo."}
    from govcap.assessments.models import Rating

    Rating.objects.filter(pk=w.notes["enterprise-architecture"].pk).update(
        dissent="P1 disagreed strongly.")
    assert found(w.coordinator, "strongly") == {"P1 disagreed strongly."}


@pytest.mark.parametrize(("who", "sees_kenya", "sees_agency", "sees_somalia"), [
    ("admin", True, True, True),
    ("manager", False, False, False),  # compares countries: reads what sessions shared
    ("coordinator", True, True, False),
    ("viewer", False, False, False),  # notes and quotes are internal to a session's people
    ("facilitator", True, False, False),  # only the sessions they facilitate
    ("colleague", False, False, False),
    ("outsider", False, False, True),
])
def test_search_stays_inside_the_users_scope(analysed, who, sees_kenya, sees_agency,
                                             sees_somalia) -> None:
    texts = found(getattr(analysed, who), "budget")
    assert any("budget was cut" in t for t in texts) == sees_kenya
    assert ("A budget line exists for change." in texts) == sees_agency
    assert bool(texts & {"The budget secret of Somalia.", "Somali budget quote."}) == sees_somalia


def test_a_viewer_narrowed_to_one_organisation_finds_nothing_internal(analysed,
                                                                      make_user) -> None:
    from govcap.accounts.models import Role

    narrowed = make_user("agency-viewer", Role.VIEWER, analysed.engagement, analysed.agency)
    assert found(narrowed, "budget") == set()


def test_search_in_one_engagement_and_short_queries(analysed) -> None:
    w = analysed
    assert not found(w.admin, "Somali", w.engagement)
    assert found(w.admin, "b") == set()


def test_theme_rows_come_only_from_sessions_in_scope(analysed) -> None:
    w = analysed
    for engagement in (w.engagement, w.other_engagement):
        coding.ensure_codebook(engagement)
    funding = Code.objects.get(codebook__engagement=w.engagement, name="Funding")
    somali = Code.objects.get(codebook__engagement=w.other_engagement, name="Funding")
    coding.code_span(w.coordinator, w.session, coding.SpanInput(
        uuid.uuid4(), "notes", str(w.notes["change-management"].uuid), "budget",
        [str(funding.uuid)]))
    from govcap.assessments.models import Rating

    rating = Rating.objects.get(session=w.other_session, rater=None)
    coding.code_span(w.outsider, w.other_session, coding.SpanInput(
        uuid.uuid4(), "notes", str(rating.uuid), "budget secret", [str(somali.uuid)]))
    assert {r.text for r in segment_rows(w.admin)} == {"budget", "budget secret"}
    assert {r.text for r in segment_rows(w.coordinator)} == {"budget"}
    assert {r.text for r in segment_rows(w.outsider)} == {"budget secret"}
    assert segment_rows(w.colleague) == []
