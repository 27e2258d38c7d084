"""The site plan's arrangements: where the site, its areas, roads and gates lie, in plan units."""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x, y, width, height in plan units


@dataclass(frozen=True)
class Layout:
    """One arrangement of the site in plan units; the plan fits it into the widget."""

    size: tuple[float, float]
    site: Box
    areas: tuple[Box, ...]  # office, inspection, R&D and design, testing, logistics
    field: Box  # where the areas are, for a plain grid when there are not five
    roads: tuple[Box, ...]
    gates: tuple[Box, ...]  # openings in the site boundary, down to the street
    legend: Box


# R&D in the centre with testing beside it; office and inspection by the main gate; logistics by
# the cargo gate.
LANDSCAPE = Layout(
    size=(1600, 900),
    site=(20, 20, 1560, 800),
    areas=(
        (60, 400, 360, 380),
        (470, 610, 630, 170),
        (470, 60, 630, 500),
        (1150, 60, 390, 330),
        (1150, 440, 390, 340),
    ),
    field=(470, 60, 1070, 720),
    roads=(
        (420, 20, 50, 800),
        (1100, 20, 50, 800),
        (420, 560, 1160, 50),
        (1150, 390, 430, 50),
        (20, 350, 400, 50),
    ),
    gates=((420, 800, 50, 45), (1320, 780, 60, 65)),
    legend=(60, 60, 360, 290),
)
PORTRAIT = Layout(
    size=(1000, 1200),
    site=(20, 20, 960, 1100),
    areas=(
        (60, 790, 270, 290),
        (375, 790, 275, 290),
        (60, 295, 560, 445),
        (665, 295, 275, 445),
        (690, 790, 250, 290),
    ),
    field=(60, 295, 880, 785),
    roads=(
        (20, 255, 960, 40),
        (620, 255, 45, 485),
        (20, 740, 960, 50),
        (330, 790, 45, 330),
        (650, 790, 40, 330),
    ),
    gates=((330, 1100, 45, 45), (785, 1080, 60, 65)),
    legend=(60, 55, 880, 200),
)
