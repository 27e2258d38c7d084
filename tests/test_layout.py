"""Every screen at every size: controls large enough, inside the window, apart; no text cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.commands.fit import screen_problems
from kiosk.content import Content, Lang
from kiosk.model.navigation import Route
from kiosk.model.routes import all_routes
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.pages.base import ScrollPage
from kiosk.ui.shell import Shell

SIZES = [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)]


def routes_for(content: Content, size: tuple[int, int]) -> list[Route]:
    routes = [r for r in all_routes(content) if r.page != "attract"]
    if size in ((1920, 1080), (1080, 1920)):
        return routes
    one_each: dict[str, Route] = {}
    for route in routes:  # the other sizes: one screen of each kind
        one_each.setdefault(route.page, route)
    return list(one_each.values())


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_is_laid_out_cleanly(
    qtbot: QtBot,
    content: Content,
    lang: Lang,
    size: tuple[int, int],
) -> None:
    settings = Settings.defaults().replace(language=lang)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    qtbot.waitExposed(shell)
    qtbot.waitUntil(lambda: shell.ready)  # touch and keys watched from here on
    problems = []
    for route in routes_for(content, size):
        shell.nav.show(route)
        shell.host.finish_transition()
        QApplication.processEvents()
        problems += [f"{route}: {p}" for p in screen_problems(shell)]
    assert not problems, f"{len(problems)} layout problems:\n" + "\n".join(problems[:60])


@pytest.mark.parametrize("mode", ["large_text", "low_reach"])
def test_modes_keep_every_screen_clean(qtbot: QtBot, content: Content, mode: str) -> None:
    settings = Settings.defaults().replace(language="en")
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    shell.nav.home()
    shell.session.set_mode(mode, True)
    problems = []
    for route in routes_for(content, (3840, 2160)):  # one screen of each kind
        shell.nav.show(route)
        shell.host.finish_transition()
        QApplication.processEvents()
        problems += [f"{route}: {p}" for p in screen_problems(shell)]
    assert not problems, "\n".join(problems[:40])


def test_the_checks_catch_cut_text(qtbot: QtBot) -> None:
    """The label check is not vacuous: a squeezed label is reported."""
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("很长的一段文字 " * 20, box)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 200, 30)
    box.show()
    assert label.heightForWidth(label.width()) > label.height() + 1


def test_the_checks_catch_a_squeezed_column(qtbot: QtBot, shell: Shell) -> None:
    """A scrolling column lower than its content (Qt squeezes a figure wall, clipping its
    tiles) is reported."""
    shell.nav.show(Route("about"))
    shell.host.finish_transition()
    QApplication.processEvents()
    assert screen_problems(shell) == []
    page = shell.host.page
    assert isinstance(page, ScrollPage)
    page.inner.setFixedHeight(page.inner.height() // 2)
    assert "column lower than its content, a part of it clipped: about" in screen_problems(shell)
