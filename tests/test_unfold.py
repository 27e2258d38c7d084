"""Long pages come on screen a screenful first and unfold the rest over the next turns."""

from __future__ import annotations

from types import SimpleNamespace

import fingers
import pytest
from PySide6.QtCore import QAbstractAnimation, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Route
from kiosk.ui import unfold
from kiosk.ui.host import PageHost
from kiosk.ui.pages.base import ScrollPage
from kiosk.ui.shell import Shell
from kiosk.ui.unfold import Unfolder

THEME = Route("theme", "frontier")


def go_home(qtbot: QtBot, shell: Shell) -> None:
    fingers.tap(shell.host.page)
    qtbot.waitUntil(lambda: shell.nav.current == HOME)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)


def open_theme(qtbot: QtBot, shell: Shell) -> ScrollPage:
    go_home(qtbot, shell)
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


def test_a_long_page_is_built_a_screenful_first_and_the_rest_soon_after(
    qtbot: QtBot, shell: Shell
) -> None:
    go_home(qtbot, shell)
    with qtbot.waitSignal(shell.host.page_changed, timeout=3000) as arrived:
        shell.nav.go(THEME)
    page = shell.host.page
    assert isinstance(page, ScrollPage)
    assert arrived.args == [str(THEME)]
    shown = [w for w in parts(page) if not w.isHidden()]
    assert shown, "the first screenful is shown"
    assert page.building or any(w.isHidden() for w in parts(page)), "the rest comes later"
    assert shell.host.animating, "the page is not complete yet"
    page.column.activate()
    viewport = page.scroll_area.viewport().height()
    assert max(bottom(page, w) for w in shown) >= viewport * 0.5, "it fills the screen"
    tops = {w: w.geometry().top() for w in shown}
    with qtbot.waitSignal(shell.host.page_completed, timeout=3000) as done:
        pass
    assert done.args == [str(THEME)]
    assert not page.building
    assert len(parts(page)) > len(shown) and all(w.isVisible() for w in parts(page))
    page.column.activate()
    assert {w: w.geometry().top() for w in shown} == tops, "nothing above the fold moves"


def test_the_old_page_stays_on_screen_until_the_new_one_fills_its_first_screen(
    qtbot: QtBot, shell: Shell
) -> None:
    go_home(qtbot, shell)
    home = shell.host.page
    arrived: list[str] = []
    shell.host.page_changed.connect(arrived.append)
    shell.nav.go(Route("zone"))
    page = shell.host.page
    assert page is not None and page.route == Route("zone")
    if not arrived:  # still being built: the screen shows Home, the zone beneath it
        assert home is not None and home.isVisible()
    qtbot.waitUntil(lambda: bool(arrived), timeout=3000)
    assert arrived == ["zone"]
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert home is not None and home.isHidden()


def test_a_second_tap_or_going_back_mid_build_abandons_the_page_being_built(
    qtbot: QtBot, shell: Shell
) -> None:
    go_home(qtbot, shell)
    completed: list[str] = []
    shell.host.page_completed.connect(completed.append)
    for _ in range(3):
        shell.nav.go(Route("beijing"))
        shell.nav.go(Route("zone"))  # a tap before Beijing filled its screen, or soon after
        shell.nav.back()
        shell.nav.go(THEME)
        shell.nav.back()
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=5000)
    assert shell.nav.current == Route("beijing")
    page = shell.host.page
    assert isinstance(page, ScrollPage) and page.route == Route("beijing")
    assert not page.building and not any(w.isHidden() for w in parts(page))
    assert completed[-1] == "beijing"
    assert (
        len([w for w in shell.host.children() if isinstance(w, ScrollPage) and w.isVisible()]) == 1
    )


def test_a_page_built_in_parts_is_the_same_as_one_built_whole(qtbot: QtBot, shell: Shell) -> None:
    go_home(qtbot, shell)
    shell.nav.go(Route("zone"))
    sliced = shell.host.page
    assert isinstance(sliced, ScrollPage)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    shell.host.rebuild()  # built whole
    whole = shell.host.page
    assert isinstance(whole, ScrollPage) and whole is not sliced
    texts = [[w.text() for w in p.inner.findChildren(QLabel)] for p in (sliced, whole)]
    assert texts[0] == texts[1]


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
    # The last part is shown, and laid out at Qt's next layout request: the scroll range is
    # right from then on (read before it, the bottom was 3791 px instead of 4337).
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    position = bar.value()
    assert position > 0
    shell.nav.go(Route("themes"))
    with qtbot.waitSignal(shell.host.page_changed, timeout=3000):
        shell.nav.back()
    again = shell.host.page
    assert isinstance(again, ScrollPage) and again.route == THEME
    assert not any(w.isHidden() for w in parts(again)) and not again.building
    assert again.scroll_position() == position


def test_going_back_builds_the_page_as_far_as_its_scroll_position_first(
    qtbot: QtBot, shell: Shell
) -> None:
    page = open_theme(qtbot, shell)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    viewport = page.scroll_area.viewport().height()
    bar = page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 2 * viewport, "the page must be long enough"
    bar.setValue(viewport)
    position = bar.value()
    shell.nav.go(Route("themes"))
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    shell.nav.back()
    again = shell.host.page
    assert isinstance(again, ScrollPage) and again.route == THEME
    assert again.building, "not built whole in the tap's turn"
    with qtbot.waitSignal(shell.host.page_changed, timeout=3000):
        pass
    assert again.scroll_position() == position, "scrolled there once built that far"
    again.column.activate()
    shown = [w for w in parts(again) if not w.isHidden()]
    assert max(bottom(again, w) for w in shown) >= position + viewport, "the screen is full"
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert not any(w.isHidden() for w in parts(again))
    assert again.scroll_position() == position


def test_the_turn_that_starts_the_transition_builds_nothing_more(
    qtbot: QtBot,
    shell: Shell,
    monkeypatch: pytest.MonkeyPatch,
    turns: list[int],
) -> None:
    """Qt runs every timer due when a turn of its event loop begins: the next slice of the page,
    due then, would follow the transition's first frame in the same turn. It waits for the next
    one (the turns counted by the event dispatcher: see the ``turns`` fixture)."""
    host = shell.host
    log: list[tuple[str, int]] = []
    start, slice_ = PageHost._start_animation, Unfolder._slice

    def started(self: PageHost) -> None:
        start(self)
        if self.animation.state() == QAbstractAnimation.State.Running:
            log.append(("started", turns[0]))

    def sliced(self: Unfolder) -> None:
        log.append(("slice", turns[0]))
        slice_(self)

    monkeypatch.setattr(PageHost, "_start_animation", started)
    monkeypatch.setattr(Unfolder, "_slice", sliced)
    go_home(qtbot, shell)
    log.clear()
    shell.nav.go(THEME)
    page = shell.host.page
    assert isinstance(page, ScrollPage)
    qtbot.waitUntil(lambda: any(what == "started" for what, _ in log), timeout=3000)
    assert page.building or any(w.isHidden() for w in parts(page)), "parts are left to build"
    with qtbot.waitSignal(host.page_completed, timeout=3000):
        pass
    began = next(i for i, (what, _) in enumerate(log) if what == "started")
    after = [turn for what, turn in log[began + 1 :] if what == "slice"]
    assert after, "the rest of the page was built after the transition began"
    assert after[0] > log[began][1], "not in the turn that painted the transition's first frame"


@pytest.mark.parametrize(("cost_ms", "most"), [(4.0, 1), (2.0, 2)])
@pytest.mark.parametrize("above", [True, False], ids=["filling the first screen", "below the fold"])
def test_a_turn_stops_before_a_part_that_would_end_past_its_slice(
    qtbot: QtBot,
    shell: Shell,
    monkeypatch: pytest.MonkeyPatch,
    cost_ms: float,
    most: int,
    above: bool,
) -> None:
    """Each part shown costs *cost_ms* on a clock of the test's own: a turn, filling the first
    screen or below the fold, shows another part only while one more like the last would still
    end within the slice (5 ms). Filling the first screen once went on while the turn had not
    used up its slice: up to a part's cost past it (turns of 10-20 ms, measured)."""
    clock = [0.0]
    monkeypatch.setattr(unfold, "time", SimpleNamespace(perf_counter=lambda: clock[0]))
    shown_now: list[int] = []
    per_turn: list[int] = []
    show, slice_ = Unfolder._show, Unfolder._slice

    def showing(part: list[QWidget]) -> None:
        clock[0] += cost_ms / 1000
        shown_now.append(1)
        show(part)

    def sliced(self: Unfolder) -> None:
        shown_now.clear()
        counted = self.filling == above
        slice_(self)
        if counted and shown_now:
            per_turn.append(len(shown_now))

    monkeypatch.setattr(Unfolder, "_show", staticmethod(showing))
    monkeypatch.setattr(Unfolder, "_slice", sliced)
    go_home(qtbot, shell)
    with qtbot.waitSignal(shell.host.page_completed, timeout=5000):
        shell.nav.go(THEME)
    assert per_turn, "parts were shown"
    assert max(per_turn) == most
