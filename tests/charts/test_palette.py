from __future__ import annotations

import pytest

from govcap.charts import palette
from govcap.scale import Level


def test_contrast_ratio_matches_known_values() -> None:
    assert palette.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert palette.contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # #767676 on white is the classic "just passes AA" grey
    assert palette.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_bad_colours_are_refused() -> None:
    with pytest.raises(ValueError):
        palette.relative_luminance("#FFF")


def test_every_level_has_a_swatch_in_legend_order() -> None:
    assert [s.key for s in palette.all_swatches()] == ["basic", "moderate", "high", "not_assessed"]
    assert palette.swatch_for(None) is palette.NOT_ASSESSED_SWATCH
    assert palette.swatch_for(Level.HIGH).letter == "H"


@pytest.mark.parametrize("swatch", palette.all_swatches(), ids=lambda s: s.key)
def test_text_on_each_fill_passes_wcag_aa(swatch: palette.Swatch) -> None:
    assert palette.contrast_ratio(swatch.text, swatch.fill) >= 4.5
    assert swatch.text == palette.text_on(swatch.fill) or swatch.fill == palette.WHITE


@pytest.mark.parametrize("swatch", palette.all_swatches(), ids=lambda s: s.key)
def test_each_fill_edge_stands_out_from_white(swatch: palette.Swatch) -> None:
    assert palette.contrast_ratio(swatch.edge, palette.WHITE) >= 3.0


@pytest.mark.parametrize(
    "colour", [palette.INK, palette.MUTED, palette.AXIS, palette.UP, palette.DOWN, palette.TARGET]
)
def test_text_colours_pass_wcag_aa_on_white(colour: str) -> None:
    assert palette.contrast_ratio(colour, palette.WHITE) >= 4.5


def test_level_fills_stay_apart_in_grey_print() -> None:
    fills = [palette.LEVEL_SWATCHES[level].fill for level in Level]
    luminances = sorted(palette.relative_luminance(fill) for fill in fills)
    for darker, lighter in zip(luminances, luminances[1:], strict=False):
        assert (lighter + 0.05) / (darker + 0.05) >= 1.8
