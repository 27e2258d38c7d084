"""Pages built in short parts: Home (fitted once whole), figure walls (a tile a part), and the
picture of the page being left taken from the screen instead of painted again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractAnimation
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Route
from kiosk.ui.figures import FigureWall
from kiosk.ui.pages.base import Page, ScrollPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.shell import Shell
from kiosk.ui.transition import _shown_whole, on_screen
from kiosk.ui.widgets import Card
from tests.layouts import laid_out, layout_of


def settle(qtbot: QtBot, shell: Shell) -> None:
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=5000)


def pixels(widget: QWidget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def record_parts(monkeypatch: pytest.MonkeyPatch, after: Callable[[Page], None]) -> None:
    """Call *after* with the page once each of its parts is built."""
    build_part = Page.build_part

    def recorded(self: Page) -> list[QWidget]:
        widgets = build_part(self)
        after(self)
        return widgets

    monkeypatch.setattr(Page, "build_part", recorded)


def test_home_is_built_in_parts_and_fits_once_whole_as_home_built_at_once(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell.nav.go(Route("about"))
    settle(qtbot, shell)
    seen: list[tuple[bool, bool]] = []  # after each part: still building, anything shown

    def note(page: Page) -> None:
        if isinstance(page, HomePage):
            shown = [w for w in page.inner.findChildren(QWidget) if w.isVisibleTo(page)]
            seen.append((page.building, bool(shown)))

    record_parts(monkeypatch, note)
    shell.session.toggle_language()  # Home, kept, was built for the other language: built again
    settle(qtbot, shell)
    with qtbot.waitSignal(shell.host.page_completed, timeout=5000) as done:
        shell.nav.home()
    assert done.args == [str(HOME)]
    page = shell.host.page
    assert isinstance(page, HomePage) and not page.building
    assert len(seen) >= 4, "Home is built in several parts"
    assert all(not shown for building, shown in seen if building), "nothing shown before the end"
    settle(qtbot, shell)
    laid_out()
    parts = layout_of(page)
    build = shell.stage.build

    def whole(route: Route) -> Page:
        page = build(route)
        page.build_rest()  # at once, before it is shown (as Home was built before)
        shell.stage.typeset(page)
        return page

    monkeypatch.setattr(shell.host, "factory", whole)
    shell.nav.go(Route("about"))
    settle(qtbot, shell)
    shell.host.drop_kept()
    shell.nav.home()
    settle(qtbot, shell)
    laid_out()
    again = shell.host.page
    assert isinstance(again, HomePage) and again is not page
    assert layout_of(again) == parts


def test_a_figure_wall_is_built_a_tile_a_part_and_shown_whole(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    walls: list[tuple[int, int, bool]] = []  # after each part: tiles made, figures, hidden

    def note(page: Page) -> None:
        for wall in page.findChildren(FigureWall):
            walls.append((len(wall.tiles), len(wall._figures), wall.isHidden()))

    record_parts(monkeypatch, note)
    with qtbot.waitSignal(shell.host.page_completed, timeout=5000):
        shell.nav.go(Route("beijing"))
    page = shell.host.page
    assert isinstance(page, ScrollPage) and len(page.walls) == 1
    wall = page.walls[0]
    figures = len(wall.tiles)
    assert figures > 3
    growing = [made for made, total, hidden in walls if made < total]
    assert len(growing) >= figures - 1, "a tile a part"
    assert all(hidden for made, total, hidden in walls if made < total), "hidden until whole"
    assert wall.isVisible() and wall.whole
    settle(qtbot, shell)
    laid_out()
    parts = [t.geometry() for t in wall.tiles], wall.geometry()
    shell.host.rebuild()  # built whole, at once
    settle(qtbot, shell)
    whole = shell.host.page
    assert isinstance(whole, ScrollPage) and whole is not page
    laid_out()
    assert ([t.geometry() for t in whole.walls[0].tiles], whole.walls[0].geometry()) == parts


@pytest.mark.parametrize("route", ["home", "themes", "zone", "voices", "theme/frontier"])
def test_the_page_left_is_pictured_from_the_screen_as_painted(
    qtbot: QtBot, shell: Shell, route: str
) -> None:
    target = Route("home") if route == "home" else Route(*route.split("/"))
    shell.nav.go(target)
    settle(qtbot, shell)
    qtbot.wait(50)  # the page's last paint reaches the window's backing store
    page = shell.host.page
    assert page is not None
    assert _shown_whole(page, shell)
    picture = on_screen(page).toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert picture == pixels(page)


@pytest.mark.parametrize("change", ["forward", "home"])
def test_a_transitions_frame_is_pictured_as_the_screen_shows_it(
    qtbot: QtBot, shell: Shell, change: str
) -> None:
    """A change in the middle of a transition takes the overlay's frame as the page left:
    painted from its two pictures, it is the very pixels the screen shows (a slide, a fade)."""
    shell.nav.go(Route("themes"))
    settle(qtbot, shell)
    host = shell.host
    if change == "home":
        shell.nav.home()
    else:
        shell.nav.go(Route("achievements"))
    qtbot.waitUntil(lambda: host.animation.state() == QAbstractAnimation.State.Running)
    host.animation.pause()
    host.animation.setCurrentTime(host.animation.duration() // 3)
    overlay = host.overlay
    assert overlay.motion == (0 if change == "home" else 1)
    assert 0.2 < overlay.progress < 0.9
    screen = on_screen(overlay)  # the frame still to paint flushed, then copied
    assert _shown_whole(overlay, shell), "copied from the screen, not painted"
    frame = overlay.frame().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert frame == screen.toImage().convertToFormat(QImage.Format.Format_RGB32)
    host.finish_transition()


def test_the_page_left_is_painted_when_something_covers_it(qtbot: QtBot, shell: Shell) -> None:
    shell.nav.go(Route("themes"))
    settle(qtbot, shell)
    page = shell.host.page
    assert page is not None
    cover = QWidget(shell)
    cover.setGeometry(100, 100, 200, 200)
    cover.setStyleSheet("background: red")
    cover.show()
    qtbot.wait(50)
    assert not _shown_whole(page, shell)
    assert on_screen(page).toImage().convertToFormat(QImage.Format.Format_RGB32) == pixels(page)
    cover.hide()
    shell.host.overlay.hold(page.grab())  # the transition's overlay covers it too
    assert not _shown_whole(page, shell)
    shell.host.finish_transition()


@pytest.mark.parametrize(
    "route", ["themes", "achievements", "voices", "zone", "theme/frontier", "voice/wu-hequan"]
)
def test_cards_are_built_a_row_a_part_and_laid_out_as_built_at_once(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    counts: list[int] = []  # after each part: the cards the page holds

    def note(page: Page) -> None:
        if str(page.route) == route:
            counts.append(len(page.findChildren(Card)))

    record_parts(monkeypatch, note)
    with qtbot.waitSignal(shell.host.page_completed, timeout=5000):
        shell.nav.go(Route.parse(route))
    page = shell.host.page
    assert isinstance(page, ScrollPage) and str(page.route) == route
    columns = page.ctx.columns(3)
    steps = [b - a for a, b in zip([0, *counts], counts, strict=False)]
    assert sum(steps) >= 1 and max(steps) <= columns, steps
    settle(qtbot, shell)
    laid_out()
    parts = layout_of(page)
    shell.host.rebuild()  # built whole, at once
    settle(qtbot, shell)
    whole = shell.host.page
    assert isinstance(whole, ScrollPage) and whole is not page
    laid_out()
    assert layout_of(whole) == parts


@pytest.mark.parametrize("route", ["theme/sharing", "theme/frontier"])
def test_paragraphs_come_two_a_part(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    counts: list[int] = []  # after each part: the paragraphs of body text the page holds

    def note(page: Page) -> None:
        if str(page.route) == route:
            found = page.findChildren(QLabel)
            counts.append(sum(1 for w in found if w.property("role") == "body"))

    record_parts(monkeypatch, note)
    with qtbot.waitSignal(shell.host.page_completed, timeout=5000):
        shell.nav.go(Route.parse(route))
    steps = [b - a for a, b in zip([0, *counts], counts, strict=False)]
    assert sum(steps) > 2 and max(steps) <= 2, steps
