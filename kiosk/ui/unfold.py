"""Long pages come on screen a screenful first: the rest unfolds over the next turns.

A page built in parts (its builder yields between them: see :meth:`Page.build_later`) is built
a part at a time, each turn of the event loop at most :data:`SLICE_MS` long, while the screen
still shows the page before it; once what is built fills the first screen (:attr:`filled`), the
transition goes on and the rest is built on later turns. A scrolling page's column built whole
is shown the same way: only what fills the first screen is shown (and so polished and laid out)
in the turn that installs it, the parts below the fold a few at a time on later turns, well
before a visitor could scroll to them (the transition alone lasts longer). Parts below the fold
do not move what is above them: the column is top-aligned, and a page that has overflowed its
screen keeps its scroll bar. A page whose column has a stretch between its parts (something
centred) is shown whole at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from kiosk.ui.pages.base import Page, ScrollPage
from kiosk.ui.timers import Slice, single_shot

#: How long one turn may spend building and showing parts, in milliseconds (a part is never
#: cut: a turn ends before a part that would end past it if it cost what the last one did).
SLICE_MS = 5.0


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


def shows_with_parent(widget: QWidget) -> bool:
    """*widget* is shown when its parent is (its builder did not hide it)."""
    hidden = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    return not (widget.isHidden() and widget.testAttribute(hidden))


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

    :attr:`filled` is emitted once a page fills its first screen (or is whole), :attr:`completed`
    (with the page's route) once it shows every part. While *busy* says so (the transition's
    pixmaps are being grabbed), the parts below the fold wait: the first frame of the transition
    comes first. *typeset* is given each widget a part adds before it is shown.
    """

    completed = Signal(str)
    filled = Signal()

    def __init__(
        self,
        parent: QObject,
        busy: Callable[[], bool] = lambda: False,
        typeset: Callable[[QWidget], None] = lambda widget: None,
    ):
        super().__init__(parent)
        self._busy = busy
        self._typeset = typeset
        self._page: Page | None = None
        self._rest: list[list[QWidget]] = []
        self._filling = False
        self._position = 0  # where to scroll the page once it is built that far
        self._timer = single_shot(self, 0, self._slice)

    @property
    def active(self) -> bool:
        """A page still has parts to show."""
        return self._page is not None

    @property
    def filling(self) -> bool:
        """The page is being built and does not fill its first screen yet."""
        return self._filling

    def fold(self, page: Page) -> None:
        """Hide every part of *page*'s column but the first (before it is shown), or take the
        page to build in parts: call :meth:`unfold` once it is shown."""
        self.finish()
        if page.building:
            self._page, self._rest = page, []
            return
        if not isinstance(page, ScrollPage):
            return
        parts = _parts(page.column)
        if parts is None or len(parts) < 2:
            return
        for part in parts[1:]:
            for widget in part:
                widget.setVisible(False)
        self._page, self._rest = page, parts[1:]

    def fold_built(self, page: Page, parts: list[list[QWidget]]) -> None:
        """Take *page*, built ahead (:mod:`kiosk.ui.ahead`) whole or in part, its *parts* built so
        far hidden, to show as :meth:`fold` does (call :meth:`unfold` once it is shown)."""
        self.finish()
        self._page, self._rest = page, list(parts)

    def unfold(self, page: Page, position: int = 0) -> None:
        """Show the parts of *page* that fill its first screen from the next turn on (building
        them a slice a turn), the rest on later turns. The turn that installed the page (a tap's)
        does no more: its pressed state reaches the screen at once. With a scroll *position* (a
        return to a page), the screen to fill is the one scrolled there; the page is scrolled
        there once it is built that far."""
        if page is not self._page:
            page.set_scroll_position(position)
            self.filled.emit()
            self.completed.emit(str(page.route))
            return
        self._filling, self._position = True, position
        self._timer.start()

    def build_whole(self, page: Page) -> None:
        """Build what is left of *page* now (a page that is not shown yet)."""
        while page.building:
            for widget in page.build_part():
                self._typeset(widget)

    def finish(self) -> None:
        """Show what is left of the page now (its scroll position is about to be set, or it is
        about to be looked at whole)."""
        self._timer.stop()
        page = self._page
        if page is None:
            return
        while (part := self._next(page)) is not None:
            self._show(part)
            page.part_shown(part)
        self._scroll_there(page)
        if self._filling:
            self._filling = False
            self.filled.emit()
        if page is self._page:
            self._done()

    def later(self) -> None:
        """Let the next slice wait for another turn of the event loop, if one is due: this turn
        has done other work (Qt runs every timer due when a turn begins, so a slice due then
        would follow that work at once and hold the main thread twice as long)."""
        if self._timer.isActive():
            self._timer.start()

    def forget(self, page: Page) -> None:
        """*page* is going: nothing more to show on it."""
        if page is self._page:
            self._timer.stop()
            self._page, self._rest, self._filling, self._position = None, [], False, 0

    def _next(self, page: Page) -> list[QWidget] | None:
        """The next part to show (built now if need be), None when there is none."""
        if self._rest:
            return self._rest.pop(0)
        if not page.building:
            return None
        widgets = page.build_part()
        for widget in widgets:
            self._typeset(widget)
        return [w for w in widgets if shows_with_parent(w)]

    def _fill(self) -> None:
        """Show the parts of the first screen, building them, for at most a slice; once it is
        filled (or the page is whole), say so, and go on below the fold on later turns."""
        page = self._page
        if page is None:
            return
        area = page.scroll_area if isinstance(page, ScrollPage) else None
        turn = Slice(SLICE_MS, time.perf_counter)  # this module's clock: a test sets its own
        full = area is not None and self._overflows(area.viewport())
        while not full:
            part = self._next(page)
            if part is None:
                break
            self._show(part)
            page.part_shown(part)
            full = area is not None and self._overflows(area.viewport())
            if not turn.another():
                break  # another part like this one would end past the slice
        more = bool(self._rest) or page.building
        if full or not more:
            if self._position:
                self._scroll_there(page)
            self._filling = False
            self.filled.emit()
            if page is not self._page:
                return  # the host moved on
        if more:
            self._timer.start()
        else:
            self._done()

    def _overflows(self, viewport: QWidget) -> bool:
        page = self._page
        if not isinstance(page, ScrollPage):
            return True
        outer = page.layout()
        if outer is not None:  # the scroll area at its size in the page now, not at its next
            outer.activate()  # layout request: a widget never laid out is 100 pixels wide
        width = viewport.width() if viewport.width() > 0 else page.width()
        layout = page.column
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
        if height <= 0:
            height = layout.totalSizeHint().height()
        return height > max(viewport.height(), page.height()) + self._position

    def _scroll_there(self, page: Page) -> None:
        """Lay out what is shown of the column now (the scroll range must be right at once) and
        scroll to the position asked for, if any."""
        if isinstance(page, ScrollPage):
            page.column.activate()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if self._position:
            page.set_scroll_position(self._position)
            self._position = 0

    def _slice(self) -> None:
        page = self._page
        if page is None:
            return
        if self._filling:
            self._fill()
            return
        if self._busy():
            self._timer.start()  # after the grab's turn
            return
        turn = Slice(SLICE_MS, time.perf_counter)
        while True:
            part = self._next(page)
            if part is None:
                break
            self._show(part)
            page.part_shown(part)
            if not turn.another():
                break  # another part like this one would end past the slice
        if self._rest or page.building:
            self._timer.start()
        else:
            self._done()

    @staticmethod
    def _show(part: list[QWidget]) -> None:
        for widget in part:
            widget.setVisible(True)

    def _done(self) -> None:
        page, self._page, self._rest, self._position = self._page, None, [], 0
        if page is not None:
            self.completed.emit(str(page.route))
