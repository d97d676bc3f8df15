"""Deliveries and their attendance: the API twin of the delivery pages and of
`govcap deliveries`, through ``delivery.access`` (engagement roles and the provider role),
so a training provider's token sees its own deliveries only."""

# No `from __future__ import annotations`: ninja's `paginate` reads the annotations.

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from govcap.accounts import scoping
from govcap.api.read import ERRORS, LimitOffset
from govcap.api.schemas import SLUG, Error, Page
from govcap.cells import without_direction_marks
from govcap.delivery import access, costs_shown, services
from govcap.delivery.core.attendance import MAX_DAYS, Mark
from govcap.delivery.course_names import name_courses
from govcap.delivery.models import Attendance, Delivery

router = Router(tags=["deliveries"])


class DeliveryOut(Schema):
    uuid: UUID
    engagement: str = Field(alias="engagement.slug")
    plan_version: int = Field(alias="plan.version")
    cohort_id: str = Field(description=(
        "An identifier of the course in its plan, not its name: read `course`"))
    module_code: str
    course: str = Field(description=(
        "The course as the delivery pages and the plan's documents name it: its module's "
        "title and code, and the documents' cohort number when they print one (\"Data "
        "protection coaching (POL-901), cohort 1\"), in the language asked for"))
    module_title: str = Field(description=(
        "The module's title in the plan's catalogue (\"\" when it has no such module)"))
    cohort_number: int | None = Field(description=(
        "The module's first, second … cohort, as the plan's documents number it (null "
        "when they print none)"))
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    days: int
    venue: str
    mode: str
    provider: str | None = None
    trainers: str
    currency: str
    planned_month: str
    planned_participants: int
    planned_cost: str | None = Field(description=(
        "The planned cost in the currency's units (`currency`), a decimal string with two "
        "decimals (\"8270.00\"), as the results API gives money; as the delivery page "
        "shows it: your organisations' share for a viewer of some organisations "
        "(`cost_is_share`), null for a training provider (the plan's money is the "
        "engagement's)"))
    cost: str | None = Field(description=(
        "The cost recorded, as `planned_cost` (null until recorded, and for a training "
        "provider)"))
    cost_is_share: bool = Field(False, description=(
        "True: `planned_cost` and `cost` are your organisations' share of the course, on "
        "its seats, as the delivery page and the results count it"))
    planned_cost_cents: int | None = Field(deprecated=True, description=(
        "Deprecated: `planned_cost` in cents; read `planned_cost`. Removed in the next "
        "release."))
    cost_cents: int | None = Field(deprecated=True, description=(
        "Deprecated: `cost` in cents; read `cost`. Removed in the next release."))
    revision: int

    @staticmethod
    def resolve_course(obj: Delivery) -> str:
        # data, not a page: no right-to-left isolation marks around the code
        return without_direction_marks(obj.course.label)

    @staticmethod
    def resolve_module_title(obj: Delivery) -> str:
        return obj.course.title

    @staticmethod
    def resolve_cohort_number(obj: Delivery) -> int | None:
        return obj.course.number

    @staticmethod
    def resolve_provider(obj: Delivery) -> str | None:
        return obj.provider.name if obj.provider else None

    @staticmethod
    def resolve_planned_cost(obj: Delivery, context) -> str | None:
        shown = _costs(obj, context)
        return None if shown is None else units(shown.planned_cents)

    @staticmethod
    def resolve_cost(obj: Delivery, context) -> str | None:
        shown = _costs(obj, context)
        return None if shown is None or shown.cost_cents is None else units(shown.cost_cents)

    @staticmethod
    def resolve_cost_is_share(obj: Delivery, context) -> bool:
        shown = _costs(obj, context)
        return shown is not None and shown.shared

    @staticmethod
    def resolve_planned_cost_cents(obj: Delivery, context) -> int | None:
        shown = _costs(obj, context)
        return None if shown is None else shown.planned_cents

    @staticmethod
    def resolve_cost_cents(obj: Delivery, context) -> int | None:
        shown = _costs(obj, context)
        return None if shown is None else shown.cost_cents


def _costs(obj: Delivery, context) -> costs_shown.CostsShown | None:
    """The page's rule (``costs_shown``), worked out once per delivery and reader."""
    if not hasattr(obj, "_costs_shown"):
        obj._costs_shown = costs_shown.costs_shown(  # type: ignore[attr-defined]
            context["request"].auth, obj)
    return obj._costs_shown  # type: ignore[attr-defined]


def units(cents: int) -> str:
    """Whole cents as the currency's units, a decimal string with two decimals: 827000 →
    "8270.00" (exact: no float on the way)."""
    return str((Decimal(cents) / 100).quantize(Decimal("0.01")))


class TraineeOut(Schema):
    code: str
    organisation: str
    role_title: str
    persona: str
    seniority: str
    gender: str
    completion: str
    completion_reason: str
    days_present: int
    attendance: list[bool | None]


class DeliveryDetail(DeliveryOut):
    trainees: list[TraineeOut] = Field(alias="trainee_rows")


class MarkIn(Schema):
    code: str = Field(..., max_length=10, description="The trainee's code (T1, T2…)")
    day: int = Field(..., ge=1, le=MAX_DAYS, description="The course's day, from 1")
    present: bool = Field(..., description="Present (true) or absent (false)")


class AttendanceIn(Schema):
    """The body is one object: ``marks`` lists the marks (not a bare list of rows)."""

    model_config = {"json_schema_extra": {"example": {"marks": [
        {"code": "T1", "day": 1, "present": True},
        {"code": "T1", "day": 2, "present": False},
        {"code": "T2", "day": 1, "present": True}]}}}

    marks: list[MarkIn] = Field(..., max_length=5000, description=(
        "The marks, all saved or none: `{\"marks\": [{\"code\": \"T1\", \"day\": 1, "
        "\"present\": true}, …]}`"))


class AttendanceOut(Schema):
    saved: int = Field(description=(
        "The marks written: `new` + `changed` (a mark sent again as recorded is not saved "
        "again)"))
    new: int = Field(description="Marks not recorded before")
    changed: int = Field(description="Recorded marks the request changed (present ↔ absent)")
    unchanged: int = Field(description="Marks sent as they were recorded already: nothing "
                                       "written")


class DemoLeftOut:
    """A list's rows, and how many demo rows were left out of it; ``user``: the page's
    courses have their costs for this reader worked out together (``_costs`` reads them)."""

    def __init__(self, queryset, demo_left_out: int, user=None) -> None:
        self.queryset, self.demo_left_out, self.user = queryset, demo_left_out, user

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, cut: slice) -> Any:
        page = list(self.queryset[cut])
        # in a fixed number of queries, not some per course (``costs_shown_many``)
        shown = costs_shown.costs_shown_many(self.user, page)
        for d in page:
            d._costs_shown = shown[d.pk]  # read by _costs
        name_courses(page)  # their names, each plan and its catalogue read once
        return page


class DeliveriesPage(LimitOffset):
    class Output(Page):
        items: list[Any]
        demo_left_out: int = Field(0, description=(
            "Demo deliveries you can see that the list leaves out: ask with "
            "`include_demo=true`, or name a demo engagement (`engagement`)"))

    def paginate_queryset(self, queryset, pagination, request, **params: Any):
        return {**super().paginate_queryset(queryset, pagination, request, **params),
                "demo_left_out": getattr(queryset, "demo_left_out", 0)}


@router.get("deliveries", response={200: list[DeliveryOut], **ERRORS},
            summary="Deliveries you can see")
@paginate(DeliveriesPage)
def list_deliveries(request, engagement: str | None = Query(None, pattern=SLUG),
                    include_demo: bool = False):
    """Demo deliveries are left out unless `include_demo=true` or `engagement` names a demo
    engagement (as the other lists and the results); `demo_left_out` says how many. One
    delivery asked for by its uuid is given, demo or not, as one session is."""
    qs = access.deliveries(request.auth)
    if engagement is not None:
        qs = qs.filter(engagement__slug=engagement)
        if qs.filter(engagement__is_demo=True).exists():
            include_demo = True  # asked for by name
    left_out = 0
    if not include_demo:
        left_out = qs.filter(engagement__is_demo=True).count()
        qs = qs.filter(engagement__is_demo=False)
    return DemoLeftOut(qs.order_by("start_date", "cohort_id", "id"), left_out, request.auth)


@router.get("deliveries/{uuid}", response={200: DeliveryDetail, **ERRORS},
            summary="One delivery with its trainees (by code) and attendance")
def get_delivery(request, uuid: UUID):
    delivery = access.delivery_or_404(request.auth, uuid)
    trainees = list(access.trainees(request.auth, delivery))
    marks = {(a.trainee_id, a.day): a.present
             for a in Attendance.objects.filter(trainee__in=[t.pk for t in trainees])}
    rows: list[dict[str, Any]] = []
    for t in trainees:
        days = [marks.get((t.pk, d)) for d in range(1, delivery.days + 1)]
        rows.append({
            "code": t.code, "organisation": t.organisation.name, "role_title": t.role_title,
            "persona": t.persona, "seniority": t.seniority, "gender": t.gender,
            "completion": t.completion, "completion_reason": t.completion_reason,
            "days_present": sum(1 for m in days if m), "attendance": days})
    delivery.trainee_rows = rows  # type: ignore[attr-defined]  # read by DeliveryDetail
    return delivery


@router.post("deliveries/{uuid}/attendance",
             response={200: AttendanceOut, 400: Error, 401: Error, 403: Error, 404: Error,
                       422: Error},
             summary="Record attendance marks (all or none)")
def post_attendance(request, uuid: UUID, body: AttendanceIn):
    """Marks by trainee code and day; the delivery's coordinators and its provider. One
    unknown code or day, or a code and day given twice, refuses the whole request. Counted
    as the attendance import counts them: new, changed, unchanged (sent as recorded)."""
    delivery = access.delivery_or_404(request.auth, uuid)
    scoping.require(access.can_record_attendance(request.auth, delivery),
                    _("Only the engagement's coordinators and the delivery's training provider record attendance."))
    marks = [Mark(m.code.strip().upper(), m.day, m.present) for m in body.marks]
    seen: set[tuple[str, int]] = set()
    for mark in marks:
        if (mark.code, mark.day) in seen:  # which one counts? neither: as the sheet's rule
            return Status(422, {"message": _("Trainee %(code)s, day %(day)s is given twice.")
                                % {"code": mark.code, "day": mark.day}, "field": "marks"})
        seen.add((mark.code, mark.day))
    try:
        written = services.record_attendance_sheet(request.auth, delivery, marks)
    except services.DeliveryError as exc:
        return Status(422, {"message": str(exc), "field": "marks"})
    return {"saved": len(written.new) + len(written.changed), "new": len(written.new),
            "changed": len(written.changed), "unchanged": written.same}
