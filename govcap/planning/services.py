"""Plan versions: generate, regenerate, edit, approve — every write scoped and audited.

* ``generate`` stores a new draft version (the previous version's diff attached) from the
  current validated sessions, settings and stored edits.
* An edit is stored as an operation (``PlanEdit``), then the current draft is refreshed in
  place: edits never touch plan output directly, they are replayed on every generation,
  and each edit keeps the outcome of its last replay (applied, noop, missing, conflict).
  An edit that would make an earlier one break a rule is refused (and the refusal
  audited): an edit that held does not turn into a conflict behind the coordinator's back.
* ``approve`` freezes the latest draft; an approved version never changes, and a new draft
  version can be generated from it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from govcap.accounts import audit, scoping
from govcap.planning import committed as committed_courses
from govcap.planning import rounds_words, wording
from govcap.planning.core import blackouts
from govcap.planning.core.diff import diff_plans, edits_turned, moved_by_change
from govcap.planning.core.edits import CONFLICT, Operation, kind_of, operation_to_dict
from govcap.planning.core.generate import generate_plan
from govcap.planning.core.inputs import PlanInputError
from govcap.planning.core.plan import OperationResult, PlanData, canonical_json, plain
from govcap.planning.core.validation import CatalogueError
from govcap.planning.inputs_db import (
    Inputs,
    ensure_settings,
    gather,
    later_round,
    later_round_label,
    plan_date,
    previous_round,
)
from govcap.planning.models import Plan, PlanEdit, PlanSettings


class PlanRefused(Exception):
    """A plan action that cannot be done now; the message says why, in the user's words."""


class PlanStale(PlanRefused):
    """An edit confirmed from a preview of a plan that changed since (another edit, a
    regeneration, a session validated): what the edit moves may differ from what was shown."""


class EditRefused(PlanRefused):
    """An edit not saved because earlier edits would no longer hold: ``broken`` is their
    result in the plan the edit would have made (each with its rule and numbers),
    ``before`` the plan they held in."""

    def __init__(self, operation: Operation, broken: list[OperationResult],
                 before: PlanData) -> None:
        super().__init__(_("This edit would break an edit made before it."))
        self.operation, self.broken, self.before = operation, broken, before


def can_edit_plan(user, engagement) -> bool:
    """Coordinators of the engagement and administrators edit; others only read.

    Asks ``scoping.can_edit_plan`` (the one place for permissions) where it exists.
    """
    check = getattr(scoping, "can_edit_plan", scoping.can_manage_engagement)
    return bool(check(user, engagement))


def _require(user, engagement) -> None:
    """``user`` None is the command line: its operator already holds the database."""
    if user is not None and not can_edit_plan(user, engagement):
        raise PermissionDenied(_("Only the engagement's coordinators and administrators "
                                 "change its plan."))


def latest_plan(engagement) -> Plan | None:
    return Plan.objects.filter(engagement=engagement).order_by("-version").first()


@dataclass(frozen=True)
class SessionInPlan:
    """Where a validated session stands with its engagement's current plan version."""

    plan: Plan | None
    used: bool  # the current version reads this session's ratings
    waiting: bool  # validated after that version was generated: regenerating would read it


def version_states(versions: list[Plan]) -> dict[int, str]:
    """Plan pk → "in-force" (the newest approved version), "current" (the newest version,
    when it is not that one) or "superseded". ``versions`` newest first."""
    in_force = next((p for p in versions if p.status == Plan.Status.APPROVED), None)
    return {p.pk: "in-force" if p is in_force else "current" if p is versions[0]
            else "superseded" for p in versions}


def replaced_by(plan: Plan) -> Plan | None:
    """The version that supersedes ``plan`` (see ``version_states``): the approved version in
    force when it is newer, else the newest version; None while ``plan`` is not superseded."""
    versions = list(Plan.objects.filter(engagement_id=plan.engagement_id).order_by("-version"))
    if version_states(versions).get(plan.pk) != "superseded":
        return None
    in_force = next((p for p in versions if p.status == Plan.Status.APPROVED), None)
    return in_force if in_force is not None and in_force.version > plan.version else versions[0]


def session_in_plan(session) -> SessionInPlan:
    plan = latest_plan(session.engagement)
    if plan is None:
        return SessionInPlan(None, False, True)
    used = any(o.get("session_id") == str(session.uuid)
               for o in plan.data.get("organisations", []))
    waiting = not used and session.validated_at is not None and (
        session.validated_at > plan.updated_at)
    return SessionInPlan(plan, used, waiting)


def current_checksum(engagement, day: dt.date | None = None) -> str:
    """The checksum of the engagement's inputs now, the courses under way included: a plan
    version stored with another is out of date. ``day``: the plan's date they are read
    for (today when None)."""
    return committed_courses.checksum(gather(engagement, day).checksum,
                                      committed_courses.of(engagement))


def inputs_changed(plan: Plan) -> bool:
    """Whether sessions, settings, edits or the catalogue changed since ``plan`` was
    generated (or, for a draft, the courses under way: the next draft keeps them). A draft is
    read for today (a draft whose first month has passed is out of date). An approved
    version is read for its own date, with the courses it kept as they were then: the months
    passing since, and its own courses being delivered, leave it as it was approved."""
    return freshness(plan).changed


@dataclass(frozen=True)
class Freshness:
    """Whether a version's inputs changed since it was generated, and what changed in
    words ("2 sessions validated", "1 quote made shareable"): empty when the version was
    stored before its inputs were kept item by item, or only the courses it kept moved."""

    changed: bool
    changes: tuple[str, ...] = ()


def freshness(plan: Plan) -> Freshness:
    """``inputs_changed``, with what changed: the inputs read now (one ``gather``, as
    before) compared with those stored with the version (``Plan.inputs_manifest``)."""
    engagement = plan.engagement
    made = (plan.data.get("settings", {}).get("constraints", {}).get("plan_date")
            if plan.is_read_only else None)
    try:
        day = dt.date.fromisoformat(made) if made else None
        inputs = gather(engagement, day)
        base = inputs.checksum
        now = committed_courses.of(engagement)
    except (ValueError, CatalogueError, PlanInputError):
        return Freshness(True)
    if plan.inputs_checksum in (committed_courses.checksum(base, now),
                                committed_courses.checksum(base, now, legacy=True)):
        return Freshness(False)  # (legacy: a version stored before the courses' version was left out)
    if plan.is_read_only:
        # the courses under way it kept, as its data says they were when it was generated
        kept = {c["cohort_id"]: c for c in plan.data.get("cohorts", ()) if c.get("delivery")}
        then = tuple(replace(c, status=kept[c.cohort_id]["delivery"],
                             plan_version=kept[c.cohort_id].get("carried_from")
                             or c.plan_version)
                     for c in now if c.cohort_id in kept)
        if plan.inputs_checksum in (committed_courses.checksum(base, then),
                                    committed_courses.checksum(base, then, legacy=True)):
            return Freshness(False)
    current = {**inputs.manifest, "committed": _committed_manifest(now)}
    return Freshness(True, evidence_changes(plan.inputs_manifest, current,
                                            with_committed=not plan.is_read_only))


def _committed_manifest(committed) -> list[str]:
    return sorted(hashlib.sha256(canonical_json(
        {k: v for k, v in plain(c).items() if k != "plan_version"}).encode()
    ).hexdigest()[:16] for c in committed)


def _moved(before: list[str], after: list[str]) -> int:
    """How many items of a list of hashes are new or changed (or gone, when more are)."""
    return max(len(set(after) - set(before)), len(set(before) - set(after)))


# What changed since a version was generated, counted (evidence_changes)
EVIDENCE_CHANGES = {
    "validated": ngettext_lazy("%(n)d session validated", "%(n)d sessions validated", "n"),
    "unvalidated": ngettext_lazy("%(n)d session no longer validated",
                                 "%(n)d sessions no longer validated", "n"),
    "levels": ngettext_lazy("%(n)d level or confidence changed",
                            "%(n)d levels or confidences changed", "n"),
    "notes": ngettext_lazy("%(n)d section's shareable notes changed",
                           "%(n)d sections' shareable notes changed", "n"),
    "quotes_shared": ngettext_lazy("%(n)d quote made shareable",
                                   "%(n)d quotes made shareable", "n"),
    "quotes_withdrawn": ngettext_lazy("%(n)d quote no longer shareable",
                                      "%(n)d quotes no longer shareable", "n"),
    "deliveries": ngettext_lazy("%(n)d delivery of an earlier round recorded or changed",
                                "%(n)d deliveries of earlier rounds recorded or changed", "n"),
    "committed": ngettext_lazy("%(n)d course under way recorded or changed",
                               "%(n)d courses under way recorded or changed", "n"),
}


def evidence_changes(before: dict[str, Any] | None, now: dict[str, Any],
                     with_committed: bool = True) -> tuple[str, ...]:
    """What changed between two manifests (``inputs_db.manifest_of``), in words, in the
    active language; () when ``before`` is None (a version stored before manifests)."""
    if not before:
        return ()
    out: list[str] = []

    def count(n: int, key: str) -> None:
        if n:
            out.append(str(EVIDENCE_CHANGES[key] % {"n": n}))

    was, is_ = before.get("sessions", {}), now.get("sessions", {})
    newer = sum(1 for org, (sid, at) in is_.items()
                if org not in was or (sid != was[org][0] and at >= was[org][1]))
    older = sum(1 for org, (sid, at) in was.items()
                if org not in is_ or (sid != is_[org][0] and is_[org][1] < at))
    count(newer, "validated")
    count(older, "unvalidated")
    # levels, notes and quotes of the sessions it read still: a new session's are its own
    shared_orgs = {org for org in set(was) & set(is_) if was[org][0] == is_[org][0]}

    def same_org(key: str) -> bool:
        return key.split(":", 1)[0] in shared_orgs

    for name in ("levels", "notes"):
        a, b = before.get(name, {}), now.get(name, {})
        count(sum(1 for k in set(a) | set(b) if same_org(k) and a.get(k) != b.get(k)), name)
    quotes_then = [q for k, qs in before.get("quotes", {}).items() if same_org(k) for q in qs]
    quotes_now = [q for k, qs in now.get("quotes", {}).items() if same_org(k) for q in qs]
    count(len(set(quotes_now) - set(quotes_then)), "quotes_shared")
    count(len(set(quotes_then) - set(quotes_now)), "quotes_withdrawn")
    count(_moved(before.get("deliveries", []), now.get("deliveries", [])), "deliveries")
    if with_committed:
        count(_moved(before.get("committed", []), now.get("committed", [])), "committed")
    for key, words in (("catalogue", _("the training catalogue changed")),
                       ("rate_card", _("the rate card changed")),
                       ("settings", _("the targets or settings changed")),
                       ("operations", _("the edits changed")),
                       ("first_month", _("the plan's first month has passed")),
                       ("coverage", _("the organisations engaged or their sessions changed"))):
        # (a session validated moves the coverage too: said once, as the session)
        if before.get(key) != now.get(key) and not (key == "coverage" and (newer or older)):
            out.append(words)
    return tuple(out)


def compute(engagement, day: dt.date | None = None, extra: tuple[Operation, ...] = ()
            ) -> tuple[PlanData, Inputs]:
    """The plan of the engagement's inputs, dated ``day`` (today when None). ``extra``: edits
    replayed after the stored ones, as if stored (an edit's preview, nothing written)."""
    inputs = gather(engagement, day)
    if extra:
        inputs = replace(inputs, operations=inputs.operations + extra)
    committed = committed_courses.of(engagement)
    inputs = replace(inputs, checksum=committed_courses.checksum(inputs.checksum, committed),
                     manifest={**inputs.manifest, "committed": _committed_manifest(committed)})
    data = generate_plan(inputs.assessments, inputs.catalogue, inputs.targets,
                         inputs.constraints, inputs.operations, inputs.section_titles,
                         inputs.previous_courses, inputs.open_cohorts, committed)
    # Who was engaged and how far each got, kept with the version: its documents say it.
    before = previous_round(engagement)
    data = replace(data, extra={**data.extra, "coverage": [list(c) for c in inputs.coverage],
                                "previous_round": before.round_label if before else "",
                                # a later round reassesses it: its name (later_round_words)
                                "later_round": inputs.constraints.reassessed_by,
                                "gender_mix": inputs.gender_mix,
                                "women_target_percent": ensure_settings(engagement)
                                .women_target_percent})
    return data, inputs


def _record_outcomes(engagement, data: PlanData, version: int) -> None:
    outcomes = {r.op_id: r for r in data.operations}
    for edit in PlanEdit.objects.filter(engagement=engagement, withdrawn=False):
        result = outcomes.get(edit.op_id)
        status, message = (result.status, result.message) if result else ("", "")
        if (edit.last_status, edit.last_message, edit.last_plan_version) != (status, message,
                                                                            version):
            edit.last_status, edit.last_message, edit.last_plan_version = status, message, version
            edit.save(update_fields=["last_status", "last_message", "last_plan_version"])


def _fill(plan: Plan, data: PlanData, inputs: Inputs, previous: Plan | None) -> None:
    plan.data_json = data.to_json()
    plan.checksum = hashlib.sha256(plan.data_json.encode()).hexdigest()
    plan.inputs_checksum = inputs.checksum
    plan.inputs_manifest = inputs.manifest
    plan.catalogue = inputs.catalogue_row
    plan.diff = diff_plans(previous.data, data.to_dict()).to_dict() if previous else None
    plan.__dict__.pop("data", None)


def _lock(engagement) -> PlanSettings:
    ensure_settings(engagement)
    return PlanSettings.objects.select_for_update().get(engagement=engagement)


def generate(engagement, user, day: dt.date | None = None) -> Plan:
    """Store a new draft version; with an unchanged draft on top, return it unchanged.
    ``day``: the plan's date, today when None (the demo dates a past round's plan)."""
    _require(user, engagement)
    with transaction.atomic():
        _lock(engagement)
        previous = latest_plan(engagement)
        data, inputs = compute(engagement, day)
        if (previous is not None and previous.status == Plan.Status.DRAFT
                and previous.inputs_checksum == inputs.checksum
                and previous.data.get("extra", {}).get("later_round", "")
                == data.extra["later_round"]):  # a later round since: regenerated
            return previous
        version = (Plan.objects.filter(engagement=engagement).aggregate(v=Max("version"))["v"]
                   or 0) + 1
        plan = Plan(engagement=engagement, version=version, created_by=user,
                    based_on=previous)
        _fill(plan, data, inputs, previous)
        plan.save()
        _record_outcomes(engagement, data, version)
        audit.record(user, "plan-generate", plan, None, _summary(plan))
    return plan


def later_round_words(plan: Plan) -> str:
    """What a version of an earlier round plans once the next round of its country exists
    and reassesses it (the sentence the documents and the brief say too,
    `rounds_words.later_round_words`), the round named as pages name a round; "" when no
    later round reassesses it."""
    stored = plan.data.get("extra", {}).get("later_round", "")
    if not stored:
        return ""
    return rounds_words.later_round_words(plan.plan_data(),
                                          later_round_label(plan.engagement, stored))


def refresh_draft(engagement, user) -> Plan:
    """Regenerate the latest draft in place (after an edit); refused on an approved plan."""
    plan = latest_plan(engagement)
    if plan is None:
        raise PlanRefused(_("Generate the plan first."))
    if plan.is_read_only:
        raise PlanRefused(_("This plan version is approved and read-only; make a new draft "
                            "from it first."))
    data, inputs = compute(engagement)
    before = _summary(plan)
    previous = plan.based_on
    _fill(plan, data, inputs, previous)
    plan.save()
    _record_outcomes(engagement, data, plan.version)
    audit.record(user, "plan-refresh", plan, before, _summary(plan))
    return plan


class ApprovalStale(PlanRefused):
    """An approval confirmed from a page that showed the draft as it was before an edit or a
    refresh changed it in place: what would be approved is not what the approver saw."""


def approve(plan: Plan, user, seen: str | None = None) -> Plan:
    """Approve ``plan``. ``seen``: the checksum of the draft the confirm page showed; refused
    (:class:`ApprovalStale`) when the draft changed since (an edit in another tab, a
    refresh), so that what is signed is what was read."""
    _require(user, plan.engagement)
    with transaction.atomic():
        _lock(plan.engagement)
        plan = Plan.objects.get(pk=plan.pk)
        if plan.is_read_only:
            return plan
        latest = latest_plan(plan.engagement)  # not None: `plan` is one of them
        if latest is None or latest.pk != plan.pk:
            raise PlanRefused(_("Only the latest version can be approved."))
        if seen is not None and seen != plan.checksum:
            raise ApprovalStale(_(
                "Not approved: version %(v)d changed since its confirmation page was opened "
                "(an edit, perhaps in another tab). Here is the version as it is now: check "
                "it and approve it again.") % {"v": plan.version})
        first = plan.data["months"][0] if plan.data["months"] else None
        if plan.data.get("extra", {}).get("later_round"):
            # an earlier round's plan once the next round exists: its months are those of
            # the courses it keeps, under way or done; only a course planned afresh (a
            # version stored before it planned nothing new) must start after today
            first = min((c["month"] for c in plan.data.get("cohorts", ())
                         if c.get("month") and not c.get("delivery")), default=None)
        today = plan_date()
        if first is not None and first <= f"{today.year:04d}-{today.month:02d}":
            raise PlanRefused(_("This version's schedule starts in %(month)s, which has "
                                "begun; regenerate the plan so that no training is dated "
                                "before the plan, then approve it.") % {"month": first})
        overdue = _names_overdue(plan.data, today)
        if overdue is not None:
            month, due = overdue
            raise PlanRefused(_(
                "The names for the courses of %(month)s were due by %(date)s, which has "
                "passed: regenerate the plan so that every organisation has time to name its "
                "participants, then approve it.") % {
                    "month": wording.month_label(month), "date": wording.day_label(due)})
        plan.status, plan.approved_by, plan.approved_at = (Plan.Status.APPROVED, user,
                                                           timezone.now())
        plan.save(update_fields=["status", "approved_by", "approved_at", "updated_at"])
        audit.record(user, "plan-approve", plan, {"status": "draft"},
                     {"status": "approved", "version": plan.version, "checksum": plan.checksum})
        # the deliveries of the courses under way that this version keeps now belong to it
        committed_courses.carry_over(plan, user)
    return plan


def _names_overdue(data: dict[str, Any], today: dt.date) -> tuple[str, str] | None:
    """The first scheduled course month whose names were due before ``today``, with that
    day (ISO), or None: an approved plan must not ask for nominations already late."""
    made = data.get("settings", {}).get("constraints", {}).get("plan_date")
    if not made:
        return None
    # a course kept because it is under way or done has had its names
    months = sorted({c["month"] for c in data.get("cohorts", ())
                     if c.get("month") and not c.get("delivery")})
    blocks = data.get("month_blocks") or ()
    country = blackouts.country_of((data.get("budget") or {}).get("rate_card") or "",
                                   (r for b in blocks for r in b.get("reasons") or ()))
    for month in months:
        due = blackouts.names_due(dt.date.fromisoformat(made), month, country)
        if due < today:
            return month, due.isoformat()
    return None


def new_op_id() -> str:
    return uuid.uuid4().hex


def _with_current_inputs(engagement, plan: Plan, now: str | None = None) -> PlanData:
    """``plan``'s data, regenerated first if sessions, settings or edits changed since.
    ``now``: the inputs' checksum, when read already."""
    if (now or current_checksum(engagement)) == plan.inputs_checksum:
        return plan.plan_data()
    return compute(engagement)[0]


def plan_seen(plan: Plan, now: str) -> str:
    """What a preview of an edit was computed on: the version, its data and the inputs
    (``now``, their checksum: sessions, settings, edits). An edit confirmed with another
    is refused (:class:`PlanStale`): what it moves may no longer be what was shown."""
    return hashlib.sha256(f"{plan.pk}|{plan.checksum}|{now}".encode()).hexdigest()[:32]


def _moved_others(before: PlanData, after: PlanData, operation: Operation
                  ) -> list[dict[str, Any]]:
    """The other courses an edit moves (not the course a move moves), as the edit keeps
    them (``PlanEdit.moved_others``) and its preview shows them."""
    moved = moved_by_change(before, after, except_cohort=getattr(operation, "cohort_id", None)
                            if kind_of(operation) == "move-cohort" else None)
    return [{"module_code": m.module_code, "before": m.before, "after": m.after,
             "orgs": list(m.org_ids)} for m in moved]


def _editable(engagement, plan: Plan | None, operation: Operation) -> Plan:
    """The latest version, when ``operation`` may be made on it; else refused."""
    if plan is None:
        raise PlanRefused(_("Generate the plan first."))
    if plan.is_read_only:
        raise PlanRefused(_("This plan version is approved and read-only; make a new "
                            "draft from it first."))
    later = later_round(engagement)
    if later is not None and kind_of(operation) != "drop-module":
        raise PlanRefused(_(
            "%(round)s, the next assessment round, reassesses the organisations of this "
            "plan: this version plans nothing new, so no course is added or moved in "
            "it. Plan new training in that round's plan.") % {
                "round": later_round_label(engagement, later.name)})
    return plan


@dataclass(frozen=True)
class EditPreview:
    """What an edit would do, computed as :func:`add_edit` computes it, nothing written."""
    operation: Operation
    before: PlanData  # the version the coordinator sees
    after: PlanData  # the plan with the edit
    result: OperationResult | None  # the edit's own outcome in ``after``
    moved: list[dict[str, Any]]  # the other courses it moves (as ``PlanEdit.moved_others``)
    broken: list[OperationResult]  # earlier edits it would break: saving it is refused
    held: PlanData  # the edits made so far on today's inputs (what ``broken`` is read from)
    seen: str  # :func:`plan_seen`: confirming it on a plan changed since is refused


def preview_edit(engagement, user, operation: Operation) -> EditPreview:
    """What saving ``operation`` would do, from the same replay :func:`add_edit` makes (the
    stored edits, then this one, by :func:`compute`), with nothing stored: the other
    courses it moves, the earlier edits it would break."""
    _require(user, engagement)
    plan = _editable(engagement, latest_plan(engagement), operation)
    if PlanEdit.objects.filter(engagement=engagement, op_id=operation.op_id).exists():
        raise PlanRefused(_("This edit is saved already."))
    now = current_checksum(engagement)
    held = _with_current_inputs(engagement, plan, now)
    before = plan.plan_data()
    after = compute(engagement, extra=(operation,))[0]
    broken = [r for r in edits_turned(held, after) if r.status == CONFLICT]
    result = next((r for r in after.operations if r.op_id == operation.op_id), None)
    return EditPreview(operation, before, after, result, _moved_others(before, after, operation),
                       broken, held, plan_seen(plan, now))


def add_edit(engagement, user, operation: Operation, seen: str | None = None) -> PlanEdit:
    """Store an edit and refresh the draft. A retried op_id is applied once. Refused
    (:class:`EditRefused`, nothing stored but the refusal's audit record) when an earlier
    edit that holds would then conflict with a rule; refused (:class:`PlanStale`) when
    ``seen``, the plan its preview was made on (:func:`plan_seen`), is not the plan now."""
    _require(user, engagement)
    try:
        return _add_edit(engagement, user, operation, seen)
    except EditRefused as refused:
        audit.record(user, "plan-edit-refused", engagement, None, {
            "operation": operation_to_dict(operation),
            "would_break": [plain(r) for r in refused.broken]})
        raise


def _add_edit(engagement, user, operation: Operation, seen: str | None = None) -> PlanEdit:
    with transaction.atomic():
        _lock(engagement)
        existing = PlanEdit.objects.filter(engagement=engagement, op_id=operation.op_id).first()
        if existing is not None:
            return existing
        plan = _editable(engagement, latest_plan(engagement), operation)
        now = current_checksum(engagement)
        if seen is not None and seen != plan_seen(plan, now):
            raise PlanStale(_("Not saved: the plan changed since this preview was made (another "
                              "edit, a new version or a session validated), so the move may "
                              "now move other courses than those shown."))
        # What the edits made so far do on today's inputs, so that only this edit is blamed.
        held = _with_current_inputs(engagement, plan, now)
        before = plan.plan_data()
        seq = (PlanEdit.objects.filter(engagement=engagement).aggregate(s=Max("seq"))["s"]
               or 0) + 1
        edit = PlanEdit.objects.create(
            engagement=engagement, seq=seq, op_id=operation.op_id, kind=kind_of(operation),
            operation=operation_to_dict(operation), author=user)
        audit.record(user, "plan-edit", edit, None, edit.operation)
        after = refresh_draft(engagement, user).plan_data()
        broken = [r for r in edits_turned(held, after) if r.status == CONFLICT]
        if broken:  # leaving this block with it undoes the edit and the refresh
            raise EditRefused(operation, broken, held)
        edit.refresh_from_db()
        # The schedule is recomputed: other courses may change month. Kept with the edit so
        # the coordinator is told (and the Edits list still says it later).
        moved = _moved_others(before, after, operation)
        if moved:
            edit.moved_others = moved
            edit.save(update_fields=["moved_others"])
    return edit


def withdraw_edit(edit: PlanEdit, user) -> None:
    """Stop replaying an edit (kept, marked withdrawn) and refresh the draft."""
    _require(user, edit.engagement)
    with transaction.atomic():
        _lock(edit.engagement)
        plan = latest_plan(edit.engagement)
        if plan is not None and plan.is_read_only:
            raise PlanRefused(_("This plan version is approved and read-only; make a new "
                                "draft from it first."))
        edit.withdrawn = True
        edit.save(update_fields=["withdrawn"])
        audit.record(user, "plan-edit-withdraw", edit, {"withdrawn": False},
                     {"withdrawn": True})
        if plan is not None:
            refresh_draft(edit.engagement, user)


def save_settings(settings: PlanSettings, user, changes: dict[str, Any]) -> PlanSettings:
    _require(user, settings.engagement)
    with transaction.atomic():
        before = settings.as_dict()
        for name, value in changes.items():
            setattr(settings, name, value)
        settings.save()
        audit.record(user, "plan-settings", settings.engagement, before, settings.as_dict())
    return settings


def _summary(plan: Plan) -> dict[str, Any]:
    data = plan.data
    return {"version": plan.version, "status": plan.status, "checksum": plan.checksum,
            "needs": len(data["needs"]), "cohorts": len(data["cohorts"]),
            "unfit": len(data["unfit"]), "total_cents": data["budget"]["total_cents"]}
