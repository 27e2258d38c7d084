"""Register the bundled Noto Sans CJK SC and make it the font of every widget."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QByteArray, QCoreApplication, QObject
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from kiosk.adapters import resources
from kiosk.system.paths import bundled_fonts_dir

log = logging.getLogger("kiosk.fonts")

FAMILY = "Noto Sans CJK SC"
LATIN_FAMILY = "Noto Sans"
#: Font files, read by FreeType where they are (see :func:`kiosk.system.paths.bundled_fonts_dir`).
FONT_FILES = tuple(
    str(bundled_fonts_dir() / name)
    for name in ("NotoSansCJKsc-Regular.otf", "NotoSansCJKsc-Bold.otf")
)
LATIN_FILES = tuple(
    str(bundled_fonts_dir() / name) for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
)


class FontMissing(RuntimeError):
    """The bundled font could not be registered."""


def install(app: QApplication, pixel_size: int = 24) -> str:
    """Register the bundled fonts and make them the application font; returns the family.

    Must run before any widget is built, so that no widget keeps a system font. Chinese is drawn
    with the Simplified Chinese face, never a Japanese fallback.

    The fonts are registered from their bytes, read once (:func:`_contents`): Qt shares those
    bytes among every FreeType face it opens of a font. Registered by file name, each face maps
    the file on its own, and Qt can have more than one face of a file open (see
    :class:`HeldFaces`): 20-30 MB of font-file pages resident after 1,000 navigations with
    switches, where the fonts themselves are 6 MB (``benchmarks/RESULTS.md``). The cost: the
    bytes are resident from the start (the mapped files had about 1.5 MB in use after every
    screen: RSS at rest measured the same) and the start reads them, about 5 ms. They are read
    into the QByteArray that Qt keeps (Python bytes were copied into one first: 2 ms more for
    each Chinese font; QFile would make its class, 3 ms, before the first frame).
    """
    resources.register()
    families: set[str] = set()
    for path in (*FONT_FILES, *LATIN_FILES):
        font_id = QFontDatabase.addApplicationFontFromData(_contents(path))
        if font_id < 0:
            raise FontMissing(f"cannot load {path}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if not {FAMILY, LATIN_FAMILY} <= families:
        raise FontMissing(f"bundled fonts provide {sorted(families)}, not {FAMILY!r}")
    app.setFont(font_for("zh", pixel_size))
    HeldFaces(app, pixel_size)
    log.debug("application font %s, %d px", FAMILY, pixel_size)
    return FAMILY


def _contents(path: str) -> QByteArray:
    """The bytes of the font file *path*, read once, straight into the QByteArray Qt keeps
    (empty when it cannot be read: the font is then reported missing)."""
    data = QByteArray()
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - the size and the bytes from one file
            data.resize(os.fstat(file.fileno()).st_size)
            with memoryview(data) as view:  # type: ignore[arg-type]  # (PySide's stubs)
                read = file.readinto(view)
    except OSError:
        return QByteArray()
    data.resize(read)
    return data


class HeldFaces(QObject):
    """An open FreeType face of every font the kiosk registers, held as long as the application
    (its parent) lives: the bundled families in both weights, and each font registered later
    (the icon subset, qtawesome's fonts) through :func:`hold`.

    Qt keeps one face per font file, shared by the engines of every size, weight and language.
    When the last engine of a face goes (the font cache dropping engines a language or mode
    switch left unused), Qt 6.11 (``QFreetypeFace::release``) empties its whole table of faces:
    the faces still in use are set aside and live on with their engines, and the next engine of
    every font opens and parses its file again (a few ms for a Chinese one), a new face beside
    the old ones. One unheld face was enough (the icon subset's): 530 faces opened in 300 cycles
    of page, large text and language changes, 14 of them alive at the end, 3.5 MB and growing
    (``benchmarks/RESULTS.md``). An engine held here keeps each face in use, so that no face is
    ever left to Qt's table alone; a font a visitor's screen uses and this does not hold (a
    system font Qt falls back to for a character the bundled fonts lack) would bring that back.
    """

    NAME = "kioskHeldFaces"

    def __init__(self, app: QApplication, pixel_size: int):
        super().__init__(app)
        self.setObjectName(self.NAME)
        self.pixel_size = pixel_size
        self.faces: list[QRawFont] = []
        for family in (FAMILY, LATIN_FAMILY):
            for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
                self.hold(family, weight)

    def hold(self, family: str, weight: QFont.Weight = QFont.Weight.Normal) -> None:
        """Hold an engine, and with it the face, of *family* in *weight*."""
        font = font_for("zh", self.pixel_size)
        font.setFamilies([family])
        font.setWeight(weight)
        self.faces.append(QRawFont.fromFont(font))

    def families(self) -> set[str]:
        """The families whose faces are held."""
        return {face.familyName() for face in self.faces}


def hold(family: str) -> bool:
    """Keep a face of *family*, a font registered after :func:`install`, open for good (see
    :class:`HeldFaces`); False when there is no application or it was not installed."""
    app = QCoreApplication.instance()
    held = app.findChild(HeldFaces, HeldFaces.NAME) if app is not None else None
    if held is None:
        return False
    if family not in held.families():
        held.hold(family)
    return True


def families_for(lang: str) -> list[str]:
    """The font families for text in *lang*: Chinese screens use the CJK font for everything;
    English screens use the Latin companion (proportional quotes and dashes) with the CJK font
    for the Chinese names shown beside their pinyin."""
    return [FAMILY] if lang == "zh" else [LATIN_FAMILY, FAMILY]


def font_for(lang: str, pixel_size: int = 24) -> QFont:
    """The application font for *lang*."""
    font = QFont()
    font.setFamilies(families_for(lang))
    font.setPixelSize(pixel_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def use_language(app: QApplication, lang: str) -> None:
    """Switch the application font to the one for *lang* (widgets follow unless set otherwise)."""
    current = app.font()
    if current.families() != families_for(lang):
        app.setFont(font_for(lang, current.pixelSize()))


def glyphs() -> frozenset[int]:
    """The code points the bundled regular font can draw (for content validation)."""
    from kiosk.content import font_glyphs

    return font_glyphs(resources.read_bytes(FONT_FILES[0]))
