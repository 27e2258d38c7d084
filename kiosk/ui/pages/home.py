"""Home: the forum at a glance and the five sections to explore, always on one screen."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from kiosk.model.navigation import Route
from kiosk.model.pages import Kind, Role, with_role
from kiosk.ui import a11y
from kiosk.ui.fmt import figure_text
from kiosk.ui.images import ImageFigure
from kiosk.ui.labels import label
from kiosk.ui.pages.base import REACH_TOP, PageContext, ScrollPage
from kiosk.ui.tokens import SIZE, SPACE
from kiosk.ui.widgets import Card, TapButton

__all__ = ["REACH_TOP", "HomePage", "tile_rows"]


def tile_rows(count: int, columns: int) -> list[int]:
    """How many tiles each row of a grid of *columns* holds (the last row may hold fewer)."""
    rows = [columns] * (count // columns)
    if count % columns:
        rows.append(count % columns)
    return rows


class HomePage(ScrollPage):
    """The hub: name, theme, dates, key figures and large entry tiles.

    Home never scrolls: when the screen, large text or low reach leave too little room, it lets
    go of what visitors can do without, in order (spare space, the tiles' least height, the
    picture, the headline, the big title, the figures, the tiles' icons above their names, the
    tiles' hints, the dates, the forum's name).
    Low reach keeps the reading matter at the top and the tiles and buttons in the lower part.
    """

    own_reach = True

    def __init__(self, ctx: PageContext, route: Route, parent: QWidget | None = None):
        super().__init__(ctx, route, parent)
        side = ctx.px(SPACE.xl * 2 if not ctx.portrait else SPACE.xl)
        self.column.setContentsMargins(side, ctx.px(SPACE.l), side, ctx.px(SPACE.m))
        self.column.setSpacing(ctx.px(SPACE.s))
        self.tiles: list[Card] = []
        #: What the parts built so far hold back until Home is whole and fits (see _build).
        self._held: list[QWidget] = []
        self.build_later(self._build())

    def _build(self) -> Iterator[None]:
        """The parts of Home, each built hidden (and polished); the last one shows them and fits
        Home to the screen: Home is never seen, nor measured, before it fits."""
        ctx = self.ctx
        lang = ctx.lang
        forum = ctx.content.forum
        outer = self.column
        if not ctx.low_reach:
            outer.addStretch(1)
        header = QHBoxLayout()
        header.setSpacing(ctx.px(SPACE.xl))
        column = QWidget()  # a widget, not a layout: it keeps its width when parts are hidden
        text = QVBoxLayout(column)
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(ctx.px(SPACE.s))
        self.eyebrow = label(forum.name.get(lang), "eyebrow")
        text.addWidget(self.eyebrow)
        theme = forum.theme.get(lang)
        self._title_role = "display" if len(theme) <= 16 else "displayLong"
        self.title = self.heading = a11y.heading(label(theme, self._title_role))
        text.addWidget(self.title)
        self.meta = label(f"{forum.dates.get(lang)}  ·  {forum.city.get(lang)}", "lead")
        text.addWidget(self.meta)
        row = QHBoxLayout()
        row.setSpacing(ctx.px(SPACE.m))
        self.headline = label(forum.headline.get(lang), "muted")
        row.addWidget(self.headline, 1)
        self.about = TapButton(
            ctx.ui("about.title"),
            ctx.factor,
            icon="mdi6.information-outline",
            role="bar",
            theme=ctx.theme,
        )
        ctx.link(self.about, Route(Kind.ABOUT))
        if not ctx.low_reach:
            row.addWidget(self.about, 0, Qt.AlignmentFlag.AlignLeft)
        text.addLayout(row)
        text.addStretch(1)
        header.addWidget(self._hold(column), 1)
        outer.addLayout(header)
        self._polish()
        yield
        self.picture = self._picture()
        if self.picture is not None and not ctx.portrait:
            header.addWidget(self._hold(self.picture), 0, Qt.AlignmentFlag.AlignTop)
        if self.picture is not None and ctx.portrait:
            centred = QHBoxLayout()
            centred.setContentsMargins(0, ctx.px(SPACE.m), 0, 0)
            centred.addStretch(1)
            centred.addWidget(self._hold(self.picture))
            centred.addStretch(1)
            outer.addLayout(centred)
        self._polish()
        yield
        self.figures = self._hold(self._figures())
        outer.addWidget(self.figures)
        outer.addStretch(1)
        self._polish()
        yield
        explore = QHBoxLayout()
        explore.setSpacing(ctx.px(SPACE.m))
        explore.addWidget(self._hold(label(ctx.ui("home.explore"), "eyebrow")), 1)
        if ctx.low_reach:  # the button comes down to the tiles
            explore.addWidget(self._hold(self.about))
        outer.addLayout(explore)
        self.tile_grid = self._tiles()
        outer.addLayout(self.tile_grid)
        self._polish()
        # What goes, in order, when the screen is short (see the class's docstring).
        self._tile_steps: list[Callable[[], None]] = [
            lambda: self._set_tiles(tall=False),
            lambda: self._set_tiles(tall=False, compact=True),
            lambda: self._set_tiles(tall=False, compact=True, body=False),
        ]
        self._steps: list[Callable[[], None]] = [
            lambda: self._figure_grid.setContentsMargins(0, 0, 0, 0),
            self._tile_steps[0],
            lambda: self._set_picture_width(SIZE.picture_width * 2 // 3),
            lambda: self._hide(self.picture),
            lambda: self._hide(self.headline),
            lambda: self._restyle(self.title, "title"),
            lambda: self._hide(self.figures),
            self._tile_steps[1],
            self._tile_steps[2],
            lambda: self._hide(self.meta),
            lambda: self._hide(self.eyebrow),
        ]
        yield
        held, self._held = self._held, []
        for widget in held:
            widget.setVisible(True)
        if self.isVisible():  # else it fits once it is shown at its size (resizeEvent)
            self.fit()

    def _hold(self, widget: QWidget) -> QWidget:
        """Keep *widget* hidden until Home is whole (see :meth:`_build`)."""
        widget.setVisible(False)
        self._held.append(widget)
        return widget

    def _polish(self) -> None:
        """Polish the widgets held back now, in this part, not all at once when shown."""
        for widget in self._held:
            widget.ensurePolished()

    def _picture(self) -> ImageFigure | None:
        ctx = self.ctx
        forum = ctx.content.forum
        hero = ctx.content.photo(forum.hero_photo) if forum.hero_photo else None
        if hero is None:
            return None
        picture = ImageFigure(
            hero.image,
            ctx.lang,
            ctx.factor,
            ctx.content.folder,
            hero.stand_in,
            captions=False,
            theme=ctx.theme,
        )
        return picture

    def _set_picture_width(self, width: int) -> None:
        if self.picture is not None:
            self.picture.setFixedWidth(self.ctx.px(width))

    def _figures(self) -> QWidget:
        ctx = self.ctx
        box = QWidget()
        figures = self._figure_grid = QGridLayout(box)
        figures.setContentsMargins(0, self._figures_gap(), 0, 0)
        figures.setHorizontalSpacing(ctx.px(SPACE.xl))
        figures.setVerticalSpacing(ctx.px(SPACE.m))
        per_row = 2 if ctx.portrait else 4
        for i, figure in enumerate(ctx.content.forum.figures[:4]):
            one = QVBoxLayout()
            one.setSpacing(0)
            one.addWidget(label(figure_text(figure, ctx.lang), "figure"))
            one.addWidget(label(figure.caption.get(ctx.lang), "caption"))
            one.addStretch(1)
            figures.addLayout(one, i // per_row, i % per_row)
        for c in range(per_row):
            figures.setColumnStretch(c, 1)
        return box

    def _figures_gap(self) -> int:
        return self.ctx.px(SPACE.m)

    def _tiles(self) -> QGridLayout:
        """The section tiles: as many a row as fit (large text: fewer, on two rows), each row
        spread over the whole width."""
        ctx = self.ctx
        grid = QGridLayout()
        grid.setSpacing(ctx.px(SPACE.m))
        sections = with_role(Role.SECTION)
        most = 2 if ctx.portrait else len(sections)
        columns = min(most, ctx.columns(len(sections), SIZE.tile_width))
        rows = tile_rows(len(sections), columns)
        span_all = math.lcm(*rows)
        index = 0
        for r, count in enumerate(rows):
            span = span_all // count
            for c in range(count):
                section = sections[index]
                index += 1
                card = Card(
                    ctx.ui(section.title),
                    ctx.factor,
                    theme=ctx.theme,
                    text=ctx.ui(section.hint),
                    icon=section.icon,
                )
                ctx.link(card, Route(section.kind))
                self.tiles.append(card)
                grid.addWidget(self._hold(card), r, c * span, 1, span)
        for c in range(span_all):
            grid.setColumnStretch(c, 1)
        return grid

    # -- fitting the screen ------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self.building:  # else after its last part
            self.fit()

    def fit(self) -> None:
        """Show everything, then let go of what is needed, in order, until Home fits.

        What Home built before for the same screen let go of (:attr:`PageContext.fits`) goes at
        once; what follows is measured as ever (once, when that was all)."""
        for widget in (self.picture, self.headline, self.figures, self.meta, self.eyebrow):
            if widget is not None:
                widget.setVisible(True)
        self._figure_grid.setContentsMargins(0, self._figures_gap(), 0, 0)
        self._set_picture_width(SIZE.picture_width)
        self._restyle(self.title, self._title_role)
        self._set_tiles()
        memo = self.ctx.fits
        key = self._fit_key()
        known = memo.get(key) if memo is not None else None
        tiles_known, steps_known = known if known is not None else (0, 0)
        tiles_taken = steps_taken = 0
        for i, step in enumerate(self._tile_steps):  # low reach: the tiles low enough first
            if i >= tiles_known and (not self.ctx.low_reach or self._tiles_low_enough()):
                break
            step()
            tiles_taken = i + 1
        done = self._tile_steps[:tiles_taken]
        for i, step in enumerate(self._steps):
            if i >= steps_known and self._needed_height() <= self.height():
                break
            if step not in done:
                step()
            steps_taken = i + 1
        if memo is not None:
            memo.put(key, (tiles_taken, steps_taken))

    def _fit_key(self) -> tuple[object, ...]:
        """What the steps :meth:`fit` takes depend on (the content aside: see
        :class:`~kiosk.ui.pages.memo.FitMemo`)."""
        ctx = self.ctx
        window = self.window()
        top = self.mapTo(window, QPoint(0, 0)).y()
        screen = (self.width(), self.height(), top, window.height())
        return (ctx.lang, ctx.factor, ctx.theme, ctx.portrait, ctx.low_reach, *screen)

    def _needed_height(self) -> int:
        column = self.column
        # Forget every cached size below (Qt would do it on its next layout pass, too late).
        inner = self.inner
        for layout in inner.findChildren(QLayout):
            layout.invalidate()
        for widget in inner.findChildren(QWidget):
            if widget.layout() is not None:
                widget.updateGeometry()
        column.invalidate()
        height = column.totalMinimumSize().height()
        if column.hasHeightForWidth():
            height = max(height, column.totalHeightForWidth(self.width()))
        return height

    def _tiles_low_enough(self) -> bool:
        """In low reach: the tiles' tops are below :data:`REACH_TOP` of the window."""
        margins = self.column.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        grid = self.tile_grid
        grid.invalidate()
        grid_height = grid.heightForWidth(width) if grid.hasHeightForWidth() else 0
        grid_height = max(grid_height, grid.minimumSize().height())
        top = self.mapTo(self.window(), QPoint(0, 0)).y()
        tiles_top = top + self.height() - margins.bottom() - grid_height
        return tiles_top >= REACH_TOP * self.window().height()

    def _set_tiles(self, tall: bool = True, compact: bool = False, body: bool = True) -> None:
        """Tiles at least their design height (*tall*), or as low as their text lets them."""
        least = SIZE.tile_min_portrait if self.ctx.portrait else SIZE.tile_min
        for card in self.tiles:
            card.min_height = self.ctx.px(least) if tall else 0
            card.set_compact(compact, body)
            card.updateGeometry()

    @staticmethod
    def _hide(widget: QWidget | None) -> None:
        if widget is not None:
            widget.setVisible(False)

    @staticmethod
    def _restyle(widget: QLabel, role: str) -> None:
        if widget.property("role") != role:
            widget.setProperty("role", role)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.updateGeometry()
