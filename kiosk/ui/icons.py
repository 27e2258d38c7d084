"""Icons: qtawesome's Material Design Icons, the ones the kiosk names drawn from a bundled subset.

qtawesome costs about 150 ms and 25 MB to import and another 19 MB for its twelve fonts at the
first icon, for the forty-odd icons the kiosk draws. ``tools/subset_icons.py`` cuts qtawesome's
``mdi6`` font down to the names the code and the bundled content use (``:/icons``, 8 kB); this
module draws those glyphs the way qtawesome does (centred, 7/8 of the height). A name that is not
in the subset, such as an icon an editor chose in the content, still comes from qtawesome, which
is imported only then.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPixmap,
)

from kiosk.adapters import fonts

log = logging.getLogger("kiosk.ui")

FALLBACK = "mdi6.star-four-points-outline"
FONT = ":/icons/mdi6-kiosk.ttf"
MAP = ":/icons/mdi6-kiosk.json"
#: The glyph's share of the icon's height (qtawesome's default scale factor).
SCALE = 0.875


class _Bundled:
    """The subset font's family and its ``{name: codepoint}`` map, loaded once."""

    family: str | None = None
    codes: dict[str, int] | None = None

    @classmethod
    def load(cls) -> dict[str, int]:
        if cls.codes is None:
            from PySide6.QtCore import QFile, QIODevice  # not before the first frame

            cls.codes = {}
            file = QFile(MAP)
            if file.open(QIODevice.OpenModeFlag.ReadOnly):
                cls.codes = json.loads(bytes(file.readAll().data()).decode("utf-8"))
                file.close()
            font_id = QFontDatabase.addApplicationFont(FONT)
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families or not cls.codes:
                log.error("the bundled icon font is missing; icons come from qtawesome")
                cls.codes = {}
            else:
                cls.family = families[0]
                fonts.hold(cls.family)  # see fonts.HeldFaces: one face left unheld costs MBs
        return cls.codes


class GlyphIconEngine(QIconEngine):
    """Draws one glyph of the bundled icon font in one colour, at any size."""

    def __init__(self, family: str, code: int, color: str):
        super().__init__()
        self.family = family
        self.code = code
        self.color = color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        font = QFont(self.family)
        font.setPixelSize(max(1, round(rect.height() * SCALE)))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(font)
        colour = QColor(self.color)
        if mode == QIcon.Mode.Disabled:
            colour.setAlphaF(colour.alphaF() * 0.4)
        painter.setPen(colour)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), chr(self.code))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        twin = GlyphIconEngine(self.family, self.code, self.color)
        _clones.append(twin)  # kept alive with its icon (see _icons)
        return twin


#: Every bundled icon made, with its engine, for the life of the process. A QIcon owns its
#: engine, but PySide does not keep a Python engine alive for it: when the Python object went,
#: Qt called into a freed object at the next paint (a segfault seen in tests/test_monkey.py).
#: Holding both here keeps them alive; there are a few dozen names and colours.
_icons: dict[tuple[str, str], tuple[QIcon, GlyphIconEngine]] = {}
_clones: list[GlyphIconEngine] = []


def bundled(name: str) -> bool:
    """Whether *name* is drawn from the bundled subset (no qtawesome needed)."""
    return name in _Bundled.load()


def icon(name: str, color: str) -> QIcon:
    """The icon *name* (``"mdi6.atom"``) in *color*; a neutral one when the name is unknown."""
    known = _icons.get((name, color))
    if known is not None:
        return QIcon(known[0])
    codes = _Bundled.load()
    code = codes.get(name)
    if code is not None and _Bundled.family is not None:
        engine = GlyphIconEngine(_Bundled.family, code, color)
        made = QIcon(engine)
        _icons[(name, color)] = (made, engine)
        return QIcon(made)
    return _from_qtawesome(name, color)


def _from_qtawesome(name: str, color: str) -> QIcon:
    import qtawesome as qta

    log.info("icon %s is not in the bundled set: loading qtawesome", name)
    try:
        found: QIcon = qta.icon(name, color=color)
    except Exception:
        return icon(FALLBACK, color) if FALLBACK in _Bundled.load() else qta.icon(FALLBACK)
    fonts.hold(qta.font(name.partition(".")[0], 24).family())  # the font qtawesome registered
    return found


def warm_up() -> None:
    """Load the bundled icon font now (call it once the first frame is on screen)."""
    if QGuiApplication.instance() is not None:
        _Bundled.load()
