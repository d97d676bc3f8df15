"""The evaluation pages: a delivery's evaluation (summary, links with their QR code, paper
entry, XLSForms and their import), the follow-up reminders, and the phone form a
participant opens through a link (no account; works without JavaScript).

Thin: deliveries come through ``access`` (out of scope is a 404), writes go through
``delivery.evaluation`` (checked, audited, one answer per trainee per form).
"""

from __future__ import annotations

from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from govcap import localise
from govcap.accounts import scoping
from govcap.delivery import (
    access,
    evaluation_forms,
    evaluation_xlsform,
    imports,
    pages,
    services,
)
from govcap.delivery import evaluation as ev
from govcap.delivery.core import evaluation as rules
from govcap.delivery.models import (
    AnswerSource,
    EvaluationLink,
    FollowUp,
    LearningCheck,
    Reaction,
    Trainee,
)
from govcap.interchange.problems import ImportProblem
from govcap.translations import accepted_pseudo_locales


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def _form_language() -> str:
    """The XLSForm's label language: the reader's, or a pseudo-locale a translator asked for
    (with GOVCAP_PSEUDO_LOCALES on), whose code is whole ("en-xa")."""
    code = get_language() or "en"
    return code if code in accepted_pseudo_locales() else code.split("-")[0]


def qr_svg(text: str) -> str:
    """The link as an SVG QR code: a path with presentation attributes only (strict CSP)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    out = BytesIO()
    image.save(out)
    svg = out.getvalue().decode("utf-8")
    return svg[svg.index("<svg"):]


def _evaluator_delivery(request, uuid):
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(ev.can_evaluate(request.user, delivery),
                    _("Only the engagement's coordinators and the delivery's training provider "
                      "run its evaluation."))
    return delivery


def _answers_delivery(request, uuid):
    """A delivery whose answers the user enters (``ev.can_enter_answers``)."""
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(ev.can_enter_answers(request.user, delivery), ev.enter_answers_refusal())
    return delivery


# --- a delivery's evaluation ------------------------------------------------------------


@require_GET
@login_required
def evaluation_page(request, uuid):
    delivery = access.delivery_or_404(request.user, uuid)
    can_evaluate = ev.can_evaluate(request.user, delivery)
    language = _language()
    summary = ev.summary(delivery, language,
                         trainees=access.trainees(request.user, delivery))
    # the coordinators read each answer; anyone else reads the participants by code beside
    # their role, seniority and gender (or by name): no total of fewer answers for them
    fewest = 0 if access.can_manage(request.user, delivery) else rules.FEWEST_ANSWERS_SHOWN
    context = {
        "delivery": delivery, "engagement": delivery.engagement, "summary": summary,
        "module": delivery.plan.catalogue.parsed(language).by_code.get(delivery.module_code),
        "can_evaluate": can_evaluate,
        "can_enter": ev.can_enter_answers(request.user, delivery),
        # the course's provider reads the trainees' names: a total of few answers could
        # show one named trainee's, and is shown to them from a few answers only
        "fewest": fewest, "reads_names": access.reads_names(request.user, delivery),
        "rating_rows": [(ev.reaction_label(item), mean, n, 0 < n < fewest)
                        for item in rules.REACTION_ITEMS
                        for mean, n in [summary.rating_means[item]]],
        "learning_hidden": 0 < summary.learning.n < fewest,
        "objectives_hidden": any(0 < n < fewest for _t, _m, n in summary.objective_shares),
        "follow_up_rows": [_follow_up_row(summary, who, fewest) for who in rules.RESPONDENTS],
        "rules": {"due": rules.FOLLOW_UP_DUE_MONTHS, "close": rules.FOLLOW_UP_CLOSE_MONTHS},
    }
    if can_evaluate:
        now = timezone.now()
        # the level-3 links (each person's own answer address) are the coordinators': the
        # course's provider, the party evaluated, neither opens nor sees them
        runs = ev.runs_follow_ups(request.user, delivery)
        links = delivery.evaluation_links.order_by("-created_at")
        if not runs:
            links = links.exclude(level=EvaluationLink.Level.BEHAVIOUR)
        context.update({
            "links": [(link, ev.is_open(link, now), evaluation_forms.form_label(
                ev.form_key(link.level, link.phase, link.respondent))) for link in links[:20]],
            "runs_follow_ups": runs,
            "open_form": evaluation_forms.OpenLinkForm(follow_ups=runs)
            if not delivery.is_closed else None,
            "upload_form": evaluation_forms.EvaluationUploadForm(),
            "paper_forms": [(key, evaluation_forms.form_label(key))
                            for key in evaluation_forms.PAPER_FORMS],
            "trainee_rows": _trainee_rows(delivery),
            # a provider reads the names: per code, whether answered, not the scores
            "scores": access.answers_shown(request.user, delivery).scores,
        })
    return render(request, "delivery/eval_delivery.html", context)


def _follow_up_row(summary: ev.Summary, respondent: str, fewest: int) -> dict:
    """Level 3 of participants or of supervisors, apart: their follow-ups' states and
    what they answered (not shown to the provider from fewer than ``fewest`` answers)."""
    states = summary.follow_ups_by.get(respondent, {})
    applied = summary.applied_by.get(respondent, {})
    yes, apart = summary.apart_by.get(respondent, (0, 0))
    answered = sum(applied.values()) + apart
    return {
        "label": _("Participants") if respondent == rules.PARTICIPANT else _("Supervisors"),
        # "Answered": the answers the figure counts (3 to 6 months after the course); those
        # given before or after are counted apart, beside it (``rules.follow_up_state``)
        "states": [(label, states.get(state, 0)) for state, label in (
            (rules.ANSWERED, _("Answered")),
            (rules.OUTSIDE, _("Answered outside the window, not counted")),
            (rules.DUE, _("Due")), (rules.OVERDUE, _("Overdue")),
            (rules.UPCOMING, _("Not yet due"))) if state != rules.OUTSIDE or states.get(state)],
        "applied": [(label, applied.get(key, 0)) for key, label in FollowUp.Applied.choices],
        "hidden": 0 < answered < fewest,
        # as the results page says it (the same words)
        "apart": "" if not apart else ngettext(
            "Level 3, reported apart: %(count)d of %(n)d participant who answered before 3 "
            "months or after 6 says they apply what they learnt; not counted in the figure.",
            "Level 3, reported apart: %(count)d of %(n)d participants who answered before 3 "
            "months or after 6 say they apply what they learnt; not counted in the figure.",
            apart) % {"count": yes, "n": apart} if respondent == rules.PARTICIPANT
        else ngettext(
            "Level 3, reported apart: %(count)d of %(n)d supervisor who answered before 3 "
            "months or after 6 says so; not counted beside the figure.",
            "Level 3, reported apart: %(count)d of %(n)d supervisors who answered before 3 "
            "months or after 6 say so; not counted beside the figure.",
            apart) % {"count": yes, "n": apart}}


def _trainee_rows(delivery) -> list[dict]:
    trainees = list(Trainee.objects.filter(delivery=delivery).select_related("organisation"))
    reactions = {r.trainee_id: r for r in Reaction.objects.filter(trainee__in=trainees)}
    checks = {(c.trainee_id, c.phase): c
              for c in LearningCheck.objects.filter(trainee__in=trainees)}
    follow = {(f.trainee_id, f.respondent): f
              for f in FollowUp.objects.filter(trainee__in=trainees)}
    today = timezone.localdate()
    rows = []
    for t in trainees:
        pre, post = checks.get((t.pk, rules.PRE)), checks.get((t.pk, rules.POST))
        states = {}
        for who in rules.RESPONDENTS:
            f = follow.get((t.pk, who))
            states[who] = (ev.state_of(f, today), f) if f else ("", None)
        rows.append({"trainee": t, "reaction": reactions.get(t.pk), "pre": pre, "post": post,
                     "gain": post.percent - pre.percent if pre and post else None,
                     "participant": states[rules.PARTICIPANT],
                     "supervisor": states[rules.SUPERVISOR]})
    return rows


@require_POST
@login_required
def open_link(request, uuid):
    delivery = _evaluator_delivery(request, uuid)
    form = evaluation_forms.OpenLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The link was not opened: choose a form and between 1 and "
                                  "%(n)s hours.") % {"n": rules.LINK_HOURS_MAX})
        return redirect("delivery-evaluation", uuid)
    try:
        link = ev.open_link(request.user, delivery, hours=form.cleaned_data["hours"],
                            **evaluation_forms.link_form_args(form.cleaned_data["form"]))
    except ev.EvaluationError as exc:
        messages.error(request, str(exc))
        return redirect("delivery-evaluation", uuid)
    if (link.phase == rules.PRE and delivery.end_date
            and delivery.end_date < timezone.localdate()):
        # allowed (a check taken on paper before, typed in late), but rarely meant
        messages.warning(request, _(
            "This course ended on %(date)s: a check “before the course” answered now "
            "measures what was learnt on it, not what was known before. Close the link "
            "if it was opened by mistake.") % {"date": localise.day(delivery.end_date)})
    window = (ev.follow_ups_window(delivery, link.respondent)
              if link.level == EvaluationLink.Level.BEHAVIOUR else None)
    if window is not None and timezone.localdate() > window[1]:
        # allowed (a late answer is kept), but none of them is one of the level-3 figure
        messages.warning(request, _(
            "These follow-ups closed on %(close)s, 6 months after the course: an answer "
            "given now is recorded and reported apart, not counted in the level-3 figure. "
            "Each person's form says so; close the link if it was opened by mistake.") % {
                "close": localise.day(window[1])})
    elif window is not None and timezone.localdate() < window[0]:
        # allowed (the addresses can be sent ahead), but an answer before the due day is
        # not one of the level-3 figure: it is reported apart
        messages.warning(request, _(
            "These follow-ups are due from %(due)s, 3 months after the course: an answer "
            "given before then is reported apart, not counted in the level-3 figure. The "
            "link stays open until %(close)s; send the addresses when the follow-ups are "
            "due, or close the link if it was opened by mistake.") % {
                "due": localise.day(window[0]), "close": localise.day(window[1])})
    return redirect("evaluation-link", uuid, link.uuid)


@require_GET
@login_required
def link_page(request, uuid, link):
    """The link and its QR code, large, for the trainer to show in the room."""
    delivery = _evaluator_delivery(request, uuid)
    found = get_object_or_404(EvaluationLink, delivery=delivery, uuid=link)
    if found.level == EvaluationLink.Level.BEHAVIOUR:
        scoping.require(ev.runs_follow_ups(request.user, delivery), ev.follow_ups_refusal())
    is_open = ev.is_open(found)
    token = found.token if is_open else ""  # recomputed, never stored (link_tokens)
    url = request.build_absolute_uri(reverse("evaluation-answer", args=[token])) if token \
        else ""
    personal = []
    if found.level == EvaluationLink.Level.BEHAVIOUR:
        # a follow-up: each participant's (or their supervisor's) own address, sent to them
        url = ""
        answered = ev.answered_codes(found)
        names = access.reads_names(request.user, delivery)
        for p in ev.personal_links(found) if is_open else ():
            address = p.token
            personal.append({
                "trainee": p.trainee, "answered": p.trainee.code in answered,
                "url": request.build_absolute_uri(reverse("evaluation-answer",
                                                          args=[address])) if address else "",
                "whom": _contact_of(p.trainee, found.respondent) if names else ("", "")})
    return render(request, "delivery/eval_link.html", {
        "delivery": delivery, "engagement": delivery.engagement, "link": found, "url": url,
        "qr": qr_svg(url) if url else "", "is_open": is_open, "personal": personal,
        "title": evaluation_forms.form_label(ev.form_key(found.level, found.phase,
                                                         found.respondent))})


@require_POST
@login_required
def close_link(request, uuid, link):
    delivery = _evaluator_delivery(request, uuid)
    found = get_object_or_404(EvaluationLink, delivery=delivery, uuid=link)
    ev.close_link(request.user, found)
    messages.success(request, _("The link is closed; it takes no more answers."))
    return redirect("delivery-evaluation", uuid)


# --- paper entry ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def paper(request, uuid, form):
    """One row per trainee with the form's fields: answers from paper typed in later, all
    saved or none. A phone answer is shown, not editable."""
    delivery = _answers_delivery(request, uuid)
    if form not in evaluation_forms.PAPER_FORMS:
        raise Http404
    objectives = ev.objectives(delivery, _language())
    trainees = list(Trainee.objects.filter(delivery=delivery).select_related("organisation"))
    level = EvaluationLink.Level.REACTION if form == "reaction" else EvaluationLink.Level.LEARNING
    dropped = {t.code for t in trainees if t.completion == Trainee.Completion.DROPPED
               and not ev.asked_after_dropping_out(level, "" if form == "reaction" else form)}
    codes = [t.code for t in trainees if t.code not in dropped]
    if form == "reaction":
        existing: dict = {r.trainee.code: r for r in Reaction.objects.filter(
            trainee__in=trainees).select_related("trainee")}
    else:
        existing = {c.trainee.code: c for c in LearningCheck.objects.filter(
            trainee__in=trainees, phase=form).select_related("trainee")}
    problems: list[str] = []
    # a provider (who reads the names) types in new paper answers, and sees recorded ones
    # as answered only: a correction goes through the coordinator
    scores = access.answers_shown(request.user, delivery).scores
    if request.method == "POST":
        try:
            if not scores:
                codes = [c for c in codes if c not in existing]
            answers = evaluation_forms.read_paper(request.POST, form, codes, len(objectives),
                                                  existing)
            done = ev.record_answers(request.user, delivery, answers,
                                     source=AnswerSource.PAPER, replace=True)
        except evaluation_forms.PaperProblem as exc:
            problems = exc.problems
        except ev.EvaluationError as exc:
            problems = [str(exc)]
        else:
            saved = done.created + done.updated
            messages.success(request, ngettext("%(n)s answer saved.", "%(n)s answers saved.",
                                               saved) % {"n": saved})
            return redirect("delivery-evaluation", uuid)
    rows = []
    for t in trainees:
        old = existing.get(t.code)
        posted = {k.split("-", 1)[1]: v for k, v in request.POST.items()
                  if k.startswith(f"{t.code}-")} if problems else None
        values = posted if posted is not None else _paper_values(old, form, len(objectives))
        by_phone = old is not None and old.source == AnswerSource.LINK
        rows.append({"trainee": t, "locked": by_phone or (old is not None and not scores)
                     or t.code in dropped, "by_phone": by_phone,
                     "dropped": t.code in dropped and not by_phone,
                     "values": values,
                     "marks": [(i, values.get(f"o{i}", "")) for i in
                               range(1, len(objectives) + 1)],
                     "ratings": [(item, ev.reaction_label(item), values.get(item, ""))
                                 for item in rules.REACTION_ITEMS]})
    return render(request, "delivery/eval_paper.html", {
        "delivery": delivery, "engagement": delivery.engagement, "form": form,
        "title": evaluation_forms.form_label(form), "rows": rows, "problems": problems,
        "scores": scores,
        "objectives": list(enumerate(objectives, start=1)),
        "rating_labels": [(item, ev.reaction_label(item)) for item in rules.REACTION_ITEMS],
        "scale": range(rules.RATING_MIN, rules.RATING_MAX + 1)}, status=400 if problems else 200)


def _paper_values(old, form: str, objectives: int) -> dict[str, str]:
    if old is None:
        return {"out_of": str(objectives)} if form != "reaction" else {}
    if form == "reaction":
        values = {item: "" if getattr(old, item) is None else str(getattr(old, item))
                  for item in rules.REACTION_ITEMS}
        values["comment"] = old.comment
        return values
    values = {f"o{i}": "yes" if met else "no"
              for i, met in enumerate(old.objectives_met, start=1)}
    values.update({"correct": str(old.correct), "out_of": str(old.out_of)})
    return values


# --- XLSForms and their exports ------------------------------------------------------


@require_GET
@login_required
def xlsform(request, uuid, level):
    delivery = _evaluator_delivery(request, uuid)
    if level not in (1, 2):
        raise Http404
    # the language asked for (?lang=) first: the form's title and its default on the
    # phones; then the course's, then the reader's
    asked = request.GET.get("lang", "")
    asked = asked if asked in dict(settings.LANGUAGES) else ""
    first = (asked,) if asked else ()
    languages = [x for x in dict.fromkeys((*first, delivery.course_language, _form_language()))
                 if x in dict(settings.LANGUAGES) or x == _form_language()]
    data = evaluation_xlsform.xlsform_bytes(delivery, level, languages)
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument"
                                                ".spreadsheetml.sheet")
    response["Content-Disposition"] = (
        f'attachment; filename="{evaluation_xlsform.form_id(delivery, level)}.xlsx"')
    return response


@require_POST
@login_required
def import_answers(request, uuid):
    delivery = _answers_delivery(request, uuid)
    form = evaluation_forms.EvaluationUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or XLSX file."))
        return redirect("delivery-evaluation", uuid)
    upload = form.cleaned_data["file"]
    if upload.size > imports.MAX_FILE_BYTES:
        messages.error(request, _("The file is larger than 5 MB."))
        return redirect("delivery-evaluation", uuid)
    try:
        result = evaluation_xlsform.import_answers(upload.read(), delivery, user=request.user,
                                                   name=upload.name)
    except ImportProblem as exc:
        messages.error(request, _("Nothing was imported from %(file)s: %(problems)s") % {
            "file": exc.source or upload.name, "problems": exc.listed()})
    else:
        messages.success(request, ngettext(
            "%(n)s answer imported (%(same)s already there).",
            "%(n)s answers imported (%(same)s already there).", result.created) % {
            "n": result.created, "same": result.unchanged})
    return redirect("delivery-evaluation", uuid)


# --- level 3: reminders and answers ------------------------------------------------


@require_GET
@login_required
def follow_ups(request):
    """The follow-ups of the deliveries the user evaluates: overdue and due first; the
    ones not yet due with ?all=1."""
    show_all = request.GET.get("all") == "1"
    states = (rules.OVERDUE, rules.DUE, rules.UPCOMING) if show_all else (rules.OVERDUE,
                                                                         rules.DUE)
    # every course the user sees: a viewer reads its follow-ups (not their names), and
    # those who run its evaluation record the answers
    reminders = ev.reminders(request.user, states=states, seen=True)
    # who runs a course's follow-ups records whom to ask and reads their contact: its
    # coordinators, not its provider (``ev.runs_follow_ups``)
    runs = {r.delivery.pk for r in reminders if ev.runs_follow_ups(request.user, r.delivery)}
    enters = {r.delivery.pk for r in reminders if ev.can_enter_answers(request.user, r.delivery)}
    state_labels = {rules.OVERDUE: _("Overdue"), rules.DUE: _("Due"),
                    rules.UPCOMING: _("Not yet due")}
    deliveries = {r.delivery.pk: r.delivery for r in reminders}
    pages.name_modules(deliveries.values(), get_language())
    return render(request, "delivery/eval_follow_ups.html", {
        "reminders": [(r, state_labels[r.state], _whom_to_ask(request.user, r),
                       r.delivery.pk in runs, r.delivery.pk in enters) for r in reminders],
        "show_all": show_all, "enters_any": bool(enters),
        "form": evaluation_forms.FollowUpAnswerForm(),
        "rules": {"due": rules.FOLLOW_UP_DUE_MONTHS, "close": rules.FOLLOW_UP_CLOSE_MONTHS}})


def _whom_to_ask(user, reminder: ev.Reminder) -> tuple[str, str]:
    """The trainee's name and the contact of whom to ask (the trainee, or their supervisor):
    the list is worked through by phone and e-mail by who runs the follow-ups (the
    course's coordinators). The course's provider reads the name (as on its sign-in
    sheets), not whom to ask; others see the code only."""
    if not access.reads_names(user, reminder.delivery):
        return "", ""
    name, contact = _contact_of(reminder.follow_up.trainee, reminder.follow_up.respondent)
    return name, contact if ev.runs_follow_ups(user, reminder.delivery) else ""


def _contact_of(trainee: Trainee, respondent: str) -> tuple[str, str]:
    """The trainee's name, and the contact of whom a follow-up asks: the trainee's own, or
    their supervisor's (never the trainee's phone for the supervisor)."""
    identity = getattr(trainee, "identity", None)
    if identity is None:
        return "", ""
    if respondent != rules.PARTICIPANT:
        return identity.name, identity.supervisor_contact
    return identity.name, identity.contact


@require_POST
@login_required
def answer_follow_up(request, uuid, code, respondent):
    delivery = _answers_delivery(request, uuid)
    if respondent not in rules.RESPONDENTS:
        raise Http404
    form = evaluation_forms.FollowUpAnswerForm(request.POST)
    back = request.POST.get("next") == "delivery"
    target = redirect("delivery-evaluation", uuid) if back else redirect("evaluation-follow-ups")
    if not form.is_valid():
        messages.error(request, _("Say whether the course is applied: yes, partly or no."))
        return target
    try:
        ev.record_answers(request.user, delivery, [ev.FollowUpAnswer(
            code, respondent, form.cleaned_data["applied"], form.cleaned_data["example"])],
            source=AnswerSource.PAPER, replace=True)
    except ev.EvaluationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Follow-up of %(code)s saved.") % {"code": code})
    return target


@require_POST
@login_required
def supervisor_contact(request, uuid, code):
    """Whom to ask for a trainee's supervisor follow-up, recorded from the follow-ups list
    by who runs the follow-ups (``ev.runs_follow_ups``)."""
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(ev.runs_follow_ups(request.user, delivery), ev.follow_ups_refusal())
    trainee = get_object_or_404(Trainee, delivery=delivery, code=code)
    form = evaluation_forms.SupervisorContactForm(request.POST)
    if form.is_valid():
        services.set_supervisor_contact(request.user, trainee, form.cleaned_data["contact"])
        messages.success(request, _("Supervisor of %(code)s: contact saved.") % {
            "code": trainee.code})
    else:
        messages.error(request, _("The contact was not saved: %(why)s") % {
            "why": " ".join(str(e) for e in form.errors.get("contact", ()))})
    return redirect("evaluation-follow-ups")


# --- the participant's form (no account) ------------------------------------------


def _speak_the_courses_language(request, delivery) -> None:
    """A participant who has not chosen a language reads the form in the course's (a French
    course's QR code opened an English form on English-speaking phones); the language menu
    still changes it."""
    course = delivery.course_language
    if (not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            and course in dict(settings.LANGUAGES) and course != _language()):
        translation.activate(course)
        request.LANGUAGE_CODE = course


def _window_notice(link: EvaluationLink, trainee: Trainee | None) -> str:
    """On a person's own follow-up form, opened before its window (3 to 6 months after
    the course) or after it: their answer is recorded, but not counted in the figures
    (``rules.follow_up_state``); said before they answer. "" within the window."""
    if trainee is None or link.level != EvaluationLink.Level.BEHAVIOUR:
        return ""
    f = FollowUp.objects.filter(trainee=trainee, respondent=link.respondent).first()
    if f is None or f.answered_at is not None:
        return ""
    today = timezone.localdate()
    if today > f.close_date:
        return _("This follow-up closed on %(close)s. You can still answer: your answer is "
                 "recorded and read by the course's organisers, but it is not counted in the "
                 "course's results.") % {"close": localise.day(f.close_date)}
    if today < f.due_date:
        return _("This follow-up opens on %(due)s. You can answer now: your answer is "
                 "recorded and read by the course's organisers, but only answers given from "
                 "%(due)s to %(close)s are counted in the course's results.") % {
            "due": localise.day(f.due_date), "close": localise.day(f.close_date)}
    return ""


@require_http_methods(["GET", "POST"])
def answer(request, token):
    link, trainee = ev.link_for(token), None
    if link is None:  # a participant's own follow-up address?
        personal = ev.personal_link_for(token)
        if personal is not None:
            link, trainee = personal.link, personal.trainee
    if link is None:  # mistyped, cut short, or from an older course: said kindly, still a 404
        return render(request, "delivery/eval_link_unknown.html", status=404)
    if link.level == EvaluationLink.Level.BEHAVIOUR and trainee is None:
        # a follow-up's shared address (opened before each participant had their own):
        # nobody answers there for a code they choose
        return render(request, "delivery/eval_link_unknown.html", {"personal_only": True},
                      status=404)
    delivery = link.delivery
    _speak_the_courses_language(request, delivery)
    language = _language()
    module = delivery.plan.catalogue.parsed(language).by_code.get(delivery.module_code)
    context = {"link": link, "delivery": delivery, "module": module, "trainee": trainee,
               "title": ev.form_title(link.level, link.phase, link.respondent),
               "window": _window_notice(link, trainee)}
    if request.GET.get("done") == "1":
        return render(request, "delivery/eval_answer_done.html", {**context, "thanks": True})
    if not ev.is_open(link):
        return render(request, "delivery/eval_answer_done.html", {**context, "closed": True},
                      status=410)
    if trainee is not None and request.method == "GET" and (
            trainee.code in ev.answered_codes(link)):
        # their own follow-up address, answered already: said now, not after a form
        return render(request, "delivery/eval_answer_done.html", {
            **context, "already": trainee.code})
    objectives = ev.objectives_for_participant(delivery, language) if link.level == 2 else ()
    form = evaluation_forms.ParticipantForm(request.POST or None, link=link,
                                            codes=ev.link_codes(link), objectives=objectives,
                                            answered=ev.answered_codes(link), trainee=trainee)
    if request.method == "POST" and form.is_valid():
        try:
            ev.answer_by_link(link, form.answer(), trainee=trainee)
        except ev.AlreadyAnswered:
            return render(request, "delivery/eval_answer_done.html", {
                **context, "already": form.answer().code}, status=409)
        except ev.LinkClosed:
            return render(request, "delivery/eval_answer_done.html",
                          {**context, "closed": True}, status=410)
        except ev.EvaluationError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(reverse("evaluation-answer", args=[token]) + "?done=1")
    return render(request, "delivery/eval_answer.html", {**context, "form": form},
                  status=400 if request.method == "POST" else 200)
