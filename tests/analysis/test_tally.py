"""The engagement × section × level tally moves with every write of a consensus rating, in the
same transaction, whatever writes it; a recount always agrees."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from govcap.analysis import tally
from govcap.assessments.models import Rating, Session


def counts(engagement) -> dict[tuple[str, str], int]:
    return {(s, lv): n for (_e, s, lv), n in tally.counts(connection, [engagement.id]).items()}


def test_the_triggers_are_installed_by_the_migrations(db) -> None:
    assert tally.installed(connection)


def test_saves_updates_and_deletes_move_the_tally(analysed) -> None:
    w = analysed
    assert counts(w.engagement)[("change-management", "basic")] == 1
    assert counts(w.engagement)[("change-management", "moderate")] == 1
    rating = w.notes["change-management"]
    rating.level = "high"
    rating.save()
    got = counts(w.engagement)
    assert ("change-management", "basic") not in got
    assert got[("change-management", "high")] == 1
    rating.delete()
    assert ("change-management", "high") not in counts(w.engagement)
    assert tally.drift(connection) == {}


def test_a_level_saved_through_capture_moves_the_tally(analysed) -> None:
    """The autosave writes with plain SQL (govcap.plainsql): the triggers count it too."""
    import uuid

    from govcap.assessments import capture

    w = analysed
    key = "policy-influence"
    before = counts(w.engagement)
    for level, base in (("moderate", 0), ("high", 1)):
        capture.save_field(w.facilitator, w.session, capture.FieldSave(
            op_id=uuid.uuid4(), section_key=key, field="level", value=level,
            base_revision=base))
    got = counts(w.engagement)
    assert got[(key, "high")] == before.get((key, "high"), 0) + 1
    assert got.get((key, "moderate"), 0) == before.get((key, "moderate"), 0)
    assert tally.drift(connection) == {}


def test_individual_raters_ratings_do_not_count(analysed) -> None:
    before = counts(analysed.engagement)
    Rating.objects.create(session=analysed.session, section_key="policy-influence",
                          rater=analysed.facilitator, level="high")
    assert counts(analysed.engagement) == before


def test_bulk_creates_and_queryset_updates_count_too(analysed) -> None:
    w = analysed
    Rating.objects.bulk_create([Rating(session=w.agency_session, section_key=key, level="high")
                                for key in ("policy-influence", "digital-strategic-plan")])
    Rating.objects.filter(session=w.agency_session, section_key="project-execution").update(
        level="basic")
    got = counts(w.engagement)
    assert got[("policy-influence", "high")] == 1
    assert got[("project-execution", "basic")] == 1
    assert tally.drift(connection) == {}


def test_a_session_moved_or_deleted_takes_its_ratings_along(analysed) -> None:
    w = analysed
    Session.objects.filter(pk=w.agency_session.pk).update(engagement=w.other_engagement)
    assert counts(w.other_engagement)[("change-management", "moderate")] == 1
    assert ("change-management", "moderate") not in counts(w.engagement)
    w.agency_session.refresh_from_db()
    w.agency_session.delete()
    assert ("change-management", "moderate") not in counts(w.other_engagement)
    assert tally.drift(connection) == {}


def test_a_rolled_back_save_leaves_the_tally_as_it_was(analysed) -> None:
    before = counts(analysed.engagement)
    with pytest.raises(RuntimeError), transaction.atomic():
        Rating.objects.create(session=analysed.session, section_key="policy-influence",
                              level="high")
        assert counts(analysed.engagement)[("policy-influence", "high")] == 1
        raise RuntimeError
    assert counts(analysed.engagement) == before


def test_the_command_checks_and_rebuilds(analysed, capsys) -> None:
    call_command("analysis", "tally")
    assert "matches" in capsys.readouterr().out
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {tally.TABLE} SET n = n + 5")
    assert tally.drift(connection)
    with pytest.raises(Exception, match="differs"):
        call_command("analysis", "tally", "--check")
    call_command("analysis", "tally", "--rebuild")
    assert tally.drift(connection) == {}


def test_missing_triggers_are_put_back_after_migrate(analysed) -> None:
    tally.uninstall_triggers(connection)
    assert not tally.installed(connection)
    Rating.objects.create(session=analysed.session, section_key="policy-influence", level="high")
    assert tally.drift(connection)  # written while the triggers were gone
    tally.after_migrate(sender=None, using="default")
    assert tally.installed(connection)
    assert tally.drift(connection) == {}
