"""Which trainees' texts the donor's documents may quote: a coordinator of the engagement
or a programme manager marks them on the results page ("In the participants' words"); until
marked, none is quoted. Each change is audited."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from govcap.accounts import audit
from govcap.results import queries


def mark(user, shown: Iterable[str], chosen: Iterable[str]) -> int:
    """The texts ``shown`` on the reader's page ("l1-12", "l3-7") are quotable when in
    ``chosen``, not otherwise; texts the reader may not read are ignored. Returns how many
    changed."""
    with transaction.atomic():
        changed = queries.mark_quotable(user, list(shown), list(chosen))
        for row, quotable in changed:
            row.save(update_fields=["quotable"])
            # the text only, never its writer's code: the delivery's changes list is read
            # beside the nominations table, which names each code
            text = {"text": f"{row._meta.model_name}-{row.pk}"}
            audit.record(user, "quotable", row.trainee.delivery,
                         {**text, "quotable": not quotable}, {**text, "quotable": quotable})
    return len(changed)
