"""Design tokens: the one place for colours, type sizes, spacing, radii, elevation and motion.

Sizes are given for a 1920×1080 screen and scaled by :func:`scaled` for other sizes. Widgets read
``PALETTE`` at paint time, so switching the theme (:func:`use_theme`) and repainting is enough to
recolour everything; the stylesheet is generated from these tokens by :mod:`kiosk.ui.style`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass
class Palette:
    """Colours. Text colours are checked against the surfaces by tests/test_design.py."""

    background: str = "#0A1A33"
    background_deep: str = "#061226"
    surface: str = "#12294D"
    surface_raised: str = "#1B3A66"
    surface_pressed: str = "#1F4679"
    outline: str = "#2E4E7E"
    primary: str = "#1B63C6"
    accent: str = "#22C3E6"
    gold: str = "#F5B83D"
    coral: str = "#FF7A59"
    text: str = "#F4F7FB"
    text_muted: str = "#B8C7DD"
    #: Text drawn on ``primary`` (buttons) and on light illustrations' tags.
    on_primary: str = "#FFFFFF"
    #: Modules of a QR code (dark on light) for a reliable scan.
    qr_dark: str = "#061226"
    qr_light: str = "#F4F7FB"


#: The default theme: deep navy with cyan and gold accents.
DEFAULT = Palette()

#: High contrast: black and white with a yellow accent; every text at least 7:1.
HIGH_CONTRAST = Palette(
    background="#000000",
    background_deep="#000000",
    surface="#000000",
    surface_raised="#1A1A1A",
    surface_pressed="#333333",
    outline="#FFFFFF",
    primary="#FFE600",
    accent="#FFE600",
    gold="#FFE600",
    coral="#FFB3A1",
    text="#FFFFFF",
    text_muted="#FFFFFF",
    on_primary="#000000",
    qr_dark="#000000",
    qr_light="#FFFFFF",
)

THEMES = {"default": DEFAULT, "high_contrast": HIGH_CONTRAST}


@dataclass(frozen=True)
class TypeScale:
    """Pixel sizes at 1920×1080 (body text at least 24, titles at least 44)."""

    caption: int = 24
    body: int = 28
    lead: int = 34
    title: int = 48
    display: int = 84
    figure: int = 72


@dataclass(frozen=True)
class Spacing:
    xs: int = 8
    s: int = 16
    m: int = 24
    l: int = 40  # noqa: E741 - the usual name of the size step
    xl: int = 64


@dataclass(frozen=True)
class Radii:
    s: int = 12
    m: int = 20
    l: int = 28  # noqa: E741


@dataclass(frozen=True)
class Sizes:
    """Component sizes at 1920×1080."""

    tap: int = 72  # the least a visitor taps: about 20 mm on a 32-inch screen
    tap_gap: int = 12  # the least space between two tap targets
    icon_s: int = 36
    icon_m: int = 56
    icon_l: int = 88
    icon_xl: int = 160
    card_min: int = 220
    card_width: int = 440  # the narrowest a card in a grid may be
    tile_min: int = 210
    hero_width: int = 520
    picture_width: int = 500
    bar_pad: int = 16


@dataclass(frozen=True)
class Elevation:
    """Outline widths and shadow strength for the three levels of surfaces."""

    flat: int = 0
    raised: int = 2
    overlay_dim: float = 0.85  # how much an overlay darkens what is under it


@dataclass(frozen=True)
class Motion:
    """Durations in milliseconds."""

    page: int = 280  # page transitions (the setting transition_ms overrides it)
    attract_slide: int = 1200  # cross-fade between attract slides
    attract_pulse: int = 2400  # the "Touch to start" cue breathes once per this
    count_up: int = 1200  # figures counting up
    flip: int = 240  # a figure turning to its source


PALETTE = Palette()
TYPE = TypeScale()
SPACE = Spacing()
RADII = Radii()
SIZE = Sizes()
ELEVATION = Elevation()
MOTION = Motion()

#: Large text mode enlarges everything by this much (text, and with it the layout).
LARGE_TEXT = 1.35


def use_theme(name: str) -> None:
    """Recolour: copy the theme *name* into ``PALETTE`` (widgets repaint with it)."""
    theme = THEMES[name]
    for field in dataclasses.fields(Palette):
        setattr(PALETTE, field.name, getattr(theme, field.name))


def scale_for(width: int, height: int) -> float:
    """The factor that maps the 1920×1080 design to a *width* × *height* window."""
    return max(0.6, min(width / 1920, height / 1080) if width >= height else width / 1080)


def scaled(value: int, factor: float) -> int:
    """*value* (design pixels) scaled by *factor*, at least 1."""
    return max(1, round(value * factor))


def luminance(colour: str) -> float:
    """Relative luminance of ``#RRGGBB`` (WCAG 2)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
