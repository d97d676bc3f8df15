"""The documents' heatmap in Arabic: shaped in the PDF's SVG and in the DOCX's PNG, mirrored.

matplotlib's Agg renderer (PNG) shapes Arabic itself (libraqm); its SVG keeps the text as
text, which WeasyPrint draws letter by letter, so the SVG must be given joined forms in
visual order (`drawing.shaped`).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from govcap.charts.data import Heatmap
from govcap.charts.words import Words
from govcap.reports import figures
from govcap.reports.drawing import shaped
from govcap.reports.gantt import gantt, gantt_chunks
from govcap.reports.model import GanttData, GanttRow

AR = Words(rtl=True, lang="ar", levels={"basic": "أساسي", "moderate": "متوسط", "high": "مرتفع",
                                        "not_assessed": "لم يُقيَّم"})
ORGS = ["وزارة الاقتصاد الرقمي", "وزارة الصحة"]
SECTIONS = ["١. التفكير المنظومي", "٢. القيادة الموزعة", "٣. تنفيذ المشاريع"]
CELLS: list[list[int | None]] = [[1, 2, None], [3, 1, 2]]
MODEL = Heatmap(ORGS, SECTIONS, CELLS, words=AR)


def is_letter(char: str) -> bool:
    """An Arabic letter as written (U+0621–U+064A), not one of its joined forms."""
    return "\u0621" <= char <= "\u064a"


def is_form(char: str) -> bool:
    """An Arabic Presentation Form (the joined shapes, U+FB50–U+FDFF, U+FE70–U+FEFF)."""
    return "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"


def svg_texts(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


def test_shaped_joins_the_letters_and_puts_them_in_reading_order() -> None:
    word = "أساسي"
    out = shaped(word)
    assert all(is_form(c) for c in out) and len(out) == len(word)
    # visual order: the first letter (alef with hamza) drawn right-most, i.e. last
    assert out[-1] in "\ufe83\ufe84" and out[0] in "\ufef1\ufef2\ufef3\ufef4"
    assert shaped("Ministry of Health") == "Ministry of Health"


def test_the_pdf_heatmap_svg_carries_only_joined_arabic() -> None:
    texts = svg_texts(figures.heatmap(MODEL, "svg"))
    arabic = [t for t in texts if any(is_letter(c) or is_form(c) for c in t)]
    # every level word, section and organisation name of the chart is there, shaped
    assert len(arabic) >= len(ORGS) + len(SECTIONS) + 4
    assert all(any(is_form(c) for c in t) for t in arabic)
    assert not any(is_letter(c) for t in texts for c in t), "unshaped Arabic in the SVG"


def test_the_png_heatmap_gives_matplotlib_the_text_as_written() -> None:
    """Pre-shaped text would be reordered a second time by matplotlib (written backwards)."""
    from matplotlib.text import Text

    fig = figures.heatmap_figure(MODEL, "png")
    drawn = [t.get_text() for t in fig.findobj(Text) if t.get_text()]
    assert "أساسي" in drawn and not any(is_form(c) for t in drawn for c in t)


def _png_of(text: str) -> bytes:
    from matplotlib import rc_context

    from govcap.reports.drawing import new_figure, save, style

    with rc_context(style()):
        fig = new_figure(2, 0.6)
        fig.text(0.1, 0.3, text, fontsize=14)
        return save(fig, "png", dpi=80)


def test_the_png_renderer_joins_arabic_letters() -> None:
    """The same letters kept apart (a zero-width non-joiner between each) draw differently
    from the word: the PNG's renderer joins them. Skipping shaping makes both the same."""
    word = "تنفيذ المشاريع"
    apart = "\u200c".join(word)
    assert _png_of(word) != _png_of(apart)
    # and the control: two renderings of the same text are the same bytes
    assert _png_of(word) == _png_of(word)


def test_the_arabic_heatmap_is_mirrored() -> None:
    fig = figures.heatmap_figure(MODEL, "png")
    ax = fig.axes[0]
    left, right = ax.get_xlim()
    assert left > right  # column 0 (section 1) at the right
    assert ax.yaxis.get_ticks_position() == "right"  # organisation names on the right
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        AR.level(None), *[AR.levels[k] for k in ("high", "moderate", "basic")]]
    english = figures.heatmap_figure(Heatmap(ORGS, SECTIONS, CELLS), "png").axes[0]
    assert english.get_xlim()[0] < english.get_xlim()[1]
    assert english.yaxis.get_ticks_position() == "left"


def test_png_bytes_are_an_image() -> None:
    data = figures.heatmap(MODEL, "png")
    assert data.startswith(b"\x89PNG")
    from matplotlib.image import imread

    assert imread(io.BytesIO(data)).shape[1] > 1000


def _gantt(rtl: bool, n_rows: int = 2) -> GanttData:
    rows = [GanttRow(f"DS{i} التصميم", "agile", ((0, 12), (2, 8))) for i in range(n_rows)]
    return GanttData(["يناير", "فبراير", "مارس"], rows, "الجدول", "المشاركون",
                     {"agile": "المنهجية الرشيقة"}, (1,), rtl=rtl)


def test_an_arabic_gantt_runs_right_to_left_and_its_svg_is_shaped(monkeypatch) -> None:
    import govcap.reports.gantt as module

    drawn: list = []
    monkeypatch.setattr(module, "save", lambda fig, fmt: drawn.append(fig) or b"")
    gantt(_gantt(rtl=True), "png")
    gantt(_gantt(rtl=False), "png")
    monkeypatch.undo()
    rtl_ax, ltr_ax = drawn[0].axes[0], drawn[1].axes[0]
    assert rtl_ax.get_xlim()[0] > rtl_ax.get_xlim()[1]  # first month right-most
    assert rtl_ax.yaxis.get_ticks_position() == "right"  # modules on the right
    assert ltr_ax.get_xlim()[0] < ltr_ax.get_xlim()[1]
    texts = svg_texts(gantt(_gantt(rtl=True), "svg"))
    assert any(any(is_form(c) for c in t) for t in texts)
    assert not any(is_letter(c) for t in texts for c in t)
    # a long schedule split over pages keeps its direction
    assert all(part.rtl for part in gantt_chunks(_gantt(rtl=True, n_rows=40)))


def test_shaped_keeps_brackets_round_a_latin_word_and_a_sign_before_its_number() -> None:
    # The PDF legend's "(Agile)" was drawn ")Agile(" and a change "+1" as "1+": the
    # compiled get_display mirrors no bracket and a sign is neutral in Arabic text.
    legend = shaped("العمل المرن (Agile)")
    assert legend.startswith("(Agile) ")
    assert shaped("جولة +1").startswith("+1 ")
    assert "(PMO)" in shaped("مكتب إدارة المشاريع (PMO)")
