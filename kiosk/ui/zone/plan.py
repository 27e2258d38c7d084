"""The site plan of the bonded zone: a stylised campus with its functional areas to tap."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.content.model import Area, Lang, Zone
from kiosk.ui import a11y, fmt
from kiosk.ui.fmt import figure_text, unit_gap
from kiosk.ui.strings import ui
from kiosk.ui.style import TAP
from kiosk.ui.tokens import RADII, SIZE, SPACE, TYPE, Theme, scaled
from kiosk.ui.zone.drawing import (
    CENTRED,
    LEFT,
    Drawn,
    alpha,
    balanced,
    begin_painter,
    mix,
    named_icon,
    paint_grid,
    paint_runs,
    sized_font,
    text_run,
)
from kiosk.ui.zone.layouts import LANDSCAPE, PORTRAIT, Box


def area_colours(theme: Theme) -> tuple[str, ...]:
    """The areas' colours in content order, repeated as needed: office, inspection, R&D and
    design, testing, logistics. High contrast (a flat theme) draws every area in its accent,
    yellow: its black and white palette has no five colours to tell them apart (it drew one
    white, three yellow and one pink), and their names and icons do."""
    p = theme.palette
    if theme.flat:
        return (p.accent,)
    return (p.text_muted, p.gold, p.accent, p.coral, p.primary)


class AreaButton(QAbstractButton):
    """One functional area on the site plan: a large coloured block a visitor taps.

    The plan places it over the area's place; it paints its shape, icon and name itself.

    Args:
        area: the area shown.
        lang: the language of its name.
        factor: the design scale (the block is at least a tap wide and high).
        colour: the area's colour, from the theme's palette (:func:`area_colours`).
        theme: the theme it paints in.
        parent: the site plan.
    """

    def __init__(
        self,
        area: Area,
        lang: Lang,
        factor: float,
        colour: str,
        parent: QWidget | None = None,
        *,
        theme: Theme,
    ):
        super().__init__(parent)
        self.theme = theme
        self.area_id = area.id
        self.colour = colour
        self.scale = factor  # widget pixels per plan unit, set by the plan
        self.name_px = scaled(TYPE.body, factor)  # set by the plan, the same for every area
        self._icon = named_icon(area.icon, self.theme.palette.background_deep)
        self.setText(area.name.get(lang))
        self.setAccessibleName(area.name.get(lang))
        self.setAccessibleDescription(area.summary.get(lang))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumSize(scaled(TAP, factor), scaled(TAP, factor))
        #: On a plan that pictures one area: "marked" (that area) or "muted" (the others).
        self.state = ""

    def picture(self, marked: bool) -> None:
        """Draw this block on a plan that shows one area: that one *marked*, the others muted.

        It is then part of a picture: no tap, no focus, left out of the accessibility tree.
        """
        self.state = "marked" if marked else "muted"
        self.setMinimumSize(0, 0)
        self.setEnabled(False)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        a11y.decorative(self)

    def arrange(self, px: int) -> tuple[QRectF, QRectF, int] | None:
        """Icon box, name box and flags with the name at *px* pixels; None when it won't fit.

        The icon goes above the name, or beside it in a low block.
        """
        s, w, h = self.scale, self.width(), self.height()
        pad, gap, icon = SPACE.m * s, SPACE.s * s, (TAP + SPACE.xs) * s
        font = sized_font(self, px, bold=True)
        box = balanced(font, w - 2 * pad, self.text())
        if box.width() <= w - 2 * pad and icon + gap + box.height() + 2 * pad <= h:
            top = (h - icon - gap - box.height()) / 2
            name = QRectF((w - box.width()) / 2, top + icon + gap, box.width(), box.height())
            return QRectF((w - icon) / 2, top, icon, icon), name, CENTRED
        room = w - 2 * pad - icon - gap
        box = balanced(font, room, self.text(), LEFT)
        if box.width() <= room and max(icon, box.height()) + 2 * pad <= h:
            left = (w - icon - gap - box.width()) / 2
            name = QRectF(left + icon + gap, (h - box.height()) / 2, box.width(), box.height())
            return QRectF(left, (h - icon) / 2, icon, icon), name, LEFT
        return None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """The block; while a finger is on it, brighter with a white edge."""
        s, down, p = self.scale, self.isDown(), self.theme.palette
        painter = begin_painter(self)
        colour = mix(p.surface, p.text_muted, 0.5).name() if self.state == "muted" else self.colour
        edge = 3 * s
        if self.state == "marked":  # thicker, so it stands out without its colour too
            edge = max(6 * s, 3.0)
        shape = QRectF(self.rect()).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
        tint = 0.6 * (1 - QColor(colour).lightnessF())  # light colours tint less
        if self.theme.flat or self.state == "muted":  # a plain block drawn by its edge
            tint = 0.0
        elif self.state == "marked":
            tint = max(tint, 0.45)
        fill = QLinearGradient(shape.topLeft(), shape.bottomLeft())
        fill.setColorAt(0, mix(p.surface, colour, 0.7 if down else tint))
        fill.setColorAt(1, mix(p.surface, colour, 0.5 if down else tint / 4))
        painter.setBrush(fill)
        painter.setPen(QPen(QColor(p.text if down else colour), edge))
        painter.drawRoundedRect(shape, RADII.m * s, RADII.m * s)
        # Only when smaller than the plan ever makes it: the name alone.
        fallback = (QRectF(), QRectF(self.rect()), CENTRED | Qt.AlignmentFlag.AlignVCenter)
        badge, name, flags = self.arrange(self.name_px) or fallback
        if self.state == "muted" or (self.state and badge.isEmpty()):  # a picture: the icon
            size = min((TAP + SPACE.xs) * s, self.width() * 0.6, self.height() * 0.6)
            badge, name = QRectF(0, 0, size, size), QRectF()
            badge.moveCenter(QRectF(self.rect()).center())
        if not badge.isEmpty():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p.text if down else colour))
            painter.drawEllipse(badge)
            inset = badge.width() * 0.2
            self._icon.paint(painter, badge.adjusted(inset, inset, -inset, -inset).toRect())
        if not name.isEmpty():
            painter.setPen(QColor(p.text))
            painter.setFont(sized_font(self, self.name_px, bold=True))
            painter.drawText(name, flags, self.text())
        painter.end()


class SitePlan(Drawn):
    """A stylised plan of the bonded zone's site, with its functional areas to tap.

    A 16:9 arrangement when wide, a portrait one when narrow; either is fitted into the widget
    and scales with it.

    Args:
        zone: the zone (its name, location, planned-area figure and areas).
        lang: the language of the labels.
        factor: the design scale (1.0 at 1920×1080).
        parent: the parent widget.
        theme: the colours it paints in.
        marked: an area's id: the plan is then a picture of where that area lies (the area
            marked, the others muted, nothing to tap; always the wide arrangement).

    Attributes:
        buttons: one AreaButton per area, in content order.
    """

    area_tapped = Signal(str)  # the id of the area
    area_pressed = Signal(str)  # the id of the area a finger is down on (tapped once lifted)

    def __init__(
        self,
        zone: Zone,
        lang: Lang,
        factor: float,
        parent: QWidget | None = None,
        *,
        theme: Theme,
        marked: str | None = None,
    ):
        super().__init__(lang, factor, parent, theme)
        self.marked = marked
        self._most = 0  # the most height it may take (0: no limit), see fit_within
        self._scale = factor
        self._offset = QPointF()
        self._layout = LANDSCAPE
        figure = next((f for f in zone.figures if f.id == zone.plan_figure), None)
        self._caption = figure.caption.get(lang) if figure else ""
        self._value = figure_text(figure, lang) if figure else ""
        self._unit = figure.unit.get(lang) if figure and figure.unit else ""
        self._location = zone.location.get(lang)
        self.buttons: list[AreaButton] = []
        colours = area_colours(theme)
        for i, item in enumerate(zone.areas):
            colour = colours[i % len(colours)]
            button = AreaButton(item, lang, factor, colour, self, theme=theme)
            button.pressed.connect(lambda area_id=item.id: self.area_pressed.emit(area_id))
            button.clicked.connect(lambda _=False, area_id=item.id: self.area_tapped.emit(area_id))
            if marked is not None:
                button.picture(item.id == marked)
            self.buttons.append(button)
        names = fmt.join([b.text() for b in self.buttons], lang)
        self.setAccessibleName(zone.name.get(lang))
        self.setAccessibleDescription(fmt.labelled(ui("zone.areas", lang), names, lang))
        area = next((a for a in zone.areas if a.id == marked), None)
        if area is not None:
            name = ui("zone.plan.area", lang, area=area.name.get(lang), zone=zone.name.get(lang))
            self.setAccessibleName(name)
            self.setAccessibleDescription(area.summary.get(lang))
        self.setMinimumSize(
            scaled(SIZE.plan_min_width, factor), scaled(SIZE.plan_min_height, factor)
        )

    def fit_within(self, height: int) -> None:
        """Take at most *height* pixels (but never less than its minimum): the plan then draws
        itself narrower, centred, so that the whole of it is seen at once. 0: no limit."""
        if height != self._most:
            self._most = height
            self.updateGeometry()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """16:9 when wide; taller than wide below 1200 design pixels (the portrait plan)."""
        wide = width >= 1200 * self._factor or self.marked is not None
        height = round(width * 9 / 16) if wide else round(width * 1.2)
        if self._most > 0:
            height = max(min(height, self._most), self.minimumHeight())
        return height

    def _map(self, box: Box) -> QRectF:
        x, y, w, h = box
        s, o = self._scale, self._offset
        return QRectF(o.x() + x * s, o.y() + y * s, w * s, h * s)

    def _area_boxes(self) -> tuple[Box, ...]:
        """The campus for five areas; an even grid over the same field for any other number."""
        count, lay = len(self.buttons), self._layout
        if count == len(lay.areas):
            return lay.areas
        x, y, w, h = lay.field
        cols, gap = (3 if w > h else 2), SPACE.l
        cw, ch = (w + gap) / cols, (h + gap) / max(1, -(-count // cols))
        return tuple(
            (x + i % cols * cw, y + i // cols * ch, cw - gap, ch - gap) for i in range(count)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Fit the arrangement into the widget, place the areas, pick one name size for all."""
        w, h = self.width(), self.height()
        self._layout = LANDSCAPE if w >= 1.22 * h else PORTRAIT
        lw, lh = self._layout.size
        self._scale = min(w / lw, h / lh)
        self._offset = QPointF((w - lw * self._scale) / 2, (h - lh * self._scale) / 2)
        for button, box in zip(self.buttons, self._area_boxes(), strict=True):
            button.scale = self._scale
            button.setGeometry(self._map(box).toRect())
        floor = scaled(TYPE.body, self._factor)
        px = max(floor, round(TYPE.lead * self._scale))
        named = [b for b in self.buttons if b.state != "muted"]
        while px > floor and not all(b.arrange(px) for b in named):
            px -= 1
        for button in self.buttons:
            button.name_px = px
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Ground, grid, roads, the dashed boundary with its gates, shadows and the legend."""
        s, lay = self._scale, self._layout
        painter = begin_painter(self)
        site_box = self._map(lay.site)
        site = QPainterPath()
        site.addRoundedRect(site_box, RADII.l * 2 * s, RADII.l * 2 * s)
        ground = QLinearGradient(site_box.topLeft(), site_box.bottomRight())
        ground.setColorAt(0, QColor(self.theme.palette.surface))
        ground.setColorAt(1, QColor(self.theme.palette.background_deep))
        painter.fillPath(site, ground)
        roads = [self._map((0, lay.size[1] - 60, lay.size[0], 60))]  # the street
        radius = RADII.l * 2 * s
        grid = alpha(self.theme.palette.outline, 0.45)
        paint_grid(painter, site_box, radius, SPACE.l * s, grid)
        lane = QPen(alpha(self.theme.palette.text_muted, 0.35), 2 * s)
        lane.setDashPattern([8, 8])
        for road in roads + [self._map(box).intersected(site_box) for box in lay.roads]:
            painter.fillRect(road, QColor(self.theme.palette.surface_raised))
            painter.setPen(lane)
            c = road.center()
            if road.width() > road.height():
                painter.drawLine(QPointF(road.left(), c.y()), QPointF(road.right(), c.y()))
            else:
                painter.drawLine(QPointF(c.x(), road.top()), QPointF(c.x(), road.bottom()))
        boundary = QPen(alpha(self.theme.palette.accent, 0.85), 3 * s)
        boundary.setDashPattern([5, 3])
        painter.strokePath(site, boundary)
        painter.setPen(Qt.PenStyle.NoPen)
        for box in lay.gates:
            gate = self._map(box)
            painter.fillRect(gate, QColor(self.theme.palette.surface_raised))
            painter.setBrush(QColor(self.theme.palette.gold))
            for x in (gate.left(), gate.right()):
                painter.drawEllipse(QPointF(x, site_box.bottom()), SPACE.xs * s, SPACE.xs * s)
        painter.setBrush(alpha(self.theme.palette.background_deep, 0.6))
        for button in self.buttons:
            shadow = QRectF(button.geometry()).translated(0, SPACE.xs * s)
            painter.drawRoundedRect(shadow, RADII.m * s, RADII.m * s)
        self._paint_legend(painter, self._map(lay.legend))
        painter.end()

    def _paint_legend(self, painter: QPainter, card: QRectF) -> None:
        """The legend card: the planned area, the location and a north arrow."""
        s, pad, small = self._scale, SPACE.m * self._scale, scaled(TYPE.caption, self._factor)
        painter.setPen(QPen(QColor(self.theme.palette.outline), 2 * s))
        # Solid in high contrast: no grid line shows through behind the text.
        solid = 1.0 if self.theme.flat else 0.75
        painter.setBrush(alpha(self.theme.palette.background_deep, solid))
        painter.drawRoundedRect(card, RADII.m * s, RADII.m * s)
        arrow = QRectF(card.right() - pad - SPACE.l * s, card.top() + pad, SPACE.l * s, 100 * s)
        if self.marked is not None:  # a picture: the north arrow alone, larger, in the middle
            arrow = QRectF(0, 0, 2 * SPACE.l * s, 200 * s)
            arrow.moveCenter(card.center())
        k = arrow.width() / (SPACE.l * s)
        painter.setFont(sized_font(self, max(TYPE.body * s * k, small), bold=True))
        painter.setPen(QColor(self.theme.palette.text))
        painter.drawText(arrow, (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), "N")
        c, b, r = arrow.center().x(), arrow.bottom(), arrow.width() / 2
        needle = [(c, arrow.top() + 36 * s * k), (c + r, b), (c, b - r), (c - r, b)]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.theme.palette.gold))
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in needle]))
        if self.marked is not None:
            return
        # Caption, figure (number and unit on one baseline) and location, centred in the card.
        left, width = card.left() + pad, arrow.left() - card.left() - 2 * pad
        font, unit = (
            sized_font(self, max(TYPE.caption * s, small)),
            sized_font(self, TYPE.lead * s, True),
        )
        caption = text_run(left, 0, width, font, self.theme.palette.text_muted, self._caption)
        place = text_run(left, 0, width, font, self.theme.palette.text, self._location)
        for size in (TYPE.figure, TYPE.title):  # the larger number when it fits
            number = sized_font(self, size * s, True)
            after = QFontMetrics(number).horizontalAdvance(self._value + unit_gap(self._lang))
            figure_h = QFontMetrics(number).height()
            total = caption[0].height() + figure_h + place[0].height()
            wide = after + QFontMetrics(unit).horizontalAdvance(self._unit)
            if wide <= width and total <= card.height() - 2 * pad:
                break
        runs = [caption, place]
        if total > card.height() - 2 * pad:  # no room for the location (the page names it)
            runs, total = [caption], total - place[0].height()
        top = max(card.top() + pad, card.center().y() - total / 2)
        caption[0].moveTop(top)
        place[0].moveTop(top + caption[0].height() + figure_h)
        paint_runs(painter, runs)
        base = caption[0].bottom() + QFontMetrics(number).ascent()
        painter.setPen(QColor(self.theme.palette.gold))
        painter.setFont(number)
        painter.drawText(QPointF(left, base), self._value)
        painter.setFont(unit)
        painter.drawText(QPointF(left + after, base), self._unit)
