"""A session's pages: overview, facilitator guide, consent and participants, summary,
and the workflow buttons. Capture of the sections lives in capture.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from govcap.accounts import scoping
from govcap.assessments import workflow
from govcap.assessments.errors import CaptureError
from govcap.assessments.models import Participant, Rating
from govcap.assessments.summary import session_summary
from govcap.assessments.texts import session_instrument
from govcap.web.forms import ConsentForm, ParticipantForm


def get_session(request, uuid):
    # The instrument's document is parsed once per process (Instrument.parsed, by checksum):
    # loading it with every session would decode the whole instrument's JSON each request.
    return get_object_or_404(scoping.sessions(request.user).select_related("instrument")
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
    instrument = session_instrument(session)
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
    }


@require_GET
@login_required
def session_overview(request, uuid):
    session = get_session(request, uuid)
    return render(request, "govcap/session.html", session_context(request, session))


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
    session = get_session(request, uuid)
    context = session_context(request, session)
    consent_form = ConsentForm(
        request.POST if request.POST.get("form") == "consent" else None,
        initial={"consent_given": session.consent_given,
                 "recording_allowed": session.recording_allowed,
                 "consent_note": session.consent_note},
    )
    participant_form = ParticipantForm(
        request.POST if request.POST.get("form") == "participant" else None, session=session
    )
    if request.method == "POST":
        try:
            if request.POST.get("form") == "consent" and consent_form.is_valid():
                workflow.record_consent(
                    request.user, session,
                    given=consent_form.cleaned_data["consent_given"],
                    recording_allowed=consent_form.cleaned_data["recording_allowed"],
                    note=consent_form.cleaned_data["consent_note"],
                )
                messages.success(request, _("Consent recorded."))
                return redirect("session-consent", uuid=session.uuid)
            if request.POST.get("form") == "participant" and participant_form.is_valid():
                data = participant_form.cleaned_data
                participant = workflow.add_participant(request.user, session, workflow.ParticipantInput(
                    role_title=data["role_title"], organisation_id=data["organisation"].pk,
                    seniority=data["seniority"], gender=data["gender"], name=data["name"],
                ))
                messages.success(request, _("%(code)s added.") % {"code": participant.code})
                if request.htmx:
                    participant_form = ParticipantForm(session=session)
                else:
                    return redirect("session-consent", uuid=session.uuid)
            if request.POST.get("form") == "remove":
                participant = get_object_or_404(Participant, session=session,
                                                pk=request.POST.get("participant"))
                workflow.remove_participant(request.user, session, participant)
                messages.success(request, _("%(code)s removed.") % {"code": participant.code})
                if not request.htmx:
                    return redirect("session-consent", uuid=session.uuid)
        except CaptureError as error:
            messages.error(request, error.message)
            if not request.htmx:
                return redirect("session-consent", uuid=session.uuid)
    context |= {
        "consent_form": consent_form,
        "participant_form": participant_form,
        "participants": session.participants.select_related("organisation", "identity"),
    }
    template = "govcap/consent.html#participants" if request.htmx else "govcap/consent.html"
    return render(request, template, context)


@require_GET
@login_required
def session_summary_page(request, uuid):
    session = get_session(request, uuid)
    context = session_context(request, session)
    context["summary"] = session_summary(session, context["instrument"])
    return render(request, "govcap/summary.html", context)


TRANSITIONS = {"submit": workflow.submit, "validate": workflow.validate, "reopen": workflow.reopen}
DONE_MESSAGES = {
    "submit": gettext_noop("Session submitted. It is now read-only to facilitators."),
    "validate": gettext_noop("Session validated."),
    "reopen": gettext_noop("Session reopened for capture."),
}


@require_POST
@login_required
def session_transition(request, uuid, action):
    session = get_session(request, uuid)
    if action not in TRANSITIONS:
        messages.error(request, _("Unknown action."))
        return redirect("session", uuid=session.uuid)
    try:
        TRANSITIONS[action](request.user, session)
        messages.success(request, _(DONE_MESSAGES[action]))
    except CaptureError as error:
        messages.error(request, error.message)
    return redirect("session", uuid=session.uuid)
