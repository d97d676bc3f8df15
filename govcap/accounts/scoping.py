"""The one place that decides what a user may see and change.

Every page, download, command and API endpoint asks this module; no view filters by hand.
A user's roles are read once per request: `scope_of` keeps the scope of each user object
it was asked about (Django loads `request.user` anew for each request) in `_SCOPES`, for as
long as that object lives, without writing anything onto it.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from govcap import plainsql
from govcap.accounts.models import Invitation, Role, RoleAssignment
from govcap.orgs.models import Engagement, Organisation


@dataclass(frozen=True)
class Scope:
    is_admin: bool = False
    is_programme_manager: bool = False
    coordinator_of: frozenset[int] = field(default_factory=frozenset)
    facilitator_of: frozenset[int] = field(default_factory=frozenset)
    viewer_of: frozenset[int] = field(default_factory=frozenset)
    # engagement id → organisation ids a viewer is narrowed to (absent: the whole engagement)
    viewer_orgs: dict[int, frozenset[int]] = field(default_factory=dict)

    @property
    def reads_everything(self) -> bool:
        return self.is_admin or self.is_programme_manager

    @property
    def engagement_ids(self) -> frozenset[int]:
        return self.coordinator_of | self.facilitator_of | self.viewer_of


class ScopeCache:
    """Scopes by user *object* (its identity, not its primary key: two loads of one user
    are two requests, each reading the roles once), each dropped when its user object is
    collected. Plain dict operations: atomic under the GIL, so no lock (a lock taken by a
    weakref callback that fires during a collection could deadlock its own thread)."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[weakref.ref[Any], Scope]] = {}

    def get(self, user: Any) -> Scope | None:
        entry = self._by_id.get(id(user))
        return entry[1] if entry is not None and entry[0]() is user else None

    def put(self, user: Any, scope: Scope) -> None:
        key = id(user)
        by_id = self._by_id

        def drop(ref: weakref.ref[Any]) -> None:
            entry = by_id.get(key)
            if entry is not None and entry[0] is ref:
                by_id.pop(key, None)

        by_id[key] = (weakref.ref(user, drop), scope)

    def forget(self, user: Any) -> None:
        """Read `user`'s roles again at the next question (after changing them)."""
        self._by_id.pop(id(user), None)

    def __len__(self) -> int:
        return len(self._by_id)


_SCOPES = ScopeCache()


def scope_of(user) -> Scope:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope()
    cached = _SCOPES.get(user)
    if cached is not None:
        return cached
    coordinator, facilitator, viewer = set(), set(), set()
    viewer_orgs: dict[int, set[int]] = {}
    whole_engagement_viewer: set[int] = set()
    is_admin = user.is_superuser
    is_pm = False
    # Plain SQL: read on nearly every request (govcap.plainsql says why).
    for role, engagement_id, org_id in plainsql.select(
        RoleAssignment, [("user", "=", user.pk)], fields=("role", "engagement", "organisation")
    ):
        if role == Role.ADMINISTRATOR:
            is_admin = True
        elif role == Role.PROGRAMME_MANAGER:
            is_pm = True
        elif role == Role.COORDINATOR:
            coordinator.add(engagement_id)
        elif role == Role.FACILITATOR:
            facilitator.add(engagement_id)
        elif role == Role.VIEWER:
            viewer.add(engagement_id)
            if org_id is None:
                whole_engagement_viewer.add(engagement_id)
            else:
                viewer_orgs.setdefault(engagement_id, set()).add(org_id)
    scope = Scope(
        is_admin=is_admin,
        is_programme_manager=is_pm,
        coordinator_of=frozenset(coordinator),
        facilitator_of=frozenset(facilitator),
        viewer_of=frozenset(viewer),
        viewer_orgs={
            e: frozenset(orgs) for e, orgs in viewer_orgs.items() if e not in whole_engagement_viewer
        },
    )
    _SCOPES.put(user, scope)
    return scope


# --- what a user may see -------------------------------------------------------------


def engagements(user) -> QuerySet:
    scope = scope_of(user)
    qs = Engagement.objects.select_related("country")
    if scope.reads_everything:
        return qs
    return qs.filter(id__in=scope.engagement_ids)


def sessions_in(user, qs: QuerySet) -> QuerySet:
    """The sessions of ``qs`` (a queryset of ``assessments.Session``) the user may see;
    ``assessments.access.sessions(user)`` gives them all. The session model comes with the
    queryset, so this package needs nothing from the assessments above it."""
    scope = scope_of(user)
    if scope.reads_everything:
        return qs
    # A subquery rather than a join on the facilitators: no duplicate rows, so no DISTINCT
    # (cheaper on every page, and the session can then be locked FOR UPDATE).
    assigned = Exists(qs.model.facilitators.through.objects.filter(
        session_id=OuterRef("pk"), user_id=user.pk))
    visible = Q(engagement_id__in=scope.coordinator_of) | (
        Q(engagement_id__in=scope.facilitator_of) & Q(assigned))
    whole = scope.viewer_of - scope.viewer_orgs.keys()
    visible |= Q(engagement_id__in=whole)
    for engagement_id, org_ids in scope.viewer_orgs.items():
        visible |= Q(engagement_id=engagement_id, organisation_id__in=org_ids)
    return qs.filter(visible)


def can_see_session(user, session, *, assigned: bool) -> bool:
    """What `sessions_in(user, …)` decides, for one session already read (`assigned`: the user is
    among its facilitators). The autosave reads and locks its session in one statement, then
    asks this."""
    scope = scope_of(user)
    engagement_id = session.engagement_id
    if scope.reads_everything or engagement_id in scope.coordinator_of:
        return True
    if engagement_id in scope.facilitator_of and assigned:
        return True
    if engagement_id in scope.viewer_orgs:
        return session.organisation_id in scope.viewer_orgs[engagement_id]
    return engagement_id in scope.viewer_of


def engagement_or_404(user, slug: str) -> Engagement:
    """The engagement `slug` if the user may see it, else a 404 (never a 403 that would
    confirm it exists) — the one fetch of an engagement for pages and the API."""
    return get_object_or_404(engagements(user), slug=slug)


def organisations(user) -> QuerySet:
    scope = scope_of(user)
    qs = Organisation.objects.select_related("country")
    if scope.reads_everything:
        return qs
    return qs.filter(engagements__id__in=scope.engagement_ids).distinct()


# --- what a user may change ----------------------------------------------------------


def can_create_engagement(user) -> bool:
    return scope_of(user).is_admin


def can_manage_engagement(user, engagement) -> bool:
    """Organisations, sessions, assignments, validation (coordinator or administrator)."""
    return _manages(user, engagement.id)


def _manages(user, engagement_id: int) -> bool:
    scope = scope_of(user)
    return scope.is_admin or engagement_id in scope.coordinator_of


def can_capture(user, session, *, assigned: bool | None = None) -> bool:
    """Edit the session's consent, participants and ratings now (its status considered).
    `assigned`, when the caller already knows it: the user is among its facilitators."""
    status = type(session).Status  # the session's own statuses: no import of assessments
    if session.status == status.VALIDATED:
        return False
    if _manages(user, session.engagement_id):
        return True
    if session.status == status.SUBMITTED:
        return False  # submitted sessions are read-only to facilitators
    return is_assigned_facilitator(user, session, assigned=assigned)


def has_capture_role(user, session, *, assigned: bool | None = None) -> bool:
    """The role part of `can_capture`, the session's status aside: its coordinators and
    administrators, and its assigned facilitators. A retried save (autosave or sync) is
    answered from its stored result only to them, also after the session turned read-only."""
    return _manages(user, session.engagement_id) or is_assigned_facilitator(
        user, session, assigned=assigned)


def can_submit(user, session) -> bool:
    return has_capture_role(user, session)


def can_validate(user, session) -> bool:
    return can_manage_engagement(user, session.engagement)


def is_assigned_facilitator(user, session, *, assigned: bool | None = None) -> bool:
    scope = scope_of(user)
    if session.engagement_id not in scope.facilitator_of:
        return False
    if assigned is not None:
        return assigned
    return session.facilitators.filter(pk=user.pk).exists()


def can_view_history(user, session) -> bool:
    """A session's audit trail: coordinators of its engagement and administrators."""
    return can_manage_engagement(user, session.engagement)


def can_edit_plan(user, engagement) -> bool:
    """Targets and the training plan of an engagement (coordinator or administrator)."""
    return can_manage_engagement(user, engagement)



def is_admin(user) -> bool:
    """Users, instruments, the catalogue, identified exports."""
    return scope_of(user).is_admin


can_manage_users = can_edit_catalogue = is_admin


def can_invite(user, role: str, engagement=None) -> bool:
    """Administrators invite anyone with any role; a coordinator invites coordinators,
    facilitators and viewers into the engagements they coordinate."""
    scope = scope_of(user)
    if scope.is_admin:
        return True
    return (role in (Role.COORDINATOR, Role.FACILITATOR, Role.VIEWER)
            and engagement is not None and engagement.id in scope.coordinator_of)


def managed_engagements(user) -> QuerySet:
    """Engagements the user coordinates (all of them for an administrator)."""
    scope = scope_of(user)
    qs = engagements(user)
    return qs if scope.is_admin else qs.filter(id__in=scope.coordinator_of)


def invitations(user) -> QuerySet:
    scope = scope_of(user)
    qs = Invitation.objects.select_related("engagement", "created_by")
    if scope.is_admin:
        return qs
    return qs.filter(engagement_id__in=scope.coordinator_of)


def scoped(user, qs: QuerySet, engagement_field: str = "engagement",
           organisation_field: str | None = None) -> QuerySet:
    """Any queryset of rows that belong to an engagement (plans, targets, codes, reports),
    narrowed to what the user may read. `organisation_field` narrows a viewer who holds
    the role for some organisations only."""
    scope = scope_of(user)
    if scope.reads_everything:
        return qs
    key = f"{engagement_field}__in"
    visible = Q(**{key: scope.coordinator_of | scope.facilitator_of})
    whole = scope.viewer_of - scope.viewer_orgs.keys()
    visible |= Q(**{key: whole})
    for engagement_id, org_ids in scope.viewer_orgs.items():
        if organisation_field is None:
            visible |= Q(**{key: [engagement_id]})
        else:
            visible |= Q(**{key: [engagement_id], f"{organisation_field}__in": org_ids})
    return qs.filter(visible)


def require(allowed: bool, message: str | None = None) -> None:
    """A refusal (403) saying why, in the reader's language."""
    if not allowed:
        raise PermissionDenied(message or _("You do not have access to this."))
