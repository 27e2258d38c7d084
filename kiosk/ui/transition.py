"""What a page change shows while it runs: the old and new pages' pixmaps, sliding or fading."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

#: How each kind of change moves: +1 the new page comes from the right, -1 from the left, 0 fades.
MOTION = {
    "forward": 1,
    "sibling-next": 1,
    "back": -1,
    "sibling-previous": -1,
    "home": 0,
    "reset": 0,
}


class TransitionOverlay(QWidget):
    """Paints the old and new page pixmaps while they slide or cross-fade; input goes through."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.old = QPixmap()
        self.new = QPixmap()
        self.motion = 0
        self.progress = 0.0
        self.hide()

    def hold(self, picture: QPixmap) -> None:
        """Cover the page host with *picture* (what the screen shows) until the new page's
        pixmap comes."""
        self.old, self.new, self.progress = picture, QPixmap(), 0.0
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        w = self.width()
        p = self.progress
        if self.motion == 0:
            painter.drawPixmap(0, 0, self.old)
            painter.setOpacity(p)
            painter.drawPixmap(0, 0, self.new)
        else:
            shift = round(w * p) * self.motion
            painter.drawPixmap(QPointF(-shift, 0), self.old)
            painter.drawPixmap(QPointF(self.motion * w - shift, 0), self.new)
        painter.end()
