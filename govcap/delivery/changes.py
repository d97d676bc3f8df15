"""A delivery's changes in words, from the audit trail: every event of the delivery and of
its nominees (a removed nominee's too, with what went with them), who and when, worded as
a session's history words its events (``assessments.history``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from govcap import localise
from govcap.accounts import history
from govcap.accounts.models import AuditEvent
from govcap.assessments import history as words
from govcap.delivery.models import Delivery, Trainee, TrainingProvider
from govcap.planning.core.money import format_money

MAX_MARKS_SHOWN = 12


@dataclass(frozen=True)
class ChangeLine:
    event: AuditEvent
    what: str  # "Removed nominee T3"
    details: str  # "attendance marks: 2, evaluation answers: 1"
    file: str = ""  # the name of the file imported, shown as a file name


def field_labels() -> dict[str, str]:
    return {**words.field_labels(),
            "start_date": _("start date"), "end_date": _("end date"), "days": _("days"),
            "venue": _("venue"), "mode": _("mode"), "provider": _("training provider"),
            "trainers": _("trainers"), "cost_cents": _("cost"),
            "cancel_reason": _("why it was cancelled"), "completion": _("completion"),
            "completion_reason": _("reason"), "persona": _("audience"),
            "attendance_marks": _("attendance marks"),
            "evaluation_answers": _("evaluation answers"), "plan_version": _("plan version"),
            "merged_into": _("merged into")}


def events(delivery: Delivery):
    """The audit events of the delivery and of its nominees, present and removed, newest
    first."""
    trainees = set(Trainee.objects.filter(delivery=delivery).values_list("uuid", flat=True))
    # removed nominees, and those merged into another course, keep their lines here
    removed = set(AuditEvent.objects.filter(
        object_type="delivery.trainee", action__in=("remove", "merge"),
        before__delivery=str(delivery.uuid)).values_list("object_uuid", flat=True))
    return (AuditEvent.objects.filter(
        Q(object_type="delivery.delivery", object_uuid=delivery.uuid)
        | Q(object_type="delivery.trainee", object_uuid__in=trainees | removed))
        .select_related("user").order_by("-at", "-id"))


class _Reader:
    def __init__(self, delivery: Delivery) -> None:
        self.codes = dict(Trainee.objects.filter(delivery=delivery).values_list("uuid", "code"))
        self.fields = field_labels()
        self.values = {**words.value_labels(),
                       "status": {c.value: str(c.label) for c in Delivery.Status},
                       "mode": {c.value: str(c.label) for c in Delivery.Mode},
                       "completion": {c.value: str(c.label) for c in Trainee.Completion
                                      if c.value}}
        self.currency = delivery.currency

    def thing(self, event: AuditEvent) -> str:
        if event.object_type == "delivery.delivery":
            return _("the course")
        state = event.after or event.before or {}
        code = (self.codes.get(event.object_uuid) if event.object_uuid else None) or state.get(
            "code") or "?"
        return _("nominee %(code)s") % {"code": code}

    def shown(self, field: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if field in ("start_date", "end_date"):
            return localise.day(str(value))
        if field == "cost_cents" and isinstance(value, int):
            return format_money(value, self.currency, localise.language_of())
        if field == "provider":  # the audit keeps its id: said by its name
            return self.provider_name(value)
        if field == "merged_into":  # its id: said by the course's ID
            return self.course(value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        return self.values.get(field, {}).get(str(value), str(value))

    def provider_name(self, value: Any) -> str:
        return _named(TrainingProvider, "name", value)

    def course(self, value: Any) -> str:
        """A course as the plan's documents name it ("Data protection coaching (POL-901),
        cohort 1"), from its id or uuid as the audit keeps it (not its internal cohort ID)."""
        text = str(value)
        found = (Delivery.objects.filter(pk=int(text)) if text.isdigit()
                 else Delivery.objects.filter(uuid=text) if len(text) == 36 else None)
        delivery = found.select_related("plan__catalogue").first() if found is not None else None
        return delivery.course.label if delivery is not None else text

    def codes_moved(self, codes) -> str:
        """A merge's nominees by their codes before and after: "T1 became T5, …"."""
        return localise.join([_("%(code)s became %(new)s") % {"code": old, "new": new}
                              for old, new in codes or ()])

    def fields_changed(self, event: AuditEvent) -> str:
        parts = []
        for c in history.changes(event):
            if not c.field or c.field in words.BOOKKEEPING:
                continue
            label = self.fields.get(c.field, c.field.replace("_", " "))
            parts.append(_("%(field)s: %(before)s → %(after)s") % {
                "field": label, "before": self.shown(c.field, c.before),
                "after": self.shown(c.field, c.after)})
        return "; ".join(parts)

    def marks(self, marks: list) -> str:
        said = [_("%(code)s day %(day)s: %(state)s") % {
            "code": code, "day": day, "state": _("present") if present else _("absent")}
            for code, day, present in marks[:MAX_MARKS_SHOWN]]
        if len(marks) > MAX_MARKS_SHOWN:
            said.append(_("and %(n)s more") % {"n": len(marks) - MAX_MARKS_SHOWN})
        return localise.join(said)

    def line(self, event: AuditEvent) -> ChangeLine:
        line = self._line(event)
        changed = (event.after or {}).get("changed") if event.action == "attendance" else None
        if changed:  # the marks recorded before that a sheet changed (said once, here)
            if not line.details:
                return ChangeLine(line.event, line.what, _(
                    "changed what was recorded: %(changed)s") % {
                    "changed": changed_marks(changed)}, line.file)
            return ChangeLine(line.event, line.what, _(
                "%(marks)s (changed what was recorded: %(changed)s)") % {
                "marks": line.details, "changed": changed_marks(changed)}, line.file)
        return line

    def _line(self, event: AuditEvent) -> ChangeLine:
        action, thing = event.action, self.thing(event)
        after, before = event.after or {}, event.before or {}
        if action == "attendance":
            what = (words.sentence("import", _("attendance")) if after.get("file")
                    else _("Recorded attendance"))
            # the marks recorded anew: those changed are said with what they were
            changed = {(code, day) for code, day, *_rest in after.get("changed") or ()}
            return ChangeLine(event, what, self.marks(
                [m for m in after.get("marks") or [] if (m[0], m[1]) not in changed]),
                after.get("file") or "")
        if action == "quotable":  # said without whose text it is (the writer stays unnamed)
            return ChangeLine(event, _("Marked a participant's text for the donor's documents")
                              if after.get("quotable") else
                              _("Withdrew a participant's text from the donor's documents"), "")
        if action == "nominate":
            return ChangeLine(event, words.sentence("create", thing), "")
        if action == "remove":
            return ChangeLine(event, words.sentence("delete", thing), _(
                "with its attendance marks (%(marks)s) and evaluation answers (%(answers)s)")
                % {"marks": before.get("attendance_marks", 0),
                   "answers": before.get("evaluation_answers", 0)})
        if action == "merge":  # its nominees' new codes are said once, here
            taken = AuditEvent.objects.filter(
                action="merge-in", after__from_uuid=str(event.object_uuid)).first()
            return ChangeLine(event, _("Merged the course into %(course)s") % {
                "course": self.course(after.get("merged_into") or "")}, "; ".join(
                part for part in (self.fields_changed(event), self.codes_moved(
                    (taken.after or {}).get("codes") if taken else ())) if part))
        if action == "merge-in":
            return ChangeLine(event, _("Took in the nominees of %(course)s") % {
                "course": self.course(after["from_uuid"]) if after.get("from_uuid")
                else after.get("from") or "?"}, self.codes_moved(after.get("codes")))
        if action == "clear-records":
            return ChangeLine(event, _("Deleted the attendance and completions of the old "
                                       "dates"), self.marks(before.get("marks") or []))
        sentences = {
            "create": words.sentence("create", thing), "edit": words.sentence("update", thing),
            "move": _("Moved the course"), "cancel": _("Cancelled the course"),
            "reinstate": _("Reinstated the course"),
            "started": _("The course started: attendance was recorded"),
            "completion": _("Changed the %(field)s of %(thing)s") % {
                "field": self.fields["completion"], "thing": thing},
            "erase": words.sentence("erase", thing),
            "evaluation-link": _("Opened an evaluation link"),
            "evaluation-link-close": _("Closed an evaluation link"),
            "evaluation-answers": _("Entered evaluation answers of %(codes)s") % {
                "codes": localise.join(after.get("codes") or ())},
            "delivery-carried": _("Carried the course to a new plan version"),
        }
        what = sentences.get(action) or words.sentence(action, thing)
        details = "" if action in ("create", "evaluation-link", "evaluation-link-close",
                                   "evaluation-answers", "erase") else self.fields_changed(event)
        return ChangeLine(event, what, details)


def changed_marks(changed: list) -> str:
    """Marks changed from what was recorded: "T1 day 2: absent → present, …"."""
    word = {True: _("present"), False: _("absent")}
    said = [_("%(code)s day %(day)s: %(before)s → %(after)s") % {
        "code": code, "day": day, "before": word[bool(before)], "after": word[bool(after)]}
        for code, day, before, after in changed[:MAX_MARKS_SHOWN]]
    if len(changed) > MAX_MARKS_SHOWN:
        said.append(_("and %(n)s more") % {"n": len(changed) - MAX_MARKS_SHOWN})
    return localise.join(said)


def lines(delivery: Delivery, limit: int = 200) -> list[ChangeLine]:
    reader = _Reader(delivery)
    # a merge's nominees are said in its course's line, not one line each
    return [reader.line(e) for e in events(delivery).exclude(
        object_type="delivery.trainee", action="merge")[:limit]]


def _named(model, column: str, value: Any) -> str:
    """A record's ``column`` from its id or uuid as the audit keeps it; the value itself
    when it names no record (deleted since, or neither)."""
    text = str(value)
    found = (model.objects.filter(pk=int(text)) if text.isdigit()
             else model.objects.filter(uuid=text) if len(text) == 36 else None)
    name = found.values_list(column, flat=True).first() if found is not None else None
    return name or text
