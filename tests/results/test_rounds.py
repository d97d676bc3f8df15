"""Which rounds level 4 compares in one engagement's report: a baseline's shows what its
training changed by the follow-up, a follow-up's shows the same comparison from its side
(the baseline's training deciding who counts as trained), the programme's shows it once."""

from __future__ import annotations

import datetime as dt

import pytest

from govcap.accounts.models import Role
from govcap.orgs.models import Engagement
from govcap.results.build import build
from govcap.results.core import indicators as ind

pytestmark = pytest.mark.django_db


def seen(results, section: str = "enterprise-architecture"
         ) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """Each pair's rounds, with the group and the change of every organisation paired in
    ``section``."""
    out = []
    for p in results.pairs:
        comparison = next(c for c in p.comparisons if c.section == section)
        changes = [(p.pair.names[c.org], group, c.change)
                   for group in ("trained", "untrained", "left_out")
                   for c in getattr(comparison, group)]
        out.append((f"{p.pair.earlier.name} → {p.pair.later.name}", sorted(changes)))
    return out


def test_a_follow_ups_report_compares_it_with_the_round_before(programme):
    results = build(None, programme.later)
    [(rounds, changes)] = seen(results)
    assert rounds == "Kenya — baseline 2026 → Kenya — follow-up 2027"
    # the ministry completed the baseline's enterprise-architecture course and moved up; the
    # agency's official dropped out: neither group
    assert changes == [("ICT Authority", "left_out", 0), ("Ministry of ICT", "trained", 1)]
    # the change is the baseline's training's: the follow-up's report shows the same figure
    # as the baseline's, saying whose training it is; the programme counts it once
    moving = results.indicator(ind.MOVING_UP)
    baseline = build(None, programme.engagement).indicator(ind.MOVING_UP)
    assert (moving.numerator, moving.n) == (baseline.numerator, baseline.n) == (1, 1)
    assert results.moving_from == programme.engagement
    assert build(None, programme.engagement).moving_from is None
    programme_wide = build(None).indicator(ind.MOVING_UP)
    assert (programme_wide.numerator, programme_wide.n) == (1, 1)  # not 2 of 2
    # its own levels 1 to 3: the follow-up delivered nothing yet
    assert results.indicator(ind.OFFICIALS_TRAINED).n == 0


def test_the_follow_ups_page_and_documents_say_whose_training_level_4_is(programme):
    import io

    from django.test import Client
    from openpyxl import load_workbook

    from govcap.results import document

    Engagement.objects.filter(pk=programme.engagement.pk).update(start_date=dt.date(2026, 1, 12))
    client = Client()
    client.force_login(programme.manager)
    page = client.get(f"/indicators/e/{programme.later.slug}/").content.decode()
    row = page[page.index("Trained organisations moving up"):][:600]
    assert "none counted yet" not in row
    assert "100% (1 of 1)" in row
    assert "the training of Baseline (2026), measured at this round" in page
    book = load_workbook(io.BytesIO(document.render(build(None, programme.later), "xlsx")))
    notes = [c for ws in book.worksheets for r in ws.values for c in r if isinstance(c, str)]
    assert any("the training of Baseline (2026), measured at this round" in n for n in notes)


def test_the_baseline_and_the_programme_show_the_same_comparison_once(programme):
    follow_up = seen(build(None, programme.later))
    assert seen(build(None, programme.engagement)) == follow_up
    assert seen(build(None)) == follow_up


def test_a_reader_of_the_follow_up_alone_compares_nothing(programme, make_user):
    reader = make_user("follow-up-coordinator", Role.COORDINATOR, programme.later)
    assert build(reader, programme.later).pairs == []


def test_the_document_names_who_moved_by_section_and_group(programme):
    from django.utils import translation

    from govcap.reports.model import Table
    from govcap.results.document import document

    with translation.override("en"):
        doc = document(build(None, programme.later))
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)
              and [c.label for c in b.columns][2:] == ["Moved up", "Stayed", "Moved down"]]
    [table] = tables  # one pair of rounds: one table, a row per section and group
    rows = {(r[0].split(". ", 1)[-1], r[1]): r[2:] for r in table.rows}
    ea = next(k for k in rows if "architecture" in k[0].lower() and k[1] == "Trained")
    assert rows[ea][0].startswith("Ministry of ICT (") and " → " in rows[ea][0]
    assert rows[ea][1:] == ["—", "—"]
    left = next(k for k in rows if k[0] == ea[0] and k[1] == "Attended, not completed")
    assert rows[left][1].startswith("ICT Authority (")


def test_the_follow_ups_json_marks_the_level_4_figure_as_counted_under_the_baseline(programme):
    """An API consumer adding the rounds' figures must not count the change twice: the
    follow-up's moving-up figure says whose results count it, as its page does."""
    from django.test import Client

    from govcap.accounts.tokens import create_token

    token = create_token(programme.manager, "test").raw
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    def moving(slug: str | None) -> dict:
        query = f"?engagement={slug}" if slug else ""
        data = client.get(f"/api/results/indicators{query}").json()
        return next(i for i in data["indicators"] if i["key"] == ind.MOVING_UP)

    follow_up = moving(programme.later.slug)
    assert (follow_up["numerator"], follow_up["n"]) == (1, 1)
    assert follow_up["counted_under"] == programme.engagement.slug
    assert moving(programme.engagement.slug)["counted_under"] is None  # its own figure
    assert moving(None)["counted_under"] is None  # the programme counts it once
    data = client.get(f"/api/results/indicators?engagement={programme.later.slug}").json()
    assert all(i["counted_under"] is None for i in data["indicators"]
               if i["key"] != ind.MOVING_UP)
