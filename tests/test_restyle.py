"""A change of language or mode: a picture of the screen while the pages go and come back."""

from __future__ import annotations

import fingers
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.model.navigation import HOME, Route
from kiosk.ui.shell import Shell

THEMES = Route("themes")
THEME = Route("theme", "frontier")


def test_a_language_switch_shows_a_picture_then_the_page_built_again(
    qtbot: QtBot, shell: Shell
) -> None:
    old = fingers.open_page(qtbot, shell, THEME)
    title = old.heading.accessibleName() if old.heading else ""
    gone: list[str] = []
    old.destroyed.connect(lambda _=None: gone.append("page"))
    fingers.tap(shell.bar.language)
    assert shell.host.overlay.isVisible(), "the screen shows a picture of the page meanwhile"
    assert not shell.host.overlay.old.isNull()
    assert shell.host.animating
    with qtbot.waitSignal(shell.host.page_changed, timeout=3000) as built:
        pass
    assert built.args == [str(THEME)]
    page = shell.host.page
    assert page is not None and page is not old and page.route == THEME
    assert page.heading is not None and page.heading.accessibleName() != title
    assert shell.bar.language.accessibleName() != "", "the bar follows"
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert not shell.host.overlay.isVisible()
    qtbot.waitUntil(lambda: gone == ["page"])  # the old page is deleted


def test_the_kept_pages_go_one_a_turn_before_the_style_changes(qtbot: QtBot, shell: Shell) -> None:
    fingers.open_page(qtbot, shell, THEMES)  # Home is kept
    assert HOME in shell.host.kept_routes
    order: list[str] = []
    kept = shell.findChild(QObject, f"page:{HOME}")
    assert kept is not None
    kept.destroyed.connect(lambda _=None: order.append(f"deleted, styled: {shell.theme.flat}"))
    shell.bar.mode_toggled.emit("high_contrast", True)
    assert shell.host.kept_routes == []
    assert not shell.theme.flat, "the style changes once the old pages are gone"
    qtbot.waitUntil(lambda: shell.theme.flat, timeout=3000)
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert order == ["deleted, styled: False"]
    assert shell.host.page is not None and shell.host.page.route == THEMES


def test_a_navigation_during_the_change_applies_it_first(qtbot: QtBot, shell: Shell) -> None:
    fingers.open_page(qtbot, shell, HOME)
    shell.session.toggle_language()
    shell.session.set_mode("large_text", True)  # a second change joins the first
    shell.nav.go(THEME)
    page = shell.host.page
    assert page is not None and page.route == THEME
    assert page.ctx.lang == shell.session.lang, "built in the new language"
    assert shell.factor > shell._base_factor, "and in large text"
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert shell.host.page is page and page.isVisible()


def test_finishing_the_transition_completes_the_change(qtbot: QtBot, shell: Shell) -> None:
    fingers.open_page(qtbot, shell, THEME)
    shell.session.set_mode("high_contrast", True)
    shell.host.finish_transition()
    assert shell.theme.flat and not shell.host.animating
    page = shell.host.page
    assert page is not None and page.route == THEME and not page.building
    assert not shell.host.overlay.isVisible()


def test_the_picture_of_a_switch_is_the_screen_copied_not_painted_again(
    qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    fingers.open_page(qtbot, shell, THEMES)
    rgb = QImage.Format.Format_RGB32
    screen = shell.host.grab().toImage().convertToFormat(rgb)
    painted: list[object] = []
    host_grab = shell.host.grab
    monkeypatch.setattr(shell.host, "grab", lambda *a: painted.append(a) or host_grab(*a))
    fingers.tap(shell.bar.language)
    assert shell.host.overlay.isVisible()
    assert painted == [], "the screen is copied from the backing store, not painted again"
    picture = shell.host.overlay.old.toImage().convertToFormat(rgb)
    assert picture == screen, "the picture is what the screen showed"
    qtbot.waitSignal(shell.host.page_changed, timeout=3000).wait()


def test_a_modes_style_and_its_bar_come_on_two_turns_the_bar_held_as_it_was(
    qtbot: QtBot,
    shell: Shell,
    monkeypatch: pytest.MonkeyPatch,
    turns: list[int],
) -> None:
    """A mode's change holds the main thread half as long a turn: the style sheet on one turn,
    the bar made for it on the next; between them the screen shows the bar as it was."""
    fingers.open_page(qtbot, shell, THEMES)
    old_bar = shell.bar
    where = old_bar.geometry()

    def on_screen() -> QImage:
        """The bar's pixels in the window's backing store, every paint due done first."""
        QCoreApplication.sendPostedEvents(shell, QEvent.Type.UpdateRequest.value)
        store = shell.backingStore()
        image = store.paintDevice() if store is not None else None
        assert isinstance(image, QImage)
        return image.copy(where).convertToFormat(QImage.Format.Format_RGB32)

    before = on_screen()
    steps: list[tuple[str, int]] = []
    styled, renewed = Shell._follow_modes, Shell._follow_modes_bar
    between: list[QImage] = []

    def styling(self: Shell) -> None:
        styled(self)
        steps.append(("style", turns[0]))

    def renewing(self: Shell) -> None:
        between.append(on_screen())  # the style applied a turn ago, its paints done
        assert self.theme.flat and self.bar is old_bar, "made for the mode, not yet in place"
        renewed(self)
        steps.append(("bar", turns[0]))

    monkeypatch.setattr(Shell, "_follow_modes", styling)
    monkeypatch.setattr(Shell, "_follow_modes_bar", renewing)
    shell.bar.mode_toggled.emit("high_contrast", True)
    qtbot.waitUntil(lambda: len(steps) == 2, timeout=3000)
    (_, style_turn), (_, bar_turn) = steps
    assert bar_turn > style_turn, "on a turn of its own"
    assert between == [before], "the bar on screen as it was"
    assert shell.bar is not old_bar and shell.bar.updatesEnabled()
    qtbot.waitUntil(lambda: not shell.host.animating, timeout=3000)
    assert on_screen() != before, "the new bar is painted in the high-contrast style"
