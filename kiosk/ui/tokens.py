"""Design tokens: the one place for colours, type sizes, spacing and radii.

Sizes are given for a 1920×1080 screen and scaled by :func:`scaled` for other sizes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    background: str = "#0A1A33"
    background_deep: str = "#061226"
    surface: str = "#12294D"
    surface_raised: str = "#1B3A66"
    surface_pressed: str = "#25508C"
    outline: str = "#2E4E7E"
    primary: str = "#1E6FD9"
    accent: str = "#22C3E6"
    gold: str = "#F5B83D"
    coral: str = "#FF7A59"
    text: str = "#F4F7FB"
    text_muted: str = "#B8C7DD"


@dataclass(frozen=True)
class TypeScale:
    """Pixel sizes at 1920×1080."""

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


PALETTE = Palette()
TYPE = TypeScale()
SPACE = Spacing()
RADII = Radii()


def scale_for(width: int, height: int) -> float:
    """The factor that maps the 1920×1080 design to a *width* × *height* window."""
    return max(0.6, min(width / 1920, height / 1080) if width >= height else width / 1080)


def scaled(value: int, factor: float) -> int:
    """*value* (design pixels) scaled by *factor*, at least 1."""
    return max(1, round(value * factor))
