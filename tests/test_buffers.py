"""Screen-sized pixmaps kept from one page change for the next: painted into again, never under
another holder's feet, bounded, and let go while the kiosk is at rest."""

from __future__ import annotations

import fingers
from PySide6.QtCore import QSize, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Route
from kiosk.ui.buffers import Buffers
from kiosk.ui.shell import Shell

SIZE = QSize(64, 48)


def memory_of(pixmap: QPixmap) -> int:
    """Which pixels *pixmap* holds: the serial number in its cache key, the same for every
    handle of those pixels and changed when Qt copies them (a write to shared pixels)."""
    return pixmap.cacheKey() >> 32


def painted(pixmap: QPixmap, color: Qt.GlobalColor) -> QPixmap:
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), color)
    painter.end()
    return pixmap


def test_a_pixmap_let_go_is_painted_into_again(qapp: QApplication) -> None:
    buffers = Buffers()
    pixmap = QPixmap(SIZE)
    kept = memory_of(pixmap)
    buffers.give(pixmap)
    del pixmap  # its last other holder
    taken = painted(buffers.take(SIZE), Qt.GlobalColor.blue)
    assert memory_of(taken) == kept, "the same memory, not a copy"
    assert len(buffers) == 0


def test_a_pixmap_still_held_elsewhere_keeps_its_pixels(qapp: QApplication) -> None:
    buffers = Buffers()
    held = painted(QPixmap(SIZE), Qt.GlobalColor.red)
    buffers.give(held)
    taken = painted(buffers.take(SIZE), Qt.GlobalColor.blue)
    assert held.toImage().pixelColor(0, 0) == QColor(Qt.GlobalColor.red)
    assert taken.toImage().pixelColor(0, 0) == QColor(Qt.GlobalColor.blue)
    assert memory_of(taken) != memory_of(held)


def test_only_opaque_pixmaps_of_the_size_asked_for_are_given_and_few_are_kept(
    qapp: QApplication,
) -> None:
    buffers = Buffers(keep=2)
    other = QPixmap(QSize(32, 32))
    other_memory = memory_of(other)
    buffers.give(other)
    assert memory_of(buffers.take(SIZE)) != other_memory, "another size is not given"
    assert len(buffers) == 0, "and not kept either"
    clear = QPixmap(SIZE)
    clear.fill(Qt.GlobalColor.transparent)
    buffers.give(clear)
    buffers.give(QPixmap())
    assert len(buffers) == 0, "a pixmap with an alpha channel or none at all is not kept"
    for _ in range(3):
        buffers.give(QPixmap(SIZE))
    assert len(buffers) == 2
    buffers.limit(1)
    assert len(buffers) == 1


def test_a_page_change_paints_into_the_pixmaps_of_the_one_before(
    qtbot: QtBot, shell: Shell
) -> None:
    fingers.open_page(qtbot, shell, HOME)
    host = shell.host
    running = QVariantAnimation.State.Running
    shell.nav.go(Route("themes"))
    qtbot.waitUntil(lambda: host.animation.state() == running, timeout=3000)
    first = {memory_of(host.overlay.old), memory_of(host.overlay.new)}
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)
    assert len(host.overlay.buffers) == 2, "both kept when the transition is over"
    shell.nav.go(Route("achievements"))
    qtbot.waitUntil(lambda: host.animation.state() == running, timeout=3000)
    assert {memory_of(host.overlay.old), memory_of(host.overlay.new)} == first
    qtbot.waitUntil(lambda: not host.animating, timeout=3000)


def test_the_kiosk_at_rest_keeps_no_pixmap_for_a_transition(qtbot: QtBot, shell: Shell) -> None:
    fingers.open_page(qtbot, shell, HOME)
    shell.nav.go(Route("themes"))
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    buffers = shell.host.overlay.buffers
    assert len(buffers) == 2, "kept while a visitor is there"
    shell.reset()
    assert len(buffers) == 0, "the attract loop is built without them"
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert len(buffers) == 0, "nor are the reset's own kept"
    shell.nav.home()  # the next visitor
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert len(buffers) == 2
