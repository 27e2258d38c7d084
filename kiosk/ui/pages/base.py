"""What every page gets (:class:`PageContext`) and the scrolling page they share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, cast

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.content import Content, Lang, Text
from kiosk.model.navigation import Navigation, Route
from kiosk.ui import fmt
from kiosk.ui.kinetic import enable_kinetic, release_kinetic
from kiosk.ui.labels import label
from kiosk.ui.pages import reach
from kiosk.ui.pages.memo import FitMemo
from kiosk.ui.strings import ui
from kiosk.ui.tokens import SIZE, SPACE, Theme, scaled


class PageContext(NamedTuple):
    """Everything a page needs to build itself; pages keep no other state."""

    content: Content
    lang: Lang
    factor: float
    nav: Navigation
    theme: Theme  # the colours and tokens of the accessibility modes, whether figures animate
    portrait: bool = False
    width: int = 1920  # the window's width in pixels
    #: Low reach: what a visitor acts on goes to the lower part of the screen (below
    #: :data:`REACH_TOP`), the reading matter above it (see :attr:`ScrollPage.head`).
    low_reach: bool = False
    #: What pages built before chose to fit their screen (see :mod:`kiosk.ui.pages.memo`);
    #: None: every page measures for itself.
    fits: FitMemo | None = None

    def px(self, value: int) -> int:
        return scaled(value, self.factor)

    def columns(self, most: int, card: int = SIZE.card_width) -> int:
        """How many cards of at least *card* design pixels fit a row (1 to *most*)."""
        side = self.px(SPACE.xl * 2 if not self.portrait else SPACE.xl)
        usable = self.width - 2 * side
        return max(1, min(most, (usable + self.px(SPACE.m)) // (self.px(card) + self.px(SPACE.m))))

    def ui(self, key: str, **values: object) -> str:
        return ui(key, self.lang, **values)

    def name(self, name: Text) -> str:
        """A person's name as this page's language shows it (see :func:`fmt.person_name`)."""
        return fmt.person_name(name, self.lang)

    def go(self, route: Route) -> None:
        self.nav.go(route)

    def link(self, button: QAbstractButton, route: Route) -> None:
        """*button* opens *route*: pressed, the page may be got ready (:meth:`Navigation.expect`)
        before the tap ends (clicked)."""
        nav = self.nav
        button.pressed.connect(lambda: nav.expect(route))
        button.clicked.connect(lambda _=False: nav.go(route))


#: In low reach, what a visitor acts on starts below this share of the window's height.
REACH_TOP = 0.35

#: The latest page background and what it was painted for; one at a time (8 MB at 1080p,
#: 33 MB at 4K).
_background: tuple[tuple[int, int, str, str], QPixmap] | None = None


def background(width: int, height: int, theme: Theme) -> QPixmap:
    """The pages' gradient at *width* × *height* in *theme*, painted once per size and theme.

    A full-screen gradient costs about 4 ms in software at 1080p and a page is painted several
    times per visit; a cached pixmap is a copy.
    """
    global _background
    p = theme.palette
    key = (width, height, p.background, p.background_deep)
    if _background is None or _background[0] != key:
        from PySide6.QtGui import QLinearGradient  # its 169 presets: not before the first frame

        pixmap = QPixmap(max(1, width), max(1, height))
        painter = QPainter(pixmap)
        gradient = QLinearGradient(0, 0, width * 0.4, height)
        gradient.setColorAt(0, QColor(p.background))
        gradient.setColorAt(1, QColor(p.background_deep))
        painter.fillRect(pixmap.rect(), gradient)
        painter.end()
        _background = (key, pixmap)
    return _background[1]


def forget_background() -> None:
    """Let the page background go (while the attract loop, which paints its own, is on screen)."""
    global _background
    _background = None


class Page(QWidget):
    """A page for one route."""

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.route = route
        #: Where the keyboard focus goes when the page comes on screen (and what is announced).
        self.heading: QWidget | None = None
        self.setObjectName(f"page:{route}")
        # The background below covers every pixel: Qt need not clear or paint what is beneath.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._parts: Iterator[object] | None = None  # what is left to build (build_later)

    def build_later(self, parts: Iterator[object]) -> None:
        """Build the page from *parts*, a generator that yields between the page's parts
        (sections, card rows, walls): a part at a time by :meth:`build_part` (the page host
        spreads them over turns of the event loop), or all at once by :meth:`build_rest`."""
        self._parts = parts

    @property
    def building(self) -> bool:
        """Parts of the page are still to be built."""
        return self._parts is not None

    def build_part(self) -> list[QWidget]:
        """Build the next part of the page: the widgets it added to the page (none once the
        page is whole)."""
        if self._parts is None:
            return []
        holders = self.holders()
        before = [len(holder.children()) for holder in holders]
        try:
            next(self._parts)
        except StopIteration:
            self._parts = None
        added: list[QWidget] = []
        for holder, count in zip(holders, before, strict=True):
            added.extend(w for w in holder.children()[count:] if isinstance(w, QWidget))
        return added

    def build_rest(self) -> None:
        """Build what is left of the page now."""
        while self._parts is not None:
            self.build_part()

    def holders(self) -> list[QWidget]:
        """The widgets the page's parts are put in."""
        return [self]

    def part_shown(self, widgets: Sequence[QWidget]) -> None:
        """The widgets of a part built on screen are shown (see :meth:`build_part`)."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Every page brings its own background, so grabbed pixmaps are complete."""
        painter = QPainter(self)
        rect = event.rect()
        painter.drawPixmap(rect, background(self.width(), self.height(), self.ctx.theme), rect)
        painter.end()

    def dispose(self) -> None:
        """Release what Qt holds for this page outside its own tree (before it is deleted)."""
        self._parts = None  # a page left half-built builds nothing more

    def scroll_position(self) -> int:
        return 0

    def set_scroll_position(self, value: int) -> None:
        """Restore a scroll position (pages without scrolling ignore it)."""


class ScrollPage(Page):
    """A page whose content is a kinetic, one-finger scrolling column.

    Its reading matter (title, summary) goes into :attr:`head`, its lead text through
    :meth:`lead`: the top of the column, or in low reach a block that fills the upper part of
    the window down to :data:`REACH_TOP` (see :mod:`kiosk.ui.pages.reach`: the forum's name and
    dates at the top, the page's icon large and faint behind, the title set large and the lead
    at the bottom), so that the scrolling column with everything a visitor acts on starts in
    the lower part of the screen. A page that arranges itself for low reach (Home) sets
    :attr:`own_reach`.
    """

    #: The page keeps what a visitor acts on low by itself in low reach.
    own_reach = False

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        side = ctx.px(SPACE.xl * 2 if not ctx.portrait else SPACE.xl)
        #: The upper part in low reach (None otherwise): the page's reading matter.
        self.reach_head: QWidget | None = None
        #: The icon drawn large and faint behind the upper part (a page may name its own).
        self.head_icon = reach.mark_icon(route.page)
        self._mark: QIcon | None = None  # head_icon drawn, made at the first paint
        self._leads: list[QLabel] = []  # the lead text in the upper part, while it fits there
        self._titles: list[QLabel] | None = None  # the titles there, found once it is shown
        if ctx.low_reach and not self.own_reach:
            self.reach_head = QWidget(self)
            head = QVBoxLayout(self.reach_head)
            head.setContentsMargins(side, ctx.px(SPACE.l), side, ctx.px(SPACE.s))
            head.setSpacing(ctx.px(SPACE.s))
            for line in reach.brand(ctx.content, ctx.lang):
                head.addWidget(line)
            head.addStretch(1)  # the title and lead sit at the bottom, just above the controls
            outer.addWidget(self.reach_head)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls in it take focus
        enable_kinetic(self.scroll_area)
        inner = self.inner = QWidget()
        self.column = QVBoxLayout(inner)
        top = ctx.px(SPACE.m if self.reach_head is not None else SPACE.xl)
        self.column.setContentsMargins(side, top, side, ctx.px(SPACE.xl))
        self.column.setSpacing(ctx.px(SPACE.m))
        self.scroll_area.setWidget(inner)
        outer.addWidget(self.scroll_area, 1)
        #: Where the reading matter goes: the column, or the upper part in low reach.
        self.head: QVBoxLayout = self.column
        if self.reach_head is not None:
            self.head = cast(QVBoxLayout, self.reach_head.layout())

    def lead(self, text: str) -> QLabel:
        """Adds the page's lead text (its summary) under the title: in the upper part in low
        reach while it fits there, else at the top of the column."""
        widget = label(text, "lead")
        self.head.addWidget(widget)
        if self.reach_head is not None:
            self._leads.append(widget)
        return widget

    def _reach_down(self) -> None:
        """In low reach: the upper part reaches down to :data:`REACH_TOP` of the window, its
        title as large as the band allows (see :func:`reach.fit`)."""
        if self.reach_head is not None and self.isVisible():  # in the window, at its size
            window = self.window()
            top = self.mapTo(window, QPoint(0, 0)).y()
            band = max(0, round(REACH_TOP * window.height()) - top)
            self.reach_head.setMinimumHeight(band)
            if self._titles is None:
                self._titles = reach.titles_in(self.reach_head)
            leads = len(self._leads)
            reach.fit(self.reach_head, self.width(), band, self._titles, self._leads, self.column)
            if len(self._leads) != leads:  # the lead went down into the column: it grew
                self.column.activate()  # now, not a turn later: nothing is squeezed meanwhile
                QCoreApplication.sendEvent(self.scroll_area, QEvent(QEvent.Type.LayoutRequest))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """The background, and in low reach the page's icon behind the upper part."""
        super().paintEvent(event)
        if self.reach_head is not None:
            if self._mark is None:  # made once, not at every paint (a page may name its own)
                self._mark = reach.mark(self.head_icon, self.ctx.theme)
            if self._mark is not None:
                painter = QPainter(self)
                painter.setClipRect(event.rect())
                reach.paint_mark(painter, self.reach_head.geometry(), self._mark)
                painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._reach_down()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._reach_down()  # in the window now (it may have been built outside it)
        super().showEvent(event)

    def finish(self) -> None:
        """Call after adding the content: pushes it to the top."""
        self.column.addStretch(1)

    def part_shown(self, widgets: Sequence[QWidget]) -> None:
        """In low reach, a part shown in the upper part fits it again (new titles and lead)."""
        head = self.reach_head
        if head is not None and any(w.parentWidget() is head for w in widgets):
            self._titles = None
            self._reach_down()

    def holders(self) -> list[QWidget]:
        """The column and, in low reach, the upper part."""
        return [self.inner] if self.reach_head is None else [self.inner, self.reach_head]

    def grid(self, widgets: Sequence[QWidget], columns: int) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(self.ctx.px(SPACE.m))
        for i, widget in enumerate(widgets):
            grid.addWidget(widget, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        self.column.addLayout(grid)
        return grid

    def grid_in_rows(self, widgets: Iterable[QWidget], columns: int) -> Iterator[None]:
        """A grid of *widgets* (as :meth:`grid` lays them out) filled a row at a time, yielding
        after each full row: a page built in parts shows a row of cards a part (a part with
        every card of a section took 15–30 ms). *widgets* may be made as they are asked for."""
        grid = self.grid([], columns)
        for i, widget in enumerate(widgets):
            grid.addWidget(widget, i // columns, i % columns)
            if i % columns == columns - 1:
                yield

    def dispose(self) -> None:
        """Unregister the kinetic-scroll gesture: a stale one would outlive the page."""
        super().dispose()
        release_kinetic(self.scroll_area)

    def scroll_position(self) -> int:
        return self.scroll_area.verticalScrollBar().value()

    def set_scroll_position(self, value: int) -> None:
        self.scroll_area.verticalScrollBar().setValue(value)
