"""The text of one figure tile, measured and laid out once per width.

:class:`TileComposer` places the parts of a tile's two faces at one width: on the front the
number very large, the unit beside it on the same baseline (or below it when it does not fit) and
the caption below; on the back the source and the caption. When even the number does not fit
(narrow tiles, long prefixes), its type shrinks. Text uses the tile's font family (the application
font for the language), at the sizes of :data:`~kiosk.ui.tokens.TYPE`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from kiosk.content import Figure, Lang
from kiosk.content.breaks import glue
from kiosk.ui import fmt
from kiosk.ui.fmt import decimals as _decimals
from kiosk.ui.fmt import figure_text
from kiosk.ui.fmt import number as _number
from kiosk.ui.tokens import SIZE, SPACE, TYPE, scaled

#: How far a number may shrink so that its unit stays beside it on the same line.
UNIT_SHRINK = 0.7

# --- numbers ---------------------------------------------------------------------------------


def parts(figure: Figure, lang: Lang) -> tuple[str, str, str] | None:
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


def font(base: QFont, pixels: float, bold: bool = False, spacing: float = 100.0) -> QFont:
    result = QFont(base)
    result.setPixelSize(max(1, round(pixels)))
    result.setBold(bold)
    if spacing != 100.0:
        result.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    return result


class Paragraph:
    """Text wrapped to a width (between words in English, between characters in Chinese).

    A paragraph seldom drawn (*keep* false: the back face's, seen only after a flip) keeps its
    measurements, not its laid-out text: that is laid out again when first drawn and kept from
    then on. Most of a tile layout's memory was its back faces' text (four of five paragraphs)."""

    def __init__(self, text: str, font: QFont, width: float, keep: bool = True):
        self.text, self.font, self.wrap_width = text, QFont(font), width
        self.width = 0.0
        self.height = 0.0
        layout = self._lay_out()
        self._layout: QTextLayout | None = layout if keep else None

    def _lay_out(self) -> QTextLayout:
        layout = QTextLayout(self.text, self.font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        self.width = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, self.wrap_width))
            line.setPosition(QPointF(0, y))
            y += line.height()
            self.width = max(self.width, line.naturalTextWidth())
        layout.endLayout()
        self.height = y
        return layout

    @property
    def layout(self) -> QTextLayout:
        """The laid-out text (laid out again if it was not kept)."""
        if self._layout is None:
            self._layout = self._lay_out()
        return self._layout

    def tail_width(self, depth: float) -> float:
        """How far right the lines reach within *depth* of the paragraph's bottom."""
        layout = self.layout
        lines = (layout.lineAt(i) for i in range(layout.lineCount()))
        return max(
            (ln.naturalTextWidth() for ln in lines if ln.y() + ln.height() > self.height - depth),
            default=0.0,
        )

    def draw(self, painter: QPainter, x: float, y: float, color: str) -> None:
        painter.setPen(QColor(color))
        self.layout.draw(painter, QPointF(x, y))


@dataclass
class Front:
    """Where the front face's parts go at one tile width."""

    big: QFont
    small: QFont
    unit_font: QFont
    baseline: float
    slot_x: float
    slot_width: float
    suffix_x: float
    unit_x: float  # beside the number; the unit is a paragraph below it when unit_below is set
    unit_below: Paragraph | None
    unit_y: float
    rule_y: float
    caption: Paragraph
    caption_y: float
    height: float


@dataclass
class Back:
    heading_font: QFont
    heading_baseline: float
    source: Paragraph
    source_y: float
    divider_y: float
    caption: Paragraph
    caption_y: float
    height: float


@dataclass
class TileLayout:
    pad: int
    icon: int
    front: Front
    backs: tuple[Back, ...]  # the source in body type, then in caption type

    @property
    def height(self) -> int:
        return math.ceil(max(self.front.height, self.backs[-1].height))

    def back(self, height: int) -> Back:
        """The back face in the largest type that fits *height*."""
        return next((b for b in self.backs if b.height <= height), self.backs[-1])


@dataclass(frozen=True)
class TileText:
    """What a tile writes: the number in its parts, the unit, the caption and the source."""

    lang: Lang
    prefix: str
    number: str  # the final number, without prefix or suffix
    suffix: str
    unit: str
    caption: str
    source: str


class TileComposer:
    """Lays out a tile's *text* in the *base* font at the design *factor*."""

    def __init__(self, text: TileText, base: QFont, factor: float):
        self.text = text
        self.base = base
        self.factor = factor

    def _px(self, value: int) -> int:
        return scaled(value, self.factor)

    def layout(self, width: int) -> TileLayout:
        """Both faces at *width* pixels."""
        pad = self._px(SPACE.l if width >= scaled(SIZE.figure_tile, self.factor) else SPACE.m)
        icon = self._px(TYPE.lead)
        inner = max(1, width - 2 * pad)
        backs = tuple(self._back(pad, inner, icon, size) for size in (TYPE.body, TYPE.caption))
        return TileLayout(pad, icon, self._front(pad, inner, icon), backs)

    def _unit_width(self, small: QFont) -> float:
        """The width the unit takes beside the number, its gap included (none without a unit)."""
        if not self.text.unit:
            return 0.0
        fm = QFontMetricsF(small)
        return fm.horizontalAdvance(fmt.unit_gap(self.text.lang)) + fm.horizontalAdvance(
            self.text.unit
        )

    def _number_fonts(
        self, inner: int, with_unit: bool
    ) -> tuple[QFont, QFont, float, float, float, bool]:
        """The number's fonts (shrunk if needed to fit *inner*, the unit too when *with_unit*),
        the widths of its parts and whether it all fits. With the unit, the number shrinks no
        further than :data:`UNIT_SHRINK` (a long unit goes below it instead)."""
        t = self.text
        shrink = 1.0
        while True:
            big = font(self.base, self._px(TYPE.figure) * shrink, bold=True)
            small = font(self.base, self._px(TYPE.title) * shrink, bold=True)
            fm_big, fm_small = QFontMetricsF(big), QFontMetricsF(small)
            # Reserve the widest the number can be while it counts (no jitter).
            digits = ["".join(d if c.isdigit() else c for c in t.number) for d in "0123456789"]
            slot = max(fm_big.horizontalAdvance(x) for x in [t.number, *digits])
            prefix = fm_small.horizontalAdvance(t.prefix)
            suffix = fm_small.horizontalAdvance(t.suffix)
            total = prefix + slot + suffix + (self._unit_width(small) if with_unit else 0.0)
            fits = total <= inner
            if fits or big.pixelSize() <= 8 or (with_unit and shrink < UNIT_SHRINK):
                return big, small, prefix, slot, suffix, fits
            shrink *= max(0.5, min(0.97, inner / total))

    def _front(self, pad: int, inner: int, icon: int) -> Front:
        t = self.text
        # The unit stands beside the number, in the suffix's type and colour, whenever it fits.
        big, small, prefix_w, slot_w, suffix_w, beside = self._number_fonts(inner, bool(t.unit))
        beside = beside and bool(t.unit)
        if t.unit and not beside:
            big, small, prefix_w, slot_w, suffix_w, _ = self._number_fonts(inner, False)
        unit_font = small if beside else font(self.base, self._px(TYPE.lead), bold=True)
        slot_x = pad + prefix_w
        suffix_x = slot_x + slot_w
        unit_x = suffix_x + suffix_w + QFontMetricsF(small).horizontalAdvance(fmt.unit_gap(t.lang))
        # Tight vertical bounds of what sits on the baseline, so the number starts at the padding.
        runs = [(big, t.number), (small, t.prefix), (small, t.suffix)]
        if beside:
            runs.append((unit_font, t.unit))
        rects = [QFontMetricsF(f).tightBoundingRect(text) for f, text in runs if text]
        ascent = max(-r.top() for r in rects)
        descent = max(0.0, *(r.bottom() for r in rects))
        baseline = pad + ascent
        y = baseline + descent
        unit_below = None
        unit_y = y
        if t.unit and not beside:
            unit_y = y + self._px(SPACE.xs)
            unit_below = Paragraph(t.unit, unit_font, inner)
            y = unit_y + unit_below.height
        rule_y = y + self._px(SPACE.m)
        caption_y = rule_y + self._px(SPACE.xs // 2) + self._px(SPACE.s)
        caption = Paragraph(glue(t.caption), font(self.base, self._px(TYPE.body)), inner)
        height = self._bottom(caption_y, caption, inner, icon) + pad
        return Front(
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

    def _bottom(self, top: float, text: Paragraph, inner: int, icon: int) -> float:
        """Where a face's content ends: below the last text, and below the corner icon when
        the last lines reach under it (the icon sits in the bottom-right corner)."""
        bottom = top + max(text.height, icon)
        gap = self._px(SPACE.s)
        if text.tail_width(icon) > inner - icon - gap:
            bottom = top + text.height + gap + icon
        return bottom

    def _back(self, pad: int, inner: int, icon: int, size: int) -> Back:
        spacing = fmt.heading_spacing(self.text.lang)
        heading_font = font(self.base, self._px(TYPE.caption), bold=True, spacing=spacing)
        fm = QFontMetricsF(heading_font)
        heading_baseline = pad + fm.capHeight()
        source_y = heading_baseline + fm.descent() + self._px(SPACE.xs)
        source = Paragraph(glue(self.text.source), font(self.base, self._px(size)), inner, False)
        divider_y = source_y + source.height + self._px(SPACE.xs)
        caption_y = divider_y + self._px(SPACE.xs)
        caption = Paragraph(
            glue(self.text.caption), font(self.base, self._px(TYPE.caption)), inner, False
        )
        height = caption_y + caption.height + pad
        return Back(
            heading_font,
            heading_baseline,
            source,
            source_y,
            divider_y,
            caption,
            caption_y,
            height,
        )
