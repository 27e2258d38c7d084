"""The attract loop's slides: what each says (in both languages) and the drawing beside it.

Each slide pairs a few lines of text with a visual drawn by the kiosk's own widgets (the figure
tiles, the site plan, the "2+2+N" spectrum). :class:`SlideArt` lays a slide out for a window
size and paints it once into a pixmap, so the loop's animation only moves pixmaps.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from PySide6.QtCore import QPoint, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

from kiosk.content import Content, Figure, Lang, Text
from kiosk.ui.text import wrap
from kiosk.ui.tokens import SPACE, TYPE, Palette, Theme, scaled

if TYPE_CHECKING:
    from kiosk.ui.figures import FigureWall

#: Achievements shown on the loop, in this order (those that exist).
ACHIEVEMENTS = ("quantum-cloud", "proton-cyclotron", "frontier-competition", "technology-trading")
#: Figures shown on one slide at most (two rows of two tiles).
FIGURES = 4
#: A slide's lone figure tile: its width in design pixels and how much larger than on a page.
_ONE_TILE = 520
_ONE_TILE_SCALE = 1.5
#: The text sizes a wall of figures may be made at (of the page's) to show largest once fitted.
_WALL_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6)
#: A caption takes at most this many lines in each language.
CAPTION_LINES = 3
#: In portrait, the share of the slide's height its drawing keeps at least, the captions
#: shortened for it (large text would leave a lone figure a sliver under long titles).
_VISUAL_SHARE = 0.4
#: Between the two languages of a line, everywhere on the loop.
SEPARATOR = "  ·  "


class Visual(Enum):
    """What is drawn beside a slide's text."""

    FIGURES = "figures"  # the slide's figures as tiles
    PLAN = "plan"  # the bonded zone's site plan
    SPECTRUM = "spectrum"  # the zone's "2+2+N" spectrum


class Slide(NamedTuple):
    """One highlight: a small heading, a large line, a caption, and the drawing beside them."""

    eyebrow: Text
    big: Text
    caption: Text
    accent: str
    visual: Visual
    figures: tuple[Figure, ...] = ()


def slides_for(content: Content, palette: Palette) -> list[Slide]:
    """The slides drawn from *content*: the forum, achievements, Beijing, the zone; their
    accents from *palette*."""
    forum, p, empty = content.forum, palette, Text("", "")
    figures = Visual.FIGURES
    slides = [Slide(forum.name, forum.theme, forum.dates, p.accent, figures, forum.figures)]
    by_id = {a.id: a for a in content.achievements}
    for achievement_id in ACHIEVEMENTS:
        a = by_id.get(achievement_id)
        if a is not None and a.key_figure is not None:
            caption = a.what or empty
            slides.append(Slide(a.category, a.title, caption, p.gold, figures, (a.key_figure,)))
    beijing = content.beijing
    if beijing.figures:
        slides.append(
            Slide(forum.name, beijing.title, beijing.summary, p.accent, figures, beijing.figures)
        )
    zone = content.zone
    slides.append(Slide(zone.short_name, zone.name, zone.tagline, p.coral, Visual.PLAN))
    if zone.spectrum.tiers:
        slides.append(Slide(zone.short_name, zone.spectrum.title, empty, p.coral, Visual.SPECTRUM))
    return [s for s in slides if s.visual is not Visual.FIGURES or s.figures]


class _Run(NamedTuple):
    """One block of text: where it goes, its font and colour."""

    rect: QRectF
    font: QFont
    colour: str
    text: str


T = TypeVar("T")
#: Work done in steps: it yields between them (None, or :data:`WIDGETS`) and returns what it
#: made.
Steps = Generator[str | None, None, T]
#: Yielded before a step that renders widgets (a slide's drawing), which draws nothing while
#: the page's updates are off (a page built beneath the one on screen).
WIDGETS = "widgets"
#: A picture painted in steps (see :meth:`SlideArt.painting`).
Painting = Steps[QPixmap]

_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class SlideArt:
    """Lays out and paints the slides for one page (its size, language, scale and theme).

    The drawing widgets are made once per slide as hidden children of *page* and painted into
    pixmaps (never shown, never touched); a slide's picture is painted once per size.
    """

    def __init__(self, page: QWidget, content: Content, lang: Lang, factor: float, theme: Theme):
        self.page = page
        self.content = content
        self.lang: Lang = lang
        self.factor = factor
        self.theme = theme
        self._widgets: dict[int, QWidget] = {}
        self._walls: dict[tuple[int, float], QWidget] = {}
        self._big_fonts: dict[tuple[str, int], QFont] = {}

    # -- geometry ------------------------------------------------------------------------------

    @staticmethod
    def area(size: QSize) -> QRectF:
        """Where slides go: everything above the "Touch to start" cue."""
        w, h = size.width(), size.height()
        return QRectF(w * 0.06, h * 0.07, w * 0.88, h * 0.71)

    def _font(self, size: int, bold: bool = False) -> QFont:
        font = QFont(self.page.font())
        font.setPixelSize(max(1, scaled(size, self.factor)))
        font.setBold(bold)
        return font

    def _big_font(self, text: str, width: float) -> QFont:
        """The headline's font: 150 px for a short line, 6 px smaller a step until it fits one
        line (not below the title size, where it wraps), so that a phrase is not broken mid-way.

        The step is found from the width at the largest size (text widens with its size), then
        checked against its neighbours: two to four sizes measured instead of up to seventeen,
        each a font engine Qt makes (and later drops) for every slide of every loop."""
        key = (text, round(width))
        font = self._big_fonts.get(key)
        if font is None:
            sizes = [*range(150 if len(text) <= 10 else 108, TYPE.title, -6), TYPE.title]

            def fits(index: int) -> bool:
                return advance(index) <= width

            def advance(index: int) -> float:
                metrics = QFontMetricsF(self._font(sizes[index], bold=True))
                return metrics.horizontalAdvance(text)

            index, widest = 0, advance(0)
            if widest > width:
                guess = sizes[0] * width / widest
                index = next((i for i, size in enumerate(sizes) if size <= guess), len(sizes) - 1)
                while index > 1 and fits(index - 1):
                    index -= 1
                while index < len(sizes) - 1 and not fits(index):
                    index += 1
            font = self._font(sizes[index], bold=True)
            self._big_fonts[key] = font
        return font

    def _text(
        self, slide: Slide, x: float, width: float, caption_lines: int = CAPTION_LINES
    ) -> tuple[list[_Run], float]:
        """The slide's text from the top (y = 0) at *x*, *width* wide; and its height. The
        captions take at most *caption_lines* lines each (none at 0)."""
        p = self.theme.palette
        runs: list[_Run] = []
        y = 0.0

        def add(text: str, font: QFont, colour: str, gap: float, lines: int = 0) -> None:
            nonlocal y
            if not text:
                return
            if lines:  # shortened at a sentence, phrase or word end
                text = "\n".join(wrap(text, font, width, lines))
            y += gap if runs else 0.0
            box = QFontMetricsF(font).boundingRect(QRectF(x, y, width, 1 << 16), _FLAGS, text)
            runs.append(_Run(QRectF(x, y, width, box.height()), font, colour, text))
            y += box.height()

        small, gap = self.factor * SPACE.s, self.factor * SPACE.l
        add(
            f"{slide.eyebrow.zh}{SEPARATOR}{slide.eyebrow.en}",
            self._font(TYPE.lead, True),
            slide.accent,
            0,
        )
        add(slide.big.zh, self._big_font(slide.big.zh, width), p.text, small)
        if slide.big.en != slide.big.zh:
            add(slide.big.en, self._font(TYPE.title), p.text_muted, 0)
        if caption_lines:
            add(slide.caption.zh, self._font(TYPE.lead), p.text, gap, caption_lines)
            add(slide.caption.en, self._font(TYPE.body), p.text_muted, small, caption_lines)
        return runs, y

    # -- painting ------------------------------------------------------------------------------

    def paint(self, index: int, slide: Slide, size: QSize, ratio: float) -> QPixmap:
        """Slide *index* painted on a transparent pixmap of the window's *size*: its text on
        the left and the visual on the right (landscape), or the text above the visual."""
        return finish(self.painting(index, slide, size, ratio))

    def painting(self, index: int, slide: Slide, size: QSize, ratio: float) -> Painting:
        """:meth:`paint` in steps of a few milliseconds, so the page can paint its first slide
        over a few turns of the event loop (in one, 20-70 ms at 1080p): it yields between them
        (:data:`WIDGETS` before the step that renders the drawing's widgets, which draws
        nothing while the page's updates are off) and returns the pixmap. The same pixels
        either way."""
        area = self.area(size)
        gap = self.factor * SPACE.xl
        if size.width() >= size.height():  # side by side, each centred in the height
            text_w = area.width() * 0.5
            for lines in (CAPTION_LINES, 2, 0):  # shorter captions (or none) rather than overflow
                runs, height = self._text(slide, area.left(), text_w, lines)
                if height <= area.height():
                    break
            top = area.top() + max(0.0, (area.height() - height) / 2)
            box = QRectF(area.left() + text_w + gap, area.top(), 0, area.height())
            box.setRight(area.right())
            yield None
            widget = yield from self.visual(index, slide, box.size().toSize())
            target = _fitted(self._shown_size(widget), box)
            target.moveCenter(box.center())
        else:  # the text above the visual, the two centred together
            for lines in (CAPTION_LINES, 2, 0):  # shorter captions (or none) leave it room
                runs, height = self._text(slide, area.left(), area.width(), lines)
                if area.height() - height - gap >= _VISUAL_SHARE * area.height():
                    break
            box = QRectF(area.left(), 0, area.width(), max(1.0, area.height() - height - gap))
            yield None
            widget = yield from self.visual(index, slide, box.size().toSize())
            target = _fitted(self._shown_size(widget), box)
            top = area.top() + max(0.0, (area.height() - height - gap - target.height()) / 2)
            target.moveCenter(box.center())
            target.moveTop(top + height + gap)
        pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = _painter(pixmap)
        for run in runs:
            painter.setFont(run.font)
            painter.setPen(QColor(run.colour))
            painter.drawText(run.rect.translated(0, top), _FLAGS, run.text)
        painter.end()
        yield WIDGETS
        picture = self.rendered(widget)
        painter = _painter(pixmap)
        painter.drawPixmap(target, picture, QRectF(picture.rect()))
        painter.end()
        return pixmap

    def visual(self, index: int, slide: Slide, room: QSize) -> Steps[QWidget]:
        """The widget that draws the slide's drawing, laid out for *room* (it may come out
        smaller, or taller: the caller scales it down to fit); in steps, as :meth:`painting`."""
        # The drawings' modules load with the first slide painted, not with the page: the
        # first frame's slide is usually read back from the picture cache (attract_cache).
        from kiosk.ui.figures import FigureWall
        from kiosk.ui.zone import SitePlan

        widget = self._widgets.get(index)
        if widget is None:
            widget = self._widgets[index] = self._make(slide)
            yield None
        width = room.width()
        if isinstance(widget, SitePlan):  # the wide arrangement of the site, as on the zone page
            height = min(room.height(), round(width * 9 / 16))
            width = min(width, round(height * 16 / 9))
        else:
            if isinstance(widget, FigureWall):
                widget = yield from self._fitting_wall(index, slide, room)
                width = _wall_width(widget, room)
            height = widget.heightForWidth(width)
        widget.resize(width, max(1, height))
        return widget

    def _device_size(self, widget: QWidget) -> QSize:
        """The size of :meth:`rendered`'s picture of *widget*, in device pixels."""
        ratio = self.page.devicePixelRatioF()
        return QSize(round(widget.width() * ratio), round(widget.height() * ratio))

    def _shown_size(self, widget: QWidget) -> QSizeF:
        """The size :meth:`rendered` draws *widget* at, in device-independent pixels."""
        return QSizeF(self._device_size(widget)) / self.page.devicePixelRatioF()

    def rendered(self, widget: QWidget) -> QPixmap:
        """*widget* (a slide's drawing, laid out) painted on a transparent pixmap."""
        ratio = self.page.devicePixelRatioF()
        picture = QPixmap(self._device_size(widget))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        # Its children and itself, without the window colour behind (grab() would fill it).
        widget.render(picture, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
        return picture

    def _fitting_wall(self, index: int, slide: Slide, room: QSize) -> Steps[FigureWall]:
        """The slide's wall of figures whose text shows largest in *room*: a wall too
        tall for it is scaled down, and one made with smaller text can show it larger (large
        text in portrait). Each size tried is made once and kept (a step each)."""
        from kiosk.ui.figures import FigureWall

        best: FigureWall | None = None
        best_size = 0.0
        for step in _WALL_STEPS:
            wall = self._widgets[index] if step == 1.0 else self._walls.get((index, step))
            if wall is None:
                base = self._widgets[index]
                assert isinstance(base, FigureWall)
                wall = self._walls[(index, step)] = self._make(slide, base.factor * step)
                yield None
            assert isinstance(wall, FigureWall)
            width = _wall_width(wall, room)
            height = max(1, wall.heightForWidth(width))
            size = wall.factor * min(1.0, room.width() / width, room.height() / height)
            if size <= best_size:
                break  # smaller text from here on
            best, best_size = wall, size
            if size >= wall.factor:
                break  # it fits unscaled
        assert best is not None
        return best

    def _make(self, slide: Slide, wall_factor: float = 0.0) -> QWidget:
        from kiosk.ui.figures import FigureWall
        from kiosk.ui.zone import SitePlan, SpectrumDiagram

        still, zone = self.theme.still(), self.content.zone
        widget: QWidget
        if slide.visual is Visual.PLAN:
            widget = SitePlan(zone, self.lang, self.factor, self.page, theme=still)
        elif slide.visual is Visual.SPECTRUM:
            widget = SpectrumDiagram(zone.spectrum, self.lang, self.factor, self.page, theme=still)
        else:  # a lone figure larger than on its page
            figures = list(slide.figures[:FIGURES])
            factor = self.factor * (_ONE_TILE_SCALE if len(figures) == 1 else 1.0)
            factor = wall_factor or factor
            widget = FigureWall(figures, self.lang, factor, self.page, theme=still)
        widget.hide()
        return widget


def _wall_width(wall: FigureWall, room: QSize) -> int:
    """The width to lay *wall* out at for *room*: the room's, or wider with more columns where
    that shows the tiles larger once scaled down to fit (in large text the room's width would
    stack the tiles in one column too tall for it, drawn smaller than without large text)."""
    from kiosk.ui.figures import ONE_COLUMN_BELOW, TWO_COLUMNS_BELOW

    if len(wall.tiles) == 1:  # a lone tile: larger than on its page, but not too wide
        return min(room.width(), scaled(_ONE_TILE, wall.factor))
    best, best_scale = room.width(), 0.0
    for columns_from in (0, ONE_COLUMN_BELOW, TWO_COLUMNS_BELOW):
        width = max(room.width(), scaled(columns_from, wall.factor))
        height = max(1, wall.heightForWidth(width))
        scale = min(1.0, room.width() / width, room.height() / height)
        if scale > best_scale + 0.01:
            best, best_scale = width, scale
    return best


def finish(steps: Steps[T]) -> T:
    """What *steps* make, all steps taken now."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            made: T = done.value
            return made


def at_once(paint: Callable[[], QPixmap]) -> Painting:
    """*paint* as a painting of one step (that renders no widget)."""
    yield from ()
    return paint()


def _painter(pixmap: QPixmap) -> QPainter:
    """A painter on *pixmap* as the slides are painted: smooth shapes, text and scaling."""
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    return painter


def _fitted(shown: QSizeF, box: QRectF) -> QRectF:
    """Where a picture of size *shown* is drawn in *box*: its own size, or smaller to fit (at
    the origin)."""
    scale = min(1.0, box.width() / shown.width(), box.height() / shown.height())
    return QRectF(0, 0, shown.width() * scale, shown.height() * scale)
