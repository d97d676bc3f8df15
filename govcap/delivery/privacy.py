"""Trainees' privacy, by the rules of focus-group participants (``assessments.privacy``):
names and contacts live apart in ``TraineeIdentity``; erasure on request removes them and
what else identifies the trainee, also from the audit trail's copies; the retention purge
(`govcap privacy purge`) removes them with the participants' once the engagement closed.

Evaluation answers keep their ratings and scores (the counts donors ask for) but lose their
free text — a reaction's comment, a follow-up's example — which a participant may have
written their name, their unit or a colleague's into: on erasure and at the purge alike."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import Q, QuerySet

from govcap.accounts import audit
from govcap.accounts.models import AuditEvent
from govcap.assessments import privacy
from govcap.delivery.models import Delivery, FollowUp, Reaction, Trainee, TraineeIdentity

IDENTIFYING = {"role_title", "gender", "seniority", "persona", "completion_reason"}
# the free text of evaluation answers, by answer model
FREE_TEXT: dict[type[models.Model], tuple[str, ...]] = {Reaction: ("comment",),
                                                        FollowUp: ("example",)}


def identities_of(engagement) -> QuerySet:
    return TraineeIdentity.objects.filter(trainee__delivery__engagement=engagement)


class _BlankingQuerySet(QuerySet):
    """Answers with free text, for the retention purge: ``assessments.privacy.purge`` deletes
    what each registered source gives; for an answer, "delete" blanks its free text and keeps
    the row (its ratings and scores count in the results)."""

    def delete(self):  # blanks the free text, keeps the rows
        fields = FREE_TEXT[self.model]
        n = self.update(**dict.fromkeys(fields, ""))
        return n, {self.model._meta.label: n}


def _with_free_text(model: type[models.Model], rows: QuerySet) -> QuerySet:
    written = Q()
    for name in FREE_TEXT[model]:
        written |= ~Q(**{name: ""})
    return rows.filter(written)


def reaction_texts_of(engagement) -> QuerySet:
    rows: QuerySet = _BlankingQuerySet(Reaction).filter(trainee__delivery__engagement=engagement)
    return _with_free_text(Reaction, rows)


def follow_up_texts_of(engagement) -> QuerySet:
    rows: QuerySet = _BlankingQuerySet(FollowUp).filter(trainee__delivery__engagement=engagement)
    return _with_free_text(FollowUp, rows)


def register() -> None:
    """Put trainees' identities and their answers' free text under the retention purge
    (once, from AppConfig.ready)."""
    for source in (identities_of, reaction_texts_of, follow_up_texts_of):
        if source not in privacy.OTHER_IDENTIFIED:
            privacy.OTHER_IDENTIFIED.append(source)


def blank_free_text(trainee: Trainee) -> int:
    """Blank the free text of a trainee's evaluation answers; how many answers had some."""
    n = 0
    for model in FREE_TEXT:
        rows = model._default_manager.filter(trainee=trainee)
        n += _with_free_text(model, rows).update(**dict.fromkeys(FREE_TEXT[model], ""))
    return n


@dataclass
class TraineeErasure:
    code: str
    identity_removed: bool
    events_redacted: int
    answers_blanked: int = 0


def erase_trainee(delivery: Delivery, code: str, *, actor=None,
                  operator: str = "") -> TraineeErasure:
    """Remove a trainee's name, contact, role, gender, seniority and reasons, and the free
    text of their evaluation answers; the code, organisation, attendance, completion,
    ratings and scores stay (the counts donors ask for)."""
    with transaction.atomic():
        trainee = (Trainee.objects.select_for_update()
                   .filter(delivery=delivery, code__iexact=code.strip()).first())
        if trainee is None:
            raise privacy.PrivacyError(f"Delivery {delivery.uuid} has no trainee {code}.")
        identity = TraineeIdentity.objects.filter(trainee=trainee)
        had_identity = identity.exists()
        identity.delete()
        for name in IDENTIFYING:
            setattr(trainee, name, "")
        trainee.save(update_fields=sorted(IDENTIFYING))
        blanked = blank_free_text(trainee)
        redacted = AuditEvent.redact([trainee.uuid], IDENTIFYING, privacy.ERASED)
        audit.record(actor, "erase", trainee, None, {
            "code": trainee.code, "identity_removed": had_identity, "events_redacted": redacted,
            "answers_blanked": blanked, "operator": operator})
    return TraineeErasure(trainee.code, had_identity, redacted, blanked)
