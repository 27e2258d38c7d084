"""The figures wall: big-number tiles that count up as they come into view and flip to their source.

A :class:`FigureTile` paints one :class:`~kiosk.content.Figure` itself (no child widgets): the
number very large in gold, the unit beside it on the same baseline, the caption below. The first
time the tile is seen it counts up from 0 (:meth:`FigureTile.start_count`); a tap flips it, with
a quick horizontal squeeze, to the back face that says where the number comes from.

A :class:`FigureWall` lays the tiles out in 3, 2 or 1 columns and, once attached to the scroll
area it lives in (:meth:`FigureWall.attach`), starts each tile's count when the tile scrolls into
view. When the unit does not fit beside the number it goes below it; when even the number does not
fit (narrow tiles, long prefixes), its type shrinks. Text uses the widget's font family (the
application font for the language), at the sizes of :data:`~kiosk.ui.tokens.TYPE`.

Set :data:`ANIMATE` to ``False`` (or pass ``animate=False``) for proof sheets and tests that want
the final state at once: numbers show their final value and flips are instant.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QMoveEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QSizePolicy,
    QWidget,
)

from kiosk.content import Figure, Lang
from kiosk.ui import fmt, icons
from kiosk.ui.fmt import decimals as _decimals
from kiosk.ui.fmt import figure_text
from kiosk.ui.fmt import number as _number
from kiosk.ui.strings import ui
from kiosk.ui.style import TAP
from kiosk.ui.tokens import MOTION, PALETTE, RADII, SPACE, TYPE, scaled

#: Animate count-ups and flips. Proof sheets and tests may set this to False before building.
ANIMATE = True
#: The count-up (ease-out) and the flip, in milliseconds.
COUNT_MS = MOTION.count_up
FLIP_MS = MOTION.flip
#: Tiles are laid out without clipping at any width from this (design pixels) up.
MIN_TILE_WIDTH = 300
#: The wall has 3 columns, 2 below the first width and 1 below the second (design pixels).
TWO_COLUMNS_BELOW = 1300
ONE_COLUMN_BELOW = 700

_FRONT_ICON = "mdi6.information-outline"
_BACK_ICON = "mdi6.undo-variant"


# --- numbers ---------------------------------------------------------------------------------


def _parts(figure: Figure, lang: Lang) -> tuple[str, str, str] | None:
    """The figure's text as (prefix, number, suffix), or None if it is not written that way."""
    value = figure.value.get(lang)
    prefix = figure.prefix.get(lang) if figure.prefix else ""
    suffix = figure.suffix.get(lang) if figure.suffix else ""
    prefix = fmt.prefix_text(prefix, lang)
    number = _number(value, _decimals(value), lang)
    if prefix + number + suffix != figure_text(figure, lang):
        return None
    return prefix, number, suffix


# --- text measured and laid out once per width -----------------------------------------------


def _font(base: QFont, pixels: float, bold: bool = False, spacing: float = 100.0) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    if spacing != 100.0:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    return font


class _Paragraph:
    """Text wrapped to a width (between words in English, between characters in Chinese)."""

    def __init__(self, text: str, font: QFont, width: float):
        self.layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.layout.setTextOption(option)
        self.layout.beginLayout()
        y = 0.0
        self.width = 0.0
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            line.setPosition(QPointF(0, y))
            y += line.height()
            self.width = max(self.width, line.naturalTextWidth())
        self.layout.endLayout()
        self.height = y

    def tail_width(self, depth: float) -> float:
        """How far right the lines reach within *depth* of the paragraph's bottom."""
        lines = (self.layout.lineAt(i) for i in range(self.layout.lineCount()))
        return max(
            (ln.naturalTextWidth() for ln in lines if ln.y() + ln.height() > self.height - depth),
            default=0.0,
        )

    def draw(self, painter: QPainter, x: float, y: float, color: str) -> None:
        painter.setPen(QColor(color))
        self.layout.draw(painter, QPointF(x, y))


@dataclass
class _Front:
    """Where the front face's parts go at one tile width."""

    big: QFont
    small: QFont
    unit_font: QFont
    baseline: float
    slot_x: float
    slot_width: float
    suffix_x: float
    unit_x: float  # beside the number; the unit is a paragraph below it when unit_below is set
    unit_below: _Paragraph | None
    unit_y: float
    rule_y: float
    caption: _Paragraph
    caption_y: float
    height: float


@dataclass
class _Back:
    heading_font: QFont
    heading_baseline: float
    source: _Paragraph
    source_y: float
    divider_y: float
    caption: _Paragraph
    caption_y: float
    height: float


@dataclass
class _Layout:
    pad: int
    icon: int
    front: _Front
    backs: tuple[_Back, ...]  # the source in body type, then in caption type

    @property
    def height(self) -> int:
        return math.ceil(max(self.front.height, self.backs[-1].height))

    def back(self, height: int) -> _Back:
        """The back face in the largest type that fits *height*."""
        return next((b for b in self.backs if b.height <= height), self.backs[-1])


# --- one tile --------------------------------------------------------------------------------


class FigureTile(QAbstractButton):
    """One big number: it counts up when first seen and flips to its source when tapped.

    Args:
        figure: what to show.
        lang: the language of every text and of the number (Number.zh / Number.en).
        factor: the design scale factor.
        animate: count up and flip with animations (default: the module's :data:`ANIMATE`).
    """

    #: The tile turned: True when it now shows the source.
    flipped = Signal(bool)
    #: The count-up reached the final value.
    count_finished = Signal()

    def __init__(
        self,
        figure: Figure,
        lang: Lang,
        factor: float,
        parent: QWidget | None = None,
        *,
        animate: bool | None = None,
    ):
        super().__init__(parent)
        self.figure = figure
        self.lang: Lang = lang
        self.factor = factor
        self.animate = ANIMATE if animate is None else animate
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tap = scaled(TAP, factor)
        self.setMinimumSize(tap, tap)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

        self.final_text = figure_text(figure, lang)
        self.unit = figure.unit.get(lang) if figure.unit else ""
        self.caption = figure.caption.get(lang)
        self.source = figure.source.get(lang)
        self._value = figure.value.get(lang)
        self._decimals = _decimals(self._value)
        parts = _parts(figure, lang)
        self._countable = parts is not None
        self._prefix, self._final_number, self._suffix = parts or ("", self.final_text, "")
        self.setAccessibleName(" ".join(x for x in (self.final_text, self.unit, self.caption) if x))
        self.setAccessibleDescription(self.source)

        icon = scaled(TYPE.lead, factor)
        self._icons = {
            face: icons.icon(name, PALETTE.accent).pixmap(QSize(icon, icon))
            for face, name in (("front", _FRONT_ICON), ("back", _BACK_ICON))
        }
        self._layouts: dict[int, _Layout] = {}

        self._progress = 0.0 if self.animate else 1.0
        self._counted = not self.animate
        self.count_animation = QVariantAnimation(self)
        self.count_animation.setStartValue(0.0)
        self.count_animation.setEndValue(1.0)
        self.count_animation.setDuration(COUNT_MS)
        self.count_animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.count_animation.valueChanged.connect(self._count_step)
        self.count_animation.finished.connect(self._count_done)

        self._source = False
        self._turn = 0.0  # 0: front, 1: back; in between during a flip
        self.flip_animation = QVariantAnimation(self)
        self.flip_animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self.flip_animation.valueChanged.connect(self._flip_step)
        self.clicked.connect(self.toggle_source)

    # -- state ---------------------------------------------------------------------------------

    @property
    def counted(self) -> bool:
        """The count-up has run (or was not needed): the tile shows its final value."""
        return self._counted

    @property
    def counting(self) -> bool:
        return self.count_animation.state() == QAbstractAnimation.State.Running

    @property
    def showing_source(self) -> bool:
        """The tile shows (or is turning to show) its back face with the source."""
        return self._source

    @property
    def shown_number(self) -> str:
        """The number as painted now, without prefix or suffix (e.g. "1,601.2" mid-count)."""
        if self._progress >= 1.0 or not self._countable:
            return self._final_number
        return _number(self._value * self._progress, self._decimals, self.lang)

    @property
    def shown_text(self) -> str:
        """The prefix, number and suffix as painted now (the final text once counted)."""
        return self._prefix + self.shown_number + self._suffix

    # -- count-up ------------------------------------------------------------------------------

    def start_count(self) -> None:
        """Count up from 0 to the final value, once (later calls do nothing until reset)."""
        if self._counted or self.counting:
            return
        if not self.animate or not self._countable:
            self._progress = 1.0
            self._count_done()
            return
        self.count_animation.start()

    def reset(self) -> None:
        """Back to 0, not counted, front face up (no signal)."""
        self.count_animation.stop()
        self.flip_animation.stop()
        self._progress = 0.0
        self._counted = False
        self._source = False
        self._turn = 0.0
        self.update()

    def _count_step(self, value: object) -> None:
        if isinstance(value, float):
            self._progress = value
            self.update()

    def _count_done(self) -> None:
        self._progress = 1.0
        self._counted = True
        self.update()
        self.count_finished.emit()

    # -- flip ----------------------------------------------------------------------------------

    @Slot()
    def toggle_source(self) -> None:
        self.set_source(not self._source)

    def set_source(self, on: bool) -> None:
        """Turn to the source (*on*) or back to the number; emits :attr:`flipped` on a change."""
        if on == self._source:
            return
        self._source = on
        target = 1.0 if on else 0.0
        self.flip_animation.stop()
        if self.animate:
            self.flip_animation.setStartValue(self._turn)
            self.flip_animation.setEndValue(target)
            self.flip_animation.setDuration(max(1, round(FLIP_MS * abs(target - self._turn))))
            self.flip_animation.start()
        else:
            self._turn = target
            self.update()
        self.flipped.emit(on)

    def _flip_step(self, value: object) -> None:
        if isinstance(value, float):
            self._turn = value
            self.update()

    # -- size ----------------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return max(self.minimumHeight(), self._layout(width).height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(480, self.factor)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:  # the application font follows the language
            self._layouts.clear()
            self.updateGeometry()
        super().changeEvent(event)

    # -- layout --------------------------------------------------------------------------------

    def _px(self, value: int) -> int:
        return scaled(value, self.factor)

    def _layout(self, width: int) -> _Layout:
        width = max(width, self.minimumWidth())
        cached = self._layouts.get(width)
        if cached is None:
            if len(self._layouts) > 8:
                self._layouts.clear()
            pad = self._px(SPACE.l if width >= scaled(480, self.factor) else SPACE.m)
            icon = self._px(TYPE.lead)
            inner = max(1, width - 2 * pad)
            backs = tuple(self._back(pad, inner, icon, size) for size in (TYPE.body, TYPE.caption))
            cached = _Layout(pad, icon, self._front(pad, inner, icon), backs)
            self._layouts[width] = cached
        return cached

    def _number_fonts(self, inner: int) -> tuple[QFont, QFont, float, float, float]:
        """The number's fonts (shrunk if needed to fit *inner*) and the widths of its parts."""
        shrink = 1.0
        while True:
            big = _font(self.font(), self._px(TYPE.figure) * shrink, bold=True)
            small = _font(self.font(), self._px(TYPE.title) * shrink, bold=True)
            fm_big, fm_small = QFontMetricsF(big), QFontMetricsF(small)
            # Reserve the widest the number can be while it counts (no jitter).
            digits = [
                "".join(d if c.isdigit() else c for c in self._final_number) for d in "0123456789"
            ]
            slot = max(fm_big.horizontalAdvance(t) for t in [self._final_number, *digits])
            prefix = fm_small.horizontalAdvance(self._prefix)
            suffix = fm_small.horizontalAdvance(self._suffix)
            total = prefix + slot + suffix
            if total <= inner or big.pixelSize() <= 8:
                return big, small, prefix, slot, suffix
            shrink *= max(0.5, min(0.97, inner / total))

    def _front(self, pad: int, inner: int, icon: int) -> _Front:
        big, small, prefix_w, slot_w, suffix_w = self._number_fonts(inner)
        unit_font = _font(self.font(), self._px(TYPE.lead))
        fm_unit = QFontMetricsF(unit_font)
        slot_x = pad + prefix_w
        suffix_x = slot_x + slot_w
        unit_x = suffix_x + suffix_w + self._px(SPACE.s // 2)
        beside = bool(self.unit) and unit_x + fm_unit.horizontalAdvance(self.unit) <= pad + inner
        # Tight vertical bounds of what sits on the baseline, so the number starts at the padding.
        runs = [(big, self._final_number), (small, self._prefix), (small, self._suffix)]
        if beside:
            runs.append((unit_font, self.unit))
        rects = [QFontMetricsF(font).tightBoundingRect(text) for font, text in runs if text]
        ascent = max(-r.top() for r in rects)
        descent = max(0.0, *(r.bottom() for r in rects))
        baseline = pad + ascent
        y = baseline + descent
        unit_below = None
        unit_y = y
        if self.unit and not beside:
            unit_y = y + self._px(SPACE.xs)
            unit_below = _Paragraph(self.unit, unit_font, inner)
            y = unit_y + unit_below.height
        rule_y = y + self._px(SPACE.m)
        caption_y = rule_y + self._px(SPACE.xs // 2) + self._px(SPACE.s)
        caption = _Paragraph(self.caption, _font(self.font(), self._px(TYPE.body)), inner)
        height = self._bottom(caption_y, caption, inner, icon) + pad
        return _Front(
            big,
            small,
            unit_font,
            baseline,
            slot_x,
            slot_w,
            suffix_x,
            unit_x,
            unit_below,
            unit_y,
            rule_y,
            caption,
            caption_y,
            height,
        )

    def _bottom(self, top: float, text: _Paragraph, inner: int, icon: int) -> float:
        """Where a face's content ends: below the last text, and below the corner icon when
        the last lines reach under it (the icon sits in the bottom-right corner)."""
        bottom = top + max(text.height, icon)
        gap = self._px(SPACE.s)
        if text.tail_width(icon) > inner - icon - gap:
            bottom = top + text.height + gap + icon
        return bottom

    def _back(self, pad: int, inner: int, icon: int, size: int) -> _Back:
        spacing = fmt.heading_spacing(self.lang)
        heading_font = _font(self.font(), self._px(TYPE.caption), bold=True, spacing=spacing)
        fm = QFontMetricsF(heading_font)
        heading_baseline = pad + fm.capHeight()
        source_y = heading_baseline + fm.descent() + self._px(SPACE.xs)
        source = _Paragraph(self.source, _font(self.font(), self._px(size)), inner)
        divider_y = source_y + source.height + self._px(SPACE.xs)
        caption_y = divider_y + self._px(SPACE.xs)
        caption = _Paragraph(self.caption, _font(self.font(), self._px(TYPE.caption)), inner)
        height = caption_y + caption.height + pad
        return _Back(
            heading_font,
            heading_baseline,
            source,
            source_y,
            divider_y,
            caption,
            caption_y,
            height,
        )

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        width, height = self.width(), self.height()
        layout = self._layout(width)
        squeeze = abs(math.cos(math.pi * self._turn))
        back = self._turn >= 0.5
        if squeeze < 0.999:
            painter.translate(width / 2, 0)
            painter.scale(max(squeeze, 0.02), 1.0)
            painter.translate(-width / 2, 0)
        self._paint_card(painter, width, height, back)
        if back:
            self._paint_back(painter, layout, width, height)
        else:
            self._paint_front(painter, layout, width, height)
        painter.end()

    def _paint_card(self, painter: QPainter, width: int, height: int, back: bool) -> None:
        line = self._px(2)
        rect = QRectF(0, 0, width, height).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        radius = self._px(RADII.l)
        if self.isDown():
            fill: QColor | QLinearGradient = QColor(PALETTE.surface_pressed)
        else:
            fill = QLinearGradient(0, 0, width * 0.3, height)
            top, bottom = (
                (PALETTE.surface_raised, PALETTE.surface)
                if back
                else (PALETTE.surface, PALETTE.background_deep)
            )
            fill.setColorAt(0, QColor(top))
            fill.setColorAt(1, QColor(bottom))
        edge = PALETTE.accent if self.isDown() or back else PALETTE.outline
        painter.setPen(QPen(QColor(edge), line))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)

    def _paint_icon(self, painter: QPainter, layout: _Layout, width: int, height: int) -> None:
        corner = QPoint(width - layout.pad - layout.icon, height - layout.pad - layout.icon)
        painter.drawPixmap(QRect(corner, QSize(layout.icon, layout.icon)), self._icons["front"])

    def _paint_front(self, painter: QPainter, layout: _Layout, width: int, height: int) -> None:
        f, pad = layout.front, layout.pad
        gold = QColor(PALETTE.gold)
        painter.setPen(gold)
        if self._prefix:
            painter.setFont(f.small)
            painter.drawText(QPointF(pad, f.baseline), self._prefix)
        number = self.shown_number
        painter.setFont(f.big)
        advance = QFontMetricsF(f.big).horizontalAdvance(number)
        painter.drawText(QPointF(f.slot_x + f.slot_width - advance, f.baseline), number)
        if self._suffix:
            painter.setFont(f.small)
            painter.drawText(QPointF(f.suffix_x, f.baseline), self._suffix)
        if f.unit_below is not None:
            f.unit_below.draw(painter, pad, f.unit_y, PALETTE.text)
        elif self.unit:
            painter.setPen(QColor(PALETTE.text))
            painter.setFont(f.unit_font)
            painter.drawText(QPointF(f.unit_x, f.baseline), self.unit)
        rule = QRectF(pad, f.rule_y, self._px(SPACE.xl), self._px(SPACE.xs // 2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PALETTE.accent))
        painter.drawRoundedRect(rule, rule.height() / 2, rule.height() / 2)
        f.caption.draw(painter, pad, f.caption_y, PALETTE.text_muted)
        self._paint_icon(painter, layout, width, height)

    def _paint_back(self, painter: QPainter, layout: _Layout, width: int, height: int) -> None:
        b, pad = layout.back(height), layout.pad
        heading = ui("source", self.lang)
        painter.setPen(QColor(PALETTE.accent))
        painter.setFont(b.heading_font)
        painter.drawText(QPointF(pad, b.heading_baseline), heading.upper())
        b.source.draw(painter, pad, b.source_y, PALETTE.text)
        painter.fillRect(
            QRectF(pad, b.divider_y, width - 2 * pad, self._px(1)), QColor(PALETTE.outline)
        )
        b.caption.draw(painter, pad, b.caption_y, PALETTE.text_muted)
        # The way back: top right, beside the heading (the text below runs the full width).
        middle = b.heading_baseline - QFontMetricsF(b.heading_font).capHeight() / 2
        corner = QRectF(
            width - pad - layout.icon, middle - layout.icon / 2, layout.icon, layout.icon
        )
        painter.drawPixmap(corner, self._icons["back"], QRectF(self._icons["back"].rect()))


# --- the wall --------------------------------------------------------------------------------


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
        animate: bool | None = None,
    ):
        super().__init__(parent)
        self.factor = factor
        self.lang: Lang = lang
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._tiles = [FigureTile(f, lang, factor, self, animate=animate) for f in figures]
        for tile in self._tiles:
            tile.flipped.connect(lambda _on=False, fid=tile.figure.id: self.tile_flipped.emit(fid))
        self._area: QAbstractScrollArea | None = None
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(0)
        self._check.timeout.connect(self.check_visible)

    @property
    def tiles(self) -> list[FigureTile]:
        return list(self._tiles)

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
        width = scaled(1664, self.factor)
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
