"""No network, no way out: a whole visitor session opens no connection and asks no name server;
Esc, Alt+F4, Ctrl+Q, Ctrl+W, F11 and close requests stay refused after a content reload and after
a recovery from an uncaught exception.

The guard replaces Python's socket entry points (connect, connect_ex, sendto, create_connection,
getaddrinfo, gethostbyname): everything in Python that reaches the network goes through them.
Qt's own networking would not, so the test also checks that PySide6.QtNetwork was never loaded.
"""

from __future__ import annotations

import socket
import sys
import threading

import fingers
import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.adapters import qt_logging, resources
from kiosk.content import Content, Environment, load
from kiosk.model.navigation import ATTRACT, HOME, Route
from kiosk.model.routes import all_routes
from kiosk.system import logs
from kiosk.system.paths import bundled_content_dir
from kiosk.ui.recovery import back_home
from kiosk.ui.shell import Shell

ESCAPES = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
]


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to reach the network, refused and recorded."""
    seen: list[str] = []

    def refuse(name: str) -> object:
        def refused(*args: object, **kwargs: object) -> object:
            seen.append(f"{name}{args!r}")
            raise OSError(f"the kiosk must not use the network ({name})")

        return refused

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return seen


def _buttons(shell: Shell) -> list[QAbstractButton]:
    page = shell.host.page
    assert page is not None
    return [b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]


def _tap(shell: Shell, button: QAbstractButton) -> None:
    """A real tap on *button*, scrolled into view first as a visitor would."""
    for area in shell.host.findChildren(QScrollArea):
        if area.isAncestorOf(button):
            area.ensureWidgetVisible(button)
    fingers.tap(button)
    shell.host.finish_transition()


def walk(shell: Shell) -> set[Route]:
    """Every screen reachable by tapping, depth first, back each time by tapping Back (the
    buttons of item pages, which lead to other items, are not followed)."""
    seen = {shell.nav.current}
    assert shell.nav.current == ATTRACT
    assert shell.host.page is not None
    fingers.tap(shell.host.page)
    shell.host.finish_transition()
    assert shell.nav.current == HOME

    def visit() -> None:
        here = shell.nav.current
        seen.add(here)
        if here.item is not None:
            return  # an item page's buttons lead to other items (reached from their section)
        i = 0
        while i < len(_buttons(shell)):
            _tap(shell, _buttons(shell)[i])
            i += 1
            if shell.nav.current == here:
                continue
            if shell.nav.current not in seen:
                visit()
            while shell.nav.current != here and len(shell.nav.stack) > 1:
                fingers.tap(shell.bar.back)
                shell.host.finish_transition()
            assert shell.nav.current == here

    visit()
    return seen


def no_way_out(shell: Shell) -> None:
    route = shell.nav.current
    for key, modifier in ESCAPES:
        QTest.keyClick(shell, key, modifier)
        assert shell.host.page is not None
        QTest.keyClick(shell.host.page, key, modifier)
        assert shell.isVisible(), (key, modifier)
        assert shell.nav.current == route
    event = QCloseEvent()
    QApplication.sendEvent(shell, event)
    assert not event.isAccepted()
    assert shell.close() is False
    assert shell.isVisible()


def test_a_whole_session_uses_no_network_and_offers_no_way_out(
    qtbot: QtBot, shell: Shell, content: Content, attempts: list[str]
) -> None:
    assert walk(shell) == set(all_routes(content)), "every screen reached by tapping"
    no_way_out(shell)

    fresh = load(bundled_content_dir(), Environment(resource_exists=resources.exists))
    shell.session.set_content(fresh)  # the admin's reload
    assert shell.session.content is fresh
    no_way_out(shell)
    fingers.tap(shell.host.page)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: shell.nav.current == HOME)
    shell.host.finish_transition()
    no_way_out(shell)

    saved = sys.excepthook, threading.excepthook
    hook = logs.install_excepthook(back_home(shell), later=qt_logging.later)
    try:
        shell.nav.go(Route("voices"))
        QTimer.singleShot(0, lambda: 1 / 0)  # a bug somewhere, from the event loop
        qtbot.waitUntil(lambda: hook.recoveries == 1, timeout=2000)
    finally:
        sys.excepthook, threading.excepthook = saved
    assert shell.nav.current == HOME
    no_way_out(shell)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert attempts == [], "the kiosk tried to reach the network"
    assert "PySide6.QtNetwork" not in sys.modules


def test_the_guard_sees_an_attempt(attempts: list[str]) -> None:
    with pytest.raises(OSError, match="must not use the network"):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    with pytest.raises(OSError):
        socket.getaddrinfo("example.org", 443)
    with socket.socket() as sock, pytest.raises(OSError):
        sock.connect(("127.0.0.1", 9))
    assert [a.split("(")[0] for a in attempts] == [
        "create_connection",
        "getaddrinfo",
        "socket.connect",
    ]
