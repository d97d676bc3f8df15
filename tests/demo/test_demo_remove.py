"""`govcap demo` is idempotent; --remove deletes demo rows only; --reset reloads; passwords."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from govcap.accounts import audit
from govcap.accounts.models import AuditEvent, Role, RoleAssignment
from govcap.assessments.models import Participant, Quote, Rating, Session
from govcap.orgs.models import Country, Engagement, Organisation
from tests.demo.helpers import dump

pytestmark = pytest.mark.django_db
User = get_user_model()


def demo_counts() -> dict[str, int]:
    return {
        "countries": Country.objects.filter(is_demo=True).count(),
        "organisations": Organisation.objects.filter(is_demo=True).count(),
        "engagements": Engagement.objects.filter(is_demo=True).count(),
        "sessions": Session.objects.filter(is_demo=True).count(),
        "ratings": Rating.objects.filter(session__is_demo=True).count(),
        "quotes": Quote.objects.filter(session__is_demo=True).count(),
        "participants": Participant.objects.filter(session__is_demo=True).count(),
        "users": User.objects.filter(username__startswith="demo-").count(),
        "roles": RoleAssignment.objects.filter(user__username__startswith="demo-").count(),
    }


@pytest.fixture
def real(instrument, make_user):
    """Real data: a country with an organisation, an engagement, a session and a rating."""
    country = Country.objects.create(code="UG", name="Uganda")
    org = Organisation.objects.create(country=country, name="Ministry of ICT and National Guidance")
    engagement = Engagement.objects.create(country=country, name="Uganda — baseline 2026",
                                           instrument=instrument)
    engagement.organisations.add(org)
    user = make_user("real-facilitator", Role.FACILITATOR, engagement)
    session = Session.objects.create(engagement=engagement, organisation=org,
                                     instrument=instrument, scheduled_date=dt.date(2026, 3, 2),
                                     consent_given=True)
    session.facilitators.add(user)
    Rating.objects.create(session=session, section_key="project-execution", level="moderate",
                          notes="Real notes.")
    return {"country": country, "org": org, "engagement": engagement, "user": user,
            "session": session}


def test_loading_twice_changes_nothing(demo):
    demo()
    before, rows = demo_counts(), dump()
    out = demo()
    assert "already has demo data" in out
    assert demo_counts() == before and dump() == rows


def test_remove_deletes_all_demo_data_and_keeps_real_data(demo, real):
    demo()
    assert all(demo_counts().values())
    out = demo("--remove")
    assert "Removed demo data" in out
    assert not any(demo_counts().values())
    assert not Participant.objects.exclude(session__is_demo=False).exists()
    assert set(Country.objects.values_list("code", flat=True)) == {"UG"}
    assert list(Organisation.objects.all()) == [real["org"]]
    assert list(Engagement.objects.all()) == [real["engagement"]]
    assert list(Session.objects.all()) == [real["session"]]
    assert Rating.objects.get().notes == "Real notes."
    assert list(real["engagement"].organisations.all()) == [real["org"]]
    assert RoleAssignment.objects.filter(user=real["user"]).count() == 1
    assert "No demo data to remove." in demo("--remove")


def test_remove_keeps_audit_events_about_demo_sessions(demo):
    demo()
    session = Session.objects.filter(is_demo=True, status="in_progress").first()
    facilitator = session.facilitators.first()
    event = audit.record(facilitator, "update", session.ratings.first(), {"notes": ""},
                         {"notes": "x"}, session=session)
    # the demo's own coding seed and plans are audited too; the packaged catalogue it plans
    # with is imported once, as on any server, and is not demo data
    about_demo = AuditEvent.objects.exclude(object_type="planning.catalogue").count()
    out = demo("--remove")
    assert f"{about_demo} audit events" in out
    kept = AuditEvent.objects.get(pk=event.pk)
    assert kept.object_uuid == event.object_uuid and kept.after == {"notes": "x"}


def test_a_demo_country_joined_by_real_organisations_is_kept_as_real(demo):
    demo()
    kenya = Country.objects.get(code="KE")
    Organisation.objects.create(country=kenya, name="Kenya Power")
    out = demo("--remove")
    assert "Kept as real data" in out
    kenya.refresh_from_db()
    assert not kenya.is_demo
    assert list(kenya.organisations.values_list("name", flat=True)) == ["Kenya Power"]
    assert "already has demo data" not in demo()
    assert Organisation.objects.filter(country=kenya, is_demo=True).count() == 10


def test_demo_organisations_join_an_existing_real_country(demo, real):
    Organisation.objects.create(country=Country.objects.create(code="KE", name="Kenya"),
                                name="Kenya Revenue Authority")
    out = demo()
    assert "Joined existing countries: Kenya" in out
    assert Organisation.objects.filter(name="Kenya Revenue Authority (demo)", is_demo=True).exists()
    demo("--remove")
    assert list(Organisation.objects.filter(country__code="KE").values_list("name", flat=True)) == [
        "Kenya Revenue Authority"]


def test_reset_removes_and_loads_again(demo):
    demo()
    rows = dump()
    Session.objects.filter(is_demo=True, status="draft").delete()
    out = demo("--reset")
    assert "Removed demo data" in out and "Loaded demo data" in out
    assert dump() == rows


def test_without_a_password_demo_users_cannot_log_in(demo, monkeypatch):
    monkeypatch.delenv("GOVCAP_DEMO_PASSWORD", raising=False)
    out = demo()
    assert "unusable passwords" in out
    assert not any(u.has_usable_password() for u in User.objects.filter(username__startswith="demo-"))


def test_password_from_option_or_environment(demo, monkeypatch):
    demo("--password", "field-visit-2026")
    assert User.objects.get(username="demo-facilitator-ke-1").check_password("field-visit-2026")
    monkeypatch.setenv("GOVCAP_DEMO_PASSWORD", "another-long-phrase")
    demo("--reset")
    assert User.objects.get(username="demo-manager").check_password("another-long-phrase")


def test_a_weak_password_is_refused_and_nothing_is_loaded(demo):
    with pytest.raises(CommandError, match="too weak"):
        demo("--password", "demo")
    assert not any(demo_counts().values())


def test_remove_refuses_when_real_data_refers_to_a_demo_user(demo, real):
    demo()
    Rating.objects.create(session=real["session"], section_key="project-execution",
                          rater=User.objects.get(username="demo-facilitator-ke-1"), level="basic")
    before = demo_counts()
    with pytest.raises(CommandError, match="Real data refers to demo data"):
        demo("--remove")
    assert demo_counts() == before
