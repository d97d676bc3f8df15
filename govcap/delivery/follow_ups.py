"""Level-3 follow-ups kept in step with the facts they hang on: created when a trainee is
marked completed, moved when the course's end date moves, removed (while unanswered) when
the trainee no longer counts as completed or the delivery is cancelled or merged.

Called by the writes that change those facts (``services.set_completion``,
``services.apply_change``, answers recorded), never by a page or API read."""

from __future__ import annotations

from govcap.delivery.core import evaluation as rules
from govcap.delivery.models import Delivery, FollowUp, Trainee


def sync(delivery: Delivery) -> int:
    """One follow-up per respondent for each trainee who completed, due by the rule from
    the course's end; unanswered ones follow a changed end date, and go when the trainee no
    longer counts as completed. Returns how many were created. Run inside the caller's
    transaction; writes nothing when everything is already in step."""
    completed = set(Trainee.objects.filter(delivery=delivery,
                                           completion=Trainee.Completion.COMPLETED)
                    .values_list("pk", flat=True))
    pending = FollowUp.objects.filter(trainee__delivery=delivery, answered_at__isnull=True)
    if delivery.end_date is None or delivery.is_closed:
        pending.delete()
        return 0
    pending.exclude(trainee_id__in=completed).delete()
    due, close = rules.follow_up_dates(delivery.end_date)
    pending.exclude(due_date=due, close_date=close).update(due_date=due, close_date=close)
    have = set(FollowUp.objects.filter(trainee__delivery=delivery)
               .values_list("trainee_id", "respondent"))
    new = [FollowUp(trainee_id=pk, respondent=who, due_date=due, close_date=close)
           for pk in sorted(completed) for who in rules.RESPONDENTS if (pk, who) not in have]
    if new:
        FollowUp.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
