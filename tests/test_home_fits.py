"""Home shows its five section tiles on the first screen in every mode, size and language; low
reach keeps them in the lower part of the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Lang
from kiosk.model.navigation import HOME
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.pages.home import REACH_TOP, HomePage, tile_rows
from kiosk.ui.shell import Shell

SIZES = [(1920, 1080), (1366, 768), (1080, 1920), (3840, 2160)]
MODES = ["normal", "large_text", "high_contrast", "low_reach"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_home_fits_the_first_screen(
    qtbot: QtBot, content: Content, size: tuple[int, int], mode: str
) -> None:
    problems: list[str] = []
    for lang in ("zh", "en"):
        problems += [f"{lang}: {p}" for p in _home_problems(qtbot, content, size, mode, lang)]
    assert not problems, "\n".join(problems)


def _home_problems(
    qtbot: QtBot, content: Content, size: tuple[int, int], mode: str, lang: Lang
) -> list[str]:
    settings = Settings.defaults().replace(language=lang, transition_ms=150)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    qtbot.waitExposed(shell)
    if mode != "normal":
        shell.session.set_mode(mode, True)
    shell.nav.show(HOME)
    shell.host.finish_transition()
    QApplication.processEvents()
    page = shell.host.page
    assert isinstance(page, HomePage)
    problems = []
    viewport = page.scroll_area.viewport()
    if page.inner.height() > viewport.height():
        problems.append(f"scrolls by {page.inner.height() - viewport.height()} px")
    area = QRect(viewport.mapTo(shell, QPoint(0, 0)), viewport.size())
    assert len(page.tiles) == 5
    for tile in page.tiles:
        rect = QRect(tile.mapTo(shell, QPoint(0, 0)), tile.size())
        if not tile.isVisibleTo(shell) or not area.contains(rect):
            problems.append(f"tile {tile.title!r} not fully on screen: {rect} in {area}")
        if mode == "low_reach" and rect.top() < REACH_TOP * shell.height():
            problems.append(f"tile {tile.title!r} out of reach: top {rect.top()}")
        if tile.title_cut():
            problems.append(f"tile {tile.title!r} cut")
    if mode == "low_reach":
        about = page.about.mapTo(shell, QPoint(0, 0)).y()
        if about < REACH_TOP * shell.height():
            problems.append(f"'about' out of reach: top {about}")
        if page.reach_head is not None:
            problems.append("Home has a reading block of its own in low reach")
    shell.allow_close()
    shell.close()
    return problems


def test_tiles_fill_their_rows() -> None:
    assert tile_rows(5, 5) == [5]
    assert tile_rows(5, 3) == [3, 2]
    assert tile_rows(5, 2) == [2, 2, 1]


def test_a_long_chip_wraps_instead_of_being_clipped(qtbot: QtBot) -> None:
    from kiosk.ui.chips import Chips
    from kiosk.ui.tokens import THEME

    long = "Building a three-tier international innovation system led by national laboratories"
    chips = Chips(["Short", long], 1.0, theme=THEME)
    qtbot.addWidget(chips)
    one_line = chips.heightForWidth(4000)
    narrow = chips.heightForWidth(400)
    assert narrow > 2 * one_line, "the long chip takes several lines"
    for rect, lines in chips._layout(400):
        assert rect.right() <= 400 and len(lines) >= 1
        assert all(chips.fontMetrics().horizontalAdvance(line) <= 400 for line in lines)
    assert " ".join(chips._layout(400)[1][1]) == long
