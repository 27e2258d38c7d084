"""The kiosk without touch: keys (a keypad, a switch) and what assistive technology is told.

Every key here is a real key event sent to the focused widget; roles, names and focus are read
through Qt's accessibility interfaces, queried again after every page change.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import ATTRACT, HOME, Route
from kiosk.model.pages import Role, with_role
from kiosk.model.settings import Settings
from kiosk.ui.idle import IdleController
from kiosk.ui.pages.base import Page
from kiosk.ui.shell import Shell
from kiosk.ui.strings import ui
from kiosk.ui.tokens import DEFAULT, HIGH_CONTRAST, contrast
from kiosk.ui.typeset import plain


@pytest.fixture
def shell(make_shell: Callable[..., Shell], qtbot: QtBot) -> Shell:
    shell = make_shell()
    shell.activateWindow()
    qtbot.waitActive(shell)
    return shell


def page(shell: Shell) -> Page:
    assert shell.host.page is not None
    return shell.host.page


def focused(shell: Shell) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something has the focus"
    return widget


def press(qtbot: QtBot, shell: Shell, key: Qt.Key) -> None:
    """A key pressed on whatever has the focus, then the transition let finish."""
    target = QApplication.focusWidget() or shell
    QTest.keyClick(target, key)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)


def tab_to(qtbot: QtBot, shell: Shell, name: str, key: Qt.Key = Qt.Key.Key_Tab) -> QWidget:
    """Press *key* until the control named *name* has the focus."""
    seen = []
    for _ in range(80):
        widget = focused(shell)
        if widget.accessibleName() == name:
            return widget
        seen.append(widget.accessibleName())
        press(qtbot, shell, key)
    raise AssertionError(f"{name!r} never took the focus; went through {seen}")


def role(widget: QWidget) -> QAccessible.Role:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.role()


def name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return str(iface.text(QAccessible.Text.Name))


def arrive(qtbot: QtBot, shell: Shell, route: Route) -> None:
    qtbot.waitUntil(lambda: shell.nav.current == route, timeout=3000)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    heading = page(shell).heading
    assert heading is not None and heading.hasFocus(), f"{route}: the focus is on the heading"


def test_a_keypad_reaches_every_screen_and_comes_home(qtbot: QtBot, shell: Shell) -> None:
    assert shell.nav.current == ATTRACT
    start = page(shell).heading
    assert start is not None and start.hasFocus()
    press(qtbot, shell, Qt.Key.Key_Down)  # any key leaves the attract loop
    arrive(qtbot, shell, HOME)
    assert role(focused(shell)) == QAccessible.Role.Heading
    for section in with_role(Role.SECTION):
        title = ui(section.title, "zh")
        card = tab_to(qtbot, shell, title)
        where = card.rect().translated(card.mapTo(shell, QPoint()))
        assert shell.keys.ring.ring_rect().contains(where), "the ring is around it, in view"
        press(qtbot, shell, Qt.Key.Key_Return)
        arrive(qtbot, shell, Route(section.kind))
        assert name(focused(shell))
        press(qtbot, shell, Qt.Key.Key_Backspace)
        arrive(qtbot, shell, HOME)
    # Home → the themes → the first theme → Next → Back → Home
    tab_to(qtbot, shell, ui("section.themes", "zh"))
    press(qtbot, shell, Qt.Key.Key_Space)
    arrive(qtbot, shell, Route("themes"))
    first = sorted(shell.session.content.themes, key=lambda t: t.number)
    tab_to(qtbot, shell, first[0].title.zh, Qt.Key.Key_Right)
    press(qtbot, shell, Qt.Key.Key_Enter)
    arrive(qtbot, shell, Route("theme", first[0].id))
    item = page(shell)
    assert item.next is not None and item.previous is not None  # type: ignore[attr-defined]
    assert not item.previous.isEnabled()  # type: ignore[attr-defined]
    tab_to(qtbot, shell, ui("item.next", "zh"), Qt.Key.Key_Up)  # backwards: it is at the top
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, Route("theme", first[1].id))
    press(qtbot, shell, Qt.Key.Key_Backspace)
    arrive(qtbot, shell, Route("themes"))
    press(qtbot, shell, Qt.Key.Key_Home)
    arrive(qtbot, shell, HOME)


def test_down_reads_through_text_before_the_next_control(qtbot: QtBot, shell: Shell) -> None:
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, HOME)
    shell.nav.go(Route("zone"))
    arrive(qtbot, shell, Route("zone"))
    area = page(shell).scroll_area  # type: ignore[attr-defined]
    bar = area.verticalScrollBar()
    heading = focused(shell)
    positions = [bar.value()]
    for _ in range(40):
        press(qtbot, shell, Qt.Key.Key_Down)
        positions.append(bar.value())
        if bar.value() >= bar.maximum():
            break
    assert positions == sorted(positions) and positions[-1] > positions[0], "it scrolled down"
    assert positions[-1] == bar.maximum(), "Down reaches the end of the page"
    assert focused(shell) is not heading, "and moved through the controls on the way"
    press(qtbot, shell, Qt.Key.Key_Down)  # at the end: on to the next control, the bar's Home
    assert focused(shell) is shell.bar.home
    assert bar.value() == bar.maximum()


def test_the_bar_takes_the_focus_and_keys_switch_the_language(qtbot: QtBot, shell: Shell) -> None:
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, HOME)
    language = tab_to(qtbot, shell, ui("language.name", "zh"), Qt.Key.Key_Backtab)
    assert language is shell.bar.language
    press(qtbot, shell, Qt.Key.Key_Return)
    assert shell.session.lang == "en"
    assert shell.bar.language.hasFocus(), "the page is built again; the focus stays put"


def test_kiosk_mode_still_refuses_esc_and_alt_f4(qtbot: QtBot, shell: Shell) -> None:
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, HOME)
    shell.nav.go(Route("themes"))
    arrive(qtbot, shell, Route("themes"))
    QTest.keyClick(focused(shell), Qt.Key.Key_Escape)
    QTest.keyClick(focused(shell), Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert shell.isVisible() and shell.nav.current == Route("themes")


def test_windowed_esc_goes_back(qtbot: QtBot, make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(kiosk_mode=False)
    shell.activateWindow()
    qtbot.waitActive(shell)
    press(qtbot, shell, Qt.Key.Key_Space)
    shell.nav.go(Route("voices"))
    arrive(qtbot, shell, Route("voices"))
    press(qtbot, shell, Qt.Key.Key_Escape)
    arrive(qtbot, shell, HOME)


def test_screen_reader_semantics(qtbot: QtBot, shell: Shell) -> None:
    window = QAccessible.queryAccessibleInterface(shell)
    assert window is not None and window.role() == QAccessible.Role.Window
    assert window.text(QAccessible.Text.Name) == shell.windowTitle()
    start = page(shell).heading
    assert start is not None
    iface = QAccessible.queryAccessibleInterface(start)
    assert iface.role() == QAccessible.Role.Button and iface.text(QAccessible.Text.Name)
    with qtbot.waitSignal(shell.keys.announced, timeout=3000) as announced:
        iface.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    arrive(qtbot, shell, HOME)
    # The attract page is gone: its interface's wrapper must not outlive it (a new widget at
    # the same address would be handed that stale wrapper).
    del iface, start
    assert announced.args == [plain(page(shell).heading.text())]  # type: ignore[union-attr]
    shell.nav.go(Route("achievement", "kuafu-1"))
    arrive(qtbot, shell, Route("achievement", "kuafu-1"))
    heading = QAccessible.queryAccessibleInterface(focused(shell))
    assert heading.role() == QAccessible.Role.Heading and heading.text(QAccessible.Text.Name)
    # Decorative icons are not in the tree: every image the tree holds has a name.
    todo = [QAccessible.queryAccessibleInterface(page(shell))]
    while todo:
        node = todo.pop()
        assert node.role() != QAccessible.Role.Graphic or node.text(QAccessible.Text.Name)
        todo.extend(node.child(i) for i in range(node.childCount()))


def test_the_still_there_overlay_is_an_alert_answered_by_a_key(
    qtbot: QtBot, make_shell: Callable[..., Shell]
) -> None:
    shell = make_shell(Settings.defaults().replace(transition_ms=150))
    shell.activateWindow()
    qtbot.waitActive(shell)
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, HOME)
    card = tab_to(qtbot, shell, ui("section.voices", "zh"))
    shell.idle.configure(0.3, 5)
    with qtbot.waitSignal(shell.idle.warn, timeout=3000):
        pass
    overlay = shell.idle_overlay
    assert role(overlay) == QAccessible.Role.AlertMessage
    assert overlay.go_on.hasFocus()
    assert name(overlay.go_on) == "继续浏览 / Continue"
    press(qtbot, shell, Qt.Key.Key_Return)
    assert not overlay.isVisible()
    assert shell.nav.current == HOME, "the key answered the question, it pressed nothing else"
    assert card.hasFocus(), "the focus is back where it was"
    assert shell.idle.more_time == 2
    with qtbot.waitSignal(shell.idle.warn, timeout=3000):
        pass
    iface = QAccessible.queryAccessibleInterface(overlay.go_on)  # an AT-SPI press answers too
    iface.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: not overlay.isVisible())
    assert shell.idle.more_time == 4


def test_a_visitor_can_extend_the_time_tenfold(qtbot: QtBot) -> None:
    idle = IdleController(0.05, 5)
    idle.set_enabled(True)
    times = []
    for _ in range(5):
        with qtbot.waitSignal(idle.warn, timeout=3000):
            pass
        idle.activity()
        times.append(idle.more_time)
    assert times == [2, 4, 8, 10, 10]
    assert idle.quiet_left_ms > 400  # 10 × 50 ms
    idle.set_enabled(False)  # the idle reset: the next visitor starts with the setting
    assert idle.more_time == 1
    idle.deleteLater()


def test_assistive_technology_presses_count_as_activity(qtbot: QtBot, shell: Shell) -> None:
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, HOME)
    shell.nav.go(Route("beijing"))
    arrive(qtbot, shell, Route("beijing"))
    tile = page(shell).walls[0].tiles[0]  # type: ignore[attr-defined]
    shell.idle.configure(50, 20)
    shell.idle.timeout = 60  # the next activity restarts the quiet time with 60 s
    iface = QAccessible.queryAccessibleInterface(tile)
    iface.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: tile.showing_source)
    assert shell.idle.quiet_left_ms > 55_000
    assert iface.text(QAccessible.Text.Description).startswith("已翻面")


@pytest.mark.parametrize(
    "modes", [{}, {"high_contrast": True}, {"large_text": True}], ids=["normal", "hc", "large"]
)
def test_the_focus_ring_is_plain_in_every_mode(
    qtbot: QtBot, shell: Shell, modes: dict[str, bool]
) -> None:
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, HOME)
    for mode, on in modes.items():
        shell.session.set_mode(mode, on)
    qtbot.waitUntil(lambda: shell.host.page is not None and shell.host.page.heading is not None)
    press(qtbot, shell, Qt.Key.Key_Tab)
    ring = shell.keys.ring
    assert ring.isVisible() and not ring.ring_rect().isEmpty()
    width, _gap = ring._widths()
    assert width >= 3
    palette = shell.theme.palette
    for surface in ("background", "background_deep", "surface", "surface_raised", "primary"):
        if modes.get("high_contrast") and surface == "primary":
            continue  # a yellow button: the ring is outside its dark halo
        assert contrast(palette.focus, getattr(palette, surface)) >= 3, surface
    fingers_free = QPoint(5, 5)
    QTest.mousePress(page(shell), Qt.MouseButton.LeftButton, pos=fingers_free)
    QTest.mouseRelease(page(shell), Qt.MouseButton.LeftButton, pos=fingers_free)
    assert not ring.isVisible(), "a touch hides the ring again"


def test_focus_colours_pass_against_the_halo() -> None:
    for palette in (DEFAULT, HIGH_CONTRAST):
        assert contrast(palette.focus, palette.background_deep) >= 3


def test_a_voice_page_heading_says_whose_words(qtbot: QtBot, shell: Shell) -> None:
    press(qtbot, shell, Qt.Key.Key_Return)
    arrive(qtbot, shell, HOME)
    voice = shell.session.content.voices[0]
    with qtbot.waitSignal(shell.keys.announced, timeout=3000) as announced:
        shell.nav.go(Route("voice", voice.id))
    arrive(qtbot, shell, Route("voice", voice.id))
    heading = focused(shell)
    assert role(heading) == QAccessible.Role.Heading
    assert plain(heading.text()) in name(heading)  # type: ignore[attr-defined]
    assert voice.name.zh.replace(" ", "")[:2] in name(heading).replace(" ", "")
    assert announced.args == [name(heading)]
