"""The figures wall: a responsive grid of figure tiles that count up as they come into view.

A :class:`FigureWall` lays the tiles out in 3, 2 or 1 columns and, once attached to the scroll
area it lives in (:meth:`FigureWall.attach`), starts each tile's count when the tile scrolls into
view.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMoveEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractScrollArea, QBoxLayout, QSizePolicy, QWidget

from kiosk.content import Figure, Lang
from kiosk.ui.figures.tile import FigureTile
from kiosk.ui.style import TAP
from kiosk.ui.tokens import SIZE, SPACE, Theme, scaled

#: The wall has 3 columns, 2 below the first width and 1 below the second (design pixels).
TWO_COLUMNS_BELOW = 1300
ONE_COLUMN_BELOW = 700


class FigureWall(QWidget):
    """A responsive grid of :class:`FigureTile` that starts counting what comes into view.

    3 columns, 2 when narrower than 1300 design pixels, 1 when narrower than 700; the tiles of a
    row share its height (the tallest tile's height for that width, front or back face).
    """

    #: A tile was tapped and turned (either way); the figure's id.
    tile_flipped = Signal(str)

    def __init__(
        self,
        figures: Sequence[Figure],
        lang: Lang,
        factor: float,
        parent: QWidget | None = None,
        *,
        theme: Theme,
        whole: bool = True,
    ):
        super().__init__(parent)
        self.factor = factor
        self.lang: Lang = lang
        self.theme = theme
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._figures = list(figures)
        self._tiles: list[FigureTile] = []
        if whole:
            self.add_tiles(len(self._figures))
        self._area: QAbstractScrollArea | None = None
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self.check_visible)

    @property
    def tiles(self) -> list[FigureTile]:
        return list(self._tiles)

    @property
    def whole(self) -> bool:
        """Every figure has its tile (a wall made with ``whole=False`` gets them by
        :meth:`add_tiles`: see :func:`build_in_parts`)."""
        return len(self._tiles) == len(self._figures)

    def add_tiles(self, count: int) -> list[FigureTile]:
        """Make the tiles of the next *count* figures (hidden, for a wall not shown yet)."""
        start = len(self._tiles)
        new = [
            FigureTile(f, self.lang, self.factor, self, theme=self.theme)
            for f in self._figures[start : start + count]
        ]
        for tile in new:
            tile.flipped.connect(lambda _on=False, fid=tile.figure.id: self.tile_flipped.emit(fid))
        self._tiles.extend(new)
        return new

    def tile(self, figure_id: str) -> FigureTile:
        for tile in self._tiles:
            if tile.figure.id == figure_id:
                return tile
        raise KeyError(figure_id)

    # -- grid ----------------------------------------------------------------------------------

    def columns_for(self, width: int) -> int:
        if width < scaled(ONE_COLUMN_BELOW, self.factor):
            return 1
        if width < scaled(TWO_COLUMNS_BELOW, self.factor):
            return 2
        return 3

    @property
    def columns(self) -> int:
        return self.columns_for(self.width())

    def _cells(self, width: int) -> list[QRect]:
        columns = self.columns_for(width)
        gap = scaled(SPACE.m, self.factor)
        column = (width - gap * (columns - 1)) / columns
        lefts = [round(c * (column + gap)) for c in range(columns)]
        widths = [max(1, round(c * (column + gap) + column) - lefts[c]) for c in range(columns)]
        cells: list[QRect] = []
        y = 0
        for start in range(0, len(self._tiles), columns):
            row = self._tiles[start : start + columns]
            height = max(t.heightForWidth(widths[i]) for i, t in enumerate(row))
            cells.extend(QRect(lefts[i], y, widths[i], height) for i in range(len(row)))
            y += height + gap
        return cells

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        cells = self._cells(max(1, width))
        return max((c.bottom() + 1 for c in cells), default=0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(SIZE.column, self.factor)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(scaled(TAP, self.factor), 0)

    def _place(self) -> None:
        for tile, cell in zip(self._tiles, self._cells(max(1, self.width())), strict=True):
            tile.setGeometry(cell)

    # -- count-ups as tiles come into view ----------------------------------------------------

    def attach(self, scroll_area: QAbstractScrollArea) -> None:
        """Watch *scroll_area* (which holds this wall) and start tiles as they scroll into view."""
        if self._area is not None:
            self._area.viewport().removeEventFilter(self)
            for bar in (self._area.verticalScrollBar(), self._area.horizontalScrollBar()):
                bar.valueChanged.disconnect(self._schedule)
        self._area = scroll_area
        scroll_area.viewport().installEventFilter(self)
        scroll_area.verticalScrollBar().valueChanged.connect(self._schedule)
        scroll_area.horizontalScrollBar().valueChanged.connect(self._schedule)
        self._schedule()

    def reset(self) -> None:
        """Every tile back to 0 (not counted) and front up; tiles in view count again."""
        for tile in self._tiles:
            tile.reset()
        self._schedule()

    @Slot()
    def _schedule(self) -> None:
        if not self._check.isActive():
            self._check.start()

    def _frame(self) -> QWidget:
        """The widget whose rectangle is what the visitor sees of the wall."""
        if self._area is not None:
            try:
                viewport = self._area.viewport()
            except RuntimeError:  # the scroll area was deleted before this wall
                self._area = None
            else:
                if viewport.isAncestorOf(self):
                    return viewport
        return self.window()

    @Slot()
    def check_visible(self) -> None:
        """Start the count of every tile that is now in view (enough of it to see the number)."""
        if not self.isVisible():
            return
        frame = self._frame()
        seen = frame.rect()
        for tile in self._tiles:
            if tile.counted or tile.counting or not tile.isVisible():
                continue
            rect = QRect(tile.mapTo(frame, QPoint(0, 0)), tile.size()).intersected(seen)
            enough = min(tile.height(), scaled(TAP, self.factor))
            if rect.width() > 0 and rect.height() >= enough:
                tile.start_count()

    # -- events --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a tile's height changed (its font)
            self._place()
            self.updateGeometry()
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._schedule()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place()
        self._schedule()

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 - Qt override
        super().moveEvent(event)
        self._schedule()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._place()
        self._schedule()


def build_in_parts(
    wall: FigureWall, column: QBoxLayout, area: QAbstractScrollArea
) -> Iterator[None]:
    """Add *wall* (made with ``whole=False``) to *column*, in *area*, and make its tiles one at
    a time, yielding between them (a page built in parts: see :meth:`Page.build_later`): each
    tile is polished and laid out, at the width the column gives it and at the wall's size hint,
    while the wall is hidden; the wall is shown after the last tile, whole. Showing a wall of 18
    tiles at once took 15–25 ms; laying a tile out for the first time takes a few ms."""
    wall.setVisible(False)  # neither shown nor measured while it is not whole
    wall.attach(area)
    column.addWidget(wall)
    while not wall.whole:
        for tile in wall.add_tiles(1):
            tile.ensurePolished()
        holder = wall.parentWidget()
        widths = _widths(holder, column, area) if holder is not None else []
        for width in widths:  # the layouts it will show
            wall.heightForWidth(width)
        if widths:
            wall.sizeHint()  # and the one its column asks for when it is shown
        yield
    wall.setVisible(True)


def _widths(holder: QWidget, column: QBoxLayout, area: QAbstractScrollArea) -> list[int]:
    """The widths a wall at the end of *column* (of *holder*) takes: the column's, and, while the
    scroll bar is hidden, the column's once the page overflows and the scroll bar takes its
    place (none while *holder* has no width yet). A page built ahead, hidden, has its size
    already (:mod:`kiosk.ui.ahead`): the column takes its width."""
    margins = column.contentsMargins()
    page = area.parentWidget()
    if holder.isVisible():  # the page is on screen, at its size
        full = holder.width()
    elif page is not None and page.testAttribute(Qt.WidgetAttribute.WA_Resized):
        full = page.width()  # the scroll area spans the page
    else:
        return []
    width = full - margins.left() - margins.right()
    bar = area.verticalScrollBar()
    if width <= 0:
        return []
    if bar.isVisible() or area.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return [width]
    return [width, width - bar.sizeHint().width()]
