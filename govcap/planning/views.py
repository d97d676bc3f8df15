"""The plan pages: engagement plan, per-organisation plan, settings, actions (the downloads are
``govcap.reports.views``).

Thin: objects come through ``accounts.scoping`` (out of scope is a 404), writes go through
``planning.services`` (scoped, audited), and what a page shows is built in ``pages``.
"""

from __future__ import annotations

import dataclasses

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from govcap import localise
from govcap.accounts import scoping
from govcap.instruments.services import localised
from govcap.planning import delivered, pages, services, wording
from govcap.planning.benchmarks import benchmark_texts
from govcap.planning.catalogues import ensure_default_catalogue
from govcap.planning.core import edits
from govcap.planning.core.diff import (
    OutOfOrder,
    coordinator_moves,
    edits_turned,
    left_without_cohort,
    out_of_order,
    reversed_order,
)
from govcap.planning.core.inputs import PlanInputError
from govcap.planning.core.plan import (
    DROPPED,
    SCHEDULED,
    OperationResult,
    PlanData,
    replaces_op_id,
)
from govcap.planning.core.validation import CatalogueError
from govcap.planning.forms import EditForm, SettingsForm
from govcap.planning.inputs_db import (
    coverage_of,
    ensure_settings,
    later_round,
    later_round_label,
)
from govcap.planning.models import DOCUMENT_FORMATS, Plan, PlanEdit

EDIT_KINDS = ("move-cohort", "drop-module", "add-module", "move-member", "lock-cohort")
PARTS = ("findings", "cohorts", "budget", "edits")  # the plan page's parts, in order


def get_engagement(request, slug: str):
    return scoping.engagement_or_404(request.user, slug)


def narrowed_orgs(user, engagement) -> frozenset[int] | None:
    """The organisations a viewer is narrowed to in this engagement (None: all of it)."""
    return scoping.scope_of(user).viewer_orgs.get(engagement.id)


def get_plan(request, engagement) -> Plan | None:
    """The version asked for (``?v=``); else, for those who edit the plan, the latest (a
    draft they are working on), and for every other reader the version in force — the
    newest approved one (the latest while none is approved): a ministry's reader landed on
    "Version 3 · Draft" with nothing saying version 2 was approved and in force."""
    plans = Plan.objects.filter(engagement=engagement).select_related("catalogue")
    version = request.GET.get("v", "")
    if version.isdigit():
        return get_object_or_404(plans, version=int(version))
    if not services.can_edit_plan(request.user, engagement):
        in_force = plans.filter(status=Plan.Status.APPROVED).order_by("-version").first()
        if in_force is not None:
            return in_force
    return plans.order_by("-version").first()


def _moved_reversals(plan_data: PlanData, catalogue, org_id: str | None) -> list[OutOfOrder]:
    """The courses a coordinator's move put before the lower-numbered course of their step
    and section (``core.diff.reversed_order``: a 102 before its 101, one of the two in the
    month a move put it in) — no prerequisite, so ``out_of_order`` leaves them out, but out
    of the order the catalogue sets all the same: the box lists them (it listed nothing
    after a coordinator moved EA-102 before EA-101)."""
    if catalogue is None:
        return []
    moves = coordinator_moves(plan_data)
    cohorts = {(n.org_id, n.module_code): n.cohort_id or "" for n in plan_data.needs}
    return [o for o in reversed_order(plan_data, catalogue)
            if (org_id is None or o.org_id == org_id)
            and (moves.get(cohorts.get((o.org_id, o.module_code), "")) == o.month
                 or moves.get(cohorts.get((o.org_id, o.first_code), "")) == o.first_month)]


def _catalogue_for_reader(plan: Plan):
    """The plan's catalogue in the reader's language (its layer, else the source texts): the
    page speaks the reader's language, whatever the engagement's documents are written in."""
    return plan.catalogue.parsed(wording.language())


def reader_section_titles(engagement) -> dict[str, str]:
    """The instrument's section titles in the reader's language (its translation layer,
    falling back to the instrument's own language per title), not in the engagement's:
    an Arabic page of a French engagement read "المستوى في Utiliser des processus…"."""
    instrument = localised(engagement.instrument, wording.language())
    return {s.key: str(s.title) for s in instrument.sections}


def _plan_context(request, engagement, plan: Plan | None, org_id: str | None = None) -> dict:
    can_edit = services.can_edit_plan(request.user, engagement)
    versions = list(Plan.objects.filter(engagement=engagement).order_by("-version"))
    context = {"engagement": engagement, "plan": plan, "can_edit": can_edit,
               "versions": versions, "current": versions[0] if versions else None,
               "formats": DOCUMENT_FORMATS}
    if plan is None:
        return context
    catalogue = _catalogue_for_reader(plan)
    plan_data = plan.plan_data()
    # what changed since the version this one was made after (the diff's own "before")
    based_on = plan.based_on.plan_data() if plan.diff and plan.based_on is not None else None
    titles = reader_section_titles(engagement)
    namer = wording.Namer(catalogue, plan_data, based_on, sections=titles)
    context["view"] = view = pages.overview(
        plan_data, catalogue, org_id, titles,
        benchmarks=benchmark_texts(plan_data, wording.language()))
    context["changes"] = wording.diff_lines(plan.diff, plan_data.currency, namer, based_on,
                                            plan_data)
    context["is_latest"] = versions[0].pk == plan.pk
    # an earlier round's version once the next round reassesses it: what it plans, said
    # as its documents and brief say it
    context["later_round"] = services.later_round_words(plan)
    context["later_label"] = later_round_label(engagement,
                                               plan.data.get("extra", {}).get("later_round"))
    # where new training for its organisations is planned: that round's plan, when the
    # reader may open it
    later = later_round(engagement) if context["later_round"] else None
    if later is not None and scoping.engagements(request.user).filter(pk=later.pk).exists():
        context["later_plan_url"] = reverse("plan", args=[later.slug])
    states = services.version_states(versions)
    context["version_rows"] = [(p, states[p.pk]) for p in versions]
    # An approved plan stays in force while its successor is only a draft.
    context["superseded"] = states[plan.pk] == "superseded"
    context["newer_draft"] = (versions[0] if states[plan.pk] == "in-force"
                              and not context["is_latest"] else None)
    stored = PlanEdit.objects.filter(engagement=engagement).select_related("author").order_by(
        "seq")
    context["operations"] = wording.edit_lines(
        plan_data.operations, {e.op_id: e.operation for e in stored}, namer, plan.diff,
        plan.based_on.version if plan.based_on is not None else None)
    context["editable"] = editable = (can_edit and context["is_latest"]
                                      and not plan.is_read_only and org_id is None)
    happened = _overdue(delivered.for_plan(request.user, plan), plan_data,  # planned vs done
                        catalogue, approved=plan.status == Plan.Status.APPROVED,
                        record_url=_record_url(request.user, engagement))
    context["cohort_blocks"] = [(_names_asked(row, happened.get(row.cohort.cohort_id)),
                                 pages.cohort_edit(row, plan_data, catalogue)
                                 if editable and not row.cohort.delivery else None,
                                 happened.get(row.cohort.cohort_id)) for row in view.cohorts]
    # a need's course that has a delivery says what became of it, not "Scheduled"
    context["need_rows"] = [(n, happened.get(n.need.cohort_id or "")) for n in view.needs
                            if n.need.status != DROPPED]
    # left out by an edit: listed apart, not counted among the needs (as the documents do)
    context["left_out_rows"] = [n for n in view.needs if n.need.status == DROPPED]
    context["unfit_blocks"] = [(row, pages.unfit_edit(row, plan_data) if editable else None)
                               for row in view.unfit]
    # courses a move put no later than the course their organisations take first
    context["out_of_order"] = wording.out_of_order(
        [o for o in out_of_order(plan_data, catalogue) if org_id is None or o.org_id == org_id],
        namer) + wording.reversed_by_move(_moved_reversals(plan_data, catalogue, org_id), namer)
    if can_edit and context["is_latest"]:
        fresh = services.freshness(plan)  # what changed since it was generated, if anything
        context["stale"] = fresh.changed
        context["stale_changes"] = localise.join(fresh.changes)
        unplaced = {(u.org_id, u.module_code) for u in plan_data.unfit}
        results = {r.op_id: r for r in plan_data.operations}
        sentences = _edit_sentences(stored, namer)
        context["edits"] = [(e, sentences[e.pk], _outcome(e, unplaced), _when_saved(e, namer),
                             _why(e, results, namer))
                            for e in stored]
        if editable and not context["later_round"]:  # it plans nothing new: none to add
            choices = pages.edit_choices(plan_data, catalogue)
            context["add_form"] = EditForm(initial={"op_id": services.new_op_id()},
                                           choices=choices)
    return context


def _not_run(cohort, d: delivered.DeliveredCohort | None) -> bool:
    """A course whose month has passed and that no delivery records as run (none, or one
    still being prepared): "Due September 2026, not recorded as run" (wording.overdue)."""
    status = d.status if d is not None and d.status != "none" else cohort.delivery or "planned"
    return wording.overdue(status, (d.month if d is not None else "") or cohort.month
                           ) == "not_run"


def _names_asked(row: pages.CohortRow, d: delivered.DeliveredCohort | None) -> pages.CohortRow:
    """The course's row, its "Names due by" kept only while it asks something: not once
    its month has passed (its delivery's month, when one moved it), nor once its delivery
    records it running, done, cancelled or merged (its participants are that record's)."""
    month = (d.month if d is not None and d.month else None) or row.cohort.month
    recorded = d is not None and d.status in ("in_progress", "completed", "cancelled", "merged")
    if row.names_due and (recorded or wording.overdue("planned", month)):
        return dataclasses.replace(row, names_due="")
    return row


def _over_planned(nominated: int, cohort, catalogue) -> str:
    """A kept course nominated beyond what the plan counts (Djibouti's SVC-101: 14
    nominated, the plan's 12 in its participants and cost, said side by side without a
    word): the plan's figures are not the course's; beyond the cohort's maximum, said."""
    module = catalogue.by_code.get(cohort.module_code) if catalogue is not None else None
    values = {"n": nominated, "planned": cohort.participants,
              "max": module.max_cohort if module is not None else 0}
    if module is not None and nominated > module.max_cohort:
        return ngettext(
            "%(n)d participant is nominated to this course, more than the %(max)d a cohort "
            "of it takes and the %(planned)d this plan counts and costs for it.",
            "%(n)d participants are nominated to this course, more than the %(max)d a cohort "
            "of it takes and the %(planned)d this plan counts and costs for it.",
            nominated) % values
    return ngettext(
        "%(n)d participant is nominated to this course, more than the %(planned)d this plan "
        "counts and costs for it: the plan's participants and cost are not what it runs "
        "with; its delivery page has those.",
        "%(n)d participants are nominated to this course, more than the %(planned)d this "
        "plan counts and costs for it: the plan's participants and cost are not what it "
        "runs with; its delivery page has those.", nominated) % values


def _overdue(happened: dict, data, catalogue=None, approved: bool = False,
             record_url: str = "") -> dict:
    """A kept course whose month is past and whose delivery is not recorded as done says
    so ("Due August 2026, not recorded as run"), with where to record it: its delivery; one
    nominated beyond what the plan counts says that too (``_over_planned``). An
    ``approved`` plan's own courses say the same; one with no delivery at all points to
    ``record_url``, where the coordinator records it ("" for a reader who does not: who
    does is said). The documents say it too (reports.course_states, the same rule)."""
    states = {"not_run": _("Due %(month)s, not recorded as run"),
              "not_completed": _("Running since %(month)s, no completion recorded")}
    out = dict(happened)
    for c in data.cohorts:
        d = happened.get(c.cohort_id)
        if d is not None and c.delivery and d.nominated and d.nominated > c.participants:
            out[c.cohort_id] = d = dataclasses.replace(d, warning=_over_planned(
                d.nominated, c, catalogue))
        if (approved and not c.delivery and d is None and c.month
                and c.status == SCHEDULED and wording.overdue("planned", c.month)):
            out[c.cohort_id] = delivered.DeliveredCohort(
                _("No delivery is recorded for it: record it on the engagement's deliveries "
                  "page, with its dates, or cancel it there.") if record_url else
                _("No delivery is recorded for it: the engagement's coordinator records it."),
                record_url, "none",
                states["not_run"] % {"month": wording.month_label(c.month)}, month=c.month)
            continue
        if d is None or not (c.delivery or approved):
            continue
        # the documents' rule and month (wording.course_late, as reports.course_states):
        # the delivery's month when it has one, a kept course's as an approved plan's own
        late, month = wording.course_late(d.status, d.month, c.month)
        if late == "not_run":
            # "Being prepared with …, from 19 August 2026", read in December, as if to come,
            # where the documents say "Due August 2026, not recorded as run": said first,
            # as they say it, then what its delivery records
            out[c.cohort_id] = dataclasses.replace(
                d, state=states[late] % {"month": wording.month_label(month)}, late=True,
                words=_("Its delivery is still recorded as being prepared: record what "
                        "happened on its delivery page, or move or cancel it there."))
        elif late:
            # the delivery's own words already say its state ("Running since 16 July 2026"):
            # said again, the line read twice; the Needs table shows ``state``
            out[c.cohort_id] = dataclasses.replace(
                d, state=states[late] % {"month": wording.month_label(month)},
                words=d.words + " " + _("Not recorded as done: record what happened on its "
                                        "delivery page."))
    return out


def _record_url(user, engagement) -> str:
    """Where ``user`` records the delivery of an approved plan's course: the engagement's
    deliveries page (delivery, a package above planning, names it), for those who manage
    the engagement; "" for others, and without it."""
    if not scoping.can_manage_engagement(user, engagement):
        return ""
    try:
        return reverse("deliveries-engagement", args=[engagement.slug])
    except NoReverseMatch:
        return ""


@require_GET
@login_required
def plan_page(request, slug):
    engagement = get_engagement(request, slug)
    narrowed = narrowed_orgs(request.user, engagement)
    if narrowed is not None:  # a viewer of one organisation reads its plan only
        org = engagement.organisations.filter(pk__in=narrowed).order_by("name").first()
        if org is None:
            raise Http404
        return redirect("plan-organisation", slug=engagement.slug, org=org.uuid)
    plan = get_plan(request, engagement)
    context = _plan_context(request, engagement, plan)
    check = getattr(scoping, "can_edit_catalogue", lambda u: scoping.scope_of(u).is_admin)
    context["can_edit_catalogue"] = check(request.user)
    return render(request, "planning/plan.html", context)


@require_GET
@login_required
def organisation_page(request, slug, org):
    engagement = get_engagement(request, slug)
    organisation = get_object_or_404(engagement.organisations, uuid=org)
    narrowed = narrowed_orgs(request.user, engagement)
    if narrowed is not None and organisation.pk not in narrowed:
        raise Http404
    plan = get_plan(request, engagement)
    if plan is not None and not any(o["org_id"] == str(organisation.uuid)
                                    for o in plan.data.get("organisations", ())):
        # not in this version: say why, rather than "no gaps" and documents it cannot have
        return render(request, "planning/organisation_absent.html", {
            "engagement": engagement, "organisation": organisation, "plan": plan,
            "why": _absent_reason(engagement, organisation)})
    context = _plan_context(request, engagement, plan, str(organisation.uuid))
    context["organisation"] = organisation
    return render(request, "planning/organisation.html", context)


ABSENT = {"validated": gettext_lazy("Its session was validated after this version of the plan "
                                    "was made: the next version will include it."),
          "submitted": gettext_lazy("Its session is awaiting validation by the coordinator."),
          "in_progress": gettext_lazy("Its session is under way."),
          "draft": gettext_lazy("Its session is scheduled and has not started."),
          "none": gettext_lazy("It has no session yet.")}


def _absent_reason(engagement, organisation) -> str:
    status = dict(coverage_of(engagement)).get(organisation.name, "none")
    return str(ABSENT.get(status, ABSENT["none"]))


@require_http_methods(["GET", "POST"])
@login_required
def settings_page(request, slug):
    engagement = get_engagement(request, slug)
    if not services.can_edit_plan(request.user, engagement):
        raise PermissionDenied(_("Only the engagement's coordinators and administrators "
                                 "change its plan settings."))
    settings = ensure_settings(engagement)
    form = SettingsForm(request.POST or None, instance=settings,
                        organisations=list(engagement.organisations.order_by("name")),
                        section_titles=reader_section_titles(engagement))
    if request.method == "POST" and form.is_valid():
        settings.refresh_from_db()
        services.save_settings(settings, request.user, form.changes())
        messages.success(request, _("Plan settings saved. Regenerate the plan to apply them."))
        return redirect("plan", slug=engagement.slug)
    return render(request, "planning/settings.html", {"engagement": engagement, "form": form})


@require_POST
@login_required
def generate(request, slug):
    engagement = get_engagement(request, slug)
    ensure_default_catalogue()
    try:
        before = services.latest_plan(engagement)
        plan = services.generate(engagement, request.user)
    except (CatalogueError, PlanInputError, services.PlanRefused) as exc:
        messages.error(request, str(exc))
        return redirect("plan", slug=engagement.slug)
    if before is not None and before.pk == plan.pk:
        messages.info(request, _("Nothing changed since version %(v)d.") % {"v": plan.version})
    else:
        messages.success(request, _("Plan version %(v)d generated.") % {"v": plan.version})
    later = services.later_round_words(plan)  # an earlier round's plan: as its page says
    if later:
        messages.warning(request, later)
    return redirect("plan", slug=engagement.slug)


@require_http_methods(["GET", "POST"])
@login_required
def approve(request, slug, version):
    """GET: what approving the version means, with a button that posts it; POST: approve."""
    engagement = get_engagement(request, slug)
    plan = get_object_or_404(Plan, engagement=engagement, version=version)
    if request.method == "GET":
        return confirm_approve(request, engagement, plan)
    try:
        # the draft the confirm page showed: one changed in place since is not approved
        services.approve(plan, request.user, seen=request.POST.get("seen") or None)
    except services.ApprovalStale as exc:  # the confirm page again, as the draft is now
        messages.error(request, str(exc))
        return confirm_approve(request, engagement, Plan.objects.get(pk=plan.pk))
    except services.PlanRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Plan version %(v)d approved; it is now read-only.")
                         % {"v": version})
    return redirect("plan", slug=engagement.slug)


def _approval_warnings(engagement, data, names: wording.Namer) -> list[str]:
    """What an approver should know before signing: organisations not in the plan yet, needs
    no course could hold, gaps an edit left without training."""
    out = []
    in_plan = {o.org_name for o in data.organisations}
    # every engaged organisation the plan leaves out, by how far its assessment got: it named
    # Kenya's ODPC (submitted) and not the eCitizen Directorate (its session in progress)
    left: dict[str, list[str]] = {}
    for name, status in coverage_of(engagement):
        if name not in in_plan and status != "validated":
            left.setdefault("in_progress" if status == "draft" else status, []).append(name)
    waiting = left.get("submitted", [])
    if waiting:
        out.append(ngettext("%(n)d organisation's session is awaiting your validation and is "
                            "not in this plan: %(names)s.",
                            "%(n)d organisations' sessions are awaiting your validation and "
                            "are not in this plan: %(names)s.", len(waiting))
                   % {"n": len(waiting), "names": localise.join(waiting)})
    running = left.get("in_progress", [])
    if running:
        out.append(ngettext("%(n)d organisation's session is not finished yet and is not in "
                            "this plan: %(names)s.",
                            "%(n)d organisations' sessions are not finished yet and are not "
                            "in this plan: %(names)s.", len(running))
                   % {"n": len(running), "names": localise.join(running)})
    unassessed = left.get("none", [])
    if unassessed:
        out.append(ngettext("%(n)d organisation of the engagement has no session yet and is "
                            "not in this plan: %(names)s.",
                            "%(n)d organisations of the engagement have no session yet and "
                            "are not in this plan: %(names)s.", len(unassessed))
                   % {"n": len(unassessed), "names": localise.join(unassessed)})
    if data.unfit:
        out.append(ngettext("%(n)d need could not be placed in a course; it is listed under "
                            "Findings with other ways to meet it.",
                            "%(n)d needs could not be placed in a course; they are listed "
                            "under Findings with other ways to meet them.", len(data.unfit))
                   % {"n": len(data.unfit)})
    dropped = [n for n in data.needs if n.status == "dropped"]
    if dropped:
        out.append(ngettext("%(n)d need was left out by an edit: %(names)s.",
                            "%(n)d needs were left out by edits: %(names)s.", len(dropped))
                   % {"n": len(dropped), "names": localise.join((
                       f"{names.org(n.org_id)} — {names.module(n.module_code)}"
                       for n in dropped), strong=True)})
    # an edit that conflicts is kept but did not apply: the version approved is without it
    # (Kenya's follow-up: the move of SVC-101 to February broke the days' limit, and the
    # approve screen said nothing of it)
    conflicts = [r for r in data.operations if r.status == edits.CONFLICT]
    if conflicts:
        stored = {e.op_id: e for e in PlanEdit.objects.filter(
            engagement=engagement, op_id__in=[r.op_id for r in conflicts])}
        said = []
        for result in conflicts:
            edit = stored.get(result.op_id)
            sentence = wording.edit_sentence(result.kind, edit.operation if edit else {},
                                             names)
            reason = wording.outcome_reason(result, names)
            said.append(_("%(edit)s (%(outcome)s: %(reason)s)") % {
                "edit": sentence, "reason": reason,
                "outcome": wording.status_word(wording.OPERATION_STATUS, result.status)}
                if reason else sentence)
        out.append(ngettext("%(n)d edit did not apply: %(edits)s.",
                            "%(n)d edits did not apply: %(edits)s.", len(conflicts))
                   % {"n": len(conflicts), "edits": localise.join(said, strong=True)})
    return out


def _kept_courses(data: PlanData) -> list[str]:
    """The courses under way or done that this version keeps from an earlier one, each
    with what its delivery is at: approving moves their deliveries to this version."""
    kept = sorted((c for c in data.cohorts if c.delivery), key=lambda c: (c.month or "",
                                                                         c.cohort_id))
    if not kept:
        return []
    states = {"in_progress": _("running since %(month)s"),
              "planned": _("being prepared for %(month)s"),
              "completed": _("completed in %(month)s")}
    late = {"not_run": _("Due %(month)s, not recorded as run"),
            "not_completed": _("Running since %(month)s, no completion recorded")}

    def state(c) -> str:
        month = {"month": wording.month_label(c.month) if c.month else "—"}
        overdue = wording.overdue(c.delivery, c.month)
        if overdue:  # its month is past and its delivery does not say it happened
            said = late[overdue] % month
            return said[:1].lower() + said[1:]
        return states.get(c.delivery, states["planned"]) % month

    courses = localise.join((_("%(module)s (%(state)s)") % {
        "module": c.module_code, "state": state(c)} for c in kept), strong=True)
    return [ngettext(
        "It keeps %(n)d course already under way or done, as it is, and links its delivery "
        "to this version: %(courses)s.",
        "It keeps %(n)d courses already under way or done, as they are, and links their "
        "deliveries to this version: %(courses)s.", len(kept))
        % {"n": len(kept), "courses": courses}]


def confirm_approve(request, engagement, plan: Plan):
    if not services.can_edit_plan(request.user, engagement):
        raise PermissionDenied(_("Only the engagement's coordinators and administrators "
                                 "approve its plan."))
    latest = services.latest_plan(engagement)
    data = plan.plan_data()
    blockers, warnings = [], []
    if plan.is_read_only:
        blockers.append(_("Version %(v)d is approved already.") % {"v": plan.version})
    elif latest is not None and latest.pk != plan.pk:
        blockers.append(_("Only the latest version can be approved: version %(latest)d is "
                          "newer.") % {"latest": latest.version})
    else:
        # what changed, as the plan page lists it (services.evidence_changes), not only
        # that something did
        fresh = services.freshness(plan)
        if fresh.changed and fresh.changes:
            warnings.append(_("The evidence changed since this version was generated: "
                              "%(changes)s. Approving it leaves that out. Regenerate first "
                              "to include it.") % {"changes": localise.join(fresh.changes)})
        elif fresh.changed:
            warnings.append(_("Sessions were validated, or settings or edits changed, since "
                              "this version was generated: approving it leaves them out. "
                              "Regenerate first to include them."))
        warnings += _approval_warnings(engagement, data, wording.Namer(
            _catalogue_for_reader(plan), data, sections=reader_section_titles(engagement)))
    total = wording.money(data.budget.total_cents, data.currency)
    # as the page and the documents count them; those whose month has passed with no
    # delivery recording them as run are said as what they are, as the page and the
    # documents say them ("Due September 2026, not recorded as run")
    # counted as the documents count them: the courses' cohorts, the coaching and other
    # interventions apart, one per organisation (it said "8 cohorts scheduled" where the
    # brief said 3 courses in 3 cohorts and 5 coaching assignments)
    catalogue = _catalogue_for_reader(plan)
    classes, interventions = pages.course_counts(data, catalogue)
    records = delivered.for_plan(request.user, plan)  # what a delivery records, if any
    # "of which N are due" is a part of the cohorts counted, so the courses' cohorts only:
    # it counted the coaching too ("3 cohorts scheduled, of which 5 are due")
    late = [c for c in pages.scheduled_courses(data, catalogue)
            if _not_run(c, records.get(c.cohort_id))]
    scheduled = ngettext("%(n)d cohort scheduled", "%(n)d cohorts scheduled", classes
                         ) % {"n": classes}
    coaching = ngettext(
        "%(n)d coaching or other intervention", "%(n)d coaching and other interventions",
        interventions) % {"n": interventions} if interventions else ""
    if late:
        scheduled += ngettext(", of which %(n)d is due and not recorded as run",
                              ", of which %(n)d are due and not recorded as run",
                              len(late)) % {"n": len(late)}
    facts = [" · ".join([
        ngettext("%(n)d organisation", "%(n)d organisations", len(data.organisations))
        % {"n": len(data.organisations)}, scheduled, *([coaching] if coaching else []),
        _("budget %(total)s") % {"total": total}])]
    context = {
        "engagement": engagement,
        "question": _("Approve version %(v)d of the training plan?") % {"v": plan.version},
        "crumbs": [(reverse("home"), _("Engagements")),
                   (reverse("engagement", args=[engagement.slug]), engagement.local_name),
                   (reverse("plan", args=[engagement.slug]), _("Training plan"))],
        "facts": facts, "blockers": blockers, "warnings": warnings,
        "consequences": [
            _("This version becomes read-only: its documents always say what was approved."),
            _("Later changes need a new draft made from it; the approved version stays as "
              "it is."),
            *_kept_courses(data),
        ],
        "confirm_label": _("Approve version %(v)d") % {"v": plan.version},
        "action_url": reverse("plan-approve", args=[engagement.slug, plan.version]),
        # what this page showed: approving a draft changed since (an edit in another tab)
        # is refused and this page shown again (services.ApprovalStale)
        "hidden": [("seen", plan.checksum)],
        "cancel_url": reverse("plan", args=[engagement.slug]) + f"?v={plan.version}",
    }
    return render(request, "govcap/confirm.html", context)


def _operation(kind: str, data: dict, plan: PlanData) -> edits.Operation:
    """The edit asked for; a course is named by its organisations in ``plan`` (the version
    the coordinator sees), so the edit keeps hitting that course when others renumber."""
    op_id = data["op_id"]
    org_module = (data.get("need") or "|").split("|", 1)
    if kind == "move-cohort":
        return edits.move_cohort(plan, data["cohort"], data["month"], op_id)
    if kind == "drop-module":
        return edits.DropModule(op_id, *org_module)
    if kind == "add-module":
        return edits.AddModule(op_id, data["organisation"], data["module"])
    if kind == "move-member":
        return edits.move_member(plan, org_module[0], org_module[1], data["cohort"], op_id)
    if kind == "lock-cohort":
        return edits.lock_cohort(plan, data["cohort"], op_id)
    raise ValueError(kind)


def _course_changed(kind: str, posted, plan: Plan, current: PlanData) -> str:
    """Why an edit of a course cannot be saved as posted ("" when it can). A course is
    named by its number, which another tab's (or coordinator's) edit or a regeneration
    may have given to another course since the page was opened: the form says which
    organisations were in it, and the edit goes to the course that has them now
    (``posted["cohort"]`` set to its number), or is refused when none has."""
    if kind in ("move-cohort", "lock-cohort") and posted.get("members"):
        members = tuple(m for m in posted["members"].split(",") if m)
        found = edits.find_cohort({c.cohort_id: c for c in current.cohorts},
                                  posted.get("cohort", ""), members)
        if found is None:
            return _("Not saved: the plan changed since this page was opened, and that "
                     "course is no longer in it. Here is the plan as it is now.")
        posted["cohort"] = found.cohort_id
    elif kind == "move-member" and posted.get("seen", plan.checksum) != plan.checksum:
        return _("Not saved: the plan changed since this page was opened, and its courses "
                 "may have been regrouped. Here is the plan as it is now: choose the "
                 "course again.")
    return ""


def _when_saved(edit: PlanEdit, names: wording.Namer) -> str:
    """What the edit did besides itself when it was saved, as the Edits list keeps it: the
    teaching order it reversed, then the other courses it moved (the list kept only "This
    also moved: …" and lost that the move put a 102 before its 101). Said only while the
    edit still does what it did then: one whose outcome became "Nothing to change" (a later
    move of the same course) still said "This also moved: POL-901 …"."""
    if edit.last_status != "applied":
        return ""
    turned = [OutOfOrder(**o) for o in edit.reversed_order or ()]
    return " ".join(filter(None, [*wording.reversed_order(turned, names),
                                  wording.moved_others(edit.moved_others, names)]))


def _outcome(edit: PlanEdit, unplaced: set[tuple[str, str]]) -> str:
    """An edit's outcome in words; an added course no cohort holds is done, not placed."""
    op = edit.operation
    if (edit.kind == "add-module" and edit.last_status == "applied"
            and (op.get("org_id"), op.get("module_code")) in unplaced):
        return _("Done, but not placed in a course (see Findings)")
    return str(wording.status_word(wording.OPERATION_STATUS, edit.last_status))


def _why(edit: PlanEdit, results: dict[str, OperationResult], names: wording.Namer) -> str:
    """Why a kept edit does not apply in the version shown ("" when it does)."""
    result = results.get(edit.op_id)
    if edit.withdrawn or result is None or result.status != edit.last_status:
        return ""
    return wording.outcome_reason(result, names)


def _numbered(engagement, results: list[OperationResult], before: PlanData, catalogue
              ) -> list[tuple[int | None, str, OperationResult]]:
    """Earlier edits' results with their number in the Edits list and what they asked."""
    stored = {e.op_id: e for e in PlanEdit.objects.filter(
        engagement=engagement, op_id__in=[r.op_id for r in results])}
    names = wording.Namer(catalogue, before)
    return [(stored[r.op_id].seq if r.op_id in stored else None,
             wording.edit_sentence(r.kind, stored[r.op_id].operation if r.op_id in stored
                                   else {}, names), r) for r in results]


def _refusal(engagement, refused: services.EditRefused, catalogue) -> str:
    """An edit not saved because it would break earlier ones: which, and the rule each
    would break, in the reader's words."""
    names = wording.Namer(catalogue, refused.before)
    sentence = wording.edit_sentence(edits.kind_of(refused.operation),
                                     edits.operation_to_dict(refused.operation), names)
    return wording.refused_edit(
        sentence, _numbered(engagement, refused.broken, refused.before, catalogue), names)


def _saved_not_applied(saved: PlanEdit, sentence: str, after: PlanData,
                       names: wording.Namer) -> str:
    """A saved edit that does not apply yet, with why (the rule and its numbers)."""
    outcome = wording.status_word(wording.OPERATION_STATUS, saved.last_status)
    result = next((r for r in after.operations if r.op_id == saved.op_id), None)
    reason = wording.outcome_reason(result, names) if result is not None else ""
    if not reason:
        return _("Saved, but it changed nothing yet (%(outcome)s): %(edit)s.") % {
            "edit": sentence, "outcome": outcome}
    return _("Saved, but it changed nothing yet: %(edit)s. %(outcome)s: %(reason)s.") % {
        "edit": sentence, "outcome": outcome, "reason": reason}


def _said_of_added(data: PlanData, operation, catalogue, names: wording.Namer) -> list[str]:
    """What the coordinator should know of a course they added: not placed in a course (with
    the reason: one organisation alone rarely fills a course), added where the organisation
    has no gap, or planned without its prerequisite because the plan counts that as done
    (its level shown, or had in an earlier round: the rule of needs.close_prerequisites).
    Kenya's follow-up: PRJ-201 was added for the Kenya Revenue Authority, at its target on
    that section, and planned without PRJ-101, all with a bare "Saved"."""
    out = []
    org, code = operation.org_id, operation.module_code
    unfit = next((u for u in data.unfit if u.org_id == org and u.module_code == code), None)
    if unfit is not None:
        out.append(_("%(module)s is in the plan for %(org)s but not placed in a course: "
                     "%(reason)s") % {"module": names.module(code), "org": names.org(org),
                                      "reason": wording.unfit_reason(unfit, data, names)})
    module = catalogue.by_code.get(code)
    need = next((n for n in data.needs if n.org_id == org and n.module_code == code
                 and n.status != DROPPED), None)
    if module is None or need is None or need.origin != "added":
        return out
    standing = {s.section_key: s for s in data.sections if s.org_id == org}
    if module.sections and all(getattr(standing.get(k), "status", "") == "at-target"
                               for k in module.sections):
        out.append(_("%(org)s is already at its target on %(sections)s, which %(module)s "
                     "serves: it has no gap there. The course is added as you asked; "
                     "withdraw the edit if that was not meant.") % {
            "org": names.org(org), "module": names.module(code),
            "sections": localise.join(names.section(k) for k in module.sections)})
    planned = {n.module_code for n in data.needs if n.org_id == org and n.status != DROPPED}
    for pre in module.prerequisites:
        first = catalogue.by_code.get(pre)
        if pre in planned or first is None:
            continue
        rated = [standing[k] for k in first.sections
                 if k in standing and standing[k].current is not None]
        said = {"module": names.module(code), "prerequisite": names.module(pre),
                "org": names.org(org)}
        if rated and len(rated) == len(first.sections):
            levels = localise.join(_("%(level)s on %(section)s") % {
                "level": wording.level_word(s.current.key if s.current else None),
                "section": names.section(s.section_key)} for s in rated)
            out.append(_("%(module)s requires %(prerequisite)s, which is not planned for "
                         "%(org)s: the plan counts it as done because %(org)s is already "
                         "rated %(levels)s, at or above the level %(prerequisite)s brings. If "
                         "%(org)s has not taken it, add %(prerequisite)s too.")
                       % {**said, "levels": levels})
        else:  # had in an earlier round (needs.close_prerequisites)
            out.append(_("%(module)s requires %(prerequisite)s, which is not planned for "
                         "%(org)s: the plan counts it as done because %(org)s had it in an "
                         "earlier round.") % said)
    return out


def _edit_sentences(stored, namer) -> dict[int, str]:
    """Each stored edit in words, a "Plan X instead" and the removal saved with it said as
    one action: the Edits list showed "Add POL-901 for the Ministry of Health" and, apart,
    "Remove POL-103 for the Ministry of Health" for one click of the coordinator."""
    by_op = {e.op_id: e for e in stored}
    pairs = {}
    for e in stored:
        drop = by_op.get(replaces_op_id(e.op_id)) if e.kind == "add-module" else None
        if drop is not None and drop.kind == "drop-module":
            pairs[e.pk], pairs[drop.pk] = drop, e
    out = {}
    for e in stored:
        other = pairs.get(e.pk)
        if other is None:
            out[e.pk] = wording.edit_sentence(e.kind, e.operation, namer)
        elif e.kind == "add-module":
            out[e.pk] = _("Plan %(module)s instead of %(replaced)s for %(org)s") % {
                "module": namer.module(e.operation.get("module_code")),
                "replaced": namer.module(other.operation.get("module_code")),
                "org": namer.org(e.operation.get("org_id") or "")}
        else:
            out[e.pk] = _("%(edit)s (saved with edit %(n)d, planned instead)") % {
                "edit": wording.edit_sentence(e.kind, e.operation, namer), "n": other.seq}
    return out


def _replace(engagement, request, kind: str, saved, before) -> PlanEdit | None:
    """After "Plan coaching instead" (an add-module edit carrying ``replaces``, the need no
    cohort could hold): leave that need out, as a second edit of its own, so each stays
    visible and can be withdrawn. Its op ID derives from the first's: a resent form
    changes nothing."""
    replaces = request.POST.get("replaces", "")
    if kind != "add-module" or saved.last_status != "applied" or "|" not in replaces:
        return None
    org_id, code = replaces.split("|", 1)
    if not any(n.org_id == org_id and n.module_code == code and n.status != "dropped"
               for n in before.needs):
        return None
    op_id = replaces_op_id(saved.operation["op_id"])
    return services.add_edit(engagement, request.user, edits.DropModule(op_id, org_id, code))


def _move_preview(request, engagement, plan: Plan, posted, data: dict):
    """The confirm step of a move: what else it moves (a later course that must follow it,
    one the load limit displaces), from the replay that saves it (``services.preview_edit``),
    nothing stored. A page without JavaScript; with htmx the same section, under the form.
    Its Confirm posts the move with the plan it was computed on: a plan changed since is
    refused (``services.PlanStale``)."""
    before = plan.plan_data()
    catalogue = _catalogue_for_reader(plan)
    names = wording.Namer(catalogue, before)
    blockers, warnings, moved, sentence, seen = [], [], [], "", ""
    try:
        operation = _operation("move-cohort", data, before)
        sentence = wording.edit_sentence("move-cohort", edits.operation_to_dict(operation),
                                         names)
        preview = services.preview_edit(engagement, request.user, operation)
    except (services.PlanRefused, PlanInputError, KeyError) as exc:
        blockers.append(str(exc))
    else:
        seen = preview.seen
        moved = wording.also_moves(preview.moved, names)
        if preview.broken:
            blockers.append(_refusal(engagement, services.EditRefused(
                operation, preview.broken, preview.held), catalogue))
        result = preview.result
        if result is not None and result.status != "applied":
            reason = wording.outcome_reason(result, names)
            warnings.append(" ".join(filter(None, [
                _("This move would change nothing yet (%(outcome)s).") % {
                    "outcome": wording.status_word(wording.OPERATION_STATUS, result.status)},
                reason])))
        after_names = wording.Namer(catalogue, preview.after, before)
        was = set(reversed_order(before, catalogue))
        warnings += wording.reversed_order(
            [o for o in reversed_order(preview.after, catalogue) if o not in was], after_names)
        was = set(out_of_order(before, catalogue))
        warnings += wording.out_of_order(
            [o for o in out_of_order(preview.after, catalogue) if o not in was], after_names)
    plan_url = reverse("plan", args=[engagement.slug])
    context = {
        "engagement": engagement, "sentence": sentence, "moved": moved,
        "blockers": blockers, "warnings": warnings,
        "crumbs": [(reverse("home"), _("Engagements")),
                   (reverse("engagement", args=[engagement.slug]), engagement.local_name),
                   (plan_url, _("Training plan"))],
        "action_url": reverse("plan-edit", args=[engagement.slug, "move-cohort"]),
        "hidden": [("op_id", data["op_id"]), ("cohort", posted.get("cohort", "")),
                   ("members", posted.get("members", "")), ("month", data.get("month", "")),
                   ("part", "cohorts"), ("seen", seen)],
        "cancel_url": plan_url + "#cohorts",
    }
    template = "planning/move_preview.html"
    return render(request, template + "#preview" if request.htmx else template, context)


_REQUIRED = {"move-cohort": ("cohort", "month"), "drop-module": ("need",),
             "add-module": ("organisation", "module"), "move-member": ("need", "cohort"),
             "lock-cohort": ("cohort",)}


@require_POST
@login_required
def edit(request, slug, kind):
    engagement = get_engagement(request, slug)
    if kind not in EDIT_KINDS:
        raise Http404
    if not services.can_edit_plan(request.user, engagement):
        raise PermissionDenied(_("Only the engagement's coordinators and administrators "
                                 "change its plan."))
    plan = services.latest_plan(engagement)
    if plan is None:
        messages.error(request, _("Generate the plan first."))
        return redirect("plan", slug=engagement.slug)
    before = plan.plan_data()
    posted = request.POST.copy()
    changed = _course_changed(kind, posted, plan, before)
    if changed:
        messages.error(request, changed)
        return redirect(reverse("plan", args=[engagement.slug]) + "#cohorts")
    form = EditForm(posted, choices=pages.edit_choices(before, _catalogue_for_reader(plan)))
    missing = [] if not form.is_valid() else [f for f in _REQUIRED[kind]
                                               if not form.cleaned_data.get(f)]
    part = request.POST.get("part") if request.POST.get("part") in PARTS else "edits"
    back = reverse("plan", args=[engagement.slug]) + "#" + part
    if not form.is_valid() or missing:
        labels = [str(form.fields[f].label) for f in (missing or form.errors)
                  if f in form.fields]
        messages.error(request, _("The edit was not saved: choose %(fields)s from the lists.")
                       % {"fields": localise.join(labels) or _("a value")})
        return redirect(back)
    data = form.cleaned_data
    if kind == "move-cohort" and request.POST.get("preview"):  # nothing saved: the confirm step
        return _move_preview(request, engagement, plan, posted, data)
    try:
        operation = _operation(kind, data, before)
        replaced = None
        with transaction.atomic():  # the intervention and the need it replaces, or neither
            try:
                saved = services.add_edit(engagement, request.user, operation,
                                          seen=request.POST.get("seen") or None)
            except services.EditRefused as exc:  # caught in here: its audit record is kept
                refused: services.EditRefused | None = exc
            else:
                refused = None
                replaced = _replace(engagement, request, kind, saved, before)
    except services.PlanStale as exc:  # confirmed from a preview of an older plan: shown again
        messages.error(request, " ".join([str(exc), _(
            "Here is what it does now: confirm it again, or cancel.")]))
        return _move_preview(request, engagement, plan, posted, data)
    except (services.PlanRefused, PlanInputError, KeyError) as exc:
        messages.error(request, str(exc))
        return redirect(back)
    catalogue = _catalogue_for_reader(plan)
    # An edit that is refused or does not hold opens the page at the message saying why,
    # not at the part it came from, where the message would be out of sight.
    why = reverse("plan", args=[engagement.slug]) + "#messages"
    if refused is not None:
        messages.error(request, _refusal(engagement, refused, catalogue))
        return redirect(why)
    names = wording.Namer(catalogue, before)
    sentence = wording.edit_sentence(saved.kind, saved.operation, names)
    # Other courses the recomputed schedule moved: said, with how to keep a course's month.
    moved = wording.moved_others(saved.moved_others, names)
    if replaced is not None:  # an intervention planned instead of a course no cohort holds
        sentence = _edit_sentences([saved, replaced], names)[saved.pk]  # as the Edits list
    after = services.latest_plan(engagement)
    after_data = after.plan_data() if after is not None else before
    # said in this order; a warning opens the page at the messages (#messages), the saved
    # message alone is said inside the part the page opens at: at the top of the page it
    # was out of sight ("Saved… This also moved: …" above the Courses part it jumped to)
    said: list[tuple[int, str]] = []
    if saved.last_status == "applied":
        said.append((messages.SUCCESS, " ".join(filter(None, [
            _("Saved: %(edit)s.") % {"edit": sentence}, moved]))))
    else:
        said.append((messages.WARNING, " ".join(filter(None, [
            _saved_not_applied(saved, sentence, after_data, names), moved]))))
        back = why
    turned = [r for r in edits_turned(before, after_data) if r.op_id != saved.op_id]
    if turned:
        said.append((messages.WARNING, wording.turned_edits(
            _numbered(engagement, turned, before, catalogue), names)))
        back = why
    if isinstance(operation, edits.AddModule):
        added = _said_of_added(after_data, operation, catalogue, wording.Namer(
            catalogue, after_data, sections=reader_section_titles(engagement)))
        said += [(messages.WARNING, line) for line in added]
        back = why if added else back
    was = set(out_of_order(before, catalogue))
    early = [o for o in out_of_order(after_data, catalogue) if o not in was]
    if early:  # kept, and said plainly: the coordinator decides
        said.append((messages.WARNING, " ".join([
            *wording.out_of_order(early, wording.Namer(catalogue, after_data, before)),
            _("The edit is kept; move one of these courses if the earlier one must come "
              "first.")])))
        back = why
    if isinstance(operation, edits.MoveCohort):  # a 102 before its 101: said at the move
        was_reversed = set(reversed_order(before, catalogue))
        turned_round = [o for o in reversed_order(after_data, catalogue)
                        if o not in was_reversed]
        if turned_round:
            said.append((messages.WARNING, " ".join(wording.reversed_order(
                turned_round, wording.Namer(catalogue, after_data, before)))))
            back = why
            # kept with the edit: the Edits list says it later, with what else it moved
            saved.reversed_order = [dataclasses.asdict(o) for o in turned_round]
            saved.save(update_fields=["reversed_order"])
    edited = {getattr(operation, "org_id", None)}
    for broken in left_without_cohort(before, after_data):
        others = [name for name in broken.org_names
                  if name not in {o.org_name for o in before.organisations if o.org_id in edited}]
        if others:
            said.append((messages.WARNING, _(
                "This edit broke up the shared course %(cohort)s. Left without a course of "
                "%(module)s: %(orgs)s; their needs are now listed as not placed.")
                % {"cohort": names.cohort(broken.cohort_id), "orgs": localise.join(others),
                   "module": names.module(broken.module_code)}))
            back = why
    here = "" if back == why else f"saved-in-{part}"  # see planning/_saved_here.html
    for level, line in said:
        messages.add_message(request, level, line,
                             extra_tags=here if level == messages.SUCCESS else "")
    return redirect(back)


@require_POST
@login_required
def withdraw(request, slug, uuid):
    engagement = get_engagement(request, slug)
    edit_row = get_object_or_404(PlanEdit, engagement=engagement, uuid=uuid)
    plan = services.latest_plan(engagement)
    try:
        services.withdraw_edit(edit_row, request.user)
    except services.PlanRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Edit withdrawn; the draft was regenerated without it."))
        after = services.latest_plan(engagement)
        if plan is not None and after is not None:  # later edits that stop applying: said
            before, catalogue = plan.plan_data(), _catalogue_for_reader(plan)
            turned = edits_turned(before, after.plan_data())
            if turned:
                messages.warning(request, wording.turned_edits(
                    _numbered(engagement, turned, before, catalogue),
                    wording.Namer(catalogue, before)))
    return redirect(reverse("plan", args=[engagement.slug]) + "#edits")
