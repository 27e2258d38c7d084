"""The stage: the page host, fed with pages built for the session.

It builds each route's page in the session's content and language at the window's scale, keeps
Home and the overviews for a return visit while nothing they were built for changes, hands the
memory of the pages that went back after page changes, and builds Home for the next visitor
after an idle reset.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QWidget

from kiosk.model.navigation import HOME, Route
from kiosk.model.routes import OVERVIEWS, SECTIONS
from kiosk.model.session import Session
from kiosk.system import memory
from kiosk.ui.host import PageHost
from kiosk.ui.pages.base import Page, PageContext, forget_background
from kiosk.ui.pages.factory import build_page
from kiosk.ui.pages.memo import FitMemo
from kiosk.ui.timers import single_shot
from kiosk.ui.tokens import Theme
from kiosk.ui.typeset import typeset_page

#: How long after the last page change the kiosk hands its free heap back to the system (the
#: transition's pixmaps are gone by then; it takes about a millisecond).
RELEASE_MEMORY_MS = 600

#: The limit of Qt's pixmap cache, in kB (Qt's default is 10 MB). Qt 6 keeps every pixmap a label
#: or an icon has drawn in that cache, under a key of the pixmap itself: once the page is deleted,
#: nothing can ask for it again, yet it stays until the cache is full. What a page uses again
#: while it is on screen (its icons, a field's picture: 30 kB to 0.7 MB at 1080p) fits in 2 MB;
#: a larger pixmap is simply drawn without being cached.
PIXMAP_CACHE_KB = 2048

#: Pages kept alive (hidden) when a visitor leaves them: Home and the overviews, where visitors
#: come back to most; a return shows them without building them again.
KEPT_PAGES = frozenset({"home", *SECTIONS, *OVERVIEWS})

#: How long after an idle reset the Home page is built for the next visitor (the transition to
#: the attract loop has ended by then).
PREPARE_HOME_MS = 1000

#: How long a visitor stays on a page with neighbours (an item among its section's), in ms,
#: before the next one (the one before, at the end) is built ahead for a swipe or Next.
BROWSE_AHEAD_MS = 800


class Stage(QObject):
    """Builds the pages of *session* for :attr:`host`, a page host in *window*.

    Args:
        session: what to show, in which language and modes.
        window: the window (its size decides the layout).
        factor: the window's scale now (large text included).
        theme: the window's theme now (the accessibility modes choose it).
    """

    def __init__(
        self,
        session: Session,
        window: QWidget,
        factor: Callable[[], float],
        theme: Callable[[], Theme],
    ):
        super().__init__(window)
        self.session = session
        self.window = window
        self._factor = factor
        self._theme = theme
        self.host = PageHost(
            self.build,
            session.settings.transition_ms,
            window,
            keep=lambda route: route.page in KEPT_PAGES,
            context_key=self.context_key,
            typeset=self.typeset,
        )
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        release = single_shot(self, RELEASE_MEMORY_MS, self.release_memory)
        self.host.page_changed.connect(release.start)
        self._prepare = single_shot(self, PREPARE_HOME_MS, self.prepare_home)
        # A page a visitor's finger is on, or the next one when they stay, is built ahead.
        session.nav.expected.connect(self.host.ahead.want)
        browse = single_shot(self, BROWSE_AHEAD_MS, self.build_next)
        self.host.page_completed.connect(browse.start)
        self._visited = False  # a visitor came since the last visit's memory was handed back
        #: How Home fitted each screen it was built for, while the content is the same.
        self.fits = FitMemo()
        session.content_changed.connect(lambda _content: self.fits.clear())

    def context_key(self) -> Hashable:
        """What a page depends on besides its route: kept pages are reused only while equal."""
        session, window = self.session, self.window
        modes = tuple(sorted(session.modes.items()))
        size = (window.width(), window.height())
        return (id(session.content), session.lang, self._factor(), *size, modes)

    def build(self, route: Route) -> Page:
        """The page for *route* (built inside the host, so it is polished once, in the style
        sheet's scope), its parts left for the host to build a slice of time at a time."""
        session, window = self.session, self.window
        portrait = window.height() > window.width()
        context = PageContext(
            session.content,
            session.lang,
            self._factor(),
            session.nav,
            self._theme(),
            portrait,
            window.width(),
            session.modes["low_reach"],
            self.fits,
        )
        seconds = session.settings.attract_slide_seconds
        page = build_page(context, route, seconds, self.host, in_parts=True)
        self.typeset(page)  # what it has built so far; the host typesets each part it builds
        return page

    def release_memory(self) -> None:
        """Hand back what the pages that went no longer need: the pixmaps Qt cached for them (a
        page on screen caches its own again at its next paint, from pixmaps it still holds),
        the pages' background while the attract loop is on screen (it paints its own; the next
        visitor's first page paints it again, 4 ms at 1080p), once after each visit what the
        visitor's languages and sizes left (:meth:`forget_visit`), then the free heap."""
        QPixmapCache.clear()
        if self.session.nav.attracting:
            forget_background()
            if self._visited:
                self._visited = False
                self.forget_visit()
        memory.release_free_memory()

    def forget_visit(self) -> None:
        """What a visit left for languages and sizes the next visitor does not start in: the
        shared figure-tile layouts of the others (about 22 kB each, up to 11 MB; a visitor who
        switches to them lays them out again, 1 ms a tile, in the wall's parts).

        Qt's font cache is left alone: emptied here too, the soak grew faster (+7.5 MB over
        simulated hours 1-3 against +3.0 without it, run side by side), as it did with the
        fonts mapped from their files."""
        tile = sys.modules.get("kiosk.ui.figures.tile")  # none laid out if it was never imported
        if tile is not None:
            tile.forget_layouts(self.session.lang, self._factor())

    def typeset(self, widget: QWidget) -> None:
        """Set the text of *widget* (a page, or a part of one) as a typesetter would."""
        typeset_page(widget, self.session.content.speaker_names())

    def prepare_home(self) -> None:
        """Build Home now, hidden, while the attract loop runs (the first touch opens it)."""
        if self.session.nav.attracting and not self.host.animating:
            self.host.prepare(HOME)

    def build_next(self) -> None:
        """Build the current page's next neighbour ahead (the one before, at the end), if any
        and if no other page is (one a finger is on)."""
        nav = self.session.nav
        if not nav.attracting and not self.host.animating and self.host.ahead.route is None:
            route = nav.neighbour(1) or nav.neighbour(-1)
            if route is not None:
                self.host.ahead.want(route)

    def fresh_start(self) -> None:
        """A new visitor starts afresh: the pages kept for the last one go (their memory with
        them), and Home is built again while the attract loop runs."""
        self._visited = True
        self.host.drop_kept()
        self._prepare.start()
