"""Reading what the results count from the database into the plain rows of ``results.core``,
every queryset through the scoping of the app that owns it: ``accounts.scoping`` for
engagements, ``assessments.access`` for sessions (so levels are those the reader sees on
the analysis pages), ``delivery.access`` for deliveries and trainees.

``user=None`` is the server's operator (the command line without ``--user``): everything.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import Count, QuerySet
from django.utils import timezone

from govcap.accounts import scoping
from govcap.analysis import queries as levels
from govcap.assessments import access as session_access
from govcap.assessments.models import Session
from govcap.delivery import access as delivery_access
from govcap.delivery.core import evaluation as eval_rules
from govcap.delivery.models import (
    Attendance,
    Delivery,
    FollowUp,
    LearningCheck,
    Reaction,
    Trainee,
)
from govcap.orgs.models import Engagement, Organisation
from govcap.planning.models import Plan
from govcap.results.core.indicators import (
    CLOSED,
    DeliveryRow,
    FollowUpRow,
    LearningRow,
    ReactionRow,
    TraineeRow,
)

VALIDATED = Session.Status.VALIDATED


def engagements(user) -> QuerySet:
    """The engagements the reader sees (the operator: all)."""
    qs = Engagement.objects.select_related("country")
    return qs if user is None else scoping.engagements(user).select_related("country")


def deliveries(user, scope: Sequence[Engagement]) -> list[Delivery]:
    qs = Delivery.objects.select_related("engagement", "engagement__country", "plan__catalogue")
    if user is not None:
        qs = delivery_access.deliveries(user).select_related("plan__catalogue")
    return list(qs.filter(engagement__in=[e.pk for e in scope]).order_by("start_date", "id"))


def trainees(user, found: Sequence[Delivery]) -> list[Trainee]:
    """The trainees of the deliveries, a viewer narrowed to some organisations seeing
    theirs only (as on the delivery pages)."""
    rows = list(Trainee.objects.filter(delivery__in=[d.pk for d in found])
                .select_related("organisation").order_by("delivery_id", "id"))
    if user is None:
        return rows
    narrowed = scoping.scope_of(user).viewer_orgs
    by_id = {d.pk: d for d in found}
    return [t for t in rows
            if (orgs := narrowed.get(by_id[t.delivery_id].engagement_id)) is None
            or t.organisation_id in orgs]


def domains(found: Iterable[Delivery]) -> dict[int, str]:
    """Delivery id → the training domain of its module (from the plan's catalogue)."""
    parsed: dict[int, dict] = {}
    out: dict[int, str] = {}
    for d in found:
        catalogue = d.plan.catalogue
        if catalogue.pk not in parsed:
            parsed[catalogue.pk] = catalogue.parsed().by_code
        module = parsed[catalogue.pk].get(d.module_code)
        out[d.pk] = module.domain if module else ""
    return out


def narrowed(user) -> dict[int, frozenset[int]]:
    """Engagement id → the organisations a viewer is narrowed to (absent: all of them)."""
    return {} if user is None else dict(scoping.scope_of(user).viewer_orgs)


def rounds_unseen(scope: Sequence[Engagement], include_demo: bool = True) -> int:
    """The engagements (rounds) of the scope's countries that are not in it: those the
    reader does not see (demo ones counted only when the scope may hold them)."""
    others = Engagement.objects.filter(
        country__in={e.country_id for e in scope}).exclude(pk__in=[e.pk for e in scope])
    return (others if include_demo else others.real()).count()


def organisation_names(some: dict[int, frozenset[int]]) -> list[str]:
    """The names of the organisations a narrowed reader sees (``narrowed``), sorted."""
    return sorted(Organisation.objects.filter(pk__in={o for orgs in some.values()
                                                     for o in orgs})
                  .values_list("name", flat=True))


def delivery_rows(found: Sequence[Delivery], some: dict[int, frozenset[int]] | None = None
                  ) -> list[DeliveryRow]:
    """With each course's participants counted whoever reads (``nominees``): a reader who
    sees some organisations only counts their share of its cost. ``some`` (``narrowed``):
    for such a reader, the seats the plan's cohort gives their organisations
    (``planned_theirs``), their share of its planned cost."""
    nominees = dict(Trainee.objects.filter(delivery__in=[d.pk for d in found])
                    .values("delivery").annotate(n=Count("id")).values_list("delivery", "n"))
    some = some or {}
    uuids = dict(Organisation.objects.filter(
        pk__in={o for orgs in some.values() for o in orgs}).values_list("pk", "uuid"))

    def planned_theirs(d: Delivery) -> int | None:
        orgs = some.get(d.engagement_id)
        if orgs is None:
            return None
        theirs = {str(uuids[o]) for o in orgs if o in uuids}
        cohort: dict[str, Any] = next((c for c in d.plan.data.get("cohorts", ())
                                       if c["cohort_id"] == d.cohort_id), {})
        return sum(m["participants"] for m in cohort.get("members", ())
                   if m["org_id"] in theirs)

    return [DeliveryRow(d.pk, d.status, d.currency, d.planned_participants,
                        d.planned_cost_cents, d.cost_cents, d.start_date, d.end_date,
                        nominees.get(d.pk, 0), planned_theirs(d))
            for d in found]


def trainee_rows(found: Sequence[Delivery], people: Sequence[Trainee]) -> list[TraineeRow]:
    domain = domains(found)
    country = {d.pk: d.engagement.country.local_name for d in found}
    return [TraineeRow(t.pk, t.delivery_id, t.organisation.name, country[t.delivery_id],
                       domain[t.delivery_id], t.gender, t.seniority, t.completion)
            for t in people]


def evaluation_rows(people: Sequence[Trainee]
                    ) -> tuple[list[ReactionRow], list[LearningRow], list[FollowUpRow]]:
    """Levels 1–3 of these trainees: reactions, pre/post learning checks, follow-ups."""
    ids = [t.pk for t in people]
    reactions = [ReactionRow(t, (a, b, c, d)) for t, a, b, c, d in
                 Reaction.objects.filter(trainee_id__in=ids).values_list(
                     "trainee_id", "relevance", "quality", "trainer", "recommend")]
    scores: dict[int, dict[str, float]] = defaultdict(dict)
    for t, phase, correct, out_of in LearningCheck.objects.filter(
            trainee_id__in=ids).values_list("trainee_id", "phase", "correct", "out_of"):
        scores[t][phase] = 100.0 * correct / out_of
    learning = [LearningRow(t, s.get(LearningCheck.Phase.PRE), s.get(LearningCheck.Phase.POST))
                for t, s in scores.items()]
    # an answer given outside 3 to 6 months after the course is reported apart
    follow_ups = [FollowUpRow(t, who, applied, answered is None or eval_rules.in_window(
        due, close, timezone.localdate(answered)))
                  for t, who, applied, due, close, answered in
                  FollowUp.objects.filter(trainee_id__in=ids).values_list(
                      "trainee_id", "respondent", "applied", "due_date", "close_date",
                      "answered_at")]
    return reactions, learning, follow_ups


LEVEL_1, LEVEL_3 = "l1", "l3"  # a text's kind: a level-1 comment, a level-3 example


@dataclass(frozen=True)
class Text:
    """One trainee's text: a level-1 comment or a level-3 example (``who`` wrote it:
    participant or supervisor), and whether a coordinator marked it for quoting."""

    kind: str
    pk: int
    text: str
    quotable: bool = False
    who: str = "participant"

    @property
    def key(self) -> str:
        """"l1-12", "l3-7": the text's name in the page's form."""
        return f"{self.kind}-{self.pk}"


@dataclass(frozen=True)
class CourseTexts:
    """What the participants of one course wrote: level-1 comments (of ``reactions``
    answers) and level-3 examples (of ``follow_ups`` answered)."""

    course: str
    comments: tuple[Text, ...]
    reactions: int
    examples: tuple[Text, ...]
    follow_ups: int
    # follow-ups answered before 3 months or after 6 (``eval_rules.follow_up_state``): not
    # counted in ``follow_ups`` nor listed in ``examples``, as the level-3 figure and the
    # evaluation page's "Answered" leave them out
    apart: int = 0


reads_texts = delivery_access.reads_texts  # who reads the trainees' comments and examples


def _texts_of(user, found: Sequence[Delivery], people: Sequence[Trainee]
              ) -> tuple[list[Delivery], dict[int, int]]:
    """The deliveries whose texts the reader may read, and trainee id → delivery id of
    their trainees the reader sees."""
    allowed = [d for d in found if reads_texts(user, d.engagement_id)]
    ids = {d.pk for d in allowed}
    return allowed, {t.pk: t.delivery_id for t in people if t.delivery_id in ids}


def free_texts(user, found: Sequence[Delivery], people: Sequence[Trainee], language: str
               ) -> tuple[list[CourseTexts], bool]:
    """Per course the reader may read the texts of (``reads_texts``), in course order, the
    comments and examples of the trainees they see — never with a code, name or
    organisation (an erased trainee's are blank already: ``delivery.privacy``); and whether
    some courses' texts were withheld from this reader."""
    allowed, of = _texts_of(user, found, people)
    withheld = len(allowed) < len(found)
    comments: dict[int, list[Text]] = defaultdict(list)
    reactions: dict[int, int] = defaultdict(int)
    for pk, trainee, text, quotable in Reaction.objects.filter(
            trainee_id__in=list(of)).order_by("answered_at", "id").values_list(
            "pk", "trainee_id", "comment", "quotable"):
        reactions[of[trainee]] += 1
        if text.strip():
            comments[of[trainee]].append(Text(LEVEL_1, pk, text.strip(), quotable))
    examples: dict[int, list[Text]] = defaultdict(list)
    answered: dict[int, int] = defaultdict(int)
    apart: dict[int, int] = defaultdict(int)
    for pk, trainee, who, text, quotable, due, close, at in FollowUp.objects.filter(
            trainee_id__in=list(of), answered_at__isnull=False).order_by(
            "answered_at", "id").values_list("pk", "trainee_id", "respondent", "example",
                                             "quotable", "due_date", "close_date",
                                             "answered_at"):
        # one rule with the figure and the evaluation page's "Answered" (``in_window``,
        # which ``eval_rules.follow_up_state`` asks)
        if not eval_rules.in_window(due, close, timezone.localdate(at)):
            apart[of[trainee]] += 1
            continue
        answered[of[trainee]] += 1
        if text.strip():
            examples[of[trainee]].append(Text(LEVEL_3, pk, text.strip(), quotable, who))
    titles = course_titles(allowed, language)
    return ([CourseTexts(titles[d.pk], tuple(comments[d.pk]), reactions[d.pk],
                         tuple(examples[d.pk]), answered[d.pk], apart[d.pk])
             for d in allowed if comments[d.pk] or examples[d.pk]], withheld)


def mark_quotable(user, shown: Iterable[str], chosen: Iterable[str]) -> list[tuple]:
    """Of the texts ``shown`` ("l1-12", "l3-7"), those in ``chosen`` may be quoted and the
    others not; only texts the reader may read (``reads_texts``, of trainees they see) are
    changed, the others ignored. Returns (row, now quotable) of the texts changed."""
    wanted = set(chosen)
    keys: dict[str, set[int]] = {LEVEL_1: set(), LEVEL_3: set()}
    for key in shown:
        kind, _dash, pk = str(key).partition("-")
        if kind in keys and pk.isdigit():
            keys[kind].add(int(pk))
    rows: list = [
        *Reaction.objects.filter(pk__in=keys[LEVEL_1]).select_related("trainee__delivery"),
        *FollowUp.objects.filter(pk__in=keys[LEVEL_3]).select_related("trainee__delivery")]
    found = deliveries(user, list(Engagement.objects.filter(
        pk__in={r.trainee.delivery.engagement_id for r in rows})))
    _allowed, of = _texts_of(user, found, trainees(user, found))
    changed = []
    for row in rows:
        if row.trainee_id not in of:
            continue
        key = f"{LEVEL_1 if isinstance(row, Reaction) else LEVEL_3}-{row.pk}"
        if row.quotable != (key in wanted):
            row.quotable = key in wanted
            changed.append((row, row.quotable))
    return changed


def course_titles(found: Iterable[Delivery], language: str) -> dict[int, str]:
    """Delivery id → "Module title (cohort)" in ``language`` (the code if the catalogue
    has no such module)."""
    parsed: dict[int, dict] = {}
    out: dict[int, str] = {}
    for d in found:
        catalogue = d.plan.catalogue
        if catalogue.pk not in parsed:
            parsed[catalogue.pk] = catalogue.parsed(language).by_code
        module = parsed[catalogue.pk].get(d.module_code)
        out[d.pk] = f"{module.title if module else d.module_code} ({d.cohort_id})"
    return out


def approved_plans(scope: Sequence[Engagement]) -> list[Plan]:
    """Each engagement's latest approved plan (the yardstick of its deliveries)."""
    out: dict[int, Plan] = {}
    for plan in (Plan.objects.filter(engagement__in=[e.pk for e in scope],
                                     status=Plan.Status.APPROVED)
                 .select_related("engagement").order_by("engagement_id", "version")):
        out[plan.engagement_id] = plan
    return list(out.values())


def planned_participants(plans: Iterable[Plan],
                         orgs: dict[int, frozenset[int]] | None = None) -> int | None:
    """The approved plans' participants; of an engagement in ``orgs`` (a viewer narrowed to
    some organisations), the seats its cohorts give those organisations only."""
    plans = list(plans)
    if not plans:
        return None
    orgs = orgs or {}
    uuids = {str(u): pk for pk, u in Organisation.objects.filter(
        pk__in={pk for some in orgs.values() for pk in some}).values_list("pk", "uuid")}
    total = 0
    for p in plans:
        some = orgs.get(p.engagement_id)
        for c in p.data.get("cohorts", ()):
            if some is None:
                total += int(c.get("participants", 0))
            else:
                total += sum(int(m.get("participants", 0)) for m in c.get("members", ())
                             if uuids.get(str(m.get("org_id"))) in some)
    return total


def plan_period(plans: Iterable[Plan]) -> tuple[dt.date, dt.date] | None:
    """From the first day of the plans' first month to the last day of their last one."""
    months = sorted(m for p in plans for m in p.data.get("months", ()) if m)
    if not months:
        return None
    first = dt.date.fromisoformat(months[0] + "-01")
    year, month = (int(x) for x in months[-1].split("-"))
    after = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


# --- level 4 -------------------------------------------------------------------------------


@dataclass
class RoundPair:
    """Two consecutive rounds of a country: the earlier one's training, the later one's
    levels."""

    earlier: Engagement
    later: Engagement
    before: dict[tuple[int, str], int] = field(default_factory=dict)
    after: dict[tuple[int, str], int] = field(default_factory=dict)
    trained: dict[int, frozenset[str]] = field(default_factory=dict)
    attended: dict[int, frozenset[str]] = field(default_factory=dict)
    not_validated: int = 0  # organisations of the later round with no validated session yet
    names: dict[int, str] = field(default_factory=dict)


def _round_order(e: Engagement) -> tuple[int, dt.date, int]:
    return (e.round_number, e.start_date or dt.date.max, e.pk)


def round_pairs(scope: Sequence[Engagement], everything: Sequence[Engagement]
                ) -> list[tuple[Engagement, Engagement]]:
    """The (earlier, later) rounds each engagement of ``scope`` takes part in, among
    ``everything`` the reader sees (same country; the next round is the lowest higher round
    number, the previous one the highest lower): an engagement as the *earlier* round (its
    training, measured by the next round) and as the *later* one (its levels, compared with
    the previous round's). So the report of a baseline shows what its training changed once
    a follow-up exists, and the report of a follow-up shows the same comparison from its
    side; the programme lists each pair once, in the order of ``scope``."""
    by_country: dict[int, list[Engagement]] = defaultdict(list)
    for e in everything:
        by_country[e.country_id].append(e)
    out: list[tuple[Engagement, Engagement]] = []
    for e in scope:
        rounds = by_country[e.country_id]
        before = [x for x in rounds if x.round_number < e.round_number]
        after = [x for x in rounds if x.round_number > e.round_number]
        found = []
        if before:
            found.append((max(before, key=_round_order), e))
        if after:
            found.append((e, min(after, key=_round_order)))
        out += [pair for pair in found if pair not in out]
    return out


def _sessions(user) -> QuerySet:
    return Session.objects.all() if user is None else session_access.sessions(user)


def validated_levels(user, engagement: Engagement) -> dict[tuple[int, str], int]:
    """{(organisation, section): level} from each organisation's deciding session among its
    *validated* sessions (``analysis.core.org_level``, as plans read them)."""
    sessions = _sessions(user).filter(engagement=engagement, status=VALIDATED)
    return {(cast(int, row.org_id), row.section_key): int(row.level)
            for row in levels.deciding_rows(sessions, levels.session_refs(sessions))
            if row.level is not None}


Domains = dict[int, frozenset[str]]  # organisation → training domains


def training(earlier: Engagement, found: Sequence[Delivery], people: Sequence[Trainee]
             ) -> tuple[Domains, Domains]:
    """What the organisations did in the deliveries of ``earlier`` (those among ``found``,
    cancelled ones left out): the domains in which one of their officials completed a
    course (trained), and those in which officials attended without anyone completing
    (attended)."""
    domain = domains([d for d in found if d.engagement_id == earlier.pk])
    mine = [t for t in people if t.delivery_id in domain]
    closed = {d.pk for d in found if d.status in CLOSED}
    present = set(Attendance.objects.filter(trainee__in=[t.pk for t in mine], present=True)
                  .values_list("trainee_id", flat=True))
    trained: dict[int, set[str]] = defaultdict(set)
    attended: dict[int, set[str]] = defaultdict(set)
    for t in mine:
        if t.delivery_id in closed:
            continue
        if t.completion == "completed":
            trained[t.organisation_id].add(domain[t.delivery_id])
        elif t.pk in present or t.completion == "partial":
            attended[t.organisation_id].add(domain[t.delivery_id])
    return ({org: frozenset(d) for org, d in trained.items()},
            {org: frozenset(d - trained.get(org, set())) for org, d in attended.items()})


def round_pair(user, earlier: Engagement, later: Engagement,
               found: Sequence[Delivery], people: Sequence[Trainee]) -> RoundPair:
    """``found`` and ``people`` must hold the deliveries of ``earlier`` the reader sees and
    their trainees (others are ignored)."""
    pair = RoundPair(earlier, later, validated_levels(user, earlier),
                     validated_levels(user, later))
    pair.trained, pair.attended = training(earlier, found, people)
    started = _sessions(user).filter(engagement=later).exclude(status=Session.Status.DRAFT)
    with_validated = set(started.filter(status=VALIDATED).values_list("organisation_id",
                                                                      flat=True))
    pair.not_validated = len(set(started.values_list("organisation_id", flat=True))
                             - with_validated)
    orgs = {org for org, _s in pair.before} | {org for org, _s in pair.after}
    pair.names = dict(Organisation.objects.filter(pk__in=orgs).values_list("pk", "name"))
    return pair
