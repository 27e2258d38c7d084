"""Images from the content: an illustration or an editor's photo, with caption and credit.

A bundled illustration (``:/illustrations/…svg``) is drawn from its vector source at the size it is
shown, so it is crisp at 4K. A photo an editor adds is read from the content folder, decoded at the
size it is shown (upright, as its EXIF orientation says). Both are decoded by the worker thread
(:mod:`kiosk.ui.worker`). An image that is missing or cannot be read shows a designed placeholder:
the kiosk never fails on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFile, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageIOHandler,
    QImageReader,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content import Lang, Text
from kiosk.content.model import Image
from kiosk.ui import icons
from kiosk.ui.strings import ui
from kiosk.ui.text import line_height, wrap
from kiosk.ui.tokens import RADII, SIZE, SPACE, TYPE, Theme, scaled
from kiosk.ui.worker import Job, Worker, rasterise

log = logging.getLogger("kiosk.ui")

_PLACEHOLDER_RATIO = 10 / 16


class _Source:
    """An image found once (a drawing parsed, a photo's size read from its header) and rendered
    at any size: both are decoded at the size shown, by the worker thread where they can be
    (:func:`prepare`; a 12-megapixel JPEG takes about 90 ms to decode)."""

    def __init__(self, src: str, folder: Path | None):
        self.svg: QSvgRenderer | None = None
        self.photo = QSize()  # a photo's size, upright (as its EXIF orientation turns it)
        self.path = path = src if src.startswith(":/") else str((folder or Path()) / src)
        if not QFile.exists(path):
            log.warning("image %s not found; showing a placeholder", src)
            return
        if path.lower().endswith(".svg"):
            renderer = QSvgRenderer(path)
            if renderer.isValid():
                self.svg = renderer
        else:
            reader = QImageReader(path)
            reader.setAutoTransform(True)
            size = reader.size()
            if reader.canRead() and size.width() > 0 and size.height() > 0:
                self.photo = size.transposed() if _turned(reader) else size
        if not self.ok:
            log.warning("image %s could not be read; showing a placeholder", src)

    @property
    def ok(self) -> bool:
        return self.svg is not None or self.photo.isValid()

    def ratio(self) -> float:
        """Height / width."""
        if self.svg is not None:
            size = self.svg.defaultSize()
            return size.height() / max(1, size.width())
        if self.photo.isValid():
            return self.photo.height() / max(1, self.photo.width())
        return _PLACEHOLDER_RATIO

    @property
    def decode(self) -> Callable[[str, QSize], QImage]:
        """How the image is decoded at a size (in the worker thread or here)."""
        return rasterise if self.svg is not None else read_photo

    def render(self, size: QSize) -> QImage:
        return self.decode(self.path, size)


def _turned(reader: QImageReader) -> bool:
    """Whether *reader*'s image is turned a quarter (its EXIF orientation), so its width and
    height swap once it is upright."""
    rotated = QImageIOHandler.Transformation.TransformationRotate90
    return bool(reader.transformation() & rotated)


def read_photo(path: str, size: QSize) -> QImage:
    """The photo at *path*, upright, decoded at *size* (null if it cannot be read; Qt's
    decoders let go of Python's lock, so this runs in the worker thread)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    reader.setScaledSize(size.transposed() if _turned(reader) else size)
    image = reader.read()
    if image.isNull():
        log.warning("photo %s could not be read: %s", path, reader.errorString())
    return image


#: Sources read lately and their latest renders: a page built again (a return visit, a language
#: switch) draws its images without parsing or rendering them again. Kept small: a render at 4K
#: is up to 10 MB.
_SOURCES = 8
_RENDERS = 2
_sources: dict[tuple[str, str, float], _Source] = {}
_renders: dict[tuple[_Source, int, int], QImage] = {}


def source(src: str, folder: Path | None) -> _Source:
    """The loaded image *src* (an editor's file is read again when it changes on disk)."""
    path = src if src.startswith(":/") else str((folder or Path()) / src)
    try:
        stamp = 0.0 if src.startswith(":/") else Path(path).stat().st_mtime
    except OSError:
        stamp = -1.0
    key = (src, str(folder), stamp)
    found = _sources.pop(key, None)
    if found is None:
        found = _Source(src, folder)
    _sources[key] = found  # the most recent last
    while len(_sources) > _SOURCES:
        del _sources[next(iter(_sources))]
    return found


def prepare(source: _Source, size: QSize) -> Job | None:
    """An image not rendered at *size* lately, asked of the worker thread (:mod:`worker`)."""
    if not source.ok or (source, size.width(), size.height()) in _renders:
        return None
    return Worker.of_application().draw(source.path, size, source.decode)


def render(source: _Source, size: QSize, job: Job | None = None) -> QImage:
    """*source* at *size*: from the small cache of recent renders when it is there, else from
    *job* (the worker's render of it), else rendered now."""
    key = (source, size.width(), size.height())
    if job is not None and job.size != size:
        job.drop()
        job = None
    found = _renders.pop(key, None)
    if found is None:
        found = job.image() if job is not None else source.render(size)
    elif job is not None:
        job.drop()
    _renders[key] = found
    while len(_renders) > _RENDERS:
        del _renders[next(iter(_renders))]
    return found


class ImageFigure(QWidget):
    """An image with its caption and credit; its height follows its width.

    A drawing is rendered at its size by a worker thread as soon as the figure is shown at that
    size (3–14 ms at 1080p, :mod:`kiosk.ui.worker`), not in the paint that first shows it: that
    paint is one of the strips of a page change (see :mod:`kiosk.ui.transition`), which the render
    would make two or three times as long. A paint that comes before the worker is done takes its
    picture from it (or renders it, if the worker has not started): the same pixels.
    """

    def __init__(
        self,
        image: Image,
        lang: Lang,
        factor: float,
        folder: Path | None = None,
        stand_in: bool = False,
        captions: bool = True,
        parent: QWidget | None = None,
        *,
        theme: Theme,
    ):
        super().__init__(parent)
        self.theme = theme
        self.captions = captions
        self.image = image
        self.lang: Lang = lang
        self.factor = factor
        self.stand_in = stand_in
        self.source = source(image.src, folder)
        self._cache: QImage | None = None
        self._cache_size = QSize()  # what it was rendered for (a photo unreadable past its
        # header renders as a null image: not tried again at every paint)
        self._job: Job | None = None  # the picture asked of the worker
        self.setAccessibleName(image.alt.get(lang))
        parts = [t.get(lang) for t in (image.caption, self.credit) if t is not None]
        self.setAccessibleDescription(" ".join(parts))
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    @property
    def credit(self) -> Text | None:
        """The photographer's credit: only a real photo has one (a drawing standing in for a
        photo is not the photographer's work)."""
        return None if self.stand_in else self.image.credit

    @property
    def missing(self) -> bool:
        return not self.source.ok

    def _font(self, size: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(scaled(size, self.factor))
        font.setBold(bold)
        return font

    def _captions(self, width: int) -> list[tuple[list[str], QFont, str]]:
        out: list[tuple[list[str], QFont, str]] = []
        if not self.captions:
            return out
        if self.image.caption is not None:
            font = self._font(TYPE.caption)
            out.append(
                (
                    wrap(self.image.caption.get(self.lang), font, width, 3),
                    font,
                    self.theme.palette.text,
                )
            )
        if self.credit is not None:
            font, muted = self._font(TYPE.caption - 2), self.theme.palette.text_muted
            out.append((wrap(self.credit.get(self.lang), font, width, 1), font, muted))
        return out

    def _picture_height(self, width: int) -> int:
        return round(width * self.source.ratio())

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        gap = scaled(SPACE.s, self.factor) if self.captions else 0
        height = self._picture_height(width) + gap
        for lines, font, _ in self._captions(width):
            height += round(line_height(font) * len(lines))
        return height

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = scaled(SIZE.picture_hint, self.factor)
        return QSize(width, self.heightForWidth(width))

    def _picture_size(self) -> QSize:
        return QSize(self.width(), self._picture_height(self.width()))

    def _stale(self) -> bool:
        """Whether the picture is not rendered at the figure's size yet."""
        return self._cache is None or self._cache_size != self._picture_size()

    def _rendered(self) -> QImage:
        """The picture at the figure's size (from the worker, or rendered now if it was not)."""
        if self._cache is None or self._stale():  # (the first test tells mypy it is set)
            job, self._job = self._job, None
            self._cache_size = size = self._picture_size()
            self._cache = render(self.source, size, job)
        return self._cache

    def _render_later(self) -> None:
        """Ask the worker for the picture at the size shown, if it is not rendered yet."""
        if not (self.source.ok and self.isVisible() and self.width() > 0 and self._stale()):
            return
        size = self._picture_size()
        if self._job is None or self._job.size != size:
            if self._job is not None:
                self._job.drop()
            self._job = prepare(self.source, size)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._render_later()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._render_later()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        pic = QRectF(0, 0, width, self._picture_height(width))
        radius = scaled(RADII.l, self.factor)
        clip = QPainterPath()
        clip.addRoundedRect(pic, radius, radius)
        painter.save()
        painter.setClipPath(clip)
        picture = self._rendered() if self.source.ok else None
        if picture is not None and not picture.isNull():
            painter.drawImage(0, 0, picture)
        else:  # missing, or unreadable past its header
            self._paint_placeholder(painter, pic)
        painter.restore()
        if self.stand_in and self.source.ok:
            self._paint_tag(painter, pic)
        y = pic.bottom() + scaled(SPACE.s, self.factor)
        for lines, font, color in self._captions(width):
            painter.setFont(font)
            painter.setPen(QColor(color))
            for line in lines:
                painter.drawText(
                    QRectF(0, y, width, line_height(font)), int(Qt.AlignmentFlag.AlignLeft), line
                )
                y += line_height(font)
        painter.end()

    def _paint_placeholder(self, painter: QPainter, rect: QRectF) -> None:
        p = self.theme.palette
        painter.fillRect(rect, QColor(p.surface))
        size = scaled(SIZE.icon_mark, self.factor)
        icon = icons.icon("mdi6.image-off-outline", p.text_muted)
        center = rect.center()
        painter.drawPixmap(
            round(center.x() - size / 2), round(center.y() - size), icon.pixmap(size, size)
        )
        painter.setPen(QColor(p.text_muted))
        painter.setFont(self._font(TYPE.body))
        text_rect = QRectF(
            rect.left(), center.y() + scaled(SPACE.s, self.factor), rect.width(), size
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignHCenter), ui("image.missing", self.lang)
        )

    def _paint_tag(self, painter: QPainter, rect: QRectF) -> None:
        font = self._font(TYPE.caption - 4, bold=True)
        painter.setFont(font)
        text = ui("image.stand_in", self.lang)
        pad = scaled(SPACE.xs, self.factor)
        w = painter.fontMetrics().horizontalAdvance(text) + 2 * pad
        h = line_height(font) + pad
        tag = QRectF(rect.right() - w - 2 * pad, rect.top() + 2 * pad, w, h)
        fill = QColor(self.theme.palette.background_deep)
        fill.setAlphaF(0.75)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(tag, h / 2, h / 2)
        painter.setPen(QColor(self.theme.palette.text))
        painter.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), text)
