"""A session's pages: overview, facilitator guide, consent and participants, summary,
and the workflow buttons. Capture of the sections lives in capture.py."""

from __future__ import annotations

import json
import uuid as uuid_module

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from govcap.accounts import scoping
from govcap.assessments import access, sharing, workflow
from govcap.assessments.errors import CaptureError
from govcap.assessments.models import Participant, Rating, Session
from govcap.assessments.summary import session_summary
from govcap.assessments.texts import reader_instrument
from govcap.planning import services as plan_services
from govcap.web import undo
from govcap.web.forms import ConsentForm, ParticipantEditForm, ParticipantForm


def get_session(request, uuid):
    # The instrument's document is parsed once per process (Instrument.parsed, by checksum):
    # loading it with every session would decode the whole instrument's JSON each request.
    return get_object_or_404(access.sessions(request.user).select_related("instrument")
                             .defer("instrument__document"), uuid=uuid)


def progress(session, instrument) -> list[dict]:
    ratings = {r.section_key: r for r in Rating.objects.filter(session=session, rater=None)}
    return [
        {
            "section": s,
            "rating": ratings.get(s.key),
            "complete": bool(ratings.get(s.key) and ratings[s.key].is_complete),
        }
        for s in instrument.sections
    ]


def session_context(request, session) -> dict:
    # the protocol's text (titles, instructions, guide) in the reader's language where the
    # instrument has it, as the headings around it; the participants' words stay as written
    instrument = reader_instrument(session)
    steps = progress(session, instrument)
    done = sum(1 for step in steps if step["complete"])
    return {
        "session": session,
        "instrument": instrument,
        "steps": steps,
        "done": done,
        "percent": round(100 * done / len(steps)) if steps else 0,
        "can_capture": scoping.can_capture(request.user, session),
        "can_submit": scoping.can_submit(request.user, session),
        "can_validate": scoping.can_validate(request.user, session),
        # a viewer reads only what the session shared for documents
        "shared_only": not sharing.reads_internal(request.user, session),
    }


@require_GET
@login_required
def session_overview(request, uuid):
    session = get_session(request, uuid)
    context = session_context(request, session)
    if session.status == "validated":
        context["in_plan"] = plan_services.session_in_plan(session)
    return render(request, "govcap/session.html", context)


@require_GET
@login_required
def session_guide(request, uuid):
    session = get_session(request, uuid)
    context = session_context(request, session)
    instrument = context["instrument"]
    headings = {
        "before": _("Before the discussion"),
        "during": _("During the discussion"),
        "each-section": _("For each section"),
        "closing": _("Closing"),
    }
    context["introduction"] = instrument.introduction_for(session.engagement.project_name)
    context["instruction_groups"] = [
        {"when": when, "label": label, "items": instrument.instructions_for(when)}
        for when, label in headings.items()
    ]
    return render(request, "govcap/guide.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def session_consent(request, uuid):
    """Consent, and the participants: added, edited (each edit based on the revision its form
    was made from; a stale one is shown with both versions) and removed through a
    confirmation (participants.py), with an undo offered after. Works as plain form posts
    and, with htmx, as swaps of the #participants part."""
    session = get_session(request, uuid)
    context = session_context(request, session)
    form_name = request.POST.get("form") if request.method == "POST" else None
    consent_form = ConsentForm(
        request.POST if form_name == "consent" else None,
        initial={"consent_given": session.consent_given,
                 "recording_allowed": session.recording_allowed,
                 "consent_note": session.consent_note},
    )
    participant_form = ParticipantForm(
        request.POST if form_name == "participant" else None, session=session
    )
    edit_form, conflict = None, None
    if request.method == "GET" and request.GET.get("edit") and context["can_capture"]:
        editing = participant_by_uuid(session, request.GET["edit"])
        if editing is not None:
            edit_form = ParticipantEditForm.for_participant(editing, session=session)
    if request.method == "POST":
        try:
            if form_name == "consent" and consent_form.is_valid():
                given = consent_form.cleaned_data["consent_given"]
                if not given and not session.consent_given:
                    # nothing to record: saying "Consent recorded." left capture locked
                    # with no word why
                    messages.warning(request, _(
                        "Nothing recorded: consent is recorded once you tick “%(box)s”.")
                        % {"box": consent_form.fields["consent_given"].label})
                    return redirect("session-consent", uuid=session.uuid)
                workflow.record_consent(
                    request.user, session, given=given,
                    recording_allowed=consent_form.cleaned_data["recording_allowed"],
                    note=consent_form.cleaned_data["consent_note"],
                )
                messages.success(request, _("Consent recorded.") if given else _(
                    "Consent withdrawn: capture is closed until consent is recorded again."))
                return redirect("session-consent", uuid=session.uuid)
            if form_name == "participant" and participant_form.is_valid():
                data = participant_form.cleaned_data
                participant = workflow.add_participant(
                    request.user, session, participant_input(data),
                    op_id=data["op_id"] or uuid_module.uuid4())
                messages.success(request, _("%(code)s added.") % {"code": participant.code})
                if request.htmx:
                    participant_form = ParticipantForm(session=session)
                else:
                    return redirect("session-consent", uuid=session.uuid)
            if form_name == "edit":
                edit_form = ParticipantEditForm(request.POST, session=session, prefix="edit")
                if edit_form.is_valid():
                    data = edit_form.cleaned_data
                    try:
                        participant = workflow.edit_participant(
                            request.user, session, data["participant"], participant_input(data),
                            base_revision=data["base_revision"],
                            op_id=data["op_id"] or uuid_module.uuid4())
                    except workflow.ParticipantConflict as stale:
                        conflict = conflict_rows(session, stale)
                        edit_form = form_kept_after_conflict(request, session, stale)
                    else:
                        messages.success(request, _("%(code)s saved.") % {"code": participant.code})
                        edit_form = None
                        if not request.htmx:
                            return redirect(participants_url(session))
            if form_name == "remove":  # a page from before removals were confirmed
                participant = participant_by_uuid(session, request.POST.get("participant", ""))
                if participant is not None:
                    return redirect("participant-remove", uuid=session.uuid,
                                    participant=participant.uuid)
        except CaptureError as error:
            messages.error(request, error.message)
            if not request.htmx:
                return redirect(participants_url(session))
    participants = sorted(
        session.participants.select_related("organisation", "identity")
        .annotate(quote_count=Count("quotes")),
        key=lambda p: (len(p.code), p.code))
    editing_uuid = str(edit_form["participant"].value()) if edit_form else ""
    if edit_form:  # where the keyboard goes when the form appears (htmx honours it too)
        edit_form.fields["role_title"].widget.attrs["autofocus"] = True
    context |= {
        "consent_form": consent_form,
        "participant_form": participant_form,
        "participants": participants,
        "edit_form": edit_form,
        "editing": editing_uuid,
        "editing_code": next((p.code for p in participants if str(p.uuid) == editing_uuid), ""),
        "conflict": conflict,
        "undo_offers": [{**offer, "op_id": uuid_module.uuid4()} for offer in undo.offers(
            request, session, {str(p.uuid) for p in participants})] if context["can_capture"]
        else [],
    }
    template = "govcap/consent.html#participants" if request.htmx else "govcap/consent.html"
    # A refused stale edit is a 409 for a plain post; htmx swaps only 2xx answers.
    status = 409 if conflict and not request.htmx else 200
    return render(request, template, context, status=status)


def participants_url(session) -> str:
    return reverse("session-consent", args=[session.uuid]) + "#participants"


def participant_by_uuid(session, raw: str):
    try:
        value = uuid_module.UUID(str(raw))
    except ValueError:
        return None
    return (session.participants.select_related("organisation", "identity")
            .filter(uuid=value).first())


def participant_input(data: dict) -> workflow.ParticipantInput:
    return workflow.ParticipantInput(
        role_title=data["role_title"], organisation_id=data["organisation"].pk,
        seniority=data["seniority"], gender=data["gender"], name=data["name"])


def form_kept_after_conflict(request, session, stale) -> ParticipantEditForm:
    """The edit form again, now based on the revision the server holds: the fields the
    facilitator changed hold their values (saving again keeps them deliberately, with the
    other version in view), the others the colleague's — never the old values put back."""
    data = request.POST.copy()
    data["edit-base_revision"] = str(stale.revision)
    data["edit-op_id"] = str(uuid_module.uuid4())
    try:
        shown = json.loads(data.get("edit-shown") or "{}")
    except ValueError:
        shown = {}
    for name in ParticipantEditForm.EDITABLE:
        theirs = stale.theirs.get(name)  # (names are not in it: codes only)
        if theirs is not None and data.get(f"edit-{name}", "") == shown.get(name):
            data[f"edit-{name}"] = str(theirs)  # untouched here: the colleague's value stands
    data["edit-shown"] = json.dumps({name: data.get(f"edit-{name}", "")
                                     for name in ParticipantEditForm.EDITABLE})
    return ParticipantEditForm(data, session=session, prefix="edit")


def conflict_rows(session, stale) -> dict:
    """Both versions of a participant, field by field, for the page."""
    organisations = dict(session.engagement.country.organisations.values_list("pk", "name"))
    labels = {"role_title": _("Role or job title"), "organisation": _("Organisation"),
              "seniority": _("Seniority"), "gender": _("Gender"), "name": _("Name")}
    choices = {"seniority": dict(Participant.Seniority.choices),
               "gender": dict(Participant.Gender.choices), "organisation": organisations}

    def shown(field, value):
        return str(choices[field].get(value, value)) if field in choices else value

    yours = stale.yours or {}
    return {
        "code": stale.theirs.get("code", ""),
        "rows": [{"label": label, "theirs": shown(f, stale.theirs.get(f, "")),
                  "yours": shown(f, yours.get(f, "")),
                  "differs": stale.theirs.get(f, "") != yours.get(f, "")}
                 for f, label in labels.items()],
    }


@require_GET
@login_required
def session_summary_page(request, uuid):
    session = get_session(request, uuid)
    context = session_context(request, session)
    context["summary"] = session_summary(session, context["instrument"],
                                         shared_only=context["shared_only"])
    return render(request, "govcap/summary.html", context)


TRANSITIONS = {"submit": workflow.submit, "validate": workflow.validate, "reopen": workflow.reopen}
DONE_MESSAGES = {
    "submit": gettext_noop("Session submitted. It is now read-only to facilitators."),
    "validate": gettext_noop("Session validated."),
    "reopen": gettext_noop("Session reopened for capture."),
}


@require_http_methods(["GET", "POST"])
@login_required
def session_transition(request, uuid, action):
    """GET: what the transition will do, with a button that posts it; POST: do it."""
    session = get_session(request, uuid)
    if action not in TRANSITIONS:
        if request.method == "GET":
            raise Http404
        messages.error(request, _("Unknown action."))
        return redirect("session", uuid=session.uuid)
    if request.method == "GET":
        return confirm_transition(request, session, action)
    try:
        TRANSITIONS[action](request.user, session)
        messages.success(request, _(DONE_MESSAGES[action]))
    except CaptureError as error:
        messages.error(request, error.message)
    return redirect("session", uuid=session.uuid)


def confirm_transition(request, session, action: str):
    context = session_context(request, session)
    if not (context["can_submit"] if action == "submit" else context["can_validate"]):
        raise PermissionDenied(_("You cannot do this to this session."))
    steps, done = context["steps"], context["done"]
    missing = [f"{step['section'].number}. {step['section'].title}" for step in steps
               if not step["complete"]]
    # Translators: the count is the sections rated ("1 section notée sur 8")
    rated = ngettext("%(done)d of %(total)d sections rated.",
                     "%(done)d of %(total)d sections rated.", done) % {
        "done": done, "total": len(steps)}
    status = session.get_status_display().lower()
    blockers, facts, consequences = [], [rated], []
    if action == "submit":
        question, label = _("Submit this session?"), _("Submit the session")
        if session.status != Session.Status.IN_PROGRESS:
            blockers.append(_("This session is %(status)s: only a session in progress can be "
                              "submitted.") % {"status": status})
        if not session.consent_given:
            blockers.append(_("Consent was not recorded for this session."))
        blockers += [_("%(section)s has no level yet (nor a reason for not assessing it).")
                     % {"section": title} for title in missing]
        consequences += [_("Facilitators can no longer edit it."),
                         _("A coordinator validates it, or reopens it for corrections.")]
    elif action == "validate":
        question, label = _("Validate this session?"), _("Validate")
        if session.status != Session.Status.SUBMITTED:
            blockers.append(_("This session is %(status)s: only a submitted session can be "
                              "validated.") % {"status": status})
        consequences += [_("It becomes read-only to everyone, coordinators included."),
                         _("It counts in the analysis and the next training plan."),
                         _("A coordinator can reopen it for corrections.")]
    else:
        question, label = _("Reopen this session for capture?"), _("Reopen for capture")
        if session.status not in (Session.Status.SUBMITTED, Session.Status.VALIDATED):
            blockers.append(_("This session is %(status)s: only a submitted or validated "
                              "session can be reopened.") % {"status": status})
        consequences += [_("Its facilitators can edit it again, and must submit it again.")]
        if session.status == Session.Status.VALIDATED:
            consequences.append(_("It no longer counts as validated until it is validated "
                                  "again."))
    facts.append(ngettext("%(n)d participant", "%(n)d participants", session.participants.count())
                 % {"n": session.participants.count()} + " · " +
                 ngettext("%(n)d quote", "%(n)d quotes", session.quotes.count())
                 % {"n": session.quotes.count()})
    context |= {
        "question": question, "facts": facts, "blockers": blockers,
        "consequences": consequences, "confirm_label": label,
        "action_url": reverse("session-transition", args=[session.uuid, action]),
        "cancel_url": reverse("session", args=[session.uuid]),
    }
    return render(request, "govcap/confirm.html", context)
