"""The kiosk's side of the watchdog: a heartbeat from the main thread's event loop.

The supervisor (:mod:`kiosk.supervise`) sets :data:`ENV` to a file path when it starts the kiosk.
:class:`Heartbeat` then writes one line to that file every second from a :class:`QTimer` on the
main thread, so the beats stop when the event loop stops: an endless loop, a deadlock or a
blocking call in a slot is a missed heartbeat, and the supervisor restarts the kiosk.

A beat is ``"<count> <unix time> <pid>\\n"``, written to a temporary file and renamed over the
heartbeat file, so that a reader never sees half a line. The supervisor only looks at whether the
count changed (by its own monotonic clock), so a jump of the wall clock is not a freeze.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from kiosk.system.supervision import ENV, EXIT_RESTART

log = logging.getLogger("kiosk.heartbeat")

__all__ = [
    "ENV",
    "EXIT_RESTART",
    "Heartbeat",
    "restart_by_supervisor",
    "start_from_environment",
    "supervised",
]

_active: Heartbeat | None = None


class Heartbeat(QObject):
    """Writes a beat to *path* every *interval_ms* milliseconds while the event loop runs.

    Args:
        path: the heartbeat file (its folder must exist).
        interval_ms: time between beats.
        parent: the owner (the application, so that it lives as long as the event loop).
    """

    def __init__(self, path: Path, interval_ms: int = 1000, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.count = 0
        self._temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self._failed = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.beat)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        """Beat now and then every interval."""
        self.beat()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def beat(self) -> None:
        """Write one beat (a write error is logged once; the next beat tries again)."""
        self.count += 1
        try:
            self._temp.write_text(f"{self.count} {time.time():.3f} {os.getpid()}\n", "ascii")
            self._temp.replace(self.path)
        except OSError as exc:
            if not self._failed:
                log.error("heartbeat: cannot write %s: %s", self.path, exc)
            self._failed = True
        else:
            self._failed = False


def supervised() -> bool:
    """True when a supervisor started this process (it then expects heartbeats)."""
    return bool(os.environ.get(ENV))


def start_from_environment(
    parent: QObject | None = None, interval_ms: int = 1000
) -> Heartbeat | None:
    """Start the heartbeat the supervisor asked for (:data:`ENV`), once per process.

    Call it on the main thread right before the event loop starts (``app.exec()``): the first
    beat then says "up", and the supervisor's start-up allowance covers building the shell.
    Without :data:`ENV` it does nothing and returns None; called again, it returns the heartbeat
    already running.
    """
    global _active
    path = os.environ.get(ENV)
    if not path:
        return None
    if _active is not None:
        try:
            if _active.running:
                return _active
        except RuntimeError:  # its parent was deleted (a previous application)
            pass
    _active = Heartbeat(Path(path), interval_ms, parent or QCoreApplication.instance())
    _active.start()
    log.info("heartbeat every %d ms to %s", interval_ms, path)
    return _active


def restart_by_supervisor() -> None:
    """Leave the event loop with :data:`EXIT_RESTART` when supervised, so the kiosk restarts.

    Without a supervisor nothing happens: the kiosk goes on (logging) rather than leave a visitor
    in front of the desktop. Meant as ``on_storm`` of :func:`kiosk.logs.install_excepthook`.
    """
    if not supervised():
        log.error("error storm without a supervisor: the kiosk goes on")
        return
    log.critical("asking the supervisor for a restart (exit %d)", EXIT_RESTART)
    QCoreApplication.exit(EXIT_RESTART)
