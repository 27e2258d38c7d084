"""Shared drawing for the zone widgets: fonts, wrapped text, colours, icons, the base widget."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.model import Lang, Text
from kiosk.ui import fmt, icons
from kiosk.ui.tokens import SIZE, SPACE, Theme, scaled

FALLBACK_ICON = "mdi6.star-four-points-outline"
LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap).value
CENTRED = (Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap).value

Run = tuple[QRectF, QFont, str, str]  # a wrapped piece of text: its box, font, colour, text


def sized_font(widget: QWidget, px: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def measure(font: QFont, width: float, text: str, flags: int = LEFT) -> QRect:
    """The box *text* takes when wrapped to *width* pixels."""
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, int(width)), 1 << 20), flags, text)


def balanced(font: QFont, width: float, text: str, flags: int = CENTRED) -> QRect:
    """The narrowest box that wraps *text* into as few lines as *width* does: even lines.

    Its width is one the text was measured at, so drawing into it wraps the same way.
    """
    box = measure(font, width, text, flags)
    if box.width() > width:  # a word wider than the width: nothing to even out
        return box
    low, high = 0, int(width)
    while high - low > 1:
        mid = (low + high) // 2
        trial = measure(font, mid, text, flags)
        if trial.height() <= box.height() and trial.width() <= mid:
            high = mid
        else:
            low = mid
    return QRect(0, 0, high, box.height())


def text_run(
    x: float, y: float, width: float, font: QFont, colour: str, text: str, even: bool = False
) -> Run:
    """*text* wrapped at (x, y) to *width*, with even lines if *even* (for headings)."""
    box = balanced(font, width, text, LEFT) if even else measure(font, width, text)
    return QRectF(x, y, box.width() if even else width, box.height()), font, colour, text


def paint_runs(painter: QPainter, runs: Sequence[Run]) -> None:
    for box, font, colour, text in runs:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(box, LEFT, text)


def alpha(colour: str, alpha: float) -> QColor:
    result = QColor(colour)
    result.setAlphaF(alpha)
    return result


def mix(base: str, colour: str, amount: float) -> QColor:
    """*colour* laid over *base* at *amount* (0 to 1), as an opaque colour."""
    a, b = QColor(base), QColor(colour)
    pairs = ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    return QColor(*(round(x + (y - x) * amount) for x, y in pairs))


def named_icon(name: str | None, colour: str) -> QIcon:
    """A qtawesome icon, falling back to a neutral one for unknown names (like icon_label)."""
    try:
        icon: QIcon = icons.icon(name or FALLBACK_ICON, colour)
    except Exception:
        icon = icons.icon(FALLBACK_ICON, colour)
    return icon


def join_items(items: Sequence[Text], lang: Lang) -> str:
    return fmt.join_items([item.get(lang) for item in items], lang)


def begin_painter(widget: QWidget) -> QPainter:
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return painter


def paint_grid(painter: QPainter, box: QRectF, radius: float, step: float, ink: QColor) -> None:
    """Hairlines every *step* pixels across *box* (a rectangle with corners rounded by
    *radius*), from its top-left corner, each stopping at the rounded outline.

    Whole-pixel rectangles: clipping antialiased lines to a rounded path instead costs about
    thirty times as much (35 ms for the site plan at 1920×1080 in software).
    """
    weight = max(1, round(step / SPACE.l))  # one pixel at the design size, two at 4K
    left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()

    def inset(offset: float) -> float:
        """How far the outline lies inside the box's edge, *offset* along it from a corner."""
        if offset >= radius:
            return 0.0
        d = radius - offset
        return radius - math.sqrt(max(0.0, radius * radius - d * d))

    for i in range(1, int(max(box.width(), box.height()) / step) + 1):
        x, y = left + i * step, top + i * step
        if x < right:
            cut = inset(min(x - left, right - x))
            a, b = round(top + cut), round(bottom - cut)
            painter.fillRect(round(x), a, weight, b - a, ink)
        if y < bottom:
            cut = inset(min(y - top, bottom - y))
            a, b = round(left + cut), round(right - cut)
            painter.fillRect(a, round(y), b - a, weight, ink)


class Drawn(QWidget):
    """A drawn widget whose height follows from its width."""

    def __init__(self, lang: Lang, factor: float, parent: QWidget | None, theme: Theme):
        super().__init__(parent)
        self.theme = theme
        self._lang = lang
        self._factor = factor
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(SIZE.drawing, self._factor)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True
