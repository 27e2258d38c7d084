"""The real kiosk (``kiosk``, full screen), reporting its window once the window system shows it
(the kiosk's window, not the start picture shown before it).

Prints one JSON line (platform, full screen or not, the window's and the screen's geometry) and
quits. Used by tests/test_wayland.py under a headless Wayland compositor.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk.commands.cli import main


def _poll() -> None:
    found = QApplication.topLevelWidgets()
    shown = [w for w in found if w.isVisible() and w.objectName() == "kioskShell"]
    handle = shown[0].windowHandle() if shown else None
    if handle is None or not handle.isExposed():
        QTimer.singleShot(20, _poll)
        return
    window = shown[0]
    screen = window.screen().geometry()
    report = {
        "platform": QGuiApplication.platformName(),
        "full_screen": window.isFullScreen(),
        "window": [window.width(), window.height()],
        "screen": [screen.width(), screen.height()],
    }
    print(json.dumps(report), flush=True)
    QApplication.exit(0)


QTimer.singleShot(0, _poll)
if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
