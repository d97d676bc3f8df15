"""What of a session may be quoted in documents: every note, evidence, dissent and quote with
its state (internal, or shared in a given wording), a wording to edit by leaving parts out,
and a preview that strikes what is left out. Plain forms: works with JavaScript off."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from govcap.accounts import scoping
from govcap.assessments import redaction, sharing
from govcap.planning.models import Plan
from govcap.web.views.sessions import get_session, session_context

ACTIONS = ("preview", "share", "unshare")


def field_title(field: str) -> str:
    return {"notes": _("Notes"), "evidence": _("Evidence mentioned"), "dissent": _("Dissent"),
            "quote": _("Quote")}[field]


def page(request, session, *, previewed: str = "", wording: str = "", status: int = 200):
    context = session_context(request, session)
    sections = {s.key: s for s in context["instrument"].sections}
    listed: list[dict[str, Any]] = []
    for item in sharing.items(session):
        proposed = wording if item.key == previewed else (
            item.shared.text if item.shared else item.source)
        problem = ""
        if item.key == previewed:
            item.preview = redaction.left_out(item.source, wording)
            extra = redaction.added_word(item.source, wording)
            if extra is not None:
                problem = _("“%(word)s” is not in what was captured, or not in that order: "
                            "the shared wording may only leave words out.") % {"word": extra}
        elif item.shared:
            item.preview = redaction.left_out(item.source, item.shared.text)
        listed.append({"item": item, "section": sections.get(item.section_key),
                       "title": field_title(item.field), "wording": proposed, "problem": problem,
                       "anchor": "t-" + item.key.replace(":", "-"),
                       "seen": sharing.state_of(item)})
    context.update(items=listed, shared_count=sum(1 for x in listed if x["item"].is_shared),
                   can_mark=sharing.may_mark(request.user, session),
                   previewed=previewed)
    return render(request, "govcap/sharing.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def session_sharing(request, uuid):
    session = get_session(request, uuid)
    scoping.require(sharing.reads_internal(request.user, session))  # it shows internal text
    if request.method == "GET":
        return page(request, session)
    scoping.require(sharing.may_mark(request.user, session))
    key, action = request.POST.get("target", ""), request.POST.get("action", "")
    wording = request.POST.get("text", "")
    anchor = "#t-" + key.replace(":", "-")
    try:
        if action == "preview":
            sharing.find(session, key)
            return page(request, session, previewed=key, wording=wording)
        seen = request.POST.get("seen")
        if action == "share":
            record = sharing.share(request.user, session, key, wording, seen=seen)
            messages.success(request, _("Shared in the wording shown. Documents may quote it."))
            lost = redaction.left_out_negations(record.source, record.text)
            if lost:
                messages.warning(request, _("You left out “%(words)s”: check that what is "
                                            "shared still means what was said.")
                                 % {"words": "”, “".join(lost)})
        elif action == "unshare":
            sharing.keep_internal(request.user, session, key, seen=seen)
            if Plan.objects.filter(engagement=session.engagement_id).exists():
                messages.success(request, _(
                    "Kept internal. Plans made from now on will not quote it; plan versions "
                    "already made keep what they quoted: regenerate the draft, or make a new "
                    "draft from an approved version and approve it, to replace them."))
            else:
                messages.success(request, _("Kept internal. Documents will not quote it."))
        else:
            messages.error(request, _("Choose: preview, share, or keep internal."))
    except sharing.SharingError as error:
        messages.error(request, error.message)
        if error.field == "seen":  # decided meanwhile: show what is decided now
            return page(request, session, status=409)
        return page(request, session, previewed=key, wording=wording, status=400)
    return redirect(request.path + anchor)
