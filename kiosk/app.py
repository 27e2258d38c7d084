"""Build the Qt application and run the kiosk."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QImage
from PySide6.QtWidgets import QApplication, QWidget

import kiosk.adapters.pyside_imports  # noqa: F401 - first: every later import is quicker
from kiosk.adapters import fonts, qt_logging
from kiosk.adapters.application import new_application, screen_for
from kiosk.content import Content
from kiosk.model.session import Session
from kiosk.model.settings import Settings, save_settings
from kiosk.model.staff import Staff, TodayFigures
from kiosk.system import logs
from kiosk.system.memo import FileMemo
from kiosk.system.paths import (
    RESOURCES_RCC,
    bundled_content_dir,
    cache_dir,
    content_dir,
    pictures_dir,
)

if TYPE_CHECKING:
    from kiosk.adapters.hours import OpeningHoursController
    from kiosk.adapters.recorder import AnalyticsBridge
    from kiosk.content import Environment
    from kiosk.ui.shell import Shell
    from kiosk.ui.start_picture import StartPicture

log = logging.getLogger("kiosk.app")


def load_content(folder: Path | None, env: Environment | None = None) -> Content:
    """The content of *folder*; on any problem, logs it and falls back to the bundled content."""
    from kiosk.content import ContentError, Environment, load

    bundled = bundled_content_dir()
    env = env or Environment(resource_exists=_resource_exists)
    if folder is not None and folder.resolve() != bundled.resolve():
        try:
            return load(folder, env)
        except ContentError as exc:
            for problem in exc.problems:
                log.error("content: %s", problem)
            log.error("content in %s has problems; showing the bundled content", folder)
    return load(bundled, env)


def _remembering_environment() -> Environment:
    """What validating the content needs, remembering content whose wording was found clean
    (the next start with the same texts skips the wording rules)."""
    from kiosk.content import Environment

    memo = FileMemo(cache_dir() / "wording-clean")
    return Environment(
        resource_exists=_resource_exists, wording_known=memo.known, wording_clean=memo.add
    )


def _load_checked(folder: Path) -> Content:
    """The content of *folder* (raises ContentError), its clean wording remembered."""
    from kiosk.content import load

    return load(folder, _remembering_environment())


def _content_at_start(folder: Path, contents: str | None = None) -> Content:
    """The content to start with: what an earlier start validated from the same files with the
    same code (kiosk.content.kept), or *folder*'s loaded now (and kept for the next start).
    *contents*: the folder's digest, when the start picture read it already."""
    from kiosk.content import kept

    path = cache_dir() / "content.pickle"
    stamp = RESOURCES_RCC.stat() if RESOURCES_RCC.exists() else None
    resources = repr(stamp and (stamp.st_size, stamp.st_mtime_ns)).encode()
    key = kept.fingerprint(folder, resources, contents)
    content = kept.read(path, key) if key else None
    if content is not None:
        return content
    content = load_content(folder, _remembering_environment())
    if key and content.folder == folder:  # not when the bundled content stood in
        kept.write(path, key, content)  # a few milliseconds, at a start that loaded it all
    return content


def _resource_exists(path: str) -> bool:
    from kiosk.adapters import resources

    return resources.exists(path)


def create_application(argv0: str = "kiosk") -> QApplication:
    """The QApplication with the bundled fonts installed (before any widget exists but the
    start picture's, which has no text)."""
    app = new_application(argv0)
    from kiosk.ui.strings import ui

    app.setApplicationDisplayName(ui("app.name", "zh"))
    fonts.install(app)
    return app


class Booth:
    """The booth's services, started after the first frame: visitor statistics, opening hours,
    keeping the display awake."""

    def __init__(self) -> None:
        self._analytics: AnalyticsBridge | None = None
        self._hours: OpeningHoursController | None = None

    def start(self, app: QApplication, shell: Shell, staff: Staff, settings: Settings) -> None:
        from kiosk.adapters.awake import DisplayKeeper
        from kiosk.adapters.recorder import install_analytics
        from kiosk.ui.closed import install_opening_hours

        session = staff.session
        activity = shell.input.activity
        self._analytics = install_analytics(settings, session, staff, shell, activity)
        keeper = DisplayKeeper(enabled=settings.keep_awake)
        self._hours = install_opening_hours(shell, session, settings, keeper, self._analytics)
        app.aboutToQuit.connect(keeper.release)

    def is_open(self) -> bool:
        """Whether the opening hours say the booth is open (open until they are followed)."""
        return self._hours is None or self._hours.is_open

    def today(self) -> TodayFigures | None:
        """Today's visitor figures (None before the statistics start, or with them off)."""
        return self._analytics.today() if self._analytics is not None else None


def _install_recovery(shell: Shell) -> None:
    """Recovery from errors and the previous run's crash log (before anything can go wrong)."""
    from kiosk.ui.recovery import back_home

    logs.install_excepthook(recover=back_home(shell), on_storm=_restart, later=qt_logging.later)
    previous = logs.previous_crash()
    if previous:
        log.error("the previous run crashed:\n%s", previous)


def _collector_on() -> None:
    """The cycle collector on again, the start's objects set aside for good (``gc.freeze``).

    The modules, classes and window made before the first frame live as long as the kiosk: the
    collector's first run would go through all of them (11-20 ms, while the attract loop runs),
    and every full collection after it too.
    """
    gc.freeze()
    gc.enable()


def _restart() -> None:
    """An error storm: a restart by the supervisor (the heartbeat's module loads only then)."""
    from kiosk.adapters import heartbeat

    heartbeat.restart_by_supervisor()


def _install_watchers(
    shell: Shell, session: Session, settings: Settings, folder: Path, windowed: bool
) -> None:
    """The heartbeat for the watchdog, content and screen watching."""
    from kiosk.adapters import heartbeat
    from kiosk.adapters.content_watch import ContentWatcher
    from kiosk.adapters.screens import ScreenFollower
    from kiosk.content import Environment, load

    env = Environment(resource_exists=_resource_exists)
    watcher = ContentWatcher(
        folder, load=lambda: load(folder, env), content=session.content, parent=shell
    )
    watcher.ready.connect(session.queue_content)
    watcher.problems.connect(session.set_problems)
    if not windowed:
        ScreenFollower(shell, settings.screen)
    heartbeat.start_from_environment(shell)


def _install_speech(shell: Shell) -> None:
    """Read-aloud, where a text-to-speech engine has voices (looked for in a thread of its own;
    the optional PySide6.QtTextToSpeech is imported only here, after the first frame)."""
    from kiosk.ui.readaloud import install

    install(shell, shell)


def _install_fleet(shell: Shell, session: Session, booth: Booth, settings: Settings) -> None:
    """With a fleet folder: follow its releases (shown at the next idle reset), report to it."""
    if not settings.fleet_dir:
        return
    from kiosk.adapters.fleet import FleetAgent
    from kiosk.content import Environment, load
    from kiosk.model.analytics import db_path

    def screenshot() -> QImage | None:  # never the PIN pad or the admin menu
        return None if shell.admin_control.is_open else shell.grab().toImage()

    env = Environment(resource_exists=_resource_exists)
    agent = FleetAgent(
        Path(settings.fleet_dir).expanduser(),
        settings.kiosk_id,
        load=lambda folder: load(folder, env),
        route=lambda: str(session.nav.current),
        language=lambda: session.lang,
        is_open=booth.is_open,
        heartbeat_s=settings.fleet_heartbeat,
        stats_db=db_path(settings.analytics_db) if settings.analytics else None,
        content_problems=lambda: list(session.problems),
        screenshot=screenshot if settings.fleet_screenshots else None,
        parent=shell,
    )
    agent.content_ready.connect(session.queue_content)
    agent.start()


#: The flags of a full-screen kiosk window (:func:`present`). The shell is made with them: set
#: on a window that has its widgets, they go through all of them (2-3 ms of the first frame).
FULL_SCREEN_FLAGS = Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint


def present(
    app: QApplication,
    window: QWidget,
    screen: int,
    windowed: bool,
    size: tuple[int, int] | None,
) -> None:
    """Show *window*: full screen on screen number *screen* (the primary one if there is no such
    screen), frameless, on top and without a cursor; or, *windowed*, a normal window of *size*.
    """
    if windowed:
        window.resize(*(size or (1920, 1080)))
        window.show()
        return
    target = screen_for(app, screen)
    # Nothing to do for a window made with them (the shell: see FULL_SCREEN_FLAGS).
    window.setWindowFlags(window.windowFlags() | FULL_SCREEN_FLAGS)
    window.setGeometry(target.geometry())
    window.showFullScreen()
    app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))


def _saver(config: Path | None) -> Callable[[Settings], object] | None:
    """Writes changed settings to *config* (None: nowhere)."""
    if config is None:
        return None
    return lambda settings: save_settings(settings, config)


def run(
    settings: Settings,
    config: Path | None,
    windowed: bool,
    size: tuple[int, int] | None,
    saved: Settings | None = None,
    picture: StartPicture | None = None,
) -> int:
    """Start the kiosk with *settings* and run the event loop until the admin exits.

    *saved* are the settings file's own settings (without the command line's overrides): a
    setting staff change is saved into them. *picture* is the start picture of a full-screen
    start (:mod:`kiosk.ui.start_picture`): closed, or taken for the next start, once the
    window has painted its first frame.
    """
    app = create_application(sys.argv[0])
    from kiosk.adapters import contain
    from kiosk.ui.pages.attract_cache import PROPERTY
    from kiosk.ui.shell import Shell
    from kiosk.ui.window_watch import WindowWatch

    contain.install()  # exceptions in Qt virtuals stay where they are raised (see contain.py)
    app.setProperty(PROPERTY, str(pictures_dir()))  # the first frame's, kept
    folder = content_dir(settings.content)
    session = Session(
        _content_at_start(folder, picture.contents if picture is not None else None),
        settings,
        saved=saved,
        saver=_saver(config),
        reload=lambda: _load_checked(folder),
    )
    booth = Booth()
    staff = Staff(session, today=booth.today)
    flags = Qt.WindowType.Window if windowed else Qt.WindowType.Window | FULL_SCREEN_FLAGS
    shell = Shell(session, staff, kiosk_mode=not windowed, flags=flags)
    present(app, shell, settings.screen, windowed, size)
    shell.activateWindow()  # a keypad works from the start, before anyone touches the screen
    if picture is not None:
        shell.host.first_painted.connect(lambda: picture.hand_over(shell))
    WindowWatch(shell)  # a window destroyed by another program ends the kiosk (a restart)
    _install_recovery(shell)
    # Statistics, opening hours, the display, the watchers: none of them is needed for the first
    # frame, so they start just after it (each in its own turn of the event loop).
    shell.host.first_painted.connect(_collector_on)  # paused by the command line until now
    shell.first_frame.after(lambda: booth.start(app, shell, staff, settings))
    shell.first_frame.after(lambda: _install_watchers(shell, session, settings, folder, windowed))
    shell.first_frame.after(lambda: _install_fleet(shell, session, booth, settings))
    shell.first_frame.after(lambda: _install_speech(shell))
    log.info("kiosk started (%s)", "windowed" if windowed else "full screen")
    return app.exec()


def run_out_of_order(
    screen: int = 0, windowed: bool = False, size: tuple[int, int] | None = None
) -> int:
    """Show only the out-of-order screen until the process is ended (``kiosk --out-of-order``)."""
    from kiosk.adapters import heartbeat
    from kiosk.ui.out_of_order import OutOfOrder
    from kiosk.ui.tokens import THEME

    app = _out_of_order_application()
    notice = OutOfOrder(kiosk_mode=not windowed, theme=THEME)
    present(app, notice, screen, windowed, size)
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
