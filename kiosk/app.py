"""Build the Qt application and run the kiosk."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from kiosk.adapters import fonts, qt_logging
from kiosk.content import Content, ContentError, Environment, load
from kiosk.model.settings import Settings
from kiosk.system import logs, memory
from kiosk.system.paths import bundled_content_dir

if TYPE_CHECKING:
    from kiosk.ui.shell import Shell

log = logging.getLogger("kiosk.app")


def content_folder(settings: Settings) -> Path:
    """The content folder the settings name (the bundled one when none is set)."""
    return Path(settings.content).expanduser() if settings.content else bundled_content_dir()


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
    from kiosk.adapters import resources

    return resources.exists(path)


def create_application(argv0: str = "kiosk") -> QApplication:
    """The QApplication with the bundled fonts installed (before any widget exists)."""
    memory.tune_allocator()
    qt_logging.install_qt_message_handler()
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([argv0])
    app.setApplicationName("kiosk")
    app.setApplicationDisplayName("中关村论坛 2023")
    fonts.install(app)
    return app


def _install_booth(app: QApplication, shell: Shell, settings: Settings) -> None:
    """Visitor statistics, opening hours and keeping the display awake."""
    from kiosk.adapters.awake import DisplayKeeper
    from kiosk.adapters.recorder import install_analytics
    from kiosk.ui.closed import install_opening_hours

    shell.analytics = install_analytics(shell, settings)  # None when analytics = false
    keeper = DisplayKeeper(enabled=settings.keep_awake)
    shell.hours = install_opening_hours(shell, settings, keeper, shell.analytics)
    app.aboutToQuit.connect(keeper.release)


def _install_recovery(shell: Shell) -> None:
    """Recovery from errors and the previous run's crash log (before anything can go wrong)."""
    from kiosk.adapters import heartbeat
    from kiosk.ui.recovery import back_home

    logs.install_excepthook(
        recover=back_home(shell), on_storm=heartbeat.restart_by_supervisor, later=qt_logging.later
    )
    previous = logs.previous_crash()
    if previous:
        log.error("the previous run crashed:\n%s", previous)


def _install_watchers(
    shell: Shell, settings: Settings, folder: Path, content: Content, windowed: bool
) -> None:
    """The heartbeat for the watchdog, content and screen watching."""
    from kiosk.adapters import heartbeat
    from kiosk.adapters.content_watch import ContentWatcher
    from kiosk.adapters.screens import ScreenFollower

    env = Environment(resource_exists=_resource_exists)
    watcher = ContentWatcher(folder, load=lambda: load(folder, env), content=content, parent=shell)
    watcher.ready.connect(shell.queue_content)
    watcher.problems.connect(shell.content_problems)
    if not windowed:
        ScreenFollower(shell, settings.screen)
    heartbeat.start_from_environment(shell)


def _install_fleet(shell: Shell, settings: Settings) -> None:
    """With a fleet folder: follow its releases (shown at the next idle reset), report to it."""
    if not settings.fleet_dir:
        return
    from kiosk.adapters.fleet import FleetAgent
    from kiosk.model.analytics import db_path

    def screenshot() -> QImage | None:  # never the PIN pad or the admin menu
        if shell.pin_pad is not None or shell.admin is not None:
            return None
        return shell.grab().toImage()

    env = Environment(resource_exists=_resource_exists)
    agent = FleetAgent(
        Path(settings.fleet_dir).expanduser(),
        settings.kiosk_id,
        load=lambda folder: load(folder, env),
        route=lambda: str(shell.nav.current),
        language=lambda: shell.lang,
        is_open=lambda: shell.hours is None or shell.hours.is_open,
        heartbeat_s=settings.fleet_heartbeat,
        stats_db=db_path(settings.analytics_db) if settings.analytics else None,
        content_problems=lambda: list(shell._content_problems),
        screenshot=screenshot if settings.fleet_screenshots else None,
        parent=shell,
    )
    agent.content_ready.connect(shell.queue_content)
    agent.start()


def run(
    settings: Settings, config: Path | None, windowed: bool, size: tuple[int, int] | None
) -> int:
    """Start the kiosk with *settings* and run the event loop until the admin exits."""
    app = create_application(sys.argv[0])
    from kiosk.adapters import contain
    from kiosk.ui.shell import Shell

    contain.install()  # exceptions in Qt virtuals stay where they are raised (see contain.py)
    folder = content_folder(settings)
    content = load_content(folder)
    shell = Shell(
        content,
        settings,
        kiosk_mode=not windowed,
        reload_content=lambda: load(folder, Environment(resource_exists=_resource_exists)),
        settings_path=config,
    )
    screens = app.screens()
    screen = screens[settings.screen] if settings.screen < len(screens) else app.primaryScreen()
    if windowed:
        width, height = size or (1920, 1080)
        shell.resize(width, height)
        shell.show()
    else:
        shell.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        shell.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        shell.setGeometry(screen.geometry())
        shell.showFullScreen()
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    _install_recovery(shell)
    # Statistics, opening hours, the display, the watchers: none of them is needed for the first
    # frame, so they start just after it (each in its own turn of the event loop).
    shell.after_first_frame(lambda: _install_booth(app, shell, settings))
    shell.after_first_frame(lambda: _install_watchers(shell, settings, folder, content, windowed))
    shell.after_first_frame(lambda: _install_fleet(shell, settings))
    log.info("kiosk started (%s)", "windowed" if windowed else "full screen")
    return app.exec()


def run_out_of_order(
    screen: int = 0, windowed: bool = False, size: tuple[int, int] | None = None
) -> int:
    """Show only the out-of-order screen until the process is ended (``kiosk --out-of-order``)."""
    from kiosk.adapters import heartbeat
    from kiosk.ui.out_of_order import OutOfOrder

    app = _out_of_order_application()
    notice = OutOfOrder(kiosk_mode=not windowed)
    screens = app.screens()
    target = screens[screen] if screen < len(screens) else app.primaryScreen()
    if windowed:
        notice.resize(*(size or (1920, 1080)))
        notice.show()
    else:
        notice.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        notice.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        notice.setGeometry(target.geometry())
        notice.showFullScreen()
        app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    heartbeat.start_from_environment(app)
    log.warning("showing the out-of-order screen")
    return app.exec()


def _out_of_order_application() -> QApplication:
    """The kiosk's application (bundled fonts); a bare one if even that fails."""
    try:
        return create_application(sys.argv[0])
    except Exception:
        log.exception("the application could not be set up as usual; showing a bare one")
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
