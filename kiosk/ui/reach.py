"""Low reach: a calm band that takes the top of the screen, so everything a visitor reads and
touches sits in the lower part, the band a seated person reaches (15–48 inches above the floor)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.tokens import Theme

#: Screens that lay themselves out for low reach (Home keeps its reading matter above and its
#: tiles in the lower part), and the attract loop, which nobody acts on but by a touch anywhere.
OWN_REACH = frozenset({"attract", "home"})


class ReachBand(QWidget):
    """The empty upper part of the screen in low-reach mode: a quiet gradient, nothing to touch."""

    def __init__(self, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAccessibleName("")

    def follow(self, low_reach: bool, page: str) -> None:
        """Show the band in low-reach mode, but over screens that arrange themselves for it."""
        self.setVisible(low_reach and page not in OWN_REACH)

    def set_theme(self, theme: Theme) -> None:
        """Paint in *theme* from now on (the accessibility modes changed)."""
        self.theme = theme
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = self.theme.palette
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0, QColor(p.background_deep))
        gradient.setColorAt(1, QColor(p.background))
        painter.fillRect(self.rect(), gradient)
        painter.setPen(QColor(p.outline))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()
