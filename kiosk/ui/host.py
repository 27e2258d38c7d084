"""The page host: shows the current route's page and animates the change between pages.

Transitions slide (or cross-fade) two grabbed pixmaps on an overlay that lets input through, so
the new page is live from the first frame: rapid taps act on what the navigation model says is
current, and a change during a transition simply finishes it and starts the next one. A page that
leaves the screen is deleted at once; going back builds it again and restores its scroll position.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QPointF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.core.navigation import Change, Route
from kiosk.ui.pages.base import Page

log = logging.getLogger("kiosk.ui")

#: How each kind of change moves: +1 the new page comes from the right, -1 from the left, 0 fades.
_MOTION = {
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


class PageHost(QWidget):
    """Shows one page at a time, built by *factory* for the navigation model's current route."""

    page_changed = Signal(str)

    def __init__(
        self,
        factory: Callable[[Route], Page],
        duration_ms: int = 280,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.factory = factory
        self.page: Page | None = None
        self._scroll: dict[tuple[int, Route], int] = {}
        self._depth = 0
        self.overlay = TransitionOverlay(self)
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(duration_ms)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self._step)
        self.animation.finished.connect(self._finish)

    @property
    def animating(self) -> bool:
        return self.animation.state() == QVariantAnimation.State.Running

    def show_route(self, change: Change) -> None:
        """Replace the page by the one for *change*, animated."""
        if self.animating:
            self.animation.stop()
            self._finish()
        old = self.page
        if old is not None:
            self._scroll[(self._depth, old.route)] = old.scroll_position()
        if change.direction in ("home", "reset"):
            self._scroll.clear()
        old_pixmap = old.grab() if old is not None and self.isVisible() else QPixmap()
        page = self.factory(change.route)
        self._install(page)
        self._depth = change.depth
        if change.direction == "back":
            page.set_scroll_position(self._scroll.pop((change.depth, change.route), 0))
        self._forget_deeper(change.depth)
        if old is not None:
            self._discard(old)
        motion = _MOTION.get(change.direction, 0)
        if old_pixmap.isNull() or self.animation.duration() <= 0:
            return
        self.overlay.old = old_pixmap
        self.overlay.new = page.grab()
        self.overlay.motion = motion
        self.overlay.progress = 0.0
        self.overlay.setGeometry(self.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.animation.start()

    def rebuild(self) -> None:
        """Build the current page again in place (language or size changed), keeping the scroll."""
        if self.page is None:
            return
        position = self.page.scroll_position()
        old = self.page
        page = self.factory(old.route)
        self._install(page)
        page.set_scroll_position(position)
        self._discard(old)

    @staticmethod
    def _discard(page: Page) -> None:
        page.dispose()
        page.hide()
        page.setParent(None)
        page.deleteLater()

    def _install(self, page: Page) -> None:
        page.setParent(self)
        page.setGeometry(self.rect())
        page.show()
        self.overlay.raise_()
        self.page = page
        self.page_changed.emit(str(page.route))

    def _forget_deeper(self, depth: int) -> None:
        for key in [k for k in self._scroll if k[0] > depth]:
            del self._scroll[key]

    def _step(self, value: float) -> None:
        self.overlay.progress = float(value)
        self.overlay.update()

    def _finish(self) -> None:
        self.overlay.hide()
        self.overlay.old = QPixmap()
        self.overlay.new = QPixmap()

    def finish_transition(self) -> None:
        """Jump to the end of a running transition."""
        if self.animating:
            self.animation.stop()
            self._finish()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        if self.page is not None:
            self.page.setGeometry(self.rect())
        self.overlay.setGeometry(self.rect())
        super().resizeEvent(event)
