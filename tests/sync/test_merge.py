"""The merge rules, pure: outcomes of an incoming record or tombstone."""

from __future__ import annotations

import pytest

from govcap.sync import merge

RATING = {"uuid": "r1", "section_key": "s1", "rater": None, "level": "basic",
          "not_assessed_reason": "", "confidence": "", "notes": "n", "evidence": "",
          "dissent": "", "field_revisions": {"level": 1}, "updated_by": "amina"}


def test_digest_is_content_only() -> None:
    other_meta = {**RATING, "field_revisions": {"level": 7}, "updated_by": "someone"}
    assert merge.digest("rating", RATING) == merge.digest("rating", other_meta)
    assert merge.digest("rating", RATING) != merge.digest("rating", {**RATING, "notes": "m"})
    assert merge.digest("rating", RATING) != merge.digest("quote", RATING)


@pytest.mark.parametrize(("local", "incoming", "base", "outcome"), [
    (None, "B", None, "create"),      # absent here
    (None, "B", "A", "create"),       # absent here (deleted here? it comes back)
    ("A", "A", None, "same"),         # same content on both sides, never synced
    ("B", "B", "A", "same"),          # both changed the same way
    ("A", "B", "A", "apply"),         # only the other side changed: take it
    ("B", "A", "A", "keep"),          # only this side changed: keep ours
    ("B", "C", "A", "conflict"),      # both changed since the base: keep both
    ("B", "C", None, "conflict"),     # never synced and different: keep both
])
def test_decide(local: str | None, incoming: str, base: str | None, outcome: str) -> None:
    assert merge.decide(local, incoming, base) == outcome


@pytest.mark.parametrize(("local", "base", "outcome"), [
    (None, "A", "gone"),       # already absent
    ("A", "A", "delete"),      # unchanged here since the base: delete
    ("B", "A", "conflict"),    # changed here after the other side's last sync: keep both
    ("A", None, "conflict"),   # never synced: not deleted blind
])
def test_decide_delete(local: str | None, base: str | None, outcome: str) -> None:
    assert merge.decide_delete(local, base) == outcome


def test_base_moves_only_when_both_sides_agree() -> None:
    assert {o for o in ("create", "same", "apply", "keep", "conflict", "delete", "gone")
            if merge.agreed(o)} == {"create", "same", "apply"}


def test_a_retried_batch_changes_nothing() -> None:
    """Applying the same incoming version twice: the second time it is `same`."""
    base = merge.digest("rating", RATING)
    changed = {**RATING, "level": "high"}
    incoming = merge.digest("rating", changed)
    assert merge.decide(base, incoming, base) == "apply"
    assert merge.decide(incoming, incoming, incoming) == "same"
