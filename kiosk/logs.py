"""Runtime hygiene: logging, crash dumps, one exception hook and Qt messages in the log.

One named logger per subsystem (``kiosk.content``, ``kiosk.ui`` …). Qt's own messages go into the
``qt`` logger, so that the kiosk never prints to a console a visitor could see and tests can fail
on Qt warnings.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from platformdirs import user_log_dir

log = logging.getLogger("kiosk")
qt_log = logging.getLogger("qt")

_crash_file: IO[str] | None = None


def log_dir() -> Path:
    """The platform's log folder for the kiosk (created on demand)."""
    path = Path(user_log_dir("kiosk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def setup(verbose: bool = False, directory: Path | None = None) -> Path:
    """Log to a rotating file (and to stderr when *verbose*); dump native crashes to a file.

    Returns the folder the logs are written to.
    """
    global _crash_file
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    if _crash_file is None:
        _crash_file = (directory / "crash.log").open("a", encoding="utf-8")
        faulthandler.enable(_crash_file, all_threads=True)
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    handler = logging.handlers.RotatingFileHandler(
        directory / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if verbose:
        root.addHandler(logging.StreamHandler(sys.stderr))
    return directory


def install_qt_message_handler() -> None:
    """Route Qt's messages (qDebug, qWarning …) into the ``qt`` logger."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(msg_type: QtMsgType, context: object, message: str) -> None:
        qt_log.log(levels.get(msg_type, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def install_excepthook(recover: Callable[[], None] | None = None) -> None:
    """Log every uncaught exception (main and other threads) and call *recover*.

    A visitor never sees a traceback: the exception goes to the log and *recover* brings the
    kiosk back to a clean state.
    """

    def hook(
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if recover is not None:
            try:
                recover()
            except Exception:
                log.exception("recovery failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
