"""The timer that says when the booth opens and closes, following the opening hours model."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.model.hours import OpeningHours

log = logging.getLogger("kiosk.hours")

#: The longest wait between two looks at the clock (a clock change or a suspended PC cannot make
#: the kiosk miss an opening or closing by more than this).
RECHECK_MS = 60_000


class OpeningHoursController(QObject):
    """Tells when the booth opens and closes.

    :attr:`is_open` is the state now; :meth:`start` emits it once (so that one slot sets up the
    start state and every change) and then emits :attr:`open_changed` at every change.
    :attr:`day_changed` is emitted when the date changes (the closed screen's "tomorrow").

    Args:
        hours: the opening hours.
        clock: the local time now (injectable for tests).
        recheck_ms: the longest wait between two looks at the clock.
    """

    open_changed = Signal(bool)
    day_changed = Signal()
    #: The hours themselves changed (:meth:`set_hours`).
    hours_changed = Signal()

    def __init__(
        self,
        hours: OpeningHours,
        clock: Callable[[], datetime] = datetime.now,
        parent: QObject | None = None,
        recheck_ms: int = RECHECK_MS,
    ):
        super().__init__(parent)
        self.hours = hours
        self.clock = clock
        self.recheck_ms = recheck_ms
        now = clock()
        self.is_open = hours.is_open(now)
        self._day = now.date()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Emit the state now and follow the hours from here on."""
        self.open_changed.emit(self.is_open)
        self._schedule(self.clock())

    def set_hours(self, hours: OpeningHours) -> None:
        """New opening hours (the settings changed): take them at once."""
        self.hours = hours
        self.hours_changed.emit()
        self.check()

    def check(self) -> None:
        """Look at the clock: emit a change, schedule the next look."""
        now = self.clock()
        if now.date() != self._day:
            self._day = now.date()
            self.day_changed.emit()
        state = self.hours.is_open(now)
        if state != self.is_open:
            self.is_open = state
            log.info("opening hours: %s", "open" if state else "closed")
            self.open_changed.emit(state)
        self._schedule(now)

    def _schedule(self, now: datetime) -> None:
        wait = self.recheck_ms
        change = self.hours.next_change(now)
        if change is not None:
            wait = min(wait, int((change - now) / timedelta(milliseconds=1)) + 20)
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        wait = min(wait, int((midnight - now) / timedelta(milliseconds=1)) + 20)
        self.timer.start(max(20, wait))
