"""Timers the views keep and restart."""

from __future__ import annotations

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
