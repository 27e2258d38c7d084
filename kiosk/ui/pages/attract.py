"""The attract loop: highlight slides from the content, gently moving, until someone touches."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QEvent, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.content import Content, Figure, Text
from kiosk.model.navigation import Route
from kiosk.ui.fmt import figure_text
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.strings import both
from kiosk.ui.tokens import MOTION, TYPE, Palette

#: Achievements and Beijing figures shown on the loop, in this order (those that exist).
_ACHIEVEMENTS = ("quantum-cloud", "proton-cyclotron", "frontier-competition", "technology-trading")
_BEIJING_FIGURES = 4


@dataclass(frozen=True)
class Slide:
    """One highlight: a small heading, a large line (a number or a name) and a caption."""

    eyebrow: Text
    big: Text
    caption: Text
    accent: str


def _figure_big(figure: Figure, unit_gap: bool = True) -> Text:
    zh = figure_text(figure, "zh") + (figure.unit.zh if figure.unit else "")
    en_unit = f" {figure.unit.en}" if figure.unit and unit_gap else ""
    return Text(zh, figure_text(figure, "en") + en_unit)


def slides_for(content: Content, palette: Palette) -> list[Slide]:
    """The highlight slides drawn from *content*: the forum, figures, achievements, the zone;
    their accents from *palette*."""
    forum, p = content.forum, palette
    slides = [Slide(forum.name, forum.theme, forum.dates, p.accent)]
    for figure in forum.figures[:1]:
        slides.append(Slide(forum.name, _figure_big(figure), figure.caption, p.gold))
    by_id = {a.id: a for a in content.achievements}
    for achievement_id in _ACHIEVEMENTS:
        a = by_id.get(achievement_id)
        if a is None:
            continue
        big = _figure_big(a.key_figure) if a.key_figure else a.title
        caption = a.title if a.key_figure else a.category
        slides.append(Slide(a.category, big, caption, p.gold))
    beijing = content.beijing
    for figure in beijing.figures[:_BEIJING_FIGURES]:
        slides.append(Slide(beijing.title, _figure_big(figure), figure.caption, p.accent))
    zone = content.zone
    slides.append(Slide(zone.short_name, zone.name, zone.tagline, p.coral))
    for figure in zone.figures[:2]:
        slides.append(Slide(zone.short_name, _figure_big(figure), figure.caption, p.coral))
    return slides


class StartButton(QAbstractButton):
    """The "Touch to start" cue as a control for keys and assistive technology (the page paints
    the cue; a touch anywhere reaches the page itself)."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Nothing: the page paints the cue under it."""


class AttractPage(Page):
    """Full-screen loop of slides in both languages with a "Touch to start" cue."""

    def __init__(
        self, ctx: PageContext, route: Route, seconds: float = 8.0, parent: QWidget | None = None
    ):
        super().__init__(ctx, route, parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAccessibleName(both("touch_to_start", " "))
        self.start = StartButton(self)
        self.start.setText(both("touch_to_start", " "))
        self.start.setAccessibleName(both("touch_to_start", " "))
        self.start.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.start.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.start.clicked.connect(lambda: self.ctx.nav.home())
        self.heading = self.start
        self.slides = slides_for(ctx.content, ctx.theme.palette)
        self._big_fonts: dict[tuple[str, int], QFont] = {}
        self._bg = QPixmap()
        self._bg_key: tuple[object, ...] | None = None
        self.index = 0
        self._progress = 1.0
        self._pulse = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.advance)
        self._timer.start()
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setDuration(MOTION.attract_slide)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self._set_progress)
        self._cue = QVariantAnimation(self)
        self._cue.setStartValue(0.0)
        self._cue.setKeyValueAt(0.5, 1.0)
        self._cue.setEndValue(0.0)
        self._cue.setDuration(MOTION.attract_pulse)
        self._cue.setLoopCount(-1)
        self._cue.valueChanged.connect(self._set_pulse)
        self._cue.start()

    # -- animation -----------------------------------------------------------------------------

    def advance(self) -> None:
        """Move to the next slide with a slow slide-and-fade."""
        self.index = (self.index + 1) % len(self.slides)
        self._anim.stop()
        self._anim.start()

    def _set_progress(self, value: float) -> None:
        self._progress = float(value)
        self.update()

    def _set_pulse(self, value: float) -> None:
        self._pulse = float(value)
        self.update(self._cue_rect().toAlignedRect())

    # -- input ---------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            event.accept()
            self.ctx.nav.home()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self.start.setGeometry(self._cue_rect().toAlignedRect())
        super().resizeEvent(event)

    # -- painting ------------------------------------------------------------------------------

    def _font(self, size: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(size * self.ctx.factor)))
        font.setBold(bold)
        return font

    def _cue_rect(self) -> QRectF:
        h = self.height()
        return QRectF(0, h * 0.80, self.width(), h * 0.14)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        w = self.width()
        slide = self.slides[self.index]
        rect = event.rect()
        painter.drawPixmap(rect, self._background(slide.accent), rect)
        p = self._progress
        if p < 1.0:
            previous = self.slides[(self.index - 1) % len(self.slides)]
            self._paint_slide(painter, previous, offset=-p * w * 0.08, opacity=1.0 - p)
        self._paint_slide(painter, slide, offset=(1.0 - p) * w * 0.08, opacity=p)
        self._paint_cue(painter)
        painter.end()

    def _big_font(self, text: str, width: float) -> QFont:
        """The headline's font: 150 px for a short line, smaller until it fits one line (not
        below 96 px, where it wraps), so a portrait screen does not break a phrase mid-word.
        Worked out once per text and width (the slide animation repaints at every frame)."""
        key = (text, round(width))
        font = self._big_fonts.get(key)
        if font is None:
            size = 150 if len(text) <= 10 else 96
            font = self._font(size, bold=True)
            while size > 96 and QFontMetricsF(font).horizontalAdvance(text) > width:
                size -= 6
                font = self._font(size, bold=True)
            self._big_fonts[key] = font
        return font

    def _background(self, accent: str) -> QPixmap:
        """The gradient and the slide's glow, painted once per size and accent (two full-screen
        gradients cost about 10 ms in software; the slide animation repaints at every frame)."""
        w, h, p = self.width(), self.height(), self.ctx.theme.palette
        key = (w, h, accent, p.background, p.background_deep)
        if self._bg_key != key:
            pixmap = QPixmap(max(1, w), max(1, h))
            painter = QPainter(pixmap)
            gradient = QLinearGradient(0, 0, w, h)
            gradient.setColorAt(0, QColor(p.background))
            gradient.setColorAt(1, QColor(p.background_deep))
            painter.fillRect(pixmap.rect(), gradient)
            glow = QRadialGradient(w * 0.78, h * 0.30, max(w, h) * 0.55)
            color = QColor(accent)
            color.setAlphaF(0.22)
            glow.setColorAt(0, color)
            glow.setColorAt(1, QColor(0, 0, 0, 0))
            painter.fillRect(pixmap.rect(), glow)
            painter.end()
            self._bg, self._bg_key = pixmap, key
        return self._bg

    def _paint_slide(self, painter: QPainter, slide: Slide, offset: float, opacity: float) -> None:
        w, h = self.width(), self.height()
        margin = w * 0.08
        width = w - 2 * margin
        painter.save()
        painter.setOpacity(max(0.0, min(1.0, opacity)))
        painter.translate(offset, 0)
        flags = int(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        )
        y = h * 0.16
        painter.setPen(QColor(slide.accent))
        painter.setFont(self._font(TYPE.lead, bold=True))
        eyebrow = f"{slide.eyebrow.zh}  ·  {slide.eyebrow.en}"
        rect = painter.boundingRect(QRectF(margin, y, width, h), flags, eyebrow)
        painter.drawText(rect, flags, eyebrow)
        y = rect.bottom() + h * 0.03
        painter.setPen(QColor(self.ctx.theme.palette.text))
        painter.setFont(self._big_font(slide.big.zh, width))
        rect = painter.boundingRect(QRectF(margin, y, width, h), flags, slide.big.zh)
        painter.drawText(rect, flags, slide.big.zh)
        y = rect.bottom() + h * 0.01
        painter.setFont(self._font(TYPE.title))
        painter.setPen(QColor(self.ctx.theme.palette.text_muted))
        if slide.big.en != slide.big.zh:
            rect = painter.boundingRect(QRectF(margin, y, width, h), flags, slide.big.en)
            painter.drawText(rect, flags, slide.big.en)
            y = rect.bottom() + h * 0.03
        painter.setPen(QColor(self.ctx.theme.palette.text))
        painter.setFont(self._font(TYPE.lead))
        caption = f"{slide.caption.zh}\n{slide.caption.en}"
        rect = painter.boundingRect(QRectF(margin, y, width * 0.8, h), flags, caption)
        painter.drawText(rect, flags, caption)
        painter.restore()

    def _paint_cue(self, painter: QPainter) -> None:
        rect = self._cue_rect()
        painter.save()
        text = both("touch_to_start", "   ·   ")
        painter.setFont(self._font(TYPE.title, bold=True))
        metrics = painter.fontMetrics()
        pad = 48 * self.ctx.factor
        text_w = metrics.horizontalAdvance(text) + 2 * pad
        pill = QRectF(
            rect.center().x() - text_w / 2,
            rect.top() + rect.height() * 0.2,
            text_w,
            rect.height() * 0.6,
        )
        fill = QColor(self.ctx.theme.palette.primary)
        fill.setAlphaF(0.55 + 0.35 * self._pulse)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor(self.ctx.theme.palette.text))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
