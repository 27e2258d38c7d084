"""The kiosk shell driven as a visitor would: real touch events, keys, idle time, the PIN pad."""

from __future__ import annotations

import gc
import logging
import weakref
from collections.abc import Callable
from pathlib import Path

import fingers
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QVariantAnimation
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QCloseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.navigation import ATTRACT, HOME, Route
from kiosk.model.pin import DEFAULT_PIN, verify_pin
from kiosk.model.session import Session
from kiosk.model.settings import Settings, load_settings
from kiosk.ui.pages.base import Page, ScrollPage
from kiosk.ui.shell import Shell

SIZE = (1920, 1080)


@pytest.fixture
def shell(make_shell: Callable[..., Shell]) -> Shell:
    return make_shell()


def page(shell: Shell) -> Page:
    assert shell.host.page is not None
    return shell.host.page


def settle(qtbot: QtBot, shell: Shell) -> None:
    """Wait until no page transition is running."""
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)


def button(parent: QWidget, name: str) -> QAbstractButton:
    for candidate in parent.findChildren(QAbstractButton):
        if candidate.accessibleName() == name and candidate.isVisible():
            return candidate
    names = [b.accessibleName() for b in parent.findChildren(QAbstractButton) if b.isVisible()]
    raise AssertionError(f"no visible button {name!r} among {names}")


def open_home(qtbot: QtBot, shell: Shell) -> None:
    fingers.tap(page(shell))
    qtbot.waitUntil(lambda: shell.nav.current == HOME)
    settle(qtbot, shell)


# --- start, taps, navigation -----------------------------------------------------------------


def test_starts_in_the_attract_loop_and_a_touch_opens_home(qtbot: QtBot, shell: Shell) -> None:
    assert shell.nav.current == ATTRACT
    assert not shell.bar.isVisible()
    assert not shell.idle.enabled  # no countdown while the loop runs
    open_home(qtbot, shell)
    assert page(shell).route == HOME
    assert shell.bar.isVisible()
    assert shell.idle.enabled


def test_tapping_through_home_section_item_and_back(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    fingers.tap(button(page(shell), "论坛主题"))
    qtbot.waitUntil(lambda: shell.nav.current == Route("themes"))
    settle(qtbot, shell)
    theme = shell.session.content.theme("frontier")
    fingers.tap(button(page(shell), theme.title.zh))
    qtbot.waitUntil(lambda: shell.nav.current == Route("theme", "frontier"))
    assert page(shell).route == Route("theme", "frontier")
    fingers.tap(shell.bar.back)
    qtbot.waitUntil(lambda: shell.nav.current == Route("themes"))
    fingers.tap(shell.bar.home)
    qtbot.waitUntil(lambda: shell.nav.current == HOME)
    assert shell.nav.stack == [HOME]


def test_a_touch_shows_pressed_feedback_at_once(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    card = button(page(shell), "重要成果")
    center = card.rect().center()
    fingers.press(card, center)
    assert card.isDown(), "the card must look pressed while the finger is on it"
    fingers.release(card, center)
    qtbot.waitUntil(lambda: shell.nav.current == Route("achievements"))


def test_rapid_taps_during_transitions_leave_a_consistent_state(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    for _ in range(6):
        fingers.tap(button(page(shell), "嘉宾观点"))
        assert shell.host.animating or page(shell).route == shell.nav.current
        fingers.tap(shell.bar.back)
        fingers.tap(shell.bar.home)
    fingers.tap(button(page(shell), "数说北京"))
    assert page(shell).route == shell.nav.current == Route("beijing")
    settle(qtbot, shell)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    pages = [w for w in shell.host.findChildren(Page) if w is not shell.host.page]
    kept = [p.route.page for p in pages]
    # The voices overview is kept when it was whole as it was left (a page left half-built goes).
    assert "home" in kept and set(kept) <= {"home", "voices"}, "only Home and overviews are kept"
    assert len(kept) == len(set(kept)), "once each"
    assert not any(p.isVisible() for p in pages)


def test_home_and_overviews_are_kept_for_a_return_visit(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    home = page(shell)
    fingers.tap(button(home, "论坛主题"))
    settle(qtbot, shell)
    themes = page(shell)
    assert isinstance(themes, ScrollPage)
    themes.set_scroll_position(400)
    fingers.tap(shell.bar.back)
    settle(qtbot, shell)
    assert page(shell) is home, "Home is shown again, not built again"
    fingers.tap(button(home, "论坛主题"))
    settle(qtbot, shell)
    assert page(shell) is themes and themes.scroll_position() == 0, "from the top, as new"
    item = next(
        b
        for b in page(shell).findChildren(QAbstractButton)
        if b.isVisible()
        and b.accessibleName().startswith(shell.session.content.themes[0].title.zh[:4])
    )
    fingers.tap(item)
    settle(qtbot, shell)
    shell.session.set_language("en")
    fingers.tap(shell.bar.back)
    settle(qtbot, shell)
    assert page(shell) is not themes, "a kept page in another language is built again"
    assert page(shell).route == Route("themes")


def test_transitions_are_animated_within_200_to_350_ms(qtbot: QtBot, shell: Shell) -> None:
    assert 200 <= shell.host.animation.duration() <= 350
    open_home(qtbot, shell)
    fingers.tap(button(page(shell), "重要成果"))
    assert shell.host.animating
    with qtbot.waitSignal(shell.host.animation.finished, timeout=2000):
        pass


# --- scrolling and swiping -------------------------------------------------------------------


def _open_item(qtbot: QtBot, shell: Shell, route: Route) -> None:
    open_home(qtbot, shell)
    shell.nav.go(Route(route.page + "s") if route.page != "theme" else Route("themes"))
    shell.nav.go(route)
    settle(qtbot, shell)


def test_one_finger_drag_scrolls_kinetically(qtbot: QtBot, shell: Shell) -> None:
    _open_item(qtbot, shell, Route("theme", "frontier"))
    current = page(shell)
    assert isinstance(current, ScrollPage)
    bar = current.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0, "the page must be long enough to scroll"
    viewport = current.scroll_area.viewport()
    h = viewport.height()
    fingers.drag(viewport, QPoint(900, int(h * 0.8)), QPoint(905, int(h * 0.3)))
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    assert shell.nav.current == Route("theme", "frontier"), "a vertical drag is not a swipe"


def test_one_finger_swipe_pages_between_siblings_and_back(qtbot: QtBot, shell: Shell) -> None:
    _open_item(qtbot, shell, Route("theme", "consensus"))
    viewport = page(shell)
    fingers.drag(viewport, QPoint(1400, 500), QPoint(600, 520), steps=6)  # finger moves left
    qtbot.waitUntil(lambda: shell.nav.current == Route("theme", "frontier"))
    settle(qtbot, shell)
    fingers.drag(page(shell), QPoint(500, 500), QPoint(1300, 490), steps=6)  # finger moves right
    qtbot.waitUntil(lambda: shell.nav.current == Route("theme", "consensus"))
    settle(qtbot, shell)
    fingers.drag(page(shell), QPoint(500, 500), QPoint(1300, 490), steps=6)  # no previous: back
    qtbot.waitUntil(lambda: shell.nav.current == Route("themes"))


def test_a_swipe_over_a_card_does_not_open_it(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    card = button(page(shell), "中关村综保区")
    fingers.drag(card, QPoint(card.width() - 10, 60), QPoint(card.width() - 200, 70), steps=5)
    QApplication.processEvents()
    assert shell.nav.current == HOME


def test_text_is_never_selectable(qtbot: QtBot, shell: Shell) -> None:
    _open_item(qtbot, shell, Route("achievement", "kuafu-1"))
    labels = page(shell).findChildren(QLabel)
    assert labels
    for label in labels:
        assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert shell.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


# --- no way out ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "modifier", "name"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier, "Alt+F4"),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, "Esc"),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier, "Ctrl+Q"),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier, "Ctrl+W"),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier, "F11"),
    ],
)
def test_escape_keys_are_refused(
    qtbot: QtBot,
    shell: Shell,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
    name: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    open_home(qtbot, shell)
    with caplog.at_level(logging.INFO, "kiosk.shell"):
        QTest.keyClick(shell, key, modifier)
        QTest.keyClick(page(shell), key, modifier)
    assert shell.isVisible()
    assert shell.nav.current == HOME
    refused = [r.getMessage() for r in caplog.records if r.getMessage().startswith("refused key")]
    assert refused == [f"refused key {name}"] * 2, "logged by name"


def test_window_manager_close_is_refused_in_kiosk_mode(shell: Shell) -> None:
    event = QCloseEvent()
    QApplication.sendEvent(shell, event)
    assert not event.isAccepted()
    assert shell.isVisible()
    assert shell.close() is False


def test_windowed_mode_closes(make_shell: Callable[..., Shell]) -> None:
    shell = make_shell(kiosk_mode=False)
    assert shell.close() is True


# --- idle reset ------------------------------------------------------------------------------


def test_idle_countdown_dismissed_by_a_touch(
    qtbot: QtBot, make_shell: Callable[..., Shell]
) -> None:
    shell = make_shell(
        Settings.defaults().replace(idle_timeout=5, idle_warning=5, transition_ms=150)
    )
    shell.idle.configure(0.3, 5)  # below the settings' minimum, to keep the test short
    open_home(qtbot, shell)
    with qtbot.waitSignal(shell.idle.warn, timeout=3000):
        pass
    assert shell.idle_overlay.isVisible()
    assert "还在浏览吗" in shell.idle_overlay.title.text()
    assert "Still there?" in shell.idle_overlay.title.text()
    fingers.tap(shell.idle_overlay)
    qtbot.waitUntil(lambda: not shell.idle_overlay.isVisible())
    assert shell.nav.current == HOME, "the touch that dismisses the overlay is not a tap below it"


def test_idle_reset_returns_to_the_attract_loop_with_defaults(
    qtbot: QtBot, make_shell: Callable[..., Shell]
) -> None:
    shell = make_shell()
    shell.idle.configure(0.3, 1)
    open_home(qtbot, shell)
    fingers.tap(shell.bar.language)
    assert shell.session.lang == "en"
    shell.nav.go(Route("themes"))
    with qtbot.waitSignal(shell.idle.expired, timeout=5000):
        pass
    assert shell.nav.current == ATTRACT
    assert shell.session.lang == "zh"
    assert not shell.idle_overlay.isVisible()
    assert not shell.bar.isVisible()
    kept = lambda: [p.route for p in shell.host.findChildren(Page) if p is not shell.host.page]  # noqa: E731
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert Route("themes") not in kept(), "the last visitor's pages are gone"
    qtbot.waitUntil(lambda: kept() == [HOME], timeout=5000)  # Home, ready for the next visitor
    home = next(p for p in shell.host.findChildren(Page) if p.route == HOME)
    fingers.tap(page(shell))
    assert page(shell) is home, "the first touch opens the Home built while the loop ran"


def test_key_and_mouse_input_count_as_activity(
    qtbot: QtBot, make_shell: Callable[..., Shell]
) -> None:
    shell = make_shell()
    shell.idle.configure(60, 20)
    open_home(qtbot, shell)
    shell.idle.configure(50, 20)  # quiet time restarts: 50 s left
    shell.idle.timeout = 60  # the next input restarts it with 60 s
    QTest.keyClick(page(shell), Qt.Key.Key_A)
    assert shell.idle.quiet_left_ms > 55_000
    shell.idle.configure(50, 20)
    shell.idle.timeout = 60
    QTest.mouseMove(page(shell), QPoint(10, 10))
    QTest.mouseClick(page(shell), Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert shell.idle.quiet_left_ms > 55_000


# --- admin -----------------------------------------------------------------------------------


def corner_taps(shell: Shell, count: int = 5) -> None:
    for _ in range(count):
        fingers.tap(shell, QPoint(30, 30))


def enter_pin(shell: Shell, pin: str) -> None:
    pad = shell.admin_control.pin_pad
    assert pad is not None
    for digit in pin:
        fingers.tap(pad.keys[digit])
    fingers.tap(pad.keys["ok"])


def test_five_taps_in_the_corner_open_the_pin_pad(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    corner_taps(shell, 4)
    assert shell.admin_control.pin_pad is None
    corner_taps(shell, 1)
    assert shell.admin_control.pin_pad is not None and shell.admin_control.pin_pad.isVisible()
    fingers.tap(shell.admin_control.pin_pad.keys["cancel"])
    assert shell.admin_control.pin_pad is None


def test_wrong_pins_lock_the_pad(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    corner_taps(shell)
    for _ in range(4):
        enter_pin(shell, "9999")
        assert shell.admin_control.menu is None
    assert shell.admin_control.pin_pad is not None
    assert "1" in shell.admin_control.pin_pad.message.text()  # one try left
    enter_pin(shell, "9999")
    assert shell.admin_control.staff.guard.locked_for() > 55
    enter_pin(shell, DEFAULT_PIN)  # right PIN, but locked
    assert shell.admin_control.menu is None
    assert (
        "60" in shell.admin_control.pin_pad.message.text()
        or "59" in shell.admin_control.pin_pad.message.text()
    )


def test_first_login_forces_a_new_pin_then_exit(
    qtbot: QtBot, make_shell: Callable[..., Shell], tmp_path: Path
) -> None:
    config = tmp_path / "settings.toml"
    shell = make_shell(settings_path=config)
    open_home(qtbot, shell)
    corner_taps(shell)
    enter_pin(shell, DEFAULT_PIN)
    assert shell.admin_control.menu is not None and shell.admin_control.menu.isVisible()
    assert shell.admin_control.pin_pad is not None, "the first-run PIN must be replaced at once"
    enter_pin(shell, "4821")
    enter_pin(shell, "4821")
    assert shell.admin_control.pin_pad is None
    saved, problems = load_settings(config)
    assert problems == []
    assert verify_pin("4821", saved.pin_hash)
    assert not verify_pin(DEFAULT_PIN, saved.pin_hash)
    with qtbot.waitSignal(shell.admin_control.menu.exit_requested, timeout=1000):
        fingers.tap(shell.admin_control.menu.exit_button)
    assert not shell.isVisible()


def test_admin_sets_the_idle_time(
    qtbot: QtBot, make_shell: Callable[..., Shell], tmp_path: Path
) -> None:
    config = tmp_path / "settings.toml"
    from kiosk.model.pin import hash_pin

    settings = Settings.defaults().replace(pin_hash=hash_pin("4821"))
    shell = make_shell(settings, settings_path=config)
    open_home(qtbot, shell)
    corner_taps(shell)
    enter_pin(shell, "4821")
    assert shell.admin_control.menu is not None and shell.admin_control.pin_pad is None
    fingers.tap(shell.admin_control.menu.more)
    assert shell.session.settings.idle_timeout == 90
    assert load_settings(config)[0].idle_timeout == 90
    assert shell.idle.timeout == 90
    fingers.tap(shell.admin_control.menu.close_button)
    assert shell.admin_control.menu is None


# --- accessibility ---------------------------------------------------------------------------


def test_controls_are_accessible_buttons_with_a_press_action(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    card = button(page(shell), "重要成果")
    iface = QAccessible.queryAccessibleInterface(card)
    assert iface is not None
    assert iface.role() == QAccessible.Role.Button
    assert iface.text(QAccessible.Text.Name) == "重要成果"
    action = iface.actionInterface()
    assert action is not None and QAccessibleActionInterface.pressAction() in action.actionNames()
    action.doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: shell.nav.current == Route("achievements"))
    for control in (shell.bar.home, shell.bar.back, shell.bar.language):
        assert QAccessible.queryAccessibleInterface(control).text(QAccessible.Text.Name)


def test_accessible_names_follow_the_language(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    fingers.tap(shell.bar.language)
    assert shell.bar.home.accessibleName() == "Home"
    settle(qtbot, shell)  # Home is built again, in parts
    assert button(page(shell), "Achievements")
    fingers.tap(shell.bar.language)
    assert shell.bar.home.accessibleName() == "首页"


def test_tap_targets_are_large_and_apart(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    buttons = [b for b in shell.findChildren(QAbstractButton) if b.isVisible()]
    rects = [(b, b.rect().translated(b.mapTo(shell, QPoint(0, 0)))) for b in buttons]
    for b, rect in rects:
        assert rect.width() >= 72 and rect.height() >= 72, b.accessibleName()
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            gap = ra.adjusted(-12, -12, 12, 12)
            assert not gap.intersects(rb), (a.accessibleName(), b.accessibleName())


def test_a_page_change_is_split_over_turns_of_the_event_loop(qtbot: QtBot, shell: Shell) -> None:
    open_home(qtbot, shell)
    host = shell.host
    home = page(shell)
    shell.nav.go(Route("themes"))
    assert page(shell).route == Route("themes"), "the new page is live at once"
    assert host.animating and not host.overlay.old.isNull(), "the page before is pictured"
    assert host.overlay.new.isNull()
    assert home.isVisible(), "it shows itself and keeps the focus until the new one is built"
    assert host.animation.state() != QVariantAnimation.State.Running, "built on later turns"
    qtbot.waitUntil(lambda: host.animation.state() == QVariantAnimation.State.Running)
    assert host.overlay.isVisible() and not home.isVisible()
    assert not host.overlay.old.isNull() and not host.overlay.new.isNull()
    qtbot.waitUntil(lambda: not host.animating)
    assert not host.overlay.isVisible()
    shell.nav.back()
    shell.nav.go(Route("voices"))  # before the next turn: it slides on from the same picture
    assert host.overlay.isVisible() and not host.overlay.old.isNull()
    on_screen = host.overlay.old
    assert host.animation.state() != QVariantAnimation.State.Running
    shell.nav.go(Route("achievements"))
    assert host.overlay.old is on_screen
    qtbot.waitUntil(lambda: host.animation.state() == QVariantAnimation.State.Running)
    assert not host.overlay.new.isNull()
    qtbot.waitUntil(lambda: not host.animating)
    assert page(shell).route == Route("achievements") and not host.overlay.isVisible()


def test_rebuilding_the_bar_leaves_no_python_objects_behind(qtbot: QtBot, shell: Shell) -> None:
    def weakrefs() -> int:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, weakref.ReferenceType))

    for _ in range(2):  # first-time caches
        shell.session.set_mode("large_text", True)
        shell.session.set_mode("large_text", False)
    before = weakrefs()
    for _ in range(20):  # every toggle builds a new bar
        shell.session.set_mode("large_text", True)
        shell.session.set_mode("large_text", False)
    assert weakrefs() - before < 5


def test_visitor_sessions_leave_no_python_objects_behind(qtbot: QtBot, shell: Shell) -> None:
    def weakrefs() -> int:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, weakref.ReferenceType))

    def session() -> None:
        fingers.tap(page(shell))  # the attract loop: Home
        settle(qtbot, shell)
        shell.nav.go(Route("themes"))
        settle(qtbot, shell)
        shell.reset()  # the visitor leaves
        settle(qtbot, shell)
        qtbot.waitUntil(lambda: shell.host.kept_routes != [], timeout=5000)  # Home for the next one

    session()
    before = weakrefs()
    for _ in range(6):
        session()
    assert weakrefs() - before < 3


@pytest.mark.parametrize("made_with_flags", [True, False])
def test_a_full_screen_shell_is_made_with_its_window_flags(
    qtbot: QtBot, qapp: QApplication, content: Content, made_with_flags: bool
) -> None:
    """Flags set on a window that has its widgets go through all of them (2-3 ms of the first
    frame): the kiosk's shell is made with them, and showing it full screen sets none."""
    from kiosk.app import FULL_SCREEN_FLAGS, present

    flags = Qt.WindowType.Window | FULL_SCREEN_FLAGS if made_with_flags else Qt.WindowType.Widget
    shell = Shell(Session(content, Settings.defaults()), flags=flags)
    qtbot.addWidget(shell)
    changes: list[QEvent.Type] = []
    watch = EventTypes(changes, {QEvent.Type.ParentAboutToChange, QEvent.Type.ParentChange})
    shell.installEventFilter(watch)
    present(qapp, shell, 0, windowed=False, size=None)
    try:
        assert shell.windowFlags() & FULL_SCREEN_FLAGS == FULL_SCREEN_FLAGS
        assert shell.isFullScreen()
        assert (changes == []) is made_with_flags, changes
    finally:
        qapp.restoreOverrideCursor()
        shell.allow_close()


class EventTypes(QObject):
    """Notes the events of *types* its watched object gets."""

    def __init__(self, seen: list[QEvent.Type], types: set[QEvent.Type]):
        super().__init__()
        self.seen, self.types = seen, types

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in self.types:
            self.seen.append(event.type())
        return False
