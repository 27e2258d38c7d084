"""Keep the display awake during opening hours, and let it sleep outside them.

:class:`DisplayKeeper` asks the platform, in this order:

- Linux and other freedesktop systems: ``org.freedesktop.ScreenSaver.Inhibit`` on the session bus
  through QtDBus (GNOME, KDE, Xfce, Cinnamon, MATE, LXQt…), on a bus connection of its own that
  :meth:`DisplayKeeper.release` closes. Desktops drop an inhibition when the connection that made
  it leaves the bus, so it also ends by itself if the kiosk dies. (That is also why a ``gdbus`` or
  ``dbus-send`` command cannot do this: its connection, and with it the inhibition, is gone at
  once.) ``SimulateUserActivity`` wakes a display that went dark while the booth was closed.
- An X11 session without that service (a bare window manager): ``xset s off -dpms`` and, to
  release, ``xset s default +dpms``.
- Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)``
  from the GUI thread; ``ES_CONTINUOUS`` alone releases it.
- macOS: ``caffeinate -d -i -w PID`` while inhibited.

Where none of these exists (offscreen, a minimal Wayland compositor) it does nothing and says so
once in the debug log. Nothing here ever raises.
"""

from __future__ import annotations

import ctypes
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from typing import Any

log = logging.getLogger("kiosk.awake")

SERVICE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")

# SetThreadExecutionState flags.
ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002


class DisplayKeeper:
    """Holds the display awake between :meth:`inhibit` and :meth:`release` (both idempotent).

    Args:
        enabled: False makes both methods do nothing (the ``keep_awake`` setting).
        app_name: the application name the desktop shows for the inhibition.
        reason: why, in words the desktop may show.
        run: runs a command (tests replace it); returns its exit code.
    """

    def __init__(
        self,
        enabled: bool = True,
        app_name: str = "kiosk",
        reason: str = "Exhibition kiosk: open to visitors",
        run: Callable[[list[str]], int] | None = None,
    ):
        self.enabled = enabled
        self.app_name = app_name
        self.reason = reason
        self.inhibited = False
        #: What holds the display now: "dbus", "xset", "windows", "caffeinate" or "" (nothing).
        self.backend = ""
        self._run = run or _run
        self._cookie: int | None = None
        self._dbus: tuple[str, Any] | None = None
        self._connections = 0
        self._caffeinate: subprocess.Popen[bytes] | None = None
        self._said_nothing = False

    # -- public ------------------------------------------------------------------------------------

    def inhibit(self) -> bool:
        """Keep the display awake; True if some platform mechanism holds it."""
        if not self.enabled or self.inhibited:
            return self.inhibited
        for backend, attempt in self._backends():
            try:
                ok = attempt()
            except Exception as exc:  # a platform surprise must never reach the kiosk
                log.debug("keep awake: %s failed: %s", backend, exc)
                ok = False
            if ok:
                self.inhibited = True
                self.backend = backend
                log.info("keep awake: display held awake (%s)", backend)
                return True
        if not self._said_nothing:
            log.debug("keep awake: no way to hold the display awake on this system")
            self._said_nothing = True
        return False

    def release(self) -> None:
        """Let the display sleep again."""
        if not self.inhibited:
            return
        backend, self.backend, self.inhibited = self.backend, "", False
        try:
            {
                "dbus": self._dbus_release,
                "xset": self._xset_release,
                "windows": self._windows_release,
                "caffeinate": self._caffeinate_release,
            }[backend]()
            log.info("keep awake: display may sleep (%s)", backend)
        except Exception as exc:
            log.debug("keep awake: releasing %s failed: %s", backend, exc)

    # -- backends ----------------------------------------------------------------------------------

    def _backends(self) -> list[tuple[str, Callable[[], bool]]]:
        if sys.platform == "win32":
            return [("windows", self._windows_inhibit)]
        if sys.platform == "darwin":
            return [("caffeinate", self._caffeinate_inhibit)]
        return [("dbus", self._dbus_inhibit), ("xset", self._xset_inhibit)]

    def _dbus_inhibit(self) -> bool:
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
        except ImportError:
            log.debug("keep awake: QtDBus is not available")
            return False
        # A connection of its own: closing it ends the inhibition for sure (PySide cannot send
        # the uint32 cookie UnInhibit wants, and desktops drop the inhibitions of a connection
        # that leaves the bus).
        self._connections += 1
        name = f"kiosk-keep-awake-{self._connections}"
        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        if not bus.isConnected():
            QDBusConnection.disconnectFromBus(name)
            log.debug("keep awake: no D-Bus session bus")
            return False
        for path in PATHS:
            interface = QDBusInterface(SERVICE, path, SERVICE, bus)
            if not interface.isValid():
                continue
            reply = interface.call("Inhibit", self.app_name, self.reason)
            if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
                log.debug("keep awake: Inhibit on %s: %s", path, reply.errorMessage())
                continue
            self._cookie = int(reply.arguments()[0])
            self._dbus = (name, interface)
            interface.call("SimulateUserActivity")  # wake a display that went dark overnight
            return True
        QDBusConnection.disconnectFromBus(name)
        log.debug("keep awake: no %s service on the session bus", SERVICE)
        return False

    def _dbus_release(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        held, self._dbus, self._cookie = self._dbus, None, None
        if held is not None:
            name, interface = held
            del interface
            QDBusConnection.disconnectFromBus(name)

    def _xset_inhibit(self) -> bool:
        if not os.environ.get("DISPLAY") or shutil.which("xset") is None:
            return False
        return self._run(["xset", "s", "off", "-dpms"]) == 0

    def _xset_release(self) -> None:
        self._run(["xset", "s", "default", "+dpms"])

    def _windows_inhibit(self) -> bool:
        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - only on Windows
        flags = ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED
        return bool(kernel32.SetThreadExecutionState(flags))

    def _windows_release(self) -> None:
        getattr(ctypes, "windll").kernel32.SetThreadExecutionState(ES_CONTINUOUS)  # noqa: B009

    def _caffeinate_inhibit(self) -> bool:
        if shutil.which("caffeinate") is None:
            return False
        self._caffeinate = subprocess.Popen(["caffeinate", "-d", "-i", "-w", str(os.getpid())])
        return True

    def _caffeinate_release(self) -> None:
        process, self._caffeinate = self._caffeinate, None
        if process is not None:
            process.terminate()
            process.wait(timeout=5)


def _run(command: list[str]) -> int:
    """Run *command* quietly; its exit code (127 when it cannot be started)."""
    try:
        return subprocess.run(command, capture_output=True, timeout=5, check=False).returncode
    except (OSError, subprocess.SubprocessError) as exc:
        log.debug("keep awake: %s: %s", command[0], exc)
        return 127
