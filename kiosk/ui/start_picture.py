"""The start screen as the previous start showed it, on screen before the kiosk is built.

A full-screen start puts the picture of its first frame on screen as soon as Qt is ready: the
kiosk's own modules, its content and its window take about 100 ms more (at 1080p, after the
150 ms that Python and Qt take for any window). The picture is the window's first frame at the
start before, grabbed once that frame was on screen and written by the worker thread in
:mod:`kiosk.ui.pages.attract_cache`'s format; it is drawn straight from the file mapped into
memory, in a frameless window that takes no focus. It is shown only when everything that frame
was painted from is the same: the kiosk's code and resources, the Qt version and platform, the
settings, the content folder's files, the bundled fonts, the screen's size and pixel ratio.
The kiosk's window opens over it, and once that window has painted its own first frame (the
same picture) the picture's window closes (:meth:`StartPicture.hand_over`).

A start in a window (``--windowed``) has none: a desktop's window manager places its window.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

import kiosk.adapters.pyside_imports  # noqa: F401 - first: every later import is quicker
from kiosk.adapters.application import screen_for
from kiosk.system.digest import blake2b, digest_folder, folder_digest
from kiosk.system.paths import bundled_content_dir, bundled_fonts_dir
from kiosk.ui.pages.attract_cache import can_keep, load, picture_key, save

if TYPE_CHECKING:
    from concurrent.futures import Future

log = logging.getLogger("kiosk.start")

#: The picture's name in the cache folder.
NAME = "start-screen"
#: The longest the start waits for the picture's window to be painted before it goes on.
SHOW_WAIT_MS = 100


class PictureWindow(QWidget):
    """A frameless window that shows one picture, taking neither focus nor a cursor. It is not
    kept on top: the kiosk's window, which is, opens over it under any window manager."""

    #: The picture was painted the first time.
    painted = Signal()

    def __init__(self, image: QImage):
        flags = Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
        flags |= Qt.WindowType.WindowDoesNotAcceptFocus
        super().__init__(None, flags)
        self.setObjectName("startPicture")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self._image = image
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()
        if not self._painted:
            self._painted = True
            self.painted.emit()


class StartPicture:
    """The start picture of one start: its key, and its window while it is on screen.

    Args:
        folder: the folder the pictures are kept in.
        key: what the start screen is painted from (None: not known, nothing is kept).
        size: the screen's size in device pixels (the picture's, and the window's grab).
        contents: the content folder's digest (None: unreadable), which the kept content's
            key takes too (:func:`kiosk.content.kept.fingerprint`): the folder is read once.
        window: the picture's window, when a picture was kept and is shown.
    """

    def __init__(
        self,
        folder: Path,
        key: str | None,
        size: tuple[int, int],
        contents: str | None = None,
        window: PictureWindow | None = None,
    ):
        self.folder = folder
        self.key = key
        self.size = size
        self.contents = contents
        self._window = window

    @classmethod
    def show(
        cls, app: QApplication, folder: Path, screen: int, settings: str, content: Path
    ) -> StartPicture:
        """Show the kept picture of the start screen on screen number *screen*, if there is one
        for these *settings* (their text) and the *content* folder; wait until it is painted
        (at most :data:`SHOW_WAIT_MS`)."""
        target = screen_for(app, screen)
        ratio = target.devicePixelRatio()
        geometry = target.geometry()
        device = geometry.size() * ratio  # rounded as the window's grab is
        size = (device.width(), device.height())
        try:
            contents: str | None = folder_digest(content)
        except OSError:
            contents = None
        key = None
        if contents is not None:
            key = start_key(settings, content, contents, size, ratio, target.logicalDotsPerInch())
        image = load(folder, NAME, key, *size) if key is not None else None
        if image is None:
            return cls(folder, key, size, contents)
        window = PictureWindow(image)
        window.setGeometry(geometry)
        wait = QEventLoop()
        window.painted.connect(lambda: QTimer.singleShot(0, wait.quit))  # one turn: on screen
        QTimer.singleShot(SHOW_WAIT_MS, wait.quit)
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        window.show()  # not showFullScreen(): that activates the window, which takes no focus
        wait.exec()
        return cls(folder, key, size, contents, window)

    @property
    def shown(self) -> bool:
        """Whether the picture's window is on screen."""
        return self._window is not None

    def hand_over(self, window: QWidget) -> Future[object] | None:
        """*window* has painted its first frame: close the picture's window, or, when no picture
        was kept for this start, keep *window*'s picture for the next one (written by the
        worker thread: done when the future is)."""
        if self._window is not None:
            self._window.close()
            self._window.deleteLater()
            self._window = None
            return None
        if self.key is None:
            return None
        if not can_keep(self.folder):
            log.warning("the start screen's picture is not kept: %s cannot be written", self.folder)
            return None
        picture = window.grab()
        if (picture.width(), picture.height()) != self.size:  # not the screen's: never shown
            return None
        return save(self.folder, NAME, self.key, picture)


def start_key(
    settings: str,
    content: Path,
    contents: str,
    size: tuple[int, int],
    ratio: float,
    dpi: float,
) -> str | None:
    """The key of the start screen painted with *settings* (their text) from the *content*
    folder, whose :func:`~kiosk.system.digest.folder_digest` is *contents*, on a screen of
    *size* device pixels, pixel *ratio* and logical *dpi* (None: a file could not be read). The
    bundled content counts too: it stands in for a folder with problems."""
    hashed = blake2b(contents.encode(), digest_size=20)
    try:
        if content != bundled_content_dir():
            digest_folder(hashed, bundled_content_dir())
        digest_folder(hashed, bundled_fonts_dir(), read="*.txt")  # the fonts' sizes and times
    except OSError:
        return None
    screen = (size, ratio, dpi, QGuiApplication.platformName())
    return picture_key(NAME, settings, str(content), hashed.hexdigest(), screen)
