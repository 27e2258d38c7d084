"""Real touch input for tests: one finger (or two) through ``QTest.touchEvent``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kiosk.model.navigation import Route
    from kiosk.ui.pages.base import Page
    from kiosk.ui.shell import Shell

_device: QPointingDevice | None = None


def device() -> QPointingDevice:
    """The test touch screen (created once: Qt keeps registered devices for the process)."""
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def _window(widget: QWidget) -> QWidget:
    return widget.window()


def press(widget: QWidget, pos: QPoint, finger: int = 0) -> None:
    window = _window(widget)
    seq = QTest.touchEvent(window, device())
    seq.press(finger, widget.mapTo(window, pos), window)
    seq.commit()


def move(widget: QWidget, pos: QPoint, finger: int = 0) -> None:
    window = _window(widget)
    seq = QTest.touchEvent(window, device())
    seq.move(finger, widget.mapTo(window, pos), window)
    seq.commit()


def release(widget: QWidget, pos: QPoint, finger: int = 0) -> None:
    window = _window(widget)
    seq = QTest.touchEvent(window, device())
    seq.release(finger, widget.mapTo(window, pos), window)
    seq.commit()


def tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """Touch and lift one finger on *widget* (its centre by default).

    The position is mapped to the window first: the tap may delete *widget* (a page it leaves).
    """
    pos = pos if pos is not None else widget.rect().center()
    window = _window(widget)
    at = widget.mapTo(window, pos)
    press(window, at)
    release(window, at)
    QApplication.processEvents()


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """Put a finger down at *start*, move it to *end* in *steps*, lift it."""
    window = _window(widget)
    start = widget.mapTo(window, start)
    end = widget.mapTo(window, end)
    widget = window
    press(widget, start)
    for i in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * i // steps
        y = start.y() + (end.y() - start.y()) * i // steps
        move(widget, QPoint(x, y))
        QApplication.processEvents()
    release(widget, end)
    QApplication.processEvents()


def open_page(qtbot: QtBot, shell: Shell, route: Route) -> Page:
    """A tap on the attract loop, then *route* (a page change from Home), its transition done."""
    from kiosk.model.navigation import HOME

    tap(shell.host.page)  # the attract loop: to Home
    qtbot.waitUntil(lambda: shell.nav.current == HOME)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    if route != HOME:
        shell.nav.go(route)
        qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    page = shell.host.page
    assert page is not None and page.route == route
    return page
