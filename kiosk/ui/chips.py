"""Chips: short items as rounded, painted pills that wrap onto as many rows as they need."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.text import wrap
from kiosk.ui.tokens import ELEVATION, SIZE, SPACE, TYPE, Theme, scaled


class Chips(QWidget):
    """Short items as rounded chips that wrap onto as many rows as they need (painted)."""

    def __init__(
        self, items: list[str], factor: float, parent: QWidget | None = None, *, theme: Theme
    ):
        super().__init__(parent)
        self.items = items
        self.factor = factor
        self.theme = theme
        self.setAccessibleName(", ".join(items))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _chip_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(scaled(TYPE.caption + 2, self.factor))
        return font

    def _layout(self, width: int) -> list[tuple[QRectF, list[str]]]:
        """Each chip's rectangle and lines: a chip wider than the row wraps its text onto more
        lines (it is never clipped); a row is as tall as its tallest chip."""
        font = self._chip_font()
        metrics = QFontMetricsF(font)
        pad_x = scaled(SPACE.m, self.factor)
        gap = scaled(SPACE.s, self.factor)
        pad_y = scaled(SPACE.s, self.factor)
        chips: list[tuple[QRectF, list[str]]] = []
        x = y = row_height = 0.0
        for item in self.items:
            w = metrics.horizontalAdvance(item) + 2 * pad_x
            lines = [item]
            if w > width:
                lines = wrap(item, font, width - 2 * pad_x) or [item]
                w = float(width)
            height = metrics.height() * len(lines) + pad_y
            if x > 0 and x + w > width:
                x = 0.0
                y += row_height + gap
                row_height = 0.0
            chips.append((QRectF(x, y, w, height), lines))
            row_height = max(row_height, height)
            x += w + gap
        return chips

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        chips = self._layout(width)
        return round(max(r.bottom() for r, _ in chips)) + 1 if chips else 0

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(SIZE.chips_hint, self.factor)
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._chip_font())
        p = self.theme.palette
        metrics = QFontMetricsF(self._chip_font())
        for rect, lines in self._layout(self.width()):
            painter.setPen(QPen(QColor(p.outline), scaled(ELEVATION.raised, self.factor)))
            painter.setBrush(QColor(p.surface_raised))
            radius = min(rect.height() / 2, metrics.height() / 2 + scaled(SPACE.xs, self.factor))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
            painter.setPen(QColor(p.text))
            # One line is centred in its pill; several read from the left like a paragraph.
            box, align = rect, Qt.AlignmentFlag.AlignCenter
            if len(lines) > 1:
                pad = scaled(SPACE.m, self.factor)
                box = rect.adjusted(pad, 0, -pad, 0)
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, int(align), "\n".join(lines))
        painter.end()
