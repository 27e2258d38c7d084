"""Timers the views keep and restart."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def single_shot(parent: QObject, ms: int, slot: Callable[[], object]) -> QTimer:
    """A single-shot timer of *parent* that calls *slot* *ms* after each ``start()``.

    Kept and restarted rather than ``QTimer.singleShot(ms, context, bound method)``, which leaves
    a weakref behind in PySide at every call.
    """
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


class Slice:
    """One turn's share of the main thread, *ms* long, spent on steps that are never cut: after
    each step, :meth:`another` says whether one more like it would still end within the share.
    *clock* gives seconds (a test gives a clock of its own)."""

    def __init__(self, ms: float, clock: Callable[[], float] = time.perf_counter):
        self._ms, self._clock = ms, clock
        self._began = self._last = clock()

    def another(self) -> bool:
        """Whether a step costing what the last one did would end within the slice."""
        now = self._clock()
        fits = (2 * now - self._began - self._last) * 1000 <= self._ms
        self._last = now
        return fits
