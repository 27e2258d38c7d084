"""Register the bundled Noto Sans CJK SC and make it the font of every widget."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import resources

log = logging.getLogger("kiosk.fonts")

FAMILY = "Noto Sans CJK SC"
FONT_FILES = (":/fonts/NotoSansCJKsc-Regular.otf", ":/fonts/NotoSansCJKsc-Bold.otf")


class FontMissing(RuntimeError):
    """The bundled font could not be registered."""


def install(app: QApplication, pixel_size: int = 24) -> str:
    """Register the bundled fonts and make them the application font; returns the family.

    Must run before any widget is built, so that no widget keeps a system font. Chinese is drawn
    with the Simplified Chinese face, never a Japanese fallback.
    """
    resources.register()
    families: set[str] = set()
    for path in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(path)
        if font_id < 0:
            raise FontMissing(f"cannot load {path}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY not in families:
        raise FontMissing(f"bundled fonts provide {sorted(families)}, not {FAMILY!r}")
    font = QFont(FAMILY)
    font.setPixelSize(pixel_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    log.debug("application font %s, %d px", FAMILY, pixel_size)
    return FAMILY


def glyphs() -> frozenset[int]:
    """The code points the bundled regular font can draw (for content validation)."""
    from kiosk.content import font_glyphs

    return font_glyphs(resources.read_bytes(FONT_FILES[0]))
