"""The "2+2+N" spectrum of the bonded zone, drawn as nested bands."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from kiosk.content.model import Lang, Spectrum
from kiosk.ui import fmt
from kiosk.ui.style import TAP
from kiosk.ui.tokens import RADII, SIZE, SPACE, TYPE, Palette, Theme, scaled
from kiosk.ui.zone.drawing import (
    Drawn,
    Run,
    alpha,
    begin_painter,
    join_items,
    paint_runs,
    sized_font,
    text_run,
)


def tier_colours(p: Palette) -> tuple[str, ...]:
    """The tiers' colours, core first."""
    return (p.gold, p.accent, p.primary)


def tier_fills(p: Palette) -> tuple[str, ...]:
    """The tiers' bands, core first."""
    return (p.surface_pressed, p.surface_raised, p.surface)


class SpectrumDiagram(Drawn):
    """The "2+2+N" spectrum as nested bands: the core inside the key industries inside the N.

    Args:
        spectrum: the spectrum (title and tiers, core first).
        lang: the language of the labels.
        factor: the design scale.
        parent: the parent widget.
        theme: the colours it paints in.
    """

    def __init__(
        self,
        spectrum: Spectrum,
        lang: Lang,
        factor: float,
        parent: QWidget | None = None,
        *,
        theme: Theme,
    ):
        super().__init__(lang, factor, parent, theme)
        self._tiers = spectrum.tiers
        self.setAccessibleName(spectrum.title.get(lang))
        lines = (
            fmt.labelled(
                f"{t.label.get(lang)} {t.title.get(lang)}", join_items(t.items, lang), lang
            )
            for t in self._tiers
        )
        self.setAccessibleDescription("\n".join(lines))
        self.setMinimumWidth(scaled(SIZE.spectrum_min, factor))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return round(self._bands(width)[2])

    def _colour(self, i: int) -> str:
        colours = tier_colours(self.theme.palette)
        return colours[i % len(colours)]

    def _bands(self, width: int) -> tuple[list[tuple[QRectF, QRectF, list[Run]]], QRectF, float]:
        """Per tier, core first: its band, badge and text; the formula's box; the height.

        The formula ("2+2+N") stands left of the bands when wide, above them when narrow.
        """
        f, n, lang = self._factor, len(self._tiers), self._lang
        inset, pad, badge, gap = SPACE.l * f, SPACE.m * f, (TAP + SPACE.s) * f, SPACE.xs * f
        formula = QFontMetrics(sized_font(self, scaled(TYPE.display, f), True))
        text = "+".join(t.label.get(lang) for t in self._tiers)
        box = QRectF(0, 0, formula.horizontalAdvance(text) + 2 * n * gap, formula.height())
        across = width >= 1200 * f
        x0, y0 = (box.width() + SPACE.xl * f, 0.0) if across else (0.0, box.height() + SPACE.s * f)
        title_font = sized_font(self, scaled(TYPE.lead, f), True)
        items_font = sized_font(self, scaled(TYPE.body, f))
        bands: list[tuple[QRectF, QRectF, list[Run]]] = []
        bottom = y0
        for i, tier in enumerate(self._tiers):
            left, top = x0 + inset * (n - 1 - i), y0 + inset * (n - 1 - i)
            x = left + pad + badge + pad
            text_w = width - (left - x0) - pad - x
            title = text_run(
                x, 0, text_w, title_font, self.theme.palette.text, tier.title.get(lang), True
            )
            items = text_run(
                x,
                0,
                text_w,
                items_font,
                self.theme.palette.text_muted,
                join_items(tier.items, lang),
            )
            row = (bottom if bands else top) + pad
            height = max(badge, title[0].height() + gap + items[0].height())
            title[0].moveTop(row + (height - title[0].height() - gap - items[0].height()) / 2)
            items[0].moveTop(title[0].bottom() + gap)
            bottom = row + height + pad
            band = QRectF(left, top, width - (left - x0) - left, bottom - top)
            bands.append(
                (band, QRectF(left + pad, row + (height - badge) / 2, badge, badge), [title, items])
            )
        if across:
            box.moveTop((bottom - box.height()) / 2)
        return bands, box, bottom

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        f, lang = self._factor, self._lang
        bands, formula, _ = self._bands(self.width())
        painter = begin_painter(self)
        painter.setFont(sized_font(self, scaled(TYPE.display, f), True))
        x, base = formula.left(), formula.top() + painter.fontMetrics().ascent()
        for i, tier in enumerate(self._tiers):
            for text, colour in ((("+", self.theme.palette.text_muted),) if i else ()) + (
                (tier.label.get(lang), self._colour(i)),
            ):
                painter.setPen(QColor(colour))
                painter.drawText(QPointF(x, base), text)
                x += painter.fontMetrics().horizontalAdvance(text) + SPACE.xs * f
        for i in reversed(range(len(bands))):  # the outermost first
            painter.setPen(QPen(QColor(self._colour(i)), 2 * f))
            fills = tier_fills(self.theme.palette)
            painter.setBrush(alpha(fills[min(i, len(fills) - 1)], 0.9))
            radius = scaled(RADII.l, f) * (1 + 0.5 * i)
            painter.drawRoundedRect(bands[i][0].adjusted(f, f, -f, -f), radius, radius)
        painter.setFont(sized_font(self, scaled(TYPE.title, f), bold=True))
        for i, (tier, (_, badge, runs)) in enumerate(zip(self._tiers, bands, strict=True)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self._colour(i)))
            painter.drawEllipse(badge)
            painter.setPen(QColor(self.theme.palette.background_deep))
            painter.setFont(sized_font(self, scaled(TYPE.title, f), bold=True))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, tier.label.get(lang))
            paint_runs(painter, runs)
        painter.end()
