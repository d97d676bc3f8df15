"""The `world` of tests/conftest.py with something to analyse."""

from __future__ import annotations

import pytest

NOTES = {
    "change-management": "Resistance was discussed openly. The budget was cut mid-year; "
                         "=SUM(A1) is not a formula here.",
    "enterprise-architecture": "Data is exchanged by e-mail. Vendors hold the plan.",
}


@pytest.fixture
def analysed(world):
    """A started, consented session of the ministry with consensus notes in two sections, a
    quote, and a second (validated) session of the agency; the Somali session has notes too."""
    from govcap.assessments.models import Participant, Quote, Rating, Session

    Session.objects.filter(pk=world.session.pk).update(
        consent_given=True, status=Session.Status.IN_PROGRESS)
    world.session.refresh_from_db()
    world.p1 = Participant.objects.create(session=world.session, code="P1",
                                          organisation=world.ministry)
    world.notes = {key: Rating.objects.create(session=world.session, section_key=key,
                                              level="basic", notes=text)
                   for key, text in NOTES.items()}
    Rating.objects.create(session=world.session, section_key="project-execution", level="high")
    world.quote = Quote.objects.create(session=world.session, section_key="change-management",
                                       participant=world.p1, text="Change? We send a memo.")
    world.agency_session = Session.objects.create(
        engagement=world.engagement, organisation=world.agency, instrument=world.instrument,
        status=Session.Status.VALIDATED, consent_given=True)
    Rating.objects.create(session=world.agency_session, section_key="change-management",
                          level="moderate", notes="A budget line exists for change.")
    Rating.objects.create(session=world.agency_session, section_key="project-execution",
                          level="moderate")
    Session.objects.filter(pk=world.other_session.pk).update(
        consent_given=True, status=Session.Status.IN_PROGRESS)
    world.other_session.refresh_from_db()
    Rating.objects.create(session=world.other_session, section_key="change-management",
                          level="basic", notes="The budget secret of Somalia.")
    Quote.objects.create(session=world.other_session, section_key="change-management",
                         text="Somali budget quote.")
    return world
