"""Which characters a font can draw, read from its character map with fontTools."""

from __future__ import annotations

import io


def font_glyphs(data: bytes) -> frozenset[int]:
    """The code points that the font in *data* (OpenType or TrueType bytes) maps to a glyph."""
    from fontTools.ttLib import TTFont  # imported here: only `kiosk check` needs it

    font = TTFont(io.BytesIO(data), lazy=True)
    try:
        cmap = font["cmap"].getBestCmap() or {}
        return frozenset(cmap)
    finally:
        font.close()
