"""The application's one event filter, handing each listener only the events it asked for.

Qt calls an application-wide event filter for every event of every object, and a filter written
in Python costs a call into Python with the object and the event converted for it: building a
page sends thousands of events (child added, polish, move, resize, show, layout …), so five such
filters made building a page about 40 % slower than none (a theme page's first screen: 10 → 6 ms
for the tap's turn). The kiosk installs this one filter; the input watchers, the key guard,
keyboard access, read-aloud and the analytics listen through it (:func:`listen`), each for the
event types it names, and each is called only for those.

As with Qt's own filters, the listener added last is asked first, and one that returns True
stops the event there.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject


class Listener(Protocol):
    """What listens through the hub: a QObject with Qt's ``eventFilter`` signature."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        ...


class InputHub(QObject):
    """The event filter installed on *app* (one per application: see :func:`hub`)."""

    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self.setObjectName("kioskInputHub")
        #: The listeners, the one asked first first, with the event types each asked for.
        self._listeners: list[tuple[QObject, frozenset[QEvent.Type]]] = []
        self._by_type: dict[QEvent.Type, tuple[Listener, ...]] = {}
        app.installEventFilter(self)

    def add(self, listener: QObject, types: Collection[QEvent.Type]) -> None:
        """Hand *listener* the events of *types* from now on, before those added earlier (again:
        it moves to the front). A listener that is deleted is dropped when next met."""
        if not hasattr(listener, "eventFilter"):
            raise TypeError(f"{type(listener).__name__} has no eventFilter")
        self._drop(listener)
        self._listeners.insert(0, (listener, frozenset(types)))
        self._index()

    def remove(self, listener: QObject) -> None:
        """Stop handing *listener* events (nothing happens if it was not listening)."""
        self._drop(listener)
        self._index()

    @property
    def listeners(self) -> list[QObject]:
        """The listeners, the one asked first first."""
        return [listener for listener, _ in self._listeners]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        listeners = self._by_type.get(event.type())
        if listeners:
            for listener in listeners:
                if not shiboken6.isValid(listener):
                    self._forget_deleted()  # a window closed: never call into what it held
                elif listener.eventFilter(watched, event):
                    return True
        return False

    def _forget_deleted(self) -> None:
        self._listeners = [entry for entry in self._listeners if shiboken6.isValid(entry[0])]
        self._index()

    def _drop(self, listener: QObject) -> None:
        self._listeners = [
            entry
            for entry in self._listeners
            if entry[0] is not listener and shiboken6.isValid(entry[0])
        ]

    def _index(self) -> None:
        by_type: dict[QEvent.Type, list[Listener]] = {}
        for listener, types in self._listeners:
            for kind in types:
                by_type.setdefault(kind, []).append(listener)  # type: ignore[arg-type]
        self._by_type = {kind: tuple(listeners) for kind, listeners in by_type.items()}


def hub(app: QCoreApplication | None = None) -> InputHub | None:
    """The hub of *app* (the running application by default), made on first use; None when
    there is no application."""
    app = app if app is not None else QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(InputHub, "kioskInputHub")
    return found if isinstance(found, InputHub) else InputHub(app)


def listen(listener: QObject, types: Collection[QEvent.Type]) -> bool:
    """Hand *listener* the application's events of *types* (see :meth:`InputHub.add`); False
    when there is no application."""
    found = hub()
    if found is None:
        return False
    found.add(listener, types)
    return True


def stop_listening(listener: QObject) -> None:
    """Stop handing *listener* events (see :meth:`InputHub.remove`)."""
    found = hub()
    if found is not None:
        found.remove(listener)
