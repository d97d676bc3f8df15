"""Plan downloads: JSON from the stored data, DOCX/PDF/XLSX through ``govcap.reports.plan``.

The stored version is rendered as it was stored (never regenerated), so an approved plan's
documents always say what was approved.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify

from govcap.accounts import scoping
from govcap.accounts.models import Role, RoleAssignment
from govcap.instruments.services import localised
from govcap.orgs.models import Organisation
from govcap.orgs.names import country_of, round_name
from govcap.planning import wording
from govcap.planning.benchmarks import benchmark_texts
from govcap.planning.core.diff import diff_plans
from govcap.planning.core.narrow import organisation_share
from govcap.planning.core.plan import canonical_json
from govcap.planning.inputs_db import later_round_label, previous_round
from govcap.planning.models import DOCUMENT_FORMATS as FORMATS
from govcap.planning.models import Plan, PlanEdit
from govcap.planning.rounds_words import engagement_names
from govcap.planning.services import replaced_by
from govcap.reports import course_states, json_words
from govcap.reports import plan as reports
from govcap.reports.context import PlanDocumentContext
from govcap.reports.labels import Labels, plan_title
from govcap.reports.programme import CountryPlan, build_programme
from govcap.translations import accepted_pseudo_locales

BRIEF_FORMATS = ("brief-pdf", "brief-docx")  # the minister's one-page brief
# The languages the documents are written in: every word (reports.labels), right to left for
# Arabic. Module and section titles come from the catalogue's and the instrument's layer in
# that language, falling back to their source texts where they have none.
LANGUAGES = ("en", "fr", "ar", "sw")
CONTENT_TYPES = {
    "brief-docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "brief-pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


class DocumentUnavailable(Exception):
    """The renderer for a format is not installed in this build."""


class UnknownLanguage(ValueError):
    """A document language that is not one of :data:`LANGUAGES`."""


def written_in() -> tuple[str, ...]:
    """:data:`LANGUAGES`; with GOVCAP_PSEUDO_LOCALES on, the pseudo-locales too, so that a
    translator (or tests/i18n's crawl) reads every word of a document as gettext gives it.
    Never offered: the language choices list :data:`LANGUAGES` only."""
    return LANGUAGES + accepted_pseudo_locales()


def document_language(default: str | None, asked: str | None = None) -> str:
    """The language to write a document in: `asked` when given (one of :data:`LANGUAGES`,
    else :class:`UnknownLanguage`), else `default` (the engagement's language, or the
    reader's) when the documents are written in it, else English."""
    languages = written_in()
    if asked:
        code = asked.strip().lower()
        if code not in languages:
            raise UnknownLanguage(f"language {asked!r}: plan documents are written in "
                                  f"{', '.join(LANGUAGES)}")
        return code
    code = (default or "").lower()
    code = code if code in languages else code.split("-")[0]
    return code if code in languages else "en"


def organisation_json(data: dict[str, Any], org_id: str) -> dict[str, Any]:
    """The plan as one organisation's data: its lines, the cohorts it attends (the others
    in them counted, not named), its share of the budget; nothing of another organisation,
    as its PDF and XLSX."""
    return organisation_share(data, org_id)


def find_org_id(plan: Plan, ref: str) -> str | None:
    """An organisation of the plan by UUID, short name (code) or name."""
    ids = {o["org_id"] for o in plan.data["organisations"]}
    if ref in ids:
        return ref
    orgs = Organisation.objects.filter(engagements=plan.engagement)
    for org in orgs:
        if ref.lower() in {org.code.lower(), org.name.lower()} and str(org.uuid) in ids:
            return str(org.uuid)
    return None


def filename(plan: Plan, fmt: str, org_id: str | None = None,
             language: str | None = None) -> str:
    """The file's name; an organisation's plan names the organisation, a language other than
    the engagement's own is named in it, and a draft's name says when it last changed, so
    two downloads of an edited draft differ."""
    suffix = f"-{_org_slug(plan, org_id)}" if org_id else ""
    if plan.status == Plan.Status.DRAFT and plan.updated_at:
        suffix += f"-draft-{timezone.localtime(plan.updated_at):%Y%m%d-%H%M}"
    if language and language != document_language(plan.engagement.language):
        suffix += f"-{language}"
    if fmt in BRIEF_FORMATS:
        return f"brief-{plan.engagement.slug}-v{plan.version}{suffix}.{fmt.removeprefix('brief-')}"
    return f"plan-{plan.engagement.slug}-v{plan.version}{suffix}.{fmt}"


def _org_slug(plan: Plan, org_id: str) -> str:
    """"ministry-of-health", not an identifier's first characters ("4b3ddc12")."""
    name = next((o["org_name"] for o in plan.data["organisations"] if o["org_id"] == org_id),
                "")
    return slugify(name)[:50].rstrip("-") or org_id[:8]


def _context(plan: Plan, org_id: str | None,
             language: str | None = None) -> PlanDocumentContext:
    engagement = plan.engagement
    language = language or document_language(engagement.language)
    instrument = localised(engagement.instrument, language)
    titles = {s.key: f"{s.number}. {s.title}" for s in instrument.sections}
    names = {o["org_id"]: o["org_name"] for o in plan.data["organisations"]}
    levels: dict[str, dict[str, str | None]] = {org: {} for org in names}
    for row in plan.data["sections"]:
        levels[row["org_id"]][row["section_key"]] = row["current"]
    heatmap = [(names[org], levels[org]) for org in sorted(names, key=lambda o: names[o])]
    made = plan.approved_at or plan.updated_at or timezone.now()
    approver = _approver(plan, language)
    ctx = PlanDocumentContext(
        title=plan_title(language, _title_words(engagement, language)),
        country=engagement.country.name_in(language),
        engagement=engagement.name_in(language), round_label=engagement.round_label, language=language,
        currency=plan.data["currency"], generated_on=timezone.localtime(made),
        status=plan.status, version=plan.version, organisation_id=org_id,
        section_titles=titles, heatmap=heatmap, instrument_title=str(instrument.title),
        project_name=engagement.project_name, is_demo=engagement.is_demo,
        superseded_by=getattr(replaced_by(plan), "version", None),
        country_of=country_of(engagement.country.code, engagement.country.name, language),
        later_round=later_round_label(engagement,
                                      plan.data.get("extra", {}).get("later_round")),
        previous_round=_previous_round(engagement,
                                       plan.data.get("extra", {}).get("previous_round")),
        **_changes(plan, language, {s.key: str(s.title) for s in instrument.sections}),
        approved_by=approver[0], approved_role=approver[1],
        made_by=approver[0] or _full_name(plan.created_by),
        engagement_names=engagement_names(language),
        benchmarks=benchmark_texts(plan.plan_data(), language),
        records=(course_states.recorded(plan) if plan.status == Plan.Status.APPROVED
                 else None),
        nominated=course_states.nominated(plan),
        english_titles=tuple(str(s.title) for s in instrument.sections
                             if getattr(s.title, "fallback", False)),
    )
    return ctx


def _full_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def _approver(plan: Plan, language: str) -> tuple[str, str]:
    """Who approved ``plan``, as recorded: their full name (else their username) and the
    role they hold in its engagement (else programme-wide), in ``language``. Nothing for
    a draft, or when the account is gone (the cover then says so)."""
    user = plan.approved_by if plan.status != Plan.Status.DRAFT else None
    if user is None:
        return "", ""
    held = list(RoleAssignment.objects.filter(user=user).filter(
        Q(engagement=plan.engagement) | Q(engagement__isnull=True)).order_by(
        "engagement_id").values_list("role", "engagement_id"))
    own = [role for role, at in held if at is not None] or [role for role, _at in held]
    with translation.override(language):
        role = approver_function(own[0]) if own else ""
    return user.get_full_name().strip() or user.get_username(), role


def approver_function(role: str) -> str:
    """The role an approver held, said as a function ("coordination"), in the active
    language: the role's title ("Coordinateur") gave everyone who approved a gender."""
    # Each call spells its context out: xgettext extracts only a literal context.
    functions = {
        Role.COORDINATOR: translation.pgettext(
            "the function of whoever approved a plan, after their name: “(coordination)”",
            "coordination"),
        Role.PROGRAMME_MANAGER: translation.pgettext(
            "the function of whoever approved a plan, after their name: “(coordination)”",
            "programme management"),
        Role.ADMINISTRATOR: translation.pgettext(
            "the function of whoever approved a plan, after their name: “(coordination)”",
            "administration")}
    return functions.get(Role(role)) or str(Role(role).label)


def _title_words(engagement, language: str) -> str:
    """"Somalia — Baseline (2026)", "الصومال — خط الأساس (2026)": the country and the round
    in the document's language (the round in the active language: ``_context`` is read in
    it), not the engagement's stored name ("Somalia — baseline 2026"), which left an Arabic
    title half in English; that name stays on the cover."""
    year = engagement.start_date.year if engagement.start_date else None
    return f"{engagement.country.name_in(language)} — {round_name(engagement.round_number, year)}"


def _previous_round(engagement, stored: str | None) -> str:
    """The round before (plan data ``extra.previous_round``, stored in English: "Baseline")
    as documents name a round, in their language: "Msingi (2025)"; the Swahili and Arabic
    briefs said "Tangu Baseline". "" for none."""
    if not stored:
        return ""
    before = previous_round(engagement)
    if before is None:
        return stored
    return round_name(before.round_number, before.start_date.year if before.start_date else None)


def approved_before(plan: Plan) -> Plan | None:
    """The latest version approved before ``plan``, what its documents compare with: a draft
    never approved is the coordinator's working copy, not a version a ministry or a donor
    had (Kenya's version 2 said "Changes since version 1: 7 edits are new or turned out
    differently …" of a version 1 no one approved)."""
    return (Plan.objects.filter(engagement_id=plan.engagement_id, version__lt=plan.version,
                                status=Plan.Status.APPROVED)
            .order_by("-version").first())


def _changes(plan: Plan, language: str, sections: dict[str, str]) -> dict[str, Any]:
    """What changed since the version approved before this one (:func:`approved_before`),
    in the plan page's words (wording.diff_lines), for the documents: a donor comparing
    versions sees why the cost moved. Nothing when no version was approved before."""
    previous = approved_before(plan)
    if previous is None:
        return {}
    diff = (plan.diff if plan.based_on_id == previous.pk and plan.diff
            else diff_plans(previous.data, plan.data).to_dict())
    if diff.get("is_empty"):
        return {}
    before, after = previous.plan_data(), plan.plan_data()
    namer = wording.Namer(plan.catalogue.parsed(language), after, before, sections=sections)
    # the documents have no Edits list to point to ("see Edits"): they name the edits
    changed = {c["key"] for c in diff.get("operations_changed") or []
               if isinstance(c, dict)}
    stored = {e.op_id: e.operation for e in PlanEdit.objects.filter(engagement=plan.engagement)}
    edits = [line for op, line in zip(after.operations, wording.edit_lines(
        after.operations, stored, namer), strict=True) if op.op_id in changed]
    lines = wording.diff_lines(diff, after.currency, namer, before, after, edits)
    if not lines:
        return {}
    out: dict[str, Any] = {"changes_since": previous.version, "changes": tuple(lines)}
    budget = wording.budget_change(diff, after.currency, before)
    if budget is not None:  # each in its version's currency
        out["budget_before"], out["budget_after"] = budget[:2]
    return out


def render(plan: Plan, fmt: str, org_id: str | None = None,
           language: str | None = None) -> bytes:
    """The document bytes in `language` (default: the engagement's, see
    :func:`document_language`); :class:`DocumentUnavailable` when the renderer is missing,
    :class:`UnknownLanguage` for a language the documents are not written in."""
    if fmt not in FORMATS + BRIEF_FORMATS:
        raise ValueError(f"format {fmt!r}: use one of {', '.join(FORMATS + BRIEF_FORMATS)}")
    language = document_language(plan.engagement.language, language)
    if fmt == "json":
        if org_id is None and language == "en":
            return plan.data_json.encode()  # as stored, byte for byte
        said = plan.data if language == "en" else _json_in(plan, language)
        return canonical_json(said if org_id is None
                              else organisation_json(said, org_id)).encode()
    with translation.override(language):  # the round's label in the document's language
        ctx = _context(plan, org_id, language)
    catalogue = plan.catalogue.parsed(ctx.language)  # the exact version the plan used
    key = _rendered_key(plan, fmt, ctx, catalogue)
    if key is not None:
        with _RENDERED_LOCK:
            kept = _RENDERED.get(key)
            if kept is not None:
                _RENDERED.move_to_end(key)
                return kept
    try:
        if fmt in BRIEF_FORMATS:
            data: bytes = reports.render_brief(plan.plan_data(), ctx, fmt.removeprefix("brief-"),
                                               catalogue=catalogue)
        else:
            data = reports.render_plan(plan.plan_data(), ctx, fmt, catalogue=catalogue)
    except ImportError as exc:  # a renderer (or what it needs) is missing from this build
        raise DocumentUnavailable(
            f"{fmt.upper()} plan documents are not available in this build ({exc.name}); "
            "download the JSON.") from exc
    if key is not None:
        with _RENDERED_LOCK:
            _RENDERED[key] = data
            while len(_RENDERED) > RENDERED_KEPT:
                _RENDERED.popitem(last=False)
    return data


# Documents of approved versions already rendered in this process, newest last (a Somalia
# PDF took 6-13 s, nearly all of it WeasyPrint's layout and drawing): a second download, the
# plan pack or another reader gets the same bytes at once. The key holds everything a
# document is made of — the version's stored data (its checksum), the format, the whole
# context (language, organisation, approver, superseded or not, deliveries recorded,
# nominations, later round, section titles…), the catalogue as parsed in the language and
# the day — so any change renders it anew. Kept in memory only: a restart (a new release)
# starts empty.
RENDERED_KEPT = 24
_RENDERED: OrderedDict[str, bytes] = OrderedDict()
_RENDERED_LOCK = threading.Lock()  # a threaded server's requests share the dict


def _rendered_key(plan: Plan, fmt: str, ctx: PlanDocumentContext, catalogue: Any) -> str | None:
    """The key of a rendered document of an approved version; None for a draft, which
    changes in place."""
    if plan.status != Plan.Status.APPROVED:
        return None
    made_of = "\x1f".join((str(plan.pk), plan.checksum, fmt, repr(ctx), repr(catalogue),
                           str(wording._today()), translation.get_language() or ""))
    return hashlib.sha256(made_of.encode()).hexdigest()


def _json_in(plan: Plan, language: str) -> dict[str, Any]:
    """The plan's stored data with its sentences in ``language`` (json_words): the
    generator's are English, and the French JSON was partly English."""
    instrument = localised(plan.engagement.instrument, language)
    data = plan.plan_data()
    return json_words.in_language(
        plan.data, data, plan.catalogue.parsed(language), language,
        {s.key: str(s.title) for s in instrument.sections}, benchmark_texts(data, language),
        {e.op_id: e.operation for e in PlanEdit.objects.filter(engagement=plan.engagement)})


@dataclass(frozen=True)
class ProgrammePlans:
    """What the programme document reads, within the reader's scope."""

    plans: list[CountryPlan]  # per country, the approved plan(s) of its latest round with one
    missing: list[str]  # engagements of that round or later with no approved plan
    earlier: list[CountryPlan]  # approved plans of earlier rounds: named, not summed
    countries: list[str]  # the countries of every engagement the reader sees
    whole_programme: bool  # the reader sees every engagement


def programme_engagements(user):
    """The engagements whose plans go into ``user``'s programme plan: those they read whole.
    A viewer narrowed to some organisations of an engagement reads only those organisations'
    plans (its whole plan's download is not found: reports.views.download); the programme
    plan, which sums every organisation, leaves that engagement out (docs/security.md)."""
    narrowed = scoping.scope_of(user).viewer_orgs
    return scoping.engagements(user).exclude(id__in=list(narrowed))


def programme_plans(user, project: str = "") -> ProgrammePlans:
    """Per country, the latest approved plan of each engagement of its latest round that has
    one (of one project when named); earlier rounds' approved plans apart; the engagements
    left out for having none. Only engagements the user reads whole
    (``programme_engagements``)."""
    engagements = list(programme_engagements(user).order_by("country__name", "round_number",
                                                            "name"))
    if project:
        engagements = [e for e in engagements if e.project_name == project]
    approved: dict[int, CountryPlan] = {}
    for engagement in engagements:
        plan = (Plan.objects.filter(engagement=engagement, status=Plan.Status.APPROVED)
                .order_by("-version").first())
        if plan is not None:
            # its deliveries read once, their states and figures together
            found_deliveries = course_states.read(plan)
            approved[engagement.pk] = CountryPlan(
                country=engagement.country.local_name, engagement=engagement.local_name,
                round_label=engagement.round_label, version=plan.version,
                approved_on=timezone.localdate(plan.approved_at) if plan.approved_at else None,
                data=plan.plan_data(), is_demo=engagement.is_demo,
                records=found_deliveries.records, actuals=found_deliveries.actuals)
    latest: dict[int, int] = {}  # country → its latest round with an approved plan
    for engagement in engagements:
        if engagement.pk in approved:
            latest[engagement.country_id] = max(latest.get(engagement.country_id, -1),
                                                engagement.round_number)
    result = ProgrammePlans([], [], [], sorted({e.country.local_name for e in engagements}),
                            scoping.scope_of(user).reads_everything
                            and not scoping.scope_of(user).viewer_orgs)
    for engagement in engagements:
        round_number = latest.get(engagement.country_id, -1)
        if engagement.pk not in approved:
            if engagement.round_number >= round_number:  # not an earlier, superseded round
                result.missing.append(engagement.local_name)
        elif engagement.round_number == round_number:
            result.plans.append(approved[engagement.pk])
        else:
            result.earlier.append(approved[engagement.pk])
    return result


def render_programme(user, fmt: str, language: str, project: str = "",
                     asked: str | None = None) -> bytes:
    """The programme's plan across countries (reports.programme) in DOCX, PDF or XLSX, in
    `asked` or else in `language` (the reader's) when the documents are written in it."""
    if fmt not in reports.FORMATS:
        raise ValueError(f"format {fmt!r}: use one of {', '.join(reports.FORMATS)}")
    language = document_language(language, asked)
    with translation.override(language):  # the rounds' labels in the document's language
        found = programme_plans(user, project)
    labels = Labels(language)
    if found.whole_programme:
        title = (labels.t("programme.title", project=project) if project
                 else labels["programme.title_all"])
        reader_countries = None
    else:  # a reader who sees some countries: the title says which
        names = labels.commas(found.countries) or labels["programme.no_country"]
        title = (labels.t("programme.title_project_some", project=project, countries=names)
                 if project else labels.t("programme.title_some", countries=names))
        reader_countries = found.countries
    document = build_programme(found.plans, title, language, found.missing,
                               earlier=found.earlier, reader_countries=reader_countries)
    return reports.render_document(document, fmt)
