"""Agreement and votes pages, and the two entry pages of a session: "my independent rating"
and "participants' votes". Writes go through `analysis.raters` (the capture rules)."""

from __future__ import annotations

import uuid as uuidlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from govcap import labels
from govcap.accounts import scoping
from govcap.analysis import queries, raters
from govcap.analysis.core.agreement import DEFAULT_THRESHOLD
from govcap.analysis.models import VoteTally
from govcap.analysis.pages_raters import agreement_page, consensus_page
from govcap.analysis.views.levels import get_engagement, show
from govcap.assessments import access
from govcap.assessments.errors import CaptureError, StaleRevision
from govcap.assessments.models import Rating
from govcap.assessments.texts import reader_instrument


def session_url(session_uuid: str) -> str:
    return reverse("session", args=[session_uuid])


def threshold_of(request) -> float:
    try:
        value = float(request.GET.get("threshold", DEFAULT_THRESHOLD))
    except ValueError:
        return DEFAULT_THRESHOLD
    return value if 0 < value <= 1 else DEFAULT_THRESHOLD


@require_GET
@login_required
def agreement(request, slug: str, name: str | None = None, ext: str | None = None):
    engagement = get_engagement(request, slug)
    units, info = queries.rater_units(request.user, engagement)
    threshold = threshold_of(request)
    report = agreement_page(units, info, queries.section_titles(engagement), threshold,
                            session_url)
    return show(request, report, {"page": "agreement", "engagement": engagement,
                                  "threshold": threshold,
                                  "filters_template": "analysis/_threshold_filter.html"},
                f"{engagement.slug}-agreement", name, ext)


@require_GET
@login_required
def consensus(request, slug: str, name: str | None = None, ext: str | None = None):
    engagement = get_engagement(request, slug)
    report = consensus_page(queries.engagement_votes(request.user, engagement),
                            queries.section_titles(engagement), session_url)
    return show(request, report, {"page": "consensus", "engagement": engagement},
                f"{engagement.slug}-votes", name, ext)


def get_session(request, uuid_):
    return get_object_or_404(access.sessions(request.user).select_related("instrument"),
                             uuid=uuid_)


def _sections(session):
    """The session's sections as its reader reads their titles, and their language: in the
    page's language where the instrument has it (else the session's, each untranslated title
    marked), as the session's own pages name them."""
    instrument = reader_instrument(session)
    return instrument.sections, instrument.language


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        raise CaptureError(_("Votes are whole numbers."), "votes") from None


@require_http_methods(["GET", "POST"])
@login_required
def my_rating(request, uuid):
    session = get_session(request, uuid)
    sections, language = _sections(session)
    mine = {r.section_key: r for r in Rating.objects.filter(session=session, rater=request.user)}
    conflicts: dict[str, StaleRevision] = {}
    if request.method == "POST":
        try:
            page_op = raters.op_for_page(request.POST.get("page_op"))
            # one transaction for the page: a field refused as stale is left out, but a
            # database failure (a full disk) keeps none of the page's fields
            with transaction.atomic():
                for section in sections:
                    current = mine.get(section.key) or Rating(section_key=section.key)
                    for field in raters.INDIVIDUAL_FIELDS:
                        name = f"{section.key}-{field}"
                        if name not in request.POST:
                            continue
                        value = request.POST.get(name, "")
                        if value == getattr(current, field):
                            continue
                        try:
                            raters.save_individual(request.user, session, raters.IndividualSave(
                                op_id=raters.op_for(page_op, section.key, field),
                                section_key=section.key, field=field, value=value,
                                base_revision=int(request.POST.get(f"{name}-rev", "0") or 0),
                                instrument_version=request.POST.get("instrument") or None))
                        except StaleRevision as conflict:
                            conflicts[name] = conflict
        except CaptureError as error:
            messages.error(request, error.message)
            return redirect("analysis-my-rating", uuid=session.uuid)
        if not conflicts:
            messages.success(request, _("Your independent rating is saved."))
            return redirect("analysis-my-rating", uuid=session.uuid)
        messages.warning(request, _("Some of your fields changed in another tab meanwhile: "
                                    "compare and save again."))
        mine = {r.section_key: r for r in Rating.objects.filter(session=session,
                                                                 rater=request.user)}
    rows = []
    for section in sections:
        rating = mine.get(section.key)
        stale = {f: conflicts.get(f"{section.key}-{f}") for f in raters.INDIVIDUAL_FIELDS}
        theirs = stale["level"].theirs if stale["level"] else ""
        rows.append({"section": section, "rating": rating,
                     "revs": {f: rating.revision_of(f) if rating else 0
                              for f in raters.INDIVIDUAL_FIELDS},
                     "conflicts": stale,
                     # the level saved meanwhile in the reader's words, as the radio
                     # buttons say it ("Élevé", not the key "high")
                     "theirs_level": labels.level_label(theirs) if theirs else ""})
    return render(request, "analysis/my_rating.html", {
        "session": session, "engagement": session.engagement, "rows": rows,
        "instrument_language": language,
        "can_capture": scoping.can_capture(request.user, session),
        "page_op": uuidlib.uuid4(), "levels": Rating.LevelChoice.choices,
        # the capture page's words for a confidence (one msgid each, context "confidence")
        "confidences": labels.confidence_choices(),
    }, status=409 if conflicts else 200)


@require_http_methods(["GET", "POST"])
@login_required
def votes(request, uuid):
    session = get_session(request, uuid)
    sections, language = _sections(session)
    tallies = {t.section_key: t for t in VoteTally.objects.filter(session=session)}
    if request.method == "POST":
        stale, section = [], None
        try:
            page_op = raters.op_for_page(request.POST.get("page_op"))
            with transaction.atomic():  # the page's sections together, as above
                for section in sections:
                    counts = {name: _int(request.POST.get(f"{section.key}-{name}"))
                              for name in ("basic", "moderate", "high", "abstain")}
                    tally = tallies.get(section.key)
                    current = raters.votes_state(tally) if tally else dict.fromkeys(counts, 0)
                    if counts == current:
                        continue
                    try:
                        raters.save_votes(request.user, session, raters.VotesSave(
                            op_id=raters.op_for(page_op, section.key, "votes"),
                            section_key=section.key, **counts,
                            base_revision=_int(request.POST.get(f"{section.key}-rev"))))
                    except StaleRevision:
                        stale.append(str(section.title))
        except CaptureError as error:  # nothing of the page was saved
            where = f"{section.title}: " if section is not None and error.field == "votes" \
                else ""
            messages.error(request, where + error.message)
            return redirect("analysis-votes", uuid=session.uuid)
        if stale:
            messages.warning(request, _("Changed elsewhere meanwhile, not saved: %(s)s. The "
                                        "counts shown are the saved ones.") % {
                                            "s": "; ".join(stale)})
        else:
            messages.success(request, _("Votes saved."))
        return redirect("analysis-votes", uuid=session.uuid)
    rows = [{"section": s, "tally": tallies.get(s.key)} for s in sections]
    return render(request, "analysis/votes.html", {
        "session": session, "engagement": session.engagement, "rows": rows,
        "instrument_language": language,
        "can_capture": scoping.can_capture(request.user, session), "page_op": uuidlib.uuid4(),
    })
