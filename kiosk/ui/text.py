"""Text measuring for painted widgets: wrap to a width, at most N lines, elide the last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption


def wrap(
    text: str, font: QFont, width: float, max_lines: int = 0, *, raw: bool = False
) -> list[str]:
    """*text* broken into lines that fit *width*; with *max_lines*, the last one is elided.

    With *raw*, each line keeps the space it was broken at, so that the lines joined give the
    text back (``kiosk check`` judges the breaks with them).
    """
    if not text or width <= 0:
        return []
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            segment = paragraph[start : start + length]
            lines.append(segment if raw else segment.rstrip())
        layout.endLayout()
    if max_lines and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        metrics = QFontMetricsF(font)
        lines = [
            *lines[: max_lines - 1],
            metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width),
        ]
    return lines


def line_height(font: QFont) -> float:
    """The distance between two lines of *font*, a little looser than Qt's default."""
    return QFontMetricsF(font).height() * 1.12
