"""What a page change shows while it runs: the old and new pages' pixmaps, sliding or fading.

The old page's pixmap is what the screen shows of it: where the window's backing store is known
to hold exactly that (:func:`on_screen`), it is copied from there instead of painting the whole
page again (a copy takes about half as long: 3–5 ms at 1080p instead of 6–16).

The new page is not painted in one turn before the first frame (a grab: 7–16 ms at 1080p, 28–55 ms
at 4K). A slide paints it in strips of whole columns, from the edge that comes in first: before the
first frame only the strips that frame shows (a few short turns of the event loop, each at most
:data:`SLICE_MS` long, while the overlay still shows the page left), the rest in the time left
between the frames (a frame paints first what it brings in that is not painted yet). A cross-fade
shows all of the page from its first frame: it is painted in bands of whole rows before it. A band
holds the very pixels of a grab, a strip the same within one 255th (a gradient's span begun at a
strip's edge may step a unit apart; tests compare them); the page's own animations (a figure
counting up) hold still while it is being pictured (:class:`Stillness`), so that no strip shows a
later moment than the one beside it.

The pictures are painted into pixmaps kept from the last change (:mod:`kiosk.ui.buffers`):
memory fresh from the system costs more to write the first time than painting it does.
"""

from __future__ import annotations

import math
import time

import shiboken6
from PySide6.QtCore import (
    QAbstractAnimation,
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPaintEvent, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.ui.buffers import Buffers
from kiosk.ui.timers import Slice, single_shot

#: The platforms whose window backing store is an image in memory that keeps what was painted
#: (the raster backing stores of X11 and of the offscreen platform).
KEEPING_PLATFORMS = frozenset({"xcb", "offscreen"})

#: How each kind of change moves: +1 the new page comes from the right, -1 from the left, 0 fades.
MOTION = {
    "forward": 1,
    "sibling-next": 1,
    "back": -1,
    "sibling-previous": -1,
    "home": 0,
    "reset": 0,
}

#: How long one turn may spend painting the new page before the first frame, in milliseconds: a
#: band or strip is not begun when the last one says it would end past this (at least one is
#: painted a turn). Each turn more delays the transition's first moving frame a little (the
#: turns between do nothing else: the page's parts below the fold wait).
SLICE_MS = 6.0
#: How many pixels a band (whole rows) or a strip (whole columns) of the new page holds, about
#: 2–4 ms: a quarter of a 1080p page, a sixteenth of a 4K one. Each costs a little more than
#: its share of a whole grab.
BAND_PIXELS = 520_000
#: How often Qt's animation timer moves a transition on, in milliseconds: the strips still to
#: come are painted in the time left between two of its frames, not into the next one's.
FRAME_PERIOD_MS = 16.0
#: How a page is painted into the overlay's pixmap: as ``QWidget.grab`` paints it.
RENDER_FLAGS = (
    QWidget.RenderFlag.DrawWindowBackground
    | QWidget.RenderFlag.DrawChildren
    | QWidget.RenderFlag.IgnoreMask
)


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
        #: The page :attr:`new` is being painted from, how far (strips or bands) and for which
        #: motion.
        self.source: QWidget | None = None
        self._painted = 0
        self._motion = 0
        #: The source page's animations, held still while it is pictured.
        self.still = Stillness()
        #: Paints the strips still to come between a slide's frames, a slice a turn: when the
        #: last frame began (perf_counter), and what the last strip cost (ms).
        self._ahead = single_shot(self, 0, self._paint_ahead)
        self._frame_at = 0.0
        self._strip_ms = 0.0
        #: The pixmaps of the last change, painted into by the next one.
        self.buffers = Buffers()
        self.hide()

    def hold(self, picture: QPixmap, cover: bool = True) -> None:
        """Hold *picture* (what the screen shows) until the new page's pixmap comes, covering
        the page host with it now, or with *cover* false once :meth:`cover` is called (the
        screen shows the page it pictures meanwhile, on top)."""
        if self.old is not picture:
            self.buffers.give(self.old)
        self.old, self.progress = picture, 0.0
        self.drop_new()
        if cover:
            self._show_over()

    def cover(self) -> None:
        """Cover the page host with the picture held, if it does not already."""
        if not self.isVisible():
            self._show_over()

    def _show_over(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def on_screen(self, page: QWidget) -> QPixmap:
        """*page* as the screen shows it (see :func:`on_screen`), in a kept pixmap."""
        return on_screen(page, self.buffers)

    def drop_new(self) -> None:
        """Forget the new page's pixmap (and the page it was painted from)."""
        self.buffers.give(self.new)
        self.new, self.source, self._painted = QPixmap(), None, 0
        self._ahead.stop()
        self.still.release()

    def clear(self) -> None:
        """Hide, and let both pixmaps go (the transition is over): kept for the next one."""
        self.hide()
        self.buffers.give(self.old)
        self.old = QPixmap()
        self.drop_new()

    def prepare(self, page: QWidget, progress: float = 1.0) -> bool:
        """Paint what a frame at *progress* shows of *page* into :attr:`new` (a slide: the strips
        come in so far; a cross-fade: all of it) for at most a slice of time, at least one band
        or strip: whether that is painted (call again on a later turn until it is). A device
        pixel ratio other than 1 paints it whole at once (an edge could fall inside a device
        pixel)."""
        self._begin(page)
        return self._paint_to(self._needed(progress), SLICE_MS)

    def advance(self, progress: float) -> None:
        """Show the frame at *progress*, the strips it brings in painted first (the frame's
        due: no slice of time)."""
        self.progress = progress
        self._frame_at = time.perf_counter()
        self._paint_to(self._needed(progress), None)  # (nothing without a source)
        if self.painting:
            self._ahead.start(0)  # the turns after this frame's paint: the strips still to come
        self.update()

    @property
    def painting(self) -> bool:
        """The new page's picture is under way: some of it is still to be painted."""
        page = self.source
        return page is not None and self._painted < self._extent(page)

    def _paint_ahead(self) -> None:
        """Paint the strips still to come, ahead of the frames that show them: for a slice, in
        the time left before the next frame is due, or after it when a strip would not fit."""
        page = self.source
        if page is None or not self.painting:
            return
        left = FRAME_PERIOD_MS - (time.perf_counter() - self._frame_at) * 1000
        if left < self._strip_ms:
            self._ahead.start(max(1, math.ceil(left)))  # once the next frame is painted
            return
        self._paint_to(self._extent(page), min(SLICE_MS, left))
        if self.painting:
            self._ahead.start(0)

    def _begin(self, page: QWidget) -> None:
        """Start a pixmap for *page*, unless it is the one being painted already."""
        same = page is self.source and self.new.size() == page.size()
        if same and self._motion == self.motion:
            return
        self.drop_new()
        self.still.hold(page)
        self._motion = self.motion
        if page.devicePixelRatio() != 1.0:
            self.new = page.grab()
            self._painted = max(page.width(), page.height())
        elif page.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent):
            self.new = self.buffers.take(page.size())  # the page paints every pixel
        else:
            self.new = QPixmap(page.size())
            self.new.fill(Qt.GlobalColor.transparent)  # as grab does
        self.source = page

    def _needed(self, progress: float) -> int:
        """How far from its leading edge the new page is shown at *progress* (columns of a
        slide, rows of a cross-fade: any of it is all of it)."""
        if self.motion == 0:
            return self.height() if progress > 0 else 0
        return round(self.width() * progress)

    def _extent(self, page: QWidget) -> int:
        """How many columns (rows) of *page* its picture holds."""
        return page.width() if self.motion != 0 else page.height()

    def _unit(self, page: QWidget) -> int:
        """How many columns a strip (rows a band) of *page* holds."""
        across = page.height() if self.motion != 0 else page.width()
        return max(1, BAND_PIXELS // max(1, across))

    def _paint_to(self, needed: int, slice_ms: float | None) -> bool:
        """Paint strips (bands) of the source page until *needed* columns (rows) from its
        leading edge are painted, for at most *slice_ms* (None: until then)."""
        page = self.source
        if page is None:
            return False
        extent = self._extent(page)
        needed, unit = min(needed, extent), self._unit(page)
        turn = Slice(slice_ms) if slice_ms is not None else None
        while self._painted < needed:
            length = min(unit, extent - self._painted)
            began = time.perf_counter()
            self._paint(self._rect(page, self._painted, length))
            self._strip_ms = (time.perf_counter() - began) * 1000
            self._painted += length
            if turn is not None and not turn.another():
                break  # another like this one would end past the slice
        return self._painted >= needed

    def _rect(self, page: QWidget, start: int, length: int) -> QRect:
        """The strip (band) of *page* *length* long, *start* from its leading edge."""
        w, h = page.width(), page.height()
        if self.motion == 0:
            return QRect(0, start, w, length)
        if self.motion > 0:  # it comes in from the right: its left edge first
            return QRect(start, 0, length, h)
        return QRect(w - start - length, 0, length, h)

    def _paint(self, rect: QRect) -> None:
        """Paint *rect* of the source page into the same place of :attr:`new`."""
        if self.source is not None:
            self.source.render(self.new, rect.topLeft(), QRegion(rect), RENDER_FLAGS)

    def frame(self) -> QPixmap:
        """What the overlay shows now, painted into a pixmap: the page left when a change comes
        in the middle of a transition. Where both pages are painted, at a device pixel ratio of
        1, this is the screen's own picture without its cost (the frame still to paint flushed
        and the window's backing store copied: 5–8 ms at 1080p against 1–2); else, as the
        screen shows it (:func:`on_screen`)."""
        ratio = self.devicePixelRatio()
        pictures = (self.old, self.new)
        if ratio != 1.0 or any(p.isNull() or p.size() != self.size() for p in pictures):
            return on_screen(self, self.buffers)
        picture = self.buffers.take(self.size())
        if any(p.hasAlphaChannel() for p in pictures):  # else they cover it, at any progress
            picture.fill(self.palette().window().color())
        painter = QPainter(picture)
        self._draw(painter)
        painter.end()
        return picture

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self._draw(painter)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
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


class Stillness:
    """The running animations of a page being pictured (a figure counting up), paused until its
    picture is let go: one painted a strip at a time shows one moment throughout, and the page
    goes on from there once it is on screen itself."""

    def __init__(self) -> None:
        self._held: list[QAbstractAnimation] = []

    def hold(self, page: QWidget) -> None:
        """Pause *page*'s running animations (with any held already)."""
        for animation in page.findChildren(QAbstractAnimation):
            if animation.state() == QAbstractAnimation.State.Running:
                animation.pause()
                self._held.append(animation)

    def release(self) -> None:
        """Let the animations paused go on (those of a page deleted meanwhile are gone)."""
        held, self._held = self._held, []
        for animation in held:
            paused = QAbstractAnimation.State.Paused
            if shiboken6.isValid(animation) and animation.state() == paused:
                animation.resume()


def on_screen(page: QWidget, buffers: Buffers | None = None) -> QPixmap:
    """A picture of *page* as the screen shows it: copied from the window's backing store when
    that holds it (see :func:`_shown_whole`), with the paints still pending done first (into a
    pixmap of *buffers*, if given); else painted (``grab``). Both give the same pixels (checked by
    a test)."""
    window = page.window()
    if not _shown_whole(page, window):
        return page.grab()
    QCoreApplication.sendPostedEvents(window, QEvent.Type.UpdateRequest.value)
    store = window.backingStore()
    image = store.paintDevice() if store is not None else None
    rect = QRect(page.mapTo(window, QPoint(0, 0)), page.size())
    if not isinstance(image, QImage) or image.devicePixelRatio() != 1.0:
        return page.grab()
    if not image.rect().contains(rect):
        return page.grab()
    pixmap = buffers.take(rect.size()) if buffers is not None else QPixmap(rect.size())
    painter = QPainter(pixmap)
    # The page is opaque: its pixels as they are (X11's backing store has an alpha channel,
    # 255 throughout the page, which the opaque pixmap has no room for).
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    painter.drawImage(QPoint(0, 0), image, rect)
    painter.end()
    return pixmap


def _shown_whole(page: QWidget, window: QWidget) -> bool:
    """Whether every pixel of *page* in *window*'s backing store is the page's own: a raster
    platform, the window exposed at a device pixel ratio of 1, the page visible and painting,
    opaque, and nothing of the window over it."""
    handle = window.windowHandle()
    if QGuiApplication.platformName() not in KEEPING_PLATFORMS or handle is None:
        return False
    if not handle.isExposed() or window.devicePixelRatio() != 1.0:
        return False
    if not page.isVisible() or not page.updatesEnabled():
        return False
    if not page.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent):
        return False
    widget = page
    while widget is not window:  # a sibling above it (or above a parent) would be in the picture
        parent = widget.parentWidget()
        if parent is None:
            return False
        siblings = [c for c in parent.children() if isinstance(c, QWidget)]
        for above in siblings[siblings.index(widget) + 1 :]:
            covers = above.geometry().intersects(widget.geometry())
            if covers and above.isVisible() and not above.isWindow():
                return False
        widget = parent
    return True
