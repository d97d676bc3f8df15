"""Why a need was not placed, in the document's language: a course that found no month says
which organisation's calendar or which rule kept it out (``Unfit.blocked``), as the plan page
does — "No month with free capacity" alone let a reader see free months in the load table
and wonder why."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from govcap.planning.core import reasons
from govcap.planning.core.inputs import add_months
from govcap.planning.core.plan import Unfit
from govcap.planning.month_words import reasons_words
from govcap.planning.wording import domain_title
from govcap.reports.scope import Scope


class _DocumentVoice:
    """core.reasons said in a document: its language, its month names, the organisations
    and modules as its tables name them."""

    def __init__(self, s: Scope) -> None:
        self.s = s

    def gettext(self, message: str) -> str:
        with translation.override(self.s.L.language):
            return translation.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        with translation.override(self.s.L.language):
            return translation.ngettext(singular, plural, n)

    def fact(self, kind: str, value: Any) -> str:
        L = self.s.L
        if kind == "month":
            return L.month(value)
        if kind == "quarter":
            return f"{L.month(value)} – {L.month(add_months(value, 2))}"
        if kind == "org":
            return self.s.names.get(value, str(value))
        if kind == "module":
            return f"{value} {self.s.module_title(value)}".strip()
        if kind == "domain":
            with translation.override(L.language):
                return domain_title(value)
        if kind == "reasons":
            return (reasons_words(value, L.language) if value
                    else self.gettext(reasons.BLOCKED_DAYS))
        if kind == "clauses":  # one reason said for several organisations
            return L.semicolons(value)
        return "—" if value is None else str(value)


def unfit_reason(s: Scope, u: Unfit) -> str:
    if u.reason == "capacity" and u.blocked:
        return s.L.t("unfit.capacity_why", why="; ".join(
            reasons.blocked_words(u.blocked, _DocumentVoice(s))))
    return s.L.get_or(f"unfit.{u.reason}", u.message)
