"""Long pages come on screen a screenful first and unfold the rest over the next turns."""

from __future__ import annotations

import fingers
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Route
from kiosk.ui.pages.base import ScrollPage
from kiosk.ui.shell import Shell

THEME = Route("theme", "frontier")


def open_theme(qtbot: QtBot, shell: Shell) -> ScrollPage:
    fingers.tap(shell.host.page)
    qtbot.waitUntil(lambda: shell.nav.current == HOME)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    shell.nav.go(THEME)
    page = shell.host.page
    assert isinstance(page, ScrollPage) and page.route == THEME
    return page


def parts(page: ScrollPage) -> list[QWidget]:
    column = page.column
    items = [column.itemAt(i) for i in range(column.count())]
    return [w for item in items if item is not None and (w := item.widget()) is not None]


def bottom(page: ScrollPage, widget: QWidget) -> int:
    return widget.mapTo(page.inner, widget.rect().bottomLeft()).y()


def test_a_long_page_shows_its_first_screen_at_once_and_the_rest_soon_after(
    qtbot: QtBot, shell: Shell
) -> None:
    page = open_theme(qtbot, shell)
    shown = [w for w in parts(page) if not w.isHidden()]
    waiting = [w for w in parts(page) if w.isHidden()]
    assert shown and waiting, "the first screenful is shown, what is below the fold waits"
    assert shell.host.animating, "the page is not complete yet"
    page.column.activate()
    viewport = page.scroll_area.viewport().height()
    assert max(bottom(page, w) for w in shown) >= viewport * 0.5, "it fills the screen"
    tops = {w: w.geometry().top() for w in shown}
    with qtbot.waitSignal(shell.host.page_completed, timeout=3000) as done:
        pass
    assert done.args == [str(THEME)]
    assert all(w.isVisible() for w in waiting), "every part arrives"
    page.column.activate()
    assert {w: w.geometry().top() for w in shown} == tops, "nothing above the fold moves"


def test_finishing_the_transition_completes_the_page(qtbot: QtBot, shell: Shell) -> None:
    page = open_theme(qtbot, shell)
    shell.host.finish_transition()
    assert not shell.host.animating
    assert not any(w.isHidden() for w in parts(page))


def test_going_back_restores_the_scroll_position_on_a_whole_page(
    qtbot: QtBot, shell: Shell
) -> None:
    page = open_theme(qtbot, shell)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    position = bar.value()
    assert position > 0
    shell.nav.go(Route("themes"))
    shell.nav.back()
    again = shell.host.page
    assert isinstance(again, ScrollPage) and again.route == THEME
    assert not any(w.isHidden() for w in parts(again))
    assert again.scroll_position() == position
