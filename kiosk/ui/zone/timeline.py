"""The timeline of the bonded zone: across in landscape, down when narrow."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from kiosk.content.breaks import glue
from kiosk.content.model import Lang, TimelineEntry
from kiosk.ui.strings import ui
from kiosk.ui.text import wrap
from kiosk.ui.tokens import RADII, SIZE, SPACE, TYPE, Theme, scaled
from kiosk.ui.zone.drawing import (
    Drawn,
    Run,
    alpha,
    begin_painter,
    measure,
    paint_runs,
    sized_font,
    text_run,
)


class Timeline(Drawn):
    """The zone's timeline: across in landscape, down when narrower than 1200 design pixels.

    Args:
        entries: the entries, oldest first.
        lang: the language of the labels.
        factor: the design scale.
        parent: the parent widget.
        theme: the colours it paints in.
    """

    def __init__(
        self,
        entries: Sequence[TimelineEntry],
        lang: Lang,
        factor: float,
        parent: QWidget | None = None,
        *,
        theme: Theme,
    ):
        super().__init__(lang, factor, parent, theme)
        self._entries = tuple(entries)
        self.setAccessibleName(ui("zone.timeline", lang))
        lines = (
            ui(
                "zone.timeline.entry",
                lang,
                date=e.date.get(lang),
                title=e.title.get(lang),
                text=e.text.get(lang),
            )
            for e in self._entries
        )
        self.setAccessibleDescription("\n".join(lines))
        self.setMinimumWidth(scaled(SIZE.timeline_min, factor))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return round(self._place(width)[1])

    def _place(self, width: int) -> tuple[list[tuple[QPointF, list[Run]]], float]:
        """Each entry's dot and text (date, title, text); and the total height."""
        f, lang, halo = self._factor, self._lang, SPACE.m * self._factor
        styles = (
            (sized_font(self, scaled(TYPE.title, f), True), self.theme.palette.gold),
            (sized_font(self, scaled(TYPE.lead, f), True), self.theme.palette.text),
            (sized_font(self, scaled(TYPE.body, f)), self.theme.palette.text_muted),
        )
        across = width >= 1200 * f
        column = width / max(1, len(self._entries)) if across else float(width)
        x0 = 0.0 if across else 2 * halo + SPACE.m * f
        text_w = column - SPACE.l * f if across else width - x0
        dates = [measure(styles[0][0], text_w, e.date.get(lang)).height() for e in self._entries]
        line = max(dates, default=0) + SPACE.s * f + halo  # the line's height, when across
        placed: list[tuple[QPointF, list[Run]]] = []
        y = bottom = 0.0
        for i, entry in enumerate(self._entries):
            x = x0 + i * column if across else x0
            top = line + halo + SPACE.s * f if across else y
            runs: list[Run] = []
            for (font, colour), text in zip(
                styles, (entry.date, entry.title, entry.text), strict=True
            ):
                words = glue(text.get(lang))  # no word split across lines (审议, 正式)
                runs.append(text_run(x, top, text_w, font, colour, words, len(runs) < 2))
                if across and len(runs) == 1:  # the date stands on the line
                    runs[0][0].moveBottom(line - halo - SPACE.s * f)
                else:
                    top = runs[-1][0].bottom() + SPACE.xs * f
            placed.append(
                (
                    QPointF(x + halo, line) if across else QPointF(halo, runs[0][0].center().y()),
                    runs,
                )
            )
            bottom, y = max(bottom, top), top + SPACE.l * f
        return placed, bottom

    def wrapped_texts(self) -> list[tuple[str, list[str]]]:
        """Each title and text with the lines it is broken into now, for ``kiosk check``."""
        return [
            (text, wrap(text, font, box.width() + 1, raw=True))
            for _, runs in self._place(self.width())[0]
            for box, font, _, text in runs[1:]
        ]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        f = self._factor
        placed, _ = self._place(self.width())
        if not placed:
            return
        painter = begin_painter(self)
        first, last = placed[0][0], placed[-1][0]
        end = QPointF(self.width(), first.y()) if first.y() == last.y() else last
        line = QLinearGradient(first, end)
        line.setColorAt(0, QColor(self.theme.palette.accent))
        line.setColorAt(1, alpha(self.theme.palette.accent, 1.0 if self.theme.flat else 0.15))
        painter.setPen(QPen(line, 4 * f))
        painter.drawLine(first, end)
        for centre, runs in placed:
            painter.setPen(Qt.PenStyle.NoPen)
            if not self.theme.flat:  # a soft halo; high contrast draws the dot alone
                painter.setBrush(alpha(self.theme.palette.gold, 0.25))
                painter.drawEllipse(centre, SPACE.m * f, SPACE.m * f)
            painter.setBrush(QColor(self.theme.palette.gold))
            painter.drawEllipse(centre, RADII.s * f, RADII.s * f)
            paint_runs(painter, runs)
        painter.end()
