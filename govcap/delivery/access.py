"""Who sees and changes which deliveries: the engagement roles of ``accounts.scoping``,
plus the provider role (``ProviderMember``), which sees its own provider's deliveries and
nothing else of govcap. Every page, command and API endpoint of deliveries asks here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from govcap.accounts import scoping
from govcap.delivery.models import Delivery, ProviderMember, Trainee, TrainingProvider
from govcap.orgs.models import Organisation
from govcap.planning.models import Plan


def provider_ids(user) -> frozenset[int]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return frozenset(ProviderMember.objects.filter(user=user).values_list("provider_id",
                                                                           flat=True))


def own_providers(user) -> QuerySet:
    """The training providers the user works for (``ProviderMember``)."""
    return (TrainingProvider.objects.select_related("country")
            .filter(pk__in=provider_ids(user)).order_by("name"))


def only_a_provider(user) -> bool:
    """The user's only access is as a training provider's staff: no engagement role, so the
    assessment pages (engagements, analysis, jobs) have nothing for them. No query beyond
    the cached roles for anyone who has one."""
    scope = scoping.scope_of(user)
    if scope.reads_everything or scope.engagement_ids:
        return False
    return bool(provider_ids(user))


def deliveries(user) -> QuerySet:
    """Every delivery the user may see: those of the engagements they read, and their own
    provider's."""
    qs = Delivery.objects.select_related("engagement", "engagement__country", "provider", "plan")
    scope = scoping.scope_of(user)
    if scope.reads_everything:
        return qs
    in_scope = scoping.scoped(user, Delivery.objects.all()).values("pk")
    qs = qs.filter(Q(pk__in=in_scope) | Q(provider_id__in=provider_ids(user)))
    others = others_courses(user)
    return qs.exclude(pk__in=others) if others else qs


def others_courses(user) -> list[int]:
    """The deliveries a viewer narrowed to some organisations of an engagement does not
    see: those neither nominating nor planning any participant of theirs (their costs,
    venue and trainers are the other organisations' business). A coordinator or
    facilitator of the engagement, or the course's own provider, is not narrowed."""
    scope = scoping.scope_of(user)
    narrowed = {e: orgs for e, orgs in scope.viewer_orgs.items()
                if e not in scope.coordinator_of | scope.facilitator_of}
    if not narrowed:
        return []
    found = list(Delivery.objects.filter(engagement_id__in=narrowed)
                 .exclude(provider_id__in=provider_ids(user))
                 .values_list("pk", "engagement_id", "plan_id", "cohort_id"))
    if not found:
        return []
    uuids = dict(Organisation.objects.filter(
        pk__in=set().union(*narrowed.values())).values_list("pk", "uuid"))
    nominating = {d for d, e, org in Trainee.objects.filter(
        delivery_id__in=[row[0] for row in found]).values_list(
        "delivery_id", "delivery__engagement_id", "organisation_id") if org in narrowed[e]}
    members: dict[tuple[int, str], set[str]] = {}
    for plan in Plan.objects.filter(pk__in={row[2] for row in found}).only("pk", "data_json"):
        for c in plan.data.get("cohorts", ()):
            members[(plan.pk, c.get("cohort_id"))] = {
                m.get("org_id") for m in c.get("members", ())
                if m.get("participants", 1)}
    hidden = []
    for pk, engagement_id, plan_id, cohort_id in found:
        theirs = {str(uuids[o]) for o in narrowed[engagement_id] if o in uuids}
        if pk not in nominating and not theirs & members.get((plan_id, cohort_id), set()):
            hidden.append(pk)
    return hidden


def delivery_or_404(user, uuid) -> Delivery:
    return get_object_or_404(deliveries(user), uuid=uuid)


def can_manage(user, delivery: Delivery) -> bool:
    """Change the delivery, its nominations and completions: the engagement's coordinators
    and administrators."""
    return scoping.can_manage_engagement(user, delivery.engagement)


def is_its_provider(user, delivery: Delivery) -> bool:
    return delivery.provider_id is not None and delivery.provider_id in provider_ids(user)


def can_record_attendance(user, delivery: Delivery) -> bool:
    """Attendance and the sign-in sheets: its coordinators, and its own provider."""
    return can_manage(user, delivery) or is_its_provider(user, delivery)


def reads_names(user, delivery: Delivery) -> bool:
    """Trainees' names (a sign-in sheet needs them): who records attendance."""
    return can_record_attendance(user, delivery)


def reads_individual_answers(user, delivery: Delivery) -> bool:
    """One trainee's scores and answers (a learning check's score, a follow-up's "applied"):
    not the course's training provider, who reads the trainees' names (sign-in sheets) —
    a name beside a score is what the privacy rules keep apart. The provider sees the
    totals, and whether each code has answered; the engagement's people see the rest."""
    return can_manage(user, delivery) or not is_its_provider(user, delivery)


def reads_texts(user, engagement_id: int) -> bool:
    """Trainees' free text (a comment, an example may name someone): the engagement's
    coordinators, programme managers and administrators — not its facilitators or
    viewers (they are told how many texts there are), nor a training provider. The results
    page shows the texts to them without a code; they also mark which texts the donor's
    documents may quote. ``None`` (a command run on the server) reads them all."""
    if user is None:
        return True
    scope = scoping.scope_of(user)
    return scope.reads_everything or engagement_id in scope.coordinator_of


@dataclass(frozen=True)
class AnswersShown:
    """What of a delivery's evaluation answers a user reads by trainee code: the same on
    the evaluation page (its "Per participant" table), the paper forms and the API, so they
    cannot say different things. Everyone who sees the delivery reads its totals."""

    rows: bool  # each code: which forms it answered, its follow-ups' dates and states
    scores: bool  # each code's ratings, scores and gain, and its follow-ups' "applied"
    texts: bool  # each code's comment and example


def answers_shown(user, delivery: Delivery) -> AnswersShown:
    """The engagement's coordinators (and administrators) read every answer by code; the
    course's own provider, who reads the names, which code answered only; a programme
    manager, a facilitator or a viewer nothing by code — a code is one person of an
    organisation, a role and a gender (``GET /api/deliveries/{uuid}``), so their answers
    are theirs. A programme manager reads the texts without codes on the results page
    (``reads_texts``)."""
    rows = can_record_attendance(user, delivery)
    scores = rows and reads_individual_answers(user, delivery)
    return AnswersShown(rows=rows, scores=scores,
                        texts=scores and reads_texts(user, delivery.engagement_id))


def narrowed_orgs(user, engagement_id: int) -> frozenset[int] | None:
    """The organisations a viewer narrowed to some of an engagement's sees (None: all of
    it). Only a viewer is ever narrowed; a coordinator or provider of the same delivery
    is not (``trainees``)."""
    return scoping.scope_of(user).viewer_orgs.get(engagement_id)


def visible_orgs(user, delivery: Delivery) -> frozenset[int] | None:
    """The organisations whose trainees (and answers, and counts) the user sees in this
    delivery; None: every organisation."""
    narrowed = narrowed_orgs(user, delivery.engagement_id)
    if narrowed is None or can_record_attendance(user, delivery):
        return None
    return narrowed


def visible_orgs_many(user, deliveries: Iterable[Delivery]
                      ) -> dict[int, frozenset[int] | None]:
    """``visible_orgs`` of many deliveries (delivery id → organisations, None: all), the
    user's providers read once: no query per delivery."""
    providers: frozenset[int] | None = None
    out: dict[int, frozenset[int] | None] = {}
    for d in deliveries:
        narrowed = narrowed_orgs(user, d.engagement_id)
        if narrowed is None or can_manage(user, d):
            out[d.pk] = None
            continue
        if providers is None:
            providers = provider_ids(user)  # read once, when a narrowed viewer asks
        out[d.pk] = None if d.provider_id in providers else narrowed
    return out


def trainees(user, delivery: Delivery) -> QuerySet:
    """The delivery's trainees the user may see: a viewer narrowed to some organisations
    sees theirs only."""
    qs = Trainee.objects.filter(delivery=delivery).select_related("organisation")
    orgs = visible_orgs(user, delivery)
    if orgs is not None:
        qs = qs.filter(organisation_id__in=orgs)
    return qs


def providers(user) -> QuerySet:
    """The register: providers of the countries of the user's engagements (all for those
    who read everything), and the user's own."""
    qs = TrainingProvider.objects.select_related("country")
    scope = scoping.scope_of(user)
    if scope.reads_everything:
        return qs
    countries = scoping.engagements(user).values("country_id")
    return qs.filter(Q(country_id__in=countries) | Q(pk__in=provider_ids(user)))


def can_register_provider(user, country) -> bool:
    """Coordinators add providers in their engagements' countries; administrators anywhere."""
    scope = scoping.scope_of(user)
    if scope.is_admin:
        return True
    return scoping.managed_engagements(user).filter(country=country).exists()
