"""Touch input: kinetic scrolling, a one-finger swipe recognizer, the admin corner and activity.

Qt's built-in swipe gesture needs three fingers, so :class:`InputWatcher` recognizes one-finger
swipes itself. It is one application-wide event filter that also reports every input as activity
(for the idle reset, assistive technology's presses included) and counts taps in the hidden admin
corner.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
)

#: A swipe: at least this far sideways (design pixels), mostly horizontal, within this time.
SWIPE_DISTANCE = 140
SWIPE_RATIO = 1.8
SWIPE_SECONDS = 1.0
#: Admin gesture: this many taps in the top-left corner within this many seconds.
ADMIN_TAPS = 5
ADMIN_SECONDS = 3.0

_ACTIVITY = {
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


def _is_touch_synthesized(event: QMouseEvent) -> bool:
    from PySide6.QtGui import QInputDevice  # its enums: not before the first frame

    device = event.device()
    return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen


class InputWatcher(QObject):
    """Application-wide event filter: activity, one-finger swipes and the admin corner.

    Args:
        scale: returns the current design scale factor (for the swipe distance).
        corner: returns the admin corner in global coordinates.
    """

    #: The events it is handed (see :mod:`kiosk.adapters.input_hub`): input, and timers (a button
    #: pressed by assistive technology is released on its own timer).
    EVENTS = frozenset(_ACTIVITY | {QEvent.Type.Timer})

    activity = Signal()
    swiped = Signal(int)  # +1: finger moved left (next); -1: finger moved right (back)
    admin_requested = Signal()

    def __init__(
        self,
        scale: Callable[[], float],
        corner: Callable[[], QRect],
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._scale = scale
        self._corner = corner
        self._clock = clock
        self._start: tuple[QPointF, float] | None = None
        self._last: QPointF | None = None
        self._fingers = 0
        self._corner_taps: list[float] = []
        self._button: QAbstractButton | None = None

    # -- event filter --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in _ACTIVITY:
            # A button pressed without a finger: assistive technology's press action (an
            # animated click) runs on the button's timer. It is activity too.
            if (
                kind == QEvent.Type.Timer
                and isinstance(watched, QAbstractButton)
                and watched.isDown()
            ):
                self.activity.emit()
            return False
        self.activity.emit()
        if isinstance(event, QTouchEvent):
            self._touch(event)
        elif isinstance(event, QMouseEvent):
            self._mouse(event, _is_touch_synthesized(event))
        return False

    def _touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if not points:
            return
        kind = event.type()
        self._fingers = max(self._fingers, len(points))
        pos = points[0].globalPosition()
        if kind == QEvent.Type.TouchBegin:
            self._begin(pos)
            self._fingers = len(points)
        elif kind == QEvent.Type.TouchUpdate:
            self._last = pos
        elif kind == QEvent.Type.TouchEnd:
            self._end(pos, single=self._fingers == 1)
            self._fingers = 0

    def _mouse(self, event: QMouseEvent, synthesized: bool) -> None:
        """Mouse input, and the mouse events Qt makes from touches that no widget accepted.

        A widget that ignores TouchBegin gets no further touch events, only synthesized mouse
        events; so a gesture begins with whichever comes first and ends likewise.
        """
        kind = event.type()
        pos = event.globalPosition()
        if kind == QEvent.Type.MouseButtonPress:
            if synthesized and self._start is not None:
                return
            self._begin(pos)
        elif kind == QEvent.Type.MouseMove and self._start is not None:
            self._last = pos
        elif kind == QEvent.Type.MouseButtonRelease:
            self._end(pos, single=True)

    def _begin(self, pos: QPointF) -> None:
        if self._start is not None:  # a second begin without an end: start over
            self._start = None
        self._start = (pos, self._clock())
        self._last = pos
        self._button = self._button_at(pos)

    def _end(self, pos: QPointF, single: bool) -> None:
        if self._start is None:
            return
        start, began = self._start
        self._start = None
        dx = pos.x() - start.x()
        dy = pos.y() - start.y()
        elapsed = self._clock() - began
        distance = SWIPE_DISTANCE * self._scale()
        if single and abs(dx) >= distance and abs(dx) >= SWIPE_RATIO * abs(dy):
            if elapsed <= SWIPE_SECONDS:
                self._cancel_press()
                self.swiped.emit(1 if dx < 0 else -1)
            return
        if abs(dx) < 20 and abs(dy) < 20 and self._corner().contains(start.toPoint()):
            self._corner_tap()

    def _corner_tap(self) -> None:
        now = self._clock()
        self._corner_taps = [t for t in self._corner_taps if now - t <= ADMIN_SECONDS] + [now]
        if len(self._corner_taps) >= ADMIN_TAPS:
            self._corner_taps.clear()
            self.admin_requested.emit()

    @staticmethod
    def _button_at(pos: QPointF) -> QAbstractButton | None:
        widget = QApplication.widgetAt(pos.toPoint())
        while widget is not None and not isinstance(widget, QAbstractButton):
            widget = widget.parentWidget()
        return widget

    def _cancel_press(self) -> None:
        """A swipe is not a tap: release the pressed button without clicking it."""
        button, self._button = self._button, None
        if button is not None:
            with contextlib.suppress(RuntimeError):  # deleted meanwhile
                button.setDown(False)
