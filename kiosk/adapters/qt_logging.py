"""Qt's side of logging: Qt's messages into the ``qt`` logger, recovery run from the event loop."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, QtMsgType, qInstallMessageHandler

from kiosk.system import preflight

qt_log = logging.getLogger("qt")


def install_qt_message_handler() -> None:
    """Route Qt's messages (qDebug, qWarning …) into the ``qt`` logger."""
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(msg_type: QtMsgType, context: object, message: str) -> None:
        qt_log.log(levels.get(msg_type, logging.WARNING), "%s", message)
        if msg_type == QtMsgType.QtFatalMsg:  # Qt aborts next: say what to do, on stderr too
            qt_log.critical("kiosk cannot start: Qt stopped.\n%s", preflight.HINT)
            preflight.forget_known()  # the next start looks up the plugin's libraries again

    qInstallMessageHandler(handler)


def later(step: Callable[[], None]) -> None:
    """Run *step* from the event loop (at once when there is no application)."""
    app = QCoreApplication.instance()
    if app is None:
        step()
    else:
        QTimer.singleShot(0, app, step)
