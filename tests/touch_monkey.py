"""A touch monkey: random but reproducible visitors' gestures on a real shell.

Shared by tests/test_monkey.py (2,000 touch events) and benchmarks/monkey.py (100,000). A touch
event is one ``QTouchEvent`` (a finger or two going down, moving or lifting); a tap is two, a
swipe five to ten. Every gesture goes through ``QTest.touchEvent`` as the touch screen's would:
taps anywhere, taps on buttons, swipes, scroll drags, long presses, two-finger touches and taps
during transitions. The monkey visits every screen in turn (a jump between screens also closes the
staff overlays, which random taps may open), so each screen gets its share of gestures.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

import fingers
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from kiosk.model.navigation import ATTRACT, HOME, Route
from kiosk.model.routes import all_routes
from kiosk.ui.shell import Shell

#: Gestures and how often each comes (weights).
GESTURES: dict[str, int] = {
    "tap": 34,
    "button": 16,
    "swipe": 14,
    "scroll": 10,
    "long press": 4,
    "two fingers": 10,
    "tap in transition": 12,
}


class Monkey:
    """Sends random gestures to *shell*, seeded by *seed*.

    Args:
        shell: a shown shell.
        seed: the random seed (the same seed makes the same gestures).
        per_screen: gestures on a screen before the monkey jumps to the next one.
        long_press_ms: how long a long press holds (the event loop runs meanwhile).
    """

    def __init__(self, shell: Shell, seed: int, per_screen: int = 8, long_press_ms: int = 120):
        self.shell = shell
        self.rng = random.Random(seed)
        self.per_screen = per_screen
        self.long_press_ms = long_press_ms
        self.routes = all_routes(shell.session.content)
        self.counts: Counter[str] = Counter()
        self.touch_events = 0
        self.visited: set[Route] = set()
        self._next_route = 0
        self._actions: dict[str, Callable[[], None]] = {
            "tap": self._tap,
            "button": self._button,
            "swipe": self._swipe,
            "scroll": self._scroll,
            "long press": self._long_press,
            "two fingers": self._two_fingers,
            "tap in transition": self._tap_in_transition,
        }

    # -- driving -------------------------------------------------------------------------------

    def run(self, touch_events: int, between: Callable[[int], None] | None = None) -> None:
        """Make gestures until *touch_events* touch events were sent; *between* is called after
        each gesture with the number of touch events so far."""
        gestures = 0
        while self.touch_events < touch_events:
            if gestures % self.per_screen == 0:
                self.jump()
            self.gesture()
            gestures += 1
            if between is not None:
                between(self.touch_events)

    @property
    def gestures(self) -> int:
        return sum(self.counts.values())

    def jump(self) -> None:
        """Go to the next screen of the round (and close the staff overlays)."""
        route = self.routes[self._next_route % len(self.routes)]
        self._next_route += 1
        shell = self.shell
        shell.admin_control.close()
        if route == ATTRACT:
            shell.nav.reset()
        elif route == HOME:
            shell.nav.home()
        else:
            shell.nav.go(route)
        shell.host.finish_transition()

    def gesture(self) -> str:
        """One random gesture; returns its kind."""
        kind = self.rng.choices(list(GESTURES), weights=list(GESTURES.values()))[0]
        self.visited.add(self.shell.nav.current)
        self._actions[kind]()
        QApplication.processEvents()
        self.counts[kind] += 1
        return kind

    # -- gestures ------------------------------------------------------------------------------

    def _point(self) -> QPoint:
        shell = self.shell
        return QPoint(self.rng.randrange(shell.width()), self.rng.randrange(shell.height()))

    def _tap(self, at: QPoint | None = None) -> None:
        at = at if at is not None else self._point()
        fingers.press(self.shell, at)
        fingers.release(self.shell, at)
        self.touch_events += 2

    def _button(self) -> None:
        buttons = [
            b
            for b in self.shell.findChildren(QAbstractButton)
            if b.isVisible() and b.isEnabled() and b.window() is self.shell
        ]
        if not buttons:
            self._tap()
            return
        button = self.rng.choice(buttons)
        rect = button.rect()
        inside = QPoint(
            self.rng.randrange(max(1, rect.width())), self.rng.randrange(max(1, rect.height()))
        )
        self._tap(button.mapTo(self.shell, inside))

    def _drag(self, start: QPoint, end: QPoint, steps: int) -> None:
        fingers.press(self.shell, start)
        for i in range(1, steps + 1):
            x = start.x() + (end.x() - start.x()) * i // steps
            y = start.y() + (end.y() - start.y()) * i // steps
            fingers.move(self.shell, QPoint(x, y))
        fingers.release(self.shell, end)
        self.touch_events += steps + 2

    def _swipe(self) -> None:
        start = self._point()
        dx = self.rng.choice((-1, 1)) * self.rng.randrange(150, 1000)
        end = QPoint(
            min(self.shell.width() - 1, max(0, start.x() + dx)),
            min(self.shell.height() - 1, max(0, start.y() + self.rng.randrange(-60, 60))),
        )
        self._drag(start, end, self.rng.randrange(3, 8))

    def _scroll(self) -> None:
        start = self._point()
        dy = self.rng.choice((-1, 1)) * self.rng.randrange(100, 800)
        end = QPoint(start.x(), min(self.shell.height() - 1, max(0, start.y() + dy)))
        self._drag(start, end, self.rng.randrange(3, 10))

    def _long_press(self) -> None:
        at = self._point()
        fingers.press(self.shell, at)
        QTest.qWait(self.long_press_ms)  # the event loop runs: timers, animations, scrollers
        fingers.release(self.shell, at)
        self.touch_events += 2

    def _two_fingers(self) -> None:
        a, b = self._point(), self._point()
        seq = QTest.touchEvent(self.shell, fingers.device())
        seq.press(0, a, self.shell).press(1, b, self.shell)
        seq.commit()
        for _ in range(self.rng.randrange(0, 4)):
            a += QPoint(self.rng.randrange(-40, 40), self.rng.randrange(-40, 40))
            b += QPoint(self.rng.randrange(-40, 40), self.rng.randrange(-40, 40))
            seq = QTest.touchEvent(self.shell, fingers.device())
            seq.move(0, a, self.shell).move(1, b, self.shell)
            seq.commit()
            self.touch_events += 1
        seq = QTest.touchEvent(self.shell, fingers.device())
        if self.rng.random() < 0.5:  # one finger lifts first
            seq.release(0, a, self.shell).stationary(1)
            seq.commit()
            seq = QTest.touchEvent(self.shell, fingers.device())
            seq.release(1, b, self.shell)
            self.touch_events += 1
        else:
            seq.release(0, a, self.shell).release(1, b, self.shell)
        seq.commit()
        self.touch_events += 2

    def _tap_in_transition(self) -> None:
        self._button()
        for _ in range(self.rng.randrange(1, 4)):  # at once, while the pages slide
            self._tap()
