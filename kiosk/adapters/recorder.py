"""The analytics bridge: feeds what happens in the shell to the Qt-free :class:`Recorder`.

It only listens, through the shell's public signals and attributes:

- ``shell.nav.changed``: screen views; leaving the attract loop starts a session, coming back to
  it (the idle reset) ends it;
- ``shell.language_changed`` and, where the shell has it, ``shell.modes_changed``;
- ``shell.input.activity`` (the session's last input) and ``shell.input.admin_requested`` (staff
  are not visitors: the running session is dropped and nothing is recorded while the PIN pad or
  the admin menu is open, so the heatmap cannot tell where a PIN was typed);
- its own application event filter for the position of each touch (``TouchBegin``, and
  ``MouseButtonPress`` from a real mouse), as fractions of the shell's window.

A timer commits every :data:`~kiosk.model.analytics.FLUSH_SECONDS`; the application's
``aboutToQuit`` ends the session and closes the database. Nothing here ever raises into Qt.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QInputDevice, QMouseEvent, QTouchEvent

from kiosk.model.analytics import Recorder, db_path, open_recorder
from kiosk.model.navigation import Change

if TYPE_CHECKING:
    from kiosk.model.settings import Settings
    from kiosk.ui.shell import Shell

log = logging.getLogger("kiosk.analytics")

F = TypeVar("F", bound=Callable[..., Any])


def _never_raises(method: F) -> F:
    """Log an exception of a slot instead of letting it reach the excepthook (which goes Home)."""

    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except Exception:
            log.exception("analytics: %s failed", method.__name__)
            return None

    return guarded  # type: ignore[return-value]


class AnalyticsBridge(QObject):
    """Connects a :class:`~kiosk.ui.shell.Shell` to a :class:`Recorder` (a child of the shell).

    Args:
        shell: the kiosk window.
        recorder: where the events go.
    """

    def __init__(self, shell: Shell, recorder: Recorder):
        super().__init__(shell)
        self.setObjectName("analyticsBridge")
        self.shell = shell
        self.recorder = recorder
        self.enabled = True
        self.closed = False
        self._modes: dict[str, bool] = dict(getattr(shell, "modes", None) or {})
        shell.nav.changed.connect(self._on_change)
        shell.language_changed.connect(self._on_language)
        shell.input.activity.connect(self._on_activity)
        shell.input.admin_requested.connect(self._on_admin)
        modes_changed = getattr(shell, "modes_changed", None)
        if modes_changed is not None:
            modes_changed.connect(self._on_modes)
        self.timer = QTimer(self)
        self.timer.setInterval(max(100, round(recorder.flush_every * 1000)))
        self.timer.timeout.connect(self._flush)
        self.timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            app.aboutToQuit.connect(self.close)
        if not shell.nav.attracting:
            self._on_change(Change(shell.nav.current, "reset", len(shell.nav.stack)))

    # -- the shell's signals -----------------------------------------------------------------------

    @_never_raises
    def _on_change(self, change: Change) -> None:
        if self.closed:
            return
        if change.route.page == "attract":
            self.recorder.session_end()
            return
        if not self.enabled:
            return
        self.recorder.screen(str(change.route), self.shell.lang)

    @_never_raises
    def _on_language(self, lang: str) -> None:
        if not self.closed and self.enabled:
            self.recorder.language(lang)

    @_never_raises
    def _on_modes(self, modes: dict[str, bool]) -> None:
        if self.closed:
            return
        for name, on in modes.items():
            if self._modes.get(name, False) != on and self.enabled:
                self.recorder.mode(name, on)
        self._modes = dict(modes)

    @_never_raises
    def _on_activity(self) -> None:
        if not self.closed and self.enabled and not self._staff():
            self.recorder.activity()

    @_never_raises
    def _on_admin(self) -> None:
        if not self.closed:
            log.info("analytics: staff gesture; the running session is not counted")
            self.recorder.discard_session()

    def _staff(self) -> bool:
        return (
            getattr(self.shell, "pin_pad", None) is not None
            or getattr(self.shell, "admin", None) is not None
        )

    @_never_raises
    def _flush(self) -> None:
        if not self.closed:
            self.recorder.flush()

    # -- touch positions ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress):
            return False
        if self.closed or not self.enabled:
            return False
        self._touched(watched, event)
        return False

    @_never_raises
    def _touched(self, watched: QObject, event: QEvent) -> None:
        # Qt delivers a touch to the window first, then to each widget it propagates to: count
        # it once, at the window. A mouse press made from a touch was counted as the touch.
        if watched is not self.shell.windowHandle() or self._staff():
            return
        if isinstance(event, QTouchEvent):
            points = event.points()
            if not points:
                return
            pos = points[0].position()
        elif isinstance(event, QMouseEvent):
            device = event.device()
            if device is not None and device.type() == QInputDevice.DeviceType.TouchScreen:
                return
            pos = event.position()
        else:
            return
        width, height = self.shell.width(), self.shell.height()
        if width > 0 and height > 0:
            self.recorder.touch(pos.x() / width, pos.y() / height)

    # -- control -----------------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        """Record (True) or not (False: outside opening hours, nothing is counted)."""
        self.enabled = enabled

    def today(self) -> dict[str, object]:
        """Today's figures for the admin menu (:func:`kiosk.model.report.today_summary`);
        empty if the database cannot be read."""
        from kiosk.model.report import today_summary

        try:
            self.recorder.flush()
            return today_summary(self.recorder.store)
        except Exception:
            log.exception("analytics: today's figures cannot be read")
            return {}

    def close(self) -> None:
        """End the session, commit, close the database and stop listening (idempotent)."""
        if self.closed:
            return
        self.closed = True
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        with contextlib.suppress(ValueError):
            self.shell.nav.changed.disconnect(self._on_change)
        try:
            self.recorder.close()
        except Exception:
            log.exception("analytics: closing failed")


def install_analytics(shell: Shell, settings: Settings) -> AnalyticsBridge | None:
    """Record the shell's visitors into the database the settings name; None when turned off
    (``analytics = false``) or when the database cannot be used (logged)."""
    if not settings.analytics:
        log.info("analytics: off (setting analytics = false)")
        return None
    recorder = open_recorder(db_path(settings.analytics_db))
    if recorder is None:
        return None
    log.info("analytics: recording to %s", recorder.store.path)
    return AnalyticsBridge(shell, recorder)
