"""Shared fixtures: the instrument, an engagement with a session, and personas by role."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import settings as hypothesis_settings

from govcap.accounts.models import Role, RoleAssignment
from tests.browser_fixtures import browser, page, page_without_worker  # noqa: F401  (one per session)

hypothesis_settings.register_profile("dev", max_examples=40, deadline=None)
hypothesis_settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Each test starts in the default language: the test client's requests run in the
    test's thread, and LocaleMiddleware leaves the last request's language active there, so a
    service called after an Arabic page would answer in Arabic."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def packaged_instrument_rows(django_db_setup, django_db_blocker) -> str:
    """The rows `ensure_default_instrument` writes into a database without them, as Django's
    JSON serialisation: made once per test process, in a transaction rolled back, and
    replayed by `instrument` in each test. Reading the packaged YAML and validating it
    against the JSON schemas takes ~0.1 s, and hundreds of tests start from the instrument;
    tests/instruments exercises the import itself. Pytest sets up session fixtures before a
    test's `db`, so this runs outside any test's transaction."""
    from django.apps import apps
    from django.core import serializers
    from django.db import transaction

    from govcap.instruments.services import ensure_default_instrument

    models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
    with django_db_blocker.unblock(), transaction.atomic():
        before = {m: set(m._default_manager.values_list("pk", flat=True)) for m in models}
        ensure_default_instrument()
        rows = [obj for m in models for obj in m._default_manager.exclude(pk__in=before[m])]
        transaction.set_rollback(True)
    assert any(type(obj).__name__ == "Instrument" for obj in rows), "no instrument written"
    return serializers.serialize("json", rows)


@pytest.fixture
def instrument(db, packaged_instrument_rows):
    """The packaged instrument and its translations, as `ensure_default_instrument` leaves
    them (replayed from `packaged_instrument_rows`, as `loaddata` would, unless something
    the test did first, such as an export, imported them already)."""
    from django.core import serializers
    from django.core.management.color import no_style
    from django.db import connection

    from govcap.instruments.services import ensure_default_instrument

    saved = list(serializers.deserialize("json", packaged_instrument_rows))
    models = list({type(obj.object) for obj in saved})
    if not any(model._default_manager.exists() for model in models):
        for obj in saved:
            obj.save()
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    return ensure_default_instrument()  # finds everything there: two queries


@pytest.fixture
def messages_asked(monkeypatch) -> list[str]:
    """Every message the code asks gettext for, in order (gettext_lazy ends in the same
    call): a test that a sentence goes through the catalogue, whatever its translation."""
    from django.utils import translation
    from django.utils.translation import trans_real

    asked: list[str] = []

    def gettext(message):
        asked.append(message)
        return trans_real.gettext(message)

    monkeypatch.setattr(translation._trans, "gettext", gettext)
    return asked


@pytest.fixture
def make_user(db, django_user_model):
    def make(username: str, role: str | None = None, engagement=None, organisation=None):
        user = django_user_model.objects.create_user(username=username, password="pw-for-tests-1")
        if role:
            RoleAssignment.objects.create(
                user=user, role=role, engagement=engagement, organisation=organisation
            )
        return user

    return make


@pytest.fixture
def world(db, instrument, make_user):
    """Two countries, each with an engagement and a session, and a person per role."""
    from govcap.assessments.models import Session
    from govcap.delivery.models import ProviderMember, TrainingProvider
    from govcap.orgs.models import Country, Engagement, Organisation

    kenya = Country.objects.create(code="KE", name="Kenya")
    somalia = Country.objects.create(code="SO", name="Somalia")
    ministry = Organisation.objects.create(country=kenya, name="Ministry of ICT", code="MoICT")
    agency = Organisation.objects.create(country=kenya, name="ICT Authority", code="ICTA")
    mogadishu = Organisation.objects.create(country=somalia, name="Ministry of Communications")
    engagement = Engagement.objects.create(country=kenya, name="Kenya — baseline 2026",
                                           instrument=instrument)
    engagement.organisations.add(ministry, agency)
    other = Engagement.objects.create(country=somalia, name="Somalia — baseline 2026",
                                      instrument=instrument)
    other.organisations.add(mogadishu)

    w = type("World", (), {})()
    w.instrument, w.engagement, w.other_engagement = instrument, engagement, other
    w.ministry, w.agency, w.somali_ministry = ministry, agency, mogadishu
    w.admin = make_user("admin-user", Role.ADMINISTRATOR)
    w.manager = make_user("manager", Role.PROGRAMME_MANAGER)
    w.coordinator = make_user("coordinator", Role.COORDINATOR, engagement)
    w.facilitator = make_user("facilitator", Role.FACILITATOR, engagement)
    w.colleague = make_user("colleague", Role.FACILITATOR, engagement)  # not on the session
    w.viewer = make_user("viewer", Role.VIEWER, engagement)
    w.outsider = make_user("outsider", Role.FACILITATOR, other)  # another country's facilitator
    # a training provider's staff (govcap.delivery): no engagement role, its own deliveries
    w.training_provider = TrainingProvider.objects.create(
        country=kenya, name="Kenya School of Government", kind="government_school")
    w.provider = make_user("provider")
    ProviderMember.objects.create(user=w.provider, provider=w.training_provider)
    w.session = Session.objects.create(
        engagement=engagement, organisation=ministry, instrument=instrument,
        scheduled_date=dt.date(2026, 3, 10), place="Nairobi",
    )
    w.session.facilitators.add(w.facilitator)
    w.other_session = Session.objects.create(
        engagement=other, organisation=mogadishu, instrument=instrument,
    )
    w.other_session.facilitators.add(w.outsider)
    return w


@pytest.fixture
def consented(world):
    """The world's session with consent recorded and two participants."""
    from govcap.assessments import workflow

    workflow.record_consent(world.facilitator, world.session, given=True,
                            recording_allowed=False, note="")
    for role in ("Director of ICT", "Systems analyst"):
        workflow.add_participant(world.facilitator, world.session, workflow.ParticipantInput(
            role_title=role, organisation_id=world.ministry.pk, seniority="senior"))
    world.session.refresh_from_db()
    return world


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A SQLite file `govcap migrate` made once per test run (shared by the xdist workers):
    tests that run govcap processes copy it into their data directory (tests/processes.py)."""
    from tests.processes import migrated_template

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's directory, above each worker's own
    return migrated_template(root)


@pytest.fixture
def govcap_run():
    """`govcap_run(env, *args)`: what `govcap ARGS` prints, run with the environment `env`
    (GOVCAP_DATA_DIR its working directory) in a process of its own, forked from one per
    environment that imported govcap once (tests/processes.py); the command's error output
    in the AssertionError when it fails."""
    from tests.processes import Govcap

    forks: dict[str, Govcap] = {}

    def run(env: dict[str, str], *args: str) -> str:
        key = env["GOVCAP_DATA_DIR"]
        if key not in forks:
            forks[key] = Govcap(env)
        return forks[key].run(*args)

    yield run
    for fork in forks.values():
        fork.close()
