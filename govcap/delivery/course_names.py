"""A course as the plan's documents name it, on every delivery page: its module's title and
code, the documents' cohort number (``planning.core.cohort_numbers``, the one the PDF, the
DOCX and the workbook print), the month the plan gives it and its organisations.

The pages said the internal id ("POL-901/en/03"), whose last part is not the documents'
number: Kenya's follow-up has three POL-901 rows, and en/03 is the February coaching for
ODPC that the plan calls "POL-901 cohort 1". A delivery recorded against the wrong row
feeds the next round's memory of what was delivered. The id stays in URLs and the API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from govcap import localise
from govcap.orgs.models import Organisation
from govcap.planning import wording
from govcap.planning.core.cohort_numbers import stored_numbers


@dataclass(frozen=True)
class CourseName:
    code: str
    title: str  # "" when the catalogue has no such module
    number: int | None  # the documents' cohort number; None when they print none
    month: str  # the plan's month, "2026-02" ("" when it has none)
    organisations: tuple[str, ...]  # the names the reader may see, in the readers' order

    @property
    def module(self) -> str:
        """"Data protection coaching (POL-901)": the code never without its title."""
        return wording.isolate(f"{self.title} ({self.code})" if self.title else self.code)

    @property
    def cohort(self) -> str:
        """"cohort 1", as the documents' Cohort column numbers it ("" when they do not)."""
        if self.number is None:
            return ""
        return pgettext("a module's first, second … cohort, as the plan's documents number "
                        "them", "cohort %(n)s") % {"n": self.number}

    @property
    def label(self) -> str:
        """The course in one line, for a heading, a menu, a breadcrumb: "Data protection
        coaching (POL-901), cohort 1"."""
        if not self.cohort:
            return self.module
        return _("%(module)s, %(cohort)s") % {"module": self.module, "cohort": self.cohort}

    @property
    def month_label(self) -> str:
        return wording.month_label(self.month) if self.month else ""

    @property
    def organisations_label(self) -> str:
        return localise.join(self.organisations)

    @property
    def details(self) -> str:
        """What tells it from its module's other courses: "cohort 1 · February 2026 ·
        ODPC" (its parts that are known)."""
        parts = [self.cohort, self.month_label, self.organisations_label]
        return " · ".join(p for p in parts if p)

    @property
    def full(self) -> str:
        """The module, then what tells the course apart: for a menu of courses."""
        return " · ".join(p for p in (self.module, self.details) if p)


class _Plans:
    """What naming reads of each plan once: its numbers, its cohorts, its catalogue."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.numbers: dict[int, dict[str, int]] = {}
        self.cohorts: dict[int, dict[str, dict[str, Any]]] = {}
        self.titles: dict[int, dict[str, str]] = {}

    def read(self, plan) -> None:
        if plan.pk in self.numbers:
            return
        cohorts = plan.data.get("cohorts", ())
        self.numbers[plan.pk] = stored_numbers(cohorts) or {}
        self.cohorts[plan.pk] = {c["cohort_id"]: c for c in cohorts}
        self.titles[plan.pk] = {code: m.title for code, m in
                                plan.catalogue.parsed(self.language).by_code.items()}


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def name_courses(deliveries: Iterable[Any], visible: dict[int, frozenset[int] | None]
                 | None = None, language: str | None = None) -> None:
    """Give each delivery its ``course`` (a ``CourseName``), each plan and catalogue read
    once, the organisations' names in one query. ``visible``: delivery id → the
    organisations its reader sees (``access.visible_orgs_many``; None or absent: all)."""
    deliveries = list(deliveries)
    plans = _Plans(language or _language())
    for d in deliveries:
        plans.read(d.plan)
    keys = {m["org_id"] for d in deliveries
            for m in plans.cohorts[d.plan_id].get(d.cohort_id, {}).get("members", ())}
    orgs = {str(u): (pk, name) for pk, u, name in Organisation.objects.filter(
        uuid__in=list(keys)).values_list("pk", "uuid", "name")} if keys else {}
    for d in deliveries:
        seen = (visible or {}).get(d.pk)
        cohort = plans.cohorts[d.plan_id].get(d.cohort_id, {})
        names = [orgs[m["org_id"]][1] for m in cohort.get("members", ())
                 if m["org_id"] in orgs and m.get("participants", 1)
                 and (seen is None or orgs[m["org_id"]][0] in seen)]
        d.__dict__["course"] = CourseName(
            d.module_code, plans.titles[d.plan_id].get(d.module_code, ""),
            plans.numbers[d.plan_id].get(d.cohort_id), cohort.get("month") or d.planned_month,
            tuple(localise.sorted_names(names)))


def course_name(delivery) -> CourseName:
    """One delivery's ``CourseName`` (every organisation of its course named)."""
    name_courses([delivery])
    course: CourseName = delivery.__dict__["course"]
    return course


def plan_names(plan, cohorts: Iterable[dict[str, Any]], names: dict[str, str],
               language: str) -> dict[str, CourseName]:
    """Cohort id → its ``CourseName`` for a plan's cohorts (the deliveries overview, before
    any delivery exists); ``names``: organisation uuid → the name its reader may see."""
    plans = _Plans(language)
    plans.read(plan)
    return {c["cohort_id"]: CourseName(
        c["module_code"], plans.titles[plan.pk].get(c["module_code"], ""),
        plans.numbers[plan.pk].get(c["cohort_id"]), c.get("month") or "",
        tuple(localise.sorted_names([names[m["org_id"]] for m in c.get("members", ())
                                     if m["org_id"] in names and m.get("participants", 1)])))
        for c in cohorts}
