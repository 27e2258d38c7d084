"""Long pages come on screen a screenful first: the rest unfolds over the next turns.

A scrolling page's column is built whole, but only what fills the first screen is shown (and so
polished and laid out) in the turn that installs it; the parts below the fold are shown a few at
a time on later turns of the event loop, each turn at most :data:`SLICE_MS` long, well before a
visitor could scroll to them (the transition alone lasts longer). Parts below the fold do not
move what is above them: the column is top-aligned, and a page that has overflowed its screen
keeps its scroll bar. A page whose column has a stretch between its parts (something centred) is
shown whole at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from kiosk.ui.pages.base import Page, ScrollPage
from kiosk.ui.timers import single_shot

#: How long one turn may spend showing parts below the fold, in milliseconds.
SLICE_MS = 8.0


def _widgets(item: QLayoutItem) -> list[QWidget]:
    """The widgets an item of the column holds (a widget, or the widgets of a nested layout)."""
    widget = item.widget()
    if widget is not None:
        return [widget]
    layout = item.layout()
    if layout is None:
        return []
    found: list[QWidget] = []
    for i in range(layout.count()):
        child = layout.itemAt(i)
        if child is not None:
            found.extend(_widgets(child))
    return found


def _parts(column: QLayout) -> list[list[QWidget]] | None:
    """The column's parts in order, each as the widgets it shows; None when it cannot unfold
    (a stretch or spacing between its parts)."""
    items = [column.itemAt(i) for i in range(column.count())]
    parts: list[list[QWidget]] = []
    for index, item in enumerate(items):
        if item is None:
            continue
        if item.spacerItem() is not None:
            stretch = bool(item.expandingDirections() & Qt.Orientation.Vertical)
            if stretch and index != len(items) - 1:
                return None
            continue
        parts.append([w for w in _widgets(item) if not w.isHidden()])
    return parts


class Unfolder(QObject):
    """Unfolds the host's new pages (see the module's docstring); one page at a time.

    :attr:`completed` is emitted (with the page's route) once a page shows every part. While
    *busy* says so (the transition's pixmaps are being grabbed), the parts below the fold wait:
    the first frame of the transition comes first.
    """

    completed = Signal(str)

    def __init__(self, parent: QObject, busy: Callable[[], bool] = lambda: False):
        super().__init__(parent)
        self._busy = busy
        self._page: ScrollPage | None = None
        self._rest: list[list[QWidget]] = []
        self._timer = single_shot(self, 0, self._slice)

    @property
    def active(self) -> bool:
        """A page still has parts to show."""
        return self._page is not None

    def fold(self, page: Page) -> None:
        """Hide every part of *page*'s column but the first (before it is shown): call
        :meth:`unfold` once it is shown."""
        self.finish()
        if not isinstance(page, ScrollPage):
            return
        parts = _parts(page.column)
        if parts is None or len(parts) < 2:
            return
        for part in parts[1:]:
            for widget in part:
                widget.setVisible(False)
        self._page, self._rest = page, parts[1:]

    def unfold(self, page: Page) -> None:
        """Show the parts of *page* that fill its first screen now, the rest on later turns."""
        if page is not self._page:
            self.completed.emit(str(page.route))
            return
        area = page.scroll_area if isinstance(page, ScrollPage) else None
        while self._rest and area is not None and not self._overflows(area.viewport()):
            self._show(self._rest.pop(0))
        if self._rest:
            self._timer.start()
        else:
            self._done()

    def finish(self) -> None:
        """Show what is left of the page now (its scroll position is about to be set, or it is
        about to be looked at whole)."""
        self._timer.stop()
        page = self._page
        if page is None:
            return
        while self._rest:
            self._show(self._rest.pop(0))
        # Lay the whole column out now: the scroll range must be right at once.
        page.column.activate()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._done()

    def forget(self, page: Page) -> None:
        """*page* is going: nothing more to show on it."""
        if page is self._page:
            self._timer.stop()
            self._page, self._rest = None, []

    def _overflows(self, viewport: QWidget) -> bool:
        page = self._page
        if page is None:
            return True
        width = viewport.width() if viewport.width() > 0 else page.width()
        layout = page.column
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
        if height <= 0:
            height = layout.totalSizeHint().height()
        return height > max(viewport.height(), page.height())

    def _slice(self) -> None:
        if self._busy():
            self._timer.start()  # after the grab's turn
            return
        began = time.perf_counter()
        while self._rest and (time.perf_counter() - began) * 1000 < SLICE_MS:
            self._show(self._rest.pop(0))
        if self._rest:
            self._timer.start()
        else:
            self._done()

    @staticmethod
    def _show(part: list[QWidget]) -> None:
        for widget in part:
            widget.setVisible(True)

    def _done(self) -> None:
        page, self._page, self._rest = self._page, None, []
        if page is not None:
            self.completed.emit(str(page.route))
