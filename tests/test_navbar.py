"""The bar fits every screen: no label cut, in large text on a narrow portrait screen either."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Lang
from kiosk.model.navigation import Route
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.navbar import whole_words
from kiosk.ui.shell import Shell

SIZES = [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)]


def cut_labels(shell: Shell) -> list[str]:
    """The bar's buttons whose label and icon do not fit the button."""
    cut = []
    for button in shell.bar.findChildren(QPushButton):
        if button.isVisible() and button.sizeHint().width() > button.width() + 1:
            cut.append(
                f"{button.accessibleName()!r}: {button.width()} < {button.sizeHint().width()}"
            )
    return cut


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large_text"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_bar_label_is_cut(
    qtbot: QtBot, content: Content, lang: Lang, large: bool, size: tuple[int, int]
) -> None:
    shell = Shell(Session(content, Settings.defaults().replace(language=lang)), kiosk_mode=False)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    shell.nav.show(Route("themes"))
    shell.session.set_mode("large_text", large)
    shell.host.finish_transition()
    qtbot.waitUntil(lambda: shell.bar.width() == shell.width())  # the new bar is laid out
    QApplication.processEvents()
    assert cut_labels(shell) == []
    names = [b.accessibleName() for b in shell.bar.findChildren(QPushButton)]
    assert all(names), "every button keeps its name, with or without its label"
    home = shell.bar.home
    if size == (1920, 1080):
        assert home.text(), "a wide screen shows the labels"


def test_a_narrow_large_bar_shows_icons_alone(qtbot: QtBot, content: Content) -> None:
    shell = Shell(Session(content, Settings.defaults().replace(language="en")), kiosk_mode=False)
    qtbot.addWidget(shell)
    shell.resize(1080, 1920)
    shell.show()
    shell.nav.show(Route("themes"))  # the bar is hidden on the attract loop
    with qtbot.waitSignal(shell.host.page_changed):  # the page built again: the new bar is made
        shell.session.set_mode("large_text", True)
    qtbot.waitUntil(lambda: shell.bar.width() == shell.width())  # the new bar is laid out
    assert shell.bar.home.text() == "" and shell.bar.home.accessibleName() == "Home"
    with qtbot.waitSignal(shell.host.page_changed):
        shell.session.set_mode("large_text", False)
    qtbot.waitUntil(lambda: shell.bar.width() == shell.width())
    assert shell.bar.home.text() == "Home", "the labels come back where they fit"


def test_where_is_shortened_at_a_word_end() -> None:
    assert whole_words("Forum themes", "Forum th…") == "Forum…"
    assert whole_words("Beijing in figures", "Beijing in …") == "Beijing in…"
    assert whole_words("Achievements", "Achievem…") == ""
    assert whole_words("重要成果和论坛", "重要成果…") == "重要成果……"  # Chinese: two marks


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_portrait_bar_names_the_section_whole(qtbot: QtBot, content: Content, lang: Lang) -> None:
    """On a portrait screen the buttons give up their labels and stand closer: the section's
    name fits whole (it was cut, "About the…", or left out in Chinese)."""
    shell = Shell(Session(content, Settings.defaults().replace(language=lang)), kiosk_mode=False)
    qtbot.addWidget(shell)
    shell.resize(1080, 1920)
    shell.show()
    for route in ("about", "beijing", "themes", "voices", "achievements", "zone"):
        shell.nav.show(Route(route))
        shell.host.finish_transition()
        where = shell.bar.where
        qtbot.waitUntil(lambda w=where: bool(w.accessibleName()) and w.text() == w.accessibleName())
    assert shell.bar.language.text(), "the language keeps its label"
    assert cut_labels(shell) == []
