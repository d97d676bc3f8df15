"""Writes of delivery data: each a small transaction, checked against ``access``, audited.

A change to a delivery is an operation with a client ID (a retry is applied once) and the
revision it was based on (a change made on a stale page is refused, never overwrites).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from govcap import localise
from govcap.accounts import audit, scoping
from govcap.delivery import access, course_names, follow_ups
from govcap.delivery.changes import field_labels
from govcap.delivery.core import attendance as rules
from govcap.delivery.core.nominations import Finding, Nominee, check_nominations
from govcap.delivery.models import (
    Attendance,
    Delivery,
    DeliveryOperation,
    FollowUp,
    LearningCheck,
    Reaction,
    Trainee,
    TraineeIdentity,
    TrainingProvider,
)
from govcap.planning import month_words, wording
from govcap.planning.core.period import plan_period
from govcap.planning.inputs_db import ensure_settings
from govcap.planning.models import Plan

DELIVERY_FIELDS = ("status", "start_date", "end_date", "days", "venue", "mode", "provider",
                   "trainers", "cost_cents", "cancel_reason", "merged_into")
TRAINEE_FIELDS = ("code", "organisation", "role_title", "persona", "seniority", "gender",
                  "completion", "completion_reason")
KINDS = ("edit", "move", "cancel", "merge", "reinstate")
EDITABLE_STATUSES = (Delivery.Status.PLANNED, Delivery.Status.IN_PROGRESS,
                     Delivery.Status.COMPLETED)


# the move's confirmation, as its form labels it and its refusal names it
CLEAR_RECORDS_LABEL = gettext_lazy("Delete the attendance and completion recorded for the "
                                   "present dates")


class DeliveryError(Exception):
    """A refusal to show the user, in their words."""


class StaleRevision(DeliveryError):
    """The change was made on an older revision of the delivery."""


class CompletionChanged(DeliveryError):
    """A trainee's completion was changed by someone else since the page was shown: the
    message names them and what is recorded now."""

    def __init__(self, trainee: Trainee) -> None:
        now = trainee.get_completion_display()
        if trainee.completion_reason:
            now = f"{now} — {trainee.completion_reason}"
        super().__init__(_(
            "%(code)s's completion was changed by someone else since you opened this page; "
            "it is now “%(now)s”. Your change to it was not saved.") % {
            "code": trainee.code, "now": now})
        self.trainee = trainee


def _require_manage(user, delivery: Delivery) -> None:
    scoping.require(access.can_manage(user, delivery))


# --- deliveries from the plan ---------------------------------------------------------------


def approved_plan(engagement) -> Plan | None:
    return (Plan.objects.filter(engagement=engagement, status=Plan.Status.APPROVED)
            .select_related("catalogue").order_by("-version").first())


def cohort(plan: Plan, cohort_id: str) -> dict[str, Any] | None:
    return next((c for c in plan.data.get("cohorts", ()) if c["cohort_id"] == cohort_id), None)


def create_delivery(user, plan: Plan, cohort_id: str) -> Delivery:
    """The delivery of one cohort of an approved plan, carrying the plan's numbers."""
    scoping.require(scoping.can_manage_engagement(user, plan.engagement))
    if plan.status != Plan.Status.APPROVED:
        raise DeliveryError(_("Only an approved plan's courses can be delivered."))
    row = cohort(plan, cohort_id)
    if row is None:
        raise DeliveryError(_("The plan has no course %(id)s.") % {"id": cohort_id})
    module = plan.catalogue.parsed().by_code.get(row["module_code"])
    with transaction.atomic():
        if Delivery.objects.filter(plan=plan, cohort_id=cohort_id).exists():
            raise DeliveryError(_("This course already has a delivery."))
        delivery = Delivery.objects.create(
            engagement=plan.engagement, plan=plan, cohort_id=cohort_id,
            module_code=row["module_code"], days=module.days if module else 1,
            planned_cost_cents=row.get("cost_cents", 0),
            planned_participants=row.get("participants", 0),
            planned_month=row.get("month") or "", currency=plan.data.get("currency", "USD"))
        audit.record(user, "create", delivery, None, snapshot(delivery))
    return delivery


def _months(first: dt.date, last: dt.date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def has_dated_records(delivery: Delivery) -> bool:
    """Attendance or completion recorded: what a move of the course's dates deletes."""
    return (Attendance.objects.filter(trainee__delivery=delivery).exists()
            or Trainee.objects.filter(delivery=delivery).exclude(completion="").exists())


def closed_month_problem(plan: Plan, start: dt.date | None, end: dt.date | None) -> str:
    """Why a course cannot run between ``start`` and ``end`` — a month of them the plan
    closes to training (its blackout months, the months holidays, Ramadan or the fiscal
    year-end mostly block), worded as the plan page words it — or ""."""
    if start is None:
        return ""
    closed = set(plan.data.get("blackout_months") or ())
    blocks = {b.get("month"): b for b in plan.data.get("month_blocks") or ()}
    for month in _months(start, end or start):
        if month not in closed:
            continue
        label = wording.month_label(month)
        reasons = (blocks.get(month) or {}).get("reasons") or ()
        if reasons:
            return _("%(month)s is closed to training: %(reasons)s") % {
                "month": label, "reasons": month_words.reasons_words(tuple(reasons))}
        return _("%(month)s is closed to training in the plan's settings") % {"month": label}
    return ""


def outside_period_note(delivery: Delivery) -> str:
    """Said when a course's dates fall outside its plan's period (its first to last
    course month; allowed, but the plan's timeline and budget years do not count it
    there): "", or a note naming the period."""
    if delivery.start_date is None:
        return ""
    period = plan_period(delivery.plan.plan_data())
    if period.first is None or period.last is None:
        return ""
    first = delivery.start_date.strftime("%Y-%m")
    last = (delivery.end_date or delivery.start_date).strftime("%Y-%m")
    if period.first <= first and last <= period.last:
        return ""
    return _("The course now runs outside the plan's period, %(first)s to %(last)s: the "
             "plan's timeline and yearly budget do not show it there.") % {
        "first": wording.month_label(period.first), "last": wording.month_label(period.last)}


def snapshot(delivery: Delivery) -> dict[str, Any]:
    return audit.snapshot(delivery, DELIVERY_FIELDS + ("revision",))


# --- operations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    kind: str  # edit, move, cancel, merge
    op_id: uuid.UUID
    base_revision: int
    values: Mapping[str, Any]  # edit/move: field → value; cancel: reason; merge: into
    # an edit: each field as the page showed it (``edit_shown``); with it, an edit made on
    # an older revision keeps what others changed in other fields (``_merged``)
    shown: Mapping[str, Any] | None = None


EDIT_FIELDS = ("status", "start_date", "end_date", "days", "venue", "mode", "provider",
               "trainers", "cost_cents")


def _edit_value(name: str, value: Any) -> Any:
    """A field of the details form, compared as plain text (dates ISO, "" for none)."""
    if value is None:
        return ""
    if name == "provider" and isinstance(value, TrainingProvider):
        return str(value.uuid)
    if isinstance(value, dt.date):
        return value.isoformat()
    if name in ("venue", "trainers"):
        return str(value).strip()[:300]
    return str(value)


def edit_shown(delivery: Delivery) -> dict[str, str]:
    """The delivery's details as its page shows them in the details form."""
    return {name: _edit_value(name, getattr(delivery, name)) for name in EDIT_FIELDS}


def _merged(current: Delivery, change: Change) -> dict[str, Any]:
    """An edit made on an older revision: the fields the user changed (from what their
    page showed), kept when nobody else changed them meanwhile; refused, naming them,
    when someone else changed the same fields."""
    shown = change.shown or {}
    now = edit_shown(current)
    values: dict[str, Any] = {}
    clashes = []
    for name, value in change.values.items():
        if name not in EDIT_FIELDS:
            values[name] = value
            continue
        mine = _edit_value(name, value)
        was = str(shown.get(name, now[name]))
        if mine == was or mine == now[name]:
            continue  # not changed by the user, or changed the same way by someone else
        if now[name] != was:
            clashes.append(name)
            continue
        values[name] = value
    if clashes:
        labels = {**field_labels(), "status": _("status")}
        raise StaleRevision(_(
            "Someone else changed %(fields)s since this page was opened. Nothing was saved: "
            "reload the page to see their change, then make yours again.") % {
            "fields": localise.join([labels.get(n, n) for n in clashes])})
    return values


def new_op_id() -> uuid.UUID:
    return uuid.uuid4()


def was_applied(delivery: Delivery, op_id: uuid.UUID) -> bool:
    """The operation was applied before (a retry of it changes nothing)."""
    return DeliveryOperation.objects.filter(delivery=delivery, op_id=op_id).exists()


def apply_change(user, delivery: Delivery, change: Change) -> Delivery:
    """Apply one operation, once. A retry (same op_id) returns the delivery as it is; a
    change based on another revision raises StaleRevision and changes nothing."""
    _require_manage(user, delivery)
    if change.kind not in KINDS:
        raise DeliveryError(_("Unknown change."))
    with transaction.atomic():
        current = Delivery.objects.select_for_update().get(pk=delivery.pk)
        done = DeliveryOperation.objects.filter(delivery=current, op_id=change.op_id).first()
        if done is not None:
            if current.revision != done.base_revision + 1:
                # made once, and the course changed since (a page kept from before, sent
                # again): nothing is done, and it is said
                raise StaleRevision(_(
                    "This change was made already, and the course changed since this page "
                    "was opened (revision %(now)s, your page showed %(base)s). Nothing was "
                    "done: reload the page to see the course as it is.") % {
                    "now": current.revision, "base": change.base_revision})
            return current  # a retry: applied once
        if (change.base_revision != current.revision and change.kind == "edit"
                and change.shown is not None):
            change = Change(change.kind, change.op_id, change.base_revision,
                            _merged(current, change), change.shown)
        elif change.base_revision != current.revision:
            raise StaleRevision(_(
                "This delivery was changed by someone else (revision %(now)s, your page "
                "showed %(base)s). Nothing was saved: reload the page to see the change, then "
                "make yours again.") % {"now": current.revision, "base": change.base_revision})
        if current.is_closed and change.kind != "reinstate":
            raise DeliveryError(_("A cancelled or merged delivery cannot change."))
        before = snapshot(current)
        getattr(_Apply(user, current), change.kind)(change.values)
        current.revision += 1
        current.save()
        after = snapshot(current)
        if (before["end_date"], before["status"]) != (after["end_date"], after["status"]):
            follow_ups.sync(current)  # level 3 is due from the end; none once cancelled
        try:
            with transaction.atomic():
                DeliveryOperation.objects.create(
                    delivery=current, op_id=change.op_id, kind=change.kind,
                    payload=_json(change.values), base_revision=change.base_revision,
                    author=user if getattr(user, "is_authenticated", False) else None)
        except IntegrityError:  # the same operation, applied by a concurrent retry
            raise DeliveryError(_("This change was already applied.")) from None
        audit.record_changes(user, change.kind, current, before, after, op_id=change.op_id)
    return current


def _json(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v if v is None or isinstance(v, bool | int | str) else str(v)
            for k, v in values.items()}


class _Apply:
    def __init__(self, user, delivery: Delivery) -> None:
        self.user, self.d = user, delivery

    def edit(self, values: Mapping[str, Any]) -> None:
        d = self.d
        for name in ("venue", "trainers"):
            if name in values:
                setattr(d, name, str(values[name] or "").strip()[:300])
        if "mode" in values:
            if values["mode"] not in Delivery.Mode.values:
                raise DeliveryError(_("Unknown mode."))
            d.mode = values["mode"]
        if "status" in values:
            if values["status"] not in EDITABLE_STATUSES:
                raise DeliveryError(_("Cancel or merge a delivery with its own action."))
            d.status = values["status"]
        if "days" in values:
            days = int(values["days"])
            if not 1 <= days <= rules.MAX_DAYS:
                raise DeliveryError(_("Days must be between 1 and %(n)s.") % {"n": rules.MAX_DAYS})
            if Attendance.objects.filter(trainee__delivery=d, day__gt=days).exists():
                raise DeliveryError(_("Attendance is recorded after day %(n)s; correct it "
                                      "first.") % {"n": days})
            d.days = days
        if "cost_cents" in values:
            cost = values["cost_cents"]
            if cost is not None and int(cost) < 0:
                raise DeliveryError(_("The cost cannot be negative."))
            d.cost_cents = None if cost is None else int(cost)
        if "provider" in values:
            d.provider = self._provider(values["provider"])
        self.move(values)

    def move(self, values: Mapping[str, Any]) -> None:
        d = self.d
        before = (d.start_date, d.end_date)
        for name in ("start_date", "end_date"):
            if name in values:
                value = values[name]
                setattr(d, name, dt.date.fromisoformat(value) if isinstance(value, str) and value
                        else value or None)
        if d.start_date and d.end_date and d.end_date < d.start_date:
            raise DeliveryError(_("The course cannot end before it starts."))
        if (d.start_date, d.end_date) != before:
            problem = closed_month_problem(d.plan, d.start_date, d.end_date)
            if problem:
                raise DeliveryError(_("Not moved: %(why)s.") % {"why": problem})
            self._records_of_old_dates(before, bool(values.get("clear_records")))
        self._days_fit()

    def _records_of_old_dates(self, before: tuple[dt.date | None, dt.date | None],
                              clear: bool) -> None:
        """Attendance and completions belong to the days they were taken on (day 1 is the
        start date): a course whose start moves keeps none of them, and is moved only once
        its coordinator has said the records may go (``clear_records``). A corrected end
        date keeps them (the days they count are the same); dates set for the first time
        keep them, unless the course would start after its attendance was taken."""
        d = self.d
        if d.start_date == before[0]:
            return
        if before[0] is None and not (d.start_date and d.start_date > timezone.localdate()):
            return
        marks = Attendance.objects.filter(trainee__delivery=d)
        done = Trainee.objects.filter(delivery=d).exclude(completion="")
        n_marks, n_done = marks.count(), done.count()
        if not n_marks and not n_done:
            return
        if not clear:
            raise DeliveryError(_(
                "Not moved: attendance and completion are recorded for the present dates "
                "(attendance marks: %(marks)d, completions: %(done)d). Tick “%(confirm)s” to "
                "move the course and delete them.") % {
                "marks": n_marks, "done": n_done, "confirm": CLEAR_RECORDS_LABEL})
        audit.record(self.user, "clear-records", d, {
            "start_date": str(before[0] or ""), "end_date": str(before[1] or ""),
            "marks": [[t, day, p] for t, day, p in marks.order_by("trainee_id", "day")
                      .values_list("trainee__code", "day", "present")],
            "completion": {t.code: [t.completion, t.completion_reason] for t in done}}, None)
        marks.delete()
        for trainee in done:
            trainee.completion, trainee.completion_reason = "", ""
            trainee.revision += 1
            trainee.save(update_fields=["completion", "completion_reason", "revision"])
        if d.status in (Delivery.Status.IN_PROGRESS, Delivery.Status.COMPLETED):
            d.status = Delivery.Status.PLANNED  # it has not run on its new dates

    def _days_fit(self) -> None:
        d = self.d
        if not (d.start_date and d.end_date):
            return
        span = (d.end_date - d.start_date).days + 1
        if d.days > span:
            raise DeliveryError(ngettext(
                "Days: the course has %(days)d days, but %(start)s to %(end)s is %(span)d "
                "day. Change the days or the dates.",
                "Days: the course has %(days)d days, but %(start)s to %(end)s is %(span)d "
                "days. Change the days or the dates.", span) % {
                "days": d.days, "span": span, "start": localise.day(d.start_date),
                "end": localise.day(d.end_date)})

    def cancel(self, values: Mapping[str, Any]) -> None:
        if self.d.status == Delivery.Status.COMPLETED:  # what ran stays counted as run
            raise DeliveryError(_(
                "A completed course cannot be cancelled: its attendance and completions are "
                "what happened. Correct its details or its participants' completion instead."))
        reason = str(values.get("reason") or "").strip()
        if not reason:
            raise DeliveryError(_("Say why the delivery is cancelled."))
        self.d.status, self.d.cancel_reason = Delivery.Status.CANCELLED, reason[:300]

    def reinstate(self, values: Mapping[str, Any]) -> None:
        """Undo a cancellation: the course is back as it was before (planned, or running
        if it has attendance); its cancellation stays in the audit and the changes list.
        A merged delivery's nominees are in another course: it is not reinstated."""
        d = self.d
        if d.status != Delivery.Status.CANCELLED:
            raise DeliveryError(_("Only a cancelled delivery can be reinstated."))
        ran = Attendance.objects.filter(trainee__delivery=d).exists()
        d.status = Delivery.Status.IN_PROGRESS if ran else Delivery.Status.PLANNED
        d.cancel_reason = ""

    def merge(self, values: Mapping[str, Any]) -> None:
        """Fold this delivery's nominees into another course of the same module and
        language in the engagement, one not completed: they take the next codes free there
        (a code is never given twice in a course). Both courses say it in their changes."""
        d = self.d
        into = values.get("into")
        target = Delivery.objects.select_for_update().filter(
            uuid=str(into or ""), engagement=d.engagement).first() if into else None
        if target is None or target.pk == d.pk:
            raise DeliveryError(_("Choose another course of this engagement."))
        problem = merge_problem(d) or target_problem(d, target)
        if problem:
            raise DeliveryError(problem)
        target_before = snapshot(target)
        number = _next_number(target)
        codes = []
        for trainee in Trainee.objects.filter(delivery=d).order_by("id"):
            before = {**audit.snapshot(trainee, TRAINEE_FIELDS), "delivery": str(d.uuid)}
            trainee.delivery, trainee.code = target, f"T{number}"
            trainee.revision += 1
            trainee.save(update_fields=["delivery", "code", "revision"])
            audit.record(self.user, "merge", trainee, before,
                         {**audit.snapshot(trainee, TRAINEE_FIELDS), "delivery": str(target.uuid)})
            codes.append([before["code"], trainee.code])
            number += 1
        target.revision += 1
        target.save(update_fields=["revision", "updated_at"])
        audit.record(self.user, "merge-in", target, target_before, {
            **snapshot(target), "from": d.cohort_id, "from_uuid": str(d.uuid), "codes": codes})
        d.status, d.merged_into = Delivery.Status.MERGED, target

    def _provider(self, value: Any) -> TrainingProvider | None:
        if not value:
            return None
        provider = TrainingProvider.objects.filter(
            uuid=value, country_id=self.d.engagement.country_id).first()
        if provider is None:
            raise DeliveryError(_("Choose a provider registered in this country."))
        return provider


def merge_problem(delivery: Delivery) -> str:
    """Why this course cannot be merged into another, or "": one that ran (completed, or
    with attendance, completions or evaluation answers) keeps its records where they were
    taken; they are not carried to a course on other dates."""
    if delivery.is_closed:
        return _("A cancelled or merged delivery cannot change.")
    if delivery.status == Delivery.Status.COMPLETED:
        return _("A completed course cannot be merged: its attendance and completions are "
                 "what happened.")
    trainees = Trainee.objects.filter(delivery=delivery)
    marks = Attendance.objects.filter(trainee__delivery=delivery).count()
    done = trainees.exclude(completion="").count()
    answers = (Reaction.objects.filter(trainee__delivery=delivery).count()
               + LearningCheck.objects.filter(trainee__delivery=delivery).count()
               + FollowUp.objects.filter(trainee__delivery=delivery,
                                         answered_at__isnull=False).count())
    if marks or done or answers:
        return _("This course cannot be merged: it has records taken on its own dates "
                 "(attendance marks: %(marks)d, completions: %(done)d, evaluation answers: "
                 "%(answers)d). They would not be true of the other course. Remove them "
                 "first, or cancel this course and nominate its participants there.") % {
            "marks": marks, "done": done, "answers": answers}
    return ""


def target_problem(delivery: Delivery, target: Delivery) -> str:
    """Why ``target`` cannot take in ``delivery``'s nominees, or ""."""
    if target.is_closed:
        return _("%(course)s is cancelled or merged: choose an open course.") % {
            "course": target.course.label}
    if target.status == Delivery.Status.COMPLETED:
        return _("%(course)s is completed: its participants are those who took it.") % {
            "course": target.course.label}
    if target.module_code != delivery.module_code:
        return _("Only deliveries of the same module can be merged.")
    if target.course_language != delivery.course_language:
        return _("Only courses taught in the same language can be merged.")
    return ""


def merge_targets(delivery: Delivery) -> list[Delivery]:
    """The courses this one can be merged into."""
    found = list(Delivery.objects.filter(
        engagement=delivery.engagement, module_code=delivery.module_code).exclude(
        pk=delivery.pk).select_related("plan__catalogue").order_by("start_date", "cohort_id"))
    course_names.name_courses(found)  # each plan read once, not once a course
    return [t for t in found if not target_problem(delivery, t)]


# --- nominations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Nomination:
    organisation_id: int
    role_title: str = ""
    persona: str = ""
    seniority: str = ""
    gender: str = ""
    name: str = ""
    contact: str = ""
    supervisor_contact: str = ""


def _number(code: str) -> int:
    return int(code[1:]) if code[1:].isdigit() else 0


def _next_number(delivery: Delivery) -> int:
    """The next nominee's number: after every code given, a removed nominee's too."""
    codes = Trainee.objects.filter(delivery=delivery).values_list("code", flat=True)
    removed = Delivery.objects.filter(pk=delivery.pk).values_list(
        "removed_codes_upto", flat=True).first() or 0
    return max([_number(c) for c in codes] + [removed]) + 1


@dataclass(frozen=True)
class TraineeRecords:
    """What is recorded of a nominee, and goes with them if they are removed."""

    marks: int
    completion: str
    answers: int  # reaction, checks before and after, follow-ups answered

    def __bool__(self) -> bool:
        return bool(self.marks or self.completion or self.answers)


def trainee_records(trainee: Trainee) -> TraineeRecords:
    return TraineeRecords(
        marks=Attendance.objects.filter(trainee=trainee).count(),
        completion=trainee.completion,
        answers=(Reaction.objects.filter(trainee=trainee).count()
                 + LearningCheck.objects.filter(trainee=trainee).count()
                 + FollowUp.objects.filter(trainee=trainee, answered_at__isnull=False).count()))


def remove_nominee(user, trainee: Trainee, *, with_records: bool = False) -> None:
    """Take a nominee off a course (named by mistake, replaced, never came). One with
    attendance, a completion or evaluation answers is removed only when ``with_records``
    says these go too. Audited with what was recorded; the code is never given again."""
    delivery = trainee.delivery
    _require_manage(user, delivery)
    if delivery.is_closed:
        raise DeliveryError(_("A cancelled or merged delivery's nominees stay as they are."))
    with transaction.atomic():
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        trainee = Trainee.objects.get(pk=trainee.pk)
        records = trainee_records(trainee)
        if records and not with_records:
            raise DeliveryError(_(
                "%(code)s was not removed: attendance, completion or evaluation answers are "
                "recorded for them (attendance marks: %(marks)d, evaluation answers: "
                "%(answers)d). Confirm that these are deleted with them.") % {
                "code": trainee.code, "marks": records.marks, "answers": records.answers})
        audit.record(user, "remove", trainee, {
            **audit.snapshot(trainee, TRAINEE_FIELDS), "delivery": str(locked.uuid),
            "attendance_marks": records.marks, "evaluation_answers": records.answers}, None)
        locked.removed_codes_upto = max(locked.removed_codes_upto, _number(trainee.code))
        locked.save(update_fields=["removed_codes_upto", "updated_at"])
        trainee.delete()  # with its name, marks and answers (cascade)
        follow_ups.sync(locked)


class AlreadyNominated(DeliveryError):
    """The nomination was saved before (the same form sent again), or the person is on
    the course already: ``code`` is theirs."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same_person(delivery: Delivery, n: Nomination) -> Trainee | None:
    """A nominee of the course who is the person nominated: the same name in the same
    organisation (spaces and case aside). Not by contact alone: colleagues are often
    nominated through one office's e-mail or phone."""
    name = _fold(n.name)
    if not name:
        return None
    for identity in TraineeIdentity.objects.filter(
            trainee__delivery=delivery, trainee__organisation_id=n.organisation_id
    ).select_related("trainee").order_by("trainee_id"):
        if _fold(identity.name) == name:
            return identity.trainee
    return None


def nominate(user, delivery: Delivery, n: Nomination, op_id: uuid.UUID | None = None
             ) -> Trainee:
    """Add a nominee (code T1, T2…); a name or contact is kept apart. ``op_id``: the
    nomination form's own id, so the same form sent again (the browser's back button,
    a double click) saves nothing a second time. The same person (``_same_person``) is not
    nominated twice either. Both are checked in the transaction that writes, and refused
    with ``AlreadyNominated`` naming the code they have."""
    _require_manage(user, delivery)
    if delivery.is_closed:
        raise DeliveryError(_("A cancelled or merged delivery takes no nominations."))
    if not delivery.engagement.organisations.filter(pk=n.organisation_id).exists():
        raise DeliveryError(_("Choose an organisation of this engagement."))
    if n.seniority not in Trainee.Seniority.values or n.gender not in Trainee.Gender.values:
        raise DeliveryError(_("Unknown seniority or gender."))
    with transaction.atomic():
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        done = (DeliveryOperation.objects.filter(delivery=locked, op_id=op_id,
                                                 kind="nominate").first() if op_id else None)
        if done is not None:
            code = done.payload.get("code", "")
            raise AlreadyNominated(_("This nomination was saved already, as %(code)s: "
                                     "nothing was added.") % {"code": code}, code)
        same = _same_person(locked, n)
        if same is not None:
            raise AlreadyNominated(_(
                "Not nominated: %(name)s of this organisation is on the course already, as "
                "%(code)s.") % {"name": same.identity.name, "code": same.code},
                same.code)
        trainee = Trainee.objects.create(
            delivery=delivery, code=f"T{_next_number(delivery)}",
            organisation_id=n.organisation_id, role_title=n.role_title.strip()[:160],
            persona=n.persona[:40], seniority=n.seniority, gender=n.gender)
        if n.name.strip() or n.contact.strip() or n.supervisor_contact.strip():
            TraineeIdentity.objects.create(
                trainee=trainee, name=n.name.strip()[:200], contact=n.contact.strip()[:200],
                supervisor_contact=n.supervisor_contact.strip()[:200])
        if op_id is not None:
            DeliveryOperation.objects.create(
                delivery=locked, op_id=op_id, kind="nominate", payload={"code": trainee.code},
                base_revision=locked.revision,
                author=user if getattr(user, "is_authenticated", False) else None)
        audit.record(user, "nominate", trainee, None, audit.snapshot(trainee, TRAINEE_FIELDS))
    return trainee


def set_supervisor_contact(user, trainee: Trainee, contact: str) -> TraineeIdentity:
    """Record whom to ask for a trainee's supervisor follow-up (name and phone or e-mail),
    kept apart with the trainee's name: by those who run the course's follow-ups, its
    coordinators (``evaluation.runs_follow_ups``), not its provider, the party evaluated.
    The audit says it changed, not what it says."""
    scoping.require(access.can_manage(user, trainee.delivery))
    with transaction.atomic():
        identity, _created = TraineeIdentity.objects.get_or_create(trainee=trainee)
        identity.supervisor_contact = contact.strip()[:200]
        identity.save(update_fields=["supervisor_contact"])
        audit.record(user, "supervisor-contact", trainee, None, {"code": trainee.code})
    return identity


def merged_in(delivery: Delivery) -> list[Delivery]:
    """The courses merged into this one (and into those, a merge of a merge), with their
    plans: their nominees are this course's now."""
    return merged_in_many([delivery])[delivery.pk]


def merged_in_many(deliveries: Iterable[Delivery]) -> dict[int, list[Delivery]]:
    """``merged_in`` of each course, in one query per level of merges (not per course)."""
    roots = [d.pk for d in deliveries]
    children: dict[int, list[Delivery]] = {}
    frontier, known = set(roots), set(roots)
    while frontier:
        found = list(Delivery.objects.filter(merged_into_id__in=frontier)
                     .select_related("plan").order_by("id"))
        for d in found:
            children.setdefault(d.merged_into_id or 0, []).append(d)
        frontier = {d.pk for d in found} - known
        known |= frontier
    out: dict[int, list[Delivery]] = {}
    for root in roots:
        level, seen, mine = [root], {root}, []
        while level:
            more = sorted((c for pk in level for c in children.get(pk, ()) if c.pk not in seen),
                          key=lambda c: c.pk)
            mine += more
            seen.update(c.pk for c in more)
            level = [c.pk for c in more]
        out[root] = mine
    return out


def planned_participants(delivery: Delivery, orgs: frozenset[str] | None = None,
                         merged: Sequence[Delivery] | None = None) -> int:
    """The participants the plan counts on in this course, with those of the courses merged
    into it (``merged_in``, or ``merged`` when read already): its nominees came from them.
    ``orgs``: of these organisations only (by uuid; None: all)."""
    courses = [delivery, *(merged_in(delivery) if merged is None else merged)]
    if orgs is None:
        return sum(d.planned_participants for d in courses)
    return sum(m["participants"] for d in courses
               for m in (cohort(d.plan, d.cohort_id) or {}).get("members", ())
               if m["org_id"] in orgs)


def planned_by_org(delivery: Delivery) -> dict[str, int]:
    """Organisation uuid → participants the plan's cohort counts on, with those of the
    courses merged into it (``merged_in``): whom it took in were nominated for them."""
    out: dict[str, int] = {}
    for d in [delivery, *merged_in(delivery)]:
        for m in (cohort(d.plan, d.cohort_id) or {}).get("members", ()):
            out[m["org_id"]] = out.get(m["org_id"], 0) + m["participants"]
    return out


def nomination_findings(delivery: Delivery, trainees: Iterable[Trainee],
                        orgs: frozenset[str] | None = None) -> list[Finding]:
    """``orgs``: the organisations (by uuid) a narrowed viewer sees, whose plan numbers
    alone the nominees are checked against."""
    settings = ensure_settings(delivery.engagement)
    module = delivery.plan.catalogue.parsed().by_code.get(delivery.module_code)
    nominees = [Nominee(str(t.organisation.uuid), t.gender, t.persona) for t in trainees]
    planned = {k: n for k, n in planned_by_org(delivery).items() if orgs is None or k in orgs}
    return check_nominations(nominees, planned, settings.women_target_percent,
                             module.audience if module else ())


# --- attendance and completion ---------------------------------------------------------------


def present_days(delivery: Delivery) -> dict[int, int]:
    """Trainee id → days present."""
    rows = Attendance.objects.filter(trainee__delivery=delivery, present=True)
    counts: dict[int, int] = {}
    for trainee_id in rows.values_list("trainee_id", flat=True):
        counts[trainee_id] = counts.get(trainee_id, 0) + 1
    return counts


def record_attendance(user, delivery: Delivery, marks: Iterable[rules.Mark],
                      file: str = "") -> int:
    """Write the marks (by trainee code) of a delivery, all or none; returns how many.
    ``user`` None: the operator at the command line (`govcap deliveries import-attendance`);
    ``file``: the sheet they were imported from (its changes say so)."""
    marks = list(marks)
    record_attendance_sheet(user, delivery, marks, file)
    return len(marks)


@dataclass(frozen=True)
class Changed:
    """A mark written over another recorded before (``before``: what it said)."""

    code: str
    day: int
    before: bool
    after: bool


@dataclass(frozen=True)
class Written:
    """What a write of marks did: the marks not recorded before (``new``), the recorded
    marks it changed, and how many it left as they were (the same mark again: not written,
    nor listed in the changes)."""

    new: list[rules.Mark]
    changed: list[Changed]
    same: int


def record_attendance_sheet(user, delivery: Delivery, marks: Iterable[rules.Mark],
                            file: str = "") -> Written:
    """``record_attendance``, saying which recorded marks the sheet changed (a sheet
    filled away from the page can overwrite marks made on it since; they are listed in
    the import's message and its changes) and which it recorded anew."""
    if user is not None:
        scoping.require(access.can_record_attendance(user, delivery))
    marks = list(marks)
    with transaction.atomic():
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        return _write_marks(user, locked, marks, file)


@dataclass(frozen=True)
class GridSave:
    """What a save of the attendance grid did: the marks written, the cells not written
    because someone else had changed them since the page was shown (``rules.Conflict``),
    and the codes of the page no longer on the course."""

    marks: list[rules.Mark]
    conflicts: list[rules.Conflict]
    gone: list[str]


def save_attendance_grid(user, delivery: Delivery, shown: dict[tuple[str, int], bool | None],
                         ticked: set[tuple[str, int]],
                         versions: dict[tuple[str, int], str] | None = None) -> GridSave:
    """Save only what the user changed on the grid their page showed (``shown``, with each
    mark's version, ``versions``), checked against what is stored now, in one transaction
    (``rules.changed_marks``)."""
    scoping.require(access.can_record_attendance(user, delivery))
    with transaction.atomic():
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        codes = set(access.trainees(user, locked).values_list("code", flat=True))
        gone = sorted({code for code, _day in shown if code not in codes},
                      key=lambda c: (len(c), c))
        shown = {(code, day): v for (code, day), v in shown.items()
                 if code in codes and 1 <= day <= locked.days}
        rows = list(Attendance.objects.filter(trainee__delivery=locked).values_list(
            "trainee__code", "day", "present", "recorded_at"))
        stored: dict[tuple[str, int], bool | None] = {
            (code, day): present for code, day, present, _at in rows}
        marks, conflicts = rules.changed_marks(
            shown, ticked, stored, versions or None,
            {(code, day): rules.mark_version(at) for code, day, _present, at in rows})
        _write_marks(user, locked, marks)
    return GridSave(marks, conflicts, gone)


def _write_marks(user, locked: Delivery, marks: list[rules.Mark],
                 file: str = "") -> Written:
    """Write marks to a locked delivery (checked: open, started, its trainees and days):
    only those new or changed, which its changes list (a sheet offered pre-filled with the
    marks recorded gives most of them back as they were)."""
    if locked.is_closed:
        raise DeliveryError(_("A cancelled or merged delivery takes no attendance."))
    if marks and locked.start_date and locked.start_date > timezone.localdate():
        # marked in advance, a course that has not run would count as delivered
        raise DeliveryError(_("This course starts on %(date)s: attendance is taken from "
                              "that day.") % {"date": localise.day(locked.start_date)})
    by_code = {t.code: t for t in Trainee.objects.filter(delivery=locked)}
    for mark in marks:
        if mark.code not in by_code or not 1 <= mark.day <= locked.days:
            raise DeliveryError(_("Trainee %(code)s, day %(day)s is not part of this "
                                  "course.") % {"code": mark.code, "day": mark.day})
    stored = {(code, day): present for code, day, present in Attendance.objects.filter(
        trainee__delivery=locked).values_list("trainee__code", "day", "present")}
    broken = rules.completions_broken(
        {c for c, t in by_code.items() if t.completion == rules.COMPLETED}, stored, marks,
        locked.days)
    if broken:  # all or none: the completion is changed first, on purpose
        raise DeliveryError(" ".join(_(
            "%(code)s is recorded as completed; with this change they would have attended "
            "%(n)s of %(days)s days: change their completion first.") % {
            "code": code, "n": n, "days": locked.days} for code, n in broken))
    new = [m for m in marks if (m.code, m.day) not in stored]
    changed = [Changed(m.code, m.day, stored[(m.code, m.day)], m.present) for m in marks
               if stored.get((m.code, m.day), m.present) != m.present]
    written = [m for m in marks if stored.get((m.code, m.day)) != m.present]
    for mark in written:
        trainee = by_code[mark.code]
        row, created = Attendance.objects.update_or_create(
            trainee=trainee, day=mark.day,
            defaults={"present": mark.present,
                      "recorded_by": user if getattr(user, "is_authenticated", False)
                      else None})
    if written:
        audit.record(user, "attendance", locked, None, {
            "marks": [[m.code, m.day, m.present] for m in written], **({"file": file} if file
                                                                        else {}),
            **({"changed": [[c.code, c.day, c.before, c.after] for c in changed]}
               if changed else {})})
    if marks and locked.status == Delivery.Status.PLANNED:
        # the course has started: said in its changes, and a new revision, so that a form
        # opened before (showing "Planned") cannot set it back unseen
        before = snapshot(locked)
        locked.status = Delivery.Status.IN_PROGRESS
        locked.revision += 1
        locked.save(update_fields=["status", "revision", "updated_at"])
        audit.record_changes(user, "started", locked, before, snapshot(locked))
    return Written(new, changed, len(marks) - len(written))


def set_completion(user, trainee: Trainee, status: str, reason: str = "",
                   shown_revision: int | None = None) -> Trainee:
    """Record a trainee's completion. ``shown_revision``: the trainee's revision as the
    page showed it; when their completion was changed since (another tab, another
    coordinator), the change is refused by name (``CompletionChanged``) rather than
    written over it, unless it asks for what is stored now. None (an older page): as
    before, written."""
    delivery = trainee.delivery
    _require_manage(user, delivery)
    kept_reason = reason.strip()[:300] if status not in (rules.COMPLETED, "") else ""
    given = trainee
    with transaction.atomic():
        trainee = Trainee.objects.select_for_update().select_related("delivery").get(
            pk=trainee.pk)
        if (shown_revision is not None and trainee.revision != shown_revision
                and (trainee.completion, trainee.completion_reason) != (status, kept_reason)):
            raise CompletionChanged(trainee)
        days = present_days(delivery).get(trainee.pk, 0)
        # "" is "not recorded": a completion taken back needs no reason
        problem = None if status == "" else rules.completion_problem(
            status, reason, delivery.days, days)
        if problem == "reason_needed":
            raise DeliveryError(_("Say why the trainee did not complete the course."))
        if problem == "too_few_days":
            raise DeliveryError(_(
                "%(code)s attended %(n)s of %(days)s days; completing needs at least "
                "%(min)s.") % {
                "code": trainee.code, "n": days, "days": delivery.days,
                "min": rules.min_days_for_completion(delivery.days)})
        if problem:
            raise DeliveryError(_("Unknown completion."))
        before = audit.snapshot(trainee, TRAINEE_FIELDS)
        trainee.completion = status
        trainee.completion_reason = kept_reason
        trainee.revision += 1
        trainee.save(update_fields=["completion", "completion_reason", "revision"])
        follow_ups.sync(delivery)  # a completed trainee is followed up at work (level 3)
        audit.record_changes(user, "completion", trainee, before,
                             audit.snapshot(trainee, TRAINEE_FIELDS))
    # the caller's object says what was recorded, as it did before the row was locked
    given.completion, given.completion_reason = trainee.completion, trainee.completion_reason
    given.revision = trainee.revision
    return given

