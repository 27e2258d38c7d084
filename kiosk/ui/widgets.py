"""Small building blocks shared by the pages: icons, buttons and cards for a finger (labels of
text are in :mod:`kiosk.ui.labels`, chips in :mod:`kiosk.ui.chips`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui import a11y
from kiosk.ui.quotes import shortened
from kiosk.ui.style import TAP
from kiosk.ui.text import line_height, wrap, wrap_title
from kiosk.ui.tokens import ELEVATION, RADII, SIZE, SPACE, TYPE, Theme, scaled


def icon_label(name: str, size: int, color: str) -> QLabel:
    """A qtawesome icon in *color* as a fixed-size label (a neutral icon for unknown names)."""
    icon = _icon(name, color)
    widget = QLabel()
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    widget.setPixmap(icon.pixmap(QSize(size, size)))
    widget.setFixedSize(size, size)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    a11y.decorative(widget)  # the text beside it says what it shows
    return widget


class TapButton(QPushButton):
    """A push button sized for a finger; it shows its pressed state as soon as it is touched."""

    def __init__(
        self,
        text: str,
        factor: float,
        icon: str | None = None,
        role: str = "",
        accessible: str | None = None,
        parent: QWidget | None = None,
        *,
        theme: Theme,
    ):
        super().__init__(text, parent)
        self.theme = theme
        if role:
            self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keys and switches; a touch takes none
        self.setAutoDefault(False)
        size = scaled(TAP, factor)
        self.setMinimumSize(size, size)
        self._icon_name = icon
        if icon:
            size = scaled(SIZE.icon_s, factor)
            self.setIconSize(QSize(size, size))
        self.setAccessibleName(accessible or text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Load the icon when the button is first shown (the first frame needs none)."""
        if self._icon_name and self.icon().isNull():
            p = self.theme.palette
            icon = _icon(self._icon_name, p.text)
            if self.isCheckable():  # checked, it sits on the primary colour: drawn in its ink
                size = self.iconSize()
                icon = QIcon(icon.pixmap(size))
                on = _icon(self._icon_name, p.on_primary).pixmap(size)
                icon.addPixmap(on, QIcon.Mode.Normal, QIcon.State.On)
            self.setIcon(icon)
        super().showEvent(event)


#: Opening punctuation that, set full width at the start of a Chinese line, hangs its blank
#: half into the margin (so "“夸父一号”" lines up with the text under it).
HANGING = frozenset("“‘《「『（【〈")


def hanging_indent(line: str, font: QFont) -> float:
    """How far *line* starts left of the margin: half an opening bracket or quote drawn full
    width (a CJK font's), nothing for a proportional one (a Latin font's “)."""
    if line[:1] not in HANGING:
        return 0.0
    advance = QFontMetricsF(font).horizontalAdvance(line[0])
    return advance / 2 if advance >= 0.8 * font.pixelSize() else 0.0


#: A card's headline figure ("over 81 billion yuan") may take this many lines.
FIGURE_LINES = 2
#: A card's title may take this many lines; more is reported by ``kiosk check``.
TITLE_LINES = 4
#: The most lines a card's quote takes (a longer one is shortened at a phrase or word end).
QUOTE_LINES = 3


@dataclass
class _Block:
    lines: list[str]
    font: QFont
    color: str
    gap: float


class Card(QAbstractButton):
    """A large tappable card, painted: icon and eyebrow, a big figure, title and a few lines.

    Its height follows its width (``heightForWidth``), so grids of cards never clip text.
    The painted text is also its accessible name and description.
    """

    def __init__(
        self,
        title: str,
        factor: float,
        *,
        theme: Theme,
        text: str = "",
        eyebrow: str = "",
        icon: str | None = None,
        figure: str = "",
        text_lines: int = 3,
        quote: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setText(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(" ".join(x for x in (eyebrow, quote, figure, text) if x))
        #: Words under the icon (a voice card: the first sentence of what was said).
        self.quote = quote
        self.title = title
        self.body = text
        self.eyebrow = eyebrow
        self.figure = figure
        self.factor = factor
        self.theme = theme
        self.text_lines = text_lines
        self.min_height = 0
        self.compact = False  # the icon beside the title instead of above it
        self.show_body = True
        self._pixmap = QPixmap()
        self._heights: dict[tuple[object, ...], int] = {}  # heightForWidth's latest answers
        if icon:
            size = scaled(SIZE.icon_m, factor)
            self._pixmap = _icon(icon, theme.palette.accent).pixmap(QSize(size, size))
        sp = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.setMinimumSize(scaled(TAP, factor), scaled(TAP, factor))

    def _font(self, size: int, bold: bool) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(scaled(size, self.factor))
        font.setBold(bold)
        return font

    def _pad(self) -> int:
        return scaled(SPACE.m, self.factor)

    def set_compact(self, compact: bool, body: bool = True) -> None:
        """Lay the card out lower: the icon beside the title (*compact*), without its lines of
        text (*body* false). For a screen that must show every card at once."""
        if (compact, body) != (self.compact, self.show_body):
            self.compact, self.show_body = compact, body
            self.updateGeometry()
            self.update()

    def _beside(self) -> float:
        """How far the text moves right for an icon beside it (compact cards)."""
        if not self.compact or self._pixmap.isNull() or self.eyebrow:
            return 0.0
        icon_w = self._pixmap.width() / max(1.0, self._pixmap.devicePixelRatio())
        return icon_w + scaled(SPACE.s, self.factor)

    def _blocks(self, width: int, room: float = 0.0) -> tuple[list[_Block], float]:
        """The card's blocks of text at *width*, and the height of its head (icon, eyebrow).
        *room*: the height the card has beyond what they take at their usual lines (a row of
        cards as tall as its tallest): a shortened text then takes the lines it fills."""
        p = self.theme.palette
        beside = self._beside()
        inner = width - 2 * self._pad() - beside
        icon_w = self._pixmap.width() / max(1.0, self._pixmap.devicePixelRatio())
        blocks: list[_Block] = []
        gap = scaled(SPACE.xs, self.factor)
        top = self._pixmap.height() / max(1.0, self._pixmap.devicePixelRatio()) if icon_w else 0
        if beside:
            top = 0
        head = 0.0
        if self.eyebrow:
            font = self._font(TYPE.caption + 2, True)
            offset = icon_w + gap if icon_w else 0
            lines = wrap(self.eyebrow, font, inner - offset, 2)
            head = max(top, line_height(font) * len(lines))
            blocks.append(_Block(lines, font, p.accent, 0))
        else:
            head = top
        if self.quote:
            font = self._font(TYPE.body, False)
            lines = shortened(self.quote, font, inner, QUOTE_LINES)
            blocks.append(_Block(lines, font, p.text, gap))
        if self.figure:
            font = self._figure_font(inner)
            lines = wrap(self.figure, font, inner, FIGURE_LINES)
            blocks.append(_Block(lines, font, p.gold, gap))
        font = self._font(TYPE.lead - 2, True)
        blocks.append(_Block(wrap_title(self.title, font, inner, TITLE_LINES), font, p.text, gap))
        if self.body and self.show_body:
            font = self._font(TYPE.caption, False)
            lines = wrap(self.body, font, inner, self.text_lines)
            more = int(max(0.0, room) // line_height(font))
            if more:  # a shortened text may stop short of its lines (at a phrase's end)
                lines = wrap(self.body, font, inner, len(lines) + more)
            blocks.append(_Block(lines, font, p.text_muted, gap / 2))
        return blocks, head

    def body_lines(self) -> list[str]:
        """The lines of text the card shows now (more than its usual lines when its row leaves
        it room, shortened with "…" only where they do not all fit)."""
        if not (self.body and self.show_body):
            return []
        return self._shown_blocks()[0][-1].lines

    def _shown_blocks(self) -> tuple[list[_Block], float]:
        """The blocks as painted: at the card's width, filling its height."""
        width = self.width()
        return self._blocks(width, self.height() - self.heightForWidth(width))

    def set_texts(self, title: str, body: str) -> None:
        """Show *title* and *body* instead (the same words, typeset: see kiosk.ui.typeset)."""
        if (title, body) != (self.title, self.body):
            self.title, self.body = title, body
            self.updateGeometry()
            self.update()

    def wrapped_texts(self) -> list[tuple[str, list[str]]]:
        """The card's title and lines of text, each with the lines it is broken into now (each
        keeping the space it broke at), for ``kiosk check``."""
        inner = self.width() - 2 * self._pad() - self._beside()
        title = wrap_title(self.title, self._font(TYPE.lead - 2, True), inner, raw=True)
        texts = [(self.title, title)]
        if self.body and self.show_body:
            texts.append(
                (self.body, wrap(self.body, self._font(TYPE.caption, False), inner, raw=True))
            )
        return texts

    def _figure_font(self, inner: float) -> QFont:
        """The headline figure's font: large on one line, the lead size when it needs more."""
        font = self._font(TYPE.title + 8, True)
        if len(wrap(self.figure, font, inner)) > 1:
            font = self._font(TYPE.lead, True)
        return font

    def figure_cut(self) -> bool:
        """Whether the headline figure needs more lines than the card gives it (then elided)."""
        if not self.figure:
            return False
        inner = self.width() - 2 * self._pad() - self._beside()
        return len(wrap(self.figure, self._figure_font(inner), inner)) > FIGURE_LINES

    def title_cut(self) -> bool:
        """Whether the title needs more lines than the card gives it (it is then elided)."""
        inner = self.width() - 2 * self._pad() - self._beside()
        return len(wrap_title(self.title, self._font(TYPE.lead - 2, True), inner)) > TITLE_LINES

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """The card's height at *width* (remembered: a layout asks for it again and again)."""
        font = self.font().key()
        key = (width, self.min_height, self.compact, self.show_body, self.title, self.body, font)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 8:
                self._heights.clear()
            height = self._heights[key] = self._height_for(width)
        return height

    def _height_for(self, width: int) -> int:
        blocks, head = self._blocks(width)
        height = 2 * self._pad() + head
        for block in blocks[1 if self.eyebrow else 0 :]:
            height += block.gap + line_height(block.font) * len(block.lines)
        if self._beside():
            icon_h = self._pixmap.height() / max(1.0, self._pixmap.devicePixelRatio())
            height = max(height, 2 * self._pad() + icon_h)
        return max(round(height), self.min_height, scaled(TAP, self.factor))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(SIZE.card_hint, self.factor)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(scaled(TAP, self.factor), scaled(TAP, self.factor))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pressed, p = self.isDown(), self.theme.palette
        border = scaled(ELEVATION.raised, self.factor)
        rect = QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2)
        painter.setPen(QPen(QColor(p.accent if pressed else p.outline), border))
        painter.setBrush(QColor(p.surface_pressed if pressed else p.surface))
        radius = scaled(RADII.l, self.factor)
        painter.drawRoundedRect(rect, radius, radius)
        pad = self._pad()
        width = self.width()
        blocks, head = self._shown_blocks()
        x, y = float(pad), float(pad)
        icon_w = 0.0
        if not self._pixmap.isNull():
            icon_h = self._pixmap.height() / max(1.0, self._pixmap.devicePixelRatio())
            icon_y = (self.height() - icon_h) / 2 if self._beside() else y
            painter.drawPixmap(int(x), int(icon_y), self._pixmap)
            icon_w = self._pixmap.width() / max(1.0, self._pixmap.devicePixelRatio())
        rest = blocks
        if self.eyebrow:
            block = blocks[0]
            offset = icon_w + scaled(SPACE.xs, self.factor) if icon_w else 0
            lh = line_height(block.font)
            ey = y + max(0.0, (head - lh * len(block.lines)) / 2)
            self._draw(painter, block, x + offset, ey, width - pad - x - offset)
            rest = blocks[1:]
        beside = self._beside()
        x += beside
        y = self._text_top(rest, head)
        for block in rest:
            y += block.gap
            y = self._draw(painter, block, x, y, width - 2 * pad - beside)
        painter.end()

    def _text_top(self, rest: Sequence[_Block], head: float) -> float:
        """Where the blocks below the icon start. Right below it, so that the titles of a row of
        cards line up whatever the length of their lines; beside an icon, centred on the card."""
        y = self._pad() + head
        if self._beside() and rest:
            # The lines themselves (not the gap above the first) centred, like the icon.
            used = sum(b.gap + line_height(b.font) * len(b.lines) for b in rest) - rest[0].gap
            y = max(y - rest[0].gap, (self.height() - used) / 2 - rest[0].gap)
        return y

    def title_top(self) -> float:
        """Where the card's title starts (its top line's top edge)."""
        blocks, head = self._blocks(self.width())
        rest = blocks[1:] if self.eyebrow else blocks
        y = self._text_top(rest, head)
        for block in rest[:-2] if self.body and self.show_body else rest[:-1]:
            y += block.gap + line_height(block.font) * len(block.lines)
        title = rest[-2] if self.body and self.show_body else rest[-1]
        return y + title.gap

    @staticmethod
    def _draw(painter: QPainter, block: _Block, x: float, y: float, width: float) -> float:
        painter.setFont(block.font)
        painter.setPen(QColor(block.color))
        lh = line_height(block.font)
        ascent = QFontMetricsF(block.font).ascent()
        for line in block.lines:
            left = x - hanging_indent(line, block.font)
            painter.drawText(
                QPointF(left, y + ascent + (lh - QFontMetricsF(block.font).height()) / 2), line
            )
            y += lh
        return y


def _icon(name: str, color: str) -> QIcon:
    """The qtawesome icon *name*, or a neutral one when the name is unknown."""
    from kiosk.ui import icons

    return icons.icon(name, color)
