"""Coding pages: a session's notes and quotes to code, the engagement's codebook, and the
coding exports. Objects through `accounts.scoping`; writes through `analysis.coding`."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from govcap import localise
from govcap.accounts import scoping
from govcap.analysis import coding, exports
from govcap.analysis.core.themes import Piece, pieces
from govcap.analysis.forms import CodeForm, KeywordForm, SpanForm
from govcap.analysis.models import Code, Codebook, CodedSegment, KeywordRule, Suggestion
from govcap.analysis.queries_coding import SourceText, session_sources
from govcap.analysis.views.levels import get_engagement
from govcap.analysis.views.raters import get_session
from govcap.assessments import access, sharing
from govcap.assessments.errors import CaptureError, StaleRevision
from govcap.instruments.document import Section
from govcap.instruments.services import localised


@dataclass(frozen=True)
class CodingEntry:
    """A note or quote of the coding page, cut at its coded spans."""

    item: SourceText
    pieces: list[Piece]
    value: str  # "kind:uuid", the form's source


@dataclass(frozen=True)
class CodingSection:
    section: Section
    items: list[CodingEntry]
    op_id: uuidlib.UUID


def _fail(request, error: CaptureError) -> None:
    messages.error(request, error.message)


@require_GET
@login_required
def session_coding(request, uuid):
    session = get_session(request, uuid)
    scoping.require(sharing.reads_internal(request.user, session),
                    _("The session's notes and quotes are internal; you read what it shared "
                      "on its summary."))
    can_code = coding.can_code(request.user, session)
    codebook = coding.ensure_codebook(session.engagement, request.user) if can_code else None
    codes = list(Code.objects.filter(codebook__engagement=session.engagement, is_active=True))
    sources = session_sources(session)
    sections = []
    for section in localised(session.instrument, session.language).sections:
        items = []
        for item in sources.get(section.key, []):
            spans = [(s.start, s.end, s.code.name) for s in item.segments if not s.text_changed]
            items.append(CodingEntry(item, pieces(item.text, spans),
                                     f"{item.kind}:{item.obj.uuid}"))
        sections.append(CodingSection(section, items, uuidlib.uuid4()))
    pending = sum(len(i.item.suggestions) for s in sections for i in s.items)
    return render(request, "analysis/coding.html", {
        "session": session, "engagement": session.engagement, "sections": sections,
        "codes": codes, "can_code": can_code, "codebook": codebook, "pending": pending,
        "can_edit_codebook": coding.can_edit_codebook(request.user, session.engagement),
    })


@require_POST
@login_required
def apply_codes(request, uuid):
    session = get_session(request, uuid)
    codes = Code.objects.filter(codebook__engagement=session.engagement, is_active=True)
    form = SpanForm(request.POST, codes=codes)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            text = " ".join(str(e) for e in errors)
            messages.error(request, localise.labelled(label, text) if label else text)
        return redirect("analysis-coding", uuid=session.uuid)
    kind, source_uuid = form.source_parts()
    data = form.cleaned_data
    try:
        result = coding.code_span(request.user, session, coding.SpanInput(
            op_id=data["op_id"], source=kind, source_uuid=source_uuid, text=data["text"],
            codes=data["codes"], start=data.get("start"), end=data.get("end"),
            memo=data.get("memo") or ""))
    except CaptureError as error:
        _fail(request, error)
        return redirect("analysis-coding", uuid=session.uuid)
    messages.success(request, ngettext("Coded (%(n)d code).", "Coded (%(n)d codes).",
                                         len(result["segments"])) % {"n": len(result["segments"])})
    return redirect("analysis-coding", uuid=session.uuid)


@require_POST
@login_required
def remove_segment(request, uuid):
    segment = get_object_or_404(CodedSegment.objects.filter(
        session__in=access.sessions(request.user).values("pk")).select_related(
        "session__engagement", "code"), uuid=uuid)
    try:
        coding.delete_segment(request.user, segment)
        messages.success(request, _("Coding removed."))
    except CaptureError as error:
        _fail(request, error)
    return redirect("analysis-coding", uuid=segment.session.uuid)


@require_POST
@login_required
def suggest_session(request, uuid):
    session = get_session(request, uuid)
    try:
        coding.ensure_codebook(session.engagement, request.user)
        n = coding.suggest(request.user, [session])
        messages.success(request, ngettext("%(n)d new suggestion to review.",
                                             "%(n)d new suggestions to review.", n) % {"n": n})
    except CaptureError as error:
        _fail(request, error)
    return redirect("analysis-coding", uuid=session.uuid)


@require_POST
@login_required
def decide(request, uuid, action: str):
    suggestion = get_object_or_404(Suggestion.objects.filter(
        session__in=access.sessions(request.user).values("pk")).select_related(
        "session__engagement"), uuid=uuid)
    try:
        coding.decide(request.user, suggestion, accept=action == "accept")
        messages.success(request, _("Suggestion accepted: coded.") if action == "accept"
                         else _("Suggestion rejected."))
    except CaptureError as error:
        _fail(request, error)
    return redirect(f"{_coding_url(suggestion.session.uuid)}#sec-{suggestion.section_key}")


def _coding_url(session_uuid) -> str:
    return reverse("analysis-coding", args=[session_uuid])


@require_http_methods(["GET", "POST"])
@login_required
def codebook(request, slug: str):
    engagement = get_engagement(request, slug)
    can_edit = coding.can_edit_codebook(request.user, engagement)
    book = (coding.ensure_codebook(engagement, request.user) if can_edit
            else Codebook.objects.filter(engagement=engagement).first())
    form = CodeForm(request.POST or None, initial={"colour": "#1F4E89", "is_active": True})
    if request.method == "POST":
        if form.is_valid():
            try:
                coding.add_code(request.user, engagement, form.cleaned_data["name"],
                                form.cleaned_data["definition"], form.cleaned_data["colour"])
                messages.success(request, _("Code added."))
                return redirect("analysis-codebook", slug=slug)
            except CaptureError as error:
                _fail(request, error)
    codes = (Code.objects.filter(codebook=book).prefetch_related("rules") if book else [])
    counts = dict(CodedSegment.objects.filter(
        code__codebook=book, session__in=access.sessions(request.user).values("pk"))
        .order_by().values("code_id").annotate(n=Count("id"))
        .values_list("code_id", "n")) if book else {}
    rows = [{"code": c, "n": counts.get(c.id, 0),
             "form": CodeForm(initial={"name": c.name, "definition": c.definition,
                                       "colour": c.colour, "is_active": c.is_active,
                                       "revision": c.revision}, prefix=str(c.uuid))}
            for c in codes]
    pending = list(Suggestion.objects.filter(
        session__in=access.sessions(request.user).filter(engagement=engagement).values("pk"),
        status=Suggestion.Status.PENDING).order_by("session__organisation__name")
        .values("session__uuid", "session__organisation__name").annotate(n=Count("id")))
    return render(request, "analysis/codebook.html", {
        "engagement": engagement, "page": "codebook", "rows": rows, "form": form,
        "can_edit": can_edit, "keyword_form": KeywordForm(), "pending": pending,
        "pending_total": sum(p["n"] for p in pending),
        "codebook": book,
    })


def _code_in_scope(request, uuid) -> Code:
    return get_object_or_404(Code.objects.filter(
        codebook__engagement__in=scoping.engagements(request.user)).select_related(
        "codebook__engagement"), uuid=uuid)


@require_POST
@login_required
def edit_code(request, uuid):
    code = _code_in_scope(request, uuid)
    form = CodeForm(request.POST, prefix=str(code.uuid))
    slug = code.codebook.engagement.slug
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("analysis-codebook", slug=slug)
    data = form.cleaned_data
    try:
        coding.update_code(request.user, code, name=data["name"], definition=data["definition"],
                           colour=data["colour"], is_active=data["is_active"],
                           base_revision=data.get("revision") or 0)
        messages.success(request, _("Code saved."))
    except StaleRevision:
        messages.warning(request, _("Someone changed this code meanwhile; their version is "
                                    "shown. Edit it again."))
    except CaptureError as error:
        _fail(request, error)
    return redirect(_codebook_url(slug, code))


def _codebook_url(slug: str, code: Code | None = None) -> str:
    url = reverse("analysis-codebook", args=[slug])
    return f"{url}#code-{code.uuid}" if code else url


@require_POST
@login_required
def add_keyword(request, uuid):
    code = _code_in_scope(request, uuid)
    form = KeywordForm(request.POST)
    try:
        if not form.is_valid():
            raise coding.CodingError(_("A keyword is a word or a short phrase."), "keyword")
        coding.add_keyword(request.user, code, form.cleaned_data["keyword"])
    except CaptureError as error:
        _fail(request, error)
    return redirect(_codebook_url(code.codebook.engagement.slug, code))


@require_POST
@login_required
def remove_keyword(request, uuid):
    rule = get_object_or_404(KeywordRule.objects.filter(
        code__codebook__engagement__in=scoping.engagements(request.user)).select_related(
        "code__codebook__engagement"), uuid=uuid)
    try:
        coding.remove_keyword(request.user, rule)
    except CaptureError as error:
        _fail(request, error)
    return redirect(_codebook_url(rule.code.codebook.engagement.slug, rule.code))


@require_POST
@login_required
def suggest_engagement(request, slug: str):
    engagement = get_engagement(request, slug)
    try:
        scoping.require(coding.can_edit_codebook(request.user, engagement),
                        _("Only the engagement's coordinators run suggestions on all its "
                          "sessions."))
        coding.ensure_codebook(engagement, request.user)
        sessions = [s for s in access.sessions(request.user).filter(engagement=engagement)
                    .select_related("engagement")]
        n = coding.suggest(request.user, sessions)
        messages.success(request, ngettext(
            "%(n)d new suggestion to review, in the sessions' coding pages.",
            "%(n)d new suggestions to review, in the sessions' coding pages.", n) % {"n": n})
    except CaptureError as error:
        _fail(request, error)
    return redirect("analysis-codebook", slug=slug)


def _attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def export(request, slug: str, fmt: str):
    engagement = get_engagement(request, slug)
    if fmt == "segments.csv":
        return _attachment(exports.segments_csv(request.user, engagement),
                           "text/csv; charset=utf-8", f"{slug}-coded-segments.csv")
    if fmt == "codebook.qdc":
        return _attachment(exports.codebook_qdc(engagement), "application/xml",
                           f"{slug}-codebook.qdc")
    if fmt == "project.qdpx":
        return _attachment(exports.project_qdpx(request.user, engagement), "application/zip",
                           f"{slug}.qdpx")
    raise Http404
