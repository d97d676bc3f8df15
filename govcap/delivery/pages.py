"""What the delivery pages show, built from stored rows: planned beside delivered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, npgettext

from govcap import localise
from govcap.delivery.core.attendance import day_runs, mark_version, suggested_completion
from govcap.delivery.core.costs import planned_share, seat_share
from govcap.delivery.course_names import CourseName, plan_names
from govcap.delivery.models import Attendance, Delivery, Trainee
from govcap.orgs.models import Organisation
from govcap.planning.core.money import format_money
from govcap.planning.models import Plan


@dataclass
class CourseRow:
    cohort_id: str
    module_code: str
    module_title: str
    planned_month: str
    planned_participants: int
    planned_cost: str
    delivery: Delivery | None = None
    nominated: int = 0
    completed: int = 0
    partial: int = 0
    dropped: int = 0
    women: int = 0
    actual_cost: str = ""
    overdue: bool = False  # its planned month has ended and no delivery is recorded
    # as the plan's documents name it: title and code, cohort number, month, organisations
    course: CourseName | None = None

    @property
    def not_completed(self) -> str:
        return not_completed(self.partial, self.dropped)

    @property
    def month(self) -> str:
        """The month it runs in: its delivery's first day's when set, else the plan's
        ("" when neither); the overview lists courses in this order. A cancelled or merged
        course does not run: it keeps the plan's month, its place in the plan."""
        d = self.delivery
        if d is not None and d.start_date is not None and not d.is_closed:
            return d.start_date.strftime("%Y-%m")
        return self.planned_month


def not_completed(partial: int, dropped: int) -> str:
    """Beside the completed count, those who did not complete: "4 partial, 1 dropped"
    ("" when none)."""
    parts = []
    if partial:
        parts.append(npgettext("participants who completed part of the course",
                               "%(n)s partial", "%(n)s partial", partial) % {"n": partial})
    if dropped:
        parts.append(ngettext("%(n)s dropped", "%(n)s dropped", dropped) % {"n": dropped})
    return localise.join(parts)


def name_modules(deliveries: Iterable[Delivery], language: str) -> None:
    """Give each delivery its module's title in ``language`` (``module_title``, "" when its
    catalogue has no such module), each catalogue read once."""
    titles: dict[int, dict[str, str]] = {}
    for d in deliveries:
        catalogue = d.plan.catalogue
        if catalogue.pk not in titles:
            titles[catalogue.pk] = {code: m.title for code, m in
                                    catalogue.parsed(language).by_code.items()}
        d.module_title = titles[catalogue.pk].get(d.module_code, "")  # type: ignore[attr-defined]


def org_keys(orgs: Iterable[int]) -> frozenset[str]:
    """The organisations as a plan's cohorts name them (their uuid)."""
    return frozenset(str(u) for u in Organisation.objects.filter(pk__in=list(orgs))
                     .values_list("uuid", flat=True))


def planned_for(cohort: Mapping[str, Any], orgs: frozenset[str] | None) -> int:
    """The participants a plan's cohort counts on, from ``orgs`` only (None: all)."""
    if orgs is None:
        return cohort.get("participants", 0)
    return sum(m["participants"] for m in cohort.get("members", ()) if m["org_id"] in orgs)


def course_rows(plan: Plan, deliveries: list[Delivery], language: str,
                orgs: frozenset[int] | None = None,
                today: dt.date | None = None) -> list[CourseRow]:
    """One row per cohort of the plan (and per delivery of it), planned beside delivered,
    in the order they run (the delivery's month, else the planned one); ``orgs``: a
    narrowed viewer's organisations, the only ones counted, planned and delivered. A
    course whose planned month ended before ``today`` with no delivery recorded is
    ``overdue``."""
    this_month = (today or timezone.localdate()).strftime("%Y-%m")
    catalogue = plan.catalogue.parsed(language)
    currency = plan.data.get("currency", "USD")
    mine = Q() if orgs is None else Q(trainees__organisation_id__in=orgs)
    keys = None if orgs is None else org_keys(orgs)
    counts = {d.pk: d for d in Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).annotate(
        n_all=Count("trainees"), n_nominated=Count("trainees", filter=mine),
        n_completed=Count("trainees", filter=mine & Q(trainees__completion="completed")),
        n_partial=Count("trainees", filter=mine & Q(trainees__completion="partial")),
        n_dropped=Count("trainees", filter=mine & Q(trainees__completion="dropped")),
        n_women=Count("trainees", filter=mine & Q(trainees__gender="female")))}
    by_cohort = {d.cohort_id: d for d in deliveries if d.plan_id == plan.pk}
    # the organisations the reader may see named: a narrowed viewer's own
    names = {str(u): name for u, name in plan.engagement.organisations.values_list(
        "uuid", "name") if keys is None or str(u) in keys}
    named = plan_names(plan, plan.data.get("cohorts", ()), names, language)
    rows = []
    for c in plan.data.get("cohorts", ()):
        if not c.get("month") and c["cohort_id"] not in by_cohort:
            continue  # no month could hold it: nothing to deliver (a need not placed)
        theirs = planned_for(c, keys)
        d = by_cohort.get(c["cohort_id"])
        if orgs is not None and not theirs and d is None:
            continue  # a course of other organisations only
        module = catalogue.by_code.get(c["module_code"])
        n = counts[d.pk] if d is not None else None
        share = 1.0 if orgs is None else cost_share(
            n.n_nominated if n else 0, n.n_all if n else 0, theirs, c.get("participants", 0))
        # the planned cost on the plan's base (its seats), the actual one on the nominees'
        planned = 1.0 if orgs is None else planned_share(theirs, c.get("participants", 0))
        row = CourseRow(c["cohort_id"], c["module_code"], module.title if module else "",
                        c.get("month") or "", theirs,
                        format_money(round(c.get("cost_cents", 0) * planned), currency,
                                     language))
        row.course = named[c["cohort_id"]]
        if d is not None and n is not None:
            row.delivery = d
            row.nominated, row.completed = n.n_nominated, n.n_completed
            row.partial, row.dropped, row.women = n.n_partial, n.n_dropped, n.n_women
            if d.cost_cents is not None:
                row.actual_cost = format_money(round(d.cost_cents * share), d.currency,
                                               language)
        else:
            row.overdue = bool(row.planned_month) and row.planned_month < this_month
        rows.append(row)
    rows.sort(key=lambda r: (r.month or "9999-99", r.module_code, r.cohort_id))
    return rows


def cost_share(theirs: int, nominated: int, theirs_planned: int, planned: int) -> float:
    """A narrowed viewer's share of a course's actual cost, as the results count it
    (``seat_share``): their nominees ÷ all its nominees; before any nomination, their
    planned participants ÷ all it plans. Its planned cost is shared on the plan's base,
    its seats (``planned_share``)."""
    if nominated:
        return seat_share(theirs, nominated)
    return seat_share(theirs_planned, planned)


@dataclass
class TraineeRow:
    trainee: Trainee
    name: str
    marks: list[bool | None] = field(default_factory=list)
    # each mark's version as shown (``attendance.mark_version``; "" not recorded): the
    # grid sends them back, and a mark written by someone else since is not overwritten
    versions: list[str] = field(default_factory=list)
    present: int = 0
    suggested: str = ""
    persona: str = ""  # the audience as the catalogue words it
    unrecorded: list[int] = field(default_factory=list)  # days with no mark for them yet

    @property
    def cells(self) -> list[tuple[bool | None, str]]:
        """Each day's mark with its version, as the attendance grid shows them."""
        versions = self.versions or [""] * len(self.marks)
        return list(zip(self.marks, versions, strict=True))

    @property
    def marks_taken(self) -> bool:
        return any(m is not None for m in self.marks)

    @property
    def suggested_label(self) -> str:
        """What the attendance suggests, as the completion menu words it (a hint beside
        the menu, never preselected: a completion is recorded only when chosen)."""
        return str(Trainee.Completion(self.suggested).label) if self.suggested else ""

    @property
    def suggestion(self) -> str:
        """The hint in words: what the attendance suggests, or that the days not recorded
        yet leave it open ("not yet: days 2–3 not recorded")."""
        if self.suggested:
            return _("attendance suggests: %(s)s") % {"s": self.suggested_label}
        if self.unrecorded:
            return ngettext("not yet: day %(days)s not recorded",
                            "not yet: days %(days)s not recorded", len(self.unrecorded)) % {
                "days": day_runs(self.unrecorded)}
        return ""


def trainee_rows(delivery: Delivery, trainees: list[Trainee], names: bool,
                 personas: dict[str, str] | None = None) -> list[TraineeRow]:
    stored = list(Attendance.objects.filter(trainee__in=[t.pk for t in trainees])
                  .only("trainee_id", "day", "present", "recorded_at"))
    marks: dict[tuple[int, int], bool] = {(a.trainee_id, a.day): a.present for a in stored}
    versions = {(a.trainee_id, a.day): mark_version(a.recorded_at) for a in stored}
    rows = []
    for t in trainees:
        name = ""
        if names:
            identity = getattr(t, "identity", None)
            name = identity.name if identity is not None else ""
        days = range(1, delivery.days + 1)
        row = TraineeRow(t, name, [marks.get((t.pk, day)) for day in days],
                         [versions.get((t.pk, day), "") for day in days])
        row.present = sum(1 for m in row.marks if m)
        row.unrecorded = [day for day, m in zip(days, row.marks, strict=True) if m is None]
        row.suggested = suggested_completion(delivery.days, row.present, len(row.unrecorded))
        row.persona = (personas or {}).get(t.persona, t.persona)
        rows.append(row)
    return rows


def money(cents: int | None, currency: str, language: str) -> str:
    return "" if cents is None else format_money(cents, currency, language)


def summary(delivery: Delivery, rows: list[TraineeRow], language: str,
            share: float = 1.0, planned: float | None = None) -> dict[str, Any]:
    """``share``: the reader's share of the course's actual cost (``cost_share``; 1: all of
    it); ``planned``: of its planned cost (``planned_share``; None: ``share``)."""
    def part(cents: int | None, share: float) -> int | None:
        return None if cents is None else round(cents * share)

    return {
        "planned_cost": money(part(delivery.planned_cost_cents,
                                   share if planned is None else planned),
                              delivery.currency, language),
        "actual_cost": money(part(delivery.cost_cents, share), delivery.currency, language),
        "nominated": len(rows),
        "women": sum(1 for r in rows if r.trainee.gender == "female"),
        "completed": sum(1 for r in rows if r.trainee.completion == "completed"),
        "partial": sum(1 for r in rows if r.trainee.completion == "partial"),
        "dropped": sum(1 for r in rows if r.trainee.completion == "dropped"),
        "not_completed": not_completed(
            sum(1 for r in rows if r.trainee.completion == "partial"),
            sum(1 for r in rows if r.trainee.completion == "dropped")),
    }
