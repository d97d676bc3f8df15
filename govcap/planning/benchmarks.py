"""The benchmark statement a gap quotes, in the language of the page or document.

A plan keeps each gap's benchmark as generation read it: the first statement of the rated
level in the session's instrument, in the engagement's language — part of the plan's
inputs and checksum. Pages and documents show it in their own language from the
instrument's translation layer, looked up by the rating's session, section and level. A
participant's own words (shared notes, quotations) are never translated: they stay as said.
"""

from __future__ import annotations

import uuid

from govcap.assessments.models import Session
from govcap.instruments.document import Instrument
from govcap.instruments.services import localised
from govcap.planning.core.plan import PlanData


def benchmark_texts(plan: PlanData, language: str) -> dict[str, str]:
    """Rating id → its benchmark statement in ``language`` (the instrument's own wording
    where its layer lacks one); a gap whose session is gone keeps the plan's text."""
    ids = set()
    for gap in plan.gaps:
        try:
            ids.add(uuid.UUID(gap.session_id))
        except ValueError:
            continue
    sessions = {str(s.uuid): s for s in
                Session.objects.filter(uuid__in=ids).select_related("instrument")}
    instruments: dict[int, Instrument] = {}
    found: dict[str, str] = {}
    for gap in plan.gaps:
        session = sessions.get(gap.session_id)
        if session is None:
            continue
        if session.instrument_id not in instruments:
            instruments[session.instrument_id] = localised(session.instrument, language)
        section = instruments[session.instrument_id].section(gap.section_key)
        statements = section.statements(gap.current.key) if section is not None else ()
        if statements:
            found[gap.rating_id] = str(statements[0].text)
    return found
