"""A stand-in for the desktop's org.freedesktop.ScreenSaver service, for tests/test_awake.py.

Run on a private session bus (``DBUS_SESSION_BUS_ADDRESS``); prints ``ready`` once registered,
then one line per call: ``Inhibit APP REASON -> COOKIE``, ``UnInhibit COOKIE``,
``SimulateUserActivity``, and ``gone COOKIE`` when the caller of an active inhibition leaves the
bus (as desktops drop its inhibition).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusServiceWatcher


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.next = 41
        self.watcher = QDBusServiceWatcher(self)
        self.watcher.setConnection(QDBusConnection.sessionBus())
        self.watcher.setWatchMode(QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration)
        self.watcher.serviceUnregistered.connect(self.gone)
        self.owners: dict[str, int] = {}

    @Slot(str, str, QDBusMessage, result="uint")
    def Inhibit(self, app: str, reason: str, message: QDBusMessage) -> int:  # noqa: N802
        self.next += 1
        sender = message.service()
        self.owners[sender] = self.next
        self.watcher.addWatchedService(sender)
        print("Inhibit", app, repr(reason), "->", self.next, flush=True)
        return self.next

    @Slot("uint")
    def UnInhibit(self, cookie: int) -> None:  # noqa: N802 - D-Bus name
        self.owners = {k: v for k, v in self.owners.items() if v != cookie}
        print("UnInhibit", cookie, flush=True)

    @Slot()
    def SimulateUserActivity(self) -> None:  # noqa: N802 - D-Bus name
        print("SimulateUserActivity", flush=True)

    def gone(self, name: str) -> None:
        if name in self.owners:
            print("gone", self.owners.pop(name), flush=True)


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    service = ScreenSaver()
    exported = QDBusConnection.RegisterOption.ExportAllSlots
    if not bus.registerObject("/org/freedesktop/ScreenSaver", service, exported):
        print("cannot register the object", flush=True)
        return 1
    if not bus.registerService("org.freedesktop.ScreenSaver"):
        print("cannot register the service", bus.lastError().message(), flush=True)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
