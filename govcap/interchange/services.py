"""The database side of interchange: the form of an instrument version, and importing a file
of submissions into an engagement in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from govcap.accounts import audit
from govcap.accounts.models import Role
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.instruments.models import Instrument
from govcap.instruments.services import localised
from govcap.interchange.formspec import FormSpec, build_form
from govcap.interchange.headers import header_score
from govcap.interchange.plan import (
    Context,
    ImportPlan,
    OrganisationRef,
    PersonRef,
    PlannedSession,
    instance_ids,
    make_plan,
)
from govcap.interchange.problems import ImportProblem
from govcap.interchange.tables import read_table
from govcap.interchange.xlsform import write_xlsform
from govcap.orgs.models import Engagement
from govcap.translations import accepted_pseudo_locales

MAX_FILE_BYTES = 50 * 1024 * 1024


# --- the form -----------------------------------------------------------------------------


def available_languages(instrument: Instrument) -> list[str]:
    """The instrument's own language first, then its translations."""
    source = instrument.parsed.source_language
    others = instrument.translations.exclude(language=source).order_by("language")
    return [source, *others.values_list("language", flat=True)]


def form_spec(instrument: Instrument, languages: Sequence[str] | None = None) -> FormSpec:
    """The XLSForm of an instrument version in some of its languages (default: all)."""
    available = available_languages(instrument)
    chosen = list(dict.fromkeys(languages)) if languages else available
    # a pseudo-locale (GOVCAP_PSEUDO_LOCALES): the form's own words through gettext, the
    # instrument's in its source language
    unknown = [lang for lang in chosen if lang not in (*available, *accepted_pseudo_locales())]
    if unknown:
        raise ValueError(f"{instrument.key} v{instrument.version} has no {', '.join(unknown)} "
                         f"translation; its languages are: {', '.join(available)}")
    return build_form({lang: localised(instrument, lang) for lang in chosen}, chosen)


def export_xlsform(instrument: Instrument, path: str | Path,
                   languages: Sequence[str] | None = None) -> FormSpec:
    spec = form_spec(instrument, languages)
    write_xlsform(spec, path)
    return spec


# --- importing submissions ----------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    plan: ImportPlan
    created: tuple[Session, ...]  # empty on a dry run
    dry_run: bool


def import_context(engagement: Engagement) -> Context:
    in_engagement = set(engagement.organisations.values_list("pk", flat=True))
    orgs = tuple(
        OrganisationRef(o.pk, o.name, o.code, o.pk in in_engagement)
        for o in engagement.country.organisations.order_by("name")
    )
    people = tuple(
        PersonRef(u.pk, u.get_username(), u.get_full_name(), u.email or "")
        for u in get_user_model().objects.filter(
            roles__engagement=engagement, roles__role=Role.FACILITATOR).distinct()
    )
    return Context(
        engagement=engagement.local_name,
        country_name=engagement.country.name,
        country_code=engagement.country.code,
        instrument_key=engagement.instrument.key,
        instrument_version=engagement.instrument.version,
        organisations=orgs,
        facilitators=people,
    )


def _already_imported(instance_ids: Sequence[str]) -> dict[str, str]:
    found = Session.objects.filter(source_instance_id__in=[i for i in instance_ids if i])
    return dict(found.values_list("source_instance_id", "engagement__name"))


def import_submissions(source: str | Path | bytes, engagement: Engagement, *, user: Any = None,
                       dry_run: bool = False, name: str = "",
                       before_commit: Callable[[], None] | None = None) -> ImportReport:
    """Import a KoboToolbox or ODK Central export into an engagement, all or nothing.

    Submissions already imported (by instance ID), without consent, or rejected in the
    tool's review are skipped and reported. On any problem, ImportProblem lists them all
    and nothing is written. ``before_commit`` runs inside the transaction, once everything
    is written: an exception it raises (a cancelled job) undoes the whole import.
    """
    if isinstance(source, bytes):
        data, label = source, name or "the file"
    else:
        path = Path(source)
        label = name or path.name
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ImportProblem.one(_("the file is larger than 50 MB"), label)
            data = path.read_bytes()
        except OSError as exc:
            raise ImportProblem.one(_("cannot be read: %(error)s")
                                    % {"error": exc.strerror or exc}, label) from None
    try:
        if len(data) > MAX_FILE_BYTES:
            raise ImportProblem.one(_("the file is larger than 50 MB"))
        spec = form_spec(engagement.instrument)
        table = read_table(data, label, header_score(spec))
        with transaction.atomic():
            # One import at a time per engagement, so two cannot both create a submission.
            engagement = Engagement.objects.select_for_update().select_related(
                "country", "instrument").get(pk=engagement.pk)
            context = replace(import_context(engagement),
                              imported=_already_imported(instance_ids(table, spec)))
            plan = make_plan(table, spec, context)
            if dry_run:
                return ImportReport(plan, (), True)
            created = tuple(_create(p, engagement, plan, label, user) for p in plan.sessions)
            if before_commit is not None:
                before_commit()
            return ImportReport(plan, created, False)
    except ImportProblem as exc:
        raise exc.with_source(label) from None


def _create(p: PlannedSession, engagement: Engagement, plan: ImportPlan, label: str,
            user: Any) -> Session:
    sub = p.submission
    by = user if getattr(user, "is_authenticated", False) else None
    when = sub.submitted_at or timezone.now()
    tool = plan.columns.tool
    session = Session.objects.create(
        engagement=engagement, organisation_id=p.organisation_id,
        instrument=engagement.instrument, scheduled_date=sub.date, place=sub.place,
        language=engagement.language, note_taker=p.note_taker,
        status=Session.Status.SUBMITTED,
        consent_given=True, recording_allowed=sub.recording_allowed,
        consent_note=f"Consent recorded in the form ({tool}, submission {sub.instance_id}).",
        consent_recorded_at=when, consent_recorded_by=by,
        submitted_at=when, submitted_by=by,
        source_instance_id=sub.instance_id,
    )
    if p.facilitator_id is not None:
        session.facilitators.add(p.facilitator_id)
    participants = Participant.objects.bulk_create([
        Participant(session=session, code=f"P{n}", organisation_id=p.organisation_id)
        for n in range(1, sub.participants + 1)
    ])
    by_code = {pt.code: pt for pt in participants}
    ratings, quotes = [], []
    for entry in sub.sections:
        values = {"level": entry.level, "not_assessed_reason": entry.not_assessed_reason,
                  "confidence": entry.confidence, "notes": entry.notes,
                  "evidence": entry.evidence, "dissent": entry.dissent}
        ratings.append(Rating(session=session, section_key=entry.section_key, rater=None,
                              field_revisions={k: 1 for k, v in values.items() if v},
                              updated_by=by, **values))
        quotes += [Quote(session=session, section_key=entry.section_key, text=q.text,
                         participant=by_code.get(q.participant_code))
                   for q in entry.quotes]
    Rating.objects.bulk_create(ratings)
    Quote.objects.bulk_create(quotes)
    audit.record(user, "import", session, None, {
        "source": tool, "file": label, "row": sub.row, "instance_id": sub.instance_id,
        "organisation": p.organisation_name, "date": sub.date.isoformat() if sub.date else None,
        "levels": {e.section_key: e.level for e in sub.sections},
        "participants": sub.participants, "quotes": len(quotes),
        "facilitator": sub.facilitator,
    }, session=session)
    return session
