"""The analytics bridge: feeds what happens in the kiosk to the Qt-free :class:`Recorder`.

It only listens, to the models and to the window as a plain widget:

- ``nav.changed``: screen views; leaving the attract loop starts a session, coming back to it
  (the idle reset) ends it;
- ``session.language_changed`` (a visitor's choice) and ``session.modes_changed``;
- the *activity* signal (the session's last input) and ``staff.opened`` (staff are not visitors:
  the running session is dropped and nothing is recorded while the PIN pad or the admin menu is
  open, so the heatmap cannot tell where a PIN was typed);
- its own application event filter for the position of each touch (``TouchBegin``, and
  ``MouseButtonPress`` from a real mouse), as fractions of the window.

A timer commits every :data:`~kiosk.model.analytics.FLUSH_SECONDS`; the application's
``aboutToQuit`` ends the session and closes the database. Nothing here ever raises into Qt.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, SignalInstance
from PySide6.QtGui import QInputDevice, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from kiosk.adapters import input_hub
from kiosk.model.analytics import Recorder, db_path, open_recorder
from kiosk.model.navigation import Change, Navigation
from kiosk.model.session import LanguageChange, Session
from kiosk.model.staff import Staff, TodayFigures

if TYPE_CHECKING:
    from kiosk.model.settings import Settings

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
    """Connects the kiosk's models and window to a :class:`Recorder` (a child of the window).

    Args:
        recorder: where the events go.
        session: the session model (its navigation, language and modes).
        staff: the staff model (nothing is counted while staff are at the kiosk).
        window: the kiosk window (touch positions are fractions of it).
        activity: emitted on every visitor input.
    """

    def __init__(
        self,
        recorder: Recorder,
        session: Session,
        staff: Staff,
        window: QWidget,
        activity: SignalInstance,
    ):
        super().__init__(window)
        self.setObjectName("analyticsBridge")
        self.window = window
        self.session = session
        self.nav: Navigation = session.nav
        self.staff = staff
        self.recorder = recorder
        self.enabled = True
        self.closed = False
        self._modes: dict[str, bool] = session.modes
        self.nav.changed.connect(self._on_change)
        session.language_changed.connect(self._on_language)
        session.modes_changed.connect(self._on_modes)
        staff.opened.connect(self._on_admin)
        activity.connect(self._on_activity)
        self.timer = QTimer(self)
        self.timer.setInterval(max(100, round(recorder.flush_every * 1000)))
        self.timer.timeout.connect(self._flush)
        self.timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            input_hub.listen(self, (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress))
            app.aboutToQuit.connect(self.close)
        if not self.nav.attracting:
            self._on_change(Change(self.nav.current, "reset", self.nav.depth))

    # -- the models' notifications -----------------------------------------------------------------

    @_never_raises
    def _on_change(self, change: Change) -> None:
        if self.closed:
            return
        if change.route.page == "attract":
            self.recorder.session_end()
            return
        if not self.enabled:
            return
        self.recorder.screen(str(change.route), self.session.lang)

    @_never_raises
    def _on_language(self, change: LanguageChange) -> None:
        if not self.closed and self.enabled and change.by_visitor:
            self.recorder.language(change.lang)

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
    def _on_admin(self, _: None = None) -> None:
        if not self.closed:
            log.info("analytics: staff gesture; the running session is not counted")
            self.recorder.discard_session()

    def _staff(self) -> bool:
        return self.staff.present

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
        if watched is not self.window.windowHandle() or self._staff():
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
        width, height = self.window.width(), self.window.height()
        if width > 0 and height > 0:
            self.recorder.touch(pos.x() / width, pos.y() / height)

    # -- control -----------------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        """Record (True) or not (False: outside opening hours, nothing is counted)."""
        self.enabled = enabled

    def today(self) -> TodayFigures | None:
        """Today's figures for the admin menu (:func:`kiosk.model.report.today_summary`);
        None if the database cannot be read."""
        from kiosk.model.report import today_summary

        try:
            self.recorder.flush()
            summary = today_summary(self.recorder.store)
            top = summary.get("top_screen")
            sessions = summary.get("sessions") or 0
            average = summary.get("average_session_s") or 0.0
            assert isinstance(sessions, int) and isinstance(average, int | float)
            return TodayFigures(sessions, float(average), str(top) if top else None)
        except Exception:
            log.exception("analytics: today's figures cannot be read")
            return None

    def close(self) -> None:
        """End the session, commit, close the database and stop listening (idempotent)."""
        if self.closed:
            return
        self.closed = True
        self.timer.stop()
        input_hub.stop_listening(self)
        with contextlib.suppress(ValueError):
            self.nav.changed.disconnect(self._on_change)
        try:
            self.recorder.close()
        except Exception:
            log.exception("analytics: closing failed")


def install_analytics(
    settings: Settings, session: Session, staff: Staff, window: QWidget, activity: SignalInstance
) -> AnalyticsBridge | None:
    """Record the kiosk's visitors into the database the settings name; None when turned off
    (``analytics = false``) or when the database cannot be used (logged)."""
    if not settings.analytics:
        log.info("analytics: off (setting analytics = false)")
        return None
    recorder = open_recorder(db_path(settings.analytics_db))
    if recorder is None:
        return None
    log.info("analytics: recording to %s", recorder.store.path)
    return AnalyticsBridge(recorder, session, staff, window, activity)
