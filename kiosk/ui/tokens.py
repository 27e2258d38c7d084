"""Design tokens: the one place for colours, type sizes, spacing, radii, elevation and motion.

Sizes are given for a 1920×1080 screen and scaled by :func:`scaled` for other sizes. Everything
here is immutable: the window makes one :class:`Theme` from its accessibility modes
(:func:`theme_for`) and hands it to the pages (through their context), to the painted widgets
(through their constructors) and to the stylesheet (:mod:`kiosk.ui.style`); a new mode makes a new
theme and the screens are built again with it.

The records are named tuples: made at every start before the first frame, eight frozen
dataclasses took 4.3 ms there (each of their methods compiled from generated source), the same
records as named tuples 1.0 ms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class Palette(NamedTuple):
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
    #: The outline of the bar's round buttons (invisible in the normal look: the same as their
    #: fill; white in high contrast, so every control shows its shape).
    control_outline: str = "#1B3A66"
    #: Modules of a QR code (dark on light) for a reliable scan.
    qr_dark: str = "#061226"
    qr_light: str = "#F4F7FB"
    #: The keyboard focus ring (at least 3:1 against every background and surface).
    focus: str = "#FFD23F"


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
    control_outline="#FFFFFF",
    qr_dark="#000000",
    qr_light="#FFFFFF",
    focus="#FFE600",
)


class TypeScale(NamedTuple):
    """Pixel sizes at 1920×1080 (body text at least 24, titles at least 44)."""

    caption: int = 24
    body: int = 28
    lead: int = 34
    title: int = 48
    display: int = 84
    figure: int = 72


class Spacing(NamedTuple):
    xs: int = 8
    s: int = 16
    m: int = 24
    l: int = 40  # noqa: E741 - the usual name of the size step
    xl: int = 64


class Radii(NamedTuple):
    s: int = 12
    m: int = 20
    l: int = 28  # noqa: E741


class Sizes(NamedTuple):
    """Component sizes at 1920×1080."""

    tap: int = 72  # the least a visitor taps: about 20 mm on a 32-inch screen
    tap_gap: int = 12  # the least space between two tap targets
    admin_corner: int = 140  # the hidden corner staff tap five times for the PIN pad
    icon_s: int = 36  # in a button
    icon_m: int = 56  # on a card
    icon_l: int = 88  # beside a heading
    icon_mark: int = 96  # a decorative mark: the quote sign, a missing picture
    icon_sign: int = 112  # the sign above a full-screen notice (the closed screen's moon)
    icon_xl: int = 160  # the hero of an item page
    sign_ring: int = 72  # the radius of the out-of-order screen's ring
    sign_ring_width: int = 6
    card_min: int = 220  # the least height of a section's card
    card_hint: int = 420  # a card's natural width (a grid stretches it)
    card_width: int = 440  # the narrowest a card in a grid may be
    tile_min: int = 210  # the least height of a home tile
    tile_min_portrait: int = 170
    tile_width: int = 300  # the narrowest a home tile may be (large text: fewer to a row)
    hero_width: int = 520  # the least width of an item page's hero panel or figure
    picture_width: int = 500  # the home page's picture
    picture_hint: int = 640  # a picture's natural width
    figure_tile: int = 480  # a figure tile's natural width; narrower tiles get less padding
    column: int = 1664  # the page column at 1920 wide (the screen less the side margins)
    drawing: int = 1600  # a zone drawing's natural width
    plan_min_width: int = 640
    plan_min_height: int = 360
    plan_fit: int = 500  # the least height the zone page shrinks its plan to, to show it whole
    spectrum_min: int = 560
    timeline_min: int = 480
    chips_hint: int = 900
    dialog_min: int = 900  # the least width of an overlay's panel
    notice_max: int = 1400  # the widest a full-screen notice's column grows
    pin_display: int = 100  # the height of the PIN's dots
    pin_key_width: int = 140
    pin_key_height: int = 110
    scroll_bar: int = 10
    scroll_handle: int = 60  # the shortest a scroll bar's handle gets
    bar_pad: int = 16


class Elevation(NamedTuple):
    """Outline widths and how much overlays darken what is under them."""

    hairline: int = 1  # dividers
    raised: int = 2  # the outline of cards, tiles, panels and buttons
    focus_ring: int = 4  # the keyboard focus ring's width (at least 3 px on any screen)
    focus_gap: int = 4  # between a focused control and its ring (a dark halo)
    dim_idle: float = 0.82  # the "still there?" overlay
    dim_admin: float = 0.9  # the PIN pad and the admin menu


class Motion(NamedTuple):
    """Durations in milliseconds."""

    attract_slide: int = 1200  # cross-fade between attract slides
    attract_pulse: int = 2400  # the "Touch to start" cue breathes once per this
    count_up: int = 1200  # figures counting up
    flip: int = 240  # a figure turning to its source


TYPE = TypeScale()
SPACE = Spacing()
RADII = Radii()
SIZE = Sizes()
ELEVATION = Elevation()
MOTION = Motion()

#: Large text mode enlarges everything by this much (text, and with it the layout).
LARGE_TEXT = 1.35


class Theme(NamedTuple):
    """Every token for one look of the kiosk, and whether figures animate.

    Proof sheets, fit checks and the stats heatmap use ``animate=False``: numbers show their final
    value at once and flips are instant.
    """

    palette: Palette = DEFAULT
    type: TypeScale = TYPE
    space: Spacing = SPACE
    radii: Radii = RADII
    sizes: Sizes = SIZE
    elevation: Elevation = ELEVATION
    motion: Motion = MOTION
    animate: bool = True
    #: Surfaces are flat (no tints or gradients): high contrast draws shapes by their edges.
    flat: bool = False

    def still(self) -> Theme:
        """This theme without animations (for proof sheets and checks)."""
        return self._replace(animate=False)


#: The normal look.
THEME = Theme()


def theme_for(modes: Mapping[str, bool], animate: bool = True) -> Theme:
    """The theme for the accessibility *modes* (high contrast switches the palette)."""
    high = modes.get("high_contrast", False)
    return Theme(palette=HIGH_CONTRAST if high else DEFAULT, animate=animate, flat=high)


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
