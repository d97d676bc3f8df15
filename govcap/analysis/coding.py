"""Writing the coding: codebooks, codes and keyword rules, coded segments, suggestions.

Who may do what (from `accounts.scoping`): the engagement's coordinators and the
administrators edit its codebook; they and a session's assigned facilitators code that
session's notes and quotes, in any status (coding annotates, it does not change what was
captured). Every change is audited in its own transaction; applying codes to a span
carries the page's operation ID, so a re-sent form is applied once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcap.accounts import audit, scoping
from govcap.analysis.core.themes import default_codes, keyword_spans, locate_span
from govcap.analysis.models import Code, Codebook, CodedSegment, KeywordRule, Source, Suggestion
from govcap.assessments.errors import CaptureError, NotAllowed, StaleRevision
from govcap.assessments.models import AppliedOperation, Quote, Rating, Session


class CodingError(CaptureError):
    """A coding change that is refused; nothing was written."""


def can_edit_codebook(user, engagement) -> bool:
    return scoping.can_manage_engagement(user, engagement)


def can_code(user, session: Session) -> bool:
    return (scoping.can_manage_engagement(user, session.engagement)
            or scoping.is_assigned_facilitator(user, session))


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)


# --- codebook ----------------------------------------------------------------------------


def code_state(code: Code) -> dict[str, Any]:
    return {"name": code.name, "definition": code.definition, "colour": code.colour,
            "is_active": code.is_active}


def ensure_codebook(engagement, user=None) -> Codebook:
    """The engagement's codebook, created with the default codes and keywords the first time."""
    existing = Codebook.objects.filter(engagement=engagement).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        codebook, created = Codebook.objects.get_or_create(engagement=engagement)
        if not created:
            return codebook
        for position, (name, definition, keywords, colour) in enumerate(
                default_codes(engagement.language)):
            code = Code.objects.create(codebook=codebook, name=name, definition=definition,
                                       colour=colour, position=position)
            KeywordRule.objects.bulk_create([KeywordRule(code=code, keyword=k, created_by=user)
                                             for k in keywords])
        audit.record(user, "create", codebook, None,
                     {"engagement": engagement.slug,
                      "codes": list(codebook.codes.values_list("name", flat=True))})
    return codebook


def add_code(user, engagement, name: str, definition: str = "", colour: str = "") -> Code:
    _require(can_edit_codebook(user, engagement),
             "Only the engagement's coordinators change its codebook.")
    name = name.strip()
    if not name:
        raise CodingError(_("A code needs a name."), "name")
    codebook = ensure_codebook(engagement, user)
    with transaction.atomic():
        if Code.objects.filter(codebook=codebook, name__iexact=name).exists():
            raise CodingError(_("The codebook already has a code “%(name)s”.") % {"name": name},
                              "name")
        position = codebook.codes.count()
        code = Code.objects.create(codebook=codebook, name=name, definition=definition.strip(),
                                   colour=colour or "#1F4E89", position=position)
        audit.record(user, "create", code, None, code_state(code))
    return code


def update_code(user, code: Code, *, name: str, definition: str, colour: str, is_active: bool,
                base_revision: int) -> Code:
    engagement = code.codebook.engagement
    _require(can_edit_codebook(user, engagement),
             "Only the engagement's coordinators change its codebook.")
    name = name.strip()
    if not name:
        raise CodingError(_("A code needs a name."), "name")
    with transaction.atomic():
        code = Code.objects.select_for_update().get(pk=code.pk)
        if code.revision != base_revision:
            raise StaleRevision("code", name, code.name, code.revision)
        if Code.objects.filter(codebook=code.codebook, name__iexact=name).exclude(
                pk=code.pk).exists():
            raise CodingError(_("The codebook already has a code “%(name)s”.") % {"name": name},
                              "name")
        before = code_state(code)
        code.name, code.definition = name, definition.strip()
        code.colour, code.is_active = colour or code.colour, is_active
        code.revision += 1
        code.save()
        audit.record_changes(user, "update", code, before, code_state(code))
    return code


def add_keyword(user, code: Code, keyword: str) -> KeywordRule:
    _require(can_edit_codebook(user, code.codebook.engagement),
             "Only the engagement's coordinators change its codebook.")
    keyword = " ".join(keyword.split())
    if not keyword or len(keyword) > 120:
        raise CodingError(_("A keyword is a word or a short phrase."), "keyword")
    with transaction.atomic():
        rule, created = KeywordRule.objects.get_or_create(code=code, keyword=keyword,
                                                          defaults={"created_by": user})
        if created:
            audit.record(user, "create", rule, None, {"code": code.name, "keyword": keyword})
    return rule


def remove_keyword(user, rule: KeywordRule) -> None:
    _require(can_edit_codebook(user, rule.code.codebook.engagement),
             "Only the engagement's coordinators change its codebook.")
    with transaction.atomic():
        audit.record(user, "delete", rule, {"code": rule.code.name, "keyword": rule.keyword},
                     None)
        rule.delete()


# --- coding spans ------------------------------------------------------------------------


@dataclass(frozen=True)
class SpanInput:
    op_id: uuid.UUID
    source: str  # "notes" or "quote"
    source_uuid: str  # the consensus rating's UUID (notes) or the quote's
    text: str
    codes: Sequence[str]  # code UUIDs
    start: int | None = None
    end: int | None = None
    memo: str = ""


def source_of(session: Session, source: str, source_uuid: str) -> Rating | Quote:
    try:
        if source == Source.NOTES:
            return Rating.objects.get(session=session, uuid=source_uuid, rater__isnull=True)
        if source == Source.QUOTE:
            return Quote.objects.get(session=session, uuid=source_uuid)
    except (Rating.DoesNotExist, Quote.DoesNotExist, ValueError):
        pass
    raise CodingError(_("Choose the note or quote the span comes from."), "source")


def source_text(obj: Rating | Quote) -> str:
    return obj.notes if isinstance(obj, Rating) else obj.text


def _rating_or_quote(obj: Rating | Quote) -> tuple[Rating | None, Quote | None]:
    """The (rating, quote) foreign keys of a span of `obj`: one of them is None."""
    return (obj, None) if isinstance(obj, Rating) else (None, obj)


def segment_state(segment: CodedSegment) -> dict[str, Any]:
    return {"code": segment.code.name, "source": segment.source, "section": segment.section_key,
            "start": segment.start, "end": segment.end, "text": segment.text,
            "memo": segment.memo, "origin": segment.origin}


def _new_segment(user, session: Session, code: Code, obj: Rating | Quote, start: int, end: int,
                 memo: str, origin: str, op_id: uuid.UUID | None) -> CodedSegment:
    rating, quote = _rating_or_quote(obj)
    segment, created = CodedSegment.objects.get_or_create(
        code=code, coder=user, rating=rating, quote=quote, start=start, end=end,
        defaults={"session": session, "section_key": obj.section_key,
                  "source": Source.NOTES if rating is not None else Source.QUOTE,
                  "text": source_text(obj)[start:end], "memo": memo, "origin": origin})
    if created:
        audit.record(user, "code", segment, None, segment_state(segment), session=session,
                     op_id=op_id)
    return segment


def code_span(user, session: Session, span: SpanInput) -> dict[str, Any]:
    """Apply one or more codes to a span of a note or quote of the session."""
    _require(can_code(user, session), "You cannot code this session.")
    try:
        with transaction.atomic():
            stored = AppliedOperation.objects.filter(op_id=span.op_id).first()
            if stored is not None:
                if stored.session_id != session.id:
                    raise CodingError(_("This operation ID was already used for another session."),
                                      "op_id")
                return {**stored.response, "replayed": True}
            obj = source_of(session, span.source, span.source_uuid)
            try:
                start, end = locate_span(source_text(obj), span.text, span.start, span.end)
            except ValueError:
                raise CodingError(_("The text you pasted is not in that note or quote: copy "
                                    "it again from the text shown."), "text") from None
            codes = list(Code.objects.filter(codebook__engagement=session.engagement,
                                             uuid__in=_uuids(span.codes), is_active=True))
            if not codes:
                raise CodingError(_("Choose at least one code."), "codes")
            segments = [_new_segment(user, session, code, obj, start, end, span.memo.strip(),
                                     CodedSegment.Origin.MANUAL, span.op_id) for code in codes]
            response = {"status": "coded", "segments": [str(s.uuid) for s in segments],
                        "start": start, "end": end}
            AppliedOperation.objects.create(op_id=span.op_id, session=session,
                                            response=response)
            return response
    except IntegrityError:
        stored = AppliedOperation.objects.filter(op_id=span.op_id).first()
        if stored is None:
            raise
        return {**stored.response, "replayed": True}


def _uuids(values: Iterable[str]) -> list[uuid.UUID]:
    out = []
    for value in values:
        try:
            out.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return out


def delete_segment(user, segment: CodedSegment) -> None:
    """Remove a coding: the coder's own, or any for the engagement's coordinators."""
    session = segment.session
    _require(segment.coder_id == user.pk and can_code(user, session)
             or can_edit_codebook(user, session.engagement),
             "Only the coder or a coordinator removes a coding.")
    with transaction.atomic():
        audit.record(user, "uncode", segment, segment_state(segment), None, session=session)
        Suggestion.objects.filter(segment=segment).update(segment=None)
        segment.delete()


# --- suggestions from keyword rules --------------------------------------------------------


def suggest(user, sessions: Iterable[Session]) -> int:
    """Add pending suggestions where the active codes' keywords occur in the sessions' notes
    and quotes. Nothing is coded until an analyst accepts a suggestion; a span once
    suggested (accepted or rejected) is not suggested again. Returns how many were added."""
    added = 0
    for session in sessions:
        _require(can_code(user, session), "You cannot code this session.")
        rules: dict[int, list[str]] = {}
        codes = {}
        for rule in KeywordRule.objects.filter(code__codebook__engagement=session.engagement,
                                               code__is_active=True).select_related("code"):
            rules.setdefault(rule.code_id, []).append(rule.keyword)
            codes[rule.code_id] = rule.code
        if not rules:
            continue
        texts: list[tuple[Rating | Quote, str]] = [
            (r, r.notes) for r in Rating.objects.filter(session=session, rater__isnull=True)
            .exclude(notes="")]
        texts += [(q, q.text) for q in Quote.objects.filter(session=session)]
        new = []
        for obj, text in texts:
            rating, quote = _rating_or_quote(obj)
            for code_id, keywords in rules.items():
                for start, end, keyword in keyword_spans(text, keywords):
                    new.append(Suggestion(
                        session=session, section_key=obj.section_key,
                        source=Source.NOTES if rating is not None else Source.QUOTE,
                        rating=rating, quote=quote,
                        start=start, end=end, text=text[start:end], code=codes[code_id],
                        keyword=keyword))
        with transaction.atomic():
            before = Suggestion.objects.filter(session=session).count()
            Suggestion.objects.bulk_create(new, ignore_conflicts=True)
            count = Suggestion.objects.filter(session=session).count() - before
            if count:
                audit.record(user, "suggest", session, None, {"suggestions_added": count},
                             session=session)
        added += count
    return added


def decide(user, suggestion: Suggestion, accept: bool) -> CodedSegment | None:
    """Accept (code the span, the decider as coder) or reject one suggestion."""
    session = suggestion.session
    _require(can_code(user, session), "You cannot code this session.")
    with transaction.atomic():
        suggestion = Suggestion.objects.select_for_update(of=("self",)).select_related(
            "code", "rating", "quote").get(pk=suggestion.pk)
        if suggestion.status != Suggestion.Status.PENDING:
            raise CodingError(_("This suggestion was already decided."), "suggestion")
        segment = None
        if accept:
            obj = suggestion.rating if suggestion.source == Source.NOTES else suggestion.quote
            if obj is None:  # deleting the note's rating or the quote deletes its suggestions
                raise CodingError(_("This suggestion's note or quote is gone."), "suggestion")
            try:
                start, end = locate_span(source_text(obj), suggestion.text, suggestion.start,
                                         suggestion.end)
            except ValueError:
                raise CodingError(_("The text changed since this was suggested; code it by "
                                    "hand."), "suggestion") from None
            segment = _new_segment(user, session, suggestion.code, obj, start, end, "",
                                   CodedSegment.Origin.SUGGESTED, None)
        suggestion.status = (Suggestion.Status.ACCEPTED if accept
                             else Suggestion.Status.REJECTED)
        suggestion.decided_by, suggestion.decided_at = user, timezone.now()
        suggestion.segment = segment
        suggestion.save()
        audit.record(user, "accept" if accept else "reject", suggestion, None,
                     {"code": suggestion.code.name, "text": suggestion.text,
                      "keyword": suggestion.keyword}, session=session)
    return segment
