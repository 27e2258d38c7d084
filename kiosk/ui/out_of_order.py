"""The calm "out of order" screen the supervisor shows after repeated crashes.

``kiosk --out-of-order`` runs a minimal application with nothing but this screen: no content, no
settings beyond the screen number, no page, no timer but the heartbeat, so that whatever made the
kiosk crash cannot make this crash too. It is painted from the design tokens, in both languages,
and says nothing technical: the details are in the log and the crash log.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QKeyEvent,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from kiosk.ui.strings import both, ui
from kiosk.ui.tokens import SIZE, SPACE, TYPE, Theme, scale_for, scaled

log = logging.getLogger("kiosk.out_of_order")

#: What the screen says: UI string keys, shown in Chinese then English.
TITLE = "out_of_order.title"
BODY = "out_of_order.body"


class OutOfOrder(QWidget):
    """A quiet full-window notice; in kiosk mode it cannot be closed or left by a visitor.

    Args:
        kiosk_mode: refuse close requests (the supervisor ends this screen by a signal).
        parent: the parent widget, if any.
        theme: the colours it paints in.
    """

    def __init__(self, kiosk_mode: bool = True, parent: QWidget | None = None, *, theme: Theme):
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("outOfOrder")
        self.title = (ui(TITLE, "zh"), ui(TITLE, "en"))
        self.body = (ui(BODY, "zh"), ui(BODY, "en"))
        self.setWindowTitle(both(TITLE, " · "))
        self.setAccessibleName(both(TITLE, " "))
        self.setAccessibleDescription(both(BODY, " "))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.kiosk_mode = kiosk_mode
        self._allow_close = not kiosk_mode

    def allow_close(self) -> None:
        """Let the window close (tests and windowed mode)."""
        self._allow_close = True

    # -- no way out ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._allow_close:
            event.accept()
        else:
            log.info("refused a close request")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        event.accept()  # nothing a visitor types does anything here

    # -- painting ------------------------------------------------------------------------------

    def _font(self, size: int, factor: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(scaled(size, factor))
        font.setBold(bold)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        w, h = self.width(), self.height()
        factor = scale_for(max(1, w), max(1, h))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        p = self.theme.palette
        gradient = QLinearGradient(0, 0, w * 0.4, h)
        gradient.setColorAt(0, QColor(p.background))
        gradient.setColorAt(1, QColor(p.background_deep))
        painter.fillRect(self.rect(), gradient)

        # A calm sign: a ring with a pause mark, in the muted accent.
        radius = scaled(SIZE.sign_ring, factor)
        cx, cy = w / 2, h * 0.30
        ring = QColor(p.accent)
        ring.setAlphaF(1.0 if self.theme.flat else 0.6)  # high contrast: the full accent
        painter.setPen(QPen(ring, scaled(SIZE.sign_ring_width, factor)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius))
        bar_w, bar_h, gap = radius * 0.18, radius * 0.8, radius * 0.22
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ring)
        for x in (cx - gap - bar_w, cx + gap):
            painter.drawRoundedRect(QRectF(x, cy - bar_h / 2, bar_w, bar_h), bar_w / 3, bar_w / 3)

        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        wrap = flags | int(Qt.TextFlag.TextWordWrap)
        margin = scaled(SPACE.xl, factor)
        width = w - 2 * margin
        y = cy + radius + scaled(SPACE.xl, factor)
        lines = (
            (self.title[0], TYPE.display, True, p.text),
            (self.title[1], TYPE.title, False, p.text_muted),
            (self.body[0], TYPE.lead, False, p.text),
            (self.body[1], TYPE.lead, False, p.text_muted),
        )
        for i, (text, size, bold, colour) in enumerate(lines):
            painter.setFont(self._font(size, factor, bold))
            painter.setPen(QColor(colour))
            rect = painter.boundingRect(QRectF(margin, y, width, h), wrap, text)
            painter.drawText(rect, wrap, text)
            y = rect.bottom() + scaled(SPACE.l if i == 1 else SPACE.s, factor)
        painter.end()
