"""Keep the full-screen kiosk on its screen when screens come, go or change.

A booth's display is switched off at night, replugged, or swapped for one with another
resolution. Qt then moves a window whose screen disappeared to another screen and does not move
it back, and a full-screen window keeps its old size on a screen whose geometry changed.
:class:`ScreenFollower` puts the window back full screen on the screen the settings name (or the
primary screen while that one is missing) after every such change; the shell's resize path then
lays every page out for the new size.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger("kiosk.screens")


class ScreenFollower(QObject):
    """Follows screen changes for *window*, full screen on screen number *index*.

    Args:
        window: the kiosk's top-level window.
        index: the screen's number in ``QGuiApplication.screens()`` (the setting ``screen``).
        settle_ms: wait this long after the last change (a replug is a burst of changes).
    """

    def __init__(self, window: QWidget, index: int = 0, settle_ms: int = 500):
        super().__init__(window)
        self.window = window
        self.index = index
        self.screen: QScreen | None = None
        self.moves = 0
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.place)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._changed)
        app.screenRemoved.connect(self._changed)
        app.primaryScreenChanged.connect(self._changed)
        self._watch(self.target())

    def target(self) -> QScreen:
        """The screen the kiosk belongs on now."""
        screens = QGuiApplication.screens()
        if 0 <= self.index < len(screens):
            return screens[self.index]
        primary = QGuiApplication.primaryScreen()
        assert primary is not None, "no screen at all"
        return primary

    def place(self) -> None:
        """Put the window full screen on its screen (again)."""
        screen = self.target()
        self._watch(screen)
        geometry: QRect = screen.geometry()
        handle = self.window.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)
        if self.window.geometry() != geometry or not self.window.isFullScreen():
            self.moves += 1
            # A layout keeps the window at least as large as its content was at the old scale
            # (wider than a smaller new screen); an explicit minimum takes that away.
            self.window.setMinimumSize(1, 1)
            log.info("screen %s: %dx%d", screen.name(), geometry.width(), geometry.height())
            self.window.setGeometry(geometry)
            self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowFullScreen)
            self.window.show()

    def _changed(self, *args: object) -> None:
        self._settle.start()

    def _watch(self, screen: QScreen) -> None:
        if screen is self.screen:
            return
        if self.screen is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the screen is gone already
                self.screen.geometryChanged.disconnect(self._changed)
        self.screen = screen
        screen.geometryChanged.connect(self._changed)
