"""Evaluation answers (Kirkpatrick 1–3): the short-lived links participants answer through,
answers entered from paper or imported, the level-3 follow-ups and their reminders.

Who may: the delivery's evaluators are those who record its attendance (its engagement's
coordinators and its own training provider); a link needs no account, only its token while
it is open. One answer per trainee per form is held by the database; a second is refused
(``AlreadyAnswered``), never overwrites a participant's own answer.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from govcap import localise
from govcap.accounts import audit, scoping
from govcap.delivery import access, follow_ups, link_tokens
from govcap.delivery.core import evaluation as rules
from govcap.delivery.core import zones
from govcap.delivery.models import (
    AnswerSource,
    Delivery,
    EvaluationLink,
    FollowUp,
    LearningCheck,
    PersonalLink,
    Reaction,
    Trainee,
)
from govcap.delivery.services import DeliveryError

Level = EvaluationLink.Level


class EvaluationError(DeliveryError):
    """A refusal to show the user, in their words."""


class AlreadyAnswered(EvaluationError):
    """This trainee has already answered this form."""


class BothScores(EvaluationError):
    """A learning check given item by item and as a total score at once."""


class LinkClosed(EvaluationError):
    """The link expired or was closed."""


# --- who ---------------------------------------------------------------------------------


def can_evaluate(user, delivery: Delivery) -> bool:
    """Open links, enter paper answers, import exports, answer follow-ups: the delivery's
    coordinators and its own training provider (the trainer's side)."""
    return access.can_record_attendance(user, delivery)


def can_enter_answers(user, delivery: Delivery) -> bool:
    """Enter answers: typed in from paper or a phone call, imported from an export, sent
    through the API: the engagement's coordinators and administrators. Not the training
    provider, the party evaluated (it opens the links its participants answer themselves)."""
    return access.can_manage(user, delivery)


def runs_follow_ups(user, delivery: Delivery) -> bool:
    """Steer the level-3 follow-ups: open and close their links, read each participant's
    and supervisor's own answer address (it needs no account), record whom to ask and
    their contact: the engagement's coordinators and administrators. Not the training
    provider: level 3 asks whether its course is applied at work, and an address in its
    hands is an answer it could give itself."""
    return access.can_manage(user, delivery)


def follow_ups_refusal() -> str:
    return _("Only the engagement's coordinators run the level-3 follow-ups: the course's "
             "training provider is the party evaluated.")


def enter_answers_refusal() -> str:
    return _("Only the engagement's coordinators enter evaluation answers: the course's "
             "training provider is the party evaluated.")


def asked_after_dropping_out(level: int, phase: str = "") -> bool:
    """Whether a form is asked of a participant who dropped out: the check before the
    course only (levels 1 and 2's check after are asked at its end, where they were not;
    level 3 follows up those who completed it)."""
    return level == Level.LEARNING and phase == rules.PRE


def evaluable_deliveries(user) -> QuerySet:
    """The deliveries whose evaluations the user runs."""
    qs = access.deliveries(user)
    managed = scoping.managed_engagements(user).values("pk")
    return qs.filter(Q(engagement_id__in=managed) | Q(provider_id__in=access.provider_ids(user)))


def objectives(delivery: Delivery, language: str = "en") -> tuple[str, ...]:
    """The module's learning objectives, as the catalogue of the delivery's plan words them:
    the level-2 items, in order."""
    module = delivery.plan.catalogue.parsed(language).by_code.get(delivery.module_code)
    return module.objectives if module else ()


PARTICIPANT_WORDING = Path(__file__).parent / "data" / "objectives-for-participants.yaml"


@cache
def participant_wording() -> dict[str, str]:
    """Objective as the catalogue words it → the sentence put to the participant, in every
    language (``data/objectives-for-participants.yaml``: stored text, no rule rewrites it)."""
    stored = yaml.safe_load(PARTICIPANT_WORDING.read_text(encoding="utf-8"))
    return {_apostrophes(text): said for table in stored.values() for text, said in table.items()}


def _apostrophes(text: str) -> str:
    # A French layer is shown with typographic apostrophes (d'un → d’un): match either.
    return text.replace("'", "\u2019")


def objectives_for_participant(delivery: Delivery, language: str = "en") -> tuple[str, ...]:
    """The objectives as the level-2 form (the page and the XLSForm) puts them to the
    participant: "your own ministry" where the catalogue says "the participant's own
    ministry"; an objective without a stored sentence for the participant, as written."""
    return tuple(participant_sentence(text) or text for text in objectives(delivery, language))


def participant_sentence(objective: str) -> str | None:
    """The stored sentence for the participant, with the apostrophes the objective was shown
    with; None when the objective is put as the catalogue words it."""
    said = participant_wording().get(_apostrophes(objective))
    if said is None:
        return None
    return _apostrophes(said) if "\u2019" in objective else said


def form_key(level: int, phase: str = "", respondent: str = "") -> str:
    return {1: "reaction", 2: phase, 3: respondent}.get(level, "")


def form_title(level: int, phase: str = "", respondent: str = "") -> str:
    if level == Level.REACTION:
        return _("Your view of the course")
    if level == Level.LEARNING:
        return (_("Before the course: what can you do already?") if phase == rules.PRE
                else _("After the course: what can you do now?"))
    return (_("Follow-up: are you using what the course taught?")
            if respondent == rules.PARTICIPANT
            else _("Follow-up for the supervisor: is the course applied at work?"))


# --- links -------------------------------------------------------------------------------


def open_link(user, delivery: Delivery, level: int, *, phase: str = "", respondent: str = "",
              hours: int | None = None, now: dt.datetime | None = None) -> EvaluationLink:
    scoping.require(can_evaluate(user, delivery))
    if delivery.is_closed:
        raise EvaluationError(_("A cancelled or merged delivery is not evaluated."))
    if level not in Level.values:
        raise EvaluationError(_("Choose level 1, 2 or 3."))
    phase = phase if level == Level.LEARNING else ""
    respondent = respondent if level == Level.BEHAVIOUR else ""
    if level == Level.LEARNING and phase not in rules.PHASES:
        raise EvaluationError(_("Choose before or after the course."))
    if level == Level.LEARNING and not objectives(delivery):
        raise EvaluationError(_("The module has no learning objectives in the catalogue."))
    starts = delivery.start_date
    if (level == Level.REACTION or phase == rules.POST) and starts and (
            starts > timezone.localdate(now or timezone.now())):
        # the reaction and the check after the course are of a course that has run; the
        # check before it may be taken ahead (sent with the joining instructions)
        raise EvaluationError(_("This course starts on %(date)s: the reaction and the check "
                                "after the course open from that day. The check before the "
                                "course can be opened now.") % {"date": localise.day(starts)})
    if level == Level.BEHAVIOUR:
        scoping.require(runs_follow_ups(user, delivery), follow_ups_refusal())
    if level == Level.BEHAVIOUR and respondent not in rules.RESPONDENTS:
        raise EvaluationError(_("Choose the participant or the supervisor."))
    if level == Level.BEHAVIOUR and not FollowUp.objects.filter(
            trainee__delivery=delivery, respondent=respondent).exists():
        raise EvaluationError(_("No participant of this course has a follow-up yet: "
                                "follow-ups are for those marked completed, once the "
                                "course's end date is set."))
    now = now or timezone.now()
    if level == Level.BEHAVIOUR:
        lifetime = dt.timedelta(days=rules.FOLLOW_UP_LINK_DAYS)
        # open through the follow-ups' window (to the last close day), however early
        closes = follow_ups_window(delivery, respondent)
        if closes is not None:
            lifetime = max(lifetime, end_of_day(closes[1], delivery) - now)
    else:
        hours = rules.LINK_HOURS_DEFAULT if hours is None else hours
        if not 1 <= hours <= rules.LINK_HOURS_MAX:
            raise EvaluationError(_("A link stays open between 1 and %(n)s hours.") % {
                "n": rules.LINK_HOURS_MAX})
        lifetime = dt.timedelta(hours=hours)
    link_uuid = uuidlib.uuid4()
    with transaction.atomic():
        link = EvaluationLink.objects.create(
            uuid=link_uuid, delivery=delivery, level=level, phase=phase, respondent=respondent,
            token_hash=link_tokens.new_token(link_uuid)[1], expires_at=now + lifetime,
            created_by=user if getattr(user, "is_authenticated", False) else None)
        personal_links(link)  # a follow-up: one address per trainee, no shared one
        audit.record(user, "evaluation-link", delivery, None, {
            "link": str(link.uuid), "level": level, "form": form_key(level, phase, respondent),
            "expires_at": link.expires_at.isoformat()})
    return link


def follow_ups_window(delivery: Delivery, respondent: str
                      ) -> tuple[dt.date, dt.date] | None:
    """(the first due day, the last close day) of the course's follow-ups of
    ``respondent``: answers given between them count in the level-3 figure."""
    found = FollowUp.objects.filter(trainee__delivery=delivery, respondent=respondent
                                    ).aggregate(due=Min("due_date"), close=Max("close_date"))
    if found["due"] is None or found["close"] is None:
        return None
    return found["due"], found["close"]


def end_of_day(day: dt.date, delivery: Delivery) -> dt.datetime:
    """``day`` at 23:59 where the course is (a link "open until 3 June 2027 23:59 EAT")."""
    zone = zones.zone_of(delivery.engagement.country, settings.TIME_ZONE)
    return dt.datetime.combine(day, dt.time(23, 59), tzinfo=zone)


def close_link(user, link: EvaluationLink) -> EvaluationLink:
    scoping.require(can_evaluate(user, link.delivery))
    if link.level == Level.BEHAVIOUR:
        scoping.require(runs_follow_ups(user, link.delivery), follow_ups_refusal())
    if link.closed_at is None:
        link.closed_at = timezone.now()
        link.save(update_fields=["closed_at"])
        audit.record(user, "evaluation-link-close", link.delivery, None,
                     {"link": str(link.uuid)})
    return link


def is_open(link: EvaluationLink, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return link.closed_at is None and now < link.expires_at and not link.delivery.is_closed


def link_for(token: str) -> EvaluationLink | None:
    """The link whose address holds ``token``, found by the token's hash (only the hash is
    stored: ``delivery.link_tokens``)."""
    if not token or len(token) > link_tokens.MAX_LENGTH:
        return None
    return (EvaluationLink.objects.select_related("delivery", "delivery__plan",
                                                  "delivery__plan__catalogue",
                                                  "delivery__engagement")
            .filter(token_hash=link_tokens.digest(token)).first())


def personal_link_for(token: str) -> PersonalLink | None:
    """The trainee's own address under a follow-up link whose token is ``token``."""
    if not token or len(token) > link_tokens.MAX_LENGTH:
        return None
    return (PersonalLink.objects.select_related(
        "trainee", "link", "link__delivery", "link__delivery__plan",
        "link__delivery__plan__catalogue", "link__delivery__engagement")
        .filter(token_hash=link_tokens.digest(token)).first())


def personal_links(link: EvaluationLink) -> list[PersonalLink]:
    """A follow-up link's addresses, one per trainee with a follow-up of its respondent
    (made for those who completed since it was opened), in code order."""
    if link.level != Level.BEHAVIOUR:
        return []
    trainees = list(Trainee.objects.filter(delivery=link.delivery,
                                           follow_ups__respondent=link.respondent)
                    .select_related("organisation"))
    have = {p.trainee_id: p for p in link.personal_links.select_related("trainee")}
    for t in trainees:
        if t.pk not in have:
            have[t.pk], _created = PersonalLink.objects.get_or_create(
                link=link, trainee=t, defaults={
                    "token_hash": link_tokens.new_personal_token(link.uuid, t.uuid)[1]})
    return sorted((have[t.pk] for t in trainees),
                  key=lambda p: rules._code_order(p.trainee.code))


def link_codes(link: EvaluationLink) -> list[str]:
    """The trainee codes a link's form offers: every nominee for levels 1 and 2 (but
    those who dropped out, after the course); for level 3 those with a follow-up of the
    link's respondent."""
    qs = Trainee.objects.filter(delivery=link.delivery)
    if link.level == Level.BEHAVIOUR:
        qs = qs.filter(follow_ups__respondent=link.respondent)
    elif not asked_after_dropping_out(link.level, link.phase):
        # one who dropped out was not in the room at the end
        qs = qs.exclude(completion=Trainee.Completion.DROPPED)
    return sorted(qs.values_list("code", flat=True), key=rules._code_order)


def answered_codes(link: EvaluationLink) -> set[str]:
    """The codes that have answered the link's form already (the reaction, the check of
    its phase, the follow-up of its respondent): the phone form no longer offers them, so
    whoever has the link cannot answer as someone else and lock them out."""
    qs: QuerySet
    if link.level == Level.REACTION:
        qs = Reaction.objects.filter(trainee__delivery=link.delivery)
    elif link.level == Level.LEARNING:
        qs = LearningCheck.objects.filter(trainee__delivery=link.delivery, phase=link.phase)
    else:
        qs = FollowUp.objects.filter(trainee__delivery=link.delivery,
                                     respondent=link.respondent, answered_at__isnull=False)
    return set(qs.values_list("trainee__code", flat=True))


# --- answers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReactionAnswer:
    code: str
    relevance: int | None = None
    quality: int | None = None
    trainer: int | None = None
    recommend: int | None = None
    comment: str = ""

    def ratings(self) -> dict[str, int | None]:
        return {item: getattr(self, item) for item in rules.REACTION_ITEMS}


@dataclass(frozen=True)
class LearningAnswer:
    """Item by item (``objectives_met``), or a paper test's total (``correct`` of
    ``out_of``) when ``objectives_met`` is empty; both at once are refused (``BothScores``)."""

    code: str
    phase: str
    objectives_met: tuple[bool, ...] = ()
    correct: int | None = None
    out_of: int | None = None


@dataclass(frozen=True)
class FollowUpAnswer:
    code: str
    respondent: str
    applied: str
    example: str = ""


Answer = ReactionAnswer | LearningAnswer | FollowUpAnswer


@dataclass
class Recorded:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    codes: list[str] = field(default_factory=list)


def _trainee(delivery: Delivery, code: str) -> Trainee:
    trainee = Trainee.objects.filter(delivery=delivery, code=code.strip().upper()).first()
    if trainee is None:
        raise EvaluationError(_("%(code)s is not a participant code of this course.") % {
            "code": code.strip() or "—"})
    return trainee


def _check_reaction(a: ReactionAnswer) -> None:
    for item, value in a.ratings().items():
        if not rules.rating_ok(value):
            raise EvaluationError(_("%(code)s: %(item)s must be between 1 and 5.") % {
                "code": a.code, "item": reaction_label(item)})
    if all(v is None for v in a.ratings().values()) and not a.comment.strip():
        raise EvaluationError(_("%(code)s: give at least one rating or a comment.") % {
            "code": a.code})
    if len(a.comment) > rules.COMMENT_MAX:
        raise EvaluationError(_("%(code)s: the comment is longer than %(n)s characters.") % {
            "code": a.code, "n": rules.COMMENT_MAX})


def _learning_score(delivery: Delivery, a: LearningAnswer) -> tuple[list[bool], int, int]:
    if a.phase not in rules.PHASES:
        raise EvaluationError(_("%(code)s: say whether the check was before or after the "
                                "course.") % {"code": a.code})
    if a.objectives_met and (a.correct is not None or a.out_of is not None):
        # the paper form's rule: one or the other (which would count? neither)
        raise BothScores(_("%(code)s: the objectives are marked and a total score is given; "
                           "give one or the other, not both.") % {"code": a.code})
    if a.objectives_met:
        n = len(objectives(delivery))
        if len(a.objectives_met) != n:
            raise EvaluationError(_("%(code)s: the module has %(n)s objectives; %(got)s "
                                    "answers were given.") % {
                "code": a.code, "n": n, "got": len(a.objectives_met)})
        score = rules.score_of(a.objectives_met)
        return list(a.objectives_met), score.correct, score.out_of
    if a.correct is None or not a.out_of or not 0 <= a.correct <= a.out_of:
        raise EvaluationError(_("%(code)s: the score must be a number of correct answers "
                                "between 0 and the number of questions.") % {"code": a.code})
    return [], a.correct, a.out_of


def _check_follow_up(a: FollowUpAnswer) -> None:
    if a.applied not in rules.APPLIED:
        raise EvaluationError(_("%(code)s: say whether the course is applied: yes, partly or "
                                "no.") % {"code": a.code})
    if len(a.example) > rules.COMMENT_MAX:
        raise EvaluationError(_("%(code)s: the example is longer than %(n)s characters.") % {
            "code": a.code, "n": rules.COMMENT_MAX})


def _values(a: Answer, delivery: Delivery) -> tuple[type, dict, dict]:
    """(model, the row's key, the answer's values), checked."""
    if isinstance(a, ReactionAnswer):
        _check_reaction(a)
        return Reaction, {}, {**a.ratings(), "comment": a.comment.strip()}
    if isinstance(a, LearningAnswer):
        met, correct, out_of = _learning_score(delivery, a)
        return LearningCheck, {"phase": a.phase}, {"objectives_met": met, "correct": correct,
                                                   "out_of": out_of}
    _check_follow_up(a)
    return FollowUp, {"respondent": a.respondent}, {"applied": a.applied,
                                                    "example": a.example.strip()}


def _save(a: Answer, delivery: Delivery, *, source: str, user=None,
          link: EvaluationLink | None = None, replace: bool = False,
          now: dt.datetime | None = None) -> str:
    """Save one answer inside the caller's transaction: "created", "updated" or
    "unchanged". A trainee's answer already given is refused (AlreadyAnswered) unless
    ``replace`` (corrections of paper answers) or it holds the same values."""
    trainee = _trainee(delivery, a.code)
    if (trainee.completion == Trainee.Completion.DROPPED
            and not asked_after_dropping_out(*_level_of(a))):
        raise EvaluationError(_("%(code)s dropped out of the course: this form is not theirs "
                                "to answer (the link does not offer their code either).") % {
            "code": trainee.code})
    model, key, values = _values(a, delivery)
    now = now or timezone.now()
    row = model.objects.select_for_update().filter(trainee=trainee, **key).first()  # type: ignore[attr-defined]  # one of the three answer models
    pending = model is FollowUp  # created unanswered, ahead of time
    if model is FollowUp and row is None:
        raise EvaluationError(_("%(code)s has no follow-up for this respondent: follow-ups "
                                "are for participants who completed the course.") % {
            "code": trainee.code})
    answered = row is not None and (not pending or row.answered_at is not None)
    if answered:
        if all(getattr(row, k) == v for k, v in values.items()):
            return "unchanged"
        if not replace or row.source == AnswerSource.LINK:
            raise AlreadyAnswered(_("An answer for %(code)s is already recorded; only one "
                                    "answer per participant is kept.") % {"code": trainee.code})
    meta = {"source": source, "link": link,
            "entered_by": user if getattr(user, "is_authenticated", False) else None,
            "answered_at": now}
    if row is None:
        try:
            with transaction.atomic():
                model.objects.create(trainee=trainee, **key, **values, **meta)  # type: ignore[attr-defined]  # one of the three answer models
        except IntegrityError:  # the same trainee's answer, saved a moment ago
            raise AlreadyAnswered(_("An answer for %(code)s is already recorded; only one "
                                    "answer per participant is kept.") % {
                "code": trainee.code}) from None
        return "created"
    for k, v in {**values, **meta}.items():
        setattr(row, k, v)
    if model is not LearningCheck:  # a changed text is checked again before it is quoted
        row.quotable = False
    row.save()
    return "updated" if answered else "created"


def answer_by_link(link: EvaluationLink, a: Answer, now: dt.datetime | None = None, *,
                   trainee: Trainee | None = None) -> str:
    """A participant's answer through the link. Refused when the link is not open, the
    form is not the link's, or the trainee has answered it already. A follow-up (level 3)
    is answered through one's own address only (``trainee``: whose it is), for that
    trainee: a code chosen or typed there cannot answer for someone else."""
    now = now or timezone.now()
    if link.level == Level.BEHAVIOUR and (
            trainee is None or a.code.strip().upper() != trainee.code):
        raise EvaluationError(_("A follow-up is answered through each participant's own "
                                "link: ask the coordinator for yours."))
    expected = {Level.REACTION: ReactionAnswer, Level.LEARNING: LearningAnswer,
                Level.BEHAVIOUR: FollowUpAnswer}[Level(link.level)]
    if not isinstance(a, expected):
        raise EvaluationError(_("This link is for another form."))
    if isinstance(a, LearningAnswer) and (a.phase != link.phase or not a.objectives_met):
        raise EvaluationError(_("This link is for another form."))
    if isinstance(a, FollowUpAnswer) and a.respondent != link.respondent:
        raise EvaluationError(_("This link is for another form."))
    with transaction.atomic():
        locked = EvaluationLink.objects.select_for_update().select_related("delivery").get(
            pk=link.pk)
        if not is_open(locked, now):
            raise LinkClosed(_("This form is closed."))
        return _save(a, locked.delivery, source=AnswerSource.LINK, link=locked, now=now)


def record_answers(user, delivery: Delivery, answers: Sequence[Answer], *, source: str,
                   replace: bool = False) -> Recorded:
    """Answers entered from paper, imported or sent through the API: all or none. ``user``
    None: the operator at the command line."""
    if user is not None:
        scoping.require(can_enter_answers(user, delivery), enter_answers_refusal())
    if delivery.is_closed:
        raise EvaluationError(_("A cancelled or merged delivery is not evaluated."))
    result = Recorded()
    with transaction.atomic():
        Delivery.objects.select_for_update().filter(pk=delivery.pk).first()
        sync_follow_ups(delivery)
        for a in answers:
            outcome = _save(a, delivery, source=source, user=user, replace=replace)
            if outcome == "created":
                result.created += 1
            elif outcome == "updated":
                result.updated += 1
            else:
                result.unchanged += 1
            if outcome != "unchanged":
                result.codes.append(a.code.strip().upper())
        if result.codes:
            audit.record(user, "evaluation-answers", delivery, None, {
                "source": source, "codes": result.codes,
                "forms": sorted({_form_of(a) for a in answers})})
    return result


def _level_of(a: Answer) -> tuple[int, str]:
    if isinstance(a, ReactionAnswer):
        return Level.REACTION, ""
    if isinstance(a, LearningAnswer):
        return Level.LEARNING, a.phase
    return Level.BEHAVIOUR, ""


def _form_of(a: Answer) -> str:
    if isinstance(a, ReactionAnswer):
        return "reaction"
    if isinstance(a, LearningAnswer):
        return a.phase
    return a.respondent


def reaction_label(item: str) -> str:
    return {"relevance": _("Relevance to my work"), "quality": _("Quality of the course"),
            "trainer": _("The trainer"),
            "recommend": _("Would recommend it to a colleague")}.get(item, item)


# --- level 3: follow-ups ---------------------------------------------------------------


# created and kept in step by the writes that change completion and end dates (never by a
# read); also here for the answers' writes and the tests
sync_follow_ups = follow_ups.sync


def answered_on(f: FollowUp) -> dt.date | None:
    """The day a follow-up was answered (None: not yet), as its window is counted."""
    return timezone.localdate(f.answered_at) if f.answered_at is not None else None


def state_of(f: FollowUp, today: dt.date) -> str:
    """The follow-up's state for the page, the API and the figures: answered in its window
    (counted), answered outside it (reported apart, not counted), upcoming, due, overdue."""
    return rules.follow_up_state(f.due_date, f.close_date, answered_on(f), today)


@dataclass(frozen=True)
class Reminder:
    follow_up: FollowUp
    state: str
    delivery: Delivery


def reminders(user, today: dt.date | None = None,
              states: Iterable[str] = (rules.DUE, rules.OVERDUE, rules.UPCOMING), *,
              seen: bool = False) -> list[Reminder]:
    """The unanswered follow-ups of the deliveries the user evaluates, overdue first;
    ``seen``: of every delivery the user sees (a viewer reads them, of their own
    organisations' trainees when narrowed to some)."""
    today = today or timezone.localdate()
    wanted = set(states)
    deliveries = list((access.deliveries(user) if seen else evaluable_deliveries(user))
                      .exclude(end_date=None))
    by_pk = {d.pk: d for d in deliveries}
    orgs = {d.pk: access.visible_orgs(user, d) for d in deliveries} if seen else {}
    out = []
    for f in (FollowUp.objects.filter(trainee__delivery__in=deliveries, answered_at=None)
              .select_related("trainee", "trainee__organisation", "trainee__identity")
              .order_by("due_date", "trainee__delivery_id", "trainee_id", "respondent")):
        state = rules.follow_up_state(f.due_date, f.close_date, None, today)
        mine = orgs.get(f.trainee.delivery_id)
        if mine is not None and f.trainee.organisation_id not in mine:
            continue
        if state in wanted:
            out.append(Reminder(f, state, by_pk[f.trainee.delivery_id]))
    order = {rules.OVERDUE: 0, rules.DUE: 1, rules.UPCOMING: 2}
    out.sort(key=lambda r: (order[r.state], r.follow_up.due_date))
    return out


# --- what a page shows ----------------------------------------------------------------


@dataclass
class Summary:
    reactions: int
    rating_means: dict[str, tuple[float | None, int]]
    learning: rules.LearningSummary
    objective_shares: list[tuple[str, int, int]]  # objective, met (post), answered (post)
    follow_ups: dict[str, int]  # state → count
    applied: dict[str, int]  # yes / partly / no → count
    trainees: int
    # the same, for participants and supervisors apart (the indicator counts them apart)
    follow_ups_by: dict[str, dict[str, int]] = field(default_factory=dict)
    applied_by: dict[str, dict[str, int]] = field(default_factory=dict)
    # answered before 3 months or after 6 (``rules.in_window``): kept out of ``applied``
    # and ``applied_by`` (the level-3 figure), reported apart as the results do:
    # respondent → (how many say they apply it, yes or partly; how many answered so)
    apart_by: dict[str, tuple[int, int]] = field(default_factory=dict)


def summary(delivery: Delivery, language: str = "en", today: dt.date | None = None, *,
            trainees: QuerySet | None = None) -> Summary:
    """The delivery's answers summed up over ``trainees`` (default: all of them; a viewer
    narrowed to some organisations passes ``access.trainees``, so every count and mean is
    over their organisations' trainees only)."""
    today = today or timezone.localdate()
    if trainees is None:
        trainees = Trainee.objects.filter(delivery=delivery)
    visible = trainees.values_list("pk", flat=True)
    reactions = list(Reaction.objects.filter(trainee__in=visible))
    checks = list(LearningCheck.objects.filter(trainee__in=visible).select_related("trainee"))
    pre = {c.trainee.code: rules.Score(c.correct, c.out_of) for c in checks
           if c.phase == rules.PRE}
    post = {c.trainee.code: rules.Score(c.correct, c.out_of) for c in checks
            if c.phase == rules.POST}
    texts = objectives(delivery, language)
    post_items = [tuple(bool(x) for x in c.objectives_met) for c in checks
                  if c.phase == rules.POST]
    shares = rules.objective_shares(post_items, len(texts))
    follow_ups = list(FollowUp.objects.filter(trainee__in=visible))
    states: dict[str, int] = {}
    applied: dict[str, int] = dict.fromkeys(rules.APPLIED, 0)
    states_by: dict[str, dict[str, int]] = {who: {} for who in rules.RESPONDENTS}
    applied_by = {who: dict.fromkeys(rules.APPLIED, 0) for who in rules.RESPONDENTS}
    apart_by: dict[str, tuple[int, int]] = {}
    for f in follow_ups:
        state = state_of(f, today)
        states[state] = states.get(state, 0) + 1
        mine = states_by.setdefault(f.respondent, {})
        mine[state] = mine.get(state, 0) + 1
        if state == rules.OUTSIDE and f.applied:
            yes, n = apart_by.get(f.respondent, (0, 0))
            apart_by[f.respondent] = (yes + (f.applied in ("yes", "partly")), n + 1)
        elif state == rules.ANSWERED and f.applied:
            applied[f.applied] += 1
            applied_by.setdefault(f.respondent, dict.fromkeys(rules.APPLIED, 0))[
                f.applied] += 1
    return Summary(
        reactions=len(reactions),
        rating_means={item: rules.mean_rating([getattr(r, item) for r in reactions])
                      for item in rules.REACTION_ITEMS},
        learning=rules.learning_summary(pre, post),
        objective_shares=[(text, met, n) for text, (met, n) in zip(texts, shares, strict=True)],
        follow_ups=states, applied=applied,
        trainees=trainees.count(), follow_ups_by=states_by, applied_by=applied_by,
        apart_by=apart_by)
