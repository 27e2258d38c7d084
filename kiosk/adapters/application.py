"""The kiosk's QApplication, made as early in the start as it can be (:mod:`kiosk.commands.cli`).

Only Qt's own modules and the message handler are needed to make it: the start can put the
picture of the start screen on screen (:mod:`kiosk.ui.start_picture`) before it imports the rest
of the kiosk. :func:`kiosk.app.create_application` finishes it (the bundled fonts, the name shown).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication

from kiosk.adapters import qt_logging
from kiosk.system import memory


def new_application(argv0: str = "kiosk") -> QApplication:
    """The QApplication: made now, with the allocator tuned and Qt's messages logged first; or the
    one that exists already (made by an earlier step of the same start)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    memory.tune_allocator()
    qt_logging.install_qt_message_handler()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([argv0])
    app.setApplicationName("kiosk")
    return app


def screen_for(app: QGuiApplication, index: int) -> QScreen:
    """Screen number *index*, or the primary screen when there is no such screen."""
    screens = app.screens()
    return screens[index] if 0 <= index < len(screens) else app.primaryScreen()
