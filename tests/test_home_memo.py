"""Home built again for a screen it fitted before makes the same choices, measuring once
(:class:`kiosk.ui.pages.memo.FitMemo`); new content forgets them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content import Content
from kiosk.model.navigation import HOME
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.memo import FitMemo
from kiosk.ui.shell import Shell


@pytest.fixture
def shell(qtbot: QtBot, content: Content) -> Iterator[Shell]:
    settings = Settings.defaults().replace(language="en", transition_ms=150)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(1920, 1080)
    shell.show()
    qtbot.waitExposed(shell)
    yield shell
    shell.allow_close()
    shell.close()


@pytest.fixture
def measured(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times Home measured its whole height (one entry each)."""
    calls: list[int] = []
    measure = HomePage._needed_height

    def counted(page: HomePage) -> int:
        calls.append(1)
        return measure(page)

    monkeypatch.setattr(HomePage, "_needed_height", counted)
    return calls


def _home(shell: Shell) -> HomePage:
    if isinstance(shell.host.page, HomePage):
        shell.host.rebuild()  # a new Home, for the same screen
    else:
        shell.nav.show(HOME)
    shell.host.finish_transition()
    QApplication.processEvents()
    page = shell.host.page
    assert isinstance(page, HomePage)
    return page


def _choices(page: HomePage) -> tuple[object, ...]:
    """What Home shows of itself, and how."""
    parts = (page.picture, page.headline, page.figures, page.meta, page.eyebrow)
    shown = tuple(part is not None and part.isVisibleTo(page) for part in parts)
    tiles = tuple((t.min_height, t.height(), t.isVisibleTo(page)) for t in page.tiles)
    picture = page.picture.width() if page.picture is not None else 0
    return shown, page.title.property("role"), tiles, picture


@pytest.mark.parametrize("mode", ["large_text", "low_reach"])
def test_home_built_again_makes_the_same_choices_measuring_once(
    shell: Shell, measured: list[int], mode: str
) -> None:
    shell.session.set_mode(mode, True)
    first = _home(shell)
    before = _choices(first)
    assert len(measured) > 1, "Home lets something go on this screen (else nothing is learnt)"
    assert not first.scroll_area.verticalScrollBar().isVisible()
    measured.clear()
    again = _home(shell)
    assert again is not first
    assert len(measured) == 1, "the choices remembered are confirmed by one measurement"
    assert _choices(again) == before


def test_a_wrong_choice_remembered_is_corrected(shell: Shell, measured: list[int]) -> None:
    shell.session.set_mode("large_text", True)
    needed = _choices(_home(shell))
    memo = shell.stage.fits
    assert len(memo) == 1
    key = next(iter(memo._choices))
    memo.put(key, (0, 0))  # as if nothing had to go
    assert _choices(_home(shell)) == needed
    assert memo.get(key) not in (None, (0, 0))


def test_new_content_forgets_the_choices(shell: Shell, content: Content) -> None:
    _home(shell)
    assert len(shell.stage.fits) == 1
    shell.session.set_content(content)
    assert len(shell.stage.fits) == 0


def test_the_memo_keeps_the_most_recently_used() -> None:
    memo = FitMemo(size=2)
    memo.put("a", (1, 2))
    memo.put("b", (0, 1))
    assert memo.get("a") == (1, 2)  # used: "b" is now the oldest
    memo.put("c", (0, 0))
    assert memo.get("b") is None
    assert (memo.get("a"), memo.get("c")) == ((1, 2), (0, 0))
