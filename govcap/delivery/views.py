"""The delivery pages: an engagement's courses planned beside delivered, a delivery with its
nominations, attendance and completion, the printable sign-in sheet, the provider register.

Thin: objects come through ``access`` (out of scope is a 404), writes go through
``services`` (checked, audited), what a page shows is built in ``pages``.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from govcap import localise
from govcap.accounts import audit, scoping
from govcap.cells import neutralise_row
from govcap.delivery import (
    access,
    changes,
    costs_shown,
    course_names,
    forms,
    imports,
    pages,
    services,
    texts,
)
from govcap.delivery import evaluation as ev
from govcap.delivery.core import attendance as attendance_rules
from govcap.delivery.core.attendance import session_dates
from govcap.delivery.models import Attendance, Delivery, Trainee
from govcap.interchange.problems import ImportProblem
from govcap.orgs.models import Country, Organisation

CHANGE_FORMS = {"edit": forms.EditForm, "move": forms.MoveForm, "cancel": forms.CancelForm,
                "merge": forms.MergeForm, "reinstate": forms.ReinstateForm}


def _language() -> str:
    return (get_language() or "en").split("-")[0]


@require_GET
@login_required
def my_deliveries(request):
    """Every delivery the user may see (a training provider's home page)."""
    # the latest first; those of a day (or undated) in the plan's order, as its documents
    # number them: month, then module, then cohort
    rows = list(access.deliveries(request.user).select_related("plan__catalogue")
                .order_by("-start_date", "planned_month", "module_code", "cohort_id")[:500])
    course_names.name_courses(rows, access.visible_orgs_many(request.user, rows), _language())
    return render(request, "delivery/list.html", {"deliveries": rows})


@require_GET
@login_required
def engagement_deliveries(request, slug):
    engagement = scoping.engagement_or_404(request.user, slug)
    plan = services.approved_plan(engagement)
    deliveries = list(access.deliveries(request.user).filter(engagement=engagement))
    can_manage = scoping.can_manage_engagement(request.user, engagement)
    orgs = None if can_manage else access.narrowed_orgs(request.user, engagement.id)
    rows = pages.course_rows(plan, deliveries, _language(), orgs) if plan else []
    other = [d for d in deliveries if plan is None or d.plan_id != plan.pk]
    course_names.name_courses(other, access.visible_orgs_many(request.user, other), _language())
    return render(request, "delivery/engagement.html", {
        "engagement": engagement, "plan": plan, "rows": rows, "other": other,
        "can_manage": can_manage, "cost_share": orgs is not None})


@require_POST
@login_required
def create_delivery(request, slug):
    engagement = scoping.engagement_or_404(request.user, slug)
    scoping.require(scoping.can_manage_engagement(request.user, engagement))
    plan = services.approved_plan(engagement)
    if plan is None:
        messages.error(request, _("The engagement has no approved plan."))
        return redirect("deliveries-engagement", slug)
    try:
        delivery = services.create_delivery(request.user, plan, request.POST.get("cohort", ""))
    except services.DeliveryError as exc:
        messages.error(request, str(exc))
        return redirect("deliveries-engagement", slug)
    return redirect("delivery", delivery.uuid)


def _context(request, delivery: Delivery) -> dict:
    user = request.user
    can_manage = access.can_manage(user, delivery)
    can_attend = access.can_record_attendance(user, delivery)
    names = access.reads_names(user, delivery)
    trainees = list(access.trainees(user, delivery).select_related("identity")
                    if names else access.trainees(user, delivery))
    catalogue = delivery.plan.catalogue.parsed(_language())
    rows = pages.trainee_rows(delivery, trainees, names, dict(catalogue.personas))
    narrowed = access.visible_orgs(user, delivery)  # a viewer of some organisations only
    org_keys = None if narrowed is None else pages.org_keys(narrowed)
    # named as the plan's documents name it, with the organisations the reader may see
    course_names.name_courses([delivery], {delivery.pk: narrowed}, _language())
    org_names = {str(t.organisation.uuid): t.organisation.name for t in trainees}
    org_names.update({str(o.uuid): o.name for o in delivery.engagement.organisations.all()})
    module = catalogue.by_code.get(delivery.module_code)
    # with the courses merged into it: their nominees are this course's
    planned = services.planned_participants(delivery, org_keys)
    # a viewer of some organisations sees their share of the cost, as the results count it;
    # the provider none (the API's rule too)
    costs = costs_shown.costs_shown(user, delivery)
    context = {
        "delivery": delivery, "engagement": delivery.engagement, "module": module,
        "rows": rows, "days": range(1, delivery.days + 1), "names": names,
        "can_manage": can_manage, "can_attend": can_attend and not delivery.is_closed,
        "sees_costs": costs is not None,
        "summary": pages.summary(delivery, rows, _language(), costs.share if costs else 1.0,
                                 costs.planned_share if costs else 1.0),
        "cost_share": org_keys is not None,
        "planned_participants": planned,
        "findings": [texts.finding_text(f, org_names, dict(catalogue.personas))
                     for f in services.nomination_findings(delivery, trainees, org_keys)]
        # a merged course's nominees are in the course it merged into: nothing to say
        if (can_manage or can_attend or trainees)
        and delivery.status != Delivery.Status.MERGED else [],
        "changes": changes.lines(delivery) if can_manage else [],
    }
    if can_manage and not delivery.is_closed:
        base = {"op_id": services.new_op_id(), "base_revision": delivery.revision}
        providers = access.providers(user).filter(country_id=delivery.engagement.country_id)
        context["edit_form"] = forms.EditForm(initial={
            **base, "status": delivery.status, "start_date": delivery.start_date,
            "end_date": delivery.end_date, "days": delivery.days, "venue": delivery.venue,
            "mode": delivery.mode, "provider": str(delivery.provider.uuid) if delivery.provider
            else "", "trainers": delivery.trainers,
            "cost": Decimal(delivery.cost_cents) / 100 if delivery.cost_cents is not None
            else None, "shown": forms.EditForm.shown_token(services.edit_shown(delivery))},
            providers=providers, currency=delivery.currency)
        # ids of their own: the edit form's start and end dates keep their labels
        context["move_form"] = forms.MoveForm(initial=base, auto_id="move_%s")
        if not services.has_dated_records(delivery):  # nothing a move would delete
            del context["edit_form"].fields["clear_records"]
            del context["move_form"].fields["clear_records"]
        context["cancel_form"] = forms.CancelForm(initial=base, auto_id="cancel_%s")
        context["merge_problem"] = services.merge_problem(delivery)
        targets = [] if context["merge_problem"] else services.merge_targets(delivery)
        if targets:
            context["merge_form"] = forms.MergeForm(initial=base, targets=targets,
                                                     auto_id="merge_%s")
        personas = module_personas(delivery)
        context["nomination_form"] = forms.NominationForm(
            organisations=localise.sorted_names(delivery.engagement.organisations.all(),
                                                key=lambda o: o.name), personas=personas,
            in_course=course_organisations(delivery),
            initial={"op_id": services.new_op_id()})
    if can_manage and delivery.status == Delivery.Status.CANCELLED:
        context["reinstate_form"] = forms.ReinstateForm(initial={
            "op_id": services.new_op_id(), "base_revision": delivery.revision},
            auto_id="reinstate_%s")
    if can_attend and not delivery.is_closed:
        context["upload_form"] = forms.AttendanceUploadForm()
        language = _language()
        context["sheet_columns"] = attendance_rules.template_headers(language)
        context["sheet_yes_no"] = attendance_rules.yes_no(language)
    return context


def course_organisations(delivery: Delivery) -> list[Organisation]:
    """The organisations the plan counts in this course (its cohort's members, and those of
    the courses merged into it), in the readers' order of names (`localise.sort_key`)."""
    keys = [k for k, n in services.planned_by_org(delivery).items() if n]
    return localise.sorted_names(delivery.engagement.organisations.filter(uuid__in=keys),
                                 key=lambda o: o.name)


def module_personas(delivery: Delivery) -> list[tuple[str, str]]:
    catalogue = delivery.plan.catalogue.parsed(_language())
    module = catalogue.by_code.get(delivery.module_code)
    audience = set(module.audience) if module else set()
    # the module's audience first, then the catalogue's other personas
    ordered = sorted(catalogue.personas.items(), key=lambda kv: (kv[0] not in audience, kv[1]))
    return [(key, label) for key, label in ordered]


@require_GET
@login_required
def delivery_page(request, uuid):
    delivery = access.delivery_or_404(request.user, uuid)
    return render(request, "delivery/delivery.html", _context(request, delivery))


@require_POST
@login_required
def change(request, uuid, kind):
    delivery = access.delivery_or_404(request.user, uuid)
    if kind not in CHANGE_FORMS:
        raise Http404
    scoping.require(access.can_manage(request.user, delivery))
    kwargs: dict = {}
    if kind == "edit":
        kwargs["providers"] = access.providers(request.user).filter(
            country_id=delivery.engagement.country_id)
        kwargs["currency"] = delivery.currency
    if kind == "merge":
        kwargs["targets"] = Delivery.objects.filter(engagement=delivery.engagement)
    form = CHANGE_FORMS[kind](request.POST, **kwargs)
    if not form.is_valid():
        messages.error(request, _("The change was not saved: %(errors)s") % {
            "errors": "; ".join(f"{form.fields[k].label if k in form.fields else k}: {' '.join(v)}"
                                for k, v in form.errors.items())})
        return redirect("delivery", uuid)
    if kind == "cancel" and request.POST.get("confirmed") != "yes":
        # a cancellation is said back, with what it stops, before it is made
        return render(request, "delivery/confirm_cancel.html", {
            "delivery": delivery, "engagement": delivery.engagement, "form": form,
            "module": delivery.plan.catalogue.parsed(_language()).by_code.get(
                delivery.module_code),
            "nominees": delivery.trainees.count(),
            "open_links": sum(1 for link in delivery.evaluation_links.filter(
                closed_at__isnull=True) if ev.is_open(link))})
    if kind == "merge" and request.POST.get("confirmed") != "yes":
        # a merge closes this course for good: said back, with the course it joins
        target = Delivery.objects.filter(engagement=delivery.engagement,
                                         uuid=form.cleaned_data["into"]).first()
        return render(request, "delivery/confirm_merge.html", {
            "delivery": delivery, "engagement": delivery.engagement, "form": form,
            "target": target, "nominees": delivery.trainees.count(),
            "problem": services.merge_problem(delivery) or (
                services.target_problem(delivery, target) if target else ""),
            "module": delivery.plan.catalogue.parsed(_language()).by_code.get(
                delivery.module_code)})
    unrecorded = _completions_missing(delivery, form.cleaned_data) if kind == "edit" else []
    if unrecorded and request.POST.get("confirmed") != "yes":
        # a course marked completed counts its nominees in the donor's completion rate; one
        # whose completion is not recorded counts as not completed: said before it is saved
        return render(request, "delivery/confirm_complete.html", {
            "delivery": delivery, "engagement": delivery.engagement, "codes": unrecorded,
            "nominees": delivery.trainees.count(),
            "posted": [(k, v) for k in request.POST if k not in ("csrfmiddlewaretoken",
                                                                   "confirmed")
                       for v in request.POST.getlist(k)],
            "module": delivery.plan.catalogue.parsed(_language()).by_code.get(
                delivery.module_code)})
    data = dict(form.cleaned_data)
    op_id, base = data.pop("op_id"), data.pop("base_revision")
    shown = None
    if kind == "edit":
        cost = data.pop("cost")
        data["cost_cents"] = None if cost is None else int(cost * 100)
        data.pop("shown", None)
        shown = form.shown_values()
    retry = services.was_applied(delivery, op_id)
    try:
        changed = services.apply_change(request.user, delivery,
                                        services.Change(kind, op_id, base, data, shown))
    except services.DeliveryError as exc:
        messages.error(request, str(exc))
    else:
        # a form sent twice changes nothing the second time: not "Saved." again
        messages.success(request, _("This change was already saved; nothing more was done.")
                         if retry else _("Saved."))
        moved = (changed.start_date, changed.end_date) != (delivery.start_date,
                                                           delivery.end_date)
        note = services.outside_period_note(changed) if moved else ""
        if note:
            messages.warning(request, note)
    return redirect("delivery", uuid)


def _completions_missing(delivery: Delivery, data) -> list[str]:
    """The codes of the nominees without a completion recorded, when an edit marks the
    course completed ([] otherwise)."""
    if (data.get("status") != Delivery.Status.COMPLETED
            or delivery.status == Delivery.Status.COMPLETED):
        return []
    return [t.code for t in Trainee.objects.filter(delivery=delivery, completion="")]


@require_POST
@login_required
def nominate(request, uuid):
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(access.can_manage(request.user, delivery))
    form = forms.NominationForm(request.POST,
                                organisations=delivery.engagement.organisations.all(),
                                personas=module_personas(delivery))
    if not form.is_valid():
        if set(form.errors) <= {"organisation"}:
            messages.error(request, _("The nomination was not saved: check the "
                                      "organisation."))
        else:
            messages.error(request, _("The nomination was not saved: %(errors)s") % {
                "errors": "; ".join(f"{form.fields[k].label}: {' '.join(str(e) for e in v)}"
                                    for k, v in form.errors.items() if k in form.fields)})
        return redirect("delivery", uuid)
    d = form.cleaned_data
    try:
        trainee = services.nominate(request.user, delivery, services.Nomination(
            organisation_id=int(d["organisation"]), role_title=d["role_title"],
            persona=d["persona"], seniority=d["seniority"], gender=d["gender"],
            name=d["name"], contact=d["contact"], supervisor_contact=d["supervisor_contact"]),
            op_id=d.get("op_id"))
    except services.AlreadyNominated as exc:
        messages.warning(request, str(exc))
    except services.DeliveryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Nominated as %(code)s.") % {"code": trainee.code})
    return redirect("delivery", uuid)


@require_http_methods(["GET", "POST"])
@login_required
def remove_nominee(request, uuid, trainee):
    """Take a nominee off the course: a page saying what goes with them (works without
    JavaScript), then the removal; with records, only once their deletion is ticked."""
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(access.can_manage(request.user, delivery))
    found = get_object_or_404(Trainee.objects.select_related("organisation"),
                              delivery=delivery, uuid=trainee)
    if request.method == "POST":
        try:
            services.remove_nominee(request.user, found,
                                    with_records=request.POST.get("with_records") == "on")
        except services.DeliveryError as exc:
            messages.error(request, str(exc))
            return redirect("delivery-remove-nominee", uuid, trainee)
        messages.success(request, _("%(code)s was removed from the course.") % {
            "code": found.code})
        return redirect("delivery", uuid)
    identity = getattr(found, "identity", None) if access.reads_names(request.user,
                                                                        delivery) else None
    return render(request, "delivery/confirm_remove.html", {
        "delivery": delivery, "engagement": delivery.engagement, "trainee": found,
        "name": identity.name if identity else "", "records": services.trainee_records(found),
        "module": delivery.plan.catalogue.parsed(_language()).by_code.get(
            delivery.module_code)})


SHOWN = {"1": True, "0": False, "": None}


def _shown_grid(post) -> dict[tuple[str, int], bool | None]:
    """The grid as the page showed it: one hidden ``was-T3-2`` per cell (1 present, 0
    absent, empty not recorded)."""
    shown: dict[tuple[str, int], bool | None] = {}
    for name in post:
        code, _sep, day = name.removeprefix("was-").rpartition("-")
        value = post.get(name)
        if (name.startswith("was-") and code and day.isascii() and day.isdigit()
                and value in SHOWN):
            shown[(code, int(day))] = SHOWN[value]
    return shown


def _shown_versions(post) -> dict[tuple[str, int], str]:
    """Each cell's mark version as the page showed it: one hidden ``at-T3-2`` per cell
    (``attendance.mark_version``; empty: not recorded). An older page sends none."""
    versions: dict[tuple[str, int], str] = {}
    for name in post:
        code, _sep, day = name.removeprefix("at-").rpartition("-")
        if name.startswith("at-") and code and day.isascii() and day.isdigit():
            versions[(code, int(day))] = post.get(name, "")
    return versions


def _state_word(value: bool | None) -> str:
    return _("present") if value else _("not recorded") if value is None else _("absent")


@require_POST
@login_required
def attendance(request, uuid):
    """The attendance grid: one checkbox per trainee and day (``T3:2`` checked = present),
    each with what the page showed (``was-T3-2``); only the cells the user changed are
    written (another tab's or person's marks made meanwhile stay), see
    ``services.save_attendance_grid``."""
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(access.can_record_attendance(request.user, delivery))
    ticked = set()
    for value in request.POST.getlist("present"):
        code, _sep, day = value.rpartition(":")
        if code and day.isascii() and day.isdigit():
            ticked.add((code, int(day)))
    try:
        saved = services.save_attendance_grid(request.user, delivery,
                                              _shown_grid(request.POST), ticked,
                                              _shown_versions(request.POST))
    except services.DeliveryError as exc:
        messages.error(request, str(exc))
        return redirect("delivery", uuid)
    n = len(saved.marks)
    if n or not (saved.conflicts or saved.gone):
        messages.success(request, ngettext("%(n)s mark saved.", "%(n)s marks saved.", n)
                         % {"n": n})
    for c in saved.conflicts:
        messages.warning(request, _(
            "%(code)s day %(day)s was changed by someone else since you opened this page; it "
            "is now %(state)s. Your change to it was not saved.") % {
            "code": c.code, "day": c.day, "state": _state_word(c.now)})
    if saved.gone:
        messages.warning(request, _(
            "No longer on the course, not saved: %(codes)s.") % {
            "codes": localise.join(saved.gone)})
    return redirect("delivery", uuid)


@require_POST
@login_required
def completion(request, uuid):
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(access.can_manage(request.user, delivery))
    form = forms.CompletionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose completed, partial or dropped out."))
        return redirect("delivery", uuid)
    trainee = get_object_or_404(Trainee, delivery=delivery, uuid=form.cleaned_data["trainee"])
    try:
        services.set_completion(request.user, trainee, form.cleaned_data["completion"],
                                form.cleaned_data["reason"],
                                shown_revision=form.cleaned_data["shown_revision"])
    except services.CompletionChanged as exc:
        messages.warning(request, str(exc))
    except services.DeliveryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Saved."))
    return redirect("delivery", uuid)


@require_GET
@login_required
def sign_in_sheet(request, uuid, day=None):
    """One day's sheet (its date printed), or, without a day, every day's: one signature
    column per day, headed by its date."""
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(access.can_record_attendance(request.user, delivery))
    if day is not None and not 1 <= day <= delivery.days:
        raise Http404
    trainees = list(access.trainees(request.user, delivery).select_related("identity"))
    dates = session_dates(delivery.start_date, delivery.end_date, delivery.days)
    return render(request, "delivery/sign_in.html", {
        "delivery": delivery, "day": day, "engagement": delivery.engagement,
        "date": dates[day - 1] if day else None,
        "columns": list(enumerate(dates, start=1)) if day is None else [(day, dates[day - 1])],
        "rows": pages.trainee_rows(delivery, trainees, True),
        "sheet_columns": attendance_rules.template_headers(_language()),
        "module": delivery.plan.catalogue.parsed(_language()).by_code.get(delivery.module_code)})


@require_GET
@login_required
def attendance_template(request, uuid):
    """The sheet to fill and import back: a row per nominee and day, headed in the reader's
    language (as the importer reads it), with each nominee's name (which the importer
    ignores) and the mark recorded (yes or no); a "present" left blank is not recorded,
    and stays as it is when imported."""
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(access.can_record_attendance(request.user, delivery))
    language = _language()
    yes, no = attendance_rules.yes_no(language)
    out = io.StringIO()
    writer = csv.writer(out)
    # every cell as text a spreadsheet will not run (a name "=HYPERLINK(…)"); the
    # importer reads it back as it was (``cells.restore``)
    writer.writerow(neutralise_row(attendance_rules.sheet_headers(language)))
    trainees = sorted(access.trainees(request.user, delivery).select_related("identity"),
                      key=lambda t: (len(t.code), t.code))
    recorded = {(a.trainee_id, a.day): a.present for a in Attendance.objects.filter(
        trainee__in=trainees)}
    for t in trainees:
        identity = getattr(t, "identity", None)
        for day in range(1, delivery.days + 1):
            mark = recorded.get((t.pk, day))
            writer.writerow(neutralise_row([t.code, identity.name if identity else "", day,
                                            "" if mark is None else yes if mark else no]))
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    name = delivery.cohort_id.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="attendance-{name}.csv"'
    return response


@require_POST
@login_required
def import_attendance(request, uuid):
    delivery = access.delivery_or_404(request.user, uuid)
    scoping.require(access.can_record_attendance(request.user, delivery))
    form = forms.AttendanceUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or XLSX file."))
        return redirect("delivery", uuid)
    upload = form.cleaned_data["file"]
    if upload.size > imports.MAX_FILE_BYTES:
        messages.error(request, _("The file is larger than 5 MB."))
        return redirect("delivery", uuid)
    try:
        result = imports.import_attendance(upload.read(), delivery, user=request.user,
                                           name=upload.name)
    except ImportProblem as exc:  # the file named once, then each problem once
        messages.error(request, _("Nothing was imported from %(file)s: %(problems)s") % {
            "file": exc.source or upload.name,
            "problems": exc.listed()})
    else:
        messages.success(request, _import_said(result))
        if result.changed:  # marks recorded before, on the page or another sheet
            messages.warning(request, ngettext(
                "It changed %(n)s mark recorded before: %(marks)s.",
                "It changed %(n)s marks recorded before: %(marks)s.", len(result.changed)) % {
                "n": len(result.changed), "marks": changes.changed_marks(
                    [[c.code, c.day, c.before, c.after] for c in result.changed])})
    return redirect("delivery", uuid)


def _import_said(result: imports.AttendanceImport) -> str:
    """What an import did: its marks, new, changed or as recorded already, and its rows
    whose "present" was left blank, which kept the marks recorded ("12 marks imported (new:
    7, changed: 2, as recorded before: 3). 3 rows left “present” blank: their marks stay as
    they were.")."""
    said = [ngettext(
        "%(n)s mark imported (new: %(new)s, changed: %(changed)s, as recorded before: "
        "%(same)s).",
        "%(n)s marks imported (new: %(new)s, changed: %(changed)s, as recorded before: "
        "%(same)s).", result.marks) % {"n": result.marks, "new": result.new,
                                        "changed": len(result.changed), "same": result.same}
        if result.marks else _("No mark imported.")]
    if result.blank:
        said.append(ngettext(
            "%(n)s row left “present” blank: its mark stays as it was.",
            "%(n)s rows left “present” blank: their marks stay as they were.",
            result.blank) % {"n": result.blank})
    return " ".join(said)


@require_http_methods(["GET", "POST"])
@login_required
def providers(request):
    """The register of training providers of the user's countries; coordinators add to it."""
    countries = Country.objects.filter(pk__in=scoping.managed_engagements(request.user)
                                       .values("country_id"))
    if scoping.is_admin(request.user):
        countries = Country.objects.all()
    form = forms.ProviderForm(request.POST or None, countries=countries)
    if request.method == "POST":
        scoping.require(countries.exists())
        if form.is_valid() and access.can_register_provider(request.user,
                                                            form.cleaned_data["country"]):
            provider = form.save()
            audit.record(request.user, "create", provider, None, {
                "name": provider.name, "country": provider.country.code, "kind": provider.kind})
            messages.success(request, _("%(name)s added to the register.") % {"name": provider.name})
            return redirect("delivery-providers")
    return render(request, "delivery/providers.html", {
        "providers": access.providers(request.user), "form": form if countries.exists() else None})
