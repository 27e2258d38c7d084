"""Idle reset: after a quiet spell a "Still there?" countdown, then back to the attract loop.

A visitor who answers the question gets more time: each answer doubles the quiet time, up to ten
times the setting (WCAG 2.2.1, "Timing adjustable"), until the idle reset ends the visit.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.content import Lang
from kiosk.ui import a11y
from kiosk.ui.labels import label
from kiosk.ui.strings import both, ui
from kiosk.ui.tokens import ELEVATION, SIZE, SPACE, Theme, scaled
from kiosk.ui.widgets import TapButton

log = logging.getLogger("kiosk.idle")


class IdleController(QObject):
    """Counts quiet time; asks :attr:`warn` after *timeout* s, :attr:`expired` *warning* s later.

    Call :meth:`activity` on every input; :meth:`set_enabled` turns the whole thing off (the
    attract loop has no countdown) and gives the next visitor the quiet time of the setting.
    """

    #: Each answer to the countdown doubles the quiet time, up to this many times the setting.
    MOST_TIME = 10.0

    warn = Signal()
    tick = Signal(int)  # seconds left in the countdown
    dismissed = Signal()
    expired = Signal()

    def __init__(self, timeout: float, warning: float, parent: QObject | None = None):
        super().__init__(parent)
        self.timeout = timeout
        self.warning = warning
        self.enabled = False
        self.counting = False
        self.more_time = 1.0  # how many times the setting this visitor's quiet time is
        self.left = 0
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._start_countdown)
        self._second = QTimer(self)
        self._second.setInterval(1000)
        self._second.timeout.connect(self._count)

    @property
    def quiet_left_ms(self) -> int:
        """Milliseconds of quiet time left before the countdown (-1 when not timing)."""
        return self._quiet.remainingTime()

    def configure(self, timeout: float, warning: float) -> None:
        self.timeout = timeout
        self.warning = warning
        if self.enabled and not self.counting:
            self._restart()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._stop_countdown(emit=False)
        if enabled:
            self._restart()
        else:
            self._quiet.stop()
            self.more_time = 1.0

    def activity(self) -> None:
        """Input happened: dismiss a running countdown and start the quiet time again."""
        if not self.enabled:
            return
        if self.counting:
            self.more_time = min(self.MOST_TIME, self.more_time * 2)  # the visitor needs time
            self._stop_countdown(emit=True)
        self._restart()

    def _restart(self) -> None:
        self._quiet.start(max(1, round(self.timeout * self.more_time * 1000)))

    def _start_countdown(self) -> None:
        self.counting = True
        self.left = max(1, round(self.warning))
        log.info("idle: countdown of %d s", self.left)
        self.warn.emit()
        self.tick.emit(self.left)
        self._second.start()

    def _count(self) -> None:
        self.left -= 1
        if self.left > 0:
            self.tick.emit(self.left)
            return
        self._stop_countdown(emit=False)
        log.info("idle: reset")
        self.expired.emit()

    def _stop_countdown(self, emit: bool) -> None:
        self._second.stop()
        if self.counting:
            self.counting = False
            if emit:
                self.dismissed.emit()


class IdleOverlay(QWidget):
    """Dims the screen and asks, in both languages, whether anyone is still there.

    With an *idle* controller it follows it: shown at its warning, counting its seconds, hidden
    when a touch dismisses the countdown. For a screen reader it is an alert, announced when it
    comes up, with the focus on its "Continue" button (which answers it for keys and switches).
    """

    def __init__(self, theme: Theme, parent: QWidget, idle: IdleController | None = None):
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("idleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        a11y.set_role(self, a11y.ALERT)
        self.factor = 1.0
        self._focus_before: QWidget | None = None
        box = QVBoxLayout(self)
        box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.panel = QWidget(self)
        self.panel.setObjectName("panel")
        inner = self._inner = QVBoxLayout(self.panel)
        inner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = label(both("still_there", "\n"), "title")
        self.number = label("", "figure", wrap=False)
        self.body = label("", "lead")
        for widget in (self.title, self.number, self.body):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(widget)
        self.go_on = TapButton(
            both("still_there.continue", " / "), 1.0, role="primary", theme=theme
        )
        inner.addWidget(self.go_on, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.panel)
        self.hide()
        if idle is not None:
            idle.warn.connect(self.pop_up)
            idle.tick.connect(self.set_seconds)
            idle.dismissed.connect(self.hide)
            self.go_on.clicked.connect(idle.activity)

    def pop_up(self) -> None:
        """Cover the whole parent, on top."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        focus = QApplication.focusWidget()
        self._focus_before = focus if focus is not self.go_on else None
        self.show()
        self.raise_()
        self.go_on.setFocus(Qt.FocusReason.OtherFocusReason)
        a11y.announce(self, self.accessibleName() or both("still_there", " "))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        """Give the focus back to where it was (when that is still on screen)."""
        before, self._focus_before = self._focus_before, None
        super().hideEvent(event)
        with contextlib.suppress(RuntimeError):  # deleted meanwhile
            if before is not None and before.isVisible() and self.go_on.hasFocus():
                before.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_factor(self, factor: float) -> None:
        self.factor = factor
        pad = scaled(SPACE.xl, factor)
        self._inner.setContentsMargins(pad, pad, pad, pad)
        self.panel.setMinimumWidth(scaled(SIZE.dialog_min, factor))
        self.go_on.setMinimumSize(scaled(SIZE.tap * 4, factor), scaled(SIZE.tap, factor))

    def set_theme(self, theme: Theme) -> None:
        """Paint in *theme* from now on (the accessibility modes changed)."""
        self.theme = theme
        self.update()

    def set_seconds(self, seconds: int) -> None:
        self.number.setText(str(seconds))
        self.body.setText("\n".join(self._line(lang, seconds) for lang in ("zh", "en")))
        self.setAccessibleName(f"{both('still_there', ' ')} {seconds}")

    @staticmethod
    def _line(lang: Lang, seconds: int) -> str:
        """ "Touch the screen to keep exploring: 5 seconds until the kiosk starts over"."""
        countdown = ui("still_there.seconds", lang, n=seconds)
        return ui("still_there.line", lang, body=ui("still_there.body", lang), countdown=countdown)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        dim = QColor(self.theme.palette.background_deep)
        dim.setAlphaF(ELEVATION.dim_idle)
        painter.fillRect(self.rect(), dim)
        painter.end()
