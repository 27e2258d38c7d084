"""Text measuring for painted widgets: wrap to a width, at most N lines, elide the last."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

#: How many wrapped texts are remembered: every card and tile of a few pages at two widths
#: (a few hundred kB). Shaping a text is what a page change spends most of its time on; the same
#: texts come back at the same widths whenever a visitor returns to a page.
WRAP_CACHE_SIZE = 2048

_wrapped: OrderedDict[tuple[object, ...], tuple[str, ...]] = OrderedDict()


def wrap(
    text: str, font: QFont, width: float, max_lines: int = 0, *, raw: bool = False
) -> list[str]:
    """*text* broken into lines that fit *width*; with *max_lines*, the last one is elided.

    With *raw*, each line keeps the space it was broken at, so that the lines joined give the
    text back (``kiosk check`` judges the breaks with them). The result depends only on the
    arguments (the font with its families), so it is remembered (see :data:`WRAP_CACHE_SIZE`).
    """
    if not text or width <= 0:
        return []
    key = (text, font.toString(), tuple(font.families()), width, max_lines, raw)
    cached = _wrapped.get(key)
    if cached is not None:
        _wrapped.move_to_end(key)
        return list(cached)
    lines = _wrap(text, font, width, max_lines, raw)
    _wrapped[key] = tuple(lines)
    if len(_wrapped) > WRAP_CACHE_SIZE:
        _wrapped.popitem(last=False)
    return lines


def _wrap(text: str, font: QFont, width: float, max_lines: int, raw: bool) -> list[str]:
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
