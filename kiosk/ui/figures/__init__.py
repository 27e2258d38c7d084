"""The figures wall: big-number tiles that count up as they come into view and flip to their source.

:mod:`~kiosk.ui.figures.layout` lays out one tile's text, :mod:`~kiosk.ui.figures.tile` paints and
animates one tile, :mod:`~kiosk.ui.figures.wall` arranges the tiles and starts their counts.
"""

from kiosk.ui.figures.tile import COUNT_MS, FLIP_MS, MIN_TILE_WIDTH, FigureTile
from kiosk.ui.figures.wall import ONE_COLUMN_BELOW, TWO_COLUMNS_BELOW, FigureWall, build_in_parts

__all__ = [
    "COUNT_MS",
    "FLIP_MS",
    "MIN_TILE_WIDTH",
    "ONE_COLUMN_BELOW",
    "TWO_COLUMNS_BELOW",
    "FigureTile",
    "FigureWall",
    "build_in_parts",
]
