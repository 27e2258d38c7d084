"""Drawn widgets of the bonded-zone section: the site plan, the "2+2+N" spectrum, the timeline.

All three paint themselves with QPainter from the design tokens (no image files), so they stay
crisp at any size. Sizes come from the design scale *factor*; the site plan also scales with its
own size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from kiosk.content.model import Area, Lang, Spectrum, Text, TimelineEntry, Zone
from kiosk.ui.pages.base import figure_text
from kiosk.ui.strings import ui
from kiosk.ui.style import TAP
from kiosk.ui.tokens import PALETTE, RADII, SPACE, TYPE, scaled

_FALLBACK_ICON = "mdi6.star-four-points-outline"
_TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
_WRAP = (_TOP_LEFT | Qt.TextFlag.TextWordWrap).value
_WRAP_CENTRED = (Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap).value
#: Colours of the functional areas, in content order: office, inspection, R&D, testing, logistics.
_AREA_COLOURS = (
    PALETTE.surface_pressed,
    PALETTE.gold,
    PALETTE.accent,
    PALETTE.coral,
    PALETTE.primary,
)
_TIER_COLOURS = (PALETTE.gold, PALETTE.accent, PALETTE.primary)

Box = tuple[float, float, float, float]  # x, y, width, height in plan units


def _font(widget: QWidget, px: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


def _measure(font: QFont, width: float, text: str, flags: int = _WRAP) -> QRect:
    """The box *text* takes when wrapped to *width* pixels."""
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, int(width)), 1 << 20), flags, text)


def _alpha(colour: str, alpha: float) -> QColor:
    result = QColor(colour)
    result.setAlphaF(alpha)
    return result


def _mix(base: str, colour: str, amount: float) -> QColor:
    """*colour* laid over *base* at *amount* (0 to 1), as an opaque colour."""
    a, b = QColor(base), QColor(colour)
    rgb = [
        round(x + (y - x) * amount)
        for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    ]
    return QColor(*rgb)


def _icon(name: str | None, colour: str) -> QIcon:
    """A qtawesome icon, falling back to a neutral one for unknown names (like icon_label)."""
    try:
        icon: QIcon = qta.icon(name or _FALLBACK_ICON, color=colour)
    except Exception:
        icon = qta.icon(_FALLBACK_ICON, color=colour)
    return icon


def _join(items: Sequence[Text], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(item.get(lang) for item in items)


def _height_for_width_policy(widget: QWidget) -> None:
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    widget.setSizePolicy(policy)


@dataclass(frozen=True)
class _Layout:
    """One arrangement of the site, in plan units (the canvas is fitted into the widget)."""

    size: tuple[float, float]
    site: Box
    areas: tuple[Box, ...]  # in content order: office, inspection, R&D, testing, logistics
    roads: tuple[Box, ...]
    gates: tuple[Box, ...]
    legend: Box


_LANDSCAPE = _Layout(
    size=(1600, 900),
    site=(20, 20, 1560, 800),
    areas=(
        (60, 400, 360, 380),  # office, at the main gate
        (470, 610, 630, 170),  # inspection, by the main gate
        (470, 60, 630, 500),  # R&D and design, the centre
        (1150, 60, 390, 330),  # testing, beside R&D
        (1150, 440, 390, 340),  # logistics, at the cargo gate
    ),
    roads=((420, 20, 50, 800), (1100, 20, 50, 800), (420, 560, 1140, 50), (1150, 390, 410, 50)),
    gates=((420, 800, 50, 45), (1320, 780, 60, 65)),
    legend=(60, 60, 360, 290),
)
_PORTRAIT = _Layout(
    size=(1000, 1200),
    site=(20, 20, 960, 1100),
    areas=(
        (60, 790, 270, 290),
        (375, 790, 275, 290),
        (60, 295, 560, 445),
        (665, 295, 275, 445),
        (690, 790, 250, 290),
    ),
    roads=((20, 255, 960, 40), (620, 255, 45, 485), (20, 740, 960, 50), (330, 790, 45, 330)),
    gates=((330, 1100, 45, 45), (785, 1080, 60, 65)),
    legend=(60, 55, 880, 200),
)


class AreaButton(QAbstractButton):
    """One functional area on the site plan: a large coloured block a visitor taps.

    The plan places it over the area's shape; it paints the shape, the icon and the name itself.

    Args:
        area: the area shown.
        lang: the language of its name.
        factor: the design scale (the block is at least a tap wide and high).
        colour: the area's colour, from PALETTE.
        parent: the site plan.
    """

    def __init__(
        self, area: Area, lang: Lang, factor: float, colour: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.area_id = area.id
        self.colour = colour
        self.scale = factor  # widget pixels per plan unit, set by the plan
        self.name_px = scaled(TYPE.body, factor)
        self._icon = _icon(area.icon, PALETTE.background_deep)
        self.setText(area.name.get(lang))
        self.setAccessibleName(area.name.get(lang))
        self.setAccessibleDescription(area.summary.get(lang))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(scaled(TAP, factor), scaled(TAP, factor))

    def arrange(self, px: int) -> tuple[QRectF, QRectF, int] | None:
        """Icon box, name box and alignment for the name at *px* pixels; None if it does not fit."""
        s, w, h = self.scale, self.width(), self.height()
        pad, gap, icon = SPACE.m * s, SPACE.s * s, 76 * s
        font = _font(self, px, bold=True)
        box = _measure(font, w - 2 * pad, self.text(), _WRAP_CENTRED)
        if box.width() <= w - 2 * pad and icon + gap + box.height() + 2 * pad <= h:
            top = (h - icon - gap - box.height()) / 2
            name = QRectF(pad, top + icon + gap, w - 2 * pad, box.height())
            return QRectF((w - icon) / 2, top, icon, icon), name, _WRAP_CENTRED
        room = w - 2 * pad - icon - gap
        box = _measure(font, room, self.text())
        if box.width() <= room and max(icon, box.height()) + 2 * pad <= h:
            left = (w - icon - gap - box.width()) / 2
            name = QRectF(left + icon + gap, (h - box.height()) / 2, room, box.height())
            return QRectF(left, (h - icon) / 2, icon, icon), name, _WRAP
        return None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        s, down = self.scale, self.isDown()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = 3 * s
        shape = QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2)
        fill = QLinearGradient(shape.topLeft(), shape.bottomLeft())
        fill.setColorAt(0, _mix(PALETTE.surface, self.colour, 0.78 if down else 0.42))
        fill.setColorAt(1, _mix(PALETTE.surface, self.colour, 0.62 if down else 0.22))
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(PALETTE.text if down else self.colour), border))
        painter.drawRoundedRect(shape, RADII.m * s, RADII.m * s)
        placed = self.arrange(self.name_px)
        if placed is None:  # smaller than the plan meant: the name alone, at the smallest size
            placed = (QRectF(), QRectF(self.rect()), _WRAP_CENTRED | Qt.AlignmentFlag.AlignVCenter)
        badge, name, flags = placed
        if not badge.isEmpty():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PALETTE.text if down else self.colour))
            painter.drawEllipse(badge)
            inset = badge.width() * 0.2
            self._icon.paint(painter, badge.adjusted(inset, inset, -inset, -inset).toRect())
        painter.setPen(QColor(PALETTE.text))
        painter.setFont(_font(self, self.name_px, bold=True))
        painter.drawText(name, flags, self.text())
        painter.end()


class SitePlan(QWidget):
    """A stylised site plan of the bonded zone with its five functional areas to tap.

    Args:
        zone: the zone (its areas, name and planned-area figure).
        lang: the language of the labels.
        factor: the design scale (1.0 at 1920×1080).
        parent: the parent widget.
    """

    area_tapped = Signal(str)

    def __init__(self, zone: Zone, lang: Lang, factor: float, parent: QWidget | None = None):
        super().__init__(parent)
        self._factor = factor
        self._scale = factor
        self._offset = QPointF()
        self._layout = _LANDSCAPE
        area = next((f for f in zone.figures if f.id == "zone-planned-area"), None)
        self._legend = (
            [(area.caption.get(lang), TYPE.caption, False, PALETTE.text_muted)] if area else []
        )
        if area:
            unit = area.unit.get(lang) if area.unit else ""
            value = f"{figure_text(area, lang)} {unit}".strip()
            self._legend.append((value, TYPE.title, True, PALETTE.gold))
        self._legend.append((zone.location.get(lang), TYPE.caption, False, PALETTE.text))
        self.buttons: list[AreaButton] = []
        for i, item in enumerate(zone.areas):
            button = AreaButton(item, lang, factor, _AREA_COLOURS[i % len(_AREA_COLOURS)], self)
            button.clicked.connect(lambda _=False, area_id=item.id: self.area_tapped.emit(area_id))
            self.buttons.append(button)
        names = ("、" if lang == "zh" else ", ").join(b.text() for b in self.buttons)
        self.setAccessibleName(zone.name.get(lang))
        self.setAccessibleDescription(
            f"{ui('zone.areas', lang)}{'：' if lang == 'zh' else ': '}{names}"
        )
        _height_for_width_policy(self)
        self.setMinimumSize(scaled(640, factor), scaled(360, factor))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(scaled(1600, self._factor), scaled(900, self._factor))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """16:9 when wide, taller than wide when narrow (the portrait arrangement)."""
        return round(width * 9 / 16) if width >= 1200 * self._factor else round(width * 1.2)

    def _map(self, box: Box) -> QRectF:
        x, y, w, h = box
        s = self._scale
        return QRectF(self._offset.x() + x * s, self._offset.y() + y * s, w * s, h * s)

    def _area_boxes(self) -> tuple[Box, ...]:
        """One box per area: the drawn campus for five, an even grid otherwise."""
        if len(self.buttons) == len(self._layout.areas):
            return self._layout.areas
        x, y, w, h = self._layout.site
        cols = 3 if w > h else 2
        rows = max(1, -(-len(self.buttons) // cols))
        cw, ch, g = (w - 80) / cols, (h - 80) / rows, 40
        return tuple(
            (x + 40 + (i % cols) * cw, y + 40 + (i // cols) * ch, cw - g, ch - g)
            for i in range(len(self.buttons))
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Fit the best arrangement into the widget, then place the areas and size their names."""
        w, h = self.width(), self.height()
        self._layout = _LANDSCAPE if w >= 1.22 * h else _PORTRAIT
        lw, lh = self._layout.size
        self._scale = min(w / lw, h / lh)
        self._offset = QPointF((w - lw * self._scale) / 2, (h - lh * self._scale) / 2)
        for button, box in zip(self.buttons, self._area_boxes(), strict=True):
            button.scale = self._scale
            button.setGeometry(self._map(box).toRect())
        floor = scaled(TYPE.body, self._factor)
        px = max(floor, round(TYPE.lead * self._scale))
        while px > floor and not all(b.arrange(px) for b in self.buttons):
            px -= 1
        for button in self.buttons:
            button.name_px = px
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        s, lay = self._scale, self._layout
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        road, dash = QColor(PALETTE.surface_raised), QPen(_alpha(PALETTE.text_muted, 0.35), 2 * s)
        dash.setDashPattern([8, 8])
        street = self._map((0, lay.size[1] - 60, lay.size[0], 60))
        painter.fillRect(street, _alpha(PALETTE.surface_raised, 0.7))
        painter.setPen(dash)
        mid = street.center().y()
        painter.drawLine(QPointF(street.left(), mid), QPointF(street.right(), mid))
        site = QPainterPath()
        site.addRoundedRect(self._map(lay.site), 56 * s, 56 * s)
        ground = QLinearGradient(self._map(lay.site).topLeft(), self._map(lay.site).bottomRight())
        ground.setColorAt(0, QColor(PALETTE.surface))
        ground.setColorAt(1, QColor(PALETTE.background_deep))
        painter.fillPath(site, ground)
        painter.save()
        painter.setClipPath(site)
        painter.setPen(QPen(_alpha(PALETTE.outline, 0.45), max(1.0, s)))
        x, y, w, h = lay.site
        for gx in range(int(x), int(x + w), 40):
            painter.drawLine(
                self._map((gx, y, 0, h)).topLeft(), self._map((gx, y, 0, h)).bottomLeft()
            )
        for gy in range(int(y), int(y + h), 40):
            painter.drawLine(
                self._map((x, gy, w, 0)).topLeft(), self._map((x, gy, w, 0)).topRight()
            )
        for box in lay.roads:
            r = self._map(box)
            painter.fillRect(r, road)
            painter.setPen(dash)
            c = r.center()
            if r.width() > r.height():
                painter.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()))
            else:
                painter.drawLine(QPointF(c.x(), r.top()), QPointF(c.x(), r.bottom()))
        painter.restore()
        boundary = QPen(_alpha(PALETTE.accent, 0.85), 3 * s)
        boundary.setDashPattern([5, 3])
        painter.strokePath(site, boundary)
        painter.setPen(Qt.PenStyle.NoPen)
        for box in lay.gates:
            r = self._map(box)
            painter.fillRect(r, road)
            painter.setBrush(QColor(PALETTE.gold))
            bottom = self._map(lay.site).bottom()
            for post in (r.left(), r.right()):
                painter.drawEllipse(QPointF(post, bottom), 8 * s, 8 * s)
        painter.setBrush(_alpha(PALETTE.background_deep, 0.6))
        for button in self.buttons:
            painter.drawRoundedRect(QRectF(button.geometry()).translated(0, 10 * s), 20 * s, 20 * s)
        self._paint_legend(painter, self._map(lay.legend))
        painter.end()

    def _paint_legend(self, painter: QPainter, card: QRectF) -> None:
        """The legend card: the planned area, the location and a north arrow."""
        s, pad = self._scale, SPACE.m * self._scale
        painter.setPen(QPen(QColor(PALETTE.outline), 2 * s))
        painter.setBrush(_alpha(PALETTE.background_deep, 0.75))
        painter.drawRoundedRect(card, RADII.m * s, RADII.m * s)
        arrow = QRectF(card.right() - pad - 48 * s, card.top() + pad, 48 * s, 110 * s)
        painter.setFont(_font(self, max(TYPE.body * s, scaled(TYPE.caption, self._factor)), True))
        painter.setPen(QColor(PALETTE.text))
        painter.drawText(arrow, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, "N")
        c = arrow.center().x()
        needle = QPolygonF(
            [
                QPointF(c, arrow.top() + 40 * s),
                QPointF(c + 18 * s, arrow.bottom()),
                QPointF(c, arrow.bottom() - 16 * s),
                QPointF(c - 18 * s, arrow.bottom()),
            ]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(PALETTE.gold))
        painter.drawPolygon(needle)
        width, top = arrow.left() - card.left() - 2 * pad, card.top() + pad
        for text, size, bold, colour in self._legend:
            font = _font(self, max(size * s, scaled(TYPE.caption, self._factor)), bold)
            box = _measure(font, width, text)
            painter.setFont(font)
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(card.left() + pad, top, width, box.height()), _WRAP, text)
            top += box.height() + SPACE.xs * s


class SpectrumDiagram(QWidget):
    """The "2+2+N" spectrum as nested bands: the core inside the key industries inside the N.

    Args:
        spectrum: the spectrum (title and tiers, core first).
        lang: the language of the labels.
        factor: the design scale.
        parent: the parent widget.
    """

    def __init__(
        self, spectrum: Spectrum, lang: Lang, factor: float, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._tiers = spectrum.tiers
        self._lang = lang
        self._factor = factor
        self.setAccessibleName(spectrum.title.get(lang))
        colon = "：" if lang == "zh" else ": "
        self.setAccessibleDescription(
            "\n".join(
                f"{t.label.get(lang)} {t.title.get(lang)}{colon}{_join(t.items, lang)}"
                for t in spectrum.tiers
            )
        )
        _height_for_width_policy(self)
        self.setMinimumWidth(scaled(560, factor))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(1600, self._factor)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return round(self._bands(width)[1])

    def _bands(self, width: int) -> tuple[list[tuple[QRectF, QRectF, QRectF, QRectF]], float]:
        """Per tier (core first): band, badge, title box, items box; and the total height."""
        f, n = self._factor, len(self._tiers)
        inset, pad, badge = SPACE.l * f, SPACE.m * f, 88 * f
        title_font, items_font = self._fonts()
        bands: list[tuple[QRectF, QRectF, QRectF, QRectF]] = []
        bottom = 0.0
        for i, tier in enumerate(self._tiers):
            depth = n - 1 - i
            left, right = inset * depth, width - inset * depth
            row = (bottom if bands else inset * depth) + pad
            text_x = left + pad + badge + pad
            text_w = right - pad - text_x
            th = _measure(title_font, text_w, tier.title.get(self._lang)).height()
            ih = _measure(items_font, text_w, _join(tier.items, self._lang)).height()
            height = max(badge, th + SPACE.xs * f + ih)
            bottom = row + height + pad
            band = QRectF(left, inset * depth, right - left, bottom - inset * depth)
            bands.append(
                (
                    band,
                    QRectF(left + pad, row + (height - badge) / 2, badge, badge),
                    QRectF(text_x, row + (height - th - ih) / 2 - SPACE.xs * f / 2, text_w, th),
                    QRectF(text_x, row + (height + th - ih) / 2 + SPACE.xs * f / 2, text_w, ih),
                )
            )
        return bands, bottom

    def _fonts(self) -> tuple[QFont, QFont]:
        return (
            _font(self, scaled(TYPE.lead, self._factor), bold=True),
            _font(self, scaled(TYPE.body, self._factor)),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        f = self._factor
        bands, _ = self._bands(self.width())
        title_font, items_font = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i in reversed(range(len(bands))):
            colour = _TIER_COLOURS[i % len(_TIER_COLOURS)]
            band, _, _, _ = bands[i]
            painter.setPen(QPen(_alpha(colour, 0.9), 2 * f))
            painter.setBrush(_alpha(colour, 0.10))
            radius = scaled(RADII.l, f) * (1 + 0.4 * i)
            painter.drawRoundedRect(band.adjusted(f, f, -f, -f), radius, radius)
        for i, (tier, (_, badge, title, items)) in enumerate(zip(self._tiers, bands, strict=True)):
            colour = _TIER_COLOURS[i % len(_TIER_COLOURS)]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawEllipse(badge)
            painter.setPen(QColor(PALETTE.background_deep))
            painter.setFont(_font(self, scaled(TYPE.title, f), bold=True))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, tier.label.get(self._lang))
            painter.setPen(QColor(colour))
            painter.setFont(title_font)
            painter.drawText(title, _WRAP, tier.title.get(self._lang))
            painter.setPen(QColor(PALETTE.text))
            painter.setFont(items_font)
            painter.drawText(items, _WRAP, _join(tier.items, self._lang))
        painter.end()


class Timeline(QWidget):
    """The zone's timeline: horizontal in landscape, vertical when narrower than 1200 design px.

    Args:
        entries: the entries, oldest first.
        lang: the language of the labels.
        factor: the design scale.
        parent: the parent widget.
    """

    def __init__(
        self,
        entries: Sequence[TimelineEntry],
        lang: Lang,
        factor: float,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._entries = tuple(entries)
        self._lang = lang
        self._factor = factor
        self.setAccessibleName(ui("zone.timeline", lang))
        sep, stop = ("：", "。") if lang == "zh" else (": ", ". ")
        self.setAccessibleDescription(
            "\n".join(
                f"{e.date.get(lang)}{sep}{e.title.get(lang)}{stop}{e.text.get(lang)}"
                for e in self._entries
            )
        )
        _height_for_width_policy(self)
        self.setMinimumWidth(scaled(480, factor))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(1600, self._factor)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return round(self._place(width)[1])

    def _runs(self, entry: TimelineEntry) -> list[tuple[QFont, str, str, float]]:
        """Date, title and text of *entry*: font, colour, text and the space above."""
        f, lang = self._factor, self._lang
        return [
            (_font(self, scaled(TYPE.title, f), True), PALETTE.gold, entry.date.get(lang), 0),
            (_font(self, scaled(TYPE.lead, f), True), PALETTE.text, entry.title.get(lang), 0),
            (
                _font(self, scaled(TYPE.body, f)),
                PALETTE.text_muted,
                entry.text.get(lang),
                SPACE.xs * f,
            ),
        ]

    def _place(
        self, width: int
    ) -> tuple[list[tuple[QPointF, list[tuple[QRectF, QFont, str, str]]]], float]:
        """Each entry's dot and text boxes, and the total height."""
        f, n = self._factor, max(1, len(self._entries))
        dot, gap = 14 * f, SPACE.l * f
        placed: list[tuple[QPointF, list[tuple[QRectF, QFont, str, str]]]] = []
        if width >= 1200 * f:
            column = width / n
            date_h = max(
                (
                    _measure(r[0][0], column - gap, r[0][2]).height()
                    for r in map(self._runs, self._entries)
                ),
                default=0,
            )
            line_y = date_h + SPACE.m * f + dot * 1.8
            height = 0.0
            for i, entry in enumerate(self._entries):
                x, runs = i * column, self._runs(entry)
                h0 = _measure(runs[0][0], column - gap, runs[0][2]).height()
                boxes = [
                    (QRectF(x, date_h - h0, column - gap, h0), runs[0][0], runs[0][1], runs[0][2])
                ]
                y = line_y + dot * 1.8 + SPACE.m * f
                for font, colour, text, above in runs[1:]:
                    h = _measure(font, column - gap, text).height()
                    boxes.append((QRectF(x, y + above, column - gap, h), font, colour, text))
                    y += above + h
                placed.append((QPointF(x + dot * 1.8, line_y), boxes))
                height = max(height, y)
            return placed, height
        text_x = dot * 3.6 + SPACE.m * f
        y = 0.0
        for entry in self._entries:
            boxes = []
            for font, colour, text, above in self._runs(entry):
                h = _measure(font, width - text_x, text).height()
                boxes.append((QRectF(text_x, y + above, width - text_x, h), font, colour, text))
                y += above + h
            placed.append((QPointF(dot * 1.8, boxes[0][0].center().y()), boxes))
            y += gap
        return placed, max(0.0, y - gap)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        f = self._factor
        placed, _ = self._place(self.width())
        if not placed:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        first, last = placed[0][0], placed[-1][0]
        end = QPointF(self.width(), first.y()) if first.y() == last.y() else last
        line = QLinearGradient(first, end)
        line.setColorAt(0, QColor(PALETTE.accent))
        line.setColorAt(1, _alpha(PALETTE.accent, 0.15))
        painter.setPen(QPen(line, 4 * f))
        painter.drawLine(first, end)
        for centre, boxes in placed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_alpha(PALETTE.gold, 0.25))
            painter.drawEllipse(centre, 25 * f, 25 * f)
            painter.setBrush(QColor(PALETTE.gold))
            painter.drawEllipse(centre, 14 * f, 14 * f)
            for box, font, colour, text in boxes:
                painter.setFont(font)
                painter.setPen(QColor(colour))
                painter.drawText(box, _WRAP, text)
        painter.end()
