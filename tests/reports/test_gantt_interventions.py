"""The timeline draws coaching, on-the-job projects and e-learning apart from cohorts (issue
14): Kenya's follow-up drew AGL-901, CHG-901 and POL-901's coaching months as the same solid
boxes as its courses' cohorts, under a note saying a box marks a month with a cohort. A
month of an intervention is a lighter, hatched bar, named so in the legend, never a box."""

from __future__ import annotations

from matplotlib.colors import to_hex

from govcap.planning import Constraints, Targets, generate_plan
from govcap.planning.core.edits import AddModule
from govcap.reports.build_parts import gantt_data
from govcap.reports.gantt import DOMAIN_COLOURS, gantt
from govcap.reports.labels import Labels
from govcap.reports.scope import Scope
from govcap.scale import Level
from tests.planning.helpers import CATALOGUE, org_rows
from tests.reports.helpers import context


def _data():
    rows = [row for org in ("moh", "moe", "mof")
            for row in org_rows(org, {"digital-strategic-plan": Level.BASIC})]
    plan = generate_plan(rows, CATALOGUE, Targets(), Constraints("2027-02"),
                         (AddModule("a1", "moh", "POL-901"),))
    return gantt_data(Scope(plan, context("en"), CATALOGUE, Labels("en")))


def _drawn(monkeypatch, data):
    import govcap.reports.gantt as module

    drawn: list = []
    monkeypatch.setattr(module, "save", lambda fig, fmt: drawn.append(fig) or b"")
    gantt(data, "png")
    return drawn[0]


def test_coaching_months_are_hatched_bars_not_cohort_boxes(monkeypatch) -> None:
    data = _data()
    rows = {row.label.split()[0]: row for row in data.rows}
    assert not rows["POL-901"].course  # the coaching
    assert any(row.course for row in data.rows)  # and a course beside it
    fig = _drawn(monkeypatch, data)
    ax = fig.axes[0]
    marks = [p for p in ax.patches if p.get_width() < 1]  # (not the closed months' shading)
    by_row: dict[str, list] = {}
    for patch in marks:
        label = data.rows[int(patch.get_y())].label.split()[0]
        by_row.setdefault(label, []).append(patch)
    solid = DOMAIN_COLOURS[rows["POL-901"].domain].lower()
    for label, patches in by_row.items():
        for patch in patches:
            if rows[label].course:  # a cohort: a solid box of its domain's colour
                assert not patch.get_hatch() and to_hex(patch.get_facecolor()) == \
                    DOMAIN_COLOURS[rows[label].domain].lower()
            else:  # coaching: hatched, lighter, lower — not a box like a cohort's
                assert patch.get_hatch() == "////"
                assert to_hex(patch.get_facecolor()) != solid
                assert patch.get_height() < 0.72
    assert "POL-901" in by_row and len(by_row) >= 2


def test_the_legend_names_the_hatched_bar_as_not_a_cohort(monkeypatch) -> None:
    data = _data()
    fig = _drawn(monkeypatch, data)
    texts = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert "Coaching, on-the-job project or e-learning (not a cohort)" in texts
    handle = fig.legends[0].legend_handles[-1]
    assert handle.get_hatch() == "////"
    # a timeline of courses only has no such entry
    only = _drawn(monkeypatch, data.__class__(**{**data.__dict__, "rows": [
        r for r in data.rows if r.course]}))
    assert not any("not a cohort" in t.get_text() for legend in only.legends
                   for t in legend.get_texts())
