"""The attract loop: highlight slides from the content, gently moving, until someone touches."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEasingCurve, QEvent, QRect, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.model.navigation import Route
from kiosk.ui.pages import attract_cache
from kiosk.ui.pages.attract_slides import (
    SEPARATOR,
    WIDGETS,
    Painting,
    SlideArt,
    Steps,
    Visual,
    at_once,
    finish,
    slides_for,
)
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.strings import both
from kiosk.ui.tokens import MOTION, SPACE, TYPE, scaled

__all__ = ["AttractPage", "StartButton", "slides_for"]

#: The longest a segment of the slide progress bar gets (design pixels).
_SEGMENT = 72


class StartButton(QAbstractButton):
    """The "Touch to start" cue as a control for keys and assistive technology (the page paints
    the cue; a touch anywhere reaches the page itself)."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Nothing: the page paints the cue under it."""


class AttractPage(Page):
    """Full-screen loop of slides in both languages, each with a drawing from the content, the
    slide progress and a "Touch to start" cue.

    Each slide is painted once into a pixmap (see :class:`SlideArt`); the cross-fade between two
    slides and the cue's pulse only draw pixmaps (or the pictures read back from the cache:
    images drawn straight from their files).
    """

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
        self.art = SlideArt(self, ctx.content, ctx.lang, ctx.factor, ctx.theme)
        self._pictures: dict[int, QPixmap | QImage] = {}  # the slides on screen now, painted
        #: The slides being painted in steps, each with the size it is painted for.
        self._painting: dict[int, tuple[tuple[int, int], Steps[QPixmap | QImage]]] = {}
        self._bg: QPixmap | QImage = QPixmap()
        self._bg_key: tuple[object, ...] | None = None
        #: The first slide and its background come from the picture cache when they can, and
        #: go into it when they cannot (see :mod:`kiosk.ui.pages.attract_cache`).
        self._cache = attract_cache.cache_folder()
        self.index = 0
        self._progress = 1.0
        self._pulse = 0.0
        self._describe()
        self.build_later(self._first_pictures())
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
        self._anim.finished.connect(self._let_previous_go)
        self._cue = QVariantAnimation(self)
        self._cue.setStartValue(0.0)
        self._cue.setKeyValueAt(0.5, 1.0)
        self._cue.setEndValue(0.0)
        self._cue.setDuration(MOTION.attract_pulse)
        self._cue.setLoopCount(-1)
        self._cue.valueChanged.connect(self._set_pulse)
        self._cue.start()

    # -- slides --------------------------------------------------------------------------------

    def progress_text(self) -> str:
        """Which slide is on screen, of how many, in both languages ("slide 2 of 8")."""
        return both("attract.progress", SEPARATOR, index=self.index + 1, count=len(self.slides))

    def _describe(self) -> None:
        text = self.progress_text()
        self.setAccessibleDescription(text)
        self.start.setAccessibleDescription(text)

    def advance(self) -> None:
        """Move to the next slide with a slow slide-and-fade."""
        previous = self.index
        self.index = (self.index + 1) % len(self.slides)
        self._describe()
        self._pictures = {i: p for i, p in self._pictures.items() if i == previous}
        self.picture(self.index)  # painted now, before the first frame of the fade
        self._anim.stop()
        self._anim.start()

    def _let_previous_go(self) -> None:
        """The fade has ended: only the slide on screen is drawn until the next one (8 MB less
        at 1080p while the kiosk waits for a visitor)."""
        self._pictures = {i: p for i, p in self._pictures.items() if i == self.index}

    def picture(self, index: int) -> QPixmap | QImage:
        """Slide *index* painted for the page's size (once per slide on screen)."""
        picture = self._pictures.get(index)
        return picture if picture is not None else finish(self._picturing(index))

    def _picturing(self, index: int) -> Steps[QPixmap | QImage]:
        """:meth:`picture` in steps (see :meth:`SlideArt.painting`). One painting of a slide
        at a time: a paint that comes while the page's parts paint it takes their steps over
        (two paintings of the same walls interleaved drew one of them empty)."""
        size = self._device_size()
        running = self._painting.get(index)
        if running is None or running[0] != size:
            running = (size, self._paint_slide(index, size))
            self._painting[index] = running
        return running[1]

    def _device_size(self) -> tuple[int, int]:
        """The page's size in device pixels: what its slides are painted for."""
        ratio = self.devicePixelRatioF()
        return round(self.width() * ratio), round(self.height() * ratio)

    def _paint_slide(self, index: int, size: tuple[int, int]) -> Steps[QPixmap | QImage]:
        ratio = self.devicePixelRatioF()
        painting = self.art.painting(index, self.slides[index], self.size(), ratio)
        parts = self._slide_parts(index)
        picture = yield from self._kept(f"attract-slide-{index}", parts, size, painting)
        if size == self._device_size():  # still the page's size (a resize drops the rest)
            self._painting.pop(index, None)
            self._pictures[index] = picture
        return picture

    def _first_pictures(self) -> Iterator[None]:
        """The page's parts: its background and first slide painted a step a part, while it
        is built beneath the page on screen; its first paint (a strip of the page change) then
        only draws them (painted there, 20-70 ms in one turn at 1080p). The step that renders
        the slide's drawing waits for that paint when the page's updates are off (it would
        draw nothing). A page built whole before it is shown (proof sheets, tests) leaves it
        all to its first paint, at its size."""
        if not self.isVisible():
            return
        self._background(self.slides[self.index].accent)
        yield
        if self.index in self._pictures:
            return
        for step in self._picturing(self.index):
            if step == WIDGETS and not self.updatesEnabled():
                return  # the first paint takes the painting over (see _picturing)
            yield

    def holders(self) -> list[QWidget]:
        """None: the page's parts add no widget (a slide's drawing widgets are never shown)."""
        return []

    def _slide_parts(self, index: int) -> tuple[object, ...] | None:
        """What slide *index*'s picture is painted from (None: not kept in the cache)."""
        slide = self.slides[index]
        if index != 0 or slide.visual is not Visual.FIGURES:  # the first frame's slide only
            return None
        ctx, ratio = self.ctx, self.devicePixelRatioF()
        return (slide, ctx.lang, ctx.factor, ctx.theme, self.font().toString(), self.size(), ratio)

    def _kept(
        self,
        name: str,
        parts: tuple[object, ...] | None,
        size: tuple[int, int],
        painting: Painting,
    ) -> Steps[QPixmap | QImage]:
        """The picture *name* of *size* device pixels painted from *parts*: read from the
        picture cache when it was kept there; else painted in steps (*painting*), and kept once
        the frame is shown."""
        folder, key = self._cache, ""
        if folder is not None and parts is not None and min(size) > 0:
            key = attract_cache.picture_key(name, *parts)
            kept = attract_cache.load(folder, name, key, *size)
            if kept is not None:
                return kept
        picture = yield from painting
        if folder is not None and key and attract_cache.can_keep(folder):
            QTimer.singleShot(0, self, lambda: attract_cache.save(folder, name, key, picture))
        return picture

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
        self._pictures.clear()
        self._painting.clear()
        super().resizeEvent(event)

    def dispose(self) -> None:
        """Let the painted slides and the background go now (25 MB at 1080p): this page and its
        :attr:`art` refer to each other, so Python would free them only at its next full
        collection, long after the page is gone."""
        super().dispose()
        self._pictures, self._painting = {}, {}
        self._bg, self._bg_key = QPixmap(), None

    # -- painting ------------------------------------------------------------------------------

    def _font(self, size: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(size * self.ctx.factor)))
        font.setBold(bold)
        return font

    def _cue_rect(self) -> QRectF:
        h = self.height()
        return QRectF(0, h * 0.80, self.width(), h * 0.13)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        slide = self.slides[self.index]
        rect = event.rect()
        _draw(painter, rect, self._background(slide.accent))
        shift, p = self.width() * 0.04, self._progress
        if p < 1.0:
            previous = (self.index - 1) % len(self.slides)
            painter.setOpacity(1.0 - p)
            _draw_at(painter, round(-p * shift), self.picture(previous))
        painter.setOpacity(p)
        _draw_at(painter, round((1.0 - p) * shift), self.picture(self.index))
        painter.setOpacity(1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._paint_cue(painter)
        self._paint_progress(painter)
        painter.end()

    def _background(self, accent: str) -> QPixmap | QImage:
        """The gradient and the slide's glow, painted once per size and accent (two full-screen
        gradients cost about 10 ms in software; the slide animation repaints at every frame)."""
        w, h, p = self.width(), self.height(), self.ctx.theme.palette
        key = (w, h, accent, p.background, p.background_deep, self.ctx.theme.flat)
        if self._bg_key != key:
            first = self._bg_key is None  # the first frame's: kept in the picture cache
            size = (max(1, w), max(1, h))
            self._bg = finish(
                self._kept(
                    "attract-background",
                    key if first else None,
                    size,
                    at_once(lambda: self._paint_background(size, accent)),
                )
            )
            self._bg_key = key
        return self._bg

    def _paint_background(self, size: tuple[int, int], accent: str) -> QPixmap:
        """The gradient behind the slides with the glow of *accent*, *size* pixels."""
        from PySide6.QtGui import QLinearGradient, QRadialGradient  # not when read back

        w, h, p = size[0], size[1], self.ctx.theme.palette
        pixmap = QPixmap(w, h)
        painter = QPainter(pixmap)
        gradient = QLinearGradient(0, 0, w, h)
        gradient.setColorAt(0, QColor(p.background))
        gradient.setColorAt(1, QColor(p.background_deep))
        painter.fillRect(pixmap.rect(), gradient)
        glow = QRadialGradient(w * 0.78, h * 0.30, max(w, h) * 0.55)
        color = QColor(accent)
        color.setAlphaF(0.0 if self.ctx.theme.flat else 0.22)
        glow.setColorAt(0, color)
        glow.setColorAt(1, QColor(0, 0, 0, 0))
        painter.fillRect(pixmap.rect(), glow)
        painter.end()
        return pixmap

    def cue_pill(self) -> tuple[QRectF, QFont]:
        """The "Touch to start" pill and its font: the title's size, smaller where the two
        languages would not fit in the width otherwise (large text in portrait)."""
        rect, text = self._cue_rect(), both("touch_to_start", SEPARATOR)
        font, pad = self._font(TYPE.title, bold=True), 48 * self.ctx.factor
        room = SlideArt.area(self.size()).width()
        while font.pixelSize() > 1 and self._cue_width(text, font, pad) > room:
            font.setPixelSize(font.pixelSize() - 1)
        height = QFontMetricsF(font).height()
        pill = QRectF(
            0, 0, self._cue_width(text, font, pad), min(rect.height() * 0.8, height * 1.8)
        )
        pill.moveCenter(rect.center())
        return pill, font

    def _paint_cue(self, painter: QPainter) -> None:
        pill, font = self.cue_pill()
        painter.save()
        painter.setFont(font)
        fill = QColor(self.ctx.theme.palette.primary)
        # High contrast keeps the pill solid: a faded yellow under black text loses its 7:1.
        fill.setAlphaF(1.0 if self.ctx.theme.flat else 0.55 + 0.35 * self._pulse)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor(self.ctx.theme.palette.on_primary))  # black on yellow in contrast
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), both("touch_to_start", SEPARATOR))
        painter.restore()

    @staticmethod
    def _cue_width(text: str, font: QFont, pad: float) -> float:
        return QFontMetricsF(font).horizontalAdvance(text) + 2 * pad

    def progress_rects(self) -> list[QRectF]:
        """The slide progress bar's segments, one per slide, centred under the cue."""
        n, f = len(self.slides), self.ctx.factor
        gap, height = scaled(SPACE.s, f), max(4, scaled(SPACE.xs, f))
        width = min(scaled(_SEGMENT, f), (self.width() * 0.6 - gap * (n - 1)) / n)
        left = (self.width() - n * width - (n - 1) * gap) / 2
        top = self.height() * 0.955 - height / 2
        return [QRectF(left + i * (width + gap), top, width, height) for i in range(n)]

    def _paint_progress(self, painter: QPainter) -> None:
        """The slides as segments; the one on screen filled in its accent, the others dim."""
        p = self.ctx.theme.palette
        dim = QColor(p.text_muted)
        dim.setAlphaF(1.0 if self.ctx.theme.flat else 0.35)
        painter.save()
        for i, segment in enumerate(self.progress_rects()):
            current = i == self.index
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.slides[i].accent) if current else dim)
            if self.ctx.theme.flat and not current:  # high contrast: an outlined segment
                painter.setPen(QColor(p.text))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            radius = segment.height() / 2
            painter.drawRoundedRect(segment, radius, radius)
        painter.restore()


def _draw(painter: QPainter, rect: QRect, picture: QPixmap | QImage) -> None:
    """The part *rect* of *picture* at the same place (a pixmap painted, or an image read back
    from the picture cache: the same pixels either way)."""
    if isinstance(picture, QImage):
        painter.drawImage(rect, picture, rect)
    else:
        painter.drawPixmap(rect, picture, rect)


def _draw_at(painter: QPainter, x: int, picture: QPixmap | QImage) -> None:
    """The whole *picture* with its left edge at *x*."""
    if isinstance(picture, QImage):
        painter.drawImage(x, 0, picture)
    else:
        painter.drawPixmap(x, 0, picture)
