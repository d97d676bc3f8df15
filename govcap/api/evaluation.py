"""Evaluation answers (Kirkpatrick levels 1–3) of a delivery: the API twin of the evaluation
pages, through ``delivery.access`` and ``delivery.evaluation`` — the same scoping as
``api/deliveries.py`` (a training provider's token sees its own deliveries only), answers
by trainee code (no names), one answer per trainee per form."""

# No `from __future__ import annotations`: ninja reads the annotations.

import datetime as dt
from typing import Any, Literal
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from govcap.accounts import scoping
from govcap.api.read import ERRORS
from govcap.api.schemas import Error
from govcap.delivery import access
from govcap.delivery import evaluation as ev
from govcap.delivery.core import evaluation as rules
from govcap.delivery.models import AnswerSource, FollowUp, LearningCheck, Reaction

router = Router(tags=["evaluation"])

FormKey = Literal["reaction", "pre", "post", "participant", "supervisor"]
Rating = int | None


class ReactionOut(Schema):
    code: str
    relevance: Rating
    quality: Rating
    trainer: Rating
    recommend: Rating
    comment: str
    source: str
    answered_at: dt.datetime


class LearningOut(Schema):
    code: str
    phase: str
    objectives_met: list[bool]
    correct: int | None
    out_of: int | None
    source: str
    answered_at: dt.datetime


class FollowUpOut(Schema):
    code: str
    respondent: str
    due_date: dt.date
    close_date: dt.date
    state: str = Field(..., description="`answered` (3 to 6 months after the course: counted "
                       "in the level-3 figure), `outside_window` (answered before or after "
                       "that window: kept, reported apart, not counted), `upcoming`, `due` or "
                       "`overdue`")
    applied: str
    example: str
    source: str
    answered_at: dt.datetime | None


class LearningGain(Schema):
    code: str
    pre_percent: float
    post_percent: float
    gain_points: float


class ShownOut(Schema):
    """What the lists hold for you (``access.answers_shown``, as the evaluation page)."""

    rows: bool = Field(..., description="one row per trainee code: which forms it answered, "
                       "its follow-ups' dates and states (else every list is empty)")
    scores: bool = Field(..., description="each code's ratings, scores, gain and `applied` "
                         "(else null, empty, and no `gains`)")
    texts: bool = Field(..., description="each code's `comment` and `example` (else empty)")


class EvaluationOut(Schema):
    delivery: UUID
    module_code: str
    objectives: list[str]
    shown: ShownOut
    reactions: list[ReactionOut]
    learning: list[LearningOut]
    gains: list[LearningGain]
    follow_ups: list[FollowUpOut]


class AnswerIn(Schema):
    form: FormKey
    code: str = Field(..., max_length=10)
    relevance: int | None = Field(None, ge=1, le=5)
    quality: int | None = Field(None, ge=1, le=5)
    trainer: int | None = Field(None, ge=1, le=5)
    recommend: int | None = Field(None, ge=1, le=5)
    comment: str = Field("", max_length=rules.COMMENT_MAX)
    objectives_met: list[bool] = Field(default_factory=list, max_length=50)
    correct: int | None = Field(None, ge=0, le=1000)
    out_of: int | None = Field(None, ge=1, le=1000)
    applied: Literal["yes", "partly", "no", ""] = ""
    example: str = Field("", max_length=rules.COMMENT_MAX)


class AnswerOut(Schema):
    saved: str  # "created", "unchanged" (the same answer sent again)


@router.get("deliveries/{uuid}/evaluation", response={200: EvaluationOut, **ERRORS},
            summary="A delivery's evaluation answers, by trainee code")
def get_evaluation(request, uuid: UUID):
    """What the evaluation page shows by code, and to whom (``access.answers_shown``,
    said in `shown`): the engagement's coordinators read every answer; the course's
    training provider, who reads the names, which code answered (empty ratings, scores,
    `applied`, comment and example, no `gains`); a programme manager, a facilitator or a
    viewer nothing by code — the lists are empty, and the results read the totals (a
    programme manager reads the comments and examples, without codes, on the results
    page)."""
    delivery = access.delivery_or_404(request.auth, uuid)
    shown = access.answers_shown(request.auth, delivery)
    out: dict[str, Any] = {
        "delivery": delivery.uuid, "module_code": delivery.module_code,
        "objectives": list(ev.objectives(delivery)), "shown": shown,
        "reactions": [], "learning": [], "gains": [], "follow_ups": []}
    if not shown.rows:
        return out
    visible = access.trainees(request.auth, delivery)
    today = timezone.localdate()
    reactions = Reaction.objects.filter(trainee__in=visible).select_related("trainee")
    checks = list(LearningCheck.objects.filter(trainee__in=visible).select_related("trainee"))
    follow_ups = FollowUp.objects.filter(trainee__in=visible).select_related("trainee")
    out["reactions"] = [{
        "code": r.trainee.code, "source": r.source, "answered_at": r.answered_at,
        "comment": r.comment if shown.texts else "",
        **{k: getattr(r, k) if shown.scores else None for k in rules.REACTION_ITEMS}}
        for r in reactions]
    out["learning"] = [{
        "code": c.trainee.code, "phase": c.phase, "source": c.source,
        "answered_at": c.answered_at,
        "objectives_met": [bool(x) for x in c.objectives_met] if shown.scores else [],
        "correct": c.correct if shown.scores else None,
        "out_of": c.out_of if shown.scores else None} for c in checks]
    out["follow_ups"] = [{
        "code": f.trainee.code, "respondent": f.respondent, "due_date": f.due_date,
        "close_date": f.close_date, "source": f.source, "answered_at": f.answered_at,
        "state": ev.state_of(f, today),
        "applied": f.applied if shown.scores else "",
        "example": f.example if shown.texts else ""} for f in follow_ups]
    if shown.scores:
        summary = rules.learning_summary(
            {c.trainee.code: rules.Score(c.correct, c.out_of) for c in checks
             if c.phase == rules.PRE},
            {c.trainee.code: rules.Score(c.correct, c.out_of) for c in checks
             if c.phase == rules.POST})
        out["gains"] = [{"code": g.code, "pre_percent": g.pre.percent,
                         "post_percent": g.post.percent, "gain_points": g.points}
                        for g in summary.gains]
    return out


@router.post("deliveries/{uuid}/evaluation/answers",
             response={200: AnswerOut, 400: Error, 401: Error, 403: Error, 404: Error,
                       409: Error, 422: Error},
             summary="Record one evaluation answer (levels 1–3) for a trainee code")
def post_answer(request, uuid: UUID, body: AnswerIn):
    """The engagement's coordinators (and administrators), not the course's training
    provider: the party evaluated does not enter its own evaluation. A trainee who has
    answered the form already gets 409 (the same answer sent again: 200, "unchanged"); a
    code that dropped out, for any form but the check before the course, 422 (as the
    participants' link does not offer it). A learning check (`pre`, `post`) is given item
    by item (`objectives_met`) or as a test's total (`correct` of `out_of`), not both:
    both at once is 422."""
    delivery = access.delivery_or_404(request.auth, uuid)
    scoping.require(ev.can_enter_answers(request.auth, delivery), ev.enter_answers_refusal())
    answer: ev.Answer
    if body.form == "reaction":
        answer = ev.ReactionAnswer(body.code, body.relevance, body.quality, body.trainer,
                                   body.recommend, body.comment)
    elif body.form in rules.PHASES:
        answer = ev.LearningAnswer(body.code, body.form, tuple(body.objectives_met),
                                   body.correct, body.out_of)
    else:
        answer = ev.FollowUpAnswer(body.code, body.form, body.applied, body.example)
    try:
        done = ev.record_answers(request.auth, delivery, [answer], source=AnswerSource.API)
    except ev.AlreadyAnswered as exc:
        return Status(409, {"message": str(exc), "field": "code"})
    except ev.BothScores:
        return Status(422, {"message": _(
            "Give `objectives_met` (each objective met or not) or `correct` and `out_of` (a "
            "test's total score), not both."), "field": "body.objectives_met"})
    except ev.EvaluationError as exc:
        return Status(422, {"message": str(exc), "field": None})
    return {"saved": "created" if done.created or done.updated else "unchanged"}
