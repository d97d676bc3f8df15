"""Exports of an engagement's coding: coded segments (CSV), the codebook (REFI-QDA .qdc) and
a project (REFI-QDA .qdpx) with one text per FGD session. Read through `access.sessions`:
a user exports only sessions they may see. Participants appear by code only."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from govcap.analysis.core import qda
from govcap.analysis.core.programme import level_value
from govcap.analysis.labels import level_label, round_label
from govcap.analysis.models import Code, CodedSegment
from govcap.analysis.pages_coding import segments_table
from govcap.analysis.queries import section_titles
from govcap.analysis.queries_coding import segment_rows, visible_sessions
from govcap.assessments.models import Quote, Rating
from govcap.orgs.models import Organisation
from govcap.scale import SECTION_KEYS, Level


def segments_csv(user, engagement) -> bytes:
    return segments_table(segment_rows(user, engagement)).csv_bytes()


def qda_codes(engagement) -> list[qda.QdaCode]:
    return [qda.QdaCode(str(c.uuid), c.name, c.definition, c.colour)
            for c in Code.objects.filter(codebook__engagement=engagement)]


def codebook_qdc(engagement) -> bytes:
    return qda.codebook_qdc(qda_codes(engagement))


def _order(key: str) -> int:
    return SECTION_KEYS.index(key) if key in SECTION_KEYS else len(SECTION_KEYS)


def project_qdpx(user, engagement, now: dt.datetime | None = None) -> bytes:
    """The engagement's coded notes and quotes as a REFI-QDA project."""
    now = now or timezone.now()
    titles = section_titles(engagement)
    sessions = list(visible_sessions(user, engagement).select_related("organisation")
                    .order_by("organisation__name", "scheduled_date", "id"))
    ids = [s.id for s in sessions]
    ratings: dict[int, list[Rating]] = {}
    for r in Rating.objects.filter(session_id__in=ids, rater__isnull=True):
        ratings.setdefault(r.session_id, []).append(r)
    quotes: dict[int, list[Quote]] = {}
    for q in Quote.objects.filter(session_id__in=ids).select_related("participant"):
        quotes.setdefault(q.session_id, []).append(q)
    segments: dict[int, list[CodedSegment]] = {}
    coders = {}
    for s in CodedSegment.objects.filter(session_id__in=ids).select_related("code", "coder"):
        segments.setdefault(s.session_id, []).append(s)
        coders[s.coder_id] = s.coder
    users = [qda.QdaUser(qda.derived_guid("user", u.pk), u.username) for u in coders.values()]
    user_guid = {pk: qda.derived_guid("user", pk) for pk in coders}

    sources: list[qda.QdaSource] = []
    cases: dict[int, tuple[Organisation, list[str]]] = {}  # organisation id: its sessions
    for session in sessions:
        parts: list[tuple[object, str, str]] = []
        levels: dict[str, str] = {}
        by_section: dict[str, list] = {}
        for r in ratings.get(session.id, []):
            value = level_value(r.level)
            levels[titles.get(r.section_key, r.section_key)] = (
                level_label(Level(value)) if value else (level_label(None) if r.level else ""))
            if r.notes:
                by_section.setdefault(r.section_key, []).append(
                    (("notes", r.id), _("Notes"), r.notes))
        for q in quotes.get(session.id, []):
            who = q.participant.code if q.participant else "—"
            by_section.setdefault(q.section_key, []).append(
                (("quote", q.id), _("Quote (%(who)s)") % {"who": who}, q.text))
        for key in sorted(by_section, key=_order):
            for k, heading, text in by_section[key]:
                parts.append((k, f"{titles.get(key, key)} — {heading}", text))
        if not parts:
            continue
        date = session.scheduled_date.isoformat() if session.scheduled_date else ""
        # Translators: the name of a focus-group discussion's text in a QDA project
        name = (_("%(organisation)s — FGD %(date)s")
                % {"organisation": session.organisation.name, "date": date}).strip()
        text, offsets = qda.session_document(f"{name}\n{engagement.local_name}", parts)
        selections = []
        for s in segments.get(session.id, []):
            part = ("notes", s.rating_id) if s.rating_id else ("quote", s.quote_id)
            if part not in offsets or s.text_changed:
                continue  # the text moved since it was coded: offsets no longer hold
            base = offsets[part]
            selections.append(qda.QdaSelection(
                str(s.uuid), base + s.start, base + s.end, str(s.code.uuid),
                user_guid[s.coder_id], s.created_at, s.memo))
        variables = {_("Country"): engagement.country.local_name,
                     _("Organisation"): session.organisation.name,
                     _("Sector"): session.organisation.sector_name,
                     _("Round"): round_label(engagement)}
        variables.update({f"{_('Level')}: {k}": v for k, v in levels.items() if v})
        sources.append(qda.QdaSource(str(session.uuid), name, text,
                                     session.created_at or now, selections, variables))
        _org, guids = cases.setdefault(session.organisation_id, (session.organisation, []))
        guids.append(str(session.uuid))
    qda_cases = [qda.QdaCase(str(org.uuid), org.name, org.sector_name or org.get_kind_display(),
                             guids)
                 for org, guids in cases.values()]
    return qda.project_qdpx(f"govcap — {engagement.local_name}", qda_codes(engagement), users,
                            sources, qda_cases, now)
