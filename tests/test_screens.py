"""Screens change: the shell follows 1920×1080 → 1080×1920 → 3840×2160 and back, mid-transition
and with overlays open, and the screen follower puts the kiosk back on its screen.

The offscreen platform cannot add or remove a screen while the application runs (its screens
come from tests/offscreen.json at start), so removal is emulated the way Qt handles it for the
window: its geometry changes under it, then the screen signals fire (emitted here by hand) and
:class:`~kiosk.ui.screens.ScreenFollower` must put it back full screen on its screen.
"""

from __future__ import annotations

from collections.abc import Iterator

import fingers
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.adapters.screens import ScreenFollower
from kiosk.content import Content
from kiosk.model.navigation import Route
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.shell import Shell
from kiosk.ui.tokens import LARGE_TEXT, scale_for

SIZES = [(1920, 1080), (1080, 1920), (3840, 2160), (1920, 1080), (1366, 768), (1080, 1920)]


@pytest.fixture
def shell(qtbot: QtBot, content: Content) -> Iterator[Shell]:
    shell = Shell(Session(content, Settings.defaults().replace(transition_ms=150)))
    qtbot.addWidget(shell)
    shell.setGeometry(0, 0, 1920, 1080)  # all of it on the (4K) screen, where touches land
    shell.show()
    qtbot.waitExposed(shell)
    qtbot.waitUntil(lambda: shell.ready)  # touch and keys watched from here on
    yield shell
    shell.allow_close()


def follows(qtbot: QtBot, shell: Shell, width: int, height: int) -> None:
    """The page, the bar and the overlays fill the new size, laid out for it."""
    qtbot.waitUntil(lambda: (shell.width(), shell.height()) == (width, height), timeout=1000)
    page = shell.host.page
    assert page is not None
    qtbot.waitUntil(lambda: page.width() == width, timeout=2000)
    assert page.height() == shell.host.height() > 0
    assert shell.bar.width() == width or not shell.bar.isVisible()
    assert page.ctx.portrait == (height > width)
    # The screen's scale, which large text (and only large text) enlarges.
    large = shell.session.modes["large_text"]
    expected = scale_for(width, height) * (LARGE_TEXT if large else 1.0)
    assert shell.factor == pytest.approx(expected, rel=0.01)
    for overlay in (shell.idle_overlay, shell.admin_control.pin_pad, shell.admin_control.menu):
        if overlay is not None:
            assert overlay.geometry() == shell.rect()
    QApplication.processEvents()  # pending layouts (of the overlays too) are done


@pytest.mark.parametrize("route", [Route("home"), Route("theme", "frontier"), Route("beijing")])
def test_the_layout_follows_every_size(qtbot: QtBot, shell: Shell, route: Route) -> None:
    shell.nav.go(route)
    shell.host.finish_transition()
    for width, height in SIZES:
        shell.resize(width, height)
        follows(qtbot, shell, width, height)
        assert shell.nav.current == route


def test_shrinking_from_4k_to_1366x768_fits(qtbot: QtBot, shell: Shell) -> None:
    fingers.tap(shell.host.page)  # type: ignore[arg-type]  # Home: the bar shows
    shell.session.set_mode("large_text", True)
    shell.resize(3840, 2160)
    follows(qtbot, shell, 3840, 2160)
    shell.resize(1366, 768)
    follows(qtbot, shell, 1366, 768)


def test_after_the_follower_placed_it_the_kiosk_fits_a_smaller_screen(
    qtbot: QtBot, shell: Shell
) -> None:
    """The follower (the path a display change takes at the booth) lifts the layout's minimum."""
    fingers.tap(shell.host.page)  # type: ignore[arg-type]
    shell.session.set_mode("large_text", True)
    ScreenFollower(shell, index=0, settle_ms=10).place()  # full screen on the 4K screen
    follows(qtbot, shell, 3840, 2160)
    shell.showNormal()
    shell.setGeometry(0, 0, 1366, 768)  # what the follower does for a smaller screen
    follows(qtbot, shell, 1366, 768)


def test_a_resize_during_a_transition_and_with_the_pin_pad_open(qtbot: QtBot, shell: Shell) -> None:
    fingers.tap(shell.host.page)  # type: ignore[arg-type]
    shell.nav.go(Route("achievements"))
    assert shell.host.animating
    shell.resize(1080, 1920)
    follows(qtbot, shell, 1080, 1920)
    for _ in range(5):
        fingers.tap(shell, QPoint(30, 30))
    assert shell.admin_control.pin_pad is not None
    shell.resize(3840, 2160)
    follows(qtbot, shell, 3840, 2160)
    assert shell.admin_control.pin_pad.isVisible()
    fingers.tap(shell.admin_control.pin_pad.keys["cancel"])
    assert shell.admin_control.pin_pad is None


def test_the_follower_puts_the_kiosk_back_on_its_screen(qtbot: QtBot, shell: Shell) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    full = screen.geometry()
    follower = ScreenFollower(shell, index=0, settle_ms=10)
    follower.place()
    follows(qtbot, shell, full.width(), full.height())
    assert shell.isFullScreen()

    # The display went away: Qt gave the window another size and place; then the display (or
    # another) came back and the screen signals fired.
    shell.showNormal()
    shell.setGeometry(QRect(100, 100, 1080, 1920))
    follows(qtbot, shell, 1080, 1920)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    moves = follower.moves
    app.screenAdded.emit(screen)
    qtbot.waitUntil(lambda: follower.moves == moves + 1, timeout=2000)
    follows(qtbot, shell, full.width(), full.height())
    assert shell.geometry() == full and shell.isFullScreen()

    # Its resolution changed under it.
    shell.setGeometry(QRect(0, 0, 1920, 1080))
    screen.geometryChanged.emit(full)
    qtbot.waitUntil(lambda: follower.moves == moves + 2, timeout=2000)
    follows(qtbot, shell, full.width(), full.height())


def test_a_missing_screen_number_means_the_primary_screen(shell: Shell) -> None:
    follower = ScreenFollower(shell, index=7)
    assert follower.target() is QGuiApplication.primaryScreen()
