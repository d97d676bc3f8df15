"""Home, engagements, their organisations, sessions and team (coordinators' pages)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from govcap import localise
from govcap.accounts import audit, scoping
from govcap.accounts.invitations import grant_state
from govcap.accounts.models import Role, RoleAssignment
from govcap.assessments import access
from govcap.assessments.models import Session
from govcap.delivery import access as delivery_access
from govcap.instruments.services import latest_instrument
from govcap.orgs.models import Country, Engagement, Organisation
from govcap.reports import pack
from govcap.reports.documents import programme_engagements
from govcap.web.forms import EngagementForm, MemberForm, OrganisationForm, SessionForm


@require_GET
def favicon(request):
    return redirect(static("govcap/favicon.svg"), permanent=True)


@require_GET
@login_required
def home(request):
    engagements = scoping.engagements(request.user).annotate(
        n_orgs=Count("organisations", distinct=True),
        n_sessions=Count("sessions", distinct=True),
        n_validated=Count("sessions", filter=Q(sessions__status=Session.Status.VALIDATED),
                          distinct=True),
    )
    my_sessions = (
        access.sessions(request.user)
        .filter(facilitators=request.user)
        .exclude(status=Session.Status.VALIDATED)
        .order_by("scheduled_date")
    )
    to_validate = (  # the coordinator's queue: submitted sessions of engagements they manage
        access.sessions(request.user)
        .filter(status=Session.Status.SUBMITTED,
                engagement__in=scoping.managed_engagements(request.user))
        .order_by("submitted_at", "id")
    )
    providers = localise.sorted_names(delivery_access.own_providers(request.user),
                                      key=lambda p: p.name)  # a provider's staff
    return render(request, "govcap/home.html", {
        "engagements": engagements,
        "my_sessions": my_sessions,
        "to_validate": to_validate,
        "can_create": scoping.can_create_engagement(request.user),
        # the programme plan's links: when it would sum more than one engagement the reader
        # reads whole (reports.documents.programme_engagements; a narrowed viewer gets none)
        "programme_plan": programme_engagements(request.user).count() > 1,
        "programme_formats": (("pdf", "PDF"), ("docx", "DOCX"), ("xlsx", "XLSX")),
        "providers": providers,
        "n_deliveries": (delivery_access.deliveries(request.user).count() if providers
                         else 0),
    })


def get_engagement(request, slug: str):
    return scoping.engagement_or_404(request.user, slug)


@require_http_methods(["GET", "POST"])
@login_required
def engagement_new(request):
    scoping.require(scoping.can_create_engagement(request.user),
                    _("Only administrators create engagements."))
    form = EngagementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            country = form.cleaned_data["country"] or Country.objects.get_or_create(
                code=form.cleaned_data["new_country_code"].upper(),
                defaults={"name": form.cleaned_data["new_country_name"].strip()},
            )[0]
            engagement = form.save(commit=False)
            engagement.country = country
            engagement.instrument = latest_instrument()
            engagement.save()
            audit.record(request.user, "create", engagement, None, {"name": engagement.name})
        messages.success(request, _("Engagement created. Add the organisations to assess."))
        return redirect("engagement", slug=engagement.slug)
    return render(request, "govcap/engagement_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def engagement_edit(request, slug):
    engagement = get_engagement(request, slug)
    scoping.require(scoping.can_manage_engagement(request.user, engagement))
    form = EngagementForm(request.POST or None, instance=engagement,
                          initial={"country": engagement.country})
    form.fields["country"].disabled = True
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            fields = [*EngagementForm.Meta.fields, "names"]
            before = audit.snapshot(Engagement.objects.get(pk=engagement.pk), fields)
            form.save()
            audit.record_changes(request.user, "update", engagement, before,
                                 audit.snapshot(engagement, fields))
        messages.success(request, _("Engagement settings saved."))
        return redirect("engagement", slug=engagement.slug)
    return render(request, "govcap/engagement_form.html", {"form": form, "engagement": engagement})


@require_GET
@login_required
def engagement_detail(request, slug):
    engagement = get_engagement(request, slug)
    can_manage = scoping.can_manage_engagement(request.user, engagement)
    sessions = list(
        access.sessions(request.user)
        .filter(engagement=engagement)
        .select_related("organisation")
        .prefetch_related("facilitators")
    )
    sessions.sort(key=lambda s: (localise.sort_key(s.organisation.name),
                                 s.scheduled_date or dt.date.max))
    context = {
        "engagement": engagement,
        "organisations": localise.sorted_names(engagement.organisations.annotate(
            n_sessions=Count("sessions", filter=Q(sessions__engagement=engagement))
        ), key=lambda o: o.name),
        "sessions": sessions,
        "can_manage": can_manage,
        "can_pack": pack.has_documents_for(request.user, engagement),
    }
    if can_manage:
        context |= {
            "org_form": OrganisationForm(engagement=engagement),
            "session_form": SessionForm(engagement=engagement),
            "member_form": MemberForm(),
            "members": RoleAssignment.objects.filter(engagement=engagement)
            .select_related("user").order_by("role", "user__username"),
        }
    return render(request, "govcap/engagement.html", context)


@require_POST
@login_required
def engagement_add_organisation(request, slug):
    engagement = get_engagement(request, slug)
    scoping.require(scoping.can_manage_engagement(request.user, engagement))
    form = OrganisationForm(request.POST, engagement=engagement)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, error.as_text())
        return redirect("engagement", slug=slug)
    with transaction.atomic():
        org = form.cleaned_data["existing"]
        if org is None:
            org = Organisation.objects.create(
                country=engagement.country,
                name=form.cleaned_data["name"].strip(),
                code=form.cleaned_data["code"].strip(),
                kind=form.cleaned_data["kind"] or Organisation.Kind.MINISTRY,
                sector=form.cleaned_data["sector"].strip(),
            )
            audit.record(request.user, "create", org, None, {"name": org.name})
        engagement.organisations.add(org)
        audit.record(request.user, "update", engagement, None, {"added_organisation": org.name})
    messages.success(request, _("%(org)s added.") % {"org": org.name})
    return redirect("engagement", slug=slug)


@require_POST
@login_required
def engagement_add_session(request, slug):
    engagement = get_engagement(request, slug)
    scoping.require(scoping.can_manage_engagement(request.user, engagement))
    form = SessionForm(request.POST, engagement=engagement)
    if not form.is_valid():
        for field, error in form.errors.items():
            # not the ErrorList itself: a message is its str(), the errors' HTML list
            label = form.fields[field].label if field in form.fields else ""
            text = " ".join(str(e) for e in error)
            messages.error(request, localise.labelled(label, text) if label else text)
        return redirect("engagement", slug=slug)
    with transaction.atomic():
        session = form.save(commit=False)
        session.engagement = engagement
        session.instrument = engagement.instrument
        session.is_demo = engagement.is_demo
        session.save()
        form.save_m2m()
        audit.record(request.user, "create", session, None,
                     {"organisation": session.organisation.name,
                      "date": str(session.scheduled_date or "")}, session=session)
    messages.success(request, _("Session scheduled."))
    return redirect("engagement", slug=slug)


@require_POST
@login_required
def engagement_add_member(request, slug):
    engagement = get_engagement(request, slug)
    scoping.require(scoping.can_manage_engagement(request.user, engagement))
    form = MemberForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, error.as_text())
        return redirect("engagement", slug=slug)
    with transaction.atomic():
        assignment, created = RoleAssignment.objects.get_or_create(
            user=form.cleaned_data["username"], role=form.cleaned_data["role"],
            engagement=engagement, organisation=None,
        )
        if created:
            audit.record(request.user, "grant", assignment.user, None,
                         grant_state(assignment.user, assignment.role, engagement))
    messages.success(request, _("%(user)s is now %(role)s.") % {
        "user": assignment.user.username, "role": Role(assignment.role).label.lower()})
    return redirect("engagement", slug=slug)

