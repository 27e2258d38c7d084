"""The kiosk's side of a fleet folder: follow its releases, write status and statistics.

:class:`FleetAgent` looks at the fleet folder every heartbeat (``fleet_heartbeat`` seconds):

* it follows ``releases/current`` (:class:`~kiosk.model.fleet.cache.ReleaseFollower`: verify,
  cache, check) and emits :attr:`FleetAgent.content_ready` with new content; the window shows it
  at its next idle reset (``queue_content``), never under a visitor's finger;
* it writes ``status/<id>.json`` atomically (what is shown, uptime, screen, language, open hours,
  errors and crashes of the last hour, content problems);
* every hour and when the application quits, it copies the statistics database to
  ``stats/<id>/<day>.sqlite3`` with SQLite's backup API.

It needs nothing from the window but three callables (current route, language, open state).
"""

from __future__ import annotations

import collections
import logging
import socket
import sqlite3
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from kiosk import __version__
from kiosk.content import Content
from kiosk.model.fleet.cache import ReleaseFollower, default_cache_dir
from kiosk.model.fleet.manifest import atomic_write
from kiosk.model.fleet.snapshots import backup_database, snapshot_path
from kiosk.model.fleet.status import now_iso, write_status
from kiosk.system import logs

log = logging.getLogger("kiosk.fleet")

#: Seconds between two statistics snapshots.
STATS_INTERVAL_S = 3600.0
#: The window errors and crashes are counted over.
HOUR_S = 3600.0
#: Seconds between two screenshots, and their width in pixels.
SCREENSHOT_INTERVAL_S = 300.0
SCREENSHOT_WIDTH = 480
#: The folder of the screenshots inside the fleet folder.
SCREENS = "screens"


class ErrorCounter(logging.Handler):
    """Counts log records of level ERROR and above; keeps the last message."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.times: collections.deque[float] = collections.deque(maxlen=10000)
        self.last = ""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.times.append(time.monotonic())
            self.last = record.getMessage().splitlines()[0][:200] if record.msg else ""
        except Exception:  # a handler never raises into the code that logs
            self.handleError(record)

    def last_hour(self, now: float) -> int:
        while self.times and self.times[0] < now - HOUR_S:
            self.times.popleft()
        return len(self.times)


def default_kiosk_id() -> str:
    """The host name, as a kiosk id (the part before the first dot)."""
    name = socket.gethostname().split(".")[0]
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)
    return cleaned or "kiosk"


class FleetAgent(QObject):
    """Follows and reports to the fleet folder *fleet* as kiosk *kiosk_id*.

    Args:
        fleet: the fleet folder.
        kiosk_id: this kiosk's name there.
        load: loads and checks a content folder as the kiosk does (raises ContentError).
        route: the current screen's route, as text.
        language: the current language.
        is_open: whether the opening hours are open now.
        heartbeat_s: seconds between two looks at the fleet folder.
        stats_db: the statistics database to copy (None: no statistics).
        cache: the local release cache (default: in the platform's data folder).
        content_problems: the problems of the content on screen, if any.
        previous_crash: the previous run's crash log (default: the one the kiosk found at start).
        stats_interval_s: seconds between two statistics snapshots.
        screenshot: the window as an image, or None when it must not be shown (the PIN pad is
            open); None (the default) takes no screenshots.
        screenshot_interval_s: seconds between two screenshots.
        parent: the owner.
    """

    content_ready = Signal(object)  # Content
    status_written = Signal(str)  # the path

    def __init__(
        self,
        fleet: Path,
        kiosk_id: str,
        load: Callable[[Path], Content],
        route: Callable[[], str],
        language: Callable[[], str],
        is_open: Callable[[], bool],
        heartbeat_s: float = 60.0,
        stats_db: Path | None = None,
        cache: Path | None = None,
        content_problems: Callable[[], list[str]] = list,
        previous_crash: str | None = None,
        stats_interval_s: float = STATS_INTERVAL_S,
        screenshot: Callable[[], QImage | None] | None = None,
        screenshot_interval_s: float = SCREENSHOT_INTERVAL_S,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.fleet = fleet
        self.kiosk_id = kiosk_id or default_kiosk_id()
        self.follower = ReleaseFollower(fleet, cache or default_cache_dir(), load)
        self.heartbeat_s = heartbeat_s
        self.stats_db = stats_db
        self._route, self._language, self._is_open = route, language, is_open
        self._content_problems = content_problems
        self._started = time.monotonic()
        crash = previous_crash if previous_crash is not None else logs.crash_at_start()
        self._crashes = collections.deque([self._started] if crash else [])
        self.errors = ErrorCounter()
        logging.getLogger().addHandler(self.errors)
        self._write_failed = False
        self._timer = QTimer(self)
        self._timer.setInterval(round(heartbeat_s * 1000))
        self._timer.timeout.connect(self.beat)
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(round(stats_interval_s * 1000))
        self._stats_timer.timeout.connect(self.snapshot_stats)
        self._screenshot = screenshot
        self._screen_timer = QTimer(self)
        self._screen_timer.setInterval(round(screenshot_interval_s * 1000))
        self._screen_timer.timeout.connect(self.write_screenshot)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self.destroyed.connect(lambda *_: logging.getLogger().removeHandler(self.errors))

    def start(self) -> None:
        """Look at the fleet folder now, then every heartbeat; snapshot statistics hourly."""
        self._timer.start()
        self._stats_timer.start()
        if self._screenshot is not None:
            self._screen_timer.start()
        self.beat()

    def stop(self) -> None:
        """At shutdown: a last status and a last statistics snapshot; the timers stop."""
        if not self._timer.isActive():
            return
        self._timer.stop()
        self._stats_timer.stop()
        self._screen_timer.stop()
        self.write_status(stopping=True)
        self.snapshot_stats()
        logging.getLogger().removeHandler(self.errors)

    def beat(self) -> None:
        """One heartbeat: follow the current release, then write the status."""
        try:
            content = self.follower.poll()
        except Exception:
            log.exception("fleet: the release could not be followed")
            content = None
        if content is not None:
            self.content_ready.emit(content)
        self.write_status()

    # --- status -------------------------------------------------------------------------------

    def status(self, stopping: bool = False) -> dict[str, Any]:
        """The status document as it is written now."""
        now = time.monotonic()
        while self._crashes and self._crashes[0] < now - HOUR_S:
            self._crashes.popleft()
        follower = self.follower
        return {
            "kiosk": self.kiosk_id,
            "kiosk_version": __version__,
            "release_shown": follower.shown,
            "release_current": follower.current,
            "is_current": follower.is_current,
            "release_state": follower.state,
            "release_reason": follower.reason,
            "uptime_s": round(now - self._started, 1),
            "screen": _safe(self._route, ""),
            "language": _safe(self._language, ""),
            "open": _safe(self._is_open, True),
            "errors_last_hour": self.errors.last_hour(now),
            "last_error": self.errors.last,
            "crashes_last_hour": len(self._crashes),
            "content_problems": list(_safe(self._content_problems, []))[:20],
            "heartbeat_s": self.heartbeat_s,
            "stopping": stopping,
            "written_at": now_iso(),
        }

    def write_status(self, stopping: bool = False) -> None:
        """Write ``status/<id>.json``; a fleet folder that is not there is logged once."""
        try:
            path = write_status(self.fleet, self.kiosk_id, self.status(stopping))
        except OSError as exc:
            if not self._write_failed:
                log.warning("fleet: cannot write the status to %s: %s", self.fleet, exc)
            self._write_failed = True
            return
        self._write_failed = False
        self.status_written.emit(str(path))

    # --- statistics ---------------------------------------------------------------------------

    def snapshot_stats(self, day: date | None = None) -> Path | None:
        """Copy the statistics database to ``stats/<id>/<day>.sqlite3``; the path, or None."""
        if self.stats_db is None or not self.stats_db.is_file():
            return None
        target = snapshot_path(self.fleet, self.kiosk_id, day or date.today())
        try:
            backup_database(self.stats_db, target)
        except (OSError, sqlite3.Error) as exc:
            log.warning("fleet: cannot copy the statistics to %s: %s", target, exc)
            return None
        return target

    # --- screenshots --------------------------------------------------------------------------

    def write_screenshot(self) -> Path | None:
        """A PNG :data:`SCREENSHOT_WIDTH` px wide to ``screens/<id>.png``; None when skipped."""
        image = _safe(self._screenshot, None) if self._screenshot is not None else None
        if image is None or image.isNull():
            return None
        small = image.scaledToWidth(SCREENSHOT_WIDTH, Qt.TransformationMode.SmoothTransformation)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        small.save(buffer, "PNG")  # type: ignore[call-overload]
        path = self.fleet / SCREENS / f"{self.kiosk_id}.png"
        try:
            atomic_write(path, bytes(buffer.data().data()))
        except OSError as exc:
            log.warning("fleet: cannot write the screenshot %s: %s", path, exc)
            return None
        return path


def _safe(read: Callable[[], Any], fallback: Any) -> Any:
    """*read()*, or *fallback* when it raises (a status is always written)."""
    try:
        return read()
    except Exception:
        return fallback
