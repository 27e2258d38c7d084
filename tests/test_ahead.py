"""A page built ahead of a visit: the one a visitor's finger is on (built while it is down), or the
next item when a visitor stays; taken by the tap as built so far, let go when not wanted."""

from __future__ import annotations

from typing import cast

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QScroller, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.navigation import HOME, Navigation, Route
from kiosk.model.routes import siblings_for
from kiosk.ui import ahead as ahead_module
from kiosk.ui.ahead import Ahead
from kiosk.ui.pages.base import Page, ScrollPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.items import ItemPage
from kiosk.ui.shell import Shell
from kiosk.ui.unfold import Unfolder
from kiosk.ui.widgets import Card
from kiosk.ui.zone import SitePlan
from tests import fingers
from tests.layouts import laid_out, layout_of


def settle(qtbot: QtBot, shell: Shell) -> None:
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=5000)


def built_now(
    qtbot: QtBot, shell: Shell, route: Route
) -> list[tuple[str, str, bool, tuple[int, int, int, int]]]:
    """The layout of *route*'s page built the usual way (nothing ahead), once whole."""
    shell.host.ahead.drop()
    shell.host.rebuild()
    settle(qtbot, shell)
    page = shell.host.page
    assert isinstance(page, ScrollPage) and page.route == route
    laid_out()
    return layout_of(page)


def count_factory(shell: Shell, monkeypatch: pytest.MonkeyPatch) -> list[Route]:
    """The routes the host's factory builds from now on (the tap's, not the ahead's)."""
    built: list[Route] = []
    factory = shell.host.factory

    def counted(route: Route) -> Page:
        built.append(route)
        return factory(route)

    monkeypatch.setattr(shell.host, "factory", counted)
    return built


def test_the_model_says_where_a_finger_leads_never_to_the_current_route(content: Content) -> None:
    nav = Navigation(siblings=siblings_for(content))
    expected: list[Route] = []
    nav.expected.connect(expected.append)
    nav.home()
    nav.go(Route("themes"))
    nav.expect(Route("themes"))  # already there
    nav.expect(Route("theme", "consensus"))
    nav.go(Route("theme", "consensus"))
    nav.expect_sibling(-1)  # the first theme has no previous one
    nav.expect_sibling(1)
    assert expected == [Route("theme", "consensus"), Route("theme", "frontier")]
    assert nav.stack[-1] == Route("theme", "consensus")  # expecting changes nothing


def test_a_card_pressed_builds_its_page_ahead_and_the_tap_shows_that_page(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = fingers.open_page(qtbot, shell, Route("themes"))
    card = page.findChildren(Card)[0]
    at = card.rect().center()
    with qtbot.waitSignal(shell.host.ahead.ready, timeout=5000) as ready:
        fingers.press(card, at)
    target = Route.parse(ready.args[0])
    ahead = shell.host.ahead.page
    assert ahead is not None and ahead.route == target and target.page == "theme"
    assert not ahead.isVisible() and not ahead.building
    parts = [w for w in ahead.inner.children() if isinstance(w, QWidget)]
    assert parts and all(w.testAttribute(Qt.WidgetAttribute.WA_WState_Polished) for w in parts)
    assert shell.nav.current == Route("themes")  # nothing happens before the finger lifts
    built = count_factory(shell, monkeypatch)
    before: list[bool] = []  # as the host shows each part: whether it was on screen already
    show = Unfolder._show

    def noted(part: list[QWidget]) -> None:
        before.append(any(w.isVisible() for w in part))
        show(part)

    monkeypatch.setattr(Unfolder, "_show", staticmethod(noted))
    fingers.release(card, at)
    settle(qtbot, shell)
    assert shell.nav.current == target and shell.host.page is ahead
    assert built == [] and shell.host.ahead.page is None
    assert before and not any(before), "each part is shown as the host unfolds it, not at once"
    laid_out()
    assert ahead.isVisible() and layout_of(ahead) == built_now(qtbot, shell, target)


def test_a_tap_takes_the_page_ahead_as_built_so_far_and_the_host_builds_the_rest(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    fingers.open_page(qtbot, shell, Route("themes"))
    target = Route("achievement", shell.session.content.achievements[0].id)
    monkeypatch.setattr(ahead_module, "SLICE_MS", 0.0)  # a part a turn
    steps: list[bool] = []  # at each part built ahead: whether the host was busy
    taken: list[Page | None] = []
    build_part = Ahead._build_part

    def noted(self: Ahead, page: Page) -> list[QWidget]:
        steps.append(shell.host.animating)
        if len(steps) == 2:  # the finger lifts on the next turn, before the next part
            QTimer.singleShot(0, lambda: (taken.append(self.page), shell.nav.go(target)))
        return build_part(self, page)

    monkeypatch.setattr(Ahead, "_build_part", noted)
    shell.nav.go(Route("achievements"))  # a transition: the host is busy
    shell.nav.expect(target)
    built = count_factory(shell, monkeypatch)
    qtbot.waitUntil(lambda: bool(taken), timeout=5000)
    page = taken[0]
    assert page is not None and page.route == target
    with qtbot.waitSignal(shell.host.page_completed, timeout=5000):
        pass
    assert shell.host.page is page and not page.building and built == []
    assert len(steps) == 2, "the host built the rest"
    assert not any(steps), "nothing is built ahead while the host is busy"
    settle(qtbot, shell)
    laid_out()
    assert isinstance(page, ScrollPage) and layout_of(page) == built_now(qtbot, shell, target)


def test_a_page_built_ahead_goes_when_not_wanted_or_built_for_another_language(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    fingers.open_page(qtbot, shell, Route("themes"))
    first, second = Route("theme", "consensus"), Route("theme", "frontier")
    ahead = shell.host.ahead
    with qtbot.waitSignal(ahead.ready, timeout=5000):
        shell.nav.expect(first)
        assert ahead.route == first and ahead.page is None, "the press's turn makes nothing"
    page = ahead.page
    assert page is not None
    with qtbot.waitSignal(page.destroyed, timeout=5000):
        shell.nav.go(Route("achievements"))  # the finger slid off and went elsewhere
    assert ahead.page is None
    settle(qtbot, shell)
    shell.nav.back()
    settle(qtbot, shell)
    with qtbot.waitSignal(ahead.ready, timeout=5000):
        shell.nav.expect(second)
    page = ahead.page
    assert page is not None and shiboken6.isValid(page)
    with qtbot.waitSignal(page.destroyed, timeout=5000):
        shell.session.toggle_language()
    settle(qtbot, shell)
    built = count_factory(shell, monkeypatch)
    shell.nav.go(second)
    assert built == [second], "built again, in the language now"


def test_the_next_item_is_built_ahead_while_a_visitor_reads_and_a_swipe_shows_it(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = fingers.open_page(qtbot, shell, Route("theme", "consensus"))
    with qtbot.waitSignal(shell.host.ahead.ready, timeout=5000) as ready:
        pass  # the visitor reads
    assert ready.args == ["theme/frontier"]
    ahead = shell.host.ahead.page
    built = count_factory(shell, monkeypatch)
    width = page.width()
    with qtbot.waitSignal(shell.host.page_changed, timeout=5000):
        fingers.drag(page, QPoint(width * 3 // 4, 500), QPoint(width // 8, 500))
    assert shell.nav.current == Route("theme", "frontier")
    assert shell.host.page is ahead and built == []


def test_the_pager_pressed_builds_the_next_item_ahead(qtbot: QtBot, shell: Shell) -> None:
    page = fingers.open_page(qtbot, shell, Route("theme", "frontier"))
    assert isinstance(page, ItemPage) and page.previous is not None
    button = page.previous
    with qtbot.waitSignal(shell.host.ahead.ready, timeout=5000) as ready:
        fingers.press(button, button.rect().center())
    assert ready.args == ["theme/consensus"]
    ahead = shell.host.ahead.page
    fingers.release(button, button.rect().center())
    settle(qtbot, shell)
    assert shell.nav.current == Route("theme", "consensus") and shell.host.page is ahead


def test_an_area_of_the_site_plan_pressed_builds_its_page_ahead(qtbot: QtBot, shell: Shell) -> None:
    page = fingers.open_page(qtbot, shell, Route("zone"))
    plan = page.findChild(SitePlan)
    assert plan is not None and plan.buttons
    button = plan.buttons[1]
    at = button.rect().center()
    with qtbot.waitSignal(shell.host.ahead.ready, timeout=5000) as ready:
        fingers.press(button, at)
    area = Route.parse(ready.args[0])
    assert area.page == "zone-area" and area.item == shell.session.content.zone.areas[1].id
    ahead = shell.host.ahead.page
    fingers.release(button, at)
    settle(qtbot, shell)
    assert shell.nav.current == area and shell.host.page is ahead


def test_nothing_is_built_ahead_for_a_page_kept_for_a_return(qtbot: QtBot, shell: Shell) -> None:
    home = fingers.open_page(qtbot, shell, HOME)
    assert isinstance(home, HomePage)
    card = home.tiles[0]
    fingers.tap(card)
    settle(qtbot, shell)
    section = shell.nav.current
    assert section != HOME
    shell.nav.home()  # the section's page is kept
    settle(qtbot, shell)
    assert section in shell.host.kept_routes
    card = cast(HomePage, shell.host.page).tiles[0]
    fingers.press(card, card.rect().center())
    assert shell.host.ahead.route is None and shell.host.ahead.page is None
    fingers.release(card, card.rect().center())
    settle(qtbot, shell)
    assert shell.nav.current == section


def whole_layout(page: Page) -> list[tuple[str, str, str, bool, tuple[int, int, int, int]]]:
    """Every label of the page, upper part in low reach included: text, role, shown, geometry."""
    found = []
    for widget in page.findChildren(QLabel):
        at = widget.mapTo(page, QPoint(0, 0))
        box = (at.x(), at.y(), widget.width(), widget.height())
        role = str(widget.property("role"))
        found.append((widget.text(), role, "", widget.isVisibleTo(page), box))
    return found


@pytest.mark.parametrize("section", ["zone", "about"])
def test_in_low_reach_a_page_built_ahead_fits_its_upper_part_as_one_built_then(
    qtbot: QtBot, shell: Shell, section: str
) -> None:
    shell.session.set_mode("low_reach", True)
    settle(qtbot, shell)
    home = fingers.open_page(qtbot, shell, HOME)
    assert isinstance(home, HomePage)
    route = Route(section)
    card: QAbstractButton | None = None
    for candidate in [home.about, *home.findChildren(Card)]:
        with qtbot.waitSignal(shell.host.ahead.ready, timeout=5000) as ready:
            fingers.press(candidate, candidate.rect().center())
        if ready.args == [section]:
            card = candidate
            break
        fingers.move(candidate, QPoint(-4000, -4000))  # slid off: no tap
        fingers.release(candidate, QPoint(-4000, -4000))
        settle(qtbot, shell)
    assert card is not None, f"no card on Home leads to {section}"
    ahead = shell.host.ahead.page
    fingers.release(card, card.rect().center())
    settle(qtbot, shell)
    assert shell.nav.current == route and shell.host.page is ahead
    laid_out()
    shown = whole_layout(ahead)
    shell.nav.home()
    settle(qtbot, shell)
    shell.host.drop_kept()
    shell.nav.go(route)  # built as a tap with no press builds it
    settle(qtbot, shell)
    again = shell.host.page
    assert again is not None and again is not ahead
    laid_out()
    other = whole_layout(again)
    assert sorted(shown) == sorted(other)


def test_going_to_a_kept_page_lets_the_page_built_ahead_go(qtbot: QtBot, shell: Shell) -> None:
    fingers.open_page(qtbot, shell, Route("theme", "consensus"))
    with qtbot.waitSignal(shell.host.ahead.ready, timeout=5000):
        pass  # the next theme, for a swipe
    page = shell.host.ahead.page
    assert page is not None
    with qtbot.waitSignal(page.destroyed, timeout=5000):
        shell.nav.home()
    assert shell.host.ahead.route is None


def test_a_drag_that_begins_on_a_card_builds_nothing_while_it_scrolls(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = fingers.open_page(qtbot, shell, Route("themes"))
    card = page.findChildren(Card)[0]
    states: list[QScroller.State] = []  # the page's scroller at each part built ahead
    build_part = Ahead._build_part
    scroller = QScroller.scroller(cast(ScrollPage, page).scroll_area.viewport())

    def noted(self: Ahead, built: Page) -> list[QWidget]:
        states.append(scroller.state())
        return build_part(self, built)

    monkeypatch.setattr(Ahead, "_build_part", noted)
    monkeypatch.setattr(ahead_module, "SLICE_MS", 0.0)  # a part a turn: still building as it drags
    start = card.rect().center()
    fingers.drag(card, start, start - QPoint(0, 400), steps=30)
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    assert shell.nav.current == Route("themes")
    moving = (QScroller.State.Dragging, QScroller.State.Scrolling)
    assert states, "built ahead once the scroll stopped"
    assert not any(state in moving for state in states), states
