"""Coding: the default codebook, spans with offsets and a snapshot, the coder on every
segment, suggestions from keywords accepted or rejected one by one — never applied silently."""

from __future__ import annotations

import uuid

import pytest
from django.core.management import call_command

from govcap.accounts.models import AuditEvent
from govcap.analysis import coding
from govcap.analysis.models import Code, Codebook, CodedSegment, KeywordRule, Suggestion
from govcap.assessments.errors import CaptureError, NotAllowed, StaleRevision


def span(w, text: str, codes: list[str], **more) -> coding.SpanInput:
    rating = w.notes["change-management"]
    return coding.SpanInput(op_id=more.pop("op_id", uuid.uuid4()), source="notes",
                            source_uuid=str(rating.uuid), text=text, codes=codes, **more)


def code_named(w, name: str) -> Code:
    return Code.objects.get(codebook__engagement=w.engagement, name=name)


def test_the_codebook_is_seeded_once_with_the_default_codes(analysed) -> None:
    book = coding.ensure_codebook(analysed.engagement, analysed.coordinator)
    assert coding.ensure_codebook(analysed.engagement) == book
    names = list(book.codes.values_list("name", flat=True))
    assert len(names) == 12 and "Donor dependency" in names
    assert KeywordRule.objects.filter(code__codebook=book, keyword="budget").exists()
    assert AuditEvent.objects.filter(object_uuid=book.uuid, action="create").count() == 1


def test_a_span_is_coded_with_offsets_snapshot_and_coder(analysed) -> None:
    w = analysed
    coding.ensure_codebook(w.engagement)
    funding, resistance = code_named(w, "Funding"), code_named(w, "Change resistance")
    answer = coding.code_span(w.facilitator, w.session, span(
        w, "The budget was cut", [str(funding.uuid), str(resistance.uuid)], memo="cut"))
    notes = w.notes["change-management"].notes
    start = notes.index("The budget")
    assert (answer["start"], answer["end"]) == (start, start + 18)
    segments = CodedSegment.objects.filter(session=w.session)
    assert {s.code for s in segments} == {funding, resistance}
    for s in segments:
        assert (s.coder, s.text, s.memo, s.source, s.section_key) == (
            w.facilitator, "The budget was cut", "cut", "notes", "change-management")
        assert not s.text_changed
    assert AuditEvent.objects.filter(action="code", session=w.session).count() == 2


def test_offsets_sent_by_the_page_are_checked_and_a_retry_codes_once(analysed) -> None:
    w = analysed
    coding.ensure_codebook(w.engagement)
    funding = str(code_named(w, "Funding").uuid)
    op = uuid.uuid4()
    notes = w.notes["change-management"].notes
    start = notes.index("budget")
    coding.code_span(w.facilitator, w.session, span(w, "budget", [funding], start=start,
                                                    end=start + 6, op_id=op))
    again = coding.code_span(w.facilitator, w.session, span(w, "budget", [funding], op_id=op))
    assert again["replayed"] and CodedSegment.objects.count() == 1
    with pytest.raises(CaptureError, match="not in that note"):
        coding.code_span(w.facilitator, w.session, span(w, "nowhere to be found", [funding]))
    with pytest.raises(CaptureError, match="at least one code"):
        coding.code_span(w.facilitator, w.session, span(w, "budget", []))


def test_an_edited_note_marks_its_segments(analysed) -> None:
    w = analysed
    coding.ensure_codebook(w.engagement)
    coding.code_span(w.facilitator, w.session, span(w, "budget", [str(code_named(
        w, "Funding").uuid)]))
    rating = w.notes["change-management"]
    rating.notes = "Rewritten entirely."
    rating.save()
    assert CodedSegment.objects.get().text_changed


@pytest.mark.parametrize("who", ["viewer", "colleague", "manager", "outsider"])
def test_only_coordinators_and_the_sessions_facilitators_code(analysed, who) -> None:
    coding.ensure_codebook(analysed.engagement)
    with pytest.raises(NotAllowed):
        coding.code_span(getattr(analysed, who), analysed.session,
                         span(analysed, "budget", [str(code_named(analysed, "Funding").uuid)]))


def test_suggestions_wait_for_a_decision_and_are_made_once(analysed) -> None:
    w = analysed
    coding.ensure_codebook(w.engagement)
    added = coding.suggest(w.facilitator, [w.session])
    assert added > 0
    assert not CodedSegment.objects.exists()  # never applied silently
    funding = Suggestion.objects.get(code__name="Funding", quote=None,
                                     section_key="change-management")
    assert funding.text == "The budget was cut mid-year"
    assert funding.status == Suggestion.Status.PENDING and funding.keyword == "budget"
    assert coding.suggest(w.facilitator, [w.session]) == 0  # not suggested twice

    segment = coding.decide(w.facilitator, funding, accept=True)
    funding.refresh_from_db()
    assert funding.status == "accepted" and funding.segment == segment
    assert (segment.coder, segment.origin, segment.text) == (w.facilitator, "suggested",
                                                             funding.text)
    other = Suggestion.objects.filter(status="pending").first()
    assert coding.decide(w.coordinator, other, accept=False) is None
    other.refresh_from_db()
    assert other.status == "rejected" and other.decided_by == w.coordinator
    with pytest.raises(CaptureError, match="already decided"):
        coding.decide(w.coordinator, other, accept=True)
    assert CodedSegment.objects.count() == 1
    assert AuditEvent.objects.filter(action__in=("accept", "reject")).count() == 2


def test_a_rejected_span_is_not_suggested_again_even_after_new_keywords(analysed) -> None:
    w = analysed
    coding.ensure_codebook(w.engagement)
    coding.suggest(w.coordinator, [w.session])
    for s in Suggestion.objects.all():
        coding.decide(w.coordinator, s, accept=False)
    coding.add_keyword(w.coordinator, code_named(w, "Funding"), "mid-year")
    assert coding.suggest(w.coordinator, [w.session]) == 0


def test_the_codebook_is_edited_by_coordinators_only(analysed) -> None:
    w = analysed
    code = coding.add_code(w.coordinator, w.engagement, "Gender", "Women in ICT roles.")
    with pytest.raises(CaptureError, match="already has"):
        coding.add_code(w.coordinator, w.engagement, "gender")
    with pytest.raises(NotAllowed):
        coding.add_code(w.facilitator, w.engagement, "Other")
    coding.update_code(w.coordinator, code, name="Gender balance", definition="d", colour="",
                       is_active=False, base_revision=1)
    code.refresh_from_db()
    assert (code.name, code.is_active, code.revision) == ("Gender balance", False, 2)
    with pytest.raises(StaleRevision):
        coding.update_code(w.coordinator, code, name="x", definition="", colour="",
                           is_active=True, base_revision=1)
    rule = coding.add_keyword(w.coordinator, code, "  women   in ICT ")
    assert rule.keyword == "women in ICT"
    coding.remove_keyword(w.coordinator, rule)
    assert not KeywordRule.objects.filter(pk=rule.pk).exists()
    assert AuditEvent.objects.filter(object_type="analysis.code").count() == 2


def test_removing_a_coding_is_for_its_coder_or_a_coordinator(analysed) -> None:
    w = analysed
    coding.ensure_codebook(w.engagement)
    result = coding.code_span(w.facilitator, w.session, span(w, "budget", [str(code_named(
        w, "Funding").uuid)]))
    segment = CodedSegment.objects.get(uuid=result["segments"][0])
    with pytest.raises(NotAllowed):
        coding.delete_segment(w.viewer, segment)
    coding.delete_segment(w.coordinator, segment)
    assert not CodedSegment.objects.exists()
    assert AuditEvent.objects.filter(action="uncode").exists()


def test_the_demo_seed_codes_only_demo_sessions_and_runs_once(analysed, capsys) -> None:
    from govcap.demo.loader import load_demo, remove_demo

    load_demo()
    call_command("analysis", "seed-demo-coding")
    first = capsys.readouterr().out
    assert "coded segments" in first
    assert CodedSegment.objects.filter(session__is_demo=False).count() == 0
    assert CodedSegment.objects.filter(session__is_demo=True).exists()
    assert Suggestion.objects.filter(status="pending", session__is_demo=True).exists()
    counted = (CodedSegment.objects.count(), Suggestion.objects.count())
    call_command("analysis", "seed-demo-coding")
    assert "nothing added" in capsys.readouterr().out
    assert (CodedSegment.objects.count(), Suggestion.objects.count()) == counted
    remove_demo()
    assert not CodedSegment.objects.exists()
    assert not Codebook.objects.filter(engagement__is_demo=True).exists()
