"""Drawn pictures of an achievement's field: a pictogram for an item that has no key figure.

Each picture is the item's own icon on a round badge, set in a line drawing of its field: an
orbit round the sun for space science, radio waves for telecommunications, a honeycomb lattice
for materials, a plasma ring for fusion energy, the focal rings of a lens for imaging, electron
orbits for quantum physics. The field is read from the icon the content gives the item (its
symbol); an icon without a drawing of its own gets a neutral grid of points. Everything is
painted with QPainter from the theme's colours, at the size it is shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRadialGradient,
)

from kiosk.ui import icons
from kiosk.ui.tokens import RADII, Theme

#: The drawing for each field, by the icon the content gives its items.
MOTIFS: dict[str, str] = {
    "mdi6.white-balance-sunny": "orbit",  # space science: a satellite round the sun
    "mdi6.antenna": "waves",  # telecommunications
    "mdi6.cellphone-link": "lattice",  # new materials
    "mdi6.sun-thermometer-outline": "torus",  # fusion energy
    "mdi6.radioactive-circle-outline": "torus",
    "mdi6.microscope": "focus",  # imaging
    "mdi6.atom-variant": "atom",  # quantum physics
}
FALLBACK_ICON = "mdi6.star-four-points-outline"


def motif(icon: str | None) -> str:
    """The name of the drawing for an item with *icon* ("grid" when it has none of its own)."""
    return MOTIFS.get(icon or "", "grid")


def field_picture(icon: str | None, width: int, height: int, theme: Theme) -> QPixmap:
    """The picture of the field whose symbol is *icon*, *width* × *height* pixels."""
    p = theme.palette
    pixmap = QPixmap(max(1, width), max(1, height))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, width, height)
    edge = max(1.0, height / 160)
    card = rect.adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
    radius = RADII.l * height / 320
    frame = QPainterPath()
    frame.addRoundedRect(card, radius, radius)
    if theme.flat:
        painter.fillPath(frame, QColor(p.surface))
    else:
        fill = QLinearGradient(card.topLeft(), card.bottomRight())
        fill.setColorAt(0, QColor(p.surface_raised))
        fill.setColorAt(1, QColor(p.background_deep))
        painter.fillPath(frame, fill)
    centre = rect.center()
    unit = min(width, height) / 2  # the drawing's scale: half the shorter side
    painter.save()
    painter.setClipPath(frame)
    line = QColor(p.accent)
    line.setAlphaF(1.0 if theme.flat else 0.45)
    painter.setPen(QPen(line, max(1.0, unit / 60)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _DRAW.get(motif(icon), _grid)(painter, centre, unit, rect, theme)
    painter.restore()
    painter.setPen(QPen(QColor(p.outline), edge))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(frame)
    _badge(painter, centre, unit * 0.42, icon, theme)
    painter.end()
    return pixmap


def _badge(painter: QPainter, centre: QPointF, r: float, icon: str | None, theme: Theme) -> None:
    """The item's icon on a round badge in the middle of the picture."""
    p = theme.palette
    painter.setPen(QPen(QColor(p.background_deep), r / 8))
    painter.setBrush(QColor(p.accent))
    painter.drawEllipse(centre, r, r)
    try:
        glyph = icons.icon(icon or FALLBACK_ICON, p.background_deep)
    except Exception:  # an unknown name: the neutral icon
        glyph = icons.icon(FALLBACK_ICON, p.background_deep)
    side = r * 1.3
    glyph.paint(painter, QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side).toRect())


def _dot(painter: QPainter, at: QPointF, r: float, colour: QColor) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(at, r, r)
    painter.restore()


def _colour(theme: Theme, name: str, alpha: float) -> QColor:
    colour = QColor(getattr(theme.palette, name))
    colour.setAlphaF(1.0 if theme.flat else alpha)
    return colour


def _orbit(painter: QPainter, c: QPointF, u: float, rect: QRectF, theme: Theme) -> None:
    """Rays round the sun, a tilted orbit and a satellite on it, a few stars."""
    for i in range(12):
        a = i * math.pi / 6
        painter.drawLine(
            QPointF(c.x() + math.cos(a) * u * 0.55, c.y() + math.sin(a) * u * 0.55),
            QPointF(c.x() + math.cos(a) * u * 0.68, c.y() + math.sin(a) * u * 0.68),
        )
    painter.save()
    painter.translate(c)
    painter.rotate(-18)
    painter.drawEllipse(QPointF(0, 0), u * 1.6, u * 0.62)
    at = QPointF(u * 1.6 * math.cos(0.7), u * 0.62 * math.sin(0.7))
    gold = _colour(theme, "gold", 1.0)
    painter.fillRect(QRectF(at.x() - u * 0.16, at.y() - u * 0.04, u * 0.32, u * 0.08), gold)
    _dot(painter, at, u * 0.07, gold)
    painter.restore()
    star = _colour(theme, "text", 0.7)
    for fx, fy in ((0.08, 0.2), (0.2, 0.82), (0.86, 0.16), (0.93, 0.7), (0.7, 0.9), (0.3, 0.1)):
        _dot(painter, QPointF(rect.width() * fx, rect.height() * fy), u * 0.025, star)


def _waves(painter: QPainter, c: QPointF, u: float, rect: QRectF, theme: Theme) -> None:
    """Radio waves spreading both ways from the mast."""
    for i in range(1, 5):
        r = u * (0.45 + 0.32 * i)
        box = QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r)
        for start in (-40, 140):
            painter.drawArc(box, start * 16, 80 * 16)


def _lattice(painter: QPainter, c: QPointF, u: float, rect: QRectF, theme: Theme) -> None:
    """A honeycomb lattice over the whole picture."""
    s = u * 0.3
    w, h = math.sqrt(3) * s, 1.5 * s
    rows, cols = int(rect.height() / h) + 2, int(rect.width() / w) + 2
    for row in range(-1, rows):
        for col in range(-1, cols):
            x = col * w + (w / 2 if row % 2 else 0)
            y = row * h
            points = [
                QPointF(
                    x + s * math.cos(math.pi / 6 + k * math.pi / 3),
                    y + s * math.sin(math.pi / 6 + k * math.pi / 3),
                )
                for k in range(7)
            ]
            painter.drawPolyline(points)


def _torus(painter: QPainter, c: QPointF, u: float, rect: QRectF, theme: Theme) -> None:
    """A ring of plasma seen from the side: nested flat ellipses round a warm glow."""
    if not theme.flat:
        glow = QRadialGradient(c, u * 1.4)
        glow.setColorAt(0, _colour(theme, "gold", 0.45))
        glow.setColorAt(1, _colour(theme, "gold", 0.0))
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glow)
        painter.drawEllipse(c, u * 1.6, u * 0.8)
        painter.restore()
    for i in range(5):
        painter.drawEllipse(c, u * (0.75 + 0.2 * i), u * (0.3 + 0.09 * i))


def _focus(painter: QPainter, c: QPointF, u: float, rect: QRectF, theme: Theme) -> None:
    """The rings and cross-hairs of a lens, and a few linked cells deep in the tissue."""
    for i in range(1, 4):
        painter.drawEllipse(c, u * (0.45 + 0.25 * i), u * (0.45 + 0.25 * i))
    painter.drawLine(QPointF(rect.left(), c.y()), QPointF(c.x() - u * 0.5, c.y()))
    painter.drawLine(QPointF(c.x() + u * 0.5, c.y()), QPointF(rect.right(), c.y()))
    cells = [(0.12, 0.25), (0.2, 0.7), (0.85, 0.22), (0.9, 0.78), (0.78, 0.5)]
    points = [QPointF(rect.width() * fx, rect.height() * fy) for fx, fy in cells]
    painter.drawPolyline(points[:2])
    painter.drawPolyline(points[2:])
    for point in points:
        _dot(painter, point, u * 0.05, _colour(theme, "coral", 0.8))


def _atom(painter: QPainter, c: QPointF, u: float, rect: QRectF, theme: Theme) -> None:
    """Three electron orbits, each with its electron."""
    for angle in (0, 60, 120):
        painter.save()
        painter.translate(c)
        painter.rotate(angle)
        painter.drawEllipse(QPointF(0, 0), u * 0.95, u * 0.32)
        _dot(painter, QPointF(u * 0.95, 0), u * 0.05, _colour(theme, "gold", 1.0))
        painter.restore()


def _grid(painter: QPainter, c: QPointF, u: float, rect: QRectF, theme: Theme) -> None:
    """A field of points, brighter towards the middle."""
    step = u * 0.22
    for y in range(int(rect.height() / step) + 1):
        for x in range(int(rect.width() / step) + 1):
            at = QPointF(x * step + step / 2, y * step + step / 2)
            near = math.hypot(at.x() - c.x(), at.y() - c.y()) / (u * 2.5)
            _dot(painter, at, u * 0.018, _colour(theme, "accent", max(0.1, 0.6 - near * 0.5)))


_DRAW: dict[str, Callable[[QPainter, QPointF, float, QRectF, Theme], None]] = {
    "orbit": _orbit,
    "waves": _waves,
    "lattice": _lattice,
    "torus": _torus,
    "focus": _focus,
    "atom": _atom,
    "grid": _grid,
}
