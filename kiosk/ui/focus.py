"""The keyboard focus ring: one painted ring around whatever control has the keyboard focus.

Pages are full of painted widgets (cards, figure tiles, the site plan's areas), so the ring is not
left to each widget's style: :class:`FocusRing` covers the window, lets every input through and
paints a ring in the theme's focus colour around the focused control, with a dark halo between
the two, so that the ring stands out against anything under it. It is shown only while the
visitor uses keys (a keypad, a switch); touch hides it again, as browsers do with :focus-visible.
It follows the control when it or anything around it moves (scrolling), and stays inside what
the control's scroll area shows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QFocusFrame, QWidget

from kiosk.ui.tokens import Theme, scaled

_FOLLOW = {
    QEvent.Type.Move,
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.Hide,
    QEvent.Type.ParentChange,
}


class FocusRing(QFocusFrame):
    """The ring, a child of *window* covering it (a focus frame: not in the accessibility tree).

    Args:
        window: the window (the ring covers it).
        theme: the window's theme now (the colour and widths of the ring).
        factor: the window's scale now.
        hidden: whether the ring is to stay hidden now (a page transition is running).
    """

    def __init__(
        self,
        window: QWidget,
        theme: Callable[[], Theme],
        factor: Callable[[], float],
        hidden: Callable[[], bool] = lambda: False,
    ):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._window = window
        self._theme = theme
        self._factor = factor
        self._hidden = hidden
        self.keyboard = False
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self._painted = QRect()
        self.hide()

    # -- what to follow ------------------------------------------------------------------------

    def follow(self, widget: QWidget | None) -> None:
        """Put the ring around *widget* (None: nowhere)."""
        for watched in self._watched:
            with contextlib.suppress(RuntimeError):  # deleted meanwhile
                watched.removeEventFilter(self)
        self._watched = []
        self.target = widget if widget is not None and widget.window() is self._window else None
        chain = self.target
        while chain is not None and chain is not self._window:
            chain.installEventFilter(self)
            self._watched.append(chain)
            chain = chain.parentWidget()
        self.refresh()

    def set_keyboard(self, on: bool) -> None:
        """Show the ring (the visitor uses keys) or hide it (the visitor touches)."""
        if on != self.keyboard:
            self.keyboard = on
            self.refresh()

    def refresh(self) -> None:
        """Repaint where the ring was and where it is now, on top of everything."""
        self.update(self._painted)
        self._painted = self.ring_rect()
        # Shown only while it has a ring to paint: else every repaint below would reach it.
        self.setVisible(not self._painted.isEmpty())
        if self.isVisible():
            self.setGeometry(self._window.rect())
            self.raise_()
            self.update(self._painted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _FOLLOW:
            self.refresh()
        return False

    # -- where -----------------------------------------------------------------------------------

    def _widths(self) -> tuple[int, int]:
        elevation = self._theme().elevation
        factor = self._factor()
        return max(3, scaled(elevation.focus_ring, factor)), scaled(elevation.focus_gap, factor)

    def ring_rect(self) -> QRect:
        """Where the ring is painted in the window (empty when it is not shown)."""
        target = self.target
        if target is None or not self.keyboard or self._hidden():
            return QRect()
        try:
            if not target.isVisible():
                return QRect()
            width, gap = self._widths()
            outset = width + gap
            top_left = target.mapTo(self._window, QPoint(0, 0))
            rect = QRect(top_left, target.size()).adjusted(-outset, -outset, outset, outset)
            parent = target.parentWidget()
            while parent is not None and parent is not self._window:
                # Only what a scroll area shows clips the ring (not a tight group around it).
                area = parent.parentWidget()
                if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
                    rect &= QRect(parent.mapTo(self._window, QPoint(0, 0)), parent.size())
                parent = area
            rect &= self._window.rect()
        except RuntimeError:  # the control was deleted
            self.target = None
            return QRect()
        return rect

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        clip = self.ring_rect()
        target = self.target
        if clip.isEmpty() or target is None:
            return
        width, gap = self._widths()
        palette = self._theme().palette
        outer = QRectF(QRect(target.mapTo(self._window, QPoint(0, 0)), target.size()))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(clip)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = float(scaled(self._theme().radii.m, self._factor()))
        halo = outer.adjusted(-gap / 2, -gap / 2, gap / 2, gap / 2)
        painter.setPen(QPen(QColor(palette.background_deep), gap))
        painter.drawRoundedRect(halo, radius, radius)
        ring = outer.adjusted(-gap - width / 2, -gap - width / 2, gap + width / 2, gap + width / 2)
        painter.setPen(QPen(QColor(palette.focus), width))
        painter.drawRoundedRect(ring, radius + gap, radius + gap)
        painter.end()
