"""A minimal Qt-free observer: models emit, views subscribe."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Emitter(Generic[T]):
    """Calls every connected callback with the emitted value, in connection order.

    As with Qt's signals, a callback that raises does not stop the others, nor unwind through
    the code that emitted: the exception goes to ``sys.excepthook`` (the kiosk's logs it and
    keeps the crash log) and the next callback is called. Models emit from inside Qt's event
    handlers; an exception that unwound through Qt's frames there (a page that could not be
    built, on a touch of the attract loop) left a freed icon engine known to PySide, and the
    next paint of the bar crashed the process.
    """

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], None]] = []

    def connect(self, callback: Callable[[T], None]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[[T], None]) -> None:
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            try:
                callback(value)
            except Exception:  # reported, as Qt reports an exception in a slot
                sys.excepthook(*sys.exc_info())
