"""The plan page's "planned vs delivered": each of a plan's courses that has a delivery,
said in a line beside it (read by planning.delivered, registered in apps.py)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext, pgettext

from govcap import localise
from govcap.accounts import scoping
from govcap.delivery import access, pages, services
from govcap.delivery.core.costs import planned_share
from govcap.delivery.course_names import name_courses
from govcap.delivery.models import Delivery, Trainee
from govcap.planning.core.money import format_money
from govcap.planning.delivered import DeliveredCohort


def _day(value) -> str:
    return localise.day(value, empty="—")  # "18 May 2026", "18 mai 2026"


def _state(status: str) -> str:
    """A course's state in one word, for the plan's needs table."""
    words: dict[str, str] = {
        Delivery.Status.COMPLETED: pgettext("course state", "Delivered"),
        Delivery.Status.IN_PROGRESS: pgettext("course state", "Running"),
        Delivery.Status.CANCELLED: pgettext("course state", "Cancelled"),
        Delivery.Status.MERGED: pgettext("course state", "Merged into another course")}
    return words.get(status, pgettext("course state", "Being prepared"))


def deliveries_of(user, plan) -> dict[str, DeliveredCohort]:
    out: dict[str, DeliveredCohort] = {}
    language = (get_language() or "en").split("-")[0]
    # and those of the courses it keeps from an earlier version (delivery.carried)
    carried = {c["cohort_id"]: c["carried_from"] for c in plan.data.get("cohorts", ())
               if c.get("carried_from")}
    kept = Q(engagement_id=plan.engagement_id, cohort_id__in=list(carried),
             plan__version__in=set(carried.values()))
    # a viewer of some organisations: their participants, so their share of the cost
    # (the actual one as the results count it, the planned one by the plan's seats)
    orgs = scoping.scope_of(user).viewer_orgs.get(plan.engagement_id)
    keys = None if orgs is None else pages.org_keys(orgs)
    found = [d for d in (access.deliveries(user).filter(Q(plan=plan) | kept)
                         .select_related("provider", "plan", "merged_into__plan__catalogue"))
             if d.plan_id == plan.pk or carried.get(d.cohort_id) == d.plan.version]
    # the courses merged into, named as the delivery pages name them, each plan read once
    name_courses([d.merged_into for d in found if d.merged_into is not None],
                 language=language)
    # every course's nominees in one query (not one per course), each course's seen ones
    # by ``access.visible_orgs``
    seen = access.visible_orgs_many(user, found)
    nominees: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for delivery_id, org_id, completion in Trainee.objects.filter(
            delivery__in=[d.pk for d in found]).values_list(
            "delivery_id", "organisation_id", "completion"):
        nominees[delivery_id].append((org_id, completion))
    for d in found:
        orgs = seen[d.pk]
        # the completions of the course's nominees the user sees
        trainees = [c for o, c in nominees[d.pk] if orgs is None or o in orgs]
        completed = sum(1 for c in trainees if c == Trainee.Completion.COMPLETED)
        values = {"start": _day(d.start_date), "end": _day(d.end_date),
                  "provider": d.provider.name if d.provider else gettext("no provider yet"),
                  "n": len(trainees), "completed": completed,
                  "reason": d.cancel_reason or gettext("no reason given")}
        if d.status == Delivery.Status.COMPLETED:
            words = ngettext("Delivered %(start)s – %(end)s by %(provider)s: %(completed)d of "
                             "%(n)d participant completed.",
                             "Delivered %(start)s – %(end)s by %(provider)s: %(completed)d of "
                             "%(n)d participants completed.", len(trainees)) % values
            if d.cost_cents is not None and keys is None:
                words += " " + gettext("Cost %(actual)s (planned %(planned)s).") % {
                    "actual": format_money(d.cost_cents, d.currency, language),
                    "planned": format_money(d.planned_cost_cents, d.currency, language)}
            elif d.cost_cents is not None:
                theirs = pages.planned_for(services.cohort(d.plan, d.cohort_id) or {}, keys)
                actual = pages.cost_share(len(trainees), len(nominees[d.pk]), theirs,
                                          d.planned_participants)
                planned = planned_share(theirs, d.planned_participants)
                words += " " + gettext("Cost, your organisations' share: %(actual)s "
                                       "(planned %(planned)s).") % {
                    "actual": format_money(round(d.cost_cents * actual), d.currency, language),
                    "planned": format_money(round(d.planned_cost_cents * planned), d.currency,
                                            language)}
        elif d.status == Delivery.Status.IN_PROGRESS:
            words = ngettext("Running since %(start)s with %(provider)s: %(n)d participant "
                             "nominated.",
                             "Running since %(start)s with %(provider)s: %(n)d participants "
                             "nominated.", len(trainees)) % values
        elif d.status == Delivery.Status.CANCELLED:
            words = gettext("Cancelled: %(reason)s.") % values
        elif d.status == Delivery.Status.MERGED:
            target = d.merged_into
            # named as the delivery pages name it, with its month: it said the internal
            # id ("Merged into CHG-101/en/99")
            words = (gettext("Merged into another course.") if target is None
                     else gettext("Merged into %(course)s, %(month)s.") % {
                         "course": target.course.label, "month": target.course.month_label}
                     if target.course.month else
                     gettext("Merged into %(course)s.") % {"course": target.course.label})
        else:
            words = ngettext("Being prepared with %(provider)s, from %(start)s: %(n)d "
                             "participant nominated.",
                             "Being prepared with %(provider)s, from %(start)s: %(n)d "
                             "participants nominated.", len(trainees)) % values
        out[d.cohort_id] = DeliveredCohort(words, reverse("delivery", args=[d.uuid]), d.status,
                                           _state(d.status), nominated=len(trainees),
                                           month=(f"{d.start_date:%Y-%m}" if d.start_date
                                                  else d.planned_month))
    return out
