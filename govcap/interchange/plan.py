"""What importing a file would do, decided without touching the database.

:func:`make_plan` takes the table, the form and a :class:`Context` (the engagement's
country, organisations and facilitators, and the submission IDs already imported) and
returns the sessions to create and the rows to skip, or raises :class:`ImportProblem`
listing every problem: the file is imported whole or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from govcap import localise
from govcap.interchange.formspec import FormSpec
from govcap.interchange.headers import ColumnMap, fold, map_columns, tool_name
from govcap.interchange.problems import ImportProblem, Problem
from govcap.interchange.rows import (
    REJECTED_REVIEW_STATES,
    SubmissionRow,
    normalise_instance_id,
    parse_rows,
)
from govcap.interchange.tables import Table


@dataclass(frozen=True)
class OrganisationRef:
    id: int
    name: str
    code: str = ""
    in_engagement: bool = True


@dataclass(frozen=True)
class PersonRef:
    id: int
    username: str
    full_name: str = ""
    email: str = ""


@dataclass(frozen=True)
class Context:
    engagement: str
    country_name: str
    country_code: str
    instrument_key: str
    instrument_version: str
    organisations: tuple[OrganisationRef, ...] = ()  # the country's
    facilitators: tuple[PersonRef, ...] = ()  # the engagement's
    imported: Mapping[str, str] = field(default_factory=dict)  # instance ID → engagement


@dataclass(frozen=True)
class PlannedSession:
    submission: SubmissionRow
    organisation_id: int
    organisation_name: str
    facilitator_id: int | None
    note_taker: str


@dataclass(frozen=True)
class Skipped:
    row: int
    instance_id: str
    reason: str


@dataclass(frozen=True)
class ImportPlan:
    sessions: tuple[PlannedSession, ...]
    skipped: tuple[Skipped, ...]
    columns: ColumnMap
    table_format: str
    notices: tuple[str, ...] = ()


def make_plan(table: Table, spec: FormSpec, context: Context) -> ImportPlan:
    if (spec.form_id, spec.version) != (context.instrument_key, context.instrument_version):
        raise ValueError("the form spec is not the engagement's instrument version")
    columns = map_columns(table.headers, spec)
    parsed = parse_rows(table, columns, spec)
    _check_form_version(parsed.form_versions, context, spec)
    notices: list[str] = []
    if not parsed.form_versions and table.rows:
        notices.append(_("The file does not say which form version it was collected with (no "
                         "govcap_version or FormVersion column); its columns were matched by "
                         "name."))

    problems: list[Problem] = []
    sessions: list[PlannedSession] = []
    skipped: list[Skipped] = []
    first_row: dict[str, int] = {}
    unmatched: dict[str, list[int]] = {}
    for result in parsed.results:
        iid = result.instance_id
        if iid and iid in first_row:
            problems.append(Problem(_("the submission %(id)s appears twice (first in row "
                                      "%(row)d)") % {"id": iid, "row": first_row[iid]},
                                    result.number, columns.header("instance_id")))
            continue
        if iid:
            first_row[iid] = result.number
        if iid in context.imported:
            skipped.append(Skipped(result.number, iid,
                                   _("already imported (engagement %(engagement)s)")
                                   % {"engagement": context.imported[iid]}))
            continue
        sub = result.submission
        if sub is not None and not sub.consent:
            skipped.append(Skipped(result.number, iid, _("consent was not given: nothing of "
                                                         "this discussion is imported")))
            continue
        if sub is not None and sub.review_state in REJECTED_REVIEW_STATES:
            skipped.append(Skipped(result.number, iid, _("marked “%(state)s” in %(tool)s")
                                   % {"state": sub.review_state,
                                      "tool": tool_name(columns.tool)}))
            continue
        row_problems = list(result.problems)
        if sub is not None and not row_problems:
            planned = _plan_session(sub, columns, context, row_problems, unmatched)
            if planned is not None and not row_problems:
                sessions.append(planned)
        problems += row_problems
    if unmatched:
        known = localise.join(f"{o.name} ({o.code})" if o.code else o.name
                              for o in context.organisations if o.in_engagement) or _("none")
        listed = localise.join(
            (ngettext("“%(name)s” (row %(rows)s)", "“%(name)s” (rows %(rows)s)", len(rows))
             % {"name": name, "rows": localise.join(map(str, rows))})
            for name, rows in unmatched.items())
        problems.append(Problem(_("organisations not found in the engagement %(engagement)s: "
                                  "%(names)s. Its organisations are: %(known)s. Correct the "
                                  "names in the file, or add the organisations to the "
                                  "engagement.") % {"engagement": context.engagement,
                                                    "names": listed, "known": known}))
    if problems:
        raise ImportProblem(sorted(problems, key=lambda p: (p.row or 10**9, p.column or "")))
    return ImportPlan(tuple(sessions), tuple(skipped), columns, table.format, tuple(notices))


def instance_ids(table: Table, spec: FormSpec) -> list[str]:
    """The submission IDs in a file (to look up which are already imported)."""
    columns = map_columns(table.headers, spec)
    index = columns.meta["instance_id"]
    return [normalise_instance_id(row.cells[index]) for row in table.rows]


def _check_form_version(found: Mapping[tuple[str, str], tuple[int, ...]], ctx: Context,
                        spec: FormSpec) -> None:
    expected = (ctx.instrument_key, ctx.instrument_version)
    others = {ident: rows for ident, rows in found.items() if ident != expected}
    if not others:
        return
    described = localise.join(
        (_("%(form)s version %(version)s (rows %(rows)s)")
         % {"form": spec.name() if key == spec.form_id else key or "?",
            "version": version or "?", "rows": _ranges(rows)})
        for (key, version), rows in others.items())
    raise ImportProblem([Problem(
        _("this file holds submissions of another form or version: %(found)s. The engagement "
          "%(engagement)s uses %(form)s version %(version)s; only submissions made with that "
          "form can be imported into it.")
        % {"found": described, "engagement": ctx.engagement, "form": spec.name(),
           "version": ctx.instrument_version})])


def _plan_session(sub: SubmissionRow, columns: ColumnMap, ctx: Context,
                  problems: list[Problem], unmatched: dict[str, list[int]]
                  ) -> PlannedSession | None:
    org_column = _field_header(columns, "organisation")
    wanted = fold(sub.organisation)
    matches = [o for o in ctx.organisations if wanted in (fold(o.name), fold(o.code))]
    in_engagement = [o for o in matches if o.in_engagement]
    organisation = None
    if len(in_engagement) == 1:
        organisation = in_engagement[0]
    elif len(in_engagement) > 1:
        problems.append(Problem(_("“%(name)s” matches several organisations: %(found)s")
                                % {"name": sub.organisation,
                                   "found": localise.join(o.name for o in in_engagement)},
                                sub.row, org_column))
    elif matches:
        problems.append(Problem(_("%(name)s is an organisation of %(country)s but not of the "
                                  "engagement %(engagement)s; add it to the engagement first")
                                % {"name": matches[0].name, "country": ctx.country_name,
                                   "engagement": ctx.engagement}, sub.row, org_column))
    else:
        unmatched.setdefault(sub.organisation, []).append(sub.row)
        problems.append(Problem(_("“%(name)s” matches no organisation of the engagement by "
                                  "name or code") % {"name": sub.organisation},
                                sub.row, org_column, unmatched=sub.organisation))
    if sub.country and fold(sub.country) not in (fold(ctx.country_name), fold(ctx.country_code)):
        problems.append(Problem(_("“%(given)s” is not the engagement's country (%(country)s)")
                                % {"given": sub.country, "country": ctx.country_name},
                                sub.row, _field_header(columns, "country")))
    if organisation is None:
        return None
    person = _match_person(sub.facilitator, ctx.facilitators)
    return PlannedSession(
        submission=sub,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        facilitator_id=person.id if person else None,
        note_taker="" if person else sub.facilitator[:120],
    )


def _field_header(columns: ColumnMap, name: str) -> str:
    index = columns.fields.get(name)
    return columns.headers[index] if index is not None else name


def _match_person(name: str, people: tuple[PersonRef, ...]) -> PersonRef | None:
    """The one facilitator whose user name, e-mail or full name is ``name``, if exactly one."""
    wanted = fold(name)
    if not wanted:
        return None
    for attribute in ("username", "email", "full_name"):
        found = [p for p in people if fold(getattr(p, attribute)) == wanted]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def _ranges(rows: tuple[int, ...]) -> str:
    """2, 3, 4, 7 → "2–4, 7"."""
    parts: list[str] = []
    start = prev = rows[0]
    for n in (*rows[1:], None):
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
