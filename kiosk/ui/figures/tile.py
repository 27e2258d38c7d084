"""One figure tile: a big number that counts up when first seen and flips to its source.

A :class:`FigureTile` paints one :class:`~kiosk.content.Figure` itself (no child widgets): the
number very large in gold, the unit beside it on the same baseline, the caption below. The first
time the tile is seen it counts up from 0 (:meth:`FigureTile.start_count`); a tap flips it, with
a quick horizontal squeeze, to the back face that says where the number comes from. Where each
part goes is worked out by :mod:`kiosk.ui.figures.layout`.

A tile paints in the colours of the theme it is given; with a theme that does not animate (proof
sheets, checks, tests that want the final state at once) numbers are final and flips instant.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QEvent,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.content import Figure, Lang
from kiosk.ui import icons
from kiosk.ui.figures.layout import TileComposer, TileLayout, TileText, parts
from kiosk.ui.fmt import decimals as _decimals
from kiosk.ui.fmt import figure_text, figure_with_unit
from kiosk.ui.fmt import number as _number
from kiosk.ui.strings import ui
from kiosk.ui.style import TAP
from kiosk.ui.tokens import ELEVATION, MOTION, RADII, SIZE, SPACE, TYPE, Theme, scaled

#: The count-up (ease-out) and the flip, in milliseconds.
COUNT_MS = MOTION.count_up
FLIP_MS = MOTION.flip
#: Tiles are laid out without clipping at any width from this (design pixels) up.
MIN_TILE_WIDTH = 300

#: How many tile layouts are shared between tiles (a tile built again, on a page built again,
#: takes its layout from here instead of shaping its text again, 1 ms a tile). Every tile of the
#: bundled content in both languages at one screen size takes about 350 (two widths each: the
#: columns of a row differ by a pixel or two); large text as many again. A layout takes about
#: 7.5 kB (its front's text laid out, its back faces' only once drawn: 29 kB with them), and the
#: idle reset keeps only those of the next visitor's language and size (:func:`forget_layouts`).
LAYOUT_CACHE_SIZE = 512

#: Keyed by (text, font, font families, factor, width).
_layouts: OrderedDict[tuple[TileText, str, tuple[str, ...], float, int], TileLayout] = OrderedDict()

_FRONT_ICON = "mdi6.information-outline"
_BACK_ICON = "mdi6.undo-variant"


class FigureTile(QAbstractButton):
    """One big number: it counts up when first seen and flips to its source when tapped.

    Args:
        figure: what to show.
        lang: the language of every text and of the number (Number.zh / Number.en).
        factor: the design scale factor.
        theme: the colours, and whether to count up and flip with animations.
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
        theme: Theme,
    ):
        super().__init__(parent)
        self.figure = figure
        self.lang: Lang = lang
        self.factor = factor
        self.theme = theme
        self.animate = theme.animate
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
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
        split = parts(figure, lang)
        self._countable = split is not None
        self._prefix, self._final_number, self._suffix = split or ("", self.final_text, "")
        self._text = TileText(
            lang,
            self._prefix,
            self._final_number,
            self._suffix,
            self.unit,
            self.caption,
            self.source,
        )
        self.setAccessibleName(
            " ".join(x for x in (figure_with_unit(figure, lang), self.caption) if x)
        )

        icon = scaled(TYPE.lead, factor)
        self._icons = {
            face: icons.icon(name, theme.palette.accent).pixmap(QSize(icon, icon))
            for face, name in (("front", _FRONT_ICON), ("back", _BACK_ICON))
        }
        self._layouts: dict[int, TileLayout] = {}

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
        self._describe()
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
        """The count-up is under way (held still, too, while its page is being pictured)."""
        return self.count_animation.state() != QAbstractAnimation.State.Stopped

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
        self._describe()
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
        self._describe()
        self.flipped.emit(on)

    def _describe(self) -> None:
        """The face shown, for a screen reader: the source, and whether the tile shows it."""
        key = "figure.source_shown" if self._source else "figure.source"
        self.setAccessibleDescription(ui(key, self.lang, source=self.source))

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
        width = scaled(SIZE.figure_tile, self.factor)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:  # the application font follows the language
            self._layouts.clear()
            self.updateGeometry()
        super().changeEvent(event)

    # -- layout --------------------------------------------------------------------------------

    # -- layout --------------------------------------------------------------------------------

    def _px(self, value: int) -> int:
        return scaled(value, self.factor)

    def _layout(self, width: int) -> TileLayout:
        width = max(width, self.minimumWidth())
        cached = self._layouts.get(width)
        if cached is None:
            if len(self._layouts) > 8:
                self._layouts.clear()
            cached = _composed(self._text, self.font(), self.factor, width)
            self._layouts[width] = cached
        return cached

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
        line = self._px(ELEVATION.raised)
        rect = QRectF(0, 0, width, height).adjusted(line / 2, line / 2, -line / 2, -line / 2)
        radius, p = self._px(RADII.l), self.theme.palette
        if self.isDown():
            fill: QColor | QLinearGradient = QColor(p.surface_pressed)
        else:
            fill = QLinearGradient(0, 0, width * 0.3, height)
            top, bottom = (p.surface_raised, p.surface) if back else (p.surface, p.background_deep)
            fill.setColorAt(0, QColor(top))
            fill.setColorAt(1, QColor(bottom))
        edge = p.accent if self.isDown() or back else p.outline
        painter.setPen(QPen(QColor(edge), line))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)

    def _paint_icon(self, painter: QPainter, layout: TileLayout, width: int, height: int) -> None:
        corner = QPoint(width - layout.pad - layout.icon, height - layout.pad - layout.icon)
        painter.drawPixmap(QRect(corner, QSize(layout.icon, layout.icon)), self._icons["front"])

    def _paint_front(self, painter: QPainter, layout: TileLayout, width: int, height: int) -> None:
        f, pad, p = layout.front, layout.pad, self.theme.palette
        gold = QColor(p.gold)
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
        # The unit in the number's colour: number and unit read as one figure.
        if f.unit_below is not None:
            f.unit_below.draw(painter, pad, f.unit_y, p.gold)
        elif self.unit:
            painter.setFont(f.unit_font)
            painter.drawText(QPointF(f.unit_x, f.baseline), self.unit)
        rule = QRectF(pad, f.rule_y, self._px(SPACE.xl), self._px(SPACE.xs // 2))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p.accent))
        painter.drawRoundedRect(rule, rule.height() / 2, rule.height() / 2)
        f.caption.draw(painter, pad, f.caption_y, p.text_muted)
        self._paint_icon(painter, layout, width, height)

    def _paint_back(self, painter: QPainter, layout: TileLayout, width: int, height: int) -> None:
        b, pad, p = layout.back(height), layout.pad, self.theme.palette
        heading = ui("source", self.lang)
        painter.setPen(QColor(p.accent))
        painter.setFont(b.heading_font)
        painter.drawText(QPointF(pad, b.heading_baseline), heading.upper())
        b.source.draw(painter, pad, b.source_y, p.text)
        painter.fillRect(
            QRectF(pad, b.divider_y, width - 2 * pad, self._px(ELEVATION.hairline)),
            QColor(p.outline),
        )
        b.caption.draw(painter, pad, b.caption_y, p.text_muted)
        # The way back: top right, beside the heading (the text below runs the full width).
        middle = b.heading_baseline - QFontMetricsF(b.heading_font).capHeight() / 2
        corner = QRectF(
            width - pad - layout.icon, middle - layout.icon / 2, layout.icon, layout.icon
        )
        painter.drawPixmap(corner, self._icons["back"], QRectF(self._icons["back"].rect()))


def forget_layouts(lang: Lang, factor: float) -> int:
    """Let the shared layouts of tiles in another language or at another scale than *lang* at
    *factor* go (the next visitor starts in one language and size); returns how many went."""
    gone = [key for key in _layouts if key[0].lang != lang or key[3] != factor]
    for key in gone:
        del _layouts[key]
    return len(gone)


def _composed(text: TileText, base: QFont, factor: float, width: int) -> TileLayout:
    """The layout of *text* at *width*, shared by every tile that shows it (bounded)."""
    key = (text, base.toString(), tuple(base.families()), factor, width)
    layout = _layouts.get(key)
    if layout is None:
        layout = TileComposer(text, base, factor).layout(width)
        _layouts[key] = layout
        if len(_layouts) > LAYOUT_CACHE_SIZE:
            _layouts.popitem(last=False)
    else:
        _layouts.move_to_end(key)
    return layout
