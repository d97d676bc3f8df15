"""Trainees' privacy, by the rules of focus-group participants (``assessments.privacy``):
names and contacts live apart in ``TraineeIdentity``; erasure on request removes them and
what else identifies the trainee, also from the audit trail's copies; the retention purge
(`govcap privacy purge`) removes them with the participants' once the engagement closed."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from govcap.accounts import audit
from govcap.accounts.models import AuditEvent
from govcap.assessments import privacy
from govcap.delivery.models import Delivery, Trainee, TraineeIdentity

IDENTIFYING = {"role_title", "gender", "seniority", "persona", "completion_reason"}


def identities_of(engagement) -> QuerySet:
    return TraineeIdentity.objects.filter(trainee__delivery__engagement=engagement)


def register() -> None:
    """Put trainees' identities under the retention purge (once, from AppConfig.ready)."""
    if identities_of not in privacy.OTHER_IDENTIFIED:
        privacy.OTHER_IDENTIFIED.append(identities_of)


@dataclass
class TraineeErasure:
    code: str
    identity_removed: bool
    events_redacted: int


def erase_trainee(delivery: Delivery, code: str, *, actor=None,
                  operator: str = "") -> TraineeErasure:
    """Remove a trainee's name, contact, role, gender, seniority and reasons; the code,
    organisation, attendance and completion stay (the counts donors ask for)."""
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
        redacted = AuditEvent.redact([trainee.uuid], IDENTIFYING, privacy.ERASED)
        audit.record(actor, "erase", trainee, None, {
            "code": trainee.code, "identity_removed": had_identity, "events_redacted": redacted,
            "operator": operator})
    return TraineeErasure(trainee.code, had_identity, redacted)
