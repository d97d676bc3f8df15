"""The one palette every govcap chart uses, SVG and PNG alike.

Level colours are taken from (or darkened along) the Okabe–Ito set, which stays
distinguishable for the common colour-vision deficiencies, and they are spaced in
lightness so a grey print keeps them apart: Basic is a mid-tone vermillion, Moderate a
light yellow, High a dark blue. Colour never carries meaning alone — every chart writes the
level as text and draws "not assessed" with a hatch — but it should still help.

Contrast is computed, not asserted by eye: `text_on(fill)` picks black or white text,
whichever contrasts more (WCAG 2 relative luminance), and the test suite checks every
text/background pair used by the charts reaches 4.5:1 (WCAG AA for normal text) and
every fill edge reaches 3:1 against white (WCAG 1.4.11, graphical objects).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from govcap.scale import Level


class NotRated(enum.Enum):
    """A section the group has not rated yet (a session under way): not "not assessed",
    which the group chose. Drawn apart: white, a dotted edge, no hatch."""

    NOT_RATED = "not_rated"

    @property
    def key(self) -> str:
        return self.value


NOT_RATED = NotRated.NOT_RATED

BLACK = "#000000"
WHITE = "#FFFFFF"

INK = "#1A1A1A"  # titles and labels on white
MUTED = "#4D4D4D"  # axis labels, notes on white (8.4:1)
GRID = "#D0D0D0"  # decorative gridlines, not information-bearing
AXIS = "#767676"  # axis lines (4.5:1 on white)
HATCH = "#A6A6A6"  # hatch lines of "not assessed"
UP = "#1B6E3A"  # improvement (always paired with ▲ and a sign)
DOWN = "#B2182B"  # decline (always paired with ▼ and a sign)
TARGET = "#1A1A1A"  # target marker, drawn over a white halo

FONT_FAMILY = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Roboto, Arial, sans-serif"


@dataclass(frozen=True)
class Swatch:
    """How one level (or "not assessed") is drawn."""

    key: str  # "basic", "moderate", "high", "not_assessed"
    label: str  # "Basic" … written in bars and legends
    letter: str  # "B", "M", "H", "n/a": written in narrow cells
    fill: str  # area colour
    edge: str  # outline, ≥ 3:1 against white so light fills keep a visible boundary
    text: str  # text drawn on `fill`


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#RRGGBB`` colour."""
    hex_digits = colour.lstrip("#")
    if len(hex_digits) != 6:
        raise ValueError(f"{colour!r} is not a #RRGGBB colour")
    r, g, b = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two colours, from 1.0 to 21.0."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(fill: str) -> str:
    """Black or white, whichever contrasts more with `fill`."""
    return BLACK if contrast_ratio(fill, BLACK) >= contrast_ratio(fill, WHITE) else WHITE


def _swatch(level_key: str, label: str, letter: str, fill: str, edge: str) -> Swatch:
    return Swatch(level_key, label, letter, fill, edge, text_on(fill))


LEVEL_SWATCHES: dict[Level, Swatch] = {
    Level.BASIC: _swatch("basic", "Basic", "B", "#D55E00", "#9A4200"),
    Level.MODERATE: _swatch("moderate", "Moderate", "M", "#F0E442", "#8A6D00"),
    Level.HIGH: _swatch("high", "High", "H", "#1F4E89", "#1F4E89"),
}

NOT_ASSESSED_SWATCH = Swatch("not_assessed", "Not assessed", "n/a", WHITE, AXIS, MUTED)
NOT_RATED_SWATCH = Swatch("not_rated", "Not rated yet", "–", WHITE, AXIS, MUTED)


def swatch_for(level: Level | NotRated | None) -> Swatch:
    """The swatch of a level, the "not assessed" swatch for None, the "not rated yet"
    swatch for NOT_RATED."""
    if level is None:
        return NOT_ASSESSED_SWATCH
    if isinstance(level, NotRated):
        return NOT_RATED_SWATCH
    return LEVEL_SWATCHES[Level(level)]


def all_swatches() -> tuple[Swatch, ...]:
    """Basic, Moderate, High, Not assessed — the order of every legend."""
    return (*LEVEL_SWATCHES.values(), NOT_ASSESSED_SWATCH)
