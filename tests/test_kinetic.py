"""Kinetic scrolling without the per-page leak (kiosk/ui/kinetic.py): one recognizer, all pages."""

from __future__ import annotations

import gc
from collections.abc import Callable

import fingers
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QScroller, QWidget
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Route
from kiosk.model.settings import Settings
from kiosk.ui import kinetic
from kiosk.ui.pages.base import ScrollPage
from kiosk.ui.shell import Shell


def _objects_per_page(enable: Callable[[QScrollArea], None], release: Callable[..., None]) -> float:
    def cycle(n: int) -> None:
        for _ in range(n):
            area = QScrollArea()
            enable(area)
            release(area)
            area.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()

    cycle(20)  # first registrations, caches
    before = len(gc.get_objects())
    cycle(200)
    return (len(gc.get_objects()) - before) / 200


def test_qscroller_registers_a_new_gesture_type_at_every_grab(qtbot: QtBot) -> None:
    """The cause: the type numbers only grow (Qt reuses none)."""
    first, second = QScrollArea(), QScrollArea()
    try:
        kind = QScroller.ScrollerGestureType.TouchGesture
        a = QScroller.grabGesture(first.viewport(), kind)
        b = QScroller.grabGesture(second.viewport(), kind)
        assert int(b) > int(a)
    finally:
        for area in (first, second):
            QScroller.ungrabGesture(area.viewport())
            area.deleteLater()


def _grab_per_page(area: QScrollArea) -> None:
    """What a page did before: a QScroller.grabGesture of its own (a new recognizer each)."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


def test_the_shared_recognizer_leaves_nothing_behind_per_page(qtbot: QtBot) -> None:
    leaked = _objects_per_page(kinetic.enable_kinetic, kinetic.release_kinetic)
    per_grab = _objects_per_page(
        _grab_per_page, lambda area: QScroller.ungrabGesture(area.viewport())
    )
    assert leaked < 0.5, f"{leaked} Python objects per page"
    assert per_grab > 5, "the reference (a grab per page) should show the leak this avoids"


@pytest.fixture
def shell(make_shell: Callable[..., Shell]) -> Shell:
    """A kiosk-mode shell at 1920×1080 (its pages use kiosk.ui.kinetic)."""
    return make_shell(Settings.defaults().replace(transition_ms=150))


def test_one_finger_drag_still_scrolls_kinetically(qtbot: QtBot, shell: Shell) -> None:
    shell.nav.go(Route("themes"))
    shell.nav.go(Route("theme", "frontier"))
    shell.host.finish_transition()
    page = shell.host.page
    assert isinstance(page, ScrollPage)
    bar = page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    viewport = page.scroll_area.viewport()
    h = viewport.height()
    fingers.drag(viewport, QPoint(900, int(h * 0.8)), QPoint(905, int(h * 0.3)))
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    assert shell.nav.current == Route("theme", "frontier"), "a vertical drag is not a swipe"


def test_the_first_tap_on_a_new_scroll_page_opens_what_it_touches(
    qtbot: QtBot, shell: Shell
) -> None:
    """A tap on a tile replaces its page mid-tap; the first tap on the new page must work (it
    did not when the touch gesture kind was grabbed as well: its undecided gesture ate it)."""
    fingers.tap(shell.host.page)  # type: ignore[arg-type]  # the attract loop: Home
    shell.host.finish_transition()
    content = shell.session.content
    voice = content.voices[0]
    cases = [
        ("论坛主题", content.theme("frontier").title.zh, Route("theme", "frontier")),
        ("嘉宾观点", voice.name.zh, Route("voice", voice.id)),
    ]
    for tile, name, target in cases:
        shell.nav.home()
        shell.host.finish_transition()
        fingers.tap(_button(shell, tile))
        shell.host.finish_transition()
        fingers.tap(next(b for b in _buttons(shell) if b.accessibleName().startswith(name)))
        shell.host.finish_transition()
        assert shell.nav.current == target, f"the first tap, on {name}, was lost"


def _buttons(shell: Shell) -> list[QAbstractButton]:
    page = shell.host.page
    assert page is not None
    return [b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]


def _button(shell: Shell, name: str) -> QAbstractButton:
    return next(b for b in _buttons(shell) if b.accessibleName() == name)


def test_swipes_and_taps_still_work(qtbot: QtBot, shell: Shell) -> None:
    shell.nav.go(Route("themes"))
    shell.nav.go(Route("theme", "consensus"))
    shell.host.finish_transition()
    fingers.drag(shell.host.page, QPoint(1400, 500), QPoint(600, 520), steps=6)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: shell.nav.current == Route("theme", "frontier"))
    shell.host.finish_transition()
    fingers.tap(shell.bar.home)
    qtbot.waitUntil(lambda: shell.nav.current == HOME)
    shell.host.finish_transition()
    page = shell.host.page
    assert page is not None
    cards = [b for b in page.findChildren(QWidget) if b.accessibleName() == "重要成果"]
    assert cards
    fingers.tap(cards[0])
    qtbot.waitUntil(lambda: shell.nav.current == Route("achievements"))
