"""THE authorization matrix: who may use every URL of govcap.

One row (a Check) per URL pattern and method at least. tests/security/test_authorization
walks every URL pattern of the project (included urlconfs too) and fails for a pattern
without a row here, then runs each row as every persona of the `world` fixture:

    anonymous · outsider (another country's facilitator) · viewer · colleague (a facilitator
    of the engagement, not on the session) · facilitator (on the session) · coordinator ·
    manager (programme manager) · admin (with two-factor verified) · provider (a training
    provider's staff: no engagement role, only its own deliveries)

A persona in `allowed` must get through (no 401/403/404/405, no redirect to log in, no
server error, and the `effect` when one is given); any other persona must be refused (a
redirect to log in for anonymous; 403 or 404 for the others; for a view that shows its
refusals as a message, the `effect` must not have happened). Each persona's request runs in
a transaction that is rolled back, so rows may change data freely.

Teammates: add your rows here, next to your URLs' section.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PERSONAS = ("anonymous", "outsider", "viewer", "colleague", "facilitator", "coordinator",
            "manager", "admin", "provider")
ALL = frozenset(PERSONAS)
SIGNED_IN = ALL - {"anonymous"}
ENGAGEMENT_READERS = frozenset({"viewer", "colleague", "facilitator", "coordinator", "manager",
                                "admin"})
SESSION_READERS = frozenset({"viewer", "facilitator", "coordinator", "manager", "admin"})
CAPTURERS = frozenset({"facilitator", "coordinator", "admin"})
COORDINATORS = frozenset({"coordinator", "admin"})
# deliveries (govcap/delivery): the engagement's readers and the delivery's own provider
DELIVERY_READERS = ENGAGEMENT_READERS | {"provider"}
ATTENDANCE_TAKERS = COORDINATORS | {"provider"}
ADMINS = frozenset({"admin"})
SECTION = "change-management"


@dataclass
class Ctx:
    w: Any  # the world fixture
    who: str  # the persona
    user: Any  # its User, None for anonymous
    extra: dict[str, Any] = field(default_factory=dict)  # what the row's setup returned


@dataclass(frozen=True)
class Check:
    key: str  # URL name ("namespace:name"), or the route text of an unnamed pattern
    allowed: frozenset[str]
    method: str = "GET"
    args: Callable[[Ctx], dict] = lambda c: {}
    data: Callable[[Ctx], dict] | None = None
    json: bool = False
    query: str = ""
    setup: Callable[[Any], dict] | None = None  # once per row, before the personas
    prepare: Callable[[Ctx], None] | None = None  # per persona, inside its transaction
    effect: Callable[[Ctx], bool] | None = None
    note: str = ""
    ends_at_login: bool = False  # a redirect to the login page is this view's success

    @property
    def label(self) -> str:
        return f"{self.method} {self.key}{' (' + self.note + ')' if self.note else ''}"


# --- helpers the rows use -------------------------------------------------------------------

def engagement(c: Ctx) -> dict:
    return {"slug": c.w.engagement.slug}


def session(c: Ctx) -> dict:
    return {"uuid": c.w.session.uuid}


def section(c: Ctx) -> dict:
    return {"uuid": c.w.session.uuid, "section_key": SECTION}


def consent(c: Ctx) -> None:
    from govcap.assessments import workflow

    workflow.record_consent(c.w.coordinator, c.w.session, given=True, recording_allowed=False,
                            note="")
    workflow.add_participant(c.w.coordinator, c.w.session, workflow.ParticipantInput(
        role_title="Director", organisation_id=c.w.ministry.pk))


def submitted(c: Ctx) -> None:
    from govcap.assessments.models import Session

    Session.objects.filter(pk=c.w.session.pk).update(status=Session.Status.SUBMITTED)


def rating_saved(c: Ctx) -> bool:
    from govcap.assessments.models import Rating

    return Rating.objects.filter(session=c.w.session, section_key=SECTION).exists()


def quote_saved(c: Ctx) -> bool:
    from govcap.assessments.models import Quote

    return Quote.objects.filter(session=c.w.session).exists()


def conflicted(c: Ctx) -> None:
    """The persona's own edit of the notes, kept as a conflict waiting for a decision."""
    from govcap.assessments.models import CaptureConflict

    consent(c)
    if c.user is not None:
        c.extra["conflict"] = CaptureConflict.objects.create(
            session=c.w.session, section_key=SECTION, target="notes", yours="Mine",
            theirs="", server_revision=0, author=c.user, op_id=uuid.uuid4())


def noted(c: Ctx) -> None:
    """Notes captured in the section, internal until someone shares them."""
    from govcap.assessments.models import Rating

    consent(c)
    c.extra["rating"] = Rating.objects.create(session=c.w.session, section_key=SECTION,
                                              notes="Said in the room. Shareable part.")


def noted_and_validated(c: Ctx) -> None:
    from govcap.assessments.models import Session

    noted(c)
    Session.objects.filter(pk=c.w.session.pk).update(status="validated")


def share_notes(c: Ctx) -> dict:
    rating = c.extra["rating"]
    return {"target": f"notes:{rating.uuid}", "action": "share", "text": "Shareable part."}


def notes_shared(c: Ctx) -> bool:
    from govcap.assessments.models import SharedText

    return SharedText.objects.filter(field="notes", text="… Shareable part.").exists()


def conflict_decided(c: Ctx) -> bool:
    from govcap.assessments.models import CaptureConflict

    return CaptureConflict.objects.filter(resolved_at__isnull=False).exists()


def decision(c: Ctx) -> dict:
    conflict = c.extra.get("conflict")
    return {"conflict": str(conflict.uuid) if conflict else "", "decide": "mine"}


def session_status(status: str) -> Callable[[Ctx], bool]:
    def check(c: Ctx) -> bool:
        from govcap.assessments.models import Session

        return Session.objects.get(pk=c.w.session.pk).status == status
    return check


def own_token(c: Ctx) -> dict:
    from govcap.accounts.tokens import create_token

    owner = c.user or c.w.viewer
    return {"uuid": create_token(owner, "matrix").token.uuid}


def coordinators_token(c: Ctx) -> dict:
    from govcap.accounts.tokens import create_token

    return {"uuid": create_token(c.w.coordinator, "matrix").token.uuid}


def token_revoked(c: Ctx) -> bool:
    from govcap.accounts.models import ApiToken

    return ApiToken.objects.filter(revoked_at__isnull=False).exists()


def invitation(where: str) -> Callable[[Ctx], dict]:
    def make(c: Ctx) -> dict:
        from govcap.accounts.invitations import create_invitation

        target = c.w.engagement if where == "engagement" else c.w.other_engagement
        created = create_invitation(c.w.admin, username=f"new-{uuid.uuid4().hex[:8]}",
                                    email="", role="viewer", engagement=target)
        return {"uuid": created.invitation.uuid, "token": created.raw_token}
    return make


def pending_token(c: Ctx) -> dict:
    return {"token": invitation("engagement")(c)["token"]}


def invitation_uuid(where: str) -> Callable[[Ctx], dict]:
    return lambda c: {"uuid": invitation(where)(c)["uuid"]}


def invitation_revoked(c: Ctx) -> bool:
    from govcap.accounts.models import Invitation

    return Invitation.objects.filter(revoked_at__isnull=False).exists()


def invitation_made(c: Ctx) -> bool:
    from govcap.accounts.models import Invitation

    return Invitation.objects.filter(username="newcomer").exists()


def viewer_pk(c: Ctx) -> dict:
    return {"pk": c.w.viewer.pk}


def field_save(c: Ctx) -> dict:
    return {"op_id": str(uuid.uuid4()), "section": SECTION, "field": "notes", "value": "x",
            "base_revision": 0}


def quote_save(c: Ctx) -> dict:
    return {"op_id": str(uuid.uuid4()), "section": SECTION, "quote": str(uuid.uuid4()),
            "text": "We need training.", "participant": "P1", "base_revision": 0}


# --- participants (govcap/web/views/participants.py, sessions.session_consent) -------------

def first_participant(c: Ctx) -> dict:
    from govcap.assessments.models import Participant

    found = Participant.objects.filter(session=c.w.session, code="P1").first()
    return {"uuid": c.w.session.uuid, "participant": found.uuid if found else uuid.uuid4()}


def removed_participant(c: Ctx) -> None:
    from govcap.assessments import workflow
    from govcap.assessments.models import Participant

    consent(c)
    removed = Participant.objects.get(session=c.w.session, code="P1")
    workflow.remove_participant(c.w.coordinator, c.w.session, removed)
    c.extra["removed"] = removed.uuid


def participant_p1(present: bool, **fields: str) -> Callable[[Ctx], bool]:
    def check(c: Ctx) -> bool:
        from govcap.assessments.models import Participant

        return Participant.objects.filter(session=c.w.session, code="P1",
                                          **fields).exists() == present
    return check


def participant_edit(c: Ctx) -> dict:
    from govcap.assessments.models import Participant

    p1 = Participant.objects.get(session=c.w.session, code="P1")
    return {"form": "edit", "edit-op_id": str(uuid.uuid4()), "edit-participant": str(p1.uuid),
            "edit-base_revision": str(p1.revision), "edit-role_title": "Chief architect",
            "edit-organisation": str(c.w.ministry.pk), "edit-seniority": "",
            "edit-gender": "", "edit-name": ""}


def participant_add(c: Ctx) -> dict:
    return {"op_id": str(uuid.uuid4()), "action": "add", "participant": str(uuid.uuid4()),
            "role_title": "Analyst", "organisation": c.w.ministry.pk, "seniority": "",
            "gender": "", "name": ""}


def fresh_op(c: Ctx) -> dict:
    return {"op_id": str(uuid.uuid4())}


# --- planning (govcap/planning) -----------------------------------------------------------

def planned(w) -> dict:
    from govcap.planning.catalogues import ensure_default_catalogue, latest_catalogue
    from govcap.planning.core import edits
    from govcap.planning.services import add_edit, generate, new_op_id
    from tests.planning.test_plan_models import validated

    ensure_default_catalogue()
    validated(w, w.ministry, dt.date(2026, 3, 1),
              {"enterprise-architecture": "basic", "change-management": "basic"})
    validated(w, w.agency, dt.date(2026, 3, 2), {"enterprise-architecture": "basic"})
    plan = generate(w.engagement, w.coordinator)
    cohort = plan.data["cohorts"][0]
    edit = add_edit(w.engagement, w.coordinator,
                    edits.lock_cohort(plan.plan_data(), cohort["cohort_id"], new_op_id()))
    module = latest_catalogue().parsed("en").modules[0].code
    return {"plan": plan, "edit": edit, "module": module}


def catalogue_ready(w) -> dict:
    from govcap.planning.catalogues import ensure_default_catalogue

    ensure_default_catalogue()
    return {}


def plan_exists(version: int) -> Callable[[Ctx], bool]:
    def check(c: Ctx) -> bool:
        from govcap.planning.models import Plan

        return Plan.objects.filter(engagement=c.w.engagement, version=version).exists()
    return check


def plan_approved(c: Ctx) -> bool:
    from govcap.planning.models import Plan

    return Plan.objects.filter(engagement=c.w.engagement, status=Plan.Status.APPROVED).exists()


def plan_args(**more: Callable[[Ctx], Any]) -> Callable[[Ctx], dict]:
    return lambda c: {"slug": c.w.engagement.slug, **{k: f(c) for k, f in more.items()}}


# --- analysis (govcap/analysis) -----------------------------------------------------------

def analysed(w) -> dict:
    """A started session with a consensus note, a quote, two independent ratings, votes,
    the default codebook, one coding by the facilitator and one pending suggestion."""
    from govcap.analysis.coding import ensure_codebook
    from govcap.analysis.models import Code, CodedSegment, Suggestion, VoteTally
    from govcap.assessments.models import Quote, Rating, Session

    Session.objects.filter(pk=w.session.pk).update(consent_given=True,
                                                   status=Session.Status.IN_PROGRESS)
    notes = "The budget was cut mid-year. Vendors hold the plan."
    rating = Rating.objects.create(session=w.session, section_key=SECTION, level="basic",
                                   notes=notes)
    Rating.objects.create(session=w.session, section_key=SECTION, rater=w.facilitator,
                          level="basic")
    Rating.objects.create(session=w.session, section_key=SECTION, rater=w.coordinator,
                          level="moderate")
    Quote.objects.create(session=w.session, section_key=SECTION, text="We send a memo.")
    VoteTally.objects.create(session=w.session, section_key=SECTION, basic=3, moderate=2,
                             revision=1)
    w.session.participants.get_or_create(  # one voter (the consented world has two)
        code="P1", defaults={"organisation": w.session.organisation})
    book = ensure_codebook(w.engagement, w.coordinator)
    funding = Code.objects.get(codebook=book, name="Funding")
    vendors = Code.objects.get(codebook=book, name="Vendor dependency")
    segment = CodedSegment.objects.create(
        code=funding, coder=w.facilitator, session=w.session, section_key=SECTION,
        source="notes", rating=rating, start=0, end=28, text=notes[:28])
    start = notes.index("Vendors")
    suggestion = Suggestion.objects.create(
        code=vendors, keyword="vendor", session=w.session, section_key=SECTION,
        source="notes", rating=rating, start=start, end=len(notes), text=notes[start:])
    return {"rating": rating, "code": funding, "segment": segment, "suggestion": suggestion,
            "rule": funding.rules.order_by("keyword").first()}


def analysis_args(**more: Callable[[Ctx], Any]) -> Callable[[Ctx], dict]:
    return lambda c: {k: f(c) for k, f in more.items()}


def exists(model: str, **filters: Callable[[Ctx], Any]) -> Callable[[Ctx], bool]:
    def check(c: Ctx) -> bool:
        from django.apps import apps

        return apps.get_model(model).objects.filter(
            **{k: f(c) for k, f in filters.items()}).exists()
    return check


def gone(key: str) -> Callable[[Ctx], bool]:
    return lambda c: not type(c.extra[key]).objects.filter(pk=c.extra[key].pk).exists()


# --- deliveries (govcap/delivery) -----------------------------------------------------------

def delivered(w) -> dict:
    from tests.delivery.helpers import delivered as make

    return make(w)


def approved(w) -> dict:
    from tests.delivery.helpers import approved_plan

    plan = approved_plan(w)
    return {"plan": plan, "cohort": plan.data["cohorts"][0]["cohort_id"]}


def delivery_args(c: Ctx) -> dict:
    return {"uuid": c.extra["delivery"].uuid}


def attendance_sheet():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("attendance.csv", b"code,day,present\nT1,1,yes\nT1,2,no\n",
                              content_type="text/csv")


# --- evaluation of deliveries (govcap/delivery/evaluation*) ---------------------------------

def link_opened(w) -> dict:
    from govcap.delivery import evaluation

    made = delivered(w)
    return {**made, "link": evaluation.open_link(w.coordinator, made["delivery"], 1)}


def link_args(c: Ctx) -> dict:
    return {"uuid": c.extra["delivery"].uuid, "link": c.extra["link"].uuid}


def follow_up_link_opened(w) -> dict:
    """A level-3 link (each supervisor's own answer address) of a course whose T1 completed."""
    from govcap.delivery import evaluation

    made = follow_ups_due(w)
    return {**made, "link": evaluation.open_link(w.coordinator, made["delivery"], 3,
                                                 respondent="supervisor")}


def follow_ups_due(w) -> dict:
    """The delivery ended a year ago and T1 completed: its follow-ups are overdue."""
    from govcap.delivery import evaluation
    from govcap.delivery.models import Delivery, Trainee

    made = delivered(w)
    Delivery.objects.filter(pk=made["delivery"].pk).update(
        start_date=dt.date(2025, 1, 6), end_date=dt.date(2025, 1, 7))
    Trainee.objects.filter(pk=made["trainee"].pk).update(completion="completed")
    made["delivery"].refresh_from_db()
    evaluation.sync_follow_ups(made["delivery"])
    return made


def commented(w) -> dict:
    """T1 of the delivery wrote a level-1 comment (not yet marked for quoting)."""
    from django.utils import timezone

    from govcap.delivery.models import Reaction

    made = delivered(w)
    made["reaction"] = Reaction.objects.create(
        trainee=made["trainee"], relevance=5, comment="Useful", source="paper",
        answered_at=timezone.now())
    return made


def reaction_export(c: Ctx):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = f"trainee,relevance,govcap_delivery,_uuid\nT1,4,{c.extra['delivery'].uuid},a\n"
    return SimpleUploadedFile("kobo.csv", body.encode(), content_type="text/csv")



# --- background jobs (govcap/jobs) ----------------------------------------------------------

def coordinators_jobs(w) -> dict:
    """The coordinator's jobs: one done with its file, one failed, one waiting."""
    from govcap.jobs.files import new_result_path
    from govcap.jobs.models import Job

    done = Job.objects.create(owner=w.coordinator, kind=Job.Kind.RESULTS_EXPORT, label="done",
                              status=Job.Status.SUCCEEDED, params={"format": "csv"})
    path, relative = new_result_path(done, "results.csv")
    path.write_text("engagement\r\n")
    done.result_path, done.result_name = relative, "results.csv"
    done.save()
    failed = Job.objects.create(owner=w.coordinator, kind=Job.Kind.RESULTS_EXPORT,
                                label="failed", status=Job.Status.FAILED, error="boom",
                                params={"format": "csv"})
    waiting = Job.objects.create(owner=w.coordinator, kind=Job.Kind.RESULTS_EXPORT,
                                 label="waiting", params={"format": "csv"})
    return {"done": done, "failed": failed, "waiting": waiting}


def job_started(kind: str) -> Callable[[Ctx], bool]:
    return exists("jobs.Job", owner=lambda c: c.user, kind=lambda c: kind)


MATRIX: list[Check] = [
    # --- public ---------------------------------------------------------------------------
    Check("login", ALL),
    Check("logout", ALL, method="POST", ends_at_login=True),
    Check("favicon.ico", ALL),
    Check("healthz", ALL, note="the load balancer's probe: no login, no data"),
    Check("service-worker", ALL, note="the offline worker, which holds no data"),
    Check("set_language", ALL, method="POST", data=lambda c: {"language": "fr", "next": "/"}),
    Check("invitation-accept", ALL, args=pending_token,
          note="logged-in people are told to log out first"),
    # --- engagements (govcap/web) ---------------------------------------------------------
    Check("home", SIGNED_IN),
    Check("engagement-new", ADMINS),
    Check("engagement", ENGAGEMENT_READERS, args=engagement),
    Check("engagement-edit", COORDINATORS, args=engagement),
    Check("engagement-edit", COORDINATORS, method="POST", args=engagement,
          data=lambda c: {"name": "Renamed", "round_number": 0, "project_name": "IDGC HoA",
                          "language": "en"},
          effect=lambda c: type(c.w.engagement).objects.filter(name="Renamed").exists()),
    Check("engagement-add-organisation", COORDINATORS, method="POST", args=engagement,
          data=lambda c: {"name": "Treasury", "kind": "ministry"},
          effect=lambda c: c.w.engagement.organisations.filter(name="Treasury").exists()),
    Check("engagement-add-session", COORDINATORS, method="POST", args=engagement,
          data=lambda c: {"organisation": c.w.agency.pk, "language": "en"},
          effect=lambda c: c.w.engagement.sessions.filter(organisation=c.w.agency).exists()),
    Check("engagement-add-member", COORDINATORS, method="POST", args=engagement,
          data=lambda c: {"username": "outsider", "role": "viewer"},
          effect=lambda c: c.w.outsider.roles.filter(engagement=c.w.engagement).exists()),
    # --- sessions -------------------------------------------------------------------------
    Check("offline-page", SIGNED_IN, note="shown by the offline worker"),
    Check("session", SESSION_READERS, args=session),
    Check("session-guide", SESSION_READERS, args=session),
    Check("session-consent", SESSION_READERS, args=session),
    Check("session-consent", CAPTURERS, method="POST", args=session,
          data=lambda c: {"form": "consent", "consent_given": "on"},
          effect=lambda c: type(c.w.session).objects.get(pk=c.w.session.pk).consent_given),
    Check("session-summary", SESSION_READERS, args=session),
    Check("session-transition", COORDINATORS, method="POST", prepare=submitted,
          args=lambda c: {"uuid": c.w.session.uuid, "action": "validate"},
          effect=session_status("validated")),
    Check("session-transition", COORDINATORS, prepare=submitted,
          args=lambda c: {"uuid": c.w.session.uuid, "action": "validate"},
          note="the validation's confirmation page"),
    Check("session-transition", CAPTURERS, prepare=consent,
          args=lambda c: {"uuid": c.w.session.uuid, "action": "submit"},
          note="the submission's confirmation page"),
    Check("session-consent", CAPTURERS, method="POST", args=session, prepare=consent,
          data=participant_edit, effect=participant_p1(True, role_title="Chief architect"),
          note="a participant edited"),
    Check("participant-remove", CAPTURERS, args=first_participant, prepare=consent,
          note="the confirmation page"),
    Check("participant-remove", CAPTURERS, method="POST", args=first_participant,
          prepare=consent, data=fresh_op, effect=participant_p1(False)),
    Check("participant-undo", CAPTURERS, method="POST", prepare=removed_participant,
          args=lambda c: {"uuid": c.w.session.uuid, "participant": c.extra["removed"]},
          data=fresh_op, effect=participant_p1(True)),
    Check("save-participant", CAPTURERS, method="POST", json=True, args=session,
          prepare=consent, data=participant_add,
          effect=exists("assessments.Participant", role_title=lambda c: "Analyst")),
    Check("section", SESSION_READERS, args=section),
    Check("section", CAPTURERS, method="POST", args=section, prepare=consent,
          data=lambda c: {"page_op": str(uuid.uuid4()), "notes": "Said", "rev_notes": "0"},
          effect=rating_saved),
    Check("section", CAPTURERS, method="POST", args=section, prepare=consent,
          data=lambda c: {"page_op": str(uuid.uuid4()), "quote_text": "A quote",
                          "quote_participant": "P1"},
          effect=quote_saved, note="a quote added with the form"),
    Check("session-conflicts", SESSION_READERS, args=session),
    Check("session-conflicts", CAPTURERS, method="POST", args=session, prepare=conflicted,
          data=decision, effect=conflict_decided),
    Check("session-conflicts-json", SESSION_READERS, args=session),
    Check("session-sharing", CAPTURERS, args=session,
          note="it shows internal text: not to viewers or programme managers"),
    Check("session-sharing", CAPTURERS, method="POST", args=session, prepare=noted,
          data=share_notes, effect=notes_shared),
    Check("session-sharing", COORDINATORS, method="POST", args=session,
          prepare=noted_and_validated, data=share_notes, effect=notes_shared,
          note="a validated session: its coordinators only"),
    Check("save-field", CAPTURERS, method="POST", json=True, args=session, prepare=consent,
          data=field_save, effect=rating_saved),
    Check("save-quote", CAPTURERS, method="POST", json=True, args=session, prepare=consent,
          data=quote_save, effect=quote_saved),
    Check("save-consent", CAPTURERS, method="POST", json=True, args=session,
          data=lambda c: {"op_id": str(uuid.uuid4()), "given": True, "recording_allowed": False,
                          "note": "Agreed offline"},
          effect=lambda c: type(c.w.session).objects.get(pk=c.w.session.pk).consent_given),
    # --- accounts (govcap/accounts) -------------------------------------------------------
    Check("account", SIGNED_IN),
    Check("account-password", SIGNED_IN),
    Check("logout-everywhere", SIGNED_IN, method="POST"),
    Check("api-tokens", SIGNED_IN),
    Check("api-tokens", SIGNED_IN, method="POST", data=lambda c: {"name": "CI"},
          effect=lambda c: c.user is not None and c.user.api_tokens.exists()),
    Check("api-token-revoke", SIGNED_IN, method="POST", args=own_token, effect=token_revoked,
          note="one's own token"),
    Check("api-token-revoke", frozenset({"coordinator"}), method="POST", args=coordinators_token,
          effect=token_revoked, note="the coordinator's token"),
    Check("two-factor", SIGNED_IN),
    Check("two-factor-setup", SIGNED_IN),
    Check("two-factor-verify", SIGNED_IN),
    Check("two-factor-recovery", ADMINS, method="POST", note="only with a device"),
    Check("two-factor-disable", SIGNED_IN, method="POST",
          note="refused with a message to administrators, who must keep it"),
    Check("invitations", COORDINATORS),
    Check("invitations", COORDINATORS, method="POST",
          data=lambda c: {"username": "newcomer", "role": "facilitator",
                          "engagement": c.w.engagement.pk},
          effect=invitation_made),
    Check("invitation-revoke", COORDINATORS, method="POST", args=invitation_uuid("engagement"),
          effect=invitation_revoked),
    Check("invitation-revoke", ADMINS, method="POST", args=invitation_uuid("other"),
          effect=invitation_revoked, note="another country's invitation"),
    Check("users", ADMINS),
    Check("user-action", ADMINS, method="POST", args=viewer_pk,
          data=lambda c: {"action": "deactivate"},
          effect=lambda c: not type(c.w.viewer).objects.get(pk=c.w.viewer.pk).is_active),
    Check("session-history", COORDINATORS, args=session),
    Check("session-history-csv", COORDINATORS, args=session),
    # --- planning (govcap/planning) -------------------------------------------------------
    Check("plan-catalogue", ADMINS, setup=planned),
    Check("plan-catalogue-module", ADMINS, setup=planned,
          args=lambda c: {"code": c.extra["module"]}),
    Check("plan", ENGAGEMENT_READERS, setup=planned, args=plan_args()),
    Check("plan-settings", COORDINATORS, setup=planned, args=plan_args()),
    Check("plan-generate", COORDINATORS, method="POST", args=plan_args(),
          setup=catalogue_ready, effect=plan_exists(1)),
    Check("plan-approve", COORDINATORS, method="POST", setup=planned,
          args=plan_args(version=lambda c: 1), effect=plan_approved),
    Check("plan-approve", COORDINATORS, setup=planned, args=plan_args(version=lambda c: 1),
          note="the confirmation page"),
    Check("plan-edit", COORDINATORS, method="POST", setup=planned,
          args=plan_args(kind=lambda c: "lock-cohort"),
          data=lambda c: {"op_id": "matrix", "cohort": c.extra["plan"].data["cohorts"][0][
              "cohort_id"]}),
    Check("plan-edit-withdraw", COORDINATORS, method="POST", setup=planned,
          args=plan_args(uuid=lambda c: c.extra["edit"].uuid),
          effect=lambda c: type(c.extra["edit"]).objects.get(pk=c.extra["edit"].pk).withdrawn),
    Check("plan-organisation", ENGAGEMENT_READERS, setup=planned,
          args=plan_args(org=lambda c: c.w.ministry.uuid)),
    Check("plan-download", ENGAGEMENT_READERS, setup=planned,
          args=plan_args(fmt=lambda c: "json")),
    Check("plan-download", ENGAGEMENT_READERS, setup=planned, note="the minister's brief",
          args=plan_args(fmt=lambda c: "brief-docx")),
    Check("programme-plan-download", SIGNED_IN - {"provider"}, args=lambda c: {"fmt": "xlsx"},
          note="what each person's scope holds; a training provider holds no engagement"),
    # --- interchange (govcap/interchange): exports, XLSForm, submissions upload ------------
    Check("results", SIGNED_IN - {"provider"}),
    Check("results-download", SIGNED_IN - {"provider"}, args=lambda c: {"fmt": "csv"}),
    Check("results-dictionary", SIGNED_IN - {"provider"}),
    Check("engagement-results", ENGAGEMENT_READERS, args=engagement),
    Check("engagement-results-download", ENGAGEMENT_READERS,
          args=lambda c: {"slug": c.w.engagement.slug, "fmt": "xlsx"}),
    Check("engagement-results-download", ADMINS, query="?identified=1", note="identified",
          args=lambda c: {"slug": c.w.engagement.slug, "fmt": "csv"}),
    Check("engagement-xlsform", ENGAGEMENT_READERS, args=engagement),
    Check("submissions-upload", COORDINATORS, args=engagement),
    Check("submissions-upload", COORDINATORS, method="POST", args=engagement,
          data=lambda c: {"file": not_an_export()}, note="a file refused with its problems"),
    # --- JSON API (govcap/api): the web session here; tests/api checks Bearer tokens -------
    Check("api-home", ALL),
    Check("api:api-root", ALL),
    Check("api:openapi-json", ALL),
    Check("api:openapi-view", ALL),
    Check("api:list_engagements", SIGNED_IN),
    Check("api:get_engagement", ENGAGEMENT_READERS, args=engagement),
    Check("api:list_organisations", ENGAGEMENT_READERS, args=engagement),
    Check("api:list_sessions", SIGNED_IN),
    Check("api:get_session", SESSION_READERS, args=session),
    Check("api:list_ratings", SIGNED_IN),
    Check("api:list_plans", ENGAGEMENT_READERS, setup=planned, args=engagement),
    Check("api:get_plan", ENGAGEMENT_READERS, setup=planned,
          args=plan_args(version=lambda c: 1)),
    Check("api:import_file", COORDINATORS, method="POST", args=engagement,
          data=lambda c: {"file": not_an_export()}, note="a file refused with its problems"),
    Check("api:set_names", COORDINATORS, method="PUT", json=True, args=engagement,
          data=lambda c: {"names": {"fr": "Mission au Kenya"}},
          effect=lambda c: c.w.engagement.__class__.objects.get(pk=c.w.engagement.pk)
          .names.get("fr") == "Mission au Kenya"),
    # --- sync (govcap/sync): a personal token only, never the web session (tests/sync) -----
    Check("sync:pull", frozenset(), query="?since=0", note="token only"),
    Check("sync:push", frozenset(), method="POST", json=True,
          data=lambda c: {"op_id": str(uuid.uuid4()), "batch": {}}, note="token only"),
    # --- analysis (govcap/analysis) -------------------------------------------------------
    Check("analysis-programme", SIGNED_IN - {"provider"}, setup=analysed),
    Check("analysis-programme-download", SIGNED_IN - {"provider"}, setup=analysed,
          args=lambda c: {"name": "countries", "ext": "csv"},
          note="a user with no engagement (a provider) has no countries table: 404"),
    Check("analysis-country", ENGAGEMENT_READERS, setup=analysed, args=lambda c: {"code": "KE"}),
    Check("analysis-country-download", ENGAGEMENT_READERS, setup=analysed,
          args=lambda c: {"code": "KE", "name": "rounds", "ext": "svg"}),
    Check("analysis-engagement", ENGAGEMENT_READERS, setup=analysed, args=engagement),
    Check("analysis-engagement-download", SESSION_READERS, setup=analysed,
          args=lambda c: {"slug": c.w.engagement.slug, "name": "heatmap", "ext": "csv"},
          note="the colleague sees no session, so there is no heatmap to download"),
    Check("analysis-organisation", ENGAGEMENT_READERS, setup=analysed,
          args=lambda c: {"uuid": c.w.ministry.uuid}),
    Check("analysis-organisation-download", SESSION_READERS, setup=analysed,
          args=lambda c: {"uuid": c.w.ministry.uuid, "name": "profile", "ext": "svg"}),
    Check("analysis-agreement", ENGAGEMENT_READERS, setup=analysed, args=engagement),
    Check("analysis-agreement-download", SESSION_READERS, setup=analysed,
          args=lambda c: {"slug": c.w.engagement.slug, "name": "sections", "ext": "csv"}),
    Check("analysis-consensus", ENGAGEMENT_READERS, setup=analysed, args=engagement),
    Check("analysis-consensus-download", SESSION_READERS, setup=analysed,
          args=lambda c: {"slug": c.w.engagement.slug, "name": "sections", "ext": "svg"}),
    Check("analysis-my-rating", SESSION_READERS, setup=analysed, args=session),
    Check("analysis-my-rating", CAPTURERS, method="POST", setup=analysed, args=session,
          data=lambda c: {"page_op": str(uuid.uuid4()), f"{SECTION}-level": "high",
                          f"{SECTION}-level-rev": "0"},
          effect=exists("assessments.Rating", session=lambda c: c.w.session,
                        rater=lambda c: c.user, level=lambda c: "high")),
    Check("analysis-votes", SESSION_READERS, setup=analysed, args=session),
    Check("analysis-votes", CAPTURERS, method="POST", setup=analysed, args=session,
          # one vote: the session has one participant, and each votes once
          data=lambda c: {"page_op": str(uuid.uuid4()), f"{SECTION}-basic": "0",
                          f"{SECTION}-moderate": "1", f"{SECTION}-high": "0",
                          f"{SECTION}-abstain": "0", f"{SECTION}-rev": "1"},
          effect=exists("analysis.VoteTally", session=lambda c: c.w.session,
                        moderate=lambda c: 1)),
    Check("analysis-coding", CAPTURERS, setup=analysed, args=session,
          note="notes and quotes are internal: a viewer reads what was shared"),
    Check("analysis-apply", CAPTURERS, method="POST", setup=analysed, args=session,
          data=lambda c: {"op_id": str(uuid.uuid4()),
                          "source": f"notes:{c.extra['rating'].uuid}",
                          "text": "Vendors hold the plan", "codes": [str(c.extra["code"].uuid)]},
          effect=exists("analysis.CodedSegment", coder=lambda c: c.user)),
    Check("analysis-segment-remove", CAPTURERS, method="POST", setup=analysed,
          args=lambda c: {"uuid": c.extra["segment"].uuid}, effect=gone("segment"),
          note="the coder, or a coordinator"),
    Check("analysis-suggest-session", CAPTURERS, method="POST", setup=analysed, args=session,
          effect=exists("analysis.Suggestion", keyword=lambda c: "budget")),
    Check("analysis-decide", CAPTURERS, method="POST", setup=analysed,
          args=lambda c: {"uuid": c.extra["suggestion"].uuid, "action": "accept"},
          effect=exists("analysis.Suggestion", status=lambda c: "accepted")),
    Check("analysis-codebook", ENGAGEMENT_READERS, setup=analysed, args=engagement),
    Check("analysis-codebook", COORDINATORS, method="POST", setup=analysed, args=engagement,
          data=lambda c: {"name": "Matrix code", "colour": "#123456"},
          effect=exists("analysis.Code", name=lambda c: "Matrix code")),
    Check("analysis-suggest-engagement", COORDINATORS, method="POST", setup=analysed,
          args=engagement, effect=exists("analysis.Suggestion", keyword=lambda c: "budget")),
    Check("analysis-export", ENGAGEMENT_READERS, setup=analysed,
          args=lambda c: {"slug": c.w.engagement.slug, "fmt": "project.qdpx"}),
    Check("analysis-code-edit", COORDINATORS, method="POST", setup=analysed,
          args=lambda c: {"uuid": c.extra["code"].uuid},
          data=lambda c: {f"{c.extra['code'].uuid}-name": "Money",
                          f"{c.extra['code'].uuid}-is_active": "on",
                          f"{c.extra['code'].uuid}-revision": "1"},
          effect=exists("analysis.Code", name=lambda c: "Money")),
    Check("analysis-keyword-add", COORDINATORS, method="POST", setup=analysed,
          args=lambda c: {"uuid": c.extra["code"].uuid}, data=lambda c: {"keyword": "treasury"},
          effect=exists("analysis.KeywordRule", keyword=lambda c: "treasury")),
    Check("analysis-keyword-remove", COORDINATORS, method="POST", setup=analysed,
          args=lambda c: {"uuid": c.extra["rule"].uuid}, effect=gone("rule")),
    Check("analysis-themes", SIGNED_IN - {"provider"}, setup=analysed),
    Check("analysis-themes-download", CAPTURERS, setup=analysed,
          args=lambda c: {"name": "codes", "ext": "csv"},
          note="only those who read the coded session's notes have themes"),
    Check("analysis-code", ENGAGEMENT_READERS, setup=analysed,
          args=lambda c: {"uuid": c.extra["code"].uuid}),
    Check("analysis-code-download", ENGAGEMENT_READERS, setup=analysed,
          args=lambda c: {"uuid": c.extra["code"].uuid, "name": "segments", "ext": "csv"}),
    Check("analysis-search", SIGNED_IN - {"provider"}, setup=analysed, query="?q=budget"),
    # --- deliveries (govcap/delivery, govcap/api/deliveries.py) ------------------------------
    Check("deliveries", SIGNED_IN, note="each sees the deliveries of their scope"),
    Check("delivery-providers", SIGNED_IN),
    Check("delivery-providers", COORDINATORS, method="POST",
          data=lambda c: {"country": c.w.engagement.country_id, "name": "Strathmore University",
                          "kind": "university"},
          effect=exists("delivery.TrainingProvider", name=lambda c: "Strathmore University")),
    Check("deliveries-engagement", ENGAGEMENT_READERS, setup=delivered, args=engagement),
    Check("deliveries-create", COORDINATORS, method="POST", setup=approved, args=engagement,
          data=lambda c: {"cohort": c.extra["cohort"]},
          effect=exists("delivery.Delivery", cohort_id=lambda c: c.extra["cohort"])),
    Check("delivery", DELIVERY_READERS, setup=delivered, args=delivery_args),
    Check("delivery-change", COORDINATORS, method="POST", setup=delivered,
          args=lambda c: {**delivery_args(c), "kind": "edit"},
          data=lambda c: {"op_id": str(uuid.uuid4()), "base_revision": "1", "status": "planned",
                          "days": "2", "mode": "online", "venue": "KSG Lower Kabete"},
          effect=exists("delivery.Delivery", venue=lambda c: "KSG Lower Kabete")),
    Check("delivery-nominate", COORDINATORS, method="POST", setup=delivered, args=delivery_args,
          data=lambda c: {"organisation": c.w.agency.pk, "gender": "male"},
          effect=exists("delivery.Trainee", code=lambda c: "T2")),
    Check("delivery-attendance", ATTENDANCE_TAKERS, method="POST", setup=delivered,
          args=delivery_args, data=lambda c: {"was-T1-1": "", "present": ["T1:1"]},
          effect=exists("delivery.Attendance", day=lambda c: 1, present=lambda c: True)),
    Check("delivery-completion", COORDINATORS, method="POST", setup=delivered,
          args=delivery_args,
          data=lambda c: {"trainee": str(c.extra["trainee"].uuid), "completion": "dropped",
                          "reason": "posted abroad"},
          effect=exists("delivery.Trainee", completion=lambda c: "dropped")),
    Check("delivery-import", ATTENDANCE_TAKERS, method="POST", setup=delivered,
          args=delivery_args, data=lambda c: {"file": attendance_sheet()},
          effect=exists("delivery.Attendance", day=lambda c: 2, present=lambda c: False)),
    Check("delivery-sign-in", ATTENDANCE_TAKERS, setup=delivered,
          args=lambda c: {**delivery_args(c), "day": 1}),
    Check("delivery-attendance-template", ATTENDANCE_TAKERS, setup=delivered,
          args=delivery_args),
    Check("delivery-sign-in-all", ATTENDANCE_TAKERS, setup=delivered, args=delivery_args),
    Check("delivery-remove-nominee", COORDINATORS, method="POST", setup=delivered,
          args=lambda c: {**delivery_args(c), "trainee": c.extra["trainee"].uuid},
          effect=gone("trainee")),
    Check("api:list_deliveries", SIGNED_IN, setup=delivered),
    Check("api:get_delivery", DELIVERY_READERS, setup=delivered, args=delivery_args),
    Check("api:post_attendance", ATTENDANCE_TAKERS, method="POST", json=True, setup=delivered,
          args=delivery_args, data=lambda c: {"marks": [{"code": "T1", "day": 1,
                                                         "present": True}]},
          effect=exists("delivery.Attendance", day=lambda c: 1, present=lambda c: True)),
    # --- evaluation (govcap/delivery/evaluation*, govcap/api/evaluation.py): readers of the
    # delivery see the summary; its coordinators and provider run it; a link needs no account
    Check("evaluation-answer", ALL, setup=link_opened, args=lambda c: {
        "token": c.extra["link"].token}, note="a participant's phone, no account"),
    Check("evaluation-answer", ALL, method="POST", setup=link_opened,
          args=lambda c: {"token": c.extra["link"].token},
          data=lambda c: {"code": "T1", "relevance": "4"},
          effect=exists("delivery.Reaction", relevance=lambda c: 4)),
    Check("evaluation-follow-ups", SIGNED_IN, setup=follow_ups_due,
          note="each sees the follow-ups of the deliveries they evaluate"),
    Check("delivery-evaluation", DELIVERY_READERS, setup=delivered, args=delivery_args),
    Check("evaluation-link-open", ATTENDANCE_TAKERS, method="POST", setup=delivered,
          args=delivery_args, data=lambda c: {"form": "reaction", "hours": "2"},
          effect=exists("delivery.EvaluationLink", level=lambda c: 1)),
    Check("evaluation-link", ATTENDANCE_TAKERS, setup=link_opened, args=link_args),
    Check("evaluation-link-close", ATTENDANCE_TAKERS, method="POST", setup=link_opened,
          args=link_args, effect=exists("delivery.EvaluationLink",
                                        closed_at__isnull=lambda c: False)),
    # level 3: each person's own answer address needs no account, so only the coordinators
    # open, read and close those links; never the provider, the party evaluated
    Check("evaluation-link-open", COORDINATORS, method="POST", setup=follow_ups_due,
          args=delivery_args, data=lambda c: {"form": "supervisor", "hours": "2"},
          effect=exists("delivery.EvaluationLink", level=lambda c: 3)),
    Check("evaluation-link", COORDINATORS, setup=follow_up_link_opened, args=link_args),
    Check("evaluation-link-close", COORDINATORS, method="POST", setup=follow_up_link_opened,
          args=link_args, effect=exists("delivery.EvaluationLink",
                                        closed_at__isnull=lambda c: False)),
    # entering answers (paper, exports, follow-ups, API): not the provider, who is evaluated
    Check("evaluation-paper", COORDINATORS, setup=delivered,
          args=lambda c: {**delivery_args(c), "form": "reaction"}),
    Check("evaluation-paper", COORDINATORS, method="POST", setup=delivered,
          args=lambda c: {**delivery_args(c), "form": "reaction"},
          data=lambda c: {"T1-relevance": "3"},
          effect=exists("delivery.Reaction", relevance=lambda c: 3)),
    Check("evaluation-xlsform", ATTENDANCE_TAKERS, setup=delivered,
          args=lambda c: {**delivery_args(c), "level": 2}),
    Check("evaluation-import", COORDINATORS, method="POST", setup=delivered,
          args=delivery_args, data=lambda c: {"file": reaction_export(c)},
          effect=exists("delivery.Reaction", source=lambda c: "xlsform")),
    Check("evaluation-follow-up-answer", COORDINATORS, method="POST",
          setup=follow_ups_due, args=lambda c: {**delivery_args(c), "code": "T1",
                                                "respondent": "supervisor"},
          data=lambda c: {"applied": "partly", "example": "Maps reviewed"},
          effect=exists("delivery.FollowUp", applied=lambda c: "partly")),
    Check("evaluation-supervisor-contact", COORDINATORS, method="POST",
          setup=follow_ups_due, args=lambda c: {**delivery_args(c), "code": "T1"},
          data=lambda c: {"contact": "Grace N., +254 700 000 009"},
          effect=exists("delivery.TraineeIdentity",
                        supervisor_contact=lambda c: "Grace N., +254 700 000 009")),
    Check("api:get_evaluation", DELIVERY_READERS, setup=delivered, args=delivery_args),
    Check("api:post_answer", COORDINATORS, method="POST", json=True, setup=delivered,
          args=delivery_args, data=lambda c: {"form": "reaction", "code": "T1", "trainer": 5},
          effect=exists("delivery.Reaction", trainer=lambda c: 5)),
    # --- programme results (govcap/results): everyone with an engagement role, within their
    # scope; a training provider's staff has none ------------------------------------------
    Check("indicators", SIGNED_IN - {"provider"}, setup=delivered,
          note="each sees the engagements of their scope"),
    Check("indicators-download", SIGNED_IN - {"provider"}, setup=delivered,
          args=lambda c: {"fmt": "xlsx"}),
    Check("indicators-download", SIGNED_IN - {"provider"}, setup=delivered,
          args=lambda c: {"fmt": "json"}, note="json"),
    Check("indicators-engagement", ENGAGEMENT_READERS, setup=delivered, args=engagement),
    Check("indicators-engagement-download", ENGAGEMENT_READERS, setup=delivered,
          args=lambda c: {"slug": c.w.engagement.slug, "fmt": "docx"}),
    Check("indicators-words", COORDINATORS | {"manager"}, method="POST", setup=commented,
          data=lambda c: {"shown": [f"l1-{c.extra['reaction'].pk}"],
                          "quotable": [f"l1-{c.extra['reaction'].pk}"]},
          effect=exists("delivery.Reaction", quotable=lambda c: True),
          note="which texts the donor's documents may quote: those who read them"),
    Check("indicators-iati", frozenset({"manager", "admin"}), setup=delivered,
          note="the IATI file: those who report to donors"),
    Check("indicators-engagement-iati", frozenset({"manager", "admin"}), setup=delivered,
          args=engagement),
    Check("api:results_indicators", SIGNED_IN - {"provider"}, setup=delivered),
    Check("api:results_indicators", ENGAGEMENT_READERS, setup=delivered,
          query="?engagement=kenya-baseline-2026", note="one engagement"),
    # --- background jobs (govcap/jobs): one's own jobs; administrators see all ----------
    Check("jobs", SIGNED_IN - {"provider"}),
    Check("job", COORDINATORS, setup=coordinators_jobs, args=lambda c: {"pk": c.extra["done"].pk},
          note="the coordinator's job"),
    Check("job-download", COORDINATORS, setup=coordinators_jobs,
          args=lambda c: {"pk": c.extra["done"].pk}),
    Check("job-again", COORDINATORS, method="POST", setup=coordinators_jobs,
          args=lambda c: {"pk": c.extra["failed"].pk},
          effect=exists("jobs.Job", retry_of=lambda c: c.extra["failed"])),
    Check("job-cancel", COORDINATORS, method="POST", setup=coordinators_jobs,
          args=lambda c: {"pk": c.extra["waiting"].pk},
          effect=exists("jobs.Job", pk=lambda c: c.extra["waiting"].pk,
                        status=lambda c: "cancelled")),
    Check("job-start-plan-pack", ENGAGEMENT_READERS, method="POST", setup=planned,
          data=lambda c: {"engagement": c.w.engagement.slug}, effect=job_started("plan-pack")),
    Check("job-start-plan-pack", ENGAGEMENT_READERS, method="POST", setup=planned,
          effect=job_started("plan-pack"),
          note="programme: refused with a message to those who see no plan"),
    Check("job-start-results-export", SIGNED_IN - {"provider"}, method="POST", data=lambda c: {"format": "csv"},
          effect=job_started("results-export")),
    Check("job-start-results-export", ENGAGEMENT_READERS, method="POST",
          data=lambda c: {"format": "xlsx", "engagement": c.w.engagement.slug},
          effect=job_started("results-export"), note="one engagement"),
]


def not_an_export():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("export.csv", b"a,b\n1,2\n", content_type="text/csv")


def encode(check: Check, c: Ctx) -> dict[str, Any]:
    """Keyword arguments for the test client's get/post."""
    data = check.data(c) if check.data else {}
    if check.json:
        return {"data": json.dumps(data), "content_type": "application/json"}
    return {"data": data} if data else {}
