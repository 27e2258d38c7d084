"""QR codes made offline (segno) and drawn crisply, and a badge that shows one with a caption."""

from __future__ import annotations

import functools
import importlib
import importlib.util
import sys
from types import ModuleType

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.tokens import RADII, SPACE, TYPE, Theme, scaled

#: Error correction level (about 15 % of the code may be damaged or covered).
ERROR = "m"
#: The light margin around the code, in modules (the standard asks for 4).
QUIET_ZONE = 4
#: The code's side in design pixels.
CODE_SIZE = 200


def warm_up() -> None:
    """Import the encoder now (see :func:`qr_modules`)."""
    _segno_encoder()


def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code for *url* as rows of modules (True = dark), quiet zone included: what
    ``segno.make(url, error=ERROR, micro=False, boost_error=False).matrix_iter(scale=1,
    border=QUIET_ZONE)`` gives, from segno's encoder alone (see :func:`_segno_encoder`)."""
    encoder, utils = _segno_encoder()
    code = encoder.encode(url, error=ERROR, micro=False, boost_error=False)
    size = (len(code.matrix[0]), len(code.matrix))
    rows = utils.matrix_iter(code.matrix, size, scale=1, border=QUIET_ZONE)
    return tuple(tuple(bool(m) for m in row) for row in rows)


@functools.cache
def _segno_encoder() -> tuple[ModuleType, ModuleType]:
    """segno's ``encoder`` and ``utils`` modules, without the rest of the package.

    ``import segno`` also imports its writers (SVG, PNG, EPS …), and with them ``xml.sax``,
    ``urllib.request``, ``http.client``, ``email`` and ``ssl`` (OpenSSL): about 9 MB of memory
    for nothing the kiosk draws. The two modules are imported under a bare stand-in for the
    package, which is taken out again: a later ``import segno`` runs the package as usual and
    finds these two already loaded. Pure Python, about 20 ms: only when a first QR code is drawn.
    """
    if "segno" in sys.modules:  # already imported whole (a tool, a test)
        package = sys.modules["segno"]
        return package.encoder, package.utils
    spec = importlib.util.find_spec("segno")
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError("segno is not installed")
    stand_in = ModuleType("segno")
    stand_in.__path__ = list(spec.submodule_search_locations)
    sys.modules["segno"] = stand_in
    try:
        encoder = importlib.import_module("segno.encoder")
        utils = importlib.import_module("segno.utils")
    finally:
        del sys.modules["segno"]
    return encoder, utils


@functools.lru_cache(maxsize=32)
def qr_pixmap(url: str, size_px: int, dark: str, light: str) -> QPixmap:
    """A *size_px* square QR code for *url*: *dark* modules on *light*, quiet zone included.

    Every module is a whole number of pixels (drawn with fillRect, no smoothing); the pixels the
    modules cannot fill evenly are shared out as extra light margin, so the code stays centred.
    When *size_px* is smaller than one pixel per module, the pixmap is as large as needed.
    """
    rows = qr_modules(url)
    count = len(rows)
    module = max(1, size_px // count)
    side = max(size_px, count * module)
    offset = (side - count * module) // 2
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(light))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    ink = QColor(dark)
    for r, row in enumerate(rows):
        c = 0
        while c < count:  # one fillRect per run of dark modules
            if not row[c]:
                c += 1
                continue
            start = c
            while c < count and row[c]:
                c += 1
            painter.fillRect(
                QRect(offset + start * module, offset + r * module, (c - start) * module, module),
                ink,
            )
    painter.end()
    return pixmap


class QrBadge(QWidget):
    """A QR code on a light square with one line of text below it. Not tappable.

    Args:
        url: what the code holds.
        caption: the line below, in the visitor's language ("扫码阅读全文" / "Scan to read more").
        factor: the design scale factor (the code is 200 design pixels square).
        theme: the colours of the code and the caption.
    """

    def __init__(
        self, url: str, caption: str, factor: float, parent: QWidget | None = None, *, theme: Theme
    ):
        super().__init__(parent)
        self.theme = theme
        self.url = url
        self.caption = caption
        self.factor = factor
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(caption)
        self.setAccessibleDescription(url)
        self.code_size = scaled(CODE_SIZE, factor)
        self.pixmap = qr_pixmap(url, self.code_size, theme.palette.qr_dark, theme.palette.qr_light)
        self._font = QFont(QApplication.font())
        self._font.setPixelSize(scaled(TYPE.caption, factor))
        self._font.setBold(True)
        metrics = QFontMetrics(self._font)
        self._gap = scaled(SPACE.s, factor)
        self._text_width = metrics.horizontalAdvance(caption)
        self._text_height = metrics.height()
        width = max(self.pixmap.width(), self._text_width)
        self.setFixedSize(width, self.pixmap.height() + self._gap + self._text_height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.size()

    def code_rect(self) -> QRect:
        """Where the code is drawn, in this widget's coordinates."""
        side = self.pixmap.width()
        return QRect((self.width() - side) // 2, 0, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        code = self.code_rect()
        radius = scaled(RADII.s, self.factor)  # inside the quiet zone: no module is clipped
        path = QPainterPath()
        path.addRoundedRect(QRectF(code), radius, radius)
        painter.setClipPath(path)
        painter.drawPixmap(code.topLeft(), self.pixmap)  # 1:1, so modules stay crisp
        painter.setClipping(False)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font)
        painter.setPen(QColor(self.theme.palette.text_muted))
        ascent = QFontMetrics(self._font).ascent()
        x = (self.width() - self._text_width) / 2
        painter.drawText(QPointF(x, code.bottom() + 1 + self._gap + ascent), self.caption)
        painter.end()
