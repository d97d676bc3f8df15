"""Capturing one section as a page. With JavaScript the autosave script saves field by
field through the JSON endpoints (capture.py beside this); without it, the same form posts
here, and this view must be just as careful:

- each field posts the revision it was shown at and a fingerprint of the value shown, so
  only the fields the facilitator changed are saved — an untouched field never overwrites
  what a colleague saved meanwhile;
- a changed field based on an older revision is refused and kept as a conflict; the page
  then shows both versions and asks, field by field, "keep mine" or "take theirs";
- the quote typed in the form is added with whatever button sends the form, so "Save and
  go to the next section" cannot drop it; quotes are edited, deleted and restored here too;
- on an error the page is shown again with what was posted, never a redirect that loses it.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from govcap import labels
from govcap.accounts.models import AuditEvent
from govcap.assessments import capture, conflicts, sharing, worddiff
from govcap.assessments.errors import CaptureError, StaleRevision
from govcap.assessments.models import CaptureConflict, Quote, Rating
from govcap.assessments.texts import session_instrument
from govcap.web import storage_full
from govcap.web.views.sessions import get_session, session_context


def fingerprint(value: str) -> str:
    """What the page shows of a value it was rendered with, to tell whether it was changed."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:20]


@dataclass
class ConflictView:
    uuid: str
    yours: str
    theirs: str
    yours_label: str
    theirs_label: str
    mine_pieces: list[worddiff.Piece]
    theirs_pieces: list[worddiff.Piece]
    is_choice: bool  # a level or a confidence: the choices are named by their labels


@dataclass
class FieldView:
    name: str
    label: str
    help: str
    choices: list[tuple[str, str]] | None  # radio choices; None for a text field
    value: str
    revision: int
    rows: int = 4
    conflict: ConflictView | None = None
    was: str = field(init=False)

    def __post_init__(self) -> None:
        self.was = fingerprint(self.value)


def level_choices() -> list[tuple[str, str]]:
    return [(value, labels.level_label(value)) for value in Rating.LevelChoice.values]


def confidence_choices() -> list[tuple[str, str]]:
    return labels.confidence_choices()


def field_views(rating: Rating, open_conflicts: dict[str, CaptureConflict]) -> list[FieldView]:
    """The section's capture fields in page order, each with its value, revision and any
    open conflict of the viewer's (then the field holds their version, based on theirs)."""
    specs = [
        ("level", _("Agreed level"), "", level_choices(), 0),
        ("not_assessed_reason", _("Reason, if not assessed"), "", None, 2),
        ("confidence", _("Confidence in this level"), "", confidence_choices(), 0),
        ("notes", _("Notes"), _("What was said, and separately your interpretation."), None, 4),
        ("evidence", _("Evidence mentioned"),
         _("Documents, systems or examples participants cited."), None, 4),
        ("dissent", _("Dissent"), _("Who disagreed (participant codes) and why."), None, 4),
    ]
    views = []
    for name, label, help_text, choices, rows in specs:
        conflict = open_conflicts.get(name)
        view = FieldView(name, label, help_text, choices, getattr(rating, name),
                         rating.revision_of(name), rows)
        if conflict is not None:
            view.value, view.revision = conflict.yours, conflict.server_revision
            view.conflict = conflict_view(conflict, dict(choices or []))
        views.append(view)
    return views


def conflict_view(conflict: CaptureConflict, labels: dict[str, str]) -> ConflictView:
    mine, theirs = worddiff.side_by_side(conflict.yours, conflict.theirs)
    empty = _("(empty)")
    return ConflictView(
        uuid=str(conflict.uuid), yours=conflict.yours, theirs=conflict.theirs,
        yours_label=labels.get(conflict.yours, conflict.yours) or empty,
        theirs_label=labels.get(conflict.theirs, conflict.theirs) or empty,
        mine_pieces=mine, theirs_pieces=theirs, is_choice=bool(labels))


def section_context(request, session, section_key: str) -> dict:
    context = session_context(request, session)
    instrument = context["instrument"]
    section = instrument.section(section_key)
    if section is None:
        raise Http404("No such section in this session's instrument.")
    keys = [s.key for s in instrument.sections]
    index = keys.index(section_key)
    rating = (Rating.objects.filter(session=session, section_key=section_key, rater=None).first()
              or Rating(session=session, section_key=section_key))
    mine = {c.target: c for c in conflicts.open_for(request.user, session)
            .filter(section_key=section_key)}
    quotes = list(Quote.objects.filter(session=session, section_key=section_key)
                  .select_related("participant"))
    # the quotes the user's own edit of is held as a conflict to decide
    conflicted_quotes = {q.uuid for q in quotes if conflicts.quote_target(q.uuid) in mine}
    if context["shared_only"]:
        (rating,), quotes = sharing.shared_only(session, [rating], quotes)
    # what the facilitator reads aloud (the levels' statements, the questions) stays in the
    # session's language; the heading and the note-taker's instruction are the reader's
    spoken_instrument = session_instrument(session)
    context |= {
        "section": section,
        "spoken": spoken_instrument.section(section_key) or section,
        "spoken_instrument": spoken_instrument,
        "rating": rating,
        "fields": field_views(rating, mine),
        "previous_key": keys[index - 1] if index > 0 else None,
        "next_key": keys[index + 1] if index + 1 < len(keys) else None,
        "quotes": quotes,
        "conflicted_quotes": conflicted_quotes,
        "participants": session.participants.all(),
        "page_op": uuid.uuid4(),
        "editing_quote": request.GET.get("edit", ""),
        "deleted_quote": request.GET.get("deleted", ""),
    }
    return context


@require_http_methods(["GET", "POST"])
@login_required
def section_page(request, uuid, section_key):
    session = get_session(request, uuid)
    if request.method == "GET":
        return render(request, "govcap/section.html", section_context(request, session, section_key))
    post = request.POST
    try:
        page_op = capture.parse_op_id(post.get("page_op"))
        refused = save_posted_fields(request.user, session, section_key, post, page_op)
        undecided = sum(1 for name in Rating.CAPTURE_FIELDS if post.get(f"resolves_{name}")
                        and post.get(f"decide_{name}") not in ("mine", "theirs"))
        anchor = apply_quote_action(request, session, section_key, post, page_op)
    except CaptureError as error:
        messages.error(request, error.message)
        return page_with_posted(request, session, section_key, status=error.status)
    except DatabaseError as error:
        if not storage_full.is_storage_full(error):
            raise
        storage_full.log_refused(request, error)
        messages.error(request, storage_full.form_message())
        return page_with_posted(request, session, section_key, status=503)
    if refused:
        messages.warning(request, ngettext(
            "One field changed elsewhere while you edited: both versions are shown below. "
            "Keep yours or take theirs.",
            "%(n)d fields changed elsewhere while you edited: both versions are shown below. "
            "Keep yours or take theirs, field by field.", refused) % {"n": refused})
        context = section_context(request, session, section_key)  # the conflicts, kept
        return render(request, "govcap/section.html", context, status=409)
    keys = [s.key for s in session_context(request, session)["instrument"].sections]
    index = keys.index(section_key) if section_key in keys else -1
    if "save_next" in post and 0 <= index < len(keys) - 1 and not undecided:
        messages.success(request, _("Saved."))
        return redirect("section", uuid=session.uuid, section_key=keys[index + 1])
    if undecided:
        messages.warning(request, _("Saved, except what still needs your decision: choose "
                                    "Keep mine or Take theirs under each field marked."))
    elif not anchor:
        messages.success(request, _("Saved."))
    return redirect(reverse("section", args=[session.uuid, section_key]) + (anchor or ""))


def save_posted_fields(user, session, section_key: str, post: QueryDict,
                       page_op: uuid.UUID) -> int:
    """Save the fields the facilitator changed (or decided on); how many were refused as
    conflicts (kept, shown on the page again). The whole form is read before anything is
    saved, so a malformed post saves nothing."""
    saves = []
    for name in Rating.CAPTURE_FIELDS:
        if f"rev_{name}" not in post:
            continue  # not on this form
        value = post.get(name, "")  # an unchecked radio group posts nothing: empty
        resolves = parse_uuid(post.get(f"resolves_{name}"))
        decision = post.get(f"decide_{name}", "")
        if resolves is not None and decision not in ("mine", "theirs"):
            continue  # a conflict waits for its decision: nothing of it is sent
        if resolves is None and fingerprint(value) == post.get(f"was_{name}"):
            continue  # untouched: whatever the server holds now stays
        if decision == "theirs":
            value = post.get(f"theirs_{name}", "")
        saves.append(capture.FieldSave(
            op_id=uuid.uuid5(page_op, name), section_key=section_key, field=name, value=value,
            base_revision=parse_int(post.get(f"rev_{name}")),
            instrument_version=post.get("instrument") or None, resolves=resolves))
    refused = 0
    for save in saves:
        try:
            capture.save_field(user, session, save)
        except StaleRevision:
            refused += 1
    return refused


def apply_quote_action(request, session, section_key: str, post: QueryDict,
                       page_op: uuid.UUID) -> str | None:
    """The quote part of a form post: add the quote typed (whatever button sent the form),
    or edit, delete or restore one. The anchor to come back to, if a quote was touched."""
    user, anchor = request.user, None
    text = post.get("quote_text", "").strip()
    if text:
        capture.save_quote(user, session, capture.QuoteSave(
            op_id=uuid.uuid5(page_op, "quote"), section_key=section_key,
            quote_uuid=uuid.uuid5(page_op, "new quote"), text=text,
            participant_code=post.get("quote_participant", ""), base_revision=0))
        messages.success(request, _("Quote added."))
        anchor = "#quotes"
    elif "add_quote" in post:
        messages.warning(request, _("Type the quote before adding it."))
        return "#quote-new"
    if target := parse_uuid(post.get("delete_quote")):
        capture.save_quote(user, session, capture.QuoteSave(
            op_id=uuid.uuid5(page_op, f"delete {target}"), section_key=section_key,
            quote_uuid=target, text="", participant_code="", base_revision=0, delete=True))
        return f"?deleted={target}#quotes"
    if target := parse_uuid(post.get("restore_quote")):
        restore_quote(user, session, section_key, target, page_op)
        messages.success(request, _("Quote restored."))
        return "#quotes"
    if target := parse_uuid(post.get("edit_quote")):
        return f"?edit={target}#q-{target}"
    if target := parse_uuid(post.get("save_quote")):
        try:
            capture.save_quote(user, session, capture.QuoteSave(
                op_id=uuid.uuid5(page_op, f"edit {target}"), section_key=section_key,
                quote_uuid=target, text=post.get(f"quote_text_{target}", ""),
                participant_code=post.get(f"quote_participant_{target}", ""),
                base_revision=parse_int(post.get(f"quote_rev_{target}"))))
            messages.success(request, _("Quote saved."))
        except StaleRevision:
            messages.warning(request, _("This quote changed elsewhere while you edited it: "
                                        "decide between the two versions."))
        return f"#q-{target}"
    return anchor


def restore_quote(user, session, section_key: str, quote_uuid: uuid.UUID,
                  page_op: uuid.UUID) -> None:
    """Undo a deletion: the quote again, with its UUID, text and attribution, from the
    audit trail's record of what was deleted."""
    deleted = (AuditEvent.objects.filter(session=session, action="delete",
                                         object_type="assessments.quote",
                                         object_uuid=quote_uuid)
               .order_by("-id").first())
    if deleted is None or not deleted.before:
        raise CaptureError(_("There is no deleted quote to restore."), "quote")
    before = deleted.before
    capture.save_quote(user, session, capture.QuoteSave(
        op_id=uuid.uuid5(page_op, f"restore {quote_uuid}"),
        section_key=before.get("section", section_key), quote_uuid=quote_uuid,
        text=before.get("text", ""), participant_code=before.get("participant", ""),
        base_revision=0))


def page_with_posted(request, session, section_key: str, *, status: int):
    """The page again with what was posted in its fields, so nothing typed is lost."""
    context = section_context(request, session, section_key)
    for view in context["fields"]:
        if view.name in request.POST and view.conflict is None:
            view.value = request.POST[view.name]
    context["quote_draft"] = request.POST.get("quote_text", "")
    return render(request, "govcap/section.html", context, status=status)


def parse_uuid(raw: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(raw)) if raw else None
    except ValueError:
        return None


def parse_int(raw: str | None) -> int:
    try:
        return int(raw or 0)
    except ValueError:
        raise CaptureError(_("The page sent a revision that is not a number: reload it."),
                           "revision") from None
