"""The page host: shows the current route's page and animates the change between pages.

Transitions slide (or cross-fade) pictures of two pages on an overlay that lets input through:
the new page is live from the first frame, rapid taps act on what the navigation model says is
current, and a change during a transition finishes it and starts the next one. A page that leaves
the screen is deleted, unless the shell keeps it for a return visit (Home and the overviews):
those are hidden and shown again while nothing they were built for has changed. Going back to a
page restores its scroll position.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QObject,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.model.navigation import Change, Route
from kiosk.ui.ahead import Ahead
from kiosk.ui.buffers import KEEP
from kiosk.ui.kept import KeptPages, discard
from kiosk.ui.pages.base import Page
from kiosk.ui.restyle import Restyler
from kiosk.ui.timers import single_shot
from kiosk.ui.transition import MOTION, TransitionOverlay
from kiosk.ui.unfold import Unfolder

#: One frame at 60 Hz, in milliseconds: where a transition's animation starts.
FRAME_MS = 16


class PageHost(QWidget):
    """Shows one page at a time, built by *factory* for the navigation model's current route.

    Args:
        factory: builds the page of a route.
        duration_ms: how long a transition takes.
        parent: the window.
        keep: which pages are kept (hidden) when left, to be shown again without building them.
        context_key: what a kept page was built for (language, size, content …): it is reused
            only while this is unchanged.
        typeset: given each widget a page built in parts adds, before it is shown.
    """

    page_changed = Signal(str)
    #: Emitted when the current page shows every part (long pages unfold over a few turns of
    #: the event loop after the first screenful: see :mod:`kiosk.ui.unfold`); the route.
    page_completed = Signal(str)
    #: Emitted once, just after the first page's first paint has reached the screen.
    first_painted = Signal()

    def __init__(
        self,
        factory: Callable[[Route], Page],
        duration_ms: int = 280,
        parent: QWidget | None = None,
        keep: Callable[[Route], bool] = lambda route: False,
        context_key: Callable[[], Hashable] = lambda: None,
        typeset: Callable[[QWidget], None] = lambda widget: None,
    ):
        super().__init__(parent)
        self.factory = factory
        self._kept = KeptPages(keep, context_key)
        self.page: Page | None = None
        self.painted = False
        self._scroll: dict[tuple[int, Route], int] = {}
        self._depth = 0
        self.overlay = TransitionOverlay(self)
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setDuration(duration_ms)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self.overlay.advance)
        self.animation.finished.connect(self._finish)
        self._pending = single_shot(self, 0, self._start_animation)
        #: The page being left: pictured on the overlay, it keeps the focus till the new one's.
        self._leaving: Page | None = None
        # The parts below the fold wait while the overlay's picture of the page is painted.
        waits = lambda: self._pending.isActive() or self.overlay.painting  # noqa: E731
        self._unfold = Unfolder(self, waits, typeset)
        self._unfold.completed.connect(self.page_completed)
        self._unfold.filled.connect(self._filled)
        #: The page a visitor is about to open, built ahead (see :mod:`kiosk.ui.ahead`).
        busy = lambda: self.animating  # noqa: E731 - read at each turn
        self.ahead = Ahead(self, factory, typeset, context_key, busy, self._kept.has)
        #: What the change in progress does once the new page fills its first screen: slide on
        #: from the overlay's picture of the page left ("pending"), or "settle" (no transition:
        #: the picture, if any, goes); None when no new page is being built.
        self._then: str | None = None
        self._depth_left = 0  # the depth of the page being left (see _abandon)
        #: A change of language or mode (:meth:`restyle`): the screen pictured; what to rebuild.
        self._restyler = Restyler(self)
        self._restyler.ready.connect(self._build_again)
        self._frozen = False
        self._again: tuple[Route, int, int] | None = None

    @property
    def kept_routes(self) -> list[Route]:
        """The routes whose pages are kept (hidden) for a return visit."""
        return self._kept.routes

    @property
    def animating(self) -> bool:
        """A transition is on screen (or about to start: the pages are being grabbed)."""
        return (
            self._then is not None
            or self._frozen
            or self._restyler.active
            or self._unfold.active
            or self._pending.isActive()
            or self.animation.state() == QVariantAnimation.State.Running
        )

    def show_route(self, change: Change, motion: int | None = None) -> None:
        """Replace the page by the one for *change*, animated.

        The work of a page change is split over short turns of the event loop, so none of them holds
        the main thread long. This one pictures the page left (copied from the window's backing
        store where it can be: :func:`on_screen`) and installs the new page, the live one from here
        on, with its updates off (beneath the overlay, if it covers the screen already): the screen
        shows the page left still. The next turns build its parts, a slice of time a turn, until
        they fill its first screen (:meth:`_filled`: the overlay covers the screen with the picture
        as the page left goes, one paint for both); the next few paint for it what the first frame
        shows of the new page and start the animation. The rest of the page is built once that
        picture is whole. *motion*: the overlay's (1 slides on, -1 back, 0 cross-fades; by default
        from the direction).
        """
        if self._restyler.flush():
            self._again = None  # a change of language or mode is applied: this page is built
        if self._then is not None:
            self._abandon()  # the page being built was not on screen yet
        if self._leaving is not None:
            self._settle_leaving()  # the overlay shows it: it can go
        pending = self._pending.isActive() or self._frozen
        self._frozen = False
        # A transition on screen: its frame is what the screen shows (the page beneath has not
        # been painted since it began: picturing the page would paint all of it, 15-35 ms).
        moving = self.overlay.isVisible() and self.isVisible() and not pending
        shown = self.overlay.frame() if moving else None
        if pending:
            self._pending.stop()  # the screen still shows the page before: slide on from there
        elif self.animating:
            self.animation.stop()
            self._finish()
        old = self.page
        if old is not None:
            self._scroll[(self._depth, old.route)] = old.scroll_position()
            self._let_go(old)
        if change.direction in ("home", "reset"):
            self._scroll.clear()
        # The attract loop's screen-sized pixmaps are its own: none kept from the idle reset on.
        self.overlay.buffers.limit(0 if change.direction == "reset" else KEEP)
        visible = old is not None and self.isVisible()
        slide = self.animation.duration() > 0 and (pending or visible)
        page, stale = self._kept.take(change.route)
        if stale is not None:
            discard(stale)  # built for another language, size or content
        built, parts = self.ahead.take(change.route)  # any other page built ahead goes
        if page is None and built is not None:
            page = built
            self._unfold.fold_built(page, parts)
        elif built is not None:  # (none is built for a kept page: never both)
            discard(built)
        if page is None:
            page = self.factory(change.route)
            self._unfold.fold(page)
        if visible and not pending and old is not None:  # the screen as it shows the page left
            picture = shown if shown is not None else self.overlay.on_screen(old)
            self.overlay.hold(picture, cover=shown is not None or not slide)
        leaving = old if visible and not pending else None
        if leaving is not None:  # taps go through it to the new page, the live one
            leaving.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        if slide:  # nothing of it need be painted yet
            page.setUpdatesEnabled(False)
        self._install(page, under=leaving if self.overlay.isVisible() else None)
        self._depth_left, self._depth = self._depth, change.depth
        position = 0
        if change.direction == "back":
            position = self._scroll.pop((change.depth, change.route), 0)
        for key in [k for k in self._scroll if k[0] > change.depth]:
            del self._scroll[key]  # the pages deeper than this one are gone
        self.overlay.motion = MOTION.get(change.direction, 0) if motion is None else motion
        if old is not None and leaving is None:
            self._leave(old)  # the overlay shows the page before, or nothing shows it
        self._leaving = leaving  # pictured, it keeps the focus till the new page is announced
        self._then = "pending" if slide else "settle"
        self._unfold.unfold(page, position)  # scrolled where the visitor was, once built so far

    def _filled(self) -> None:
        """The new page fills its first screen: it is announced, and the change goes on."""
        then, self._then = self._then, None
        if then is None or self.page is None:
            return
        self.page_changed.emit(str(self.page.route))
        if then == "pending":
            self.overlay.cover()  # as the page left goes (one paint for both)
        self._settle_leaving()  # the new page is announced (and has the focus, if it was there)
        if then == "pending":
            self._pending.start()  # the overlay shows the page before
        else:
            self._finish()

    def _abandon(self) -> None:
        """A change came before the new page was seen: it goes, the change starts from the last."""
        page, then, self._then = self.page, self._then, None
        if then == "pending":
            self.overlay.cover()  # the page before goes beneath its picture: slide on from there
        if page is not None:
            self._unfold.forget(page)
            discard(page)
        self.page, self._leaving = self._leaving, None
        if self.page is not None:
            self.page.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self._depth = self._depth_left
        if then == "pending":
            self._pending.start()

    def _settle_leaving(self) -> None:
        """Let the page being left go (the overlay shows its picture, or nothing does)."""
        old, self._leaving = self._leaving, None
        if old is not None:
            self._leave(old)

    def _start_animation(self) -> None:
        """Start the animation once the overlay has painted what its first frame shows of the
        new page (over a few short turns: see :meth:`TransitionOverlay.prepare`)."""
        if self.page is None:
            self._finish()
            return
        self.page.setUpdatesEnabled(True)  # beneath the overlay: nothing of it is painted
        # Its first frame is one frame in (at 0 it would show just what the overlay shows
        # already), painted now: the parts of the page still to build wait for the next turn.
        first = self.animation.easingCurve().valueForProgress(FRAME_MS / self.animation.duration())
        if self.overlay.prepare(self.page, first):
            self.animation.start()
            self.animation.setCurrentTime(FRAME_MS)
            self.overlay.repaint()
            self._unfold.later()  # this turn has done its share
        else:
            self._pending.start()  # the next strip (band) on the next turn

    def restyle(self, *steps: Callable[[], None]) -> None:
        """Apply a change of language or mode (its *steps*, one a turn: fonts, style sheet, bar)
        and build the page again (kept pages go), the screen showing a picture of itself
        meanwhile (:mod:`kiosk.ui.restyle`); all at once when nothing is on screen."""
        if self._restyler.active:
            self._restyler.begin([], *steps)  # joins the change under way
            return
        page = self._leaving or self.page
        if page is None or not self.isVisible() or self.animation.duration() == 0:
            for step in steps:
                step()
            self.rebuild()
            return
        # What the screen shows: the overlay's frame, or the page (copied where it can be).
        covered = self.overlay.isVisible()
        picture = self.overlay.frame() if covered else self.overlay.on_screen(page)
        self._pending.stop()
        self.animation.stop()
        current = self.page
        if current is not None:
            self._unfold.forget(current)
            self._again = (current.route, self._depth, current.scroll_position())
        self.ahead.drop()
        going = self._kept.take_all() + [p for p in (self._leaving, current) if p is not None]
        self.page = self._leaving = self._then = None
        self.overlay.hold(picture)
        self._frozen = True
        self._restyler.begin(going, *steps)

    def _build_again(self) -> None:
        """The change is applied: the page is built again beneath the picture, which then
        cross-fades to it (at its scroll position, built whole if it had scrolled)."""
        again, self._again = self._again, None
        if again is None:
            return
        route, depth, position = again
        self.show_route(Change(route, "forward", depth), motion=0)
        if position and self.page is not None:
            self._unfold.finish()
            self.page.set_scroll_position(position)

    def rebuild(self) -> None:
        """Build the current page again in place (language or size changed), keeping the scroll
        (kept pages go too: they were built for what has just changed)."""
        if self._then is not None or self._restyler.active or self._frozen:
            self.finish_transition()
        self._settle_leaving()
        self.drop_kept()
        if self.page is None:
            return
        position = self.page.scroll_position()
        old = self.page
        self._unfold.forget(old)
        page = self.factory(old.route)
        self._unfold.build_whole(page)
        self._unfold.fold(page)
        self._install(page)
        discard(old)
        self.page_changed.emit(str(page.route))
        self._unfold.unfold(page)
        if position:
            self._unfold.finish()
        page.set_scroll_position(position)

    def prepare(self, route: Route) -> None:
        """Build the page for *route* now and keep it hidden, so that going there builds nothing
        (the Home page while the attract loop runs: the first touch opens it at once)."""
        if route in self._kept or (self.page is not None and self.page.route == route):
            return
        page = self.factory(route)
        self._unfold.build_whole(page)
        page.setGeometry(self.rect())
        self._kept.add(page)

    def drop_kept(self) -> None:
        """Delete the pages kept for a return visit, the page being left, one built ahead."""
        self.ahead.drop()
        if self._then is not None:
            self._unfold.finish()  # the new page is built first (and announced): the old one goes
        self._settle_leaving()
        for page in self._kept.take_all():
            discard(page)

    def _let_go(self, page: Page) -> None:
        """*page* is being left: a kept one is completed first (it comes back whole), any other
        one shows nothing more."""
        if self._unfold.active:
            if self._kept.keep(page.route) and not page.building:
                self._unfold.finish()
            else:
                self._unfold.forget(page)

    def _leave(self, page: Page) -> None:
        if self._kept.wants(page):
            self._kept.add(page)
        else:
            discard(page)

    def _install(self, page: Page, under: Page | None = None) -> None:
        """Show *page* as the current one, beneath the overlay (and beneath *under*, the page
        being left: it keeps the focus until the new one is announced)."""
        if not self.painted:
            page.installEventFilter(self)
        if page.parentWidget() is not self:
            page.setParent(self)
        page.setGeometry(self.rect())
        if under is not None:
            page.stackUnder(under)
        page.show()
        self.overlay.raise_()
        self.page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.mark_painted()
        return False

    def mark_painted(self) -> None:
        """Emit :attr:`first_painted` (once): from the first page's first paint, or a fallback
        timer where no paint comes (a window never exposed)."""
        if not self.painted:
            self.painted = True
            # The zero timer fires once this paint has been flushed to the screen.
            QTimer.singleShot(0, self, self.first_painted.emit)

    def _finish(self) -> None:
        if self.page is not None:
            self.page.setUpdatesEnabled(True)
        self.overlay.clear()

    def finish_transition(self) -> None:
        """Jump to the end of a running (or pending) transition (the page is built whole)."""
        if self._restyler.flush():
            self._build_again()
        self._unfold.finish()
        if self._then is not None:
            self._filled()
        if self.animating:
            self._settle_leaving()
            self._pending.stop()
            self.animation.stop()
            self._finish()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        if self.page is not None:
            self.page.setGeometry(self.rect())
        self.overlay.setGeometry(self.rect())
        super().resizeEvent(event)
