"""The window taken away: when the window system destroys or unmaps the kiosk's window for good
(another program closed it, the compositor dropped it), the kiosk ends with a status that asks for
a restart, instead of living on with nothing on screen.

Qt refuses close requests in kiosk mode, but a window destroyed by another client (X11
``XDestroyWindow``, ``xdotool windowclose``) is simply gone: Qt only learns that it is no longer
exposed. :class:`WindowWatch` follows the window's exposure; a window that should be on screen and
stays unexposed for :data:`GRACE_MS` ends the event loop with :data:`EXIT_WINDOW_LOST`. The
supervisor, the systemd unit and the Windows task then start the kiosk again.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from kiosk.system.supervision import EXIT_RESTART

log = logging.getLogger("kiosk.window")

#: How long the window may stay off screen before the kiosk gives up on it (a compositor may
#: unmap and map a window again when screens change).
GRACE_MS = 5000
#: The exit status when the window is gone: a restart, as after a crash.
EXIT_WINDOW_LOST = EXIT_RESTART


class WindowWatch(QObject):
    """Ends the application when *window*'s native window stays unexposed for *grace_ms*.

    Call it after the window is shown (it watches the window's :class:`QWindow`).
    """

    def __init__(self, window: QWidget, grace_ms: int = GRACE_MS):
        super().__init__(window)
        self.window = window
        self.lost = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(grace_ms)
        self._timer.timeout.connect(self._check)
        handle = window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Expose:
            handle = self.window.windowHandle()
            if handle is not None and handle.isExposed():
                self._timer.stop()
            elif self.window.isVisible():
                self._timer.start()
        return False

    def _check(self) -> None:
        handle = self.window.windowHandle()
        if not self.window.isVisible() or (handle is not None and handle.isExposed()):
            return
        self.lost = True
        log.critical(
            "the window system took the kiosk's window away (closed or destroyed by another "
            "program); ending with status %d so that the kiosk is started again",
            EXIT_WINDOW_LOST,
        )
        QCoreApplication.exit(EXIT_WINDOW_LOST)
