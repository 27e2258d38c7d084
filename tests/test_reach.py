"""Low reach: on every kind of screen, everything a visitor acts on lies in the lower part of the
window, and the upper part holds reading matter from its top to the reach line: the forum's name
and dates, the screen's title and summary (Home: tests/test_home_fits.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Lang
from kiosk.model.navigation import Route
from kiosk.model.routes import all_routes
from kiosk.model.session import Session
from kiosk.model.settings import Settings
from kiosk.ui.pages.base import REACH_TOP, ScrollPage
from kiosk.ui.shell import Shell

SIZES = [(1920, 1080), (1080, 1920), (1366, 768), (3840, 2160)]


def _one_of_each(content: Content) -> list[Route]:
    kinds: dict[str, Route] = {}
    for route in all_routes(content):
        if route.page not in ("attract", "home"):
            kinds.setdefault(route.page, route)
    return list(kinds.values())


@pytest.mark.parametrize("large", [False, True], ids=["", "large_text"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_everything_to_act_on_is_in_the_lower_part(
    qtbot: QtBot, content: Content, lang: Lang, size: tuple[int, int], large: bool
) -> None:
    settings = Settings.defaults().replace(language=lang)
    shell = Shell(Session(content, settings), kiosk_mode=False, animate=False)
    qtbot.addWidget(shell)
    shell.resize(*size)
    shell.show()
    qtbot.waitExposed(shell)
    shell.nav.home()
    shell.session.set_mode("low_reach", True)
    shell.session.set_mode("large_text", large)
    problems = []
    reach = REACH_TOP * shell.height()
    for route in _one_of_each(content):
        shell.nav.show(route)
        shell.host.finish_transition()
        QApplication.processEvents()
        QApplication.processEvents()
        page = shell.host.page
        assert isinstance(page, ScrollPage) and page.reach_head is not None
        if page.heading is None or not page.reach_head.isAncestorOf(page.heading):
            problems.append(f"{route}: its heading is not in the reading part above")
        problems += _upper_part_problems(route, page, shell, large)
        inner = page.inner  # the column grew when its lead came down: it is not squeezed
        needed = inner.heightForWidth(inner.width()) if inner.hasHeightForWidth() else 0
        if inner.height() < max(needed, inner.minimumSizeHint().height()):
            problems.append(f"{route}: the column is {inner.height()} high, it needs {needed}")
        viewport = page.scroll_area.viewport()
        if viewport.mapTo(shell, QPoint(0, 0)).y() < reach:
            problems.append(f"{route}: the scrolling part starts above the reach line")
        buttons = [b for b in shell.findChildren(QAbstractButton) if b.isVisibleTo(shell)]
        assert len(buttons) > 6  # the bar's and the page's
        for button in buttons:
            top = button.mapTo(shell, QPoint(0, 0)).y()
            if top < reach:
                problems.append(f"{route}: {type(button).__name__} {button.text()!r} at {top}")
    shell.allow_close()
    shell.close()
    assert not problems, "\n".join(problems)


def _upper_part_problems(route: Route, page: ScrollPage, shell: Shell, large: bool) -> list[str]:
    """The upper part is no blank band: its text starts near the window's top and reaches down
    to the reach line (a band with only the title at its bottom fails); a long quote may push
    the reach line down a little, never far. In large text the forum's line at the top gives
    way to the title when both do not fit (and a quote may take more room)."""
    assert page.reach_head is not None
    band = REACH_TOP * shell.height()
    texts = [
        label
        for label in page.reach_head.findChildren(QLabel)
        if label.text().strip() and label.isVisibleTo(shell) and label.height() > 0
    ]
    if not texts:
        return [f"{route}: no text in the upper part"]
    top = min(label.mapTo(shell, QPoint(0, 0)).y() for label in texts)
    bottom = max(label.mapTo(shell, QPoint(0, label.height())).y() for label in texts)
    problems = []
    if top > 0.15 * band and not large:
        problems.append(f"{route}: the upper part's text starts at {top} (band {band:.0f})")
    if bottom < 0.75 * band:
        problems.append(f"{route}: the upper part's text ends at {bottom} (band {band:.0f})")
    if page.reach_head.height() > 1.25 * band and not large:
        problems.append(f"{route}: the upper part is {page.reach_head.height()} high (band {band})")
    return problems
