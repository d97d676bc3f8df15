"""The words for the core's findings and sheet problems, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from govcap import localise
from govcap.delivery.core import attendance as sheet
from govcap.delivery.core import nominations as n


def finding_text(f: n.Finding, org_names: Mapping[str, str],
                 persona_names: Mapping[str, str] | None = None) -> str:
    """A nomination finding in words: organisations by name, the audiences by the names the
    catalogue gives them in the reader's language (``persona_names``: key → name). The
    organisation's name is set apart (FSI … PDI) in a right-to-left language: in "رشّحت
    Ministère de la Santé 4؛ …" the count joined the Latin name's run and read as part of
    it."""
    org = localise.isolate(org_names.get(f.org_id, f.org_id))
    if f.kind == n.OVER_PLAN:
        return _("%(org)s nominated %(got)s; the plan provides for %(planned)s.") % {
            "org": org, "got": f.count, "planned": f.of}
    if f.kind == n.UNDER_PLAN:
        return _("%(org)s nominated %(got)s of the %(planned)s the plan provides for.") % {
            "org": org, "got": f.count, "planned": f.of}
    if f.kind == n.NOT_IN_PLAN:
        return ngettext("%(org)s is not in this course in the plan but nominated %(n)s person.",
                        "%(org)s is not in this course in the plan but nominated %(n)s people.",
                        f.count) % {"org": org, "n": f.count}
    if f.kind == n.FEW_WOMEN:
        return _("Women: %(women)s of the %(of)s nominees whose gender is stated; the plan "
                 "aims at %(target)s%%.") % {"women": f.count, "of": f.of, "target": f.target}
    if f.kind == n.OUTSIDE_AUDIENCE:
        return ngettext(
            "%(n)s nominee is outside the module's audience (%(roles)s).",
            "%(n)s nominees are outside the module's audience (%(roles)s).",
            f.count) % {"n": f.count, "roles": localise.join(
                [(persona_names or {}).get(p, p) for p in f.personas])}
    return f.kind


def sheet_problem_text(p: sheet.SheetProblem) -> str:
    """A sheet's problem in the reader's words: the columns as the template in their
    language heads them, yes and no as it writes them, their own list punctuation."""
    language = localise.language_of()
    columns = dict(zip(sheet.COLUMNS, sheet.template_headers(language), strict=True))
    yes, no = sheet.yes_no(language)
    if p.kind == sheet.MISSING_COLUMN:
        missing = [localise.quote(columns[c]) for c in p.value.split() if c in columns]
        return ngettext(
            "the column %(missing)s is missing; the sheet needs the columns %(columns)s",
            "the columns %(missing)s are missing; the sheet needs the columns %(columns)s",
            len(missing)) % {"missing": localise.join(missing),
                             "columns": localise.join(localise.quote(c)
                                                      for c in columns.values())}
    if p.kind == sheet.EMPTY:
        return _("empty; every row needs a code and a day (whether present, %(yes)s or "
                 "%(no)s, may be left blank: the mark stays as it is)") % {"yes": yes, "no": no}
    if p.kind == sheet.UNKNOWN_CODE:
        return _("“%(value)s” is not a trainee code of this delivery") % {"value": p.value}
    if p.kind == sheet.BAD_DAY:
        return _("“%(value)s” is not a day of this course (1 to %(days)s)") % {
            "value": p.value, "days": p.limit}
    if p.kind == sheet.BAD_PRESENT:
        return _("%(value)s is not %(yes)s or %(no)s") % {
            "value": localise.quote(p.value), "yes": yes, "no": no}
    if p.kind == sheet.DUPLICATE:
        return _("%(value)s is already given in row %(row)s") % {"value": p.value, "row": p.limit}
    if p.kind == sheet.NO_ROWS:
        return _("the sheet has no attendance rows")
    return p.kind
