"""The Arabic calendar chart's module names read right to left (issue 15): they stood left
aligned beside the grid, the code at their left end next to it, the longest reaching the
image's edge. They are now flush right, right of the grid, each starting with its code at
its right end, within the image."""
from __future__ import annotations

from govcap.reports.gantt import gantt
from govcap.reports.model import GanttData, GanttRow
from tests.reports.test_figures_language import svg_texts

ROWS = [GanttRow("SVC-101 تعريف بإدارة الخدمات الرقمية الحكومية", "agile", ((0, 12),)),
        GanttRow("CHG-9 قصير", "agile", ((1, 5),))]


def _data(rtl: bool) -> GanttData:
    return GanttData(["يناير", "فبراير"], ROWS, "الجدول", "المشاركون", {"agile": "الرشيقة"}, (),
                     rtl=rtl)


def test_arabic_module_names_stand_flush_right_beside_the_grid_within_the_image(
        monkeypatch) -> None:
    import govcap.reports.gantt as module

    drawn: list = []
    monkeypatch.setattr(module, "save", lambda fig, fmt: drawn.append(fig) or b"")
    gantt(_data(rtl=True), "png")
    fig = drawn[0]
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)  # the constrained layout, as saving does
    ax = fig.axes[0]
    grid_right = ax.get_window_extent(renderer).x1
    boxes = [label.get_window_extent(renderer) for label in ax.get_yticklabels()]
    assert all(box.x0 > grid_right for box in boxes)  # none over the grid
    assert all(box.x1 <= fig.bbox.width for box in boxes)  # within the image
    assert max(b.x1 for b in boxes) - min(b.x1 for b in boxes) < 1  # flush right
    assert boxes[0].width > boxes[1].width * 2  # the long name is the long one
    assert all(label.get_text().startswith("\u200f") for label in ax.get_yticklabels())


def test_the_svg_names_end_with_their_code_the_right_end_where_arabic_starts() -> None:
    texts = svg_texts(gantt(_data(rtl=True), "svg"))
    names = [t for t in texts if "SVC-101" in t or "CHG-9" in t]
    assert len(names) == 2 and all(t.endswith(("SVC-101", "CHG-9")) for t in names), names
    assert not any("\u200f" in t for t in texts)
