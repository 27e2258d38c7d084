"""Low reach: a calm band that takes the top of the screen, so everything a visitor reads and
touches sits in the lower part, the band a seated person reaches (15–48 inches above the floor)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.tokens import PALETTE


class ReachBand(QWidget):
    """The empty upper part of the screen in low-reach mode: a quiet gradient, nothing to touch."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAccessibleName("")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0, QColor(PALETTE.background_deep))
        gradient.setColorAt(1, QColor(PALETTE.background))
        painter.fillRect(self.rect(), gradient)
        painter.setPen(QColor(PALETTE.outline))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()
