"""The Qt-free navigation model, and the routes of the content as the pages lead to them."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.navigation import ATTRACT, HOME, Change, Navigation, Route
from kiosk.model.routes import OVERVIEWS, SECTIONS, all_routes, siblings_for
from kiosk.ui.pages.base import PageContext
from kiosk.ui.pages.factory import build_page
from kiosk.ui.tokens import THEME


def test_starts_in_the_attract_loop_and_a_touch_goes_home() -> None:
    nav = Navigation()
    changes: list[Change] = []
    nav.changed.connect(changes.append)
    assert nav.current == ATTRACT and nav.attracting
    nav.home()
    assert nav.stack == [HOME]
    assert changes[-1].direction == "home"


def test_go_back_home_and_reset() -> None:
    nav = Navigation()
    nav.go(Route("themes"))  # from the attract loop, Home goes under it
    assert nav.stack == [HOME, Route("themes")]
    nav.go(Route("theme", "frontier"))
    nav.go(Route("theme", "frontier"))  # the same route twice is one step
    assert len(nav.stack) == 3
    nav.back()
    assert nav.current == Route("themes")
    nav.back()
    nav.back()  # at Home, Back does nothing
    assert nav.stack == [HOME]
    nav.go(Route("voices"))
    nav.home()
    assert nav.stack == [HOME]
    nav.reset()
    assert nav.stack == [ATTRACT]


def test_siblings_page_within_their_group(content: Content) -> None:
    nav = Navigation(siblings=siblings_for(content))
    nav.home()
    nav.go(Route("themes"))
    nav.go(Route("theme", "consensus"))
    assert nav.sibling(-1) is False  # the first theme has no previous one
    assert nav.sibling(1) is True
    assert nav.current == Route("theme", "frontier")
    assert len(nav.stack) == 3  # a swipe replaces, it does not stack up
    nav.go(Route("voices"))
    assert nav.sibling(1) is False  # a section page has no siblings


class _Taps(Navigation):
    """A navigation that only notes where a tap leads."""

    def __init__(self) -> None:
        super().__init__()
        self.led_to: list[Route] = []

    def go(self, route: Route) -> None:
        self.led_to.append(route)


def _one_tap_from(qtbot: QtBot, content: Content, route: Route) -> set[Route]:
    """The routes a tap on some button of *route*'s page leads to."""
    taps = _Taps()
    parent = QWidget()
    qtbot.addWidget(parent)
    context = PageContext(content, "en", 0.5, taps, THEME.still())
    page = build_page(context, route, parent=parent)
    assert page.route == route, f"{route} is not built"
    for button in page.findChildren(QAbstractButton):
        button.click()
    return set(taps.led_to)


def test_every_screen_is_at_most_two_taps_from_home(qtbot: QtBot, content: Content) -> None:
    """Tap every button of Home, then every button of the screens they open: that reaches every
    screen of the kiosk (a section page that loses an item's card fails here)."""
    first = _one_tap_from(qtbot, content, HOME)
    assert {Route(s) for s in SECTIONS} | {Route(o) for o in OVERVIEWS} <= first
    reached = set(first)
    for route in first:
        reached |= _one_tap_from(qtbot, content, route)
    routes = all_routes(content)
    assert len(routes) == len(set(routes))
    unreached = [str(r) for r in routes if r not in reached and r not in (ATTRACT, HOME)]
    assert unreached == []


def test_routes_read_and_print_as_paths() -> None:
    assert Route.parse("theme/frontier") == Route("theme", "frontier")
    assert str(Route("theme", "frontier")) == "theme/frontier"


def test_a_listener_that_raises_is_reported_and_the_others_still_hear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As with Qt's signals: the exception goes to sys.excepthook and never unwinds into the
    code that emitted (a Qt event handler, where unwinding crashed the next paint)."""
    from kiosk.model.events import Emitter

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: reported.append(error))
    emitter: Emitter[int] = Emitter()
    heard: list[int] = []

    def broken(value: int) -> None:
        raise RuntimeError(f"cannot take {value}")

    emitter.connect(broken)
    emitter.connect(heard.append)
    emitter.emit(3)
    assert heard == [3]
    assert [str(error) for error in reported] == ["cannot take 3"]
