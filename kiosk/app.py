"""Build the Qt application and run the kiosk."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication

from kiosk import fonts, logs
from kiosk.content import Content, ContentError, Environment, load
from kiosk.paths import bundled_content_dir

log = logging.getLogger("kiosk.app")


def load_content(folder: Path | None) -> Content:
    """The content of *folder*; on any problem, logs it and falls back to the bundled content."""
    bundled = bundled_content_dir()
    env = Environment(resource_exists=_resource_exists)
    if folder is not None and folder.resolve() != bundled.resolve():
        try:
            return load(folder, env)
        except ContentError as exc:
            for problem in exc.problems:
                log.error("content: %s", problem)
            log.error("content in %s has problems; showing the bundled content", folder)
    return load(bundled, env)


def _resource_exists(path: str) -> bool:
    from kiosk import resources

    return resources.exists(path)


def create_application(argv0: str = "kiosk") -> QApplication:
    """The QApplication with the bundled fonts installed (before any widget exists)."""
    logs.install_qt_message_handler()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([argv0])
    app.setApplicationName("kiosk")
    app.setApplicationDisplayName("中关村论坛 2023")
    fonts.install(app)
    return app


def run(args: argparse.Namespace) -> int:
    """Start the kiosk window described by the command-line *args* and run the event loop."""
    app = create_application(sys.argv[0])
    from kiosk.ui.window import MainWindow

    content = load_content(args.content)
    window = MainWindow(content, lang=args.lang or "zh")
    screens = app.screens()
    screen = screens[args.screen] if 0 <= args.screen < len(screens) else app.primaryScreen()
    if args.windowed:
        width, height = args.size or (1920, 1080)
        window.resize(width, height)
        window.show()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    logs.install_excepthook()
    log.info("kiosk started (%s)", "windowed" if args.windowed else "full screen")
    return app.exec()
