"""One page built ahead of a visit: the one a visitor's finger is on, or the next they may page to.

A tap on a card, or on Previous or Next, opens its page only when the finger lifts, about a tenth
of a second after it touched; a visitor reading an item for a while may swipe to the next one.
Meanwhile the page can be built, hidden, a part at a time on turns of the event loop that have
nothing else to do (each at most :data:`SLICE_MS` long, none while the page host is busy), each
part polished (its style sheet rules resolved) and hidden as it comes. When the visitor goes
there, the host takes the page as built so far and unfolds it as it would a page built then,
without the building: the first moving frame of the transition comes that much sooner.

One page at a time: wanting another lets the first go, as does any change of what pages are
built for (language, mode, size, content: see :attr:`PageHost.context_key`), and the idle reset.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QScroller, QWidget

from kiosk.model.navigation import Route
from kiosk.ui.kept import discard
from kiosk.ui.pages.base import Page, ScrollPage
from kiosk.ui.timers import Slice, single_shot
from kiosk.ui.unfold import shows_with_parent

#: How long one turn may spend building ahead, in milliseconds (a part is never cut: a turn
#: does not begin one when one like the last would end past this).
SLICE_MS = 5.0
#: How long to wait, in milliseconds, when the page host is busy (a transition, the current
#: page's parts below the fold): its work comes first.
BUSY_WAIT_MS = 20


class Ahead(QObject):
    """Builds the page of one route ahead of a visit (see the module's docstring).

    Args:
        parent: the page host (the page's parent, and its size).
        factory: builds a route's page, its parts left to build (``Page.build_part``).
        typeset: given each widget a part adds, as the host does.
        context_key: what a page is built for; a page built for another is not taken.
        busy: whether the host has work of its own this turn.
        kept: whether the host keeps a page for a route already (none is built ahead for it).
    """

    #: The page wanted is whole (its route).
    ready = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        factory: Callable[[Route], Page],
        typeset: Callable[[QWidget], None],
        context_key: Callable[[], Hashable],
        busy: Callable[[], bool],
        kept: Callable[[Route], bool],
    ):
        super().__init__(parent)
        self._host = parent
        self._factory = factory
        self._typeset = typeset
        self._context_key = context_key
        self._busy = busy
        self._kept = kept
        #: The route wanted, and its page once the first idle turn has made it.
        self.route: Route | None = None
        self.page: Page | None = None
        self._key: Hashable = None  # what it is built for
        #: The parts built so far, each as the widgets it shows (hidden until the host shows it).
        self._parts: list[list[QWidget]] = []
        self._timer = single_shot(self, 0, self._slice)

    def want(self, route: Route) -> None:
        """Build *route*'s page ahead, from the next idle turn (any other page built ahead goes):
        the turn of a press does nothing more, its pressed look comes at once."""
        if self.route == route and self._key == self._context_key():
            return
        self.drop()
        if self._kept(route):
            return  # shown again without building
        self.route, self._key = route, self._context_key()
        self._timer.start(0)

    def take(self, route: Route) -> tuple[Page | None, list[list[QWidget]]]:
        """The page built ahead for *route* (whole or in part) and its parts built so far, hidden;
        (None, []) if there is none for it. Any page built ahead goes from here (to the caller,
        or deleted)."""
        page, parts = self.page, self._parts
        fits = page is not None and self.route == route and self._key == self._context_key()
        if not fits:
            self.drop()
            return None, []
        self._timer.stop()
        self.route, self.page, self._parts, self._key = None, None, [], None
        return page, parts

    def drop(self) -> None:
        """Let the page built ahead go (deleted), if any."""
        self._timer.stop()
        page, self.page, self._parts, self._key, self.route = self.page, None, [], None, None
        if page is not None:
            discard(page)

    def _slice(self) -> None:
        if self.route is None:
            return
        if self._busy() or _scrolling():
            self._timer.start(BUSY_WAIT_MS)
            return
        try:
            self._build_slice()
        except Exception:
            self.drop()  # a page that could not be built is not shown half-built
            raise

    def _build_slice(self) -> None:
        assert self.route is not None
        turn = Slice(SLICE_MS)
        page = self.page
        if page is None:
            page = self.page = self._factory(self.route)
            page.hide()  # until the host shows it
            page.setGeometry(self._host.rect())
            page.ensurePolished()  # what it holds before its parts
        while page.building and page is self.page:
            self._parts.append(self._build_part(page))
            if not turn.another():
                break  # another part like this one would end past the slice
        if page is not self.page:
            return  # taken (or let go) meanwhile
        if page.building:
            self._timer.start(0)
        else:
            self.ready.emit(str(page.route))

    def _build_part(self, page: Page) -> list[QWidget]:
        """Build the page's next part, typeset and polished: the widgets it shows, hidden (with
        any widget of an earlier part the builder shows now: a wall once it is whole)."""
        for widget in page.build_part():
            self._typeset(widget)
        # A scrolling page's upper part in low reach comes with the page: it is fitted to the
        # titles it holds as the page is shown (hidden, they would not count).
        holders = [page.inner] if isinstance(page, ScrollPage) else page.holders()
        shows = [
            child
            for holder in holders
            for child in holder.children()
            if isinstance(child, QWidget) and shows_with_parent(child)
        ]
        for widget in shows:
            widget.ensurePolished()
            widget.hide()
        return shows


def _scrolling() -> bool:
    """A finger (or its momentum) is scrolling a page: a drag that began on a card said where
    it leads at its press, but building that page now would take turns from the scroll's
    frames (it waits: a page built ahead is taken only by a tap)."""
    moving = (QScroller.State.Dragging, QScroller.State.Scrolling)
    return any(scroller.state() in moving for scroller in QScroller.activeScrollers())
